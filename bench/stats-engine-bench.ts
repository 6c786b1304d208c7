/**
 * Benchmark of the statistics engine on a deterministic synthetic panel of the target size:
 * 5,000 reporting enterprises, 150 basket products, 100 months of history, 3,000 retail
 * establishments (plus exporters), 30 areas, two weight versions (so BASE_LINKED is computed).
 *
 * Run: node --import tsx bench/stats-engine-bench.ts
 * Targets: one month of every comparison < 500 ms, all 100 months < 20 s (2-core machine).
 */
import { computeIip } from '../src/domain/stats/stats-iip';
import { formatIipIndexCsv, formatValuesIndexCsv } from '../src/domain/stats/stats-output';
import { formatPeriod, parsePeriod } from '../src/domain/stats/stats-periods';
import { computeValues } from '../src/domain/stats/stats-values';
import {
  RETAIL_COMPONENTS,
  type TDeflator,
  type TQuantityReport,
  type TStatsEnterprise,
  type TStatsInput,
  type TStatsProduct,
  type TValueReport,
  type TWeightRow,
} from '../src/domain/stats/stats.types';

const ENTERPRISES = 5_000;
const PRODUCTS = 150;
const MONTHS = 100;
const RETAILERS = 3_000;
const EXPORTERS = 400;
const AREAS = 30;
const FIRST_PERIOD = '2016-01';

/** Mulberry32: small deterministic PRNG. */
const createRandom = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const DIVISIONS = ['05', '07', '08', '10', '11', '13', '14', '16', '17', '20', '22', '23', '24', '25', '26', '27', '28', '29', '31', '35', '36', '38'];
const sectionOf = (division: string): string => {
  const d = Number(division);
  return d <= 9 ? 'B' : d <= 33 ? 'C' : d === 35 ? 'D' : 'E';
};

/** Builds the synthetic input. */
export const buildSyntheticInput = (): TStatsInput => {
  const random = createRandom(20240601);
  const first = parsePeriod(FIRST_PERIOD);
  const products: TStatsProduct[] = [];
  for (let p = 0; p < PRODUCTS; p += 1) {
    const division = DIVISIONS[p % DIVISIONS.length];
    const vsic4 = `${division}${String(10 + (Math.floor(p / DIVISIONS.length) % 3) * 10).padStart(2, '0')}`;
    products.push({ code: `P${String(p).padStart(3, '0')}`, vsic4 });
  }
  const areas = Array.from({ length: AREAS }, (_, i) => `A${String(i).padStart(2, '0')}`);
  const weights: TWeightRow[] = [];
  for (const [version, validFrom] of [
    [2015, '2016-01'],
    [2020, '2021-01'],
  ] as const) {
    const push = (scope: string, level: TWeightRow['level'], code: string, baseAnnualQty: number | null): void => {
      weights.push({ version, validFrom, scope, level, code, weight: 100 + Math.floor(random() * 900), baseAnnualQty });
    };
    for (const product of products) push('ALL', 'PRODUCT', product.code, 12 * 40 * (ENTERPRISES / PRODUCTS) * (0.8 + random() * 0.4));
    for (const area of areas.slice(0, 3)) for (const product of products) push(area, 'PRODUCT', product.code, 12 * 40 * (ENTERPRISES / PRODUCTS / AREAS) * (0.8 + random() * 0.4));
    for (const code of new Set(products.map((product) => product.vsic4))) push('ALL', 'VSIC4', code, null);
    for (const code of new Set(products.map((product) => product.vsic4.slice(0, 2)))) push('ALL', 'VSIC2', code, null);
    for (const code of new Set(products.map((product) => sectionOf(product.vsic4.slice(0, 2))))) push('ALL', 'SECTION', code, null);
  }
  const enterprises: TStatsEnterprise[] = [];
  const reports: TQuantityReport[] = [];
  for (let e = 0; e < ENTERPRISES; e += 1) {
    const id = `E${String(e).padStart(5, '0')}`;
    const opens = random() < 0.05 ? first + Math.floor(random() * MONTHS) : first;
    const closes = random() < 0.03 ? opens + Math.floor(random() * (first + MONTHS - opens)) : null;
    enterprises.push({ id, area: areas[e % AREAS], activeFrom: formatPeriod(opens), activeTo: closes === null ? null : formatPeriod(closes), surveys: ['iip'] });
    const itemCount = 1 + Math.floor(random() * 3);
    const items = Array.from({ length: itemCount }, () => products[Math.floor(random() * PRODUCTS)].code);
    const level = items.map(() => 20 + random() * 60);
    for (let m = opens; m <= (closes ?? first + MONTHS - 1); m += 1) {
      if (random() < 0.03) continue; // missing report → imputed
      const season = 1 + 0.1 * Math.sin((2 * Math.PI * (m % 12)) / 12);
      items.forEach((productCode, i) => {
        level[i] *= 0.99 + random() * 0.025;
        reports.push({ enterpriseId: id, period: formatPeriod(m), productCode, quantity: level[i] * season, revision: 0 });
      });
    }
  }
  const values: TValueReport[] = [];
  const groups = ['NN', 'NNN', 'FDI'];
  for (let r = 0; r < RETAILERS + EXPORTERS; r += 1) {
    const id = `R${String(r).padStart(5, '0')}`;
    enterprises.push({ id, area: areas[r % AREAS], activeFrom: FIRST_PERIOD, activeTo: null, surveys: ['values'] });
    const indicator = r < RETAILERS ? RETAIL_COMPONENTS[r % RETAIL_COMPONENTS.length] : 'EXPORT';
    const group = groups[Math.floor(random() * groups.length)];
    let level = 100 + random() * 900;
    for (let m = first; m < first + MONTHS; m += 1) {
      level *= 0.995 + random() * 0.02;
      if (random() < 0.03) continue;
      values.push({ enterpriseId: id, period: formatPeriod(m), indicator, group, value: level, revision: 0 });
    }
  }
  const deflators: TDeflator[] = [];
  for (let m = first; m < first + MONTHS; m += 1) {
    for (const indicator of RETAIL_COMPONENTS) deflators.push({ period: formatPeriod(m), indicator, priceIndex: 100 * Math.pow(1.003, m - first) });
  }
  return { products, weights, enterprises, reports, values, deflators, tetWindows: [] };
};

