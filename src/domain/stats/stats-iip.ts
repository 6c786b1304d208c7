/**
 * The industrial production index (§4, §5, §8): imputation of the history, aggregation per
 * (scope, product, month), then for each month of the range, scope and comparison the
 * evaluation of the tree of the weight version in force, with flags and BASE_LINKED.
 */
import { StatsInputError } from './stats-errors';
import { buildFrame, type TFrame } from './stats-frame';
import { getTree, LAYER_IMPUTED, LAYER_QTY, loadQuantities, sumTetDays, type TIipContext } from './stats-iip-context';
import { createIipFallback } from './stats-iip-fallback';
import { alignFactors, createLinker, getLinkFactors, getLinkMonths, type TLinker } from './stats-iip-link';
import { emitTreeRows, evaluateTree } from './stats-iip-tree';
import { imputeMissingReports, toImputationLogRows, type TRawImputationLog } from './stats-imputation';
import { createCachedLookup, createPeriodParser } from './stats-lookup';
import {
  accumulateCube,
  addToCube,
  allocatePanelRows,
  buildReportedPanel,
  createCube,
  forEachReportedEntry,
  getCubeRowOffset,
  sumSpan,
  type TPanelRows,
} from './stats-panel';
import { formatPeriod, getComparisonSpans, getEarliestNeededMonth, parseRangePeriod } from './stats-periods';
import { indexProducts, type TProducts } from './stats-products';
import { buildTetDaysByMonth } from './stats-tet';
import { buildWeightBook, getVersionAt, type TWeightBook, type TWeightVersion } from './stats-weights';
import { frameKey, pickMonthImputed, usableCheckpoint, restoreCubeMonths, snapshotCubeMonths, type TCheckpoint } from './stats-resume';
import { ALL_SCOPE, type TResumableOptions as TIipComputeOptions, type TIipFlagRow, type TIipIndexRow, type TIipInput, type TIipResult, type TQuantityReport } from './stats.types';

/** Comparisons evaluated directly, in output order (BASE_LINKED is derived from BASE and comes last). */
const DIRECT_COMPARISONS = ['BASE', 'MOM', 'YOY', 'YTD', 'QOY'] as const;

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Flags order: period, scope (ALL first), product code, flag. */
const compareFlags = (scopes: readonly string[]): ((a: TIipFlagRow, b: TIipFlagRow) => number) => {
  const order = new Map(scopes.map((scope, i) => [scope, i]));
  return (a, b) =>
    compareText(a.period, b.period) ||
    (order.get(a.scope) ?? 0) - (order.get(b.scope) ?? 0) ||
    compareText(a.productCode, b.productCode) ||
    compareText(a.flag, b.flag);
};

/** Weight versions, checked against the products; every month of the range must have one in force. */
const prepareWeights = (input: TIipInput, products: TProducts, from: number, to: number): TWeightBook => {
  const parseValidFrom = createPeriodParser('weights.csv', 'valid_from');
  const book = buildWeightBook(input.weights, parseValidFrom);
  for (const row of input.weights) {
    if (row.level === 'PRODUCT' && !products.indexOf.has(row.code)) {
      throw new StatsInputError({ file: 'weights.csv', column: 'code' }, `unknown product "${row.code}" (not in products)`);
    }
  }
  for (let t = from; t <= to; t += 1) {
    if (!getVersionAt(book, t)) throw new StatsInputError({ file: 'weights.csv', column: 'valid_from' }, `no weight version is in force in ${formatPeriod(t)}`);
  }
  return book;
};

type TMapReportsOptions = { reports: readonly TQuantityReport[]; frame: TFrame; products: TProducts; lastMonth: number; fromPeriod?: string };

/**
 * Maps report rows to integer indices; returns them with the first month holding data (≤ lastMonth).
 * With `fromPeriod` (resuming), rows of earlier periods are left out unread.
 */
const mapReports = ({ reports, frame, products, lastMonth, fromPeriod }: TMapReportsOptions): { rows: TPanelRows; firstData: number } => {
  let kept: Int32Array | null = null;
  if (fromPeriod !== undefined) {
    const list: number[] = [];
    for (let r = 0; r < reports.length; r += 1) if (reports[r].period >= fromPeriod) list.push(r);
    kept = Int32Array.from(list);
  }
  const source = kept;
  const reportOf = source ? (row: number) => reports[source[row]] : (row: number) => reports[row];
  const rows = allocatePanelRows(
    source ? source.length : reports.length,
    (row) => reportOf(row).quantity,
    (row) => reportOf(row).revision,
  );
  let firstData = Number.POSITIVE_INFINITY;
  const entityOf = createCachedLookup(frame.indexOf);
  const productOf = createCachedLookup(products.indexOf);
  const monthOf = createPeriodParser('reports.csv', 'period');
  for (let r = 0; r < rows.count; r += 1) {
    const report = reportOf(r);
    const entity = entityOf(report.enterpriseId);
    if (entity === undefined) throw new StatsInputError({ file: 'reports.csv', column: 'enterprise_id' }, `unknown enterprise "${report.enterpriseId}"`);
    const item = productOf(report.productCode);
    if (item === undefined) throw new StatsInputError({ file: 'reports.csv', column: 'product_code' }, `unknown product "${report.productCode}"`);
    if (!(report.quantity >= 0) || !Number.isFinite(report.quantity)) {
      throw new StatsInputError({ file: 'reports.csv', column: 'quantity' }, `expected a quantity >= 0, got ${report.quantity}`);
    }
    const month = monthOf(report.period);
    rows.entity[r] = entity;
    rows.item[r] = item;
    rows.month[r] = month;
    if (month <= lastMonth && month < firstData) firstData = month;
  }
  return { rows, firstData };
};

