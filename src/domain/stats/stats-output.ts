/**
 * CSV files of §9: exact columns, row order as produced by the engine, `%.10f` for full-precision
 * columns, published rounding for `index_pub` / `growth_pub`, empty cells for undefined values.
 */
import { formatFixed10, formatGrowthPub, formatIndexPub } from './stats-rounding';
import type { TIipFlagRow, TIipIndexRow, TImputationLogRow, TValueIndexRow } from './stats.types';

export const IIP_INDEX_COLUMNS = [
  'period', 'scope', 'comparison', 'level', 'code', 'version', 'index', 'index_pub', 'growth_pub', 'contrib_parent_pp',
  'contrib_total_pp', 'n_used', 'n_basket', 'weight_coverage', 'imputed_share', 'q_cur', 'q_cmp', 'tet_days_cur', 'tet_days_cmp',
] as const;
export const IIP_FLAGS_COLUMNS = ['period', 'scope', 'product_code', 'flag', 'detail'] as const;
export const IMPUTATION_COLUMNS = ['period', 'enterprise_id', 'item', 'prev_value', 'ratio', 'method', 'donors', 'imputed_value'] as const;
export const VALUES_INDEX_COLUMNS = [
  'period', 'scope', 'indicator', 'group', 'comparison', 'value_cur', 'value_cmp', 'index', 'growth_pub', 'real_index',
  'real_growth_pub', 'imputed_share', 'tet_days_cur', 'tet_days_cmp',
] as const;

/** Output file names of §9. */
export const STATS_OUTPUT_FILES = {
  iipIndex: 'iip_index.csv',
  iipImputation: 'iip_imputation.csv',
  iipFlags: 'iip_flags.csv',
  valuesIndex: 'values_index.csv',
  valuesImputation: 'values_imputation.csv',
} as const;

/** Quotes a CSV field when it holds a comma, a quote or a line break (RFC 4180). */
export const quoteCsvField = (field: string): string => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);

const CHUNK_LINES = 8192;

/**
 * CSV text in chunks of lines (header first, `\n` line ends), so that very large outputs can be
 * written without building one string beyond the engine's string size limit.
 * `formatFields` returns CSV-ready fields (free text already passed through {@link quoteCsvField}).
 */
export function* generateCsvChunks<T>(columns: readonly string[], rows: Iterable<T>, formatFields: (row: T) => string[]): Generator<string> {
  let chunk = columns.map(quoteCsvField).join(',') + '\n';
  let count = 0;
  for (const row of rows) {
    chunk += formatFields(row).join(',') + '\n';
    count += 1;
    if (count === CHUNK_LINES) {
      yield chunk;
      chunk = '';
      count = 0;
    }
  }
  if (chunk !== '') yield chunk;
}

/** Joins rows of fields into CSV text with a header line and `\n` line ends. */
export const buildCsv = (columns: readonly string[], rows: Iterable<readonly string[]>): string =>
  [...generateCsvChunks(columns, rows, (row) => row.map(quoteCsvField))].join('');

const fixedOrEmpty = (x: number | null): string => (x === null ? '' : formatFixed10(x));
const intOrEmpty = (x: number | null): string => (x === null ? '' : String(x));

/** The `detail` text of a flag. */
export const formatFlagDetail = (flag: TIipFlagRow): string =>
  flag.flag === 'NOT_IN_BASKET'
    ? `version ${flag.version}; qty ${formatFixed10(flag.quantity)} excluded`
    : `comparison quantity is zero or missing; current qty ${formatFixed10(flag.quantity)}`;

/** Fields of one iip_index.csv row. */
export const formatIipIndexFields = (row: TIipIndexRow): string[] => [
  row.period,
  quoteCsvField(row.scope),
  row.comparison,
  row.level,
  quoteCsvField(row.code),
  String(row.version),
  fixedOrEmpty(row.index),
  row.index === null ? '' : formatIndexPub(row.index),
  row.index === null ? '' : formatGrowthPub(row.index),
  fixedOrEmpty(row.contribParentPp),
  fixedOrEmpty(row.contribTotalPp),
  intOrEmpty(row.nUsed),
  intOrEmpty(row.nBasket),
  fixedOrEmpty(row.weightCoverage),
  fixedOrEmpty(row.imputedShare),
  fixedOrEmpty(row.qCur),
  fixedOrEmpty(row.qCmp),
  String(row.tetDaysCur),
  intOrEmpty(row.tetDaysCmp),
];

/** Fields of one imputation log row (IIP or values). */
export const formatImputationFields = (row: TImputationLogRow): string[] => [
  row.period,
  quoteCsvField(row.enterpriseId),
  quoteCsvField(row.item ?? ''),
  fixedOrEmpty(row.prevValue),
  fixedOrEmpty(row.ratio),
  row.method,
  String(row.donors),
  fixedOrEmpty(row.imputedValue),
];

/** Fields of one values_index.csv row. */
export const formatValueIndexFields = (row: TValueIndexRow): string[] => [
  row.period,
  quoteCsvField(row.scope),
  row.indicator,
  quoteCsvField(row.group),
  row.comparison,
  formatFixed10(row.valueCur),
  formatFixed10(row.valueCmp),
  fixedOrEmpty(row.index),
  row.index === null ? '' : formatGrowthPub(row.index),
  fixedOrEmpty(row.realIndex),
  row.realIndex === null ? '' : formatGrowthPub(row.realIndex),
  formatFixed10(row.imputedShare),
  String(row.tetDaysCur),
  String(row.tetDaysCmp),
];

/** Fields of one iip_flags.csv row. */
export const formatIipFlagFields = (row: TIipFlagRow): string[] => [
  row.period,
  quoteCsvField(row.scope),
  quoteCsvField(row.productCode),
  row.flag,
  quoteCsvField(formatFlagDetail(row)),
];

/** iip_index.csv in chunks (see {@link generateCsvChunks}). */
export const generateIipIndexCsv = (rows: Iterable<TIipIndexRow>): Generator<string> => generateCsvChunks(IIP_INDEX_COLUMNS, rows, formatIipIndexFields);
/** iip_flags.csv in chunks. */
export const generateIipFlagsCsv = (rows: Iterable<TIipFlagRow>): Generator<string> => generateCsvChunks(IIP_FLAGS_COLUMNS, rows, formatIipFlagFields);
/** iip_imputation.csv / values_imputation.csv in chunks. */
export const generateImputationCsv = (rows: Iterable<TImputationLogRow>): Generator<string> => generateCsvChunks(IMPUTATION_COLUMNS, rows, formatImputationFields);
/** values_index.csv in chunks. */
export const generateValuesIndexCsv = (rows: Iterable<TValueIndexRow>): Generator<string> => generateCsvChunks(VALUES_INDEX_COLUMNS, rows, formatValueIndexFields);

const joinChunks = (chunks: Iterable<string>): string => [...chunks].join('');

/** iip_index.csv text. */
export const formatIipIndexCsv = (rows: Iterable<TIipIndexRow>): string => joinChunks(generateIipIndexCsv(rows));
/** iip_flags.csv text. */
export const formatIipFlagsCsv = (rows: Iterable<TIipFlagRow>): string => joinChunks(generateIipFlagsCsv(rows));
/** iip_imputation.csv / values_imputation.csv text. */
export const formatImputationCsv = (rows: Iterable<TImputationLogRow>): string => joinChunks(generateImputationCsv(rows));
/** values_index.csv text. */
export const formatValuesIndexCsv = (rows: Iterable<TValueIndexRow>): string => joinChunks(generateValuesIndexCsv(rows));
