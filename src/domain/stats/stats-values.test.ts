import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StatsInputError } from './stats-errors';
import { formatPeriod, parsePeriod } from './stats-periods';
import { computeValues } from './stats-values';
import type { TDeflator, TValueIndexRow, TValueIndicator, TValueReport, TValuesInput } from './stats.types';

const MONTHS: string[] = [];
for (let m = parsePeriod('2023-01'); m <= parsePeriod('2024-01'); m += 1) MONTHS.push(formatPeriod(m));

/** Monthly values of one enterprise: `base` in every month, with overrides; `null` = no report. */
const values = (enterpriseId: string, indicator: TValueIndicator, group: string, base: number, overrides: Record<string, number | null>): TValueReport[] =>
  MONTHS.flatMap((period) => {
    const value = period in overrides ? overrides[period] : base;
    return value === null || value === undefined ? [] : [{ enterpriseId, period, indicator, group, value, revision: 0 }];
  });

const deflators = (indicator: string, overrides: Record<string, number>): TDeflator[] =>
  MONTHS.map((period) => ({ period, indicator, priceIndex: overrides[period] ?? 100 }));

const INPUT: TValuesInput = {
  enterprises: ['R1:X', 'R2:Y', 'R3:X', 'T1:X', 'X1:Y', 'X2:X'].map((text) => {
    const [id, area] = text.split(':');
    return { id, area, activeFrom: '2015-01', activeTo: null };
  }),
  values: [
    ...values('R1', 'RETAIL_GOODS', 'NN', 100, { '2023-12': 110, '2024-01': 121 }),
    ...values('R2', 'ACCOM_FOOD', 'FDI', 50, { '2023-12': 60, '2024-01': 66 }),
    ...values('R3', 'ACCOM_FOOD', 'NN', 30, { '2023-12': 40, '2024-01': null }), // imputed: 40 × 1.1 (FDI ratio)
    ...values('T1', 'TRAVEL', 'NN', 10, { '2024-01': null }), // imputed: carried forward
    ...values('X1', 'EXPORT', 'FDI', 1000, { '2023-12': 1100, '2024-01': 1210 }),
    ...values('X2', 'EXPORT', 'NN', 200, { '2023-12': 210, '2024-01': null }), // imputed: 210 × 1.1
  ],
  deflators: [
    ...deflators('RETAIL_GOODS', { '2023-12': 105, '2024-01': 110 }),
    ...deflators('ACCOM_FOOD', { '2024-01': 120 }),
    ...deflators('TRAVEL', {}),
    ...deflators('OTHER_SERVICES', {}),
  ],
};

const row = (rows: TValueIndexRow[], key: Partial<TValueIndexRow>): TValueIndexRow => {
  const found = rows.filter((candidate) => Object.entries(key).every(([k, v]) => candidate[k as keyof TValueIndexRow] === v));
  assert.equal(found.length, 1, `one row for ${JSON.stringify(key)}, found ${found.length}`);
  return found[0];
};

const close = (actual: number | null, expected: number): void => {
  assert.ok(actual !== null && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `expected ${expected}, got ${actual}`);
};

test('values by hand: RETAIL_TOTAL = sum of components, groups, nominal and real (deflated) indices', () => {
  const { index } = computeValues(INPUT, { from: '2024-01', to: '2024-01' });
  const yoy = { period: '2024-01', scope: 'ALL', comparison: 'YOY' } as const;
  const total = row(index, { ...yoy, indicator: 'RETAIL_TOTAL', group: 'ALL' });
  assert.equal(total.valueCur, 121 + 66 + 44 + 10);
  assert.equal(total.valueCmp, 100 + 50 + 30 + 10);
  close(total.index, (100 * 241) / 190);
  // Each component deflated by its own price index, then summed: 121/1.1 + 66/1.2 + 44/1.2 + 10.
  close(total.realIndex, (100 * (110 + 55 + 44 / 1.2 + 10)) / 190);
  close(total.imputedShare, (44 + 10) / 241);
  const nn = row(index, { ...yoy, indicator: 'RETAIL_TOTAL', group: 'NN' });
  close(nn.index, (100 * 175) / 140);
  close(nn.realIndex, (100 * (110 + 44 / 1.2 + 10)) / 140);
  // Exports: ratio of sums, domestic + FDI, never deflated.
  const exports = row(index, { ...yoy, indicator: 'EXPORT', group: 'ALL' });
  close(exports.index, (100 * (1210 + 231)) / 1200);
  assert.equal(exports.realIndex, null);
  // MOM against December.
  close(row(index, { period: '2024-01', scope: 'ALL', comparison: 'MOM', indicator: 'RETAIL_GOODS', group: 'NN' }).realIndex, (100 * 110) / (110 / 1.05));
  // Tết: January 2023 held the whole default window, January 2024 none of it.
  assert.deepEqual([total.tetDaysCur, total.tetDaysCmp], [0, 7]);
});

