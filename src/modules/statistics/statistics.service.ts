import type { TDb } from '../../db/client';
import { computeIip } from '../../domain/stats/stats-iip';
import type { TCheckpoint } from '../../domain/stats/stats-resume';
import { computeValues } from '../../domain/stats/stats-values';
import { RETAIL_COMPONENTS, type TQuantityReport, type TStatsEnterprise, type TValueIndicator, type TValueReport, type TWeightLevel } from '../../domain/stats/stats.types';
import { AppError } from '../../server/errors';
import { createAcceptedCellCache, createAnswerCache } from './statistics-cache';
import {
  findBreakdown,
  findCompleteness,
  findIipRows,
  findIipSeries,
  findLatestRun,
  findValueRows,
  findValueSeries,
  insertRun,
  loadDataAsOf,
  loadDeflators,
  loadFrame,
  loadFrameSignature,
  loadProducts,
  loadTetWindows,
  loadWeights,
  OWNERSHIP_GROUP,
  replaceResults,
} from './statistics.repo';

/** Ownership scopes of the IIP (the value indicators carry ownership as their group). */
export const ownershipScope = (ownership: string): string => `OWN:${OWNERSHIP_GROUP[ownership] ?? ownership}`;
const VALUE_INDICATORS = new Set<string>([...RETAIL_COMPONENTS, 'EXPORT']);

