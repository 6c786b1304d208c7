/**
 * The product list (products.csv) as integer indices, with each product's VSIC class (§2).
 */
import { StatsInputError } from './stats-errors';
import { getSectionOfDivision } from './stats-weights';
import type { TStatsProduct } from './stats.types';

/** Products by index: codes, index by code, VSIC4 class by code. */
export type TProducts = { codes: string[]; indexOf: Map<string, number>; vsic4Of: Map<string, string> };

/**
 * Indexes the products. Throws {@link StatsInputError} for a duplicate code or a class that is
 * not a 4-digit VSIC class of sections B–E.
 */
export const indexProducts = (list: readonly TStatsProduct[]): TProducts => {
  const codes: string[] = [];
  const indexOf = new Map<string, number>();
  const vsic4Of = new Map<string, string>();
  for (const product of list) {
    if (indexOf.has(product.code)) throw new StatsInputError({ file: 'products.csv', column: 'product_code' }, `duplicate product "${product.code}"`);
    if (!/^\d{4}$/.test(product.vsic4) || getSectionOfDivision(product.vsic4.slice(0, 2)) === null) {
      throw new StatsInputError(
        { file: 'products.csv', column: 'vsic4' },
        `product ${product.code}: expected a 4-digit VSIC class of sections B–E (divisions 05–39), got "${product.vsic4}"`,
      );
    }
    indexOf.set(product.code, codes.length);
    codes.push(product.code);
    vsic4Of.set(product.code, product.vsic4);
  }
  return { codes, indexOf, vsic4Of };
};
