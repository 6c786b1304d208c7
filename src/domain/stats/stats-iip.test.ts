import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StatsInputError } from './stats-errors';
import { computeIip } from './stats-iip';
import { formatPeriod, parsePeriod } from './stats-periods';
import { formatGrowthPub, formatIndexPub } from './stats-rounding';
import { getSectionOfDivision } from './stats-weights';
import type { TIipIndexRow, TIipInput, TQuantityReport, TStatsEnterprise, TStatsProduct, TWeightRow } from './stats.types';

// ---------------------------------------------------------------- fixture builders

const weight = (row: Partial<TWeightRow> & Pick<TWeightRow, 'level' | 'code' | 'weight'>): TWeightRow => ({
  version: 2020,
  validFrom: '2021-01',
  scope: 'ALL',
  baseAnnualQty: null,
  ...row,
});

const enterprise = (id: string, area: string, activeFrom: string | null = '2015-01', activeTo: string | null = null): TStatsEnterprise => ({
  id,
  area,
  activeFrom,
  activeTo,
});

const monthsBetween = (from: string, to: string): string[] => {
  const list: string[] = [];
  for (let m = parsePeriod(from); m <= parsePeriod(to); m += 1) list.push(formatPeriod(m));
  return list;
};

/** Reports of one enterprise and product: a default quantity each month, with overrides. */
const series = (enterpriseId: string, productCode: string, months: string[], quantity: number, overrides: Record<string, number> = {}): TQuantityReport[] =>
  months.map((period) => ({ enterpriseId, period, productCode, quantity: overrides[period] ?? quantity, revision: 0 }));

const findRow = (rows: TIipIndexRow[], key: Partial<TIipIndexRow>): TIipIndexRow => {
  const found = rows.filter((row) => Object.entries(key).every(([k, v]) => row[k as keyof TIipIndexRow] === v));
  assert.equal(found.length, 1, `exactly one row for ${JSON.stringify(key)}, found ${found.length}`);
  return found[0];
};

