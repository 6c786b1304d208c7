import { ConfigError, loadConfig } from '../config/config';
import { openDatabase, type TDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';
import { CliInputError } from './cli-error';

/** Opens the configured database (same environment variables as the server) and migrates it. */
export const withDatabase = async <T>(fn: (database: TDatabase) => Promise<T>, { migrate = true } = {}): Promise<T> => {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new CliInputError(error.message);
    throw error;
  }
  const database = await openDatabase(config.database);
  try {
    if (migrate) await runMigrations(database);
    return await fn(database);
  } finally {
    await database.close();
  }
};
