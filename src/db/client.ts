import fs from 'node:fs';
import path from 'node:path';
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
 * Sets `shared_buffers` in the embedded database's own postgresql.conf (read when the database
 * starts; a new folder is started again once it has the file). Returns whether the file changed.
 */
export const setPgliteSharedBuffers = (dataDir: string, size: string): boolean => {
  const file = path.join(dataDir, 'postgresql.conf');
  if (!fs.existsSync(file)) return false;
  const text = fs.readFileSync(file, 'utf8');
  if (/^shared_buffers\s*=\s*(\S+)/m.exec(text)?.[1] === size) return false;
  const line = `shared_buffers = ${size}\t\t\t# set by congthuong (PGLITE_SHARED_BUFFERS)`;
  const next = /^shared_buffers\s*=.*$/m.test(text) ? text.replace(/^shared_buffers\s*=.*$/m, line) : `${text}\n${line}\n`;
  if (next === text) return false;
  fs.writeFileSync(file, next);
  return true;
};

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
    if (isFolder && target.sharedBuffers) setPgliteSharedBuffers(target.dataDir, target.sharedBuffers);
    let client = await PGlite.create(target.dataDir, { extensions: { unaccent, pg_trgm } });
    // A new folder: its configuration file exists only now; start again with the setting.
    if (isFolder && target.sharedBuffers && setPgliteSharedBuffers(target.dataDir, target.sharedBuffers)) {
      await client.close();
      client = await PGlite.create(target.dataDir, { extensions: { unaccent, pg_trgm } });
    }
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
