/**
 * `calendar add-workdays <YYYY-MM-DD> <n>` | `calendar add-workdays --file <rows.csv>` (columns start_date,n).
 * Prints `start_date,n,due_date`: the n-th working day after the receipt day (not counted), with the
 * shipped official schedule (reference/holidays-2019-2030.csv) and the statutory rules outside its years.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readCliCsvFile } from '../cli-csv';
import { CliInputError } from '../cli-error';
import { createHolidayCalendar, parseHolidayCsv } from '../../domain/calendar/holidays';
import { isoFromJdn, parseIsoDate } from '../../domain/calendar/lunar';
import { addWorkingDaysJdn, createWorkCalendar, WORK_CALENDAR_MAX_YEAR, WORK_CALENDAR_MIN_YEAR, type TWorkCalendar } from '../../domain/calendar/workdays';

const HEADER = 'start_date,n,due_date';
const USAGE = 'usage: calendar add-workdays <YYYY-MM-DD> <n> | calendar add-workdays --file <rows.csv>';
/** The shipped official schedule, located from this file (not from the working directory). */
const HOLIDAYS_CSV_PATH = fileURLToPath(new URL('../../../reference/holidays-2019-2030.csv', import.meta.url));
const COUNT_RE = /^\d+$/;
const MIN_DATE = `${WORK_CALENDAR_MIN_YEAR}-01-01`;
const MAX_DATE = `${WORK_CALENDAR_MAX_YEAR}-12-31`;
const MIN_JDN = parseIsoDate(MIN_DATE) ?? 0;
const MAX_JDN = parseIsoDate(MAX_DATE) ?? 0;

/** One addition to compute, with the position of each value for error messages. */
type TRowInput = { start: string; n: string; whereStart: string; whereN: string };

/** Loads the working-day calendar from the shipped holiday schedule. */
const loadWorkCalendar = (): TWorkCalendar => {
  const text = readFileSync(HOLIDAYS_CSV_PATH, 'utf8');
  return createWorkCalendar(createHolidayCalendar({ officialEntries: parseHolidayCsv(text, HOLIDAYS_CSV_PATH) }));
};

/** Reads the start_date,n columns of a CSV file, with line and column numbers. */
const readRowsFile = (file: string): TRowInput[] => {
  const { header, rows } = readCliCsvFile(file);
  const startColumn = header.indexOf('start_date');
  const nColumn = header.indexOf('n');
  if (startColumn < 0 || nColumn < 0) throw new CliInputError(`${file}: line 1: expected a header row with the columns start_date,n`);
  return rows.map(({ cells: row, line }) => ({
    start: (row[startColumn] ?? '').trim(),
    n: (row[nColumn] ?? '').trim(),
    whereStart: `${file}: line ${line}, column ${startColumn + 1} (start_date)`,
    whereN: `${file}: line ${line}, column ${nColumn + 1} (n)`,
  }));
};

/** Collects the additions from the arguments: `<date> <n>` or `--file <path>`. */
const collectInputs = (args: string[]): TRowInput[] => {
  const fileArg = args.find((a) => a === '--file' || a.startsWith('--file='));
  if (fileArg) {
    const file = fileArg === '--file' ? args[args.indexOf('--file') + 1] : fileArg.slice('--file='.length);
    const consumed = fileArg === '--file' ? 2 : 1;
    if (!file) throw new CliInputError(`argument --file: expected a file path; ${USAGE}`);
    if (args.length !== consumed) throw new CliInputError(`--file cannot be combined with other arguments; ${USAGE}`);
    return readRowsFile(file);
  }
  if (args.length !== 2) throw new CliInputError(`expected 2 arguments <YYYY-MM-DD> <n>, got ${args.length}; ${USAGE}`);
  return [{ start: args[0], n: args[1], whereStart: `argument 1 (start date) "${args[0]}"`, whereN: `argument 2 (n) "${args[1]}"` }];
};

/** Computes every due date, failing on the first invalid row. */
const computeAll = (calendar: TWorkCalendar, inputs: TRowInput[]): string[] =>
  inputs.map(({ start, n, whereStart, whereN }) => {
    const jdn = parseIsoDate(start);
    if (jdn === undefined) throw new CliInputError(`${whereStart}: expected a valid date YYYY-MM-DD, got "${start}"`);
    if (jdn < MIN_JDN || jdn > MAX_JDN) throw new CliInputError(`${whereStart}: date ${start} is outside the supported range ${MIN_DATE}..${MAX_DATE}`);
    if (!COUNT_RE.test(n) || !Number.isSafeInteger(Number(n))) throw new CliInputError(`${whereN}: expected a non-negative integer, got "${n}"`);
    const count = Number(n);
    let due: number;
    try {
      due = addWorkingDaysJdn(calendar, jdn, count);
    } catch (error) {
      if (error instanceof RangeError) throw new CliInputError(`${whereN}: the due date falls outside the supported range ${MIN_DATE}..${MAX_DATE}`);
      throw error;
    }
    return `${start},${count},${isoFromJdn(due)}`;
  });

/** Runs `calendar add-workdays`. */
export const run = async (args: string[]): Promise<number> => {
  const inputs = collectInputs(args);
  const rows = computeAll(loadWorkCalendar(), inputs);
  process.stdout.write([HEADER, ...rows].join('\n') + '\n');
  return 0;
};
