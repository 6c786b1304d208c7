/**
 * A run resumed from a checkpoint gives exactly what a full run gives, whatever changed from the
 * first changed month on: the public vectors' inputs, changed at random after month M (values
 * scaled, reports dropped so that imputation chains, revisions added), computed in full and resumed
 * from checkpoints at every month X < M; then resumed again from the resumed run's checkpoint.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { computeIip } from './stats-iip';
import { parseStatsInput, parseStatsParams, STATS_INPUT_FILES, type TStatsFileSet } from './stats-input';
import { formatPeriod, parsePeriod } from './stats-periods';
import { computeValues } from './stats-values';
import type { TQuantityReport, TValueReport } from './stats.types';

const VECTORS_DIR = path.resolve(process.cwd(), '../shared/vectors/stats');

const readInput = (dir: string): TStatsFileSet => {
  const files: TStatsFileSet = {};
  for (const name of STATS_INPUT_FILES) {
    const file = path.join(dir, name);
    if (existsSync(file)) files[name] = readFileSync(file, 'utf8');
  }
  return files;
};

/** A small deterministic generator (mulberry32). */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** Changes every row of period ≥ `from` at random: drops, scales, adds a higher revision. */
const mutate = <T extends { period: string; enterpriseId: string; revision: number }>(rows: readonly T[], from: string, next: () => number, scale: (row: T, factor: number) => T): T[] => {
  const out: T[] = [];
  // Whole enterprise-months dropped, so that gaps of several months chain.
  const dropped = new Set<string>();
  for (const row of rows) if (row.period >= from && next() < 0.15) dropped.add(`${row.enterpriseId}|${row.period}`);
  for (const row of rows) {
    if (row.period < from) {
      out.push(row);
      continue;
    }
    if (dropped.has(`${row.enterpriseId}|${row.period}`)) continue;
    const roll = next();
    if (roll < 0.3) out.push(scale(row, 0.5 + next()));
    else out.push(row);
    if (roll > 0.9) out.push({ ...scale(row, 0.8 + next() * 0.4), revision: row.revision + 1 });
  }
  return out;
};

const monthsOf = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let m = parsePeriod(from); m <= parsePeriod(to); m += 1) out.push(formatPeriod(m));
  return out;
};

const vectors = existsSync(VECTORS_DIR) ? readdirSync(VECTORS_DIR).filter((name) => existsSync(path.join(VECTORS_DIR, name, 'input', 'params.csv'))) : [];

