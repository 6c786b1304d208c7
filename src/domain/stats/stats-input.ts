/**
 * Parsing and validation of the CSV file set of §3 (plus params.csv) into the typed input model.
 * Every error names the file, the line and the column and says what was expected.
 * Pure: takes file contents, does no I/O.
 */
import { CsvSyntaxError, readCsvRecords } from '../../lib/csv-reader';
import { StatsInputError } from './stats-errors';
import { isPeriod, parsePeriod } from './stats-periods';
import { getSectionOfDivision } from './stats-weights';
import {
  RETAIL_TOTAL,
  SECTIONS,
  VALUE_INDICATORS,
  WEIGHT_LEVELS,
  type TDeflator,
  type TQuantityReport,
  type TStatsEnterprise,
  type TStatsInput,
  type TStatsProduct,
  type TStatsSurvey,
  type TTetWindow,
  type TValueIndicator,
  type TValueReport,
  type TWeightLevel,
  type TWeightRow,
} from './stats.types';

/** Input files by name (contents, or undefined when the file is absent). */
export type TStatsFileSet = Partial<Record<(typeof STATS_INPUT_FILES)[number], string>>;

/** The files of §3 plus params.csv. */
export const STATS_INPUT_FILES = [
  'params.csv',
  'products.csv',
  'weights.csv',
  'enterprises.csv',
  'reports.csv',
  'values.csv',
  'deflators.csv',
  'tet_holidays.csv',
] as const;

/** A module of params.csv: the survey it computes. */
export type TStatsModule = TStatsSurvey;

/** params.csv: which modules to run and the output range. */
export type TStatsParams = { modules: TStatsModule[]; from: string; to: string };

/** The current data line of a CSV table, with accessors that throw located errors. */
type TCsvLine = {
  line: number;
  text: (column: string) => string;
  fail: (column: string, expected: string) => never;
};

/**
 * Reads a table: checks the header has the `required` columns (`optional` ones read as empty
 * when absent) and every line the header's field count, then maps each line with `map`.
 */
const readTable = <T>(file: string, content: string, columns: { required: readonly string[]; optional?: readonly string[] }, map: (row: TCsvLine) => T): T[] => {
  const { required, optional = [] } = columns;
  let position: Map<string, number> | null = null;
  let record: string[] = [];
  const out: T[] = [];
  const fail = (column: string, expected: string): never => {
    throw new StatsInputError({ file, line: row.line, column }, expected);
  };
  const row: TCsvLine = {
    line: 0,
    text: (column) => {
      const i = position?.get(column);
      if (i === undefined) return optional.includes(column) ? '' : fail(column, 'missing column');
      return record[i];
    },
    fail,
  };
  try {
    readCsvRecords(content, (fields, line) => {
      if (position === null) {
        position = new Map(fields.map((name, i) => [name, i]));
        for (const column of required) {
          if (!position.has(column)) throw new StatsInputError({ file, line, column }, `missing column "${column}" in the header`);
        }
        return;
      }
      if (fields.length !== position.size) throw new StatsInputError({ file, line }, `expected ${position.size} fields as in the header, got ${fields.length}`);
      record = fields;
      row.line = line;
      out.push(map(row));
    });
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new StatsInputError({ file, line: error.line }, `expected valid CSV: ${error.message}`);
    throw error;
  }
  if (position === null) throw new StatsInputError({ file, line: 1 }, `expected a header row with ${required.join(', ')}`);
  return out;
};

const NUMBER_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

const readNumber = (row: TCsvLine, column: string, { min, exclusive = false }: { min: number; exclusive?: boolean }): number => {
  const text = row.text(column);
  const value = NUMBER_RE.test(text) ? Number(text) : Number.NaN;
  const ok = Number.isFinite(value) && (exclusive ? value > min : value >= min);
  if (!ok) return row.fail(column, `expected a number ${exclusive ? '>' : '>='} ${min}, got "${text}"`);
  return value;
};

const readOptionalNumber = (row: TCsvLine, column: string): number | null =>
  row.text(column) === '' ? null : readNumber(row, column, { min: 0 });

const readRevision = (row: TCsvLine): number => {
  const text = row.text('revision');
  if (text === '') return 0;
  if (!/^\d+$/.test(text)) return row.fail('revision', `expected an integer >= 0, got "${text}"`);
  return Number(text);
};

