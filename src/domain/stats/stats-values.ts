/**
 * Value indicators (§10): retail sales components and their total, exports by group, nominal
 * and real (deflated) indices as ratios of sums over the spans of §5, with imputation (§6).
 *
 *     V_cur = Σ_{t∈C} V(t),  V_cmp = Σ_{t∈K} V(t),  index = 100 × V_cur / V_cmp
 *     real_index = 100 × Σ_C V(t)/(P(t)/100) / Σ_K V(t)/(P(t)/100)   (each component by its own P)
 *
 * RETAIL_TOTAL is the sum of the four components (its real value the sum of their deflated
 * values); group ALL is the sum over the groups of an indicator. Exports are not deflated.
 */
import { StatsInputError } from './stats-errors';
import { buildFrame } from './stats-frame';
import { createCachedLookup, createPeriodParser } from './stats-lookup';
import { imputeMissingReports, toImputationLogRows, type TResolveFallback } from './stats-imputation';
import { accumulateCube, addToCube, allocatePanelRows, buildReportedPanel, createCube, forEachReportedEntry, getCubeRowOffset, sumSpan } from './stats-panel';
import { formatPeriod, getComparisonSpans, getEarliestNeededMonth, parseRangePeriod, type TSpan } from './stats-periods';
import { frameKey, pickMonthImputed, usableCheckpoint, restoreCubeMonths, snapshotCubeMonths, type TCheckpoint } from './stats-resume';
import { buildTetDaysByMonth } from './stats-tet';
import {
  ALL_GROUP,
  EXPORT_INDICATOR,
  RETAIL_COMPONENTS,
  RETAIL_TOTAL,
  VALUE_COMPARISONS,
  VALUE_INDICATORS,
  type TResumableOptions,
  type TDeflator,
  type TValueIndexRow,
  type TValuesInput,
  type TValuesResult,
} from './stats.types';

const LAYER_VALUE = 0;
const LAYER_IMPUTED = 1;
const LAYER_DEFLATED = 2;
const LAYER_MISSING_DEFLATOR = 3;

const RETAIL_COMPONENT_SET: ReadonlySet<string> = new Set(RETAIL_COMPONENTS);
const INDICATOR_SET: ReadonlySet<string> = new Set(VALUE_INDICATORS);

type TSeries = { indicator: string; group: string };

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const compareSeries = (a: TSeries, b: TSeries): number =>
  compareText(a.indicator, b.indicator) ||
  (a.group === b.group ? 0 : a.group === ALL_GROUP ? -1 : b.group === ALL_GROUP ? 1 : compareText(a.group, b.group));

/** Fallback of §6 for values: the mean of R over the other groups of the same indicator, then 1.0. */
const createValuesFallback = (itemIndicator: readonly string[]): TResolveFallback => (item, ratios) => {
  let sum = 0;
  let count = 0;
  itemIndicator.forEach((indicator, j) => {
    if (j === item || indicator !== itemIndicator[item] || Number.isNaN(ratios[j])) return;
    sum += ratios[j];
    count += 1;
  });
  return count > 0 ? { ratio: sum / count, method: 'RATIO_INDICATOR_MEAN' } : { ratio: 1, method: 'CARRY_FORWARD' };
};

/**
 * Output series of the items: the item itself, its indicator's ALL group and, for retail
 * components, RETAIL_TOTAL for its group and for ALL. Returns the series, the series each item
 * adds to, and the output order (indicator, then group with ALL first).
 */
const buildValueSeries = (itemIndicator: readonly string[], itemGroup: readonly string[]): { series: TSeries[]; itemSeries: number[][]; seriesOrder: number[] } => {
  const seriesIndex = new Map<string, number>();
  const series: TSeries[] = [];
  const itemSeries = itemIndicator.map((indicator, item) => {
    const targets: TSeries[] = [
      { indicator, group: itemGroup[item] },
      { indicator, group: ALL_GROUP },
    ];
    if (RETAIL_COMPONENT_SET.has(indicator)) targets.push({ indicator: RETAIL_TOTAL, group: itemGroup[item] }, { indicator: RETAIL_TOTAL, group: ALL_GROUP });
    const ids = new Set<number>();
    for (const target of targets) {
      const key = `${target.indicator}|${target.group}`;
      let id = seriesIndex.get(key);
      if (id === undefined) {
        id = series.length;
        seriesIndex.set(key, id);
        series.push(target);
      }
      ids.add(id);
    }
    return [...ids];
  });
  const seriesOrder = series.map((_, i) => i).sort((a, b) => compareSeries(series[a], series[b]));
  return { series, itemSeries, seriesOrder };
};