type TBuildContextOptions = { input: TIipInput; options: TIipComputeOptions; from: number; to: number; products: TProducts; book: TWeightBook; linker: TLinker };

/** What the cube and the imputation depend on besides the reports (see stats-resume.ts). */
const checkpointKey = (frame: TFrame, products: TProducts, input: TIipInput): string =>
  [frameKey(frame), products.codes.join(','), JSON.stringify(input.weights)].join('\u0002');

/**
 * Builds the context: history range (YTD/QOY spans of `from`, base years to link, first data
 * month), imputation over the whole history up to `to`, and the cumulative quantity cube.
 * With `options.resume` and a matching checkpoint, the months up to the checkpoint are taken
 * from it instead (see stats-resume.ts); with `options.checkpointAt`, a checkpoint is returned.
 */
const buildContext = ({ input, options, from, to, products, book, linker }: TBuildContextOptions): { context: TIipContext; log: TRawImputationLog[]; checkpoint?: TCheckpoint; resumedFrom?: string } => {
  const frame = buildFrame({ enterprises: input.enterprises, survey: 'iip', requestedScopes: options.scopes });
  const linkMonths = getLinkMonths(linker);
  const neededFirst = Math.min(getEarliestNeededMonth(from), linkMonths?.first ?? Number.POSITIVE_INFINITY);
  const lastMonth = Math.max(to, linkMonths?.last ?? Number.NEGATIVE_INFINITY);
  const wantsKey = options.resume !== undefined || options.checkpointAt !== undefined;
  const key = wantsKey ? checkpointKey(frame, products, input) : '';
  const resumeFrom = usableCheckpoint(options.resume, { key, lastMonth, neededFirst, unchangedBefore: (period) => parseRangePeriod(period, 'unchangedBefore') });

  const { rows, firstData } = mapReports({ reports: input.reports, frame, products, lastMonth, fromPeriod: resumeFrom ? formatPeriod(resumeFrom.month) : undefined });
  const dataStart = resumeFrom ? resumeFrom.firstData : firstData;
  const firstMonth = Math.min(neededFirst, dataStart);
  const panelFirst = resumeFrom ? resumeFrom.month : firstMonth;

  const panel = buildReportedPanel({ rows, entityCount: frame.entityCount, itemCount: products.codes.length, firstMonth: panelFirst, lastMonth });
  const { imputed, log: newLog } = imputeMissingReports({
    panel,
    startMonth: resumeFrom ? resumeFrom.month + 1 : Number.isFinite(dataStart) ? dataStart : lastMonth + 1,
    activeFrom: frame.activeFrom,
    activeTo: frame.activeTo,
    resolveFallback: createIipFallback(book, products),
    seed: resumeFrom?.imputed,
  });
  const log = resumeFrom ? [...resumeFrom.log, ...newLog] : newLog;

  const cube = createCube({ layerCount: 2, scopeCount: frame.scopes.length, seriesCount: products.codes.length, firstMonth, lastMonth });
  if (resumeFrom) restoreCubeMonths(cube, resumeFrom.cubeMonths, resumeFrom.month - firstMonth + 1);
  const add = (entity: number, item: number, month: number, value: number, isImputed: boolean): void => {
    for (let s = frame.entityScopeStart[entity]; s < frame.entityScopeStart[entity + 1]; s += 1) {
      const scope = frame.entityScopes[s];
      addToCube(cube, getCubeRowOffset(cube, LAYER_QTY, scope, item), month, value);
      if (isImputed) addToCube(cube, getCubeRowOffset(cube, LAYER_IMPUTED, scope, item), month, value);
    }
  };
  const addedFrom = resumeFrom ? resumeFrom.month + 1 : Number.NEGATIVE_INFINITY;
  forEachReportedEntry(panel, (entity, item, month, value) => {
    if (month >= addedFrom) add(entity, item, month, value, false);
  });
  for (let i = 0; i < imputed.count; i += 1) add(imputed.entity[i], imputed.item[i], imputed.month[i], imputed.value[i], true);

  // A checkpoint at a month with data, within this run's cube (taken before accumulating).
  let checkpoint: TCheckpoint | undefined;
  const at = options.checkpointAt === undefined ? undefined : Math.min(parseRangePeriod(options.checkpointAt, 'checkpointAt'), lastMonth);
  if (at !== undefined && Number.isFinite(dataStart) && at >= dataStart && at >= firstMonth && (!resumeFrom || at >= resumeFrom.month)) {
    checkpoint = {
      key,
      month: at,
      firstMonth,
      firstData: dataStart,
      itemCodes: products.codes,
      cubeMonths: snapshotCubeMonths(cube, at),
      imputed: resumeFrom && at === resumeFrom.month ? resumeFrom.imputed : pickMonthImputed(imputed, at),
      log: log.filter((entry) => entry.month <= at),
    };
  }
  accumulateCube(cube);

  const tetDays = buildTetDaysByMonth({ firstMonth, lastMonth, overrides: input.tetWindows, dayOne: options.tetDayOne });
  return { context: { frame, products, book, cube, tetDays, trees: new Map() }, log, checkpoint, ...(resumeFrom ? { resumedFrom: formatPeriod(resumeFrom.month) } : {}) };
};

