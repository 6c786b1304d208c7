/**
 * Weight versions (§3.1, §8) and the IIP aggregation trees they define.
 *
 * - The version in force at month t is the one with the latest `valid_from <= t`.
 * - For each (version, scope, level) the scope's own rows are used if any exist, else the ALL rows.
 * - A tree per (version, scope): basket products (PRODUCT rows) → VSIC4 → VSIC2 → SECTION → TOTAL.
 */
import { StatsInputError } from './stats-errors';
import { formatPeriod } from './stats-periods';
import { ALL_SCOPE, type TSection, type TWeightLevel, type TWeightRow } from './stats.types';

/** Section of a 2-digit VSIC division (§2), or `null` outside industry (B–E). */
export const getSectionOfDivision = (division: string): TSection | null => {
  if (!/^\d{2}$/.test(division)) return null;
  const d = Number(division);
  if (d >= 5 && d <= 9) return 'B';
  if (d >= 10 && d <= 33) return 'C';
  if (d === 35) return 'D';
  if (d >= 36 && d <= 39) return 'E';
  return null;
};

/** One weight version with its rows indexed by scope and level. */
export type TWeightVersion = {
  version: number;
  validFrom: number;
  /** scope → level → code → row */
  rows: Map<string, Map<TWeightLevel, Map<string, TWeightRow>>>;
};

/** All versions, sorted by `validFrom`. */
export type TWeightBook = { versions: TWeightVersion[] };

const WEIGHTS_SOURCE = 'weights.csv';

/**
 * Indexes weight rows by version. Throws {@link StatsInputError} for a version that is not a
 * 4-digit year, a weight that is not > 0, a version with two `valid_from`, or a duplicate row.
 */
export const buildWeightBook = (weights: readonly TWeightRow[], validFromOf: (period: string) => number): TWeightBook => {
  const byVersion = new Map<number, TWeightVersion>();
  for (const row of weights) {
    if (!Number.isInteger(row.version) || row.version < 1000 || row.version > 9999) {
      throw new StatsInputError({ file: WEIGHTS_SOURCE, column: 'version' }, `expected a 4-digit year, got "${row.version}"`);
    }
    if (!(row.weight > 0) || !Number.isFinite(row.weight)) {
      throw new StatsInputError({ file: WEIGHTS_SOURCE, column: 'weight' }, `expected a weight > 0 for ${row.level} ${row.code}, got ${row.weight}`);
    }
    const validFrom = validFromOf(row.validFrom);
    let entry = byVersion.get(row.version);
    if (!entry) {
      entry = { version: row.version, validFrom, rows: new Map() };
      byVersion.set(row.version, entry);
    } else if (entry.validFrom !== validFrom) {
      throw new StatsInputError(
        { file: WEIGHTS_SOURCE, column: 'valid_from' },
        `version ${row.version} has two valid_from values (${formatPeriod(entry.validFrom)} and ${row.validFrom})`,
      );
    }
    let byLevel = entry.rows.get(row.scope);
    if (!byLevel) {
      byLevel = new Map();
      entry.rows.set(row.scope, byLevel);
    }
    let byCode = byLevel.get(row.level);
    if (!byCode) {
      byCode = new Map();
      byLevel.set(row.level, byCode);
    }
    if (byCode.has(row.code)) {
      throw new StatsInputError(
        { file: WEIGHTS_SOURCE },
        `duplicate weight for version ${row.version}, scope ${row.scope}, level ${row.level}, code ${row.code}`,
      );
    }
    byCode.set(row.code, row);
  }
  const versions = [...byVersion.values()].sort((a, b) => a.validFrom - b.validFrom || a.version - b.version);
  return { versions };
};

/** The version in force at month t (latest `validFrom <= t`), or `null` before the first one. */
export const getVersionAt = (book: TWeightBook, t: number): TWeightVersion | null => {
  let found: TWeightVersion | null = null;
  for (const version of book.versions) {
    if (version.validFrom <= t) found = version;
    else break;
  }
  return found;
};

const EMPTY_LEVEL: ReadonlyMap<string, TWeightRow> = new Map();

