/**
 * `calendar lunar <YYYY-MM-DD>...` | `calendar lunar --file <dates.csv>` (column solar_date).
 * Prints `solar_date,lunar_day,lunar_month,lunar_year,leap` (Vietnamese lunar calendar, UTC+7).
 */
import { readCliCsvFile } from '../cli-csv';
import { CliInputError } from '../cli-error';
import { LUNAR_MAX_DATE, LUNAR_MIN_DATE, lunarFromJdn, parseIsoDate } from '../../domain/calendar/lunar';

const HEADER = 'solar_date,lunar_day,lunar_month,lunar_year,leap';
const USAGE = 'usage: calendar lunar <YYYY-MM-DD>... | calendar lunar --file <dates.csv>';
const MIN_JDN = parseIsoDate(LUNAR_MIN_DATE) ?? 0;
const MAX_JDN = parseIsoDate(LUNAR_MAX_DATE) ?? 0;

/** A date to convert and where it came from (for error messages). */
type TDateInput = { text: string; where: string };

/** Reads the solar_date column of a CSV file, with line numbers. */
const readDateFile = (file: string): TDateInput[] => {
  const { header, rows } = readCliCsvFile(file);
  const column = header.indexOf('solar_date');
  if (column < 0) throw new CliInputError(`${file}: line 1: expected a header row with the column solar_date`);
  return rows.map(({ cells: row, line }) => ({
    text: (row[column] ?? '').trim(),
    where: `${file}: line ${line}, column ${column + 1} (solar_date)`,
  }));
};

/** Collects the dates from the arguments: either dates or `--file <path>`. */
const collectInputs = (args: string[]): TDateInput[] => {
  if (args.length === 0) throw new CliInputError(`expected at least one date YYYY-MM-DD or --file <dates.csv>; ${USAGE}`);
  const fileArg = args.find((a) => a === '--file' || a.startsWith('--file='));
  if (fileArg) {
    const file = fileArg === '--file' ? args[args.indexOf('--file') + 1] : fileArg.slice('--file='.length);
    const consumed = fileArg === '--file' ? 2 : 1;
    if (!file) throw new CliInputError(`argument --file: expected a file path; ${USAGE}`);
    if (args.length !== consumed) throw new CliInputError(`--file cannot be combined with other arguments; ${USAGE}`);
    return readDateFile(file);
  }
  const option = args.find((a) => a.startsWith('-'));
  if (option) throw new CliInputError(`unknown option "${option}"; ${USAGE}`);
  return args.map((text, i) => ({ text, where: `argument ${i + 1} "${text}"` }));
};

/** Converts every date, failing on the first invalid or out-of-range one. */
const convertAll = (inputs: TDateInput[]): string[] =>
  inputs.map(({ text, where }) => {
    const jdn = parseIsoDate(text);
    if (jdn === undefined) throw new CliInputError(`${where}: expected a valid date YYYY-MM-DD, got "${text}"`);
    if (jdn < MIN_JDN || jdn > MAX_JDN) throw new CliInputError(`${where}: date ${text} is outside the supported range ${LUNAR_MIN_DATE}..${LUNAR_MAX_DATE}`);
    const lunar = lunarFromJdn(jdn);
    return `${text},${lunar.day},${lunar.month},${lunar.year},${lunar.leap ? 1 : 0}`;
  });

/** Runs `calendar lunar`. */
export const run = async (args: string[]): Promise<number> => {
  const rows = convertAll(collectInputs(args));
  process.stdout.write([HEADER, ...rows].join('\n') + '\n');
  return 0;
};
