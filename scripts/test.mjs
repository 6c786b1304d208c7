#!/usr/bin/env node
// The one test command (`npm test`): type check, lint, unit tests, API tests on PGlite and on
// PostgreSQL, CLI checks and browser tests. Suites whose prerequisite is missing are skipped
// with the reason printed; `.ci/run` provides PostgreSQL and Chromium so nothing is skipped there.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };
const skippedSuites = [];
const failedSteps = [];
const only = process.argv.slice(2); // optional: names of steps to run

const walk = (dir, match) => {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : walk(p, match);
    return match(e.name) ? [p] : [];
  });
};

const step = (name, fn) => {
  if (only.length && !only.includes(name)) return;
  const started = Date.now();
  process.stdout.write(`\n=== ${name}\n`);
  const ok = fn();
  process.stdout.write(`=== ${name}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  if (!ok) failedSteps.push(name);
};

const run = (cmd, args, env = {}) => {
  const res = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  process.stdout.write(res.stdout ?? '');
  process.stderr.write(res.stderr ?? '');
  return res;
};

const nodeTests = (files, env = {}) => {
  if (files.length === 0) return true;
  const res = run(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], env);
  const out = res.stdout ?? '';
  const count = (label) => Number((out.match(new RegExp(`^ℹ ${label} (\\d+)$`, 'm')) ?? [])[1] ?? 0);
  totals.passed += count('pass');
  totals.failed += count('fail');
  totals.skipped += count('skipped');
  return res.status === 0;
};

const unitFiles = walk('src', (n) => n.endsWith('.test.ts') && !n.endsWith('.api.test.ts')).sort();
const apiFiles = [...walk('src', (n) => n.endsWith('.api.test.ts')), ...walk('tests/api', (n) => n.endsWith('.test.ts'))].sort();
const e2eFiles = walk('tests/e2e', (n) => n.endsWith('.e2e.test.ts')).sort();

step('typecheck', () => run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']).status === 0);
step('lint', () => run(bin('eslint'), ['--max-warnings', '0', 'src', 'scripts', 'web/src', 'tests', 'bench']).status === 0);
step('unit', () => nodeTests(unitFiles));
step('api-pglite', () => nodeTests(apiFiles, { TEST_DB: 'pglite' }));
step('api-postgres', () => {
  if (!process.env.TEST_DATABASE_URL) {
    skippedSuites.push('api-postgres: TEST_DATABASE_URL is not set (.ci/run starts a throwaway PostgreSQL 15 and sets it)');
    return true;
  }
  return nodeTests(apiFiles, { TEST_DB: 'postgres' });
});
step('stats-vectors', () => {
  const checker = path.resolve(root, '..', 'shared', 'tools', 'check-stats-vectors');
  if (!fs.existsSync(checker)) {
    skippedSuites.push(`stats-vectors: ${checker} not found (the shared folder sits beside the repository in CI)`);
    return true;
  }
  const res = run('python3', [checker, `${path.join(root, 'bin', 'congthuong')} stats compute {in} {out}`]);
  const m = /stats vectors: (\d+)\/(\d+) pass/.exec(res.stdout ?? '');
  if (m) {
    totals.passed += Number(m[1]);
    totals.failed += Number(m[2]) - Number(m[1]);
  }
  return res.status === 0;
});
step('browser', () => {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) {
    skippedSuites.push(`browser: no Chromium at ${chromium} (install Debian's chromium package; .ci/run does)`);
    return true;
  }
  return nodeTests(e2eFiles);
});

process.stdout.write('\n');
for (const s of skippedSuites) process.stdout.write(`SKIPPED suite — ${s}\n`);
if (failedSteps.length) process.stdout.write(`FAILED steps: ${failedSteps.join(', ')}\n`);
process.stdout.write(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(failedSteps.length ? 1 : 0);
