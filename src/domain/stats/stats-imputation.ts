/**
 * Imputation of missing reports (§6): ratio-of-sums over matched donors, applied month by month
 * in chronological order, with chaining across gaps and years.
 *
 *     R_k(t) = Σ_donors value(k,t) / Σ_donors value(k,t−1)
 *     donors = enterprises reported (not imputed) in t and t−1 with value(k,t−1) > 0
 *     value(e,k,t) = value(e,k,t−1) × R_k(t)      for every item k of e's final record of t−1
 *
 * When R_k(t) is undefined the caller's fallback gives the ratio (IIP: weighted class means,
 * values: indicator mean, then 1.0 = carry forward). An active enterprise without a record in t−1
 * is logged as UNIMPUTABLE_NO_HISTORY and contributes nothing.
 */
import type { TReportedPanel } from './stats-panel';
import { formatPeriod } from './stats-periods';
import type { TImputationLogRow, TImputationMethod } from './stats.types';

/** Ratio and method chosen by a fallback for an item whose own ratio is undefined. */
export type TFallbackRatio = { ratio: number; method: TImputationMethod };

/**
 * Fallback for item k in month t. `ratios[j]` is R_j(t), NaN where undefined.
 * Must return a finite ratio (typically 1.0 with CARRY_FORWARD as the last resort).
 */
export type TResolveFallback = (item: number, ratios: Float64Array, month: number) => TFallbackRatio;

/** A raw log entry with integer ids (item −1 = none). */
export type TRawImputationLog = {
  month: number;
  entity: number;
  item: number;
  prevValue: number;
  ratio: number;
  method: TImputationMethod;
  donors: number;
  imputedValue: number;
};

/** Imputed items, one entry per (month, entity, item). */
export type TImputedEntries = {
  count: number;
  month: Int32Array;
  entity: Int32Array;
  item: Int32Array;
  value: Float64Array;
};

export type TImputeOptions = {
  panel: TReportedPanel;
  /** First month of the history (month number); enterprises are not imputed before it. */
  startMonth: number;
  /** Per entity: first active month (month number, −Infinity = always). */
  activeFrom: Float64Array;
  /** Per entity: last active month (month number, +Infinity = still active). */
  activeTo: Float64Array;
  resolveFallback: TResolveFallback;
  /**
   * Resuming (see stats-resume.ts): the imputed entries of month `startMonth − 1`, whose reported
   * records the panel must hold. They are the starting state; they are not returned or logged again.
   */
  seed?: { entity: Int32Array; item: Int32Array; value: Float64Array };
};

export type TImputationResult = { imputed: TImputedEntries; log: TRawImputationLog[] };

/**
 * Runs the imputation over the panel's months from `startMonth` to the panel's last month.
 * Returns the imputed entries (to be aggregated with the reported ones) and the log in
 * chronological order (entity and item order within a month are the callers' to sort).
 */
