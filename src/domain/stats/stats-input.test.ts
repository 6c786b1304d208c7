import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StatsInputError } from './stats-errors';
import { parseStatsInput, parseStatsParams, type TStatsFileSet } from './stats-input';

const FILES: TStatsFileSet = {
  'params.csv': 'key,value\nmodules,iip;values\nfrom,2024-01\nto,2024-02\n',
  'products.csv': 'product_code,name_vi,name_en,unit,vsic4\nP1,Bia,beer,lít,1103\nP2,Điện,power,kWh,3510\n',
  'weights.csv': [
    'version,valid_from,scope,level,code,weight,base_annual_qty',
    '2020,2021-01,ALL,PRODUCT,P1,5,120',
    '2020,2021-01,ALL,PRODUCT,P2,4,',
    '2020,2021-01,ALL,VSIC4,1103,3,',
    '2020,2021-01,ALL,VSIC4,3510,3,',
    '2020,2021-01,ALL,VSIC2,11,2,',
    '2020,2021-01,ALL,VSIC2,35,2,',
    '2020,2021-01,ALL,SECTION,C,1,',
    '2020,2021-01,ALL,SECTION,D,1,',
  ].join('\n'),
  'enterprises.csv': 'enterprise_id,name,area,active_from,active_to\nE1,"Bia, Hà Nội",BD,2015-01,\nE2,Điện,DA,2015-01,2030-12\nR1,Siêu thị,BD,,\n',
  'reports.csv': 'enterprise_id,period,product_code,quantity,revision\nE1,2024-01,P1,10.5,0\nE2,2024-01,P2,3,\n',
  'values.csv': 'enterprise_id,period,indicator,group,value,revision\nR1,2024-01,RETAIL_GOODS,NN,100,0\n',
  'deflators.csv': 'period,indicator,price_index\n2024-01,RETAIL_GOODS,101.5\n',
  'tet_holidays.csv': 'year,start,end\n2025,2025-01-25,2025-02-02\n',
};

/** Asserts that parsing fails with a message naming the file, line and column. */
const assertFails = (changes: TStatsFileSet, expected: RegExp, modules: ('iip' | 'values')[] = ['iip', 'values']): void => {
  assert.throws(
    () => parseStatsInput({ ...FILES, ...changes }, modules),
    (error: unknown) => {
      assert.ok(error instanceof StatsInputError, `a StatsInputError, got ${String(error)}`);
      assert.match(error.message, expected);
      return true;
    },
  );
};

test('a valid file set parses into the typed model', () => {
  const input = parseStatsInput(FILES, ['iip', 'values']);
  assert.equal(input.products.length, 2);
  assert.deepEqual(input.weights[1], { version: 2020, validFrom: '2021-01', scope: 'ALL', level: 'PRODUCT', code: 'P2', weight: 4, baseAnnualQty: null });
  assert.deepEqual(input.reports[1], { enterpriseId: 'E2', period: '2024-01', productCode: 'P2', quantity: 3, revision: 0 });
  assert.equal(input.enterprises[0].area, 'BD');
  assert.equal(input.enterprises[2].activeFrom, null);
  // With both surveys computed, an enterprise reporting only values is expected only there.
  assert.deepEqual(input.enterprises[2].surveys, ['values']);
  assert.deepEqual(input.enterprises[0].surveys, ['iip']);
  assert.deepEqual(input.tetWindows, [{ year: 2025, start: '2025-01-25', end: '2025-02-02' }]);
  assert.deepEqual(input.deflators, [{ period: '2024-01', indicator: 'RETAIL_GOODS', priceIndex: 101.5 }]);
});

test('params.csv: modules, from and to', () => {
  assert.deepEqual(parseStatsParams(FILES['params.csv'] ?? ''), { modules: ['iip', 'values'], from: '2024-01', to: '2024-02' });
  assert.throws(() => parseStatsParams('key,value\nmodules,iip;trade\nfrom,2024-01\nto,2024-02\n'), /params\.csv, line 2, column value: expected modules iip, values or iip;values/);
  assert.throws(() => parseStatsParams('key,value\nmodules,iip\nfrom,2024-03\nto,2024-02\n'), /params\.csv, line 4, column value: expected to >= from/);
  assert.throws(() => parseStatsParams('key,value\nmodules,iip\nfrom,2024-3\nto,2024-02\n'), /line 3, column value: expected a YYYY-MM period, got "2024-3"/);
  assert.throws(() => parseStatsParams('key,value\nmodules,iip\nfrom,2024-01\n'), /missing key "to"/);
});