const shiftPeriod = (period: string, months: number): string => {
  const [y, m] = period.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/**
 * Published indicators computed by the statistics engine (src/domain/stats, the same code as the
 * `stats compute` CLI) from accepted reports. A recomputation replaces the figures of every month
 * from the changed one to the latest, because imputation, YTD, YOY and QOY carry a change forward.
 */
export const createStatisticsService = ({ db }: { db: TDb }) => {
  const cellCache = createAcceptedCellCache();
  const answers = createAnswerCache();
  /** The engine's report and value rows, rebuilt only when the accepted cells or the frame change. */
  let converted: { cells: readonly unknown[]; frameSignature: string; reports: TQuantityReport[]; values: TValueReport[] } | undefined;
  /** The frame joined to the registry, read again only when its fingerprint changes. */
  let frameCache: { signature: string; rows: Awaited<ReturnType<typeof loadFrame>> } | undefined;
  const loadFrameCached = async () => {
    const signature = await loadFrameSignature(db);
    if (frameCache?.signature !== signature) frameCache = { signature, rows: await loadFrame(db) };
    return frameCache.rows;
  };
  const loadVersionedInput = async () => {
    const [products, weights, frame, { cells, version: cellsVersion }, deflators, tetWindows] = await Promise.all([
      loadProducts(db),
      loadWeights(db),
      loadFrameCached(),
      cellCache.getVersionedCells(db),
      loadDeflators(db),
      loadTetWindows(db),
    ]);
    const byEnterprise = new Map<number, TStatsEnterprise>();
    for (const f of frame) {
      const id = String(f.enterprise_id);
      const existing = byEnterprise.get(f.enterprise_id);
      const survey = f.kind === 'IIP' ? ('iip' as const) : ('values' as const);
      if (f.kind !== 'IIP' && f.kind !== 'VALUES') continue;
      if (existing) {
        existing.surveys = [...(existing.surveys ?? []), survey];
        continue;
      }
      byEnterprise.set(f.enterprise_id, {
        id,
        area: f.area ?? '',
        activeFrom: f.active_from,
        activeTo: f.active_to,
        scopes: [...(f.area ? [f.area] : []), ownershipScope(f.ownership)],
        surveys: [survey],
      });
    }
    const frameSignature = frame.map((f) => `${f.enterprise_id}:${f.kind}:${f.active_from}:${f.active_to}:${f.area}:${f.ownership}`).join('|');
    if (!converted || converted.cells !== cells || converted.frameSignature !== frameSignature) {
      const reports: TQuantityReport[] = [];
      const values: TValueReport[] = [];
      for (const c of cells) {
        if (!byEnterprise.has(c.enterpriseId)) continue;
        if (c.kind === 'IIP') reports.push({ enterpriseId: String(c.enterpriseId), period: c.period, productCode: c.item, quantity: c.value, revision: c.revision });
        else {
          const [indicator, group] = c.item.split('|');
          if (VALUE_INDICATORS.has(indicator) && group) values.push({ enterpriseId: String(c.enterpriseId), period: c.period, indicator: indicator as TValueIndicator, group, value: c.value, revision: c.revision });
        }
      }
      converted = { cells, frameSignature, reports, values };
    }
    const { reports, values } = converted;
    const input = {
      products: products.map((p) => ({ code: p.code, vsic4: p.vsic4, nameVi: p.nameVi, nameEn: p.nameEn, unit: p.unit })),
      weights: weights.map((w) => ({ version: w.version, validFrom: w.validFrom, scope: w.scope, level: w.level as TWeightLevel, code: w.code, weight: w.weight, baseAnnualQty: w.baseAnnualQty })),
      enterprises: [...byEnterprise.values()],
      reports,
      values,
      deflators: deflators.map((d) => ({ period: d.period, indicator: d.indicator, priceIndex: d.priceIndex })),
      tetWindows: tetWindows.map((t) => ({ year: t.year, start: t.start, end: t.end })),
    };
    return { input, cellsVersion };
  };
  const loadInput = async () => (await loadVersionedInput()).input;

  /**
   * The engines' checkpoints two months before the latest month (src/domain/stats/stats-resume.ts):
   * a recomputation after a change in the last two months, or in a new month, reads only the
   * reports from there on and imputes only those months; anything else (a change further back, a
   * change of the frame, products, weights or deflators, a full reload) computes the whole history.
   */
  let saved: { cellsVersion: number; iip?: TCheckpoint; values?: TCheckpoint } | null = null;
  /** Recomputations run one at a time (each replaces the figures from its month on). */
  let queue: Promise<unknown> = Promise.resolve();

  /**
   * Recomputes the published figures from `from` (default: the first month with data) to the
   * latest month with accepted data. Area and ownership scopes keep the TOTAL and SECTION levels
   * (IIP) and the all-groups totals (values); the province keeps everything.
   */
  /** `wholeHistory`: ignore the checkpoints and compute every month from the reports (manual runs). */
  const recompute = (args: { from?: string; reason: string; wholeHistory?: boolean }) => {
    const run = queue.then(() => recomputeNow(args));
    queue = run.catch(() => undefined);
    return run;
  };

  /** Runs both engines from `from` to `last`, resuming from the checkpoints when they still hold. */
  const runEngines = async ({ from, first, last }: { from: string; first: string; last: string }) => {
    const { input, cellsVersion } = await loadVersionedInput();
    const changed = saved ? cellCache.changedSince(saved.cellsVersion) : 'ALL';
    const unchangedBefore = changed === 'ALL' ? null : (changed ?? shiftPeriod(last, 1));
    const options = { from, to: last, linkFrom: first, omitImputationLog: true, checkpointAt: shiftPeriod(last, -2) };
    const resume = (checkpoint: TCheckpoint | undefined) => (checkpoint && unchangedBefore ? { resume: { checkpoint, unchangedBefore } } : {});
    const iipResult = input.products.length && input.weights.length ? computeIip(input, { ...options, ...resume(saved?.iip) }) : null;
    const valuesResult = computeValues(input, { ...options, ...resume(saved?.values) });
    saved = { cellsVersion, iip: iipResult?.checkpoint, values: valuesResult.checkpoint };
    return { iipResult, valuesResult };
  };

  /**
   * Builds the checkpoints without publishing anything (run in the background after the server
   * starts), so that the first acceptance is as quick as the next ones.
   */
  const prime = () => {
    const run = queue.then(async () => {
      if (saved) return;
      const span = await loadDataAsOf(db);
      if (!span?.first || !span.last) return;
      await runEngines({ from: span.last, first: span.first, last: span.last });
    });
    queue = run.catch(() => undefined);
    return run;
  };

  const recomputeNow = async ({ from, reason, wholeHistory }: { from?: string; reason: string; wholeHistory?: boolean }) => {
    const started = performance.now();
    if (wholeHistory) saved = null;
    const span = await loadDataAsOf(db);
    if (!span?.first || !span.last) return null;
    const start = from && from > span.first ? from : span.first;
    const { iipResult, valuesResult } = await runEngines({ from: start, first: span.first, last: span.last });
    const iip = iipResult?.index ?? [];
    const values = valuesResult.index.filter((r) => r.scope === 'ALL' || r.group === 'ALL');
    const kept = iip.filter((r) => r.scope === 'ALL' || r.level === 'TOTAL' || r.level === 'SECTION');
    const run = await db.transaction(async (tx) => {
      await replaceResults(tx, { from: start, iip: kept, values });
      return insertRun(tx, {
        fromPeriod: start,
        toPeriod: span.last ?? start,
        reason,
        dataAsOf: span.as_of ? new Date(span.as_of) : null,
        durationMs: Math.round(performance.now() - started),
      });
    });
    answers.clear();
    return { run, iipRows: kept.length, valueRows: values.length, resumedFrom: iipResult?.resumedFrom ?? valuesResult.resumedFrom ?? null };
  };

  /** The latest published month: the end of the latest computation (one row), not a scan of the reports. */
  const latestPeriod = async () => (await findLatestRun(db))?.toPeriod ?? (await loadDataAsOf(db))?.last ?? null;

  const requirePeriod = async (period: string | undefined) => {
    const p = period ?? (await latestPeriod());
    if (!p) throw new AppError('NOT_FOUND', 'No published figures yet');
    return p;
  };

  /** KPI tiles: IIP, retail total and exports — the month and the year to date versus the same period. */
  const getDashboard = async (periodArg?: string) => {
    const period = await requirePeriod(periodArg);
    const [iipYoy, iipYtd, iipMom, valueRows, run, completeness] = await Promise.all([
      findIipRows(db, { period, scope: 'ALL', comparison: 'YOY' }),
      findIipRows(db, { period, scope: 'ALL', comparison: 'YTD' }),
      findIipRows(db, { period, scope: 'ALL', comparison: 'MOM' }),
      findValueRows(db, { period, scope: 'ALL' }),
      findLatestRun(db),
      findCompleteness(db, period),
    ]);
    const total = (rows: typeof iipYoy) => rows.find((r) => r.level === 'TOTAL') ?? null;
    const value = (indicator: string, group: string, comparison: string) => valueRows.find((r) => r.indicator === indicator && r.grp === group && r.comparison === comparison) ?? null;
    const iipMonth = total(iipYoy);
    const tetShift = Boolean(iipMonth && iipMonth.tetDaysCmp !== null && iipMonth.tetDaysCur !== iipMonth.tetDaysCmp);
    const month = Number(period.slice(5, 7));
    return {
      period,
      dataAsOf: run?.dataAsOf?.toISOString() ?? null,
      computedAt: run?.computedAt.toISOString() ?? null,
      tetShift: tetShift ? { tetDaysCur: iipMonth?.tetDaysCur ?? 0, tetDaysCmp: iipMonth?.tetDaysCmp ?? 0, twoMonthPeriod: month <= 2 ? `${period.slice(0, 4)}-02` : null } : null,
      iip: {
        yoy: iipMonth?.index ?? null,
        ytd: total(iipYtd)?.index ?? null,
        mom: total(iipMom)?.index ?? null,
        imputedShare: iipMonth?.imputedShare ?? null,
        weightCoverage: iipMonth?.weightCoverage ?? null,
      },
      retail: {
        valueCur: value('RETAIL_TOTAL', 'ALL', 'YOY')?.valueCur ?? null,
        yoy: value('RETAIL_TOTAL', 'ALL', 'YOY')?.index ?? null,
        ytd: value('RETAIL_TOTAL', 'ALL', 'YTD')?.index ?? null,
        ytdValue: value('RETAIL_TOTAL', 'ALL', 'YTD')?.valueCur ?? null,
        realYoy: value('RETAIL_TOTAL', 'ALL', 'YOY')?.realIndex ?? null,
        realYtd: value('RETAIL_TOTAL', 'ALL', 'YTD')?.realIndex ?? null,
        imputedShare: value('RETAIL_TOTAL', 'ALL', 'YOY')?.imputedShare ?? null,
      },
      exports: {
        valueCur: value('EXPORT', 'ALL', 'YOY')?.valueCur ?? null,
        yoy: value('EXPORT', 'ALL', 'YOY')?.index ?? null,
        ytd: value('EXPORT', 'ALL', 'YTD')?.index ?? null,
        ytdValue: value('EXPORT', 'ALL', 'YTD')?.valueCur ?? null,
        imputedShare: value('EXPORT', 'ALL', 'YOY')?.imputedShare ?? null,
      },
      completeness: completeness.map((c) => ({
        formCode: c.form_code,
        kind: c.kind,
        nameVi: c.name_vi,
        nameEn: c.name_en,
        expected: Number(c.expected),
        received: Number(c.received),
        accepted: Number(c.accepted),
        onTime: Number(c.on_time),
      })),
    };
  };

  /** 24 months (or `months`) of an indicator: the index versus the same month and the level. */
  const getTrend = async ({ indicator, to: toArg, months, scope }: { indicator: 'IIP' | 'RETAIL_TOTAL' | 'EXPORT'; to?: string; months: number; scope: string }) => {
    const to = await requirePeriod(toArg);
    const from = shiftPeriod(to, -(months - 1));
    if (indicator === 'IIP') {
      const [yoy, base] = await Promise.all([
        findIipSeries(db, { from, to, scope, comparison: 'YOY', level: 'TOTAL', code: 'TOTAL' }),
        findIipSeries(db, { from, to, scope, comparison: 'BASE_LINKED', level: 'TOTAL', code: 'TOTAL' }),
      ]);
      const baseSeries = base.length ? base : await findIipSeries(db, { from, to, scope, comparison: 'BASE', level: 'TOTAL', code: 'TOTAL' });
      const baseBy = new Map(baseSeries.map((r) => [r.period, r.index]));
      return { indicator, from, to, points: yoy.map((r) => ({ period: r.period, yoy: r.index, level: baseBy.get(r.period) ?? null, realYoy: null })) };
    }
    const rows = await findValueSeries(db, { from, to, scope, indicator, group: 'ALL', comparison: 'YOY' });
    return { indicator, from, to, points: rows.map((r) => ({ period: r.period, yoy: r.index, level: r.value_cur, realYoy: r.real_index })) };
  };

  /** The IIP tree for a period and comparison: every node with index and contributions. */
  const getIipTable = async ({ period: periodArg, comparison, scope }: { period?: string; comparison: string; scope: string }) => {
    const period = await requirePeriod(periodArg);
    const [rows, products] = await Promise.all([findIipRows(db, { period, scope, comparison }), loadProducts(db)]);
    const byCode = new Map(products.map((p) => [p.code, p]));
    return {
      period,
      comparison,
      scope,
      rows: rows.map((r) => {
        const product = r.level === 'PRODUCT' ? byCode.get(r.code) : undefined;
        return { ...r, vsic4: product?.vsic4 ?? null, nameVi: product?.nameVi ?? null, nameEn: product?.nameEn ?? null, unit: product?.unit ?? null };
      }),
    };
  };

  /** Retail components and exports by group for a period, every comparison. */
  const getValueTable = async ({ period: periodArg, scope }: { period?: string; scope: string }) => {
    const period = await requirePeriod(periodArg);
    return { period, scope, rows: await findValueRows(db, { period, scope }) };
  };

  /** One comparison's TOTAL per scope (areas, ownership groups) for the breakdown tables. */
  const getBreakdown = async ({ period: periodArg, comparison }: { period?: string; comparison: string }) => {
    const period = await requirePeriod(periodArg);
    const { iip, values } = await findBreakdown(db, { period, comparison });
    return { period, comparison, iip, values };
  };

  /** The read answers, kept until a computation run or a report changes the data behind them. */
  const cached =
    <A extends object | undefined, T>(name: string, fn: (args: A) => Promise<T>) =>
    (args: A): Promise<T> =>
      answers.get(db, `${name}:${JSON.stringify(args ?? null)}`, () => fn(args));

  return {
    loadInput,
    recompute,
    prime,
    getDashboard: (period?: string) => cached('dashboard', (a: { period?: string }) => getDashboard(a.period))({ period }),
    getTrend: cached('trend', getTrend),
    getIipTable: cached('iip', getIipTable),
    getValueTable: cached('values', getValueTable),
    getBreakdown: cached('breakdown', getBreakdown),
    /**
     * A read answer as JSON text, checked against the route's response schema once per data
     * version: repeated reads of the same figures cost a lookup, not a serialisation.
     */
    getJson: (key: string, compute: () => Promise<unknown>, schema: { parse: (value: unknown) => unknown }): Promise<string> =>
      answers.get(db, `json:${key}`, async () => JSON.stringify(schema.parse(await compute()))),
    latestPeriod,
  };
};

export type TStatisticsService = ReturnType<typeof createStatisticsService>;
