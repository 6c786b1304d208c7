import fs from 'node:fs';
import path from 'node:path';
import { systemContext } from '../../modules/audit/audit.service';
import { createEnterpriseImportService } from '../../modules/enterprises/enterprises-import.service';
import { AppError } from '../../server/errors';
import { withDatabase } from '../cli-database';
import { CliInputError } from '../cli-error';
import { createProgressBar } from '../cli-progress';
import { createReportsImportService } from '../../modules/reporting/reports-import.service';
import { createStatisticsService } from '../../modules/statistics/statistics.service';

/**
 * `congthuong import enterprises <file> [--dry-run]`: the same import as the web page (CSV or
 * XLSX, all-or-nothing), with a progress bar; errors are listed with row and column.
 */
export const run = async (args: string[]): Promise<number> => {
  const [kind, file, ...flags] = args;
  if (kind === 'reports') return importReports(file, flags);
  if (kind !== 'enterprises') throw new CliInputError(`argument <kind>: expected "enterprises" or "reports" (got ${kind ?? 'nothing'})`);
  if (!file) throw new CliInputError('usage: import enterprises <file.csv|file.xlsx> [--dry-run]');
  const unknown = flags.filter((f) => f !== '--dry-run');
  if (unknown.length) throw new CliInputError(`unknown option(s): ${unknown.join(' ')}`);
  const full = path.resolve(file);
  if (!fs.existsSync(full)) throw new CliInputError(`argument <file>: ${full} does not exist`);
  const dryRun = flags.includes('--dry-run');
  const bar = createProgressBar();
  const started = Date.now();
  try {
    const result = await withDatabase((database) =>
      createEnterpriseImportService({ db: database.db }).importEnterprises(systemContext('cli'), {
        fileName: path.basename(full),
        bytes: fs.readFileSync(full),
        dryRun,
        onProgress: bar.update,
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `${dryRun ? 'dry run' : 'imported'}: ${result.rows} rows — ${result.inserted} new, ${result.updated} changed, ${result.unchanged} unchanged, ${result.figures} with figures; ${result.errorCount} error(s); ${seconds.toFixed(1)} s (${Math.round(result.rows / seconds)} rows/s)\n`,
    );
    process.stdout.write(result.errors.map((e) => `  row ${e.row ?? '-'}, column ${e.column ?? '-'}: ${e.message}\n`).join(''));
    return result.errorCount ? 2 : 0;
  } catch (error) {
    if (error instanceof AppError && error.code === 'IMPORT_INVALID') {
      const details = error.details as { errors?: { row: number | null; column: string | null; message: string }[] } | undefined;
      const lines = (details?.errors ?? []).map((e) => `  ${path.basename(full)}: row ${e.row ?? '-'}, column ${e.column ?? '-'}: ${e.message}`);
      throw new CliInputError([`${path.basename(full)}: ${error.message}`, ...lines].join('\n'));
    }
    throw error;
  }
};

/** `congthuong import reports <file.csv> [--dry-run]`: the bulk feed of accepted monthly reports. */
const importReports = async (file: string | undefined, flags: string[]): Promise<number> => {
  if (!file) throw new CliInputError('usage: import reports <file.csv> [--dry-run]');
  const unknown = flags.filter((f) => f !== '--dry-run');
  if (unknown.length) throw new CliInputError(`unknown option(s): ${unknown.join(' ')}`);
  const full = path.resolve(file);
  if (!fs.existsSync(full)) throw new CliInputError(`argument <file>: ${full} does not exist`);
  try {
    const result = await withDatabase((database) =>
      createReportsImportService({ db: database.db, statisticsService: createStatisticsService({ db: database.db }) }).importReports(systemContext('cli'), {
        fileName: path.basename(full),
        bytes: fs.readFileSync(full),
        dryRun: flags.includes('--dry-run'),
      }),
    );
    process.stdout.write(
      `${result.dryRun ? 'dry run' : 'imported'} ${result.period}: ${result.rows} rows — ${result.reportsNew} new reports, ${result.reportsUpdated} updated, ${result.cells} cells; ${result.errors.length} error(s)${result.recomputeMs === null ? '' : `; indicators recomputed in ${result.recomputeMs} ms`}\n`,
    );
    process.stdout.write(result.errors.map((e) => `  ${path.basename(full)}: row ${e.row ?? '-'}, column ${e.column ?? '-'}: ${e.message}\n`).join(''));
    return result.errors.length ? 2 : 0;
  } catch (error) {
    if (error instanceof AppError && error.code === 'IMPORT_INVALID') {
      const details = error.details as { errors?: { row: number | null; column: string | null; message: string }[] } | undefined;
      throw new CliInputError([`${path.basename(full)}: ${error.message}`, ...(details?.errors ?? []).map((e) => `  ${path.basename(full)}: row ${e.row ?? '-'}, column ${e.column ?? '-'}: ${e.message}`)].join('\n'));
    }
    throw error;
  }
};
