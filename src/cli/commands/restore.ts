import fs from 'node:fs';
import path from 'node:path';
import { BackupFormatError, restoreDatabase } from '../../modules/backup/backup.service';
import { withDatabase } from '../cli-database';
import { CliInputError } from '../cli-error';

/** `congthuong restore <file>`: replaces the configured database's content with a backup (all or nothing). */
export const run = async (args: string[]): Promise<number> => {
  if (args.length !== 1) throw new CliInputError('usage: restore <file>  (one argument: a file written by "backup")');
  const file = path.resolve(args[0]);
  if (!fs.existsSync(file)) throw new CliInputError(`argument <file>: ${file} does not exist`);
  try {
    const result = await withDatabase((database) => restoreDatabase(database, file));
    process.stdout.write(`restored ${result.rows} rows in ${result.tables} tables from ${file}\n`);
    return 0;
  } catch (error) {
    if (error instanceof BackupFormatError) throw new CliInputError(error.message);
    const message = error instanceof Error ? error.message : String(error);
    if (/incorrect header check|unexpected end of file/.test(message)) throw new CliInputError(`${file} is not a gzip backup file`);
    throw error;
  }
};
