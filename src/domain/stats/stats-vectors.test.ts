/**
 * Runs the public vectors (shared/vectors/stats) through the engine and compares every expected
 * file like the checker does: text equal, numbers within 1e-9 (relative above 1).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { computeIip } from './stats-iip';
import { parseStatsInput, parseStatsParams, STATS_INPUT_FILES, type TStatsFileSet } from './stats-input';
import { formatIipFlagsCsv, formatIipIndexCsv, formatImputationCsv, formatValuesIndexCsv, STATS_OUTPUT_FILES } from './stats-output';
import { computeValues } from './stats-values';

const VECTORS_DIR = path.resolve(process.cwd(), '../shared/vectors/stats');

const readInput = (dir: string): TStatsFileSet => {
  const files: TStatsFileSet = {};
  for (const name of STATS_INPUT_FILES) {
    const file = path.join(dir, name);
    if (existsSync(file)) files[name] = readFileSync(file, 'utf8');
  }
  return files;
};

const computeOutputs = (files: TStatsFileSet): Map<string, string> => {
  const params = parseStatsParams(files['params.csv'] ?? '');
  const input = parseStatsInput(files, params.modules);
  const outputs = new Map<string, string>();
  if (params.modules.includes('iip')) {
    const result = computeIip(input, params);
    outputs.set(STATS_OUTPUT_FILES.iipIndex, formatIipIndexCsv(result.index));
    outputs.set(STATS_OUTPUT_FILES.iipFlags, formatIipFlagsCsv(result.flags));
    outputs.set(STATS_OUTPUT_FILES.iipImputation, formatImputationCsv(result.imputation));
  }
  if (params.modules.includes('values')) {
    const result = computeValues(input, params);
    outputs.set(STATS_OUTPUT_FILES.valuesIndex, formatValuesIndexCsv(result.index));
    outputs.set(STATS_OUTPUT_FILES.valuesImputation, formatImputationCsv(result.imputation));
  }
  return outputs;
};

const asNumber = (text: string): number | null => (text !== '' && Number.isFinite(Number(text)) ? Number(text) : null);

/** Differences between two CSV texts, checker-style. */
const compareCsv = (expected: string, actual: string): string[] => {
  const exp: string[][] = parse(expected);
  const act: string[][] = parse(actual);
  if (exp.length !== act.length) return [`${exp.length} rows expected, ${act.length} produced`];
  const differences: string[] = [];
  exp.forEach((row, i) => {
    if (row.length !== act[i].length) {
      differences.push(`row ${i}: ${row.length} columns expected, ${act[i].length} produced`);
      return;
    }
    row.forEach((cell, j) => {
      const got = act[i][j];
      if (cell === got) return;
      const x = asNumber(cell);
      const y = asNumber(got);
      if (x !== null && y !== null && Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x))) return;
      differences.push(`row ${i} column ${exp[0][j]}: expected ${JSON.stringify(cell)}, got ${JSON.stringify(got)}`);
    });
  });
  return differences;
};

const vectors = existsSync(VECTORS_DIR)
  ? readdirSync(VECTORS_DIR).filter((name) => existsSync(path.join(VECTORS_DIR, name, 'input')) && existsSync(path.join(VECTORS_DIR, name, 'expected')))
  : [];

if (vectors.length === 0) {
  test('public statistics vectors', { skip: `no vectors found at ${VECTORS_DIR} (run the tests from the repository root, next to ../shared)` }, () => {});
}

for (const vector of vectors.sort()) {
  test(`public vector ${vector} matches every expected file`, () => {
    const outputs = computeOutputs(readInput(path.join(VECTORS_DIR, vector, 'input')));
    const expectedDir = path.join(VECTORS_DIR, vector, 'expected');
    const expectedFiles = readdirSync(expectedDir).sort();
    assert.ok(expectedFiles.length > 0);
    for (const file of expectedFiles) {
      const actual = outputs.get(file);
      assert.ok(actual !== undefined, `${file} was not produced`);
      const differences = compareCsv(readFileSync(path.join(expectedDir, file), 'utf8'), actual);
      assert.deepEqual(differences.slice(0, 8), [], `${vector}/${file}`);
    }
  });
}