const readPeriod = (row: TCsvLine, column: string): string => {
  const text = row.text(column);
  if (!isPeriod(text)) return row.fail(column, `expected a YYYY-MM period, got "${text}"`);
  return text;
};

const readOptionalPeriod = (row: TCsvLine, column: string): string | null => (row.text(column) === '' ? null : readPeriod(row, column));

const readNonEmpty = (row: TCsvLine, column: string): string => {
  const text = row.text(column);
  if (text === '') return row.fail(column, 'expected a value, got an empty cell');
  return text;
};

const isIsoDate = (text: string): boolean => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
};

const readDate = (row: TCsvLine, column: string): string => {
  const text = row.text(column);
  if (!isIsoDate(text)) return row.fail(column, `expected a YYYY-MM-DD date, got "${text}"`);
  return text;
};

const requireFile = (files: TStatsFileSet, file: keyof TStatsFileSet, why: string): string => {
  const content = files[file];
  if (content === undefined) throw new StatsInputError({ file }, `file not found (needed for ${why})`);
  return content;
};

/**
 * Parses params.csv (`key,value`): `modules` = iip | values | iip;values, `from` and `to` periods
 * with from <= to. Unknown keys are ignored.
 */
export const parseStatsParams = (content: string): TStatsParams => {
  const file = 'params.csv';
  const entries = readTable(file, content, { required: ['key', 'value'] }, (row) => ({ key: row.text('key'), value: row.text('value'), line: row.line }));
  const found = new Map(entries.map((entry) => [entry.key, entry]));
  const get = (key: string): { value: string; line: number } => {
    const entry = found.get(key);
    if (!entry) throw new StatsInputError({ file, column: 'key' }, `missing key "${key}"`);
    return entry;
  };
  const fail = (line: number, expected: string): never => {
    throw new StatsInputError({ file, line, column: 'value' }, expected);
  };
  const modulesEntry = get('modules');
  const modules = [...new Set(modulesEntry.value.split(';').map((part) => part.trim()))];
  const isModule = (part: string): part is TStatsModule => part === 'iip' || part === 'values';
  if (!modules.every(isModule)) return fail(modulesEntry.line, `expected modules iip, values or iip;values, got "${modulesEntry.value}"`);
  const readPeriodValue = (key: string): string => {
    const { value, line } = get(key);
    return isPeriod(value) ? value : fail(line, `expected a YYYY-MM period, got "${value}"`);
  };
  const from = readPeriodValue('from');
  const to = readPeriodValue('to');
  if (parsePeriod(from) > parsePeriod(to)) return fail(get('to').line, `expected to >= from (${from}), got "${to}"`);
  return { modules: modules.filter(isModule), from, to };
};

const parseProducts = (content: string): TStatsProduct[] => {
  const seen = new Set<string>();
  return readTable('products.csv', content, { required: ['product_code', 'vsic4'], optional: ['name_vi', 'name_en', 'unit'] }, (row) => {
    const code = readNonEmpty(row, 'product_code');
    if (seen.has(code)) row.fail('product_code', `expected a unique product code, "${code}" is repeated`);
    seen.add(code);
    const vsic4 = row.text('vsic4');
    if (!/^\d{4}$/.test(vsic4) || getSectionOfDivision(vsic4.slice(0, 2)) === null) {
      row.fail('vsic4', `expected a 4-digit VSIC class in sections B–E (divisions 05–39), got "${vsic4}"`);
    }
    return { code, vsic4, nameVi: row.text('name_vi'), nameEn: row.text('name_en'), unit: row.text('unit') };
  });
};

const parseEnterprises = (content: string): TStatsEnterprise[] => {
  const seen = new Set<string>();
  return readTable('enterprises.csv', content, { required: ['enterprise_id', 'area', 'active_from', 'active_to'], optional: ['name'] }, (row) => {
    const id = readNonEmpty(row, 'enterprise_id');
    if (seen.has(id)) row.fail('enterprise_id', `expected a unique enterprise id, "${id}" is repeated`);
    seen.add(id);
    const activeFrom = readOptionalPeriod(row, 'active_from');
    const activeTo = readOptionalPeriod(row, 'active_to');
    if (activeFrom !== null && activeTo !== null && parsePeriod(activeTo) < parsePeriod(activeFrom)) {
      row.fail('active_to', `expected active_to >= active_from (${activeFrom}), got "${activeTo}"`);
    }
    return { id, area: row.text('area'), activeFrom, activeTo };
  });
};

