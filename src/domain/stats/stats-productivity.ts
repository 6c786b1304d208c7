/**
 * Labour productivity of industry (issue 4 §10): output per worker by sector as an index over
 * time, and each enterprise's position against the anonymous quartiles of its sector.
 *
 * Method (engineering choice, documented in ARCHITECTURE.md; the statistics spec has no section
 * on productivity):
 * - Output of an enterprise in a month = Σ quantity × base-year unit value of the product, where
 *   the unit value is the PRODUCT weight (gross output value in the base year) divided by its
 *   base-year annual quantity, from the weight version in force that month (province scope).
 *   Products without a base quantity cannot be valued and are left out (counted in `unvalued`).
 * - Workers = the workforce report of the month (WORKERS cell).
 * - Sector productivity = Σ output ÷ Σ workers over the enterprises with both numbers; the index
 *   versus the same month last year uses the enterprises present in both months (matched
 *   sample), so entries and exits of reporters do not move the index.
 * - Quartiles: linear interpolation between order statistics (R type 7) of the enterprises'
 *   output per worker; not published for fewer than `MIN_UNITS_FOR_QUARTILES` enterprises, so
 *   that no single enterprise can be recognised.
 */

export const MIN_UNITS_FOR_QUARTILES = 5;

export type TProductivityInput = {
  /** Accepted product quantities: enterprise, month (YYYY-MM), product, quantity. */
  quantities: readonly { enterpriseId: number; period: string; productCode: string; quantity: number }[];
  /** Accepted workforce reports. */
  workers: readonly { enterpriseId: number; period: string; workers: number }[];
  /** PRODUCT weights with base quantities (province scope), all versions. */
  weights: readonly { version: number; validFrom: string; code: string; weight: number; baseAnnualQty: number | null }[];
  /** Sector (VSIC-2 division) and section of each enterprise. */
  sectors: ReadonlyMap<number, { division: string; section: string }>;
};

export type TEnterpriseMonth = { enterpriseId: number; period: string; division: string; section: string; output: number; workers: number; perWorker: number };

export type TSectorPoint = {
  period: string;
  level: 'TOTAL' | 'SECTION' | 'DIVISION';
  code: string;
  enterprises: number;
  workers: number;
  output: number;
  perWorker: number | null;
  /** Productivity versus the same month last year, matched sample, × 100. */
  yoy: number | null;
};

export type TQuartiles = { count: number; q1: number; median: number; q3: number } | { count: number; q1: null; median: null; q3: null };

const shiftYear = (period: string, years: number) => `${Number(period.slice(0, 4)) + years}${period.slice(4)}`;

/** Base-year unit values per month: product code → value per unit, from the version in force. */
const unitValuesAt = (weights: TProductivityInput['weights']) => {
  const versions = [...new Set(weights.map((w) => `${w.validFrom}|${w.version}`))]
    .map((k) => ({ validFrom: k.split('|')[0], version: Number(k.split('|')[1]) }))
    .sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : a.version - b.version));
  const byVersion = new Map<number, Map<string, number>>();
  for (const w of weights) {
    if (!w.baseAnnualQty || !(w.baseAnnualQty > 0) || !(w.weight > 0)) continue;
    const map = byVersion.get(w.version) ?? new Map<string, number>();
    map.set(w.code, w.weight / w.baseAnnualQty);
    byVersion.set(w.version, map);
  }
  const cache = new Map<string, Map<string, number> | undefined>();
  return (period: string) => {
    if (cache.has(period)) return cache.get(period);
    let inForce: number | undefined;
    for (const v of versions) if (v.validFrom <= period) inForce = v.version;
    const values = inForce === undefined ? undefined : byVersion.get(inForce);
    cache.set(period, values);
    return values;
  };
};

/** Output and workers per enterprise and month (only months with both > 0). */
export const buildEnterpriseMonths = (input: TProductivityInput): { rows: TEnterpriseMonth[]; unvalued: number } => {
  const unitValues = unitValuesAt(input.weights);
  const output = new Map<string, number>();
  let unvalued = 0;
  for (const q of input.quantities) {
    const value = unitValues(q.period)?.get(q.productCode);
    if (value === undefined) {
      if (q.quantity > 0) unvalued++;
      continue;
    }
    const key = `${q.enterpriseId}|${q.period}`;
    output.set(key, (output.get(key) ?? 0) + q.quantity * value);
  }
  const rows: TEnterpriseMonth[] = [];
  for (const w of input.workers) {
    const sector = input.sectors.get(w.enterpriseId);
    const out = output.get(`${w.enterpriseId}|${w.period}`);
    if (!sector || !(w.workers > 0) || out === undefined || !(out > 0)) continue;
    rows.push({ enterpriseId: w.enterpriseId, period: w.period, division: sector.division, section: sector.section, output: out, workers: w.workers, perWorker: out / w.workers });
  }
  rows.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : a.enterpriseId - b.enterpriseId));
  return { rows, unvalued };
};

