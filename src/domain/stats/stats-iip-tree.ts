/**
 * Evaluation of one IIP tree for one comparison (§4): product relatives, weighted means up the
 * tree, missing-item rules, coverage, imputed share and contributions. Works on preallocated
 * typed arrays so that evaluating thousands of (month, scope, comparison) cells creates no garbage.
 */
import { StatsInputError } from './stats-errors';
import type { TIipTree } from './stats-weights';
import { IIP_LEVELS, type TComparison, type TIipIndexRow } from './stats.types';

/** Scratch and result arrays of a tree, one array per level (0 = TOTAL … 4 = PRODUCT). */
export type TTreeState = {
  tree: TIipTree;
  /** Inputs per basket product: current-span quantity, comparison quantity, imputed part of q1. */
  q1: Float64Array;
  q0: Float64Array;
  imputed1: Float64Array;
  /** Results per level and node. NaN index = undefined node. */
  index: Float64Array[];
  present: Uint8Array[];
  nUsed: Int32Array[];
  nBasket: Int32Array[];
  weightUsed: Float64Array[];
  weightPresent: Float64Array[];
  imputedShare: Float64Array[];
  /** W(k) / Σ W(used siblings), NaN for an unused node. */
  shareParent: Float64Array[];
  /** Product of the normalized shares from TOTAL down to the node. */
  shareTotal: Float64Array[];
  sumWeightedIndex: Float64Array[];
  sumWeightedShare: Float64Array[];
};

/** Allocates the state of a tree. */
export const createTreeState = (tree: TIipTree): TTreeState => {
  const sizes = tree.levels.map((level) => level.codes.length);
  const productCount = sizes[4];
  const f64 = (): Float64Array[] => sizes.map((n) => new Float64Array(n));
  const i32 = (): Int32Array[] => sizes.map((n) => new Int32Array(n));
  return {
    tree,
    q1: new Float64Array(productCount),
    q0: new Float64Array(productCount),
    imputed1: new Float64Array(productCount),
    index: f64(),
    present: sizes.map((n) => new Uint8Array(n)),
    nUsed: i32(),
    nBasket: i32(),
    weightUsed: f64(),
    weightPresent: f64(),
    imputedShare: f64(),
    shareParent: f64(),
    shareTotal: f64(),
    sumWeightedIndex: f64(),
    sumWeightedShare: f64(),
  };
};

/** Context for the error message of a missing weight. */
export type TEvaluationContext = { period: string; comparison: string };

/**
 * Evaluates the tree from `state.q1`, `state.q0`, `state.imputed1`:
 *
 *     i(n)   = 100 × q1(n) / q0(n)                     defined only if q0(n) > 0 (q1 = 0 → 0: stopped)
 *     I(p)   = Σ W(k) × I(k) / Σ W(k)                  over children k with I(k) defined
 *     coverage(p) = Σ W(used) / Σ W(present)           present = q1 > 0 or q0 > 0 somewhere below
 *     imputed_share(p) = Σ W(k) × share(k) / Σ W(k)    share(product) = imputed q1 / q1 (0 if q1 = 0)
 *     contrib_parent(k) = W(k)/Σ W(used siblings) × (I(k) − 100)
 *     contrib_total(k)  = Π normalized shares TOTAL→k × (I(k) − 100)
 *
 * Throws {@link StatsInputError} when a node above the products gets an index but has no weight.
 */