test('values: row order and which series appear per scope', () => {
  const { index } = computeValues(INPUT, { from: '2024-01', to: '2024-01' });
  const all = [...new Set(index.filter((r) => r.scope === 'ALL').map((r) => `${r.indicator}|${r.group}`))];
  assert.deepEqual(all, [
    'ACCOM_FOOD|ALL', 'ACCOM_FOOD|FDI', 'ACCOM_FOOD|NN',
    'EXPORT|ALL', 'EXPORT|FDI', 'EXPORT|NN',
    'RETAIL_GOODS|ALL', 'RETAIL_GOODS|NN',
    'RETAIL_TOTAL|ALL', 'RETAIL_TOTAL|FDI', 'RETAIL_TOTAL|NN',
    'TRAVEL|ALL', 'TRAVEL|NN',
  ]);
  assert.deepEqual([...new Set(index.map((r) => r.scope))], ['ALL', 'X', 'Y']);
  assert.deepEqual([...new Set(index.map((r) => r.comparison))], ['MOM', 'YOY', 'YTD']);
  const y = [...new Set(index.filter((r) => r.scope === 'Y').map((r) => `${r.indicator}|${r.group}`))];
  assert.deepEqual(y, ['ACCOM_FOOD|ALL', 'ACCOM_FOOD|FDI', 'EXPORT|ALL', 'EXPORT|FDI', 'RETAIL_TOTAL|ALL', 'RETAIL_TOTAL|FDI']);
});

test('values imputation: indicator-mean fallback and carry forward, logged with indicator|group', () => {
  const { imputation } = computeValues(INPUT, { from: '2024-01', to: '2024-01' });
  assert.deepEqual(
    imputation.map((r) => [r.period, r.enterpriseId, r.item, r.prevValue, Number(r.ratio?.toFixed(12)), r.method, r.donors, Number(r.imputedValue?.toFixed(9))]),
    [
      ['2024-01', 'R3', 'ACCOM_FOOD|NN', 40, 1.1, 'RATIO_INDICATOR_MEAN', 0, 44],
      ['2024-01', 'T1', 'TRAVEL|NN', 10, 1, 'CARRY_FORWARD', 0, 10],
      ['2024-01', 'X2', 'EXPORT|NN', 210, 1.1, 'RATIO_INDICATOR_MEAN', 0, 231],
    ],
  );
});

test('values: a missing deflator leaves the real index empty; QOY at quarter ends only', () => {
  const partial = { ...INPUT, deflators: INPUT.deflators?.filter((d) => !(d.indicator === 'TRAVEL' && d.period === '2023-01')) };
  const { index } = computeValues(partial, { from: '2024-01', to: '2024-01' });
  assert.equal(row(index, { comparison: 'YOY', scope: 'ALL', indicator: 'RETAIL_TOTAL', group: 'ALL' }).realIndex, null);
  assert.notEqual(row(index, { comparison: 'MOM', scope: 'ALL', indicator: 'RETAIL_TOTAL', group: 'ALL' }).realIndex, null);
  assert.notEqual(row(index, { comparison: 'YOY', scope: 'ALL', indicator: 'RETAIL_GOODS', group: 'ALL' }).realIndex, null);
  const december = computeValues(INPUT, { from: '2023-12', to: '2023-12' }).index;
  assert.ok(december.some((r) => r.comparison === 'QOY'));
});

test('values: an enterprise expected only in the IIP survey is not imputed in values', () => {
  const enterprises = INPUT.enterprises.map((e) => (e.id === 'T1' ? { ...e, surveys: ['iip' as const] } : e));
  const { imputation } = computeValues({ ...INPUT, enterprises }, { from: '2024-01', to: '2024-01' });
  assert.deepEqual(imputation.map((r) => r.enterpriseId), ['R3', 'X2']);
});

test('values: bad input is a located error', () => {
  const bad = (input: TValuesInput, pattern: RegExp): void =>
    assert.throws(() => computeValues(input, { from: '2024-01', to: '2024-01' }), (e: unknown) => e instanceof StatsInputError && pattern.test(e.message));
  const first = INPUT.values[0];
  bad({ ...INPUT, values: [{ ...first, enterpriseId: 'NOPE' }] }, /values\.csv, column enterprise_id: unknown enterprise "NOPE"/);
  bad({ ...INPUT, values: [{ ...first, value: -5 }] }, /value >= 0/);
  bad({ ...INPUT, values: [{ ...first, period: '2024-1' }] }, /YYYY-MM/);
});