/** Quartiles by linear interpolation (R type 7); null values under the anonymity threshold. */
export const quartiles = (values: readonly number[], minCount = MIN_UNITS_FOR_QUARTILES): TQuartiles => {
  if (values.length < minCount || values.length === 0) return { count: values.length, q1: null, median: null, q3: null };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => {
    const h = (sorted.length - 1) * p;
    const lo = Math.floor(h);
    return sorted[lo] + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]) - sorted[lo]);
  };
  return { count: sorted.length, q1: at(0.25), median: at(0.5), q3: at(0.75) };
};

const sectorKeys = (r: TEnterpriseMonth): [TSectorPoint['level'], string][] => [
  ['TOTAL', 'TOTAL'],
  ['SECTION', r.section],
  ['DIVISION', r.division],
];

/** Sector series: output per worker and its index versus the same month last year (matched sample). */
export const sectorSeries = (rows: readonly TEnterpriseMonth[], periods: readonly string[]): TSectorPoint[] => {
  const byKey = new Map<string, TEnterpriseMonth>(rows.map((r) => [`${r.enterpriseId}|${r.period}`, r]));
  const out: TSectorPoint[] = [];
  for (const period of periods) {
    const previous = shiftYear(period, -1);
    const sums = new Map<string, { level: TSectorPoint['level']; code: string; n: number; workers: number; output: number; matchedCur: [number, number]; matchedPrev: [number, number] }>();
    for (const r of rows) {
      if (r.period !== period) continue;
      const before = byKey.get(`${r.enterpriseId}|${previous}`);
      for (const [level, code] of sectorKeys(r)) {
        const key = `${level}|${code}`;
        const s = sums.get(key) ?? { level, code, n: 0, workers: 0, output: 0, matchedCur: [0, 0], matchedPrev: [0, 0] };
        s.n++;
        s.workers += r.workers;
        s.output += r.output;
        if (before) {
          s.matchedCur = [s.matchedCur[0] + r.output, s.matchedCur[1] + r.workers];
          s.matchedPrev = [s.matchedPrev[0] + before.output, s.matchedPrev[1] + before.workers];
        }
        sums.set(key, s);
      }
    }
    const order = { TOTAL: 0, SECTION: 1, DIVISION: 2 };
    for (const s of [...sums.values()].sort((a, b) => order[a.level] - order[b.level] || (a.code < b.code ? -1 : 1))) {
      const cur = s.matchedCur[1] > 0 ? s.matchedCur[0] / s.matchedCur[1] : null;
      const prev = s.matchedPrev[1] > 0 ? s.matchedPrev[0] / s.matchedPrev[1] : null;
      out.push({
        period,
        level: s.level,
        code: s.code,
        enterprises: s.n,
        workers: s.workers,
        output: s.output,
        perWorker: s.workers > 0 ? s.output / s.workers : null,
        yoy: cur !== null && prev !== null && prev > 0 ? (cur / prev) * 100 : null,
      });
    }
  }
  return out;
};

/** One enterprise's output per worker in a month against its division's quartiles (1–4, or null). */
export const enterprisePosition = (rows: readonly TEnterpriseMonth[], enterpriseId: number, period: string) => {
  const own = rows.find((r) => r.enterpriseId === enterpriseId && r.period === period) ?? null;
  if (!own) return { own: null, division: null, quartiles: null, quartile: null };
  const peers = rows.filter((r) => r.period === period && r.division === own.division).map((r) => r.perWorker);
  const q = quartiles(peers);
  const quartile = q.q1 === null ? null : own.perWorker <= q.q1 ? 1 : own.perWorker <= q.median ? 2 : own.perWorker <= q.q3 ? 3 : 4;
  return { own, division: own.division, quartiles: q, quartile };
};