type TIndexDeflatorsOptions = { deflators: readonly TDeflator[]; firstMonth: number; lastMonth: number };

/** Price indices per indicator, one slot per month `firstMonth..lastMonth` (NaN = missing). */
const indexDeflators = ({ deflators, firstMonth, lastMonth }: TIndexDeflatorsOptions): Map<string, Float64Array> => {
  const byIndicator = new Map<string, Float64Array>();
  const monthOf = createPeriodParser('deflators.csv', 'period');
  for (const deflator of deflators) {
    const month = monthOf(deflator.period);
    if (!(deflator.priceIndex > 0) || !Number.isFinite(deflator.priceIndex)) {
      throw new StatsInputError({ file: 'deflators.csv', column: 'price_index' }, `expected a price index > 0, got ${deflator.priceIndex}`);
    }
    if (month < firstMonth || month > lastMonth) continue;
    let byMonth = byIndicator.get(deflator.indicator);
    if (!byMonth) {
      byMonth = new Float64Array(lastMonth - firstMonth + 1).fill(Number.NaN);
      byIndicator.set(deflator.indicator, byMonth);
    }
    byMonth[month - firstMonth] = deflator.priceIndex;
  }
  return byIndicator;
};

/**
 * Computes values_index rows for every month `from..to`, scope (ALL, then the scope keys),
 * indicator, group (ALL first) and comparison (MOM, YOY, YTD, QOY at quarter ends), skipping
 * series with nothing in either span, plus the imputation log of the history up to `to`.
 * Throws {@link StatsInputError} for an unknown enterprise or indicator, or a negative value.
 */