export const imputeMissingReports = ({ panel, startMonth, activeFrom, activeTo, resolveFallback, seed }: TImputeOptions): TImputationResult => {
  const { entityCount, itemCount, monthRecordStart, recordEntity, recordItemStart, itemIds, itemValues } = panel;
  const log: TRawImputationLog[] = [];
  const outMonth: number[] = [];
  const outEntity: number[] = [];
  const outItem: number[] = [];
  const outValue: number[] = [];

  // Final record of each entity in the previous month: reported record index, or a range of imputed entries.
  let prevReported = new Int32Array(entityCount).fill(-1);
  let curReported = new Int32Array(entityCount).fill(-1);
  let prevImputedStart = new Int32Array(entityCount).fill(-1);
  let prevImputedEnd = new Int32Array(entityCount);
  let curImputedStart = new Int32Array(entityCount).fill(-1);
  let curImputedEnd = new Int32Array(entityCount);

  const numerator = new Float64Array(itemCount);
  const denominator = new Float64Array(itemCount);
  const donorCount = new Int32Array(itemCount);
  const ratios = new Float64Array(itemCount);
  const fallbackRatio = new Float64Array(itemCount);
  const fallbackMethod: (TImputationMethod | undefined)[] = new Array<TImputationMethod | undefined>(itemCount);
  const scratch = new Float64Array(itemCount);

  // Resuming: the final records of month startMonth − 1 (reported from the panel, imputed from the seed).
  let seedCount = 0;
  if (seed) {
    const offset = startMonth - 1 - panel.firstMonth;
    if (offset >= 0 && offset < panel.monthCount) {
      for (let r = monthRecordStart[offset]; r < monthRecordStart[offset + 1]; r += 1) prevReported[recordEntity[r]] = r;
    }
    for (let i = 0; i < seed.value.length; i += 1) {
      const e = seed.entity[i];
      if (prevImputedStart[e] < 0) prevImputedStart[e] = i;
      prevImputedEnd[e] = i + 1;
      outMonth.push(startMonth - 1);
      outEntity.push(e);
      outItem.push(seed.item[i]);
      outValue.push(seed.value[i]);
    }
    seedCount = seed.value.length;
  }

  const lastMonth = panel.firstMonth + panel.monthCount - 1;
  for (let t = Math.max(startMonth, panel.firstMonth); t <= lastMonth; t += 1) {
    const offset = t - panel.firstMonth;
    const recBegin = monthRecordStart[offset];
    const recEnd = monthRecordStart[offset + 1];
    curReported.fill(-1);
    curImputedStart.fill(-1);
    for (let r = recBegin; r < recEnd; r += 1) curReported[recordEntity[r]] = r;

    // Donor ratios R_k(t).
    numerator.fill(0);
    denominator.fill(0);
    donorCount.fill(0);
    for (let r = recBegin; r < recEnd; r += 1) {
      const prev = prevReported[recordEntity[r]];
      if (prev < 0) continue;
      for (let q = recordItemStart[r]; q < recordItemStart[r + 1]; q += 1) scratch[itemIds[q]] = itemValues[q];
      for (let q = recordItemStart[prev]; q < recordItemStart[prev + 1]; q += 1) {
        const before = itemValues[q];
        if (!(before > 0)) continue;
        const item = itemIds[q];
        denominator[item] += before;
        numerator[item] += scratch[item];
        donorCount[item] += 1;
      }
      for (let q = recordItemStart[r]; q < recordItemStart[r + 1]; q += 1) scratch[itemIds[q]] = 0;
    }
    for (let k = 0; k < itemCount; k += 1) {
      ratios[k] = donorCount[k] > 0 ? numerator[k] / denominator[k] : Number.NaN;
      fallbackMethod[k] = undefined;
    }

    const ratioOf = (item: number): TFallbackRatio & { donors: number } => {
      if (donorCount[item] > 0) return { ratio: ratios[item], method: 'RATIO_ITEM', donors: donorCount[item] };
      let method = fallbackMethod[item];
      if (method === undefined) {
        const fallback = resolveFallback(item, ratios, t);
        method = fallback.method;
        fallbackMethod[item] = method;
        fallbackRatio[item] = fallback.ratio;
      }
      return { ratio: fallbackRatio[item], method, donors: 0 };
    };

    for (let e = 0; e < entityCount; e += 1) {
      if (curReported[e] >= 0 || t < activeFrom[e] || t > activeTo[e]) continue;
      const prevRecord = prevReported[e];
      const hasPrevImputed = prevImputedStart[e] >= 0;
      if (prevRecord < 0 && !hasPrevImputed) {
        log.push({ month: t, entity: e, item: -1, prevValue: Number.NaN, ratio: Number.NaN, method: 'UNIMPUTABLE_NO_HISTORY', donors: 0, imputedValue: Number.NaN });
        continue;
      }
      curImputedStart[e] = outValue.length;
      const impute = (item: number, before: number): void => {
        const { ratio, method, donors } = ratioOf(item);
        const value = before * ratio;
        outMonth.push(t);
        outEntity.push(e);
        outItem.push(item);
        outValue.push(value);
        log.push({ month: t, entity: e, item, prevValue: before, ratio, method, donors, imputedValue: value });
      };
      if (prevRecord >= 0) {
        for (let q = recordItemStart[prevRecord]; q < recordItemStart[prevRecord + 1]; q += 1) impute(itemIds[q], itemValues[q]);
      } else {
        for (let q = prevImputedStart[e]; q < prevImputedEnd[e]; q += 1) impute(outItem[q], outValue[q]);
      }
      curImputedEnd[e] = outValue.length;
    }

    [prevReported, curReported] = [curReported, prevReported];
    [prevImputedStart, curImputedStart] = [curImputedStart, prevImputedStart];
    [prevImputedEnd, curImputedEnd] = [curImputedEnd, prevImputedEnd];
  }

  return {
    imputed: {
      count: outValue.length - seedCount,
      month: Int32Array.from(outMonth.slice(seedCount)),
      entity: Int32Array.from(outEntity.slice(seedCount)),
      item: Int32Array.from(outItem.slice(seedCount)),
      value: Float64Array.from(outValue.slice(seedCount)),
    },
    log,
  };
};

/** Rank of each string in code order (for sorting by integer instead of by string). */
const rankStrings = (texts: readonly string[]): Int32Array => {
  const order = texts.map((_, i) => i).sort((a, b) => (texts[a] < texts[b] ? -1 : texts[a] > texts[b] ? 1 : 0));
  const ranks = new Int32Array(texts.length);
  order.forEach((index, rank) => {
    ranks[index] = rank;
  });
  return ranks;
};

/**
 * Converts raw log entries up to `lastMonth` into rows sorted by period, enterprise id and item
 * (an entry without item first).
 */
export const toImputationLogRows = (
  log: readonly TRawImputationLog[],
  entityIds: readonly string[],
  itemCodes: readonly string[],
  lastMonth: number,
): TImputationLogRow[] => {
  const entityRank = rankStrings(entityIds);
  const itemRank = rankStrings(itemCodes);
  const itemKey = (item: number): number => (item >= 0 ? itemRank[item] : -1);
  return log
    .filter((entry) => entry.month <= lastMonth)
    .sort((a, b) => a.month - b.month || entityRank[a.entity] - entityRank[b.entity] || itemKey(a.item) - itemKey(b.item))
    .map((entry) => ({
      period: formatPeriod(entry.month),
      enterpriseId: entityIds[entry.entity],
      item: entry.item >= 0 ? itemCodes[entry.item] : null,
      prevValue: Number.isNaN(entry.prevValue) ? null : entry.prevValue,
      ratio: Number.isNaN(entry.ratio) ? null : entry.ratio,
      method: entry.method,
      donors: entry.donors,
      imputedValue: Number.isNaN(entry.imputedValue) ? null : entry.imputedValue,
    }));
};