/** Median and minimum of `runs` timings (after one warm-up run). */
const timeRepeated = (label: string, runs: number, run: () => unknown): void => {
  run();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(44)} ${times[Math.floor(runs / 2)].toFixed(0).padStart(7)} ms median (min ${times[0].toFixed(0)}, ${runs} runs)`);
};

const time = <T>(label: string, run: () => T): T => {
  const start = performance.now();
  const result = run();
  console.log(`${label.padEnd(44)} ${(performance.now() - start).toFixed(0).padStart(7)} ms`);
  return result;
};

const main = (): void => {
  const input = time('build synthetic panel', buildSyntheticInput);
  console.log(`  ${input.enterprises.length} enterprises, ${input.reports.length} quantity rows, ${input.values.length} value rows, ${MONTHS} months`);
  const last = formatPeriod(parsePeriod(FIRST_PERIOD) + MONTHS - 1);
  const oneMonth = { from: last, to: last };
  const allMonths = { from: FIRST_PERIOD, to: last };
  timeRepeated(`IIP, one month (${last}), all comparisons`, 5, () => computeIip(input, oneMonth));
  const iipOne = computeIip(input, oneMonth);
  console.log(`  ${iipOne.index.length} index rows, ${iipOne.imputation.length} imputations`);
  const iipAll = time(`IIP, all ${MONTHS} months`, () => computeIip(input, allMonths));
  console.log(`  ${iipAll.index.length} index rows (${iipAll.index.filter((row) => row.comparison === 'BASE_LINKED').length} BASE_LINKED), ${iipAll.flags.length} flags`);
  time('  format iip_index.csv (all months)', () => formatIipIndexCsv(iipAll.index).length);
  timeRepeated(`values, one month (${last})`, 5, () => computeValues(input, oneMonth));
  console.log(`  ${computeValues(input, oneMonth).index.length} rows`);
  const valuesAll = time(`values, all ${MONTHS} months`, () => computeValues(input, allMonths));
  console.log(`  ${valuesAll.index.length} rows`);
  time('  format values_index.csv (all months)', () => formatValuesIndexCsv(valuesAll.index).length);
};

if (process.argv[1]?.endsWith('stats-engine-bench.ts')) main();
