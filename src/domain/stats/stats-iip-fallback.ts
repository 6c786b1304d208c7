/**
 * Imputation fallback of §6 for production quantities, used when an item has no donors.
 */
import type { TFallbackRatio, TResolveFallback } from './stats-imputation';
import type { TProducts } from './stats-products';
import { getVersionAt, type TWeightBook, type TWeightVersion } from './stats-weights';
import { ALL_SCOPE } from './stats.types';

/**
 * Fallback for item k in month t: the weighted mean (product weights of the ALL basket of the
 * version in force, else the first version) of R over the other products of k's VSIC4 class with
 * a ratio (RATIO_VSIC4_MEAN); else the same over its VSIC2 division (RATIO_VSIC2_MEAN); else 1.0
 * (CARRY_FORWARD).
 */
export const createIipFallback = (book: TWeightBook, products: TProducts): TResolveFallback => {
  const groupOf = (key: (code: string) => string): Int32Array[] => {
    const members = new Map<string, number[]>();
    products.codes.forEach((code, i) => {
      const list = members.get(key(code)) ?? [];
      list.push(i);
      members.set(key(code), list);
    });
    return products.codes.map((code) => Int32Array.from(members.get(key(code)) ?? []));
  };
  const byClass = groupOf((code) => products.vsic4Of.get(code) ?? '');
  const byDivision = groupOf((code) => (products.vsic4Of.get(code) ?? '').slice(0, 2));
  const weightCache = new Map<TWeightVersion, Float64Array>();
  const weightsOf = (version: TWeightVersion): Float64Array => {
    let weights = weightCache.get(version);
    if (!weights) {
      const rows = version.rows.get(ALL_SCOPE)?.get('PRODUCT');
      weights = Float64Array.from(products.codes, (code) => rows?.get(code)?.weight ?? Number.NaN);
      weightCache.set(version, weights);
    }
    return weights;
  };
  const weightedMean = (item: number, group: Int32Array, ratios: Float64Array, weights: Float64Array): number => {
    let sumW = 0;
    let sumWR = 0;
    for (const j of group) {
      if (j === item || Number.isNaN(ratios[j]) || !(weights[j] > 0)) continue;
      sumW += weights[j];
      sumWR += weights[j] * ratios[j];
    }
    return sumW > 0 ? sumWR / sumW : Number.NaN;
  };
  return (item, ratios, month): TFallbackRatio => {
    const version = getVersionAt(book, month) ?? book.versions[0];
    if (version) {
      const weights = weightsOf(version);
      const classMean = weightedMean(item, byClass[item], ratios, weights);
      if (!Number.isNaN(classMean)) return { ratio: classMean, method: 'RATIO_VSIC4_MEAN' };
      const divisionMean = weightedMean(item, byDivision[item], ratios, weights);
      if (!Number.isNaN(divisionMean)) return { ratio: divisionMean, method: 'RATIO_VSIC2_MEAN' };
    }
    return { ratio: 1, method: 'CARRY_FORWARD' };
  };
};
