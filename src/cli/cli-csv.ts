import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { CliInputError } from './cli-error';

/** A CSV file read for a CLI command: the trimmed header and each data row with its line number. */
export type TCliCsv = { header: string[]; rows: { cells: string[]; line: number }[] };

/**
 * Reads a UTF-8 CSV file (BOM allowed, empty lines skipped) for a CLI command; an unreadable or
 * malformed file is a CliInputError naming the file (exit 2).
 */
export const readCliCsvFile = (file: string): TCliCsv => {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliInputError(`${file}: cannot read the file (${error instanceof Error ? error.message : String(error)})`);
  }
  const lines: number[] = [];
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      on_record: (record: string[], context) => {
        lines.push(context.lines);
        return record;
      },
    });
  } catch (error) {
    throw new CliInputError(`${file}: malformed CSV (${error instanceof Error ? error.message : String(error)})`);
  }
  return { header: (records[0] ?? []).map((h) => h.trim()), rows: records.slice(1).map((cells, i) => ({ cells, line: lines[i + 1] })) };
};