type TMonthOptions = { context: TIipContext; linker: TLinker; t: number; version: TWeightVersion; index: TIipIndexRow[]; flags: TIipFlagRow[] };

/** Rows and flags of month t for every scope. */
const computeMonth = ({ context, linker, t, version, index, flags }: TMonthOptions): void => {
  const period = formatPeriod(t);
  const chainPosition = linker.chain.indexOf(version);
  context.frame.scopes.forEach((scope, scopeIndex) => {
    const { tree, state, inBasket } = getTree(context, version, scope);
    for (const comparison of DIRECT_COMPARISONS) {
      if (comparison === 'BASE' && !tree.hasBase) continue;
      const spans = getComparisonSpans(comparison, t);
      if (!spans) continue;
      loadQuantities(context, state, scopeIndex, spans.current, spans.comparison);
      evaluateTree(state, { period, comparison });
      const tetDaysCur = sumTetDays(context, spans.current);
      const tetDaysCmp = spans.comparison ? sumTetDays(context, spans.comparison) : null;
      emitTreeRows(state, { period, scope, comparison, tetDaysCur, tetDaysCmp }, index);
      for (let j = 0; j < state.q1.length; j += 1) {
        if (state.q1[j] > 0 && !(state.q0[j] > 0)) {
          flags.push({ period, scope, productCode: tree.levels[4].codes[j], flag: `EXCLUDED_${comparison}`, version: tree.version, quantity: state.q1[j] });
        }
      }
    }
    const factors = chainPosition >= 0 && tree.hasBase ? getLinkFactors(context, linker, scopeIndex, chainPosition) : null;
    if (factors) {
      const current = { first: t, last: t };
      loadQuantities(context, state, scopeIndex, current, null);
      evaluateTree(state, { period, comparison: 'BASE_LINKED' });
      const linked = { period, scope, comparison: 'BASE_LINKED', tetDaysCur: sumTetDays(context, current), tetDaysCmp: null, factors: alignFactors(tree, chainPosition, factors) } as const;
      emitTreeRows(state, linked, index);
    }
    if (scope !== ALL_SCOPE) return;
    // Production of products outside the basket of the version in force (§4.1), province level.
    for (let item = 0; item < context.products.codes.length; item += 1) {
      if (inBasket[item]) continue;
      const quantity = sumSpan(context.cube, getCubeRowOffset(context.cube, LAYER_QTY, scopeIndex, item), t, t);
      if (quantity > 0) flags.push({ period, scope, productCode: context.products.codes[item], flag: 'NOT_IN_BASKET', version: version.version, quantity });
    }
  });
};

/**
 * Computes the IIP rows of every month `from..to`, scope (ALL, then the scope keys) and comparison
 * (BASE, MOM, YOY, YTD, QOY at quarter ends, BASE_LINKED when versions change within the range),
 * plus the flags and the imputation log of the whole history up to `to`.
 * Throws {@link StatsInputError} for bad input (unknown enterprise or product, negative
 * quantity, bad weights, no version in force, a node with an index but no weight).
 */
export const computeIip = (input: TIipInput, options: TIipComputeOptions): TIipResult & { checkpoint?: TCheckpoint; resumedFrom?: string } => {
  const from = parseRangePeriod(options.from, 'from');
  const to = parseRangePeriod(options.to, 'to');
  if (from > to) throw new StatsInputError({ file: 'options', column: 'from' }, `from ${options.from} is after to ${options.to}`);
  const linkFrom = options.linkFrom === undefined ? from : parseRangePeriod(options.linkFrom, 'linkFrom');
  const products = indexProducts(input.products);
  const book = prepareWeights(input, products, from, to);
  const linker = createLinker(book, linkFrom, to);
  const { context, log, checkpoint, resumedFrom } = buildContext({ input, options, from, to, products, book, linker });

  const index: TIipIndexRow[] = [];
  const flags: TIipFlagRow[] = [];
  for (let t = from; t <= to; t += 1) {
    const version = getVersionAt(context.book, t);
    if (version) computeMonth({ context, linker, t, version, index, flags });
  }
  flags.sort(compareFlags(context.frame.scopes));
  const imputation = options.omitImputationLog ? [] : toImputationLogRows(log, context.frame.ids, context.products.codes, to);
  return { index, flags, imputation, ...(checkpoint ? { checkpoint } : {}), ...(resumedFrom ? { resumedFrom } : {}) };
};