test('unknown enterprise or product in reports.csv is a hard error', () => {
  assertFails({ 'reports.csv': 'enterprise_id,period,product_code,quantity,revision\nE1,2024-01,P1,1,0\nE9,2024-01,P1,1,0\n' }, /reports\.csv, line 3, column enterprise_id: .*unknown enterprise "E9"/);
  assertFails({ 'reports.csv': 'enterprise_id,period,product_code,quantity,revision\nE1,2024-01,P7,1,0\n' }, /reports\.csv, line 2, column product_code: .*unknown product "P7"/);
  assertFails({ 'values.csv': 'enterprise_id,period,indicator,group,value,revision\nZZ,2024-01,EXPORT,FDI,1,0\n' }, /values\.csv, line 2, column enterprise_id/);
});

test('negative quantity or value is a hard error', () => {
  assertFails({ 'reports.csv': 'enterprise_id,period,product_code,quantity,revision\nE1,2024-01,P1,-0.5,0\n' }, /reports\.csv, line 2, column quantity: expected a number >= 0, got "-0.5"/);
  assertFails({ 'reports.csv': 'enterprise_id,period,product_code,quantity,revision\nE1,2024-01,P1,abc,0\n' }, /column quantity: expected a number >= 0, got "abc"/);
  assertFails({ 'values.csv': 'enterprise_id,period,indicator,group,value,revision\nR1,2024-01,EXPORT,FDI,-1,0\n' }, /values\.csv, line 2, column value/);
});

test('weights must be > 0, versions 4-digit years, product codes known', () => {
  const weights = (line: string): TStatsFileSet => ({ 'weights.csv': `version,valid_from,scope,level,code,weight,base_annual_qty\n2020,2021-01,ALL,PRODUCT,P1,5,120\n${line}\n` });
  assertFails(weights('2020,2021-01,ALL,VSIC4,1103,0,'), /weights\.csv, line 3, column weight: expected a number > 0, got "0"/);
  assertFails(weights('2020,2021-01,ALL,VSIC4,1103,-2,'), /line 3, column weight/);
  assertFails(weights('20,2021-01,ALL,VSIC4,1103,1,'), /weights\.csv, line 3, column version: expected a 4-digit year, got "20"/);
  assertFails(weights('2020,2021-01,ALL,PRODUCT,P9,1,'), /line 3, column code: .*unknown product "P9"/);
  assertFails(weights('2020,2021-01,ALL,VSIC3,1103,1,'), /line 3, column level: expected one of PRODUCT, VSIC4, VSIC2, SECTION/);
  assertFails(weights('2020,2022-01,ALL,VSIC4,1103,1,'), /line 3, column valid_from: expected 2021-01/);
  assertFails(weights('2020,2021-01,ALL,SECTION,G,1,'), /line 3, column code: expected a section letter/);
  assertFails(weights('2020,2021-01,ALL,PRODUCT,P1,5,120'), /line 3, column code: .*repeated/);
});

test('periods must be YYYY-MM; products must belong to sections B–E; headers and field counts are checked', () => {
  assertFails({ 'reports.csv': 'enterprise_id,period,product_code,quantity,revision\nE1,2024-13,P1,1,0\n' }, /reports\.csv, line 2, column period: expected a YYYY-MM period, got "2024-13"/);
  assertFails({ 'enterprises.csv': 'enterprise_id,name,area,active_from,active_to\nE1,x,BD,2015,\n' }, /enterprises\.csv, line 2, column active_from/);
  assertFails({ 'products.csv': 'product_code,name_vi,name_en,unit,vsic4\nP1,a,b,c,4711\n' }, /products\.csv, line 2, column vsic4: expected a 4-digit VSIC class in sections B–E/);
  assertFails({ 'reports.csv': 'enterprise_id,period,quantity\nE1,2024-01,1\n' }, /reports\.csv, line 1, column product_code: missing column/);
  assertFails({ 'reports.csv': 'enterprise_id,period,product_code,quantity,revision\nE1,2024-01,P1,1\n' }, /reports\.csv, line 2: expected 5 fields/);
  assertFails({ 'values.csv': 'enterprise_id,period,indicator,group,value,revision\nR1,2024-01,RETAIL_TOTAL,NN,1,0\n' }, /column indicator: expected one of RETAIL_GOODS/);
  assertFails({ 'tet_holidays.csv': 'year,start,end\n2025,2025-02-30,2025-03-01\n' }, /tet_holidays\.csv, line 2, column start: expected a YYYY-MM-DD date/);
});

test('files needed by the modules must exist; the others are not read', () => {
  assertFails({ 'weights.csv': undefined }, /weights\.csv: file not found/);
  assert.doesNotThrow(() => parseStatsInput({ ...FILES, 'weights.csv': undefined, 'reports.csv': 'garbage' }, ['values']));
});
