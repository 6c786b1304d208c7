/**
 * Pure validation of the reference data behind the indicator engine (statistics spec §2, §3.1,
 * §7, §10.3): basket products, weight rows and the completeness of a weight tree, deflators,
 * official Tết windows and survey-frame rows. No I/O: the service passes what it looked up.
 * Every problem names the row (file line, header = 1) and the column, or the node of the tree.
 */
import { tetDate } from '../../domain/calendar/lunar';
import { getSectionOfDivision } from '../../domain/stats/stats-weights';
import { isPeriod } from '../../domain/stats/stats-periods';
import { RETAIL_TOTAL, SECTIONS, VALUE_INDICATORS, WEIGHT_LEVELS, type TWeightLevel } from '../../domain/stats/stats.types';
import { isIsoDate, type TRowError } from '../../lib/tabular-file';

export const PERIOD_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
export const PRODUCT_CODE_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;

/** Indicators that may carry a price index (the engine deflates the retail components; §10.3). */
export const DEFLATOR_INDICATORS: readonly string[] = [...VALUE_INDICATORS, RETAIL_TOTAL];

/** Header spellings accepted for each column (compared without case, diacritics or spaces). */
export const PRODUCT_COLUMNS = {
  product_code: ['ma san pham', 'ma', 'code'],
  name_vi: ['ten san pham', 'ten tieng viet', 'ten'],
  name_en: ['ten tieng anh', 'english name'],
  unit: ['don vi tinh', 'dvt', 'don vi'],
  vsic4: ['ma nganh', 'nganh vsic', 'vsic cap 4', 'ma nganh cap 4'],
  active_from: ['tu thang', 'hieu luc tu'],
  active_to: ['den thang', 'hieu luc den'],
};
export const WEIGHT_COLUMNS = {
  version: ['phien ban', 'nam goc', 'base year'],
  valid_from: ['ap dung tu', 'hieu luc tu', 'tu thang'],
  scope: ['pham vi', 'dia ban'],
  level: ['cap', 'cap tong hop'],
  code: ['ma', 'ma nut'],
  weight: ['quyen so', 'trong so'],
  base_annual_qty: ['san luong nam goc', 'luong nam goc'],
};
export const DEFLATOR_COLUMNS = {
  period: ['ky', 'thang'],
  indicator: ['chi tieu', 'ma chi tieu'],
  price_index: ['chi so gia', 'chi so'],
};
export const TET_COLUMNS = {
  year: ['nam'],
  start: ['tu ngay', 'bat dau', 'ngay bat dau'],
  end: ['den ngay', 'ket thuc', 'ngay ket thuc'],
};
export const FRAME_COLUMNS = {
  tax_code: ['ma so thue', 'mst'],
  active_from: ['tu thang', 'hieu luc tu'],
  active_to: ['den thang', 'hieu luc den'],
};

