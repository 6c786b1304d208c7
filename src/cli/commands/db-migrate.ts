import { runMigrations } from '../../db/migrate';
import { withDatabase } from '../cli-database';

/** `congthuong db migrate`: applies pending migrations to the configured database. */
export const run = async (args: string[]): Promise<number> => {
  if (args.length) process.stderr.write(`db migrate takes no arguments (got ${args.join(' ')})\n`);
  const { applied } = await withDatabase(async (database) => runMigrations(database), { migrate: false });
  process.stdout.write(applied ? `applied ${applied} migration(s)\n` : 'database is up to date\n');
  return 0;
};
