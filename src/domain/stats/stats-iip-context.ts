/**
 * Shared state of one IIP computation: the frame, products, weight versions, the cumulative
 * quantity cube, Tết days, and the trees (with their evaluation state) built on demand.
 */
import type { TFrame } from './stats-frame';
import { createTreeState, type TTreeState } from './stats-iip-tree';
import { getCubeRowOffset, sumSpan, type TCube } from './stats-panel';
import type { TSpan } from './stats-periods';
import type { TProducts } from './stats-products';
import { buildIipTree, type TIipTree, type TWeightBook, type TWeightVersion } from './stats-weights';

/** Cube layers: all quantities, and the imputed part. */
export const LAYER_QTY = 0;
export const LAYER_IMPUTED = 1;

/** A tree with its evaluation state and basket membership by product index. */
export type TTreeEntry = { tree: TIipTree; state: TTreeState; inBasket: Uint8Array };

export type TIipContext = {
  frame: TFrame;
  products: TProducts;
  book: TWeightBook;
  cube: TCube;
  tetDays: Int32Array;
  trees: Map<string, TTreeEntry>;
};

/** The tree of (version, scope), built once. */
export const getTree = (context: TIipContext, version: TWeightVersion, scope: string): TTreeEntry => {
  const key = `${version.version}\u0000${scope}`;
  let entry = context.trees.get(key);
  if (!entry) {
    const tree = buildIipTree({ version, scope, productIndexOf: context.products.indexOf, vsic4Of: context.products.vsic4Of });
    const inBasket = new Uint8Array(context.products.codes.length);
    for (const item of tree.productItems) inBasket[item] = 1;
    entry = { tree, state: createTreeState(tree), inBasket };
    context.trees.set(key, entry);
  }
  return entry;
};

/** Tết days in a span. */
export const sumTetDays = (context: TIipContext, span: TSpan): number => {
  let days = 0;
  for (let m = span.first; m <= span.last; m += 1) {
    const offset = m - context.cube.firstMonth;
    if (offset >= 0 && offset < context.tetDays.length) days += context.tetDays[offset];
  }
  return days;
};

/**
 * Fills the product inputs of a tree state for a scope and the spans of a comparison:
 * q1 = Σ_C Q, q0 = Σ_K Q, or for BASE (no K) q0 = base_annual_qty / 12 × |C| (0 when not given).
 */
export const loadQuantities = (context: TIipContext, state: TTreeState, scopeIndex: number, current: TSpan, comparison: TSpan | null): void => {
  const { cube } = context;
  const { productItems, baseAnnualQty } = state.tree;
  const months = current.last - current.first + 1;
  for (let j = 0; j < productItems.length; j += 1) {
    const item = productItems[j];
    const qtyRow = getCubeRowOffset(cube, LAYER_QTY, scopeIndex, item);
    const impRow = getCubeRowOffset(cube, LAYER_IMPUTED, scopeIndex, item);
    state.q1[j] = sumSpan(cube, qtyRow, current.first, current.last);
    state.imputed1[j] = sumSpan(cube, impRow, current.first, current.last);
    if (comparison) state.q0[j] = sumSpan(cube, qtyRow, comparison.first, comparison.last);
    else state.q0[j] = Number.isNaN(baseAnnualQty[j]) ? 0 : (baseAnnualQty[j] / 12) * months;
  }
};