const WEIGHT_CODE_RULES: Record<TWeightLevel, { test: (code: string) => boolean; expected: string }> = {
  PRODUCT: { test: (code) => code !== '', expected: 'a product code' },
  VSIC4: { test: (code) => /^\d{4}$/.test(code), expected: 'a 4-digit VSIC class' },
  VSIC2: { test: (code) => /^\d{2}$/.test(code), expected: 'a 2-digit VSIC division' },
  SECTION: { test: (code) => (SECTIONS as readonly string[]).includes(code), expected: `a section letter (${SECTIONS.join(', ')})` },
};

const parseWeights = (content: string, productCodes: ReadonlySet<string>): TWeightRow[] => {
  const validFromOf = new Map<number, string>();
  const keys = new Set<string>();
  return readTable('weights.csv', content, { required: ['version', 'valid_from', 'scope', 'level', 'code', 'weight'], optional: ['base_annual_qty'] }, (row) => {
    const versionText = row.text('version');
    if (!/^\d{4}$/.test(versionText)) row.fail('version', `expected a 4-digit year, got "${versionText}"`);
    const version = Number(versionText);
    const validFrom = readPeriod(row, 'valid_from');
    const known = validFromOf.get(version);
    if (known !== undefined && known !== validFrom) row.fail('valid_from', `expected ${known} as in the other rows of version ${version}, got "${validFrom}"`);
    validFromOf.set(version, validFrom);
    const scope = readNonEmpty(row, 'scope');
    const levelText = row.text('level');
    const level = WEIGHT_LEVELS.find((candidate) => candidate === levelText);
    if (!level) return row.fail('level', `expected one of ${WEIGHT_LEVELS.join(', ')}, got "${levelText}"`);
    const code = row.text('code');
    const rule = WEIGHT_CODE_RULES[level];
    if (!rule.test(code)) row.fail('code', `expected ${rule.expected}, got "${code}"`);
    if (level === 'PRODUCT' && !productCodes.has(code)) row.fail('code', `expected a product of products.csv, got unknown product "${code}"`);
    const key = `${version}|${scope}|${level}|${code}`;
    if (keys.has(key)) row.fail('code', `expected one row per (version, scope, level, code); ${version}/${scope}/${level}/${code} is repeated`);
    keys.add(key);
    const weight = readNumber(row, 'weight', { min: 0, exclusive: true });
    const baseAnnualQty = level === 'PRODUCT' ? readOptionalNumber(row, 'base_annual_qty') : null;
    return { version, validFrom, scope, level, code, weight, baseAnnualQty };
  });
};

const parseReports = (content: string, enterpriseIds: ReadonlySet<string>, productCodes: ReadonlySet<string>): TQuantityReport[] =>
  readTable('reports.csv', content, { required: ['enterprise_id', 'period', 'product_code', 'quantity'], optional: ['revision'] }, (row) => {
    const enterpriseId = row.text('enterprise_id');
    if (!enterpriseIds.has(enterpriseId)) row.fail('enterprise_id', `expected an enterprise of enterprises.csv, got unknown enterprise "${enterpriseId}"`);
    const period = readPeriod(row, 'period');
    const productCode = row.text('product_code');
    if (!productCodes.has(productCode)) row.fail('product_code', `expected a product of products.csv, got unknown product "${productCode}"`);
    return { enterpriseId, period, productCode, quantity: readNumber(row, 'quantity', { min: 0 }), revision: readRevision(row) };
  });

const parseValues = (content: string, enterpriseIds: ReadonlySet<string>): TValueReport[] =>
  readTable('values.csv', content, { required: ['enterprise_id', 'period', 'indicator', 'group', 'value'], optional: ['revision'] }, (row) => {
    const enterpriseId = row.text('enterprise_id');
    if (!enterpriseIds.has(enterpriseId)) row.fail('enterprise_id', `expected an enterprise of enterprises.csv, got unknown enterprise "${enterpriseId}"`);
    const period = readPeriod(row, 'period');
    const indicatorText = row.text('indicator');
    const indicator: TValueIndicator | undefined = VALUE_INDICATORS.find((candidate) => candidate === indicatorText);
    if (!indicator) return row.fail('indicator', `expected one of ${VALUE_INDICATORS.join(', ')}, got "${indicatorText}"`);
    const group = readNonEmpty(row, 'group');
    return { enterpriseId, period, indicator, group, value: readNumber(row, 'value', { min: 0 }), revision: readRevision(row) };
  });

