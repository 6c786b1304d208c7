/**
 * `sme classify <file.csv>`: reads case_id,sector_group,avg_insured_employees,revenue_vnd,capital_vnd
 * (other columns ignored, any order) and prints `case_id,class` (Decree 80/2021).
 * A row with missing or negative employees or capital is INVALID_INPUT (a result, not an error);
 * a malformed file (missing column, unknown sector_group, non-numeric text) is exit 2.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { CliInputError } from '../cli-error';
import { classifySme, isSmeSectorGroup, parseExactDecimal, parseVndAmount, SME_SECTOR_GROUPS, SmeInputError } from '../../domain/sme/sme';

const HEADER = 'case_id,class';
const USAGE = 'usage: sme classify <file.csv>';
const REQUIRED_COLUMNS = ['case_id', 'sector_group', 'avg_insured_employees', 'revenue_vnd', 'capital_vnd'] as const;
type TColumn = (typeof REQUIRED_COLUMNS)[number];

/** Quotes a CSV field when needed (RFC 4180). */
const quoteCsv = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** Validates an average-employees cell: empty ⇒ null (missing), else exact decimal text. */
const readEmployees = (text: string): string | null => {
  if (text === '') return null;
  parseExactDecimal(text);
  return text;
};

/** Reads the file into records with the line number of each record. */
const readRecords = (file: string): { records: string[][]; lines: number[] } => {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliInputError(`${file}: cannot read the file (${error instanceof Error ? error.message : String(error)})`);
  }
  const lines: number[] = [];
  try {
    const records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      on_record: (record: string[], context) => {
        lines.push(context.lines);
        return record;
      },
    });
    return { records, lines };
  } catch (error) {
    throw new CliInputError(`${file}: malformed CSV (${error instanceof Error ? error.message : String(error)})`);
  }
};

/** Classifies every row of the file; throws CliInputError on the first malformed value. */
const classifyFile = (file: string): string[] => {
  const { records, lines } = readRecords(file);
  const header = (records[0] ?? []).map((h) => h.trim());
  const missing = REQUIRED_COLUMNS.find((name) => !header.includes(name));
  if (missing) throw new CliInputError(`${file}: line ${lines[0] ?? 1}: missing required column "${missing}" (expected ${REQUIRED_COLUMNS.join(',')})`);
  const columnOf = (name: TColumn): number => header.indexOf(name);
  return records.slice(1).map((row, i) => {
    const line = lines[i + 1];
    const where = (name: TColumn): string => `${file}: line ${line}, column ${columnOf(name) + 1} (${name})`;
    const value = (name: TColumn): string => (row[columnOf(name)] ?? '').trim();
    const check = <T>(name: TColumn, read: (text: string) => T, expected: string): T => {
      try {
        return read(value(name));
      } catch (error) {
        if (error instanceof SmeInputError) throw new CliInputError(`${where(name)}: expected ${expected}, got "${value(name)}"`);
        throw error;
      }
    };
    const sectorGroup = value('sector_group');
    if (!isSmeSectorGroup(sectorGroup)) throw new CliInputError(`${where('sector_group')}: expected one of ${SME_SECTOR_GROUPS.join(', ')}, got "${sectorGroup}"`);
    const employees = check('avg_insured_employees', readEmployees, 'a number (average insured employees) or empty');
    const revenue = check('revenue_vnd', parseVndAmount, 'an integer amount in VND or empty');
    const capital = check('capital_vnd', parseVndAmount, 'an integer amount in VND or empty');
    const result = classifySme({ sectorGroup, avgInsuredEmployees: employees, revenueVnd: revenue, capitalVnd: capital });
    return `${quoteCsv(value('case_id'))},${result.class}`;
  });
};

/** Runs `sme classify`. */
export const run = async (args: string[]): Promise<number> => {
  if (args.length !== 1 || args[0].startsWith('-')) throw new CliInputError(`expected exactly one argument <file.csv>, got ${args.length === 0 ? 'none' : `"${args.join(' ')}"`}; ${USAGE}`);
  const rows = classifyFile(args[0]);
  process.stdout.write([HEADER, ...rows].join('\n') + '\n');
  return 0;
};