describe('resuming from a checkpoint', () => {
  it('finds the public vectors', () => {
    assert.ok(vectors.length >= 3, `vectors under ${VECTORS_DIR}`);
  });

  for (const name of vectors) {
    const files = readInput(path.join(VECTORS_DIR, name, 'input'));
    const params = parseStatsParams(files['params.csv'] ?? '');
    const input = parseStatsInput(files, params.modules);
    const periods = [...input.reports.map((r) => r.period), ...input.values.map((v) => v.period)].sort();
    const months = monthsOf(periods[0], params.to);

    if (params.modules.includes('iip')) {
      it(`${name}: IIP resumed at every month equals the full run`, () => {
        let resumedRuns = 0;
        months.forEach((changed, i) => {
          for (const at of months.slice(0, i)) {
            const next = random(i * 1000 + months.indexOf(at));
            const options = { from: params.from, to: params.to, linkFrom: params.from };
            const first = computeIip(input, { ...options, checkpointAt: at });
            assert.ok(first.checkpoint, `a checkpoint at ${at}`);
            const reports = mutate<TQuantityReport>(input.reports, changed, next, (row, f) => ({ ...row, quantity: row.quantity * f }));
            const changedInput = { ...input, reports };
            const full = computeIip(changedInput, options);
            const resumed = computeIip(changedInput, { ...options, resume: { checkpoint: first.checkpoint, unchangedBefore: changed }, checkpointAt: params.to });
            assert.equal(resumed.resumedFrom, at, `resumed at ${at} for a change in ${changed}`);
            resumedRuns += 1;
            assert.deepEqual(resumed.index, full.index, `index, checkpoint ${at}, change ${changed}`);
            assert.deepEqual(resumed.flags, full.flags, `flags, checkpoint ${at}, change ${changed}`);
            assert.deepEqual(resumed.imputation, full.imputation, `imputation log, checkpoint ${at}, change ${changed}`);
            // The resumed run's own checkpoint resumes the next run as well.
            assert.ok(resumed.checkpoint);
            const again = computeIip(changedInput, { ...options, resume: { checkpoint: resumed.checkpoint, unchangedBefore: formatPeriod(parsePeriod(params.to) + 1) } });
            assert.equal(again.resumedFrom, params.to);
            assert.deepEqual(again.index, full.index);
            assert.deepEqual(again.imputation, full.imputation);
          }
        });
        assert.ok(resumedRuns > 10);
      });

      it(`${name}: IIP does not resume when the change is not after the checkpoint, or the frame or weights changed`, () => {
        const options = { from: params.from, to: params.to, linkFrom: params.from };
        const at = months[Math.floor(months.length / 2)];
        const { checkpoint } = computeIip(input, { ...options, checkpointAt: at });
        assert.ok(checkpoint);
        assert.equal(computeIip(input, { ...options, resume: { checkpoint, unchangedBefore: at } }).resumedFrom, undefined);
        const closed = { ...input, enterprises: input.enterprises.map((e, i) => (i === 0 ? { ...e, activeTo: at } : e)) };
        const closedResult = computeIip(closed, { ...options, resume: { checkpoint, unchangedBefore: params.to } });
        assert.equal(closedResult.resumedFrom, undefined);
        assert.deepEqual(closedResult.index, computeIip(closed, options).index);
        const reweighted = { ...input, weights: input.weights.map((w, i) => (i === 0 ? { ...w, weight: w.weight * 2 } : w)) };
        assert.equal(computeIip(reweighted, { ...options, resume: { checkpoint, unchangedBefore: params.to } }).resumedFrom, undefined);
      });
    }

    if (params.modules.includes('values')) {
      it(`${name}: values resumed at every month equal the full run`, () => {
        let resumedRuns = 0;
        months.forEach((changed, i) => {
          for (const at of months.slice(0, i)) {
            const next = random(7 + i * 1000 + months.indexOf(at));
            const options = { from: params.from, to: params.to };
            const first = computeValues(input, { ...options, checkpointAt: at });
            if (!first.checkpoint) continue;
            const values = mutate<TValueReport>(input.values, changed, next, (row, f) => ({ ...row, value: row.value * f }));
            const changedInput = { ...input, values };
            const full = computeValues(changedInput, options);
            const resumed = computeValues(changedInput, { ...options, resume: { checkpoint: first.checkpoint, unchangedBefore: changed } });
            assert.equal(resumed.resumedFrom, at);
            resumedRuns += 1;
            assert.deepEqual(resumed.index, full.index, `index, checkpoint ${at}, change ${changed}`);
            assert.deepEqual(resumed.imputation, full.imputation, `imputation log, checkpoint ${at}, change ${changed}`);
          }
        });
        assert.ok(resumedRuns > 10);
      });

      it(`${name}: values start over in full when a new indicator group appears or a deflator changes`, () => {
        const options = { from: params.from, to: params.to };
        const at = months[Math.floor(months.length / 2)];
        const { checkpoint } = computeValues(input, { ...options, checkpointAt: at });
        assert.ok(checkpoint);
        const last = input.values[input.values.length - 1];
        const withGroup = { ...input, values: [...input.values, { ...last, period: params.to, group: 'NEWGROUP', value: 5 }] };
        const resumed = computeValues(withGroup, { ...options, resume: { checkpoint, unchangedBefore: params.to } });
        assert.equal(resumed.resumedFrom, undefined);
        assert.deepEqual(resumed.index, computeValues(withGroup, options).index);
        const deflated = { ...input, deflators: (input.deflators ?? []).map((d, i) => (i === 0 ? { ...d, priceIndex: d.priceIndex + 1 } : d)) };
        assert.equal(computeValues(deflated, { ...options, resume: { checkpoint, unchangedBefore: params.to } }).resumedFrom, undefined);
      });
    }
  }
});
