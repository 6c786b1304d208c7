/**
 * Linking of the BASE series across weight versions (§8.3):
 *
 *     factor(v_0) = 1
 *     factor(v_j) = factor(v_{j−1}) × [mean over the 12 months m of base year v_j of BASE_{v_{j−1}}(m)] / 100
 *     BASE_LINKED(t) = BASE_{v(t)}(t) × factor(v(t))
 *
 * per scope and per node, v_0 being the version in force at the reference period.
 */
import { getTree, loadQuantities, type TIipContext } from './stats-iip-context';
import { evaluateTree } from './stats-iip-tree';
import { formatPeriod } from './stats-periods';
import { getVersionAt, type TIipTree, type TWeightBook, type TWeightVersion } from './stats-weights';

/** Linking state of one computation. */
export type TLinker = {
  /** Versions in force between the reference period and `to`, in order; empty when no linking. */
  chain: TWeightVersion[];
  /** Per scope: factor maps per chain position (null = chain broken from there on). */
  factors: Map<number, (Map<string, number> | null)[]>;
};

/** The versions in force from `linkFrom` to `to`; linking happens only when there are two or more. */
export const createLinker = (book: TWeightBook, linkFrom: number, to: number): TLinker => {
  const chain: TWeightVersion[] = [];
  for (let t = linkFrom; t <= to; t += 1) {
    const version = getVersionAt(book, t);
    if (version && chain[chain.length - 1] !== version) chain.push(version);
  }
  return { chain: chain.length > 1 ? chain : [], factors: new Map() };
};

/** Months (month numbers) the linking factors need: the base years of the later versions. */
export const getLinkMonths = (linker: TLinker): { first: number; last: number } | null => {
  const years = linker.chain.slice(1).map((version) => version.version);
  if (years.length === 0) return null;
  return { first: Math.min(...years) * 12, last: Math.max(...years) * 12 + 11 };
};

const nodeKey = (level: number, code: string): string => `${level}:${code}`;

/**
 * factor(v_0) = 1; factor(v_j) = factor(v_{j−1}) × mean over the 12 months of base year v_j of
 * BASE_{v_{j−1}}(m) / 100, per node. Months where the node is undefined, and months without any
 * production in the scope (no data), are left out of the mean.
 */
export const getLinkFactors = (context: TIipContext, linker: TLinker, scopeIndex: number, position: number): Map<string, number> | null => {
  let perScope = linker.factors.get(scopeIndex);
  if (!perScope) {
    perScope = [new Map()];
    linker.factors.set(scopeIndex, perScope);
  }
  for (let j = perScope.length; j <= position; j += 1) {
    const previousFactors = perScope[j - 1];
    const previousVersion = linker.chain[j - 1];
    const scope = context.frame.scopes[scopeIndex];
    const { tree, state } = getTree(context, previousVersion, scope);
    if (previousFactors === null || !tree.hasBase) {
      perScope.push(null);
      continue;
    }
    const sums = new Map<string, { sum: number; count: number }>();
    const baseYear = linker.chain[j].version;
    for (let m = baseYear * 12; m < baseYear * 12 + 12; m += 1) {
      loadQuantities(context, state, scopeIndex, { first: m, last: m }, null);
      if (state.q1.every((quantity) => quantity === 0)) continue; // no data for the month in this scope
      evaluateTree(state, { period: formatPeriod(m), comparison: 'BASE' });
      for (let level = 0; level < 5; level += 1) {
        tree.levels[level].codes.forEach((code, n) => {
          const value = state.index[level][n];
          if (Number.isNaN(value)) return;
          const key = nodeKey(level, code);
          const acc = sums.get(key) ?? { sum: 0, count: 0 };
          acc.sum += value;
          acc.count += 1;
          sums.set(key, acc);
        });
      }
    }
    const factors = new Map<string, number>();
    for (const [key, { sum, count }] of sums) {
      const before = j === 1 ? 1 : (previousFactors.get(key) ?? Number.NaN);
      factors.set(key, (before * (sum / count)) / 100);
    }
    perScope.push(factors);
  }
  return perScope[position];
};

/** Factor arrays aligned with a tree's nodes (1 for the reference version). */
export const alignFactors = (tree: TIipTree, position: number, factors: Map<string, number>): Float64Array[] =>
  tree.levels.map(({ codes }, level) => Float64Array.from(codes, (code) => (position === 0 ? 1 : (factors.get(nodeKey(level, code)) ?? Number.NaN))));