const close = (actual: number | null, expected: number, message?: string): void => {
  assert.ok(actual !== null, message ?? `expected ${expected}, got null`);
  assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${message ?? ''} expected ${expected}, got ${actual}`);
};

// Products A, B in class 1050 (section C) and C in class 3510 (section D).
const PRODUCTS: TStatsProduct[] = [
  { code: 'A', vsic4: '1050' },
  { code: 'B', vsic4: '1050' },
  { code: 'C', vsic4: '3510' },
];
const WEIGHTS: TWeightRow[] = [
  weight({ level: 'PRODUCT', code: 'A', weight: 2, baseAnnualQty: 120 }),
  weight({ level: 'PRODUCT', code: 'B', weight: 1, baseAnnualQty: 60 }),
  weight({ level: 'PRODUCT', code: 'C', weight: 1, baseAnnualQty: 240 }),
  weight({ level: 'VSIC4', code: '1050', weight: 3 }),
  weight({ level: 'VSIC4', code: '3510', weight: 1 }),
  weight({ level: 'VSIC2', code: '10', weight: 3 }),
  weight({ level: 'VSIC2', code: '35', weight: 1 }),
  weight({ level: 'SECTION', code: 'C', weight: 3 }),
  weight({ level: 'SECTION', code: 'D', weight: 1 }),
];
const HISTORY = monthsBetween('2023-01', '2024-01');
const SMALL_INPUT: TIipInput = {
  products: PRODUCTS,
  weights: WEIGHTS,
  enterprises: [enterprise('E1', 'X'), enterprise('E2', 'X'), enterprise('E3', 'Y')],
  reports: [
    ...series('E1', 'A', HISTORY, 10, { '2023-12': 12, '2024-01': 15 }),
    ...series('E2', 'B', HISTORY, 20, { '2024-01': 10 }),
    ...series('E3', 'C', HISTORY, 50, { '2023-12': 40, '2024-01': 60 }),
  ],
};

// ---------------------------------------------------------------- tests

test('IIP by hand: product relatives, weighted means up the tree, contributions (YOY, MOM, BASE)', () => {
  const { index, imputation, flags } = computeIip(SMALL_INPUT, { from: '2024-01', to: '2024-01' });
  assert.deepEqual(imputation, []);
  assert.deepEqual(flags, []);
  const yoy = { period: '2024-01', scope: 'ALL', comparison: 'YOY' } as const;
  close(findRow(index, { ...yoy, code: 'A' }).index, 150);
  close(findRow(index, { ...yoy, code: 'B' }).index, 50);
  close(findRow(index, { ...yoy, level: 'VSIC4', code: '1050' }).index, 350 / 3);
  close(findRow(index, { ...yoy, level: 'SECTION', code: 'C' }).index, 350 / 3);
  const total = findRow(index, { ...yoy, level: 'TOTAL' });
  close(total.index, 117.5); // (3 × 116.67 + 1 × 120) / 4
  close(total.contribTotalPp, 17.5);
  assert.equal(total.contribParentPp, null);
  assert.equal(total.nUsed, 2);
  assert.equal(total.nBasket, 2);
  close(findRow(index, { ...yoy, code: 'A' }).contribParentPp, (2 / 3) * 50);
  close(findRow(index, { ...yoy, code: 'B' }).contribParentPp, (1 / 3) * -50);
  close(findRow(index, { ...yoy, code: 'A' }).contribTotalPp, 25); // 3/4 × 2/3 × 50
  close(findRow(index, { ...yoy, code: 'B' }).contribTotalPp, -12.5);
  close(findRow(index, { ...yoy, level: 'PRODUCT', code: 'C' }).contribTotalPp, 5);
  const productA = findRow(index, { ...yoy, code: 'A' });
  assert.equal(productA.qCur, 15);
  assert.equal(productA.qCmp, 10);
  assert.equal(productA.nUsed, null);
  assert.equal(findRow(index, { ...yoy, level: 'VSIC4', code: '1050' }).qCur, null);

  close(findRow(index, { period: '2024-01', scope: 'ALL', comparison: 'MOM', level: 'TOTAL' }).index, 112.5); // (3 × 100 + 150) / 4
  const base = findRow(index, { period: '2024-01', scope: 'ALL', comparison: 'BASE', level: 'TOTAL' });
  close(base.index, 200); // A 150, B 200, C 300 against base_annual_qty / 12
  assert.equal(base.tetDaysCmp, null);
  close(findRow(index, { period: '2024-01', scope: 'ALL', comparison: 'BASE', code: 'B' }).qCmp, 5);
});

test('row order: scope ALL first, comparisons BASE MOM YOY YTD, levels top down, codes sorted', () => {
  const { index } = computeIip(SMALL_INPUT, { from: '2024-01', to: '2024-01' });
  const keys = [...new Set(index.map((row) => `${row.scope} ${row.comparison}`))];
  assert.deepEqual(keys, ['ALL BASE', 'ALL MOM', 'ALL YOY', 'ALL YTD', 'X MOM', 'X YOY', 'X YTD', 'Y MOM', 'Y YOY', 'Y YTD']);
  const allYoy = index.filter((row) => row.scope === 'ALL' && row.comparison === 'YOY').map((row) => `${row.level}:${row.code}`);
  assert.deepEqual(allYoy, ['TOTAL:TOTAL', 'SECTION:C', 'SECTION:D', 'VSIC2:10', 'VSIC2:35', 'VSIC4:1050', 'VSIC4:3510', 'PRODUCT:A', 'PRODUCT:B', 'PRODUCT:C']);
});

test('YTD equals YOY in January, and contributions add up to parent − 100 on a random panel', () => {
  let state = 7;
  const random = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const classes = ['0810', '1050', '1103', '2394', '3510', '3600'];
  const products = Array.from({ length: 12 }, (_, i) => ({ code: `P${String(i).padStart(2, '0')}`, vsic4: classes[i % classes.length] }));
  const weights: TWeightRow[] = [
    ...products.map((product) => weight({ level: 'PRODUCT', code: product.code, weight: 1 + Math.floor(random() * 9), baseAnnualQty: 500 })),
    ...classes.map((code) => weight({ level: 'VSIC4', code, weight: 1 + Math.floor(random() * 9) })),
    ...[...new Set(classes.map((code) => code.slice(0, 2)))].map((code) => weight({ level: 'VSIC2', code, weight: 1 + Math.floor(random() * 9) })),
    ...['B', 'C', 'D', 'E'].map((code) => weight({ level: 'SECTION', code, weight: 1 + Math.floor(random() * 9) })),
  ];
  const enterprises = Array.from({ length: 40 }, (_, i) => enterprise(`E${String(i).padStart(2, '0')}`, ['X', 'Y', 'Z'][i % 3]));
  const reports: TQuantityReport[] = [];
  for (const { id } of enterprises) {
    const made = [products[Math.floor(random() * 12)].code, products[Math.floor(random() * 12)].code];
    for (const period of monthsBetween('2022-01', '2024-06')) {
      if (random() < 0.05) continue;
      for (const productCode of new Set(made)) reports.push({ enterpriseId: id, period, productCode, quantity: Math.round(random() * 1000) / 10, revision: 0 });
    }
  }
  const { index } = computeIip({ products, weights, enterprises, reports }, { from: '2023-01', to: '2024-06' });
  assert.ok(index.length > 1000);
  const vsic4Of = new Map(products.map((product) => [product.code, product.vsic4]));
  const parentKey = (row: TIipIndexRow): string | null => {
    const prefix = `${row.period}|${row.scope}|${row.comparison}|`;
    if (row.level === 'PRODUCT') return `${prefix}VSIC4|${vsic4Of.get(row.code)}`;
    if (row.level === 'VSIC4') return `${prefix}VSIC2|${row.code.slice(0, 2)}`;
    if (row.level === 'VSIC2') return `${prefix}SECTION|${getSectionOfDivision(row.code)}`;
    if (row.level === 'SECTION') return `${prefix}TOTAL|TOTAL`;
    return null;
  };
  const byKey = new Map(index.map((row) => [`${row.period}|${row.scope}|${row.comparison}|${row.level}|${row.code}`, row]));
  const childSums = new Map<string, number>();
  const productTotals = new Map<string, number>();
  for (const row of index) {
    const parent = parentKey(row);
    if (parent && row.contribParentPp !== null) childSums.set(parent, (childSums.get(parent) ?? 0) + row.contribParentPp);
    if (row.level === 'PRODUCT' && row.contribTotalPp !== null) {
      const totalKey = `${row.period}|${row.scope}|${row.comparison}|TOTAL|TOTAL`;
      productTotals.set(totalKey, (productTotals.get(totalKey) ?? 0) + row.contribTotalPp);
    }
  }
  let checked = 0;
  for (const [key, sum] of childSums) {
    const parent = byKey.get(key);
    assert.ok(parent?.index !== null && parent !== undefined, key);
    assert.ok(Math.abs(sum - ((parent.index ?? 0) - 100)) < 1e-9, `${key}: children add up to ${sum}, parent ${parent.index}`);
    checked += 1;
  }
  for (const [key, sum] of productTotals) assert.ok(Math.abs(sum - ((byKey.get(key)?.index ?? 0) - 100)) < 1e-9, key);
  assert.ok(checked > 500);
  let januaries = 0;
  for (const row of index) {
    if (!row.period.endsWith('-01') || row.comparison !== 'YOY') continue;
    const ytd = byKey.get(`${row.period}|${row.scope}|YTD|${row.level}|${row.code}`);
    assert.ok(ytd, `YTD row for ${row.period} ${row.scope} ${row.level} ${row.code}`);
    assert.equal(ytd.index, row.index);
    januaries += 1;
  }
  assert.ok(januaries > 50);
});

test('BASE_LINKED across a change of version, computed by hand (§8.3)', () => {
  // Version 2015 (valid 2016-01): A 3, B 1 at every level; base: A 10/month, B 100/month.
  // Version 2020 (valid 2021-01): equal weights; base: A 20/month, B 200/month.
  const tree = (version: number, validFrom: string, a: number, b: number, baseA: number, baseB: number): TWeightRow[] => [
    weight({ version, validFrom, level: 'PRODUCT', code: 'A', weight: a, baseAnnualQty: baseA * 12 }),
    weight({ version, validFrom, level: 'PRODUCT', code: 'B', weight: b, baseAnnualQty: baseB * 12 }),
    weight({ version, validFrom, level: 'VSIC4', code: '1050', weight: a }),
    weight({ version, validFrom, level: 'VSIC4', code: '3510', weight: b }),
    weight({ version, validFrom, level: 'VSIC2', code: '10', weight: a }),
    weight({ version, validFrom, level: 'VSIC2', code: '35', weight: b }),
    weight({ version, validFrom, level: 'SECTION', code: 'C', weight: a }),
    weight({ version, validFrom, level: 'SECTION', code: 'D', weight: b }),
  ];
  const year2020 = monthsBetween('2020-01', '2020-12');
  const input: TIipInput = {
    products: [
      { code: 'A', vsic4: '1050' },
      { code: 'B', vsic4: '3510' },
    ],
    weights: [...tree(2015, '2016-01', 3, 1, 10, 100), ...tree(2020, '2021-01', 1, 1, 20, 200)],
    enterprises: [enterprise('E1', 'X'), enterprise('E2', 'Y')],
    reports: [
      // A: 11 in Jan–Jun 2020 and 13 in Jul–Dec (BASE_2015 110 / 130, mean 120 → factor 1.2); 30 in Jan 2021.
      ...series('E1', 'A', [...year2020, '2021-01'], 11, { ...Object.fromEntries(year2020.slice(6).map((p) => [p, 13])), '2021-01': 30 }),
      // B: 90 all 2020 (BASE_2015 90 → factor 0.9); 180 in Jan 2021.
      ...series('E2', 'B', [...year2020, '2021-01'], 90, { '2021-01': 180 }),
    ],
  };
  const { index } = computeIip(input, { from: '2020-12', to: '2021-01' });
  const linked = (period: string, level: TIipIndexRow['level'], code: string): TIipIndexRow =>
    findRow(index, { period, scope: 'ALL', comparison: 'BASE_LINKED', level, code });
  // December 2020: the reference version, BASE_LINKED = BASE_2015 = (3 × 130 + 90) / 4 = 120.
  close(linked('2020-12', 'TOTAL', 'TOTAL').index, 120);
  close(findRow(index, { period: '2020-12', scope: 'ALL', comparison: 'BASE', level: 'TOTAL' }).index, 120);
  assert.equal(linked('2020-12', 'TOTAL', 'TOTAL').version, 2015);
  // TOTAL factor = mean over 2020 of (3 × I_A + I_B)/4 = mean(105 × 6, 120 × 6) / 100 = 1.125.
  // January 2021: BASE_2020 = A 150, B 90, TOTAL 120 → linked TOTAL 135, A 180, B 81.
  close(findRow(index, { period: '2021-01', scope: 'ALL', comparison: 'BASE', level: 'TOTAL' }).index, 120);
  const total = linked('2021-01', 'TOTAL', 'TOTAL');
  close(total.index, 135);
  close(total.contribTotalPp, 35);
  assert.equal(total.version, 2020);
  assert.equal(total.tetDaysCmp, null);
  close(linked('2021-01', 'PRODUCT', 'A').index, 180);
  close(linked('2021-01', 'PRODUCT', 'B').index, 81);
  close(linked('2021-01', 'SECTION', 'C').index, 180);
  close(linked('2021-01', 'SECTION', 'C').contribTotalPp, 40); // share 1/2 × (180 − 100)
  close(linked('2021-01', 'SECTION', 'D').contribTotalPp, -9.5);
  // BASE_LINKED comes last and only for ALL (the areas have no PRODUCT rows of their own).
  const comparisons = [...new Set(index.filter((row) => row.period === '2021-01' && row.scope === 'ALL').map((row) => row.comparison))];
  assert.deepEqual(comparisons, ['BASE', 'MOM', 'YOY', 'YTD', 'BASE_LINKED']);
  assert.equal(index.filter((row) => row.comparison === 'BASE_LINKED' && row.scope !== 'ALL').length, 0);
  // MOM across the version change uses the 2020 weights for both spans: (1 × 30/13 + 1 × 180/90) / 2 × 100.
  close(findRow(index, { period: '2021-01', scope: 'ALL', comparison: 'MOM', level: 'TOTAL' }).index, ((30 / 13) * 100 + 200) / 2);

  // With one version in the range there is no BASE_LINKED.
  assert.equal(computeIip(input, { from: '2021-01', to: '2021-01' }).index.filter((row) => row.comparison === 'BASE_LINKED').length, 0);
});

test('Tết days: January and February 2024 against 2023 show the shift; the two-month YTD does not', () => {
  const reports = [...series('E1', 'A', monthsBetween('2023-01', '2024-02'), 10), ...series('E2', 'B', monthsBetween('2023-01', '2024-02'), 10), ...series('E3', 'C', monthsBetween('2023-01', '2024-02'), 10)];
  const { index } = computeIip({ ...SMALL_INPUT, reports }, { from: '2024-01', to: '2024-02' });
  const total = (period: string, comparison: TIipIndexRow['comparison']): TIipIndexRow => findRow(index, { period, scope: 'ALL', comparison, level: 'TOTAL' });
  assert.deepEqual([total('2024-01', 'YOY').tetDaysCur, total('2024-01', 'YOY').tetDaysCmp], [0, 7]); // Tết 2023 in January
  assert.deepEqual([total('2024-02', 'YOY').tetDaysCur, total('2024-02', 'YOY').tetDaysCmp], [7, 0]); // Tết 2024 in February
  assert.deepEqual([total('2024-02', 'MOM').tetDaysCur, total('2024-02', 'MOM').tetDaysCmp], [7, 0]);
  assert.deepEqual([total('2024-02', 'YTD').tetDaysCur, total('2024-02', 'YTD').tetDaysCmp], [7, 7]);
  // An official schedule replaces the default window of its year.
  const withHolidays = computeIip({ ...SMALL_INPUT, reports, tetWindows: [{ year: 2024, start: '2024-02-08', end: '2024-02-16' }] }, { from: '2024-02', to: '2024-02' });
  assert.equal(findRow(withHolidays.index, { scope: 'ALL', comparison: 'YOY', level: 'TOTAL' }).tetDaysCur, 9);
});

test('missing items (§4.4): new production excluded and flagged, stopped production counts 0, non-basket products flagged', () => {
  const months = monthsBetween('2023-01', '2024-02');
  const input: TIipInput = {
    products: [...PRODUCTS, { code: 'Z', vsic4: '2710' }],
    weights: WEIGHTS,
    enterprises: [enterprise('E1', 'X'), enterprise('E2', 'X', '2015-01', '2023-12'), enterprise('E3', 'Y'), enterprise('E4', 'Y', '2024-02')],
    reports: [
      ...series('E1', 'A', months, 10),
      ...series('E2', 'B', months.slice(0, 12), 20), // closes after 2023-12: B stops
      ...series('E3', 'C', months, 50),
      ...series('E3', 'Z', ['2024-02'], 4), // not in the basket
      ...series('E4', 'B', ['2024-02'], 7), // B restarts at a new plant in 2024-02
    ],
  };
  const { index, flags } = computeIip(input, { from: '2024-01', to: '2024-02' });
  const janB = findRow(index, { period: '2024-01', scope: 'ALL', comparison: 'YOY', code: 'B' });
  assert.equal(janB.index, 0); // stopped production: relative 0, still used
  assert.equal(janB.qCur, 0);
  close(findRow(index, { period: '2024-01', scope: 'ALL', comparison: 'YOY', level: 'VSIC4', code: '1050' }).index, (2 * 100 + 0) / 3);
  // 2024-02 MOM: B has q1 = 7 and q0 = 0 → excluded; its class renormalizes over A.
  const febB = findRow(index, { period: '2024-02', scope: 'ALL', comparison: 'MOM', code: 'B' });
  assert.equal(febB.index, null);
  assert.equal(febB.contribParentPp, null);
  assert.equal(febB.qCur, 7);
  const febClass = findRow(index, { period: '2024-02', scope: 'ALL', comparison: 'MOM', level: 'VSIC4', code: '1050' });
  close(febClass.index, 100);
  assert.deepEqual([febClass.nUsed, febClass.nBasket], [1, 2]);
  close(febClass.weightCoverage, 2 / 3);
  // Area Y: only B (excluded) and C; the class of B has no used child → undefined, parent renormalizes.
  const yClass = findRow(index, { period: '2024-02', scope: 'Y', comparison: 'MOM', level: 'VSIC4', code: '1050' });
  assert.equal(yClass.index, null);
  assert.equal(yClass.imputedShare, null);
  assert.deepEqual([yClass.nUsed, yClass.nBasket, yClass.weightCoverage], [0, 1, 0]);
  close(findRow(index, { period: '2024-02', scope: 'Y', comparison: 'MOM', level: 'TOTAL' }).index, 100);
  // Not part of a comparison when both spans are zero: no B row in area Y for January.
  assert.equal(index.filter((row) => row.period === '2024-01' && row.scope === 'Y' && row.code === 'B').length, 0);

  const flagTexts = flags.map((flag) => `${flag.period} ${flag.scope} ${flag.productCode} ${flag.flag} ${flag.quantity}`);
  assert.deepEqual(flagTexts, [
    '2024-02 ALL B EXCLUDED_MOM 7',
    '2024-02 ALL Z NOT_IN_BASKET 4',
    '2024-02 Y B EXCLUDED_MOM 7',
    '2024-02 Y B EXCLUDED_YOY 7', // B was made in area X last year
    '2024-02 Y B EXCLUDED_YTD 7',
  ]);
});

test('areas: weights fall back to ALL per level; BASE only for an area with its own PRODUCT rows', () => {
  const input: TIipInput = {
    ...SMALL_INPUT,
    weights: [
      ...WEIGHTS,
      weight({ scope: 'X', level: 'PRODUCT', code: 'A', weight: 1, baseAnnualQty: 60 }),
      weight({ scope: 'X', level: 'PRODUCT', code: 'B', weight: 1, baseAnnualQty: 120 }),
    ],
  };
  const { index } = computeIip(input, { from: '2024-01', to: '2024-01' });
  assert.deepEqual([...new Set(index.filter((row) => row.comparison === 'BASE').map((row) => row.scope))], ['ALL', 'X']);
  // X: own product weights (1:1) and base quantities (A 5, B 10 per month): A 300, B 100.
  close(findRow(index, { scope: 'X', comparison: 'BASE', level: 'VSIC4', code: '1050' }).index, 200);
  close(findRow(index, { scope: 'X', comparison: 'YOY', level: 'VSIC4', code: '1050' }).index, 100); // (150 + 50) / 2
  close(findRow(index, { scope: 'Y', comparison: 'YOY', level: 'TOTAL' }).index, 120);
});

test('imputation (§6): donor ratio, chained gap, class-mean fallback, carry forward, no history, closed firms', () => {
  const months = monthsBetween('2023-01', '2024-03');
  const products: TStatsProduct[] = [...PRODUCTS, { code: 'D', vsic4: '1050' }, { code: 'S', vsic4: '0810' }];
  const input: TIipInput = {
    products,
    weights: [
      ...WEIGHTS,
      weight({ level: 'PRODUCT', code: 'D', weight: 1 }),
      weight({ level: 'PRODUCT', code: 'S', weight: 1 }),
      weight({ level: 'VSIC4', code: '0810', weight: 1 }),
      weight({ level: 'VSIC2', code: '08', weight: 1 }),
      weight({ level: 'SECTION', code: 'B', weight: 1 }),
    ],
    enterprises: [
      enterprise('E1', 'X'),
      enterprise('E2', 'X'),
      enterprise('E3', 'Y'),
      enterprise('E4', 'Y'),
      enterprise('E5', 'Y', '2024-02'), // new, misses its first month
      enterprise('E6', 'Y', '2015-01', '2024-01'), // closes
    ],
    reports: [
      ...series('E1', 'A', months, 10, { '2024-02': 12, '2024-03': 99 }), // 2024-03 revised below
      ...series('E2', 'A', months.slice(0, 13), 20), // misses 2024-02 and 2024-03: chained
      ...series('E3', 'D', months.slice(0, 13), 40), // D's only producer misses 2024-02/03: class mean of A
      ...series('E4', 'S', months.slice(0, 13), 5), // S alone in its division: carry forward
      ...series('E5', 'C', ['2024-03'], 8),
      ...series('E6', 'C', months.slice(0, 13), 50),
      { enterpriseId: 'E1', period: '2024-03', productCode: 'A', quantity: 15, revision: 1 },
    ],
  };
  const { imputation, index } = computeIip(input, { from: '2024-02', to: '2024-03' });
  const text = imputation.map((row) =>
    [row.period, row.enterpriseId, row.item ?? '', row.prevValue?.toFixed(4) ?? '', row.ratio?.toFixed(4) ?? '', row.method, row.donors, row.imputedValue?.toFixed(4) ?? ''].join(' '),
  );
  assert.deepEqual(text, [
    '2024-02 E2 A 20.0000 1.2000 RATIO_ITEM 1 24.0000',
    '2024-02 E3 D 40.0000 1.2000 RATIO_VSIC4_MEAN 0 48.0000', // mean over A (the only other product of 1050 with a ratio)
    '2024-02 E4 S 5.0000 1.0000 CARRY_FORWARD 0 5.0000',
    '2024-02 E5    UNIMPUTABLE_NO_HISTORY 0 ',
    '2024-03 E2 A 24.0000 1.2500 RATIO_ITEM 1 30.0000', // chained on the imputed value
    '2024-03 E3 D 48.0000 1.2500 RATIO_VSIC4_MEAN 0 60.0000',
    '2024-03 E4 S 5.0000 1.0000 CARRY_FORWARD 0 5.0000',
  ]);
  const febA = findRow(index, { period: '2024-02', scope: 'ALL', comparison: 'MOM', code: 'A' });
  assert.equal(febA.qCur, 36);
  close(febA.imputedShare, 24 / 36);
  // The closed enterprise E6 is not imputed: C falls to 0 in February.
  assert.equal(findRow(index, { period: '2024-02', scope: 'ALL', comparison: 'MOM', level: 'PRODUCT', code: 'C' }).index, 0);
  // Revision 1 (15) wins over revision 0 (99).
  assert.equal(findRow(index, { period: '2024-03', scope: 'X', comparison: 'MOM', code: 'A' }).qCur, 45);
});

test('division-mean fallback when no other product of the class has a ratio', () => {
  const months = monthsBetween('2023-12', '2024-01');
  const input: TIipInput = {
    products: [
      { code: 'A', vsic4: '1050' },
      { code: 'M', vsic4: '1010' },
    ],
    weights: [
      weight({ level: 'PRODUCT', code: 'A', weight: 1 }),
      weight({ level: 'PRODUCT', code: 'M', weight: 1 }),
      weight({ level: 'VSIC4', code: '1050', weight: 1 }),
      weight({ level: 'VSIC4', code: '1010', weight: 1 }),
      weight({ level: 'VSIC2', code: '10', weight: 1 }),
      weight({ level: 'SECTION', code: 'C', weight: 1 }),
    ],
    enterprises: [enterprise('E1', 'X'), enterprise('E2', 'X')],
    reports: [...series('E1', 'A', months, 10, { '2024-01': 11 }), ...series('E2', 'M', ['2023-12'], 3)],
  };
  const { imputation } = computeIip(input, { from: '2024-01', to: '2024-01' });
  assert.equal(imputation.length, 1);
  assert.equal(imputation[0].method, 'RATIO_VSIC2_MEAN');
  close(imputation[0].ratio, 1.1);
});

test('a node with an index but no weight at its level is a hard error', () => {
  const weights = WEIGHTS.filter((row) => !(row.level === 'VSIC2' && row.code === '35'));
  assert.throws(
    () => computeIip({ ...SMALL_INPUT, weights }, { from: '2024-01', to: '2024-01' }),
    (error: unknown) => error instanceof StatsInputError && /no VSIC2 weight for "35"/.test(error.message) && error.location.file === 'weights.csv',
  );
});

test('bad engine input: unknown enterprise or product, negative quantity, weight <= 0, bad version, no version in force', () => {
  const throwsInput = (input: TIipInput, pattern: RegExp, range = { from: '2024-01', to: '2024-01' }): void => {
    assert.throws(() => computeIip(input, range), (error: unknown) => error instanceof StatsInputError && pattern.test(error.message));
  };
  const report = SMALL_INPUT.reports[0];
  throwsInput({ ...SMALL_INPUT, reports: [{ ...report, enterpriseId: 'NOPE' }] }, /unknown enterprise "NOPE"/);
  throwsInput({ ...SMALL_INPUT, reports: [{ ...report, productCode: 'NOPE' }] }, /unknown product "NOPE"/);
  throwsInput({ ...SMALL_INPUT, reports: [{ ...report, quantity: -1 }] }, /quantity >= 0/);
  throwsInput({ ...SMALL_INPUT, weights: [...WEIGHTS.slice(1), { ...WEIGHTS[0], weight: 0 }] }, /weight > 0/);
  throwsInput({ ...SMALL_INPUT, weights: WEIGHTS.map((row) => ({ ...row, version: 20 })) }, /4-digit year/);
  throwsInput(SMALL_INPUT, /no weight version is in force in 2020-12/, { from: '2020-12', to: '2021-01' });
  throwsInput(SMALL_INPUT, /YYYY-MM/, { from: '2024-1', to: '2024-01' });
});

test('the published strings of a row come from the unrounded index', () => {
  const { index } = computeIip(SMALL_INPUT, { from: '2024-01', to: '2024-01' });
  const row = findRow(index, { scope: 'ALL', comparison: 'YOY', level: 'VSIC4', code: '1050' });
  assert.equal(formatIndexPub(row.index ?? Number.NaN), '116.67');
  assert.equal(formatGrowthPub(row.index ?? Number.NaN), '16.7');
});

test('options: only the requested scopes are computed', () => {
  const { index } = computeIip(SMALL_INPUT, { from: '2024-01', to: '2024-01', scopes: ['Y'] });
  assert.deepEqual([...new Set(index.map((row) => row.scope))], ['Y']);
  close(findRow(index, { comparison: 'YOY', level: 'TOTAL' }).index, 120);
});