/** Rows of (version, scope, level): the scope's own rows if any exist, else the ALL rows (§3.1). */
export const resolveLevelRows = (version: TWeightVersion, scope: string, level: TWeightLevel): ReadonlyMap<string, TWeightRow> => {
  const own = version.rows.get(scope)?.get(level);
  if (own && own.size > 0) return own;
  return version.rows.get(ALL_SCOPE)?.get(level) ?? EMPTY_LEVEL;
};

/** True when the scope has PRODUCT rows of its own in the version (BASE is produced only then, §3.1). */
export const hasOwnProductRows = (version: TWeightVersion, scope: string): boolean =>
  (version.rows.get(scope)?.get('PRODUCT')?.size ?? 0) > 0;

// ---------------------------------------------------------------- trees

/** One level of a tree: nodes sorted by code, their weights (NaN = none) and parents. */
export type TTreeLevel = {
  level: 'TOTAL' | TWeightLevel;
  codes: string[];
  weights: Float64Array;
  /** Index of the parent node in the level above (−1 for TOTAL). */
  parents: Int32Array;
};

/** Aggregation tree of (version, scope). `levels[0]` is TOTAL, `levels[4]` the products. */
export type TIipTree = {
  version: number;
  scope: string;
  levels: [TTreeLevel, TTreeLevel, TTreeLevel, TTreeLevel, TTreeLevel];
  /** Per basket product (level-4 node): the global product index. */
  productItems: Int32Array;
  /** Per basket product: base-year annual quantity, NaN when not given. */
  baseAnnualQty: Float64Array;
  /** True when the scope has its own PRODUCT rows (or is ALL): BASE is computed. */
  hasBase: boolean;
};

export type TBuildTreeOptions = {
  version: TWeightVersion;
  scope: string;
  /** Global product index by code. */
  productIndexOf: ReadonlyMap<string, number>;
  /** VSIC4 class by product code. */
  vsic4Of: ReadonlyMap<string, string>;
};

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Builds the tree of (version, scope) from the resolved weight rows. */
export const buildIipTree = ({ version, scope, productIndexOf, vsic4Of }: TBuildTreeOptions): TIipTree => {
  const productRows = resolveLevelRows(version, scope, 'PRODUCT');
  const productCodes = [...productRows.keys()].sort(byCode);
  const vsic4Codes = [...new Set(productCodes.map((code) => vsic4Of.get(code) ?? ''))].sort(byCode);
  const vsic2Codes = [...new Set(vsic4Codes.map((code) => code.slice(0, 2)))].sort(byCode);
  const sectionCodes = [...new Set(vsic2Codes.map((code) => getSectionOfDivision(code) ?? ''))].sort(byCode);

  const makeLevel = (level: TWeightLevel, codes: string[], parentCodes: string[], parentOf: (code: string) => string): TTreeLevel => {
    const rows = resolveLevelRows(version, scope, level);
    const parentIndex = new Map(parentCodes.map((code, i) => [code, i]));
    return {
      level,
      codes,
      weights: Float64Array.from(codes, (code) => rows.get(code)?.weight ?? Number.NaN),
      parents: Int32Array.from(codes, (code) => parentIndex.get(parentOf(code)) ?? -1),
    };
  };
  const total: TTreeLevel = { level: 'TOTAL', codes: ['TOTAL'], weights: Float64Array.of(Number.NaN), parents: Int32Array.of(-1) };
  const sections = makeLevel('SECTION', sectionCodes, ['TOTAL'], () => 'TOTAL');
  const vsic2 = makeLevel('VSIC2', vsic2Codes, sectionCodes, (code) => getSectionOfDivision(code) ?? '');
  const vsic4 = makeLevel('VSIC4', vsic4Codes, vsic2Codes, (code) => code.slice(0, 2));
  const products = makeLevel('PRODUCT', productCodes, vsic4Codes, (code) => vsic4Of.get(code) ?? '');
  return {
    version: version.version,
    scope,
    levels: [total, sections, vsic2, vsic4, products],
    productItems: Int32Array.from(productCodes, (code) => productIndexOf.get(code) ?? -1),
    baseAnnualQty: Float64Array.from(productCodes, (code) => productRows.get(code)?.baseAnnualQty ?? Number.NaN),
    hasBase: productCodes.length > 0 && (scope === ALL_SCOPE || hasOwnProductRows(version, scope)),
  };
};
