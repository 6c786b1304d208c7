import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildWeightTree, checkProduct, checkTetWindow, checkVsic4, checkWeightRows, findUnweightedNodes, resolveWeights, shiftPeriod, type TWeightInput } from './basket-rules';

const isKnownDivision = (d: string) => ['08', '10', '11', '35', '41'].includes(d);

test('VSIC-4 of a basket product: 4 digits, a known division, inside industry (B–E)', () => {
  assert.equal(checkVsic4('1103', isKnownDivision), null);
  assert.match(checkVsic4('110', isKnownDivision) ?? '', /4-digit/);
  assert.match(checkVsic4('9900', isKnownDivision) ?? '', /not in VSIC 2018/);
  assert.match(checkVsic4('4100', isKnownDivision) ?? '', /not an industrial class/);
  const errors = checkProduct({ code: 'P 1', nameVi: '', nameEn: 'x', unit: 'tấn', vsic4: '1103', activeFrom: '2025-03', activeTo: '2025-01' }, isKnownDivision);
  assert.deepEqual(errors.map((e) => e.column), ['product_code', 'name_vi', 'active_to']);
});

test('weight rows: located errors for version, start, scope, level, code, weight and repeats', () => {
  const row = (rowNumber: number, v: Record<string, string>) => ({ rowNumber, values: { version: '2025', valid_from: '2025-01', scope: 'ALL', level: 'SECTION', code: 'C', weight: '10', ...v } });
  const { rows, errors } = checkWeightRows(
    [
      row(2, {}),
      row(3, { valid_from: '2025-02', code: 'B' }),
      row(4, { version: '25' }),
      row(5, { scope: 'X' }),
      row(6, { level: 'DIVISION' }),
      row(7, { level: 'VSIC2', code: '41' }),
      row(8, { level: 'PRODUCT', code: 'P9' }),
      row(9, { code: 'D', weight: '-1' }),
      row(10, { code: 'E', weight: '0' }),
      row(11, {}),
      row(12, { code: '10', level: 'VSIC2', base_annual_qty: '5' }),
      row(13, { level: 'PRODUCT', code: 'P1', weight: '2,5', base_annual_qty: '120' }),
    ],
    { productVsic4: new Map([['P1', '1103']]), isKnownScope: (s) => s === 'ALL', isKnownDivision },
  );
  const at = (r: number) => errors.filter((e) => e.row === r).map((e) => e.column);
  assert.deepEqual(at(3), ['valid_from']);
  assert.deepEqual(at(4), ['version']);
  assert.deepEqual(at(5), ['scope']);
  assert.deepEqual(at(6), ['level']);
  assert.deepEqual(at(7), ['code']);
  assert.deepEqual(at(8), ['code']);
  assert.deepEqual(at(9), ['weight']);
  assert.match(errors.find((e) => e.row === 10)?.message ?? '', /weight is 0/);
  assert.match(errors.find((e) => e.row === 11)?.message ?? '', /repeated \(first on row 2\)/);
  assert.deepEqual(at(12), ['base_annual_qty']);
  assert.deepEqual(rows.map((r) => [r.rowNumber, r.weight]), [[2, 10], [13, 2.5]]);
});

const w = (level: TWeightInput['level'], code: string, weight: number, scope = 'ALL'): TWeightInput => ({ version: 2020, validFrom: '2023-01', scope, level, code, weight, baseAnnualQty: null });

test('the tree follows the products; nodes with data but no weight are found; areas fall back to ALL per level', () => {
  const vsic4 = new Map([['BEER', '1103'], ['MEAT', '1010'], ['POWER', '3510']]);
  const rows = [w('PRODUCT', 'BEER', 3), w('PRODUCT', 'MEAT', 1), w('PRODUCT', 'POWER', 2), w('VSIC4', '1103', 5), w('VSIC4', '1010', 5), w('VSIC4', '3510', 4), w('VSIC2', '10', 6), w('VSIC2', '11', 2), w('SECTION', 'C', 80), w('SECTION', 'D', 20), w('PRODUCT', 'BEER', 9, '001')];
  const tree = buildWeightTree(resolveWeights(rows, 2020, 'ALL'), vsic4, new Set(['BEER', 'POWER']));
  assert.deepEqual(tree.map((n) => n.key).slice(0, 3), ['TOTAL:TOTAL', 'SECTION:C', 'SECTION:D']);
  assert.equal(tree.find((n) => n.key === 'SECTION:C')?.share, 0.8);
  assert.equal(tree.find((n) => n.key === 'VSIC2:11')?.share, 0.25);
  const gaps = findUnweightedNodes(tree);
  assert.deepEqual(gaps.map((n) => n.key), ['VSIC2:35'], 'division 35 has data (POWER) and no weight; 10 has a weight');
  assert.equal(tree.find((n) => n.key === 'VSIC2:10')?.hasData, false);
  const area = buildWeightTree(resolveWeights(rows, 2020, '001'), vsic4, new Set(['BEER']));
  assert.deepEqual(area.filter((n) => n.level === 'PRODUCT').map((n) => [n.code, n.weight, n.isInherited]), [['BEER', 9, false]], 'own PRODUCT rows replace the ALL ones');
  assert.equal(area.find((n) => n.key === 'SECTION:C')?.isInherited, true);
});

test('Tết window: contains day 1, stays near it, at most 16 days, no overlap', () => {
  const dayOne = (y: number) => (y === 2025 ? '2025-01-29' : '2026-02-17');
  assert.deepEqual(checkTetWindow({ year: 2025, start: '2025-01-25', end: '2025-02-02' }, [], dayOne), []);
  assert.equal(checkTetWindow({ year: 2025, start: '2025-01-30', end: '2025-02-05' }, [], dayOne)[0].column, 'start');
  assert.match(checkTetWindow({ year: 2025, start: '2025-01-20', end: '2025-02-10' }, [], dayOne)[0].message, /longer than a Tết holiday/);
  assert.match(checkTetWindow({ year: 2025, start: '2025-02-30', end: '2025-02-02' }, [], dayOne)[0].message, /not a date/);
  assert.match(checkTetWindow({ year: 2025, start: '2025-01-25', end: '2025-02-02' }, [{ year: 2026, start: '2025-02-01', end: '2025-02-03' }], dayOne)[0].message, /overlaps the Tết window of 2026/);
  assert.equal(shiftPeriod('2025-01', -14), '2023-11');
});