/** `YYYY-MM` shifted by a number of months. */
export const shiftPeriod = (period: string, months: number): string => {
  const [y, m] = period.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/**
 * Why a VSIC level-4 class is not acceptable for a basket product, or null when it is: 4 digits,
 * a division of VSIC 2018 (`isKnownDivision`) inside industry, sections B–E (§2).
 */
export const checkVsic4 = (code: string, isKnownDivision: (division: string) => boolean): string | null => {
  if (!/^\d{4}$/.test(code)) return `"${code}" is not a 4-digit VSIC class`;
  if (!isKnownDivision(code.slice(0, 2))) return `division ${code.slice(0, 2)} of "${code}" is not in VSIC 2018`;
  if (getSectionOfDivision(code.slice(0, 2)) === null) return `"${code}" is not an industrial class (sections B–E, divisions 05–39)`;
  return null;
};

/** A period range: both `YYYY-MM` when given, `to` not before `from`. Errors by field name. */
export const checkPeriodRange = (from: string | null, to: string | null, names: { from: string; to: string }): { column: string; message: string }[] => {
  const errors: { column: string; message: string }[] = [];
  if (from !== null && !isPeriod(from)) errors.push({ column: names.from, message: `"${from}" is not a month YYYY-MM` });
  if (to !== null && !isPeriod(to)) errors.push({ column: names.to, message: `"${to}" is not a month YYYY-MM` });
  if (!errors.length && from !== null && to !== null && to < from) errors.push({ column: names.to, message: `${to} is before ${from}` });
  return errors;
};

export type TProductInput = { code: string; nameVi: string; nameEn: string; unit: string; vsic4: string; activeFrom: string | null; activeTo: string | null };

/** Checks one product (form or file row); errors by column name of the file. */
export const checkProduct = (p: TProductInput, isKnownDivision: (division: string) => boolean): { column: string; message: string }[] => {
  const errors: { column: string; message: string }[] = [];
  if (!PRODUCT_CODE_RE.test(p.code)) errors.push({ column: 'product_code', message: `"${p.code}" is not a product code (letters, digits, _ . -; at most 40)` });
  if (!p.nameVi.trim()) errors.push({ column: 'name_vi', message: 'the Vietnamese name is required' });
  if (!p.nameEn.trim()) errors.push({ column: 'name_en', message: 'the English name is required' });
  if (!p.unit.trim()) errors.push({ column: 'unit', message: 'the unit is required (one fixed physical unit)' });
  const vsic = checkVsic4(p.vsic4, isKnownDivision);
  if (vsic) errors.push({ column: 'vsic4', message: vsic });
  errors.push(...checkPeriodRange(p.activeFrom, p.activeTo, { from: 'active_from', to: 'active_to' }));
  return errors;
};

const NUMBER_RE = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/;
/** A decimal number written with a point or a comma, or NaN. */
export const readNumber = (text: string): number => (NUMBER_RE.test(text) ? Number(text.replace(',', '.')) : Number.NaN);

export type TWeightInput = { version: number; validFrom: string; scope: string; level: TWeightLevel; code: string; weight: number; baseAnnualQty: number | null };
export type TWeightFileRow = { rowNumber: number; values: Partial<Record<keyof typeof WEIGHT_COLUMNS, string>> };

/**
 * Checks the rows of a weights file (§3.1): 4-digit version, one valid_from per version, a known
 * scope, a level and a code of that level (products of the basket; industrial VSIC classes and
 * divisions; sections B–E), weight > 0, base quantity ≥ 0 on PRODUCT rows only, no repeated node.
 */
export const checkWeightRows = (
  rows: TWeightFileRow[],
  lookups: { productVsic4: ReadonlyMap<string, string>; isKnownScope: (scope: string) => boolean; isKnownDivision: (division: string) => boolean },
): { rows: (TWeightInput & { rowNumber: number })[]; errors: TRowError[] } => {
  const errors: TRowError[] = [];
  const out: (TWeightInput & { rowNumber: number })[] = [];
  const validFromOf = new Map<number, { validFrom: string; row: number }>();
  const seen = new Map<string, number>();
  for (const { rowNumber, values } of rows) {
    const err = (column: string, message: string) => errors.push({ row: rowNumber, column, message });
    const before = errors.length;
    const versionText = values.version ?? '';
    const version = Number(versionText);
    if (!/^\d{4}$/.test(versionText)) err('version', `"${versionText}" is not a base year (4 digits)`);
    const validFrom = values.valid_from ?? '';
    if (!isPeriod(validFrom)) err('valid_from', `"${validFrom}" is not a month YYYY-MM`);
    else if (/^\d{4}$/.test(versionText)) {
      const known = validFromOf.get(version);
      if (known && known.validFrom !== validFrom) err('valid_from', `version ${version} starts ${known.validFrom} on row ${known.row}; one version has one valid_from`);
      else if (!known) validFromOf.set(version, { validFrom, row: rowNumber });
    }
    const scope = values.scope ?? '';
    if (!scope) err('scope', 'the scope is required (ALL for the province, or an area code)');
    else if (!lookups.isKnownScope(scope)) err('scope', `unknown scope "${scope}" (ALL, an area code, or OWN:NN / OWN:NNN / OWN:FDI)`);
    const levelText = (values.level ?? '').toUpperCase();
    const level = WEIGHT_LEVELS.find((l) => l === levelText);
    const code = values.code ?? '';
    if (!level) err('level', `"${values.level ?? ''}" is not one of ${WEIGHT_LEVELS.join(', ')}`);
    else if (level === 'PRODUCT' && !lookups.productVsic4.has(code)) err('code', `"${code}" is not a product of the basket`);
    else if (level === 'VSIC4') {
      const problem = checkVsic4(code, lookups.isKnownDivision);
      if (problem) err('code', problem);
    } else if (level === 'VSIC2' && (!/^\d{2}$/.test(code) || !lookups.isKnownDivision(code) || getSectionOfDivision(code) === null)) {
      err('code', `"${code}" is not an industrial VSIC division (05–39)`);
    } else if (level === 'SECTION' && !(SECTIONS as readonly string[]).includes(code)) err('code', `"${code}" is not an industrial section (${SECTIONS.join(', ')})`);
    const weightText = values.weight ?? '';
    const weight = readNumber(weightText);
    if (!Number.isFinite(weight)) err('weight', `"${weightText}" is not a number`);
    else if (weight < 0) err('weight', `the weight ${weightText} is negative`);
    else if (weight === 0) err('weight', 'the weight is 0; a node in the tree needs a weight > 0 (leave the node out instead)');
    const qtyText = values.base_annual_qty ?? '';
    let baseAnnualQty: number | null = null;
    if (qtyText !== '') {
      baseAnnualQty = readNumber(qtyText);
      if (level && level !== 'PRODUCT') err('base_annual_qty', 'a base-year quantity belongs on PRODUCT rows only');
      else if (!Number.isFinite(baseAnnualQty) || baseAnnualQty < 0) err('base_annual_qty', `"${qtyText}" is not a quantity ≥ 0`);
    }
    if (level) {
      const key = `${versionText}|${scope}|${level}|${code}`;
      const first = seen.get(key);
      if (first !== undefined) err('code', `${level} ${code} of version ${versionText}, scope ${scope} is repeated (first on row ${first})`);
      else seen.set(key, rowNumber);
    }
    if (errors.length === before && level) out.push({ rowNumber, version, validFrom, scope, level, code, weight, baseAnnualQty });
  }
  return { rows: out, errors };
};

/** Weights of one level by code. */
export type TLevelWeights = ReadonlyMap<string, { weight: number; baseAnnualQty: number | null; isInherited: boolean }>;
/** The resolved weights of (version, scope): each level its own rows, or the ALL rows (§3.1). */
export type TResolvedWeights = Record<TWeightLevel, TLevelWeights>;

export type TTreeNode = {
  key: string;
  parentKey: string | null;
  level: 'TOTAL' | TWeightLevel;
  code: string;
  weight: number | null;
  isInherited: boolean;
  /** Weight over the sum of the weights of its siblings that have one. */
  share: number | null;
  baseAnnualQty: number | null;
  hasData: boolean;
};

/**
 * The aggregation tree of a weight version for one scope, as the engine builds it (§4): the
 * PRODUCT rows define the basket; each product's class, division and section are nodes above it.
 * `hasData` marks nodes with a product that has reported quantities.
 */
export const buildWeightTree = (weights: TResolvedWeights, productVsic4: ReadonlyMap<string, string>, productsWithData: ReadonlySet<string>): TTreeNode[] => {
  const nodes = new Map<string, TTreeNode>();
  const add = (level: TTreeNode['level'], code: string, parentKey: string | null, hasData: boolean) => {
    const key = `${level}:${code}`;
    const existing = nodes.get(key);
    if (existing) {
      existing.hasData ||= hasData;
      return key;
    }
    const w = level === 'TOTAL' ? undefined : weights[level].get(code);
    nodes.set(key, { key, parentKey, level, code, weight: w?.weight ?? null, isInherited: w?.isInherited ?? false, share: null, baseAnnualQty: w?.baseAnnualQty ?? null, hasData });
    return key;
  };
  const products = [...weights.PRODUCT.keys()].sort();
  for (const product of products) {
    const vsic4 = productVsic4.get(product) ?? '????';
    const division = vsic4.slice(0, 2);
    const section = getSectionOfDivision(division) ?? '?';
    const hasData = productsWithData.has(product);
    const total = add('TOTAL', 'TOTAL', null, hasData);
    const s = add('SECTION', section, total, hasData);
    const d = add('VSIC2', division, s, hasData);
    const c = add('VSIC4', vsic4, d, hasData);
    add('PRODUCT', product, c, hasData);
  }
  const byParent = new Map<string, TTreeNode[]>();
  for (const node of nodes.values()) if (node.parentKey) byParent.set(node.parentKey, [...(byParent.get(node.parentKey) ?? []), node]);
  for (const siblings of byParent.values()) {
    const sum = siblings.reduce((s, n) => s + (n.weight ?? 0), 0);
    for (const n of siblings) n.share = n.weight !== null && sum > 0 ? n.weight / sum : null;
  }
  const order = { TOTAL: 0, SECTION: 1, VSIC2: 2, VSIC4: 3, PRODUCT: 4 };
  return [...nodes.values()].sort((a, b) => order[a.level] - order[b.level] || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
};

/**
 * Nodes of the tree that have data but no weight at their level: the engine would stop on them
 * (§3.1 "if a node gets an index but has no weight at its level, that is a hard error").
 */
export const findUnweightedNodes = (tree: readonly TTreeNode[]): TTreeNode[] => tree.filter((n) => n.level !== 'TOTAL' && n.level !== 'PRODUCT' && n.hasData && n.weight === null);

/** Resolves the weights of (version, scope) from its rows: per level, the scope's own rows if any, else the ALL rows. */
export const resolveWeights = (rows: readonly TWeightInput[], version: number, scope: string): TResolvedWeights => {
  const resolved = {} as Record<TWeightLevel, Map<string, { weight: number; baseAnnualQty: number | null; isInherited: boolean }>>;
  for (const level of WEIGHT_LEVELS) {
    const own = rows.filter((r) => r.version === version && r.scope === scope && r.level === level);
    const use = own.length || scope === 'ALL' ? own : rows.filter((r) => r.version === version && r.scope === 'ALL' && r.level === level);
    resolved[level] = new Map(use.map((r) => [r.code, { weight: r.weight, baseAnnualQty: r.baseAnnualQty, isInherited: r.scope !== scope }]));
  }
  return resolved;
};

/** Checks a deflator (period, indicator, price index > 0). Errors by column. */
export const checkDeflator = (d: { period: string; indicator: string; priceIndex: number }): { column: string; message: string }[] => {
  const errors: { column: string; message: string }[] = [];
  if (!isPeriod(d.period)) errors.push({ column: 'period', message: `"${d.period}" is not a month YYYY-MM` });
  if (!DEFLATOR_INDICATORS.includes(d.indicator)) errors.push({ column: 'indicator', message: `"${d.indicator}" is not one of ${DEFLATOR_INDICATORS.join(', ')}` });
  if (!Number.isFinite(d.priceIndex) || d.priceIndex <= 0) errors.push({ column: 'price_index', message: `the price index must be a number > 0, got ${Number.isNaN(d.priceIndex) ? 'no number' : d.priceIndex}` });
  return errors;
};

/** How far from day 1 of Tết an official holiday may start or end (days). */
export const TET_NEIGHBOURHOOD_DAYS = 20;
/** The longest official Tết holiday accepted (days). */
export const TET_MAX_DAYS = 16;

const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

/**
 * Checks an official Tết window: real dates, start ≤ end, at most {@link TET_MAX_DAYS} days,
 * containing day 1 of the lunar year (Vietnamese calendar, UTC+7) and within
 * {@link TET_NEIGHBOURHOOD_DAYS} days of it, not overlapping the window of another year.
 */
export const checkTetWindow = (
  w: { year: number; start: string; end: string },
  others: readonly { year: number; start: string; end: string }[],
  dayOne: (year: number) => string = tetDate,
): { column: string; message: string }[] => {
  const errors: { column: string; message: string }[] = [];
  if (!Number.isInteger(w.year) || w.year < 1901 || w.year > 2099) return [{ column: 'year', message: `${w.year} is not a year between 1901 and 2099` }];
  if (!isIsoDate(w.start)) errors.push({ column: 'start', message: `"${w.start}" is not a date YYYY-MM-DD` });
  if (!isIsoDate(w.end)) errors.push({ column: 'end', message: `"${w.end}" is not a date YYYY-MM-DD` });
  if (errors.length) return errors;
  if (w.end < w.start) return [{ column: 'end', message: `the end ${w.end} is before the start ${w.start}` }];
  const first = dayOne(w.year);
  const d1 = dayNumber(first);
  const [s, e] = [dayNumber(w.start), dayNumber(w.end)];
  if (e - s + 1 > TET_MAX_DAYS) errors.push({ column: 'end', message: `${e - s + 1} days is longer than a Tết holiday (at most ${TET_MAX_DAYS})` });
  if (Math.abs(s - d1) > TET_NEIGHBOURHOOD_DAYS) errors.push({ column: 'start', message: `${w.start} is more than ${TET_NEIGHBOURHOOD_DAYS} days from the first day of Tết ${w.year} (${first})` });
  if (Math.abs(e - d1) > TET_NEIGHBOURHOOD_DAYS) errors.push({ column: 'end', message: `${w.end} is more than ${TET_NEIGHBOURHOOD_DAYS} days from the first day of Tết ${w.year} (${first})` });
  if (!errors.length && (s > d1 || e < d1)) errors.push({ column: 'start', message: `the window ${w.start}…${w.end} does not contain the first day of Tết ${w.year} (${first})` });
  for (const o of others) {
    if (o.year === w.year) continue;
    if (w.start <= o.end && o.start <= w.end) errors.push({ column: 'start', message: `overlaps the Tết window of ${o.year} (${o.start}…${o.end})` });
  }
  return errors;
};
