import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../../bin/congthuong', import.meta.url));
const TMP = mkdtempSync(path.join(tmpdir(), 'congthuong-calendar-cli-'));
after(() => rmSync(TMP, { recursive: true, force: true }));

/** Runs the CLI (from another working directory, to prove files are found from the repo root). */
const runCli = (...args: string[]): { status: number | null; stdout: string; stderr: string } => {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: TMP, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

const writeTmp = (name: string, text: string): string => {
  const file = path.join(TMP, name);
  writeFileSync(file, text);
  return file;
};

describe('calendar lunar', () => {
  it('converts dates given as arguments, including leap months and range ends', () => {
    const out = runCli('calendar', 'lunar', '2025-01-29', '2020-05-23', '2025-08-22', '1900-01-31', '2100-12-31');
    assert.equal(out.status, 0, out.stderr);
    assert.equal(
      out.stdout,
      [
        'solar_date,lunar_day,lunar_month,lunar_year,leap',
        '2025-01-29,1,1,2025,0',
        '2020-05-23,1,4,2020,1',
        '2025-08-22,29,6,2025,1',
        '1900-01-31,1,1,1900,0',
        '2100-12-31,1,12,2100,0',
        '',
      ].join('\n'),
    );
  });

  it('converts the solar_date column of a file', () => {
    const file = writeTmp('dates.csv', 'solar_date\n2030-02-02\n2007-02-17\n\n2023-03-22\n');
    const out = runCli('calendar', 'lunar', '--file', file);
    assert.equal(out.status, 0, out.stderr);
    assert.equal(out.stdout, 'solar_date,lunar_day,lunar_month,lunar_year,leap\n2030-02-02,1,1,2030,0\n2007-02-17,1,1,2007,0\n2023-03-22,1,2,2023,1\n');
  });

  it('exits 2 naming the argument for invalid or out-of-range dates, with no output', () => {
    for (const bad of ['1900-01-30', '2101-01-01', '2025-02-29', '2025/01/01']) {
      const out = runCli('calendar', 'lunar', '2025-01-29', bad);
      assert.equal(out.status, 2, bad);
      assert.equal(out.stdout, '');
      assert.match(out.stderr, new RegExp(`argument 2 "${bad}"`));
    }
    assert.equal(runCli('calendar', 'lunar').status, 2);
  });

  it('exits 2 naming file, line and column for a bad row', () => {
    const file = writeTmp('bad-dates.csv', 'id,solar_date\n1,2025-01-01\n2,2025-02-30\n');
    const out = runCli('calendar', 'lunar', '--file', file);
    assert.equal(out.status, 2);
    assert.match(out.stderr, /bad-dates\.csv: line 3, column 2 \(solar_date\): expected a valid date/);
    assert.equal(out.stdout, '');
    assert.match(runCli('calendar', 'lunar', '--file', writeTmp('no-col.csv', 'date\n2025-01-01\n')).stderr, /column solar_date/);
  });
});

describe('calendar add-workdays', () => {
  it('computes the worked examples of spec §2.2 with the shipped holidays', () => {
    const out = runCli('calendar', 'add-workdays', '2025-04-24', '5');
    assert.equal(out.status, 0, out.stderr);
    assert.equal(out.stdout, 'start_date,n,due_date\n2025-04-24,5,2025-05-05\n');
  });

  it('computes every row of a file (column order free), using rules outside 2019–2030', () => {
    const file = writeTmp('rows.csv', 'n,start_date\n3,2026-02-12\n2,2025-12-31\n0,2025-04-26\n1,2031-01-20\n1,2018-12-31\n');
    const out = runCli('calendar', 'add-workdays', '--file', file);
    assert.equal(out.status, 0, out.stderr);
    assert.equal(
      out.stdout,
      'start_date,n,due_date\n2026-02-12,3,2026-02-24\n2025-12-31,2,2026-01-06\n2025-04-26,0,2025-04-26\n2031-01-20,1,2031-01-28\n2018-12-31,1,2019-01-02\n',
    );
  });

  it('exits 2 for a bad date, a bad n or a wrong argument count', () => {
    const cases: [string[], RegExp][] = [
      [['2025-02-30', '1'], /argument 1 \(start date\) "2025-02-30": expected a valid date/],
      [['2025-04-24', '-1'], /argument 2 \(n\) "-1": expected a non-negative integer/],
      [['2025-04-24', '1.5'], /argument 2 \(n\) "1.5": expected a non-negative integer/],
      [['2025-04-24', 'five'], /expected a non-negative integer/],
      [['2025-04-24'], /expected 2 arguments/],
      [['2100-12-30', '10'], /outside the supported range/],
    ];
    for (const [args, message] of cases) {
      const out = runCli('calendar', 'add-workdays', ...args);
      assert.equal(out.status, 2, args.join(' '));
      assert.match(out.stderr, message);
      assert.equal(out.stdout, '');
    }
  });

  it('exits 2 naming file, line and column for a bad row', () => {
    const file = writeTmp('bad-rows.csv', 'start_date,n\n2025-04-24,5\n2025-04-24,x\n');
    const out = runCli('calendar', 'add-workdays', '--file', file);
    assert.equal(out.status, 2);
    assert.match(out.stderr, /bad-rows\.csv: line 3, column 2 \(n\): expected a non-negative integer, got "x"/);
    assert.equal(out.stdout, '');
  });
});
