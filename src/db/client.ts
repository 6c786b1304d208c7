import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema/index';

export type TSchema = typeof schema;
/** The Drizzle database, whichever driver is underneath (PGlite or node-postgres). */
export type TDb = PgDatabase<PgQueryResultHKT, TSchema>;
/** A transaction handle; repositories accept `TDb | TTx` so use cases can compose them. */
export type TTx = Parameters<Parameters<TDb['transaction']>[0]>[0];
export type TDbOrTx = TDb | TTx;

export type TDatabaseTarget = { kind: 'pglite'; dataDir: string; sharedBuffers?: string } | { kind: 'postgres'; url: string };

/**
 * Start parameters of the embedded database: PGlite's own and the page cache from the
 * configuration (a command-line setting: it applies to a new folder from its first start and
 * overrides the folder's postgresql.conf).
 */
export const pgliteStartParams = (sharedBuffers: string | undefined): string[] => [
  ...PGlite.defaultStartParams,
  ...(sharedBuffers ? ['-c', `shared_buffers=${sharedBuffers}`] : []),
];

export type TDatabase = {
  db: TDb;
  kind: 'pglite' | 'postgres';
  /** Runs a statement on one dedicated connection while holding a session-level lock (PostgreSQL advisory lock; PGlite has a single connection). */
  withExclusiveLock: <T>(lockKey: number, fn: () => Promise<T>) => Promise<T>;
  close: () => Promise<void>;
};

/** Returns the rows of a raw SQL query on either driver. */
export const queryRows = async <T>(db: TDbOrTx, query: SQL): Promise<T[]> => {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
};

/**
 * Opens the database: PGlite in a data folder by default (unaccent and pg_trgm loaded),
 * PostgreSQL when a URL is configured.
 */
export const openDatabase = async (target: TDatabaseTarget): Promise<TDatabase> => {
  if (target.kind === 'pglite') {
    const isFolder = !target.dataDir.startsWith('memory://');
    if (isFolder) fs.mkdirSync(target.dataDir, { recursive: true });
    const client = await PGlite.create(target.dataDir, { extensions: { unaccent, pg_trgm }, startParams: pgliteStartParams(target.sharedBuffers) });
    const db = drizzlePglite(client, { schema }) as unknown as TDb;
    return {
      db,
      kind: 'pglite',
      withExclusiveLock: (_key, fn) => fn(),
      close: async () => {
        if (!client.closed) await client.close();
      },
    };
  }
  const pool = new pg.Pool({ connectionString: target.url, max: 10 });
  pool.on('error', () => undefined);
  const db = drizzleNodePg(pool, { schema }) as unknown as TDb;
  return {
    db,
    kind: 'postgres',
    withExclusiveLock: async (key, fn) => {
      const conn = await pool.connect();
      try {
        await conn.query('SELECT pg_advisory_lock($1)', [key]);
        try {
          return await fn();
        } finally {
          await conn.query('SELECT pg_advisory_unlock($1)', [key]);
        }
      } finally {
        conn.release();
      }
    },
    close: async () => {
      await pool.end();
    },
  };
};

/** True when the database answers a trivial query. */
export const pingDatabase = async (db: TDb): Promise<boolean> => {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
};