const DEFLATOR_INDICATORS: readonly string[] = [...VALUE_INDICATORS, RETAIL_TOTAL];

const parseDeflators = (content: string): TDeflator[] =>
  readTable('deflators.csv', content, { required: ['period', 'indicator', 'price_index'] }, (row) => {
    const period = readPeriod(row, 'period');
    const indicator = row.text('indicator');
    if (!DEFLATOR_INDICATORS.includes(indicator)) row.fail('indicator', `expected one of ${DEFLATOR_INDICATORS.join(', ')}, got "${indicator}"`);
    return { period, indicator, priceIndex: readNumber(row, 'price_index', { min: 0, exclusive: true }) };
  });

const parseTetHolidays = (content: string): TTetWindow[] =>
  readTable('tet_holidays.csv', content, { required: ['year', 'start', 'end'] }, (row) => {
    const yearText = row.text('year');
    if (!/^\d{4}$/.test(yearText)) row.fail('year', `expected a 4-digit year, got "${yearText}"`);
    const start = readDate(row, 'start');
    const end = readDate(row, 'end');
    if (end < start) row.fail('end', `expected end >= start (${start}), got "${end}"`);
    return { year: Number(yearText), start, end };
  });

type TAssignSurveysOptions = {
  enterprises: TStatsEnterprise[];
  reports: readonly TQuantityReport[];
  values: readonly TValueReport[];
  wantsIip: boolean;
  wantsValues: boolean;
};

/**
 * When both surveys are computed from one enterprises.csv [ENG]: an enterprise with rows in only
 * one of reports.csv / values.csv is expected to report to that survey only (so a retailer is not
 * "missing" from the IIP every month); with rows in both or in neither, to both.
 */
const assignSurveys = ({ enterprises, reports, values, wantsIip, wantsValues }: TAssignSurveysOptions): TStatsEnterprise[] => {
  if (!wantsIip || !wantsValues) return enterprises;
  const inReports = new Set(reports.map((row) => row.enterpriseId));
  const inValues = new Set(values.map((row) => row.enterpriseId));
  return enterprises.map((enterprise) => {
    const iip = inReports.has(enterprise.id);
    const value = inValues.has(enterprise.id);
    if (iip === value) return enterprise;
    const surveys: TStatsSurvey[] = iip ? ['iip'] : ['values'];
    return { ...enterprise, surveys };
  });
};

/**
 * Parses and validates the input files needed by `modules` into the engine's input model.
 * enterprises.csv is always needed; products, weights and reports for `iip`; values for
 * `values`; deflators.csv and tet_holidays.csv are optional. Throws {@link StatsInputError}.
 */
export const parseStatsInput = (files: TStatsFileSet, modules: readonly TStatsModule[]): TStatsInput => {
  const wantsIip = modules.includes('iip');
  const wantsValues = modules.includes('values');
  const enterprises = parseEnterprises(requireFile(files, 'enterprises.csv', 'the reporting frame'));
  const enterpriseIds = new Set(enterprises.map((enterprise) => enterprise.id));
  const products = wantsIip ? parseProducts(requireFile(files, 'products.csv', 'the IIP')) : [];
  const productCodes = new Set(products.map((product) => product.code));
  const weights = wantsIip ? parseWeights(requireFile(files, 'weights.csv', 'the IIP'), productCodes) : [];
  const reports = wantsIip ? parseReports(requireFile(files, 'reports.csv', 'the IIP'), enterpriseIds, productCodes) : [];
  const values = wantsValues ? parseValues(requireFile(files, 'values.csv', 'the value indicators'), enterpriseIds) : [];
  const deflators = wantsValues && files['deflators.csv'] !== undefined ? parseDeflators(files['deflators.csv']) : [];
  const tetWindows = files['tet_holidays.csv'] !== undefined ? parseTetHolidays(files['tet_holidays.csv']) : [];
  return { products, weights, enterprises: assignSurveys({ enterprises, reports, values, wantsIip, wantsValues }), reports, values, deflators, tetWindows };
};
