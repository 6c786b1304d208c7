import path from 'node:path';
import fs from 'node:fs';
import { backupDatabase } from '../../modules/backup/backup.service';
import { withDatabase } from '../cli-database';
import { CliInputError } from '../cli-error';

/** `congthuong backup <file>`: writes a logical backup (gzip JSON lines) of the configured database. */
export const run = async (args: string[]): Promise<number> => {
  if (args.length !== 1) throw new CliInputError('usage: backup <file>  (one argument: the backup file to write)');
  const file = path.resolve(args[0]);
  if (!fs.existsSync(path.dirname(file))) throw new CliInputError(`argument <file>: folder ${path.dirname(file)} does not exist`);
  const result = await withDatabase((database) => backupDatabase(database, file));
  process.stdout.write(`backup written to ${file}: ${result.tables} tables, ${result.rows} rows\n`);
  return 0;
};
