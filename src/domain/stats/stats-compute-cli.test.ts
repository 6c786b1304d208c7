/** The `stats compute` command end to end on temporary folders: outputs, located errors, no partial files. */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { CliInputError } from '../../cli/cli-error';
import { run } from '../../cli/commands/stats-compute';

const root = mkdtempSync(path.join(os.tmpdir(), 'stats-compute-'));
after(() => rmSync(root, { recursive: true, force: true }));

const INPUT: Record<string, string> = {
  'params.csv': 'key,value\nmodules,iip\nfrom,2024-01\nto,2024-01\n',
  'products.csv': 'product_code,name_vi,name_en,unit,vsic4\nP1,Bia,beer,lít,1103\n',
  'weights.csv': [
    'version,valid_from,scope,level,code,weight,base_annual_qty',
    '2020,2021-01,ALL,PRODUCT,P1,5,120',
    '2020,2021-01,ALL,VSIC4,1103,3,',
    '2020,2021-01,ALL,VSIC2,11,2,',
    '2020,2021-01,ALL,SECTION,C,1,',
  ].join('\n'),
  'enterprises.csv': 'enterprise_id,name,area,active_from,active_to\nE1,Bia,BD,2015-01,\n',
  'reports.csv': 'enterprise_id,period,product_code,quantity,revision\nE1,2023-01,P1,8,0\nE1,2023-12,P1,10,0\nE1,2024-01,P1,12,0\n',
};

let counter = 0;
/** Writes the input files (with changes) into a fresh folder; returns it and a not-yet-existing output folder. */
const writeInput = (changes: Record<string, string> = {}): { inputDir: string; outputDir: string } => {
  counter += 1;
  const inputDir = path.join(root, `in-${counter}`);
  mkdirSync(inputDir, { recursive: true });
  for (const [name, content] of Object.entries({ ...INPUT, ...changes })) writeFileSync(path.join(inputDir, name), content);
  return { inputDir, outputDir: path.join(root, `out-${counter}`, 'nested') };
};

test('writes the three IIP files into a new output folder', async () => {
  const { inputDir, outputDir } = writeInput();
  assert.equal(await run([inputDir, outputDir]), 0);
  assert.deepEqual(readdirSync(outputDir).sort(), ['iip_flags.csv', 'iip_imputation.csv', 'iip_index.csv']);
  const lines = readFileSync(path.join(outputDir, 'iip_index.csv'), 'utf8').trim().split('\n');
  assert.equal(lines[0], 'period,scope,comparison,level,code,version,index,index_pub,growth_pub,contrib_parent_pp,contrib_total_pp,n_used,n_basket,weight_coverage,imputed_share,q_cur,q_cmp,tet_days_cur,tet_days_cmp');
  assert.equal(lines[1], '2024-01,ALL,BASE,TOTAL,TOTAL,2020,120.0000000000,120.00,20.0,,20.0000000000,1,1,1.0000000000,0.0000000000,,,0,');
  assert.ok(lines.includes('2024-01,ALL,YOY,PRODUCT,P1,2020,150.0000000000,150.00,50.0,50.0000000000,50.0000000000,,,,0.0000000000,12.0000000000,8.0000000000,0,7'));
});

test('bad input: exit through CliInputError naming file, line and column, and no output files', async () => {
  const { inputDir, outputDir } = writeInput({ 'reports.csv': 'enterprise_id,period,product_code,quantity,revision\nE1,2023-12,P1,10,0\nE1,2024-01,P1,-3,0\n' });
  await assert.rejects(run([inputDir, outputDir]), (error: unknown) => {
    assert.ok(error instanceof CliInputError);
    assert.match(error.message, /reports\.csv, line 3, column quantity: expected a number >= 0, got "-3"/);
    return true;
  });
  assert.equal(existsSync(outputDir), false);
});

test('a node with an index but no weight is reported against weights.csv', async () => {
  const { inputDir, outputDir } = writeInput({ 'weights.csv': 'version,valid_from,scope,level,code,weight,base_annual_qty\n2020,2021-01,ALL,PRODUCT,P1,5,120\n' });
  await assert.rejects(run([inputDir, outputDir]), (error: unknown) => error instanceof CliInputError && /weights\.csv: .*no VSIC4 weight for "1103"/.test(error.message));
  assert.equal(existsSync(outputDir), false);
});

test('bad arguments and a missing params.csv are input errors', async () => {
  await assert.rejects(run([]), CliInputError);
  await assert.rejects(run([path.join(root, 'does-not-exist'), path.join(root, 'o')]), /argument <inputDir>/);
  const { inputDir, outputDir } = writeInput();
  rmSync(path.join(inputDir, 'params.csv'));
  await assert.rejects(run([inputDir, outputDir]), /params\.csv: file not found/);
});
