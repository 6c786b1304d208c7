import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { queryRows, type TDatabase, type TSchema } from './client';

export const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const MIGRATION_LOCK_KEY = 72_001;

/** Number of migrations shipped with this version (from drizzle-kit's journal). */
export const countExpectedMigrations = (): number => {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
};

/** Number of migrations recorded as applied in the database (0 on a new database). */
export const countAppliedMigrations = async (database: TDatabase): Promise<number> => {
  const exists = await queryRows<{ t: string | null }>(database.db, sql`select to_regclass('drizzle.__drizzle_migrations')::text as t`);
  if (!exists[0]?.t) return 0;
  const rows = await queryRows<{ n: number | string }>(database.db, sql`select count(*) as n from drizzle.__drizzle_migrations`);
  return Number(rows[0]?.n ?? 0);
};

/**
 * Applies pending migrations. On PostgreSQL an advisory lock makes concurrent starts of several
 * app processes safe. The same SQL files serve both databases.
 */
export const runMigrations = async (database: TDatabase): Promise<{ applied: number }> =>
  database.withExclusiveLock(MIGRATION_LOCK_KEY, async () => {
    const before = await countAppliedMigrations(database);
    if (database.kind === 'pglite') {
      await migratePglite(database.db as unknown as PgliteDatabase<TSchema>, { migrationsFolder: MIGRATIONS_FOLDER });
    } else {
      await migrateNodePg(database.db as unknown as NodePgDatabase<TSchema>, { migrationsFolder: MIGRATIONS_FOLDER });
    }
    const after = await countAppliedMigrations(database);
    return { applied: after - before };
  });