export const computeValues = (input: TValuesInput, options: TResumableOptions): TValuesResult & { checkpoint?: TCheckpoint; resumedFrom?: string } => {
  const from = parseRangePeriod(options.from, 'from');
  const to = parseRangePeriod(options.to, 'to');
  if (from > to) throw new StatsInputError({ file: 'options', column: 'from' }, `from ${options.from} is after to ${options.to}`);
  const frame = buildFrame({ enterprises: input.enterprises, survey: 'values', requestedScopes: options.scopes });
  const wantsKey = options.resume !== undefined || options.checkpointAt !== undefined;
  const key = wantsKey ? [frameKey(frame), JSON.stringify(input.deflators ?? [])].join('\u0002') : '';
  const neededFirst = getEarliestNeededMonth(from);
  const lastMonth = to;
  const resumeFrom = usableCheckpoint(options.resume, { key, lastMonth, neededFirst, unchangedBefore: (period) => parseRangePeriod(period, 'unchangedBefore') });
  const fromPeriod = resumeFrom ? formatPeriod(resumeFrom.month) : undefined;

  // Items (indicator|group) and the output series each one adds to (resuming: the checkpoint's items).
  const itemIndex = new Map<string, Map<string, number>>();
  const itemCodes: string[] = [];
  const itemIndicator: string[] = [];
  const itemGroup: string[] = [];
  const addItem = (indicator: string, group: string): number => {
    let byGroup = itemIndex.get(indicator);
    if (!byGroup) {
      byGroup = new Map();
      itemIndex.set(indicator, byGroup);
    }
    const item = itemCodes.length;
    byGroup.set(group, item);
    itemCodes.push(`${indicator}|${group}`);
    itemIndicator.push(indicator);
    itemGroup.push(group);
    return item;
  };
  for (const code of resumeFrom?.itemCodes ?? []) {
    const bar = code.indexOf('|');
    addItem(code.slice(0, bar), code.slice(bar + 1));
  }
  let source: Int32Array | null = null;
  if (fromPeriod !== undefined) {
    const list: number[] = [];
    for (let r = 0; r < input.values.length; r += 1) if (input.values[r].period >= fromPeriod) list.push(r);
    source = Int32Array.from(list);
  }
  const kept = source;
  const valueOf = kept ? (row: number) => input.values[kept[row]] : (row: number) => input.values[row];
  const rows = allocatePanelRows(
    kept ? kept.length : input.values.length,
    (row) => valueOf(row).value,
    (row) => valueOf(row).revision,
  );
  let firstData = Number.POSITIVE_INFINITY;
  const entityOf = createCachedLookup(frame.indexOf);
  const monthOf = createPeriodParser('values.csv', 'period');
  for (let r = 0; r < rows.count; r += 1) {
    const row = valueOf(r);
    const entity = entityOf(row.enterpriseId);
    if (entity === undefined) throw new StatsInputError({ file: 'values.csv', column: 'enterprise_id' }, `unknown enterprise "${row.enterpriseId}"`);
    if (!INDICATOR_SET.has(row.indicator)) {
      throw new StatsInputError({ file: 'values.csv', column: 'indicator' }, `expected one of ${VALUE_INDICATORS.join(', ')}, got "${row.indicator}"`);
    }
    if (row.group === '') throw new StatsInputError({ file: 'values.csv', column: 'group' }, 'expected a group code, got an empty cell');
    if (!(row.value >= 0) || !Number.isFinite(row.value)) throw new StatsInputError({ file: 'values.csv', column: 'value' }, `expected a value >= 0, got ${row.value}`);
    let item = itemIndex.get(row.indicator)?.get(row.group);
    if (item === undefined) {
      // A new item changes the series and the cube's rows: a resumed run starts over in full.
      if (resumeFrom) return computeValues(input, { ...options, resume: undefined });
      item = addItem(row.indicator, row.group);
    }
    const month = monthOf(row.period);
    rows.entity[r] = entity;
    rows.item[r] = item;
    rows.month[r] = month;
    if (month <= lastMonth && month < firstData) firstData = month;
  }
  const dataStart = resumeFrom ? resumeFrom.firstData : firstData;
  const firstMonth = Math.min(neededFirst, dataStart);

  const { series, itemSeries, seriesOrder } = buildValueSeries(itemIndicator, itemGroup);

  const deflators = indexDeflators({ deflators: input.deflators ?? [], firstMonth, lastMonth });

  const panel = buildReportedPanel({ rows, entityCount: frame.entityCount, itemCount: itemCodes.length, firstMonth: resumeFrom ? resumeFrom.month : firstMonth, lastMonth });
  const { imputed, log: newLog } = Number.isFinite(dataStart)
    ? imputeMissingReports({
        panel,
        startMonth: resumeFrom ? resumeFrom.month + 1 : dataStart,
        activeFrom: frame.activeFrom,
        activeTo: frame.activeTo,
        resolveFallback: createValuesFallback(itemIndicator),
        seed: resumeFrom?.imputed,
      })
    : { imputed: null, log: [] };
  const log = resumeFrom ? [...resumeFrom.log, ...newLog] : newLog;

  const cube = createCube({ layerCount: 4, scopeCount: frame.scopes.length, seriesCount: series.length, firstMonth, lastMonth });
  if (resumeFrom) restoreCubeMonths(cube, resumeFrom.cubeMonths, resumeFrom.month - firstMonth + 1);
  const addEntry = (entity: number, item: number, month: number, value: number, isImputed: boolean): void => {
    const indicator = itemIndicator[item];
    const isDeflated = indicator !== EXPORT_INDICATOR;
    const priceIndex = isDeflated ? (deflators.get(indicator)?.[month - firstMonth] ?? Number.NaN) : Number.NaN;
    for (let s = frame.entityScopeStart[entity]; s < frame.entityScopeStart[entity + 1]; s += 1) {
      const scope = frame.entityScopes[s];
      for (const target of itemSeries[item]) {
        addToCube(cube, getCubeRowOffset(cube, LAYER_VALUE, scope, target), month, value);
        if (isImputed) addToCube(cube, getCubeRowOffset(cube, LAYER_IMPUTED, scope, target), month, value);
        if (!isDeflated || value === 0) continue;
        if (Number.isNaN(priceIndex)) addToCube(cube, getCubeRowOffset(cube, LAYER_MISSING_DEFLATOR, scope, target), month, 1);
        else addToCube(cube, getCubeRowOffset(cube, LAYER_DEFLATED, scope, target), month, value / (priceIndex / 100));
      }
    }
  };
  const addedFrom = resumeFrom ? resumeFrom.month + 1 : Number.NEGATIVE_INFINITY;
  forEachReportedEntry(panel, (entity, item, month, value) => {
    if (month >= addedFrom) addEntry(entity, item, month, value, false);
  });
  if (imputed) {
    for (let i = 0; i < imputed.count; i += 1) addEntry(imputed.entity[i], imputed.item[i], imputed.month[i], imputed.value[i], true);
  }

  // A checkpoint at a month with data, within this run's cube (taken before accumulating).
  let checkpoint: TCheckpoint | undefined;
  const at = options.checkpointAt === undefined ? undefined : Math.min(parseRangePeriod(options.checkpointAt, 'checkpointAt'), lastMonth);
  if (at !== undefined && imputed && at >= dataStart && at >= firstMonth && (!resumeFrom || at >= resumeFrom.month)) {
    checkpoint = {
      key,
      month: at,
      firstMonth,
      firstData: dataStart,
      itemCodes: [...itemCodes],
      cubeMonths: snapshotCubeMonths(cube, at),
      imputed: resumeFrom && at === resumeFrom.month ? resumeFrom.imputed : pickMonthImputed(imputed, at),
      log: log.filter((entry) => entry.month <= at),
    };
  }
  accumulateCube(cube);

  const tetDays = buildTetDaysByMonth({ firstMonth, lastMonth, overrides: input.tetWindows, dayOne: options.tetDayOne });
  const sumTet = (span: TSpan): number => {
    let days = 0;
    for (let m = span.first; m <= span.last; m += 1) if (m >= firstMonth && m <= lastMonth) days += tetDays[m - firstMonth];
    return days;
  };

  const index: TValueIndexRow[] = [];
  for (let t = from; t <= to; t += 1) {
    const period = formatPeriod(t);
    frame.scopes.forEach((scope, scopeIndex) => {
      for (const id of seriesOrder) {
        const { indicator, group } = series[id];
        const valueRow = getCubeRowOffset(cube, LAYER_VALUE, scopeIndex, id);
        for (const comparison of VALUE_COMPARISONS) {
          const spans = getComparisonSpans(comparison, t);
          if (!spans || !spans.comparison) continue;
          const { current, comparison: base } = spans;
          const valueCur = sumSpan(cube, valueRow, current.first, current.last);
          const valueCmp = sumSpan(cube, valueRow, base.first, base.last);
          if (!(valueCur > 0) && !(valueCmp > 0)) continue;
          const imputedCur = sumSpan(cube, getCubeRowOffset(cube, LAYER_IMPUTED, scopeIndex, id), current.first, current.last);
          let realIndex: number | null = null;
          if (indicator !== EXPORT_INDICATOR) {
            const missingRow = getCubeRowOffset(cube, LAYER_MISSING_DEFLATOR, scopeIndex, id);
            const missing = sumSpan(cube, missingRow, current.first, current.last) + sumSpan(cube, missingRow, base.first, base.last);
            const deflatedRow = getCubeRowOffset(cube, LAYER_DEFLATED, scopeIndex, id);
            const realCmp = sumSpan(cube, deflatedRow, base.first, base.last);
            if (missing === 0 && realCmp > 0) realIndex = (100 * sumSpan(cube, deflatedRow, current.first, current.last)) / realCmp;
          }
          index.push({
            period,
            scope,
            indicator,
            group,
            comparison,
            valueCur,
            valueCmp,
            index: valueCmp > 0 ? (100 * valueCur) / valueCmp : null,
            realIndex,
            imputedShare: valueCur > 0 ? imputedCur / valueCur : 0,
            tetDaysCur: sumTet(current),
            tetDaysCmp: sumTet(base),
          });
        }
      }
    });
  }
  const imputation = options.omitImputationLog ? [] : toImputationLogRows(log, frame.ids, itemCodes, to);
  return { index, imputation, ...(checkpoint ? { checkpoint } : {}), ...(resumeFrom ? { resumedFrom: formatPeriod(resumeFrom.month) } : {}) };
};