export const evaluateTree = (state: TTreeState, context: TEvaluationContext): void => {
  const { tree } = state;
  const productLevel = 4;
  for (let level = 0; level <= productLevel; level += 1) {
    state.present[level].fill(0);
    state.nUsed[level].fill(0);
    state.nBasket[level].fill(0);
    state.weightUsed[level].fill(0);
    state.weightPresent[level].fill(0);
    state.sumWeightedIndex[level].fill(0);
    state.sumWeightedShare[level].fill(0);
  }
  // Products.
  const { q1, q0, imputed1 } = state;
  const pIndex = state.index[productLevel];
  const pPresent = state.present[productLevel];
  const pShare = state.imputedShare[productLevel];
  for (let j = 0; j < q1.length; j += 1) {
    const cur = q1[j];
    const cmp = q0[j];
    pPresent[j] = cur > 0 || cmp > 0 ? 1 : 0;
    pIndex[j] = cmp > 0 ? (100 * cur) / cmp : Number.NaN;
    pShare[j] = cur > 0 ? imputed1[j] / cur : 0;
  }
  // Bottom up.
  for (let level = productLevel; level >= 1; level -= 1) {
    const { weights, parents, codes, level: levelName } = tree.levels[level];
    const index = state.index[level];
    const present = state.present[level];
    const share = state.imputedShare[level];
    const parentLevel = level - 1;
    const pPresentUp = state.present[parentLevel];
    const nUsed = state.nUsed[parentLevel];
    const nBasket = state.nBasket[parentLevel];
    const weightUsed = state.weightUsed[parentLevel];
    const weightPresent = state.weightPresent[parentLevel];
    const sumWI = state.sumWeightedIndex[parentLevel];
    const sumWS = state.sumWeightedShare[parentLevel];
    for (let j = 0; j < codes.length; j += 1) {
      if (!present[j]) continue;
      const parent = parents[j];
      const weight = weights[j];
      pPresentUp[parent] = 1;
      nBasket[parent] += 1;
      if (weight > 0) weightPresent[parent] += weight;
      const value = index[j];
      if (Number.isNaN(value)) continue;
      if (!(weight > 0)) {
        throw new StatsInputError(
          { file: 'weights.csv' },
          `version ${tree.version}, scope ${tree.scope}: no ${levelName} weight for "${codes[j]}", which gets an index in ${context.period} (${context.comparison})`,
        );
      }
      nUsed[parent] += 1;
      weightUsed[parent] += weight;
      sumWI[parent] += weight * value;
      sumWS[parent] += weight * share[j];
    }
    const upIndex = state.index[parentLevel];
    const upShare = state.imputedShare[parentLevel];
    for (let p = 0; p < upIndex.length; p += 1) {
      const used = nUsed[p] > 0;
      upIndex[p] = used ? sumWI[p] / weightUsed[p] : Number.NaN;
      upShare[p] = used ? sumWS[p] / weightUsed[p] : Number.NaN;
    }
  }
  // Top down: normalized shares.
  state.shareParent[0][0] = Number.NaN;
  state.shareTotal[0][0] = Number.isNaN(state.index[0][0]) ? Number.NaN : 1;
  for (let level = 1; level <= productLevel; level += 1) {
    const { weights, parents } = tree.levels[level];
    const index = state.index[level];
    const shareParent = state.shareParent[level];
    const shareTotal = state.shareTotal[level];
    const upWeightUsed = state.weightUsed[level - 1];
    const upShareTotal = state.shareTotal[level - 1];
    for (let j = 0; j < index.length; j += 1) {
      if (Number.isNaN(index[j])) {
        shareParent[j] = Number.NaN;
        shareTotal[j] = Number.NaN;
        continue;
      }
      const parent = parents[j];
      shareParent[j] = weights[j] / upWeightUsed[parent];
      shareTotal[j] = upShareTotal[parent] * shareParent[j];
    }
  }
};

/** Labels of the rows of one evaluation. */
export type TEmitOptions = {
  period: string;
  scope: string;
  comparison: TComparison;
  tetDaysCur: number;
  tetDaysCmp: number | null;
  /** BASE_LINKED: factor per level and node (NaN = not linkable). */
  factors?: Float64Array[];
};

const nullIfNaN = (x: number): number | null => (Number.isNaN(x) ? null : x);

/**
 * Appends the rows of the present nodes, top down and by code (§9 row order). With `factors`
 * (BASE_LINKED) the index is multiplied node by node and the contributions are recomputed from
 * the linked index with the same normalized shares.
 */
export const emitTreeRows = (state: TTreeState, { period, scope, comparison, tetDaysCur, tetDaysCmp, factors }: TEmitOptions, out: TIipIndexRow[]): void => {
  const { tree } = state;
  for (let level = 0; level < 5; level += 1) {
    const { codes } = tree.levels[level];
    const isProduct = level === 4;
    const present = state.present[level];
    for (let j = 0; j < codes.length; j += 1) {
      if (!present[j]) continue;
      const raw = state.index[level][j];
      const index = factors ? raw * factors[level][j] : raw;
      const defined = !Number.isNaN(index);
      const shareParent = state.shareParent[level][j];
      const shareTotal = state.shareTotal[level][j];
      const weightPresent = state.weightPresent[level][j];
      out.push({
        period,
        scope,
        comparison,
        level: IIP_LEVELS[level],
        code: codes[j],
        version: tree.version,
        index: defined ? index : null,
        contribParentPp: defined && level > 0 ? nullIfNaN(shareParent * (index - 100)) : null,
        contribTotalPp: defined ? (level === 0 ? index - 100 : nullIfNaN(shareTotal * (index - 100))) : null,
        nUsed: isProduct ? null : state.nUsed[level][j],
        nBasket: isProduct ? null : state.nBasket[level][j],
        weightCoverage: isProduct ? null : weightPresent > 0 ? state.weightUsed[level][j] / weightPresent : 0,
        imputedShare: nullIfNaN(state.imputedShare[level][j]),
        qCur: isProduct ? state.q1[j] : null,
        qCmp: isProduct ? state.q0[j] : null,
        tetDaysCur,
        tetDaysCmp,
      });
    }
  }
};
