import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../../bin/congthuong', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../../../reference/sme-examples.csv', import.meta.url));
const TMP = mkdtempSync(path.join(tmpdir(), 'congthuong-sme-cli-'));
after(() => rmSync(TMP, { recursive: true, force: true }));

const runCli = (...args: string[]): { status: number | null; stdout: string; stderr: string } => {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: TMP, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

const writeTmp = (name: string, text: string): string => {
  const file = path.join(TMP, name);
  writeFileSync(file, text);
  return file;
};

describe('sme classify', () => {
  it('prints expected_class for every row of reference/sme-examples.csv', () => {
    const out = runCli('sme', 'classify', EXAMPLES);
    assert.equal(out.status, 0, out.stderr);
    const expected = readFileSync(EXAMPLES, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','))
      .map(([id, , , , , cls]) => `${id},${cls}`);
    assert.equal(out.stdout, ['case_id,class', ...expected, ''].join('\n'));
  });

  it('accepts any column order, ignores other columns and gives INVALID_INPUT per row', () => {
    const file = writeTmp(
      'mixed.csv',
      [
        'note,capital_vnd,revenue_vnd,avg_insured_employees,sector_group,case_id',
        'x,3000000000,,10,AGRI_IND_CONS,A1',
        'x,,1000,5,TRADE_SERVICES,A2',
        'x,-1,1000,5,TRADE_SERVICES,A3',
        'x,1000,1000,,TRADE_SERVICES,A4',
        'x,1000,1000,-2,TRADE_SERVICES,A5',
        'x,1000,1000,10.0833,AGRI_IND_CONS,"A,6"',
      ].join('\n'),
    );
    const out = runCli('sme', 'classify', file);
    assert.equal(out.status, 0, out.stderr);
    assert.equal(out.stdout, 'case_id,class\nA1,MICRO\nA2,INVALID_INPUT\nA3,INVALID_INPUT\nA4,INVALID_INPUT\nA5,INVALID_INPUT\n"A,6",SMALL\n');
  });

  it('exits 2 naming line and column for a malformed file', () => {
    const header = 'case_id,sector_group,avg_insured_employees,revenue_vnd,capital_vnd';
    const cases: [string, RegExp][] = [
      [`${header}\nB1,TRADE,5,1,1\n`, /line 2, column 2 \(sector_group\): expected one of AGRI_IND_CONS, TRADE_SERVICES, got "TRADE"/],
      [`${header}\nB1,TRADE_SERVICES,abc,1,1\n`, /line 2, column 3 \(avg_insured_employees\): expected a number/],
      [`${header}\nB1,TRADE_SERVICES,5,1,1\nB2,TRADE_SERVICES,5,1.5,1\n`, /line 3, column 4 \(revenue_vnd\): expected an integer amount in VND/],
      [`${header}\nB1,TRADE_SERVICES,5,1,3 tỷ\n`, /line 2, column 5 \(capital_vnd\)/],
      ['case_id,sector_group,avg_insured_employees,revenue_vnd\nB1,TRADE_SERVICES,5,1\n', /line 1: missing required column "capital_vnd"/],
    ];
    cases.forEach(([text, message], i) => {
      const out = runCli('sme', 'classify', writeTmp(`bad-${i}.csv`, text));
      assert.equal(out.status, 2, text);
      assert.match(out.stderr, message);
      assert.equal(out.stdout, '');
    });
  });

  it('exits 2 for a missing file or wrong arguments', () => {
    const missing = runCli('sme', 'classify', path.join(TMP, 'nope.csv'));
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\.csv: cannot read the file/);
    assert.equal(runCli('sme', 'classify').status, 2);
  });
});
