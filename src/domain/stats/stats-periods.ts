/**
 * Periods and comparison spans (§5). A month is held as an integer `year × 12 + (month − 1)`.
 */
import { StatsInputError } from './stats-errors';
import type { TComparison } from './stats.types';

const PERIOD_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** True when `text` is a `YYYY-MM` period. */
export const isPeriod = (text: string): boolean => PERIOD_RE.test(text);

/** `YYYY-MM` → month number; throws a RangeError for a malformed period. */
export const parsePeriod = (text: string): number => {
  const match = PERIOD_RE.exec(text);
  if (!match) throw new RangeError(`not a YYYY-MM period: "${text}"`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
};

/** Month number → `YYYY-MM`. */
export const formatPeriod = (month: number): string => {
  const year = Math.floor(month / 12);
  const mm = month - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${mm < 10 ? '0' : ''}${mm}`;
};

/** Calendar year of a month number. */
export const yearOf = (month: number): number => Math.floor(month / 12);

/** Month of the year, 1..12. */
export const monthOfYear = (month: number): number => month - yearOf(month) * 12 + 1;

/** An inclusive span of months `[first, last]`. */
export type TSpan = { first: number; last: number };

/** The spans of a comparison. */
export type TComparisonSpans = { current: TSpan; comparison: TSpan | null };

/**
 * Current span C and comparison span K of a comparison at month t (§5):
 * BASE {t} / base-year monthly average (K = null); MOM {t} / {t−1}; YOY {t} / {t−12};
 * YTD {Jan_y … t} / {Jan_(y−1) … t−12}; QOY {t−2 … t} / {t−14 … t−12} (only at Mar/Jun/Sep/Dec,
 * else `null`). BASE_LINKED has the spans of BASE.
 */
export const getComparisonSpans = (comparison: TComparison, t: number): TComparisonSpans | null => {
  switch (comparison) {
    case 'BASE':
    case 'BASE_LINKED':
      return { current: { first: t, last: t }, comparison: null };
    case 'MOM':
      return { current: { first: t, last: t }, comparison: { first: t - 1, last: t - 1 } };
    case 'YOY':
      return { current: { first: t, last: t }, comparison: { first: t - 12, last: t - 12 } };
    case 'YTD': {
      const january = yearOf(t) * 12;
      return { current: { first: january, last: t }, comparison: { first: january - 12, last: t - 12 } };
    }
    case 'QOY':
      if (monthOfYear(t) % 3 !== 0) return null;
      return { current: { first: t - 2, last: t }, comparison: { first: t - 14, last: t - 12 } };
  }
};

/** The earliest month any comparison at month t looks at (YTD: January of the previous year). */
export const getEarliestNeededMonth = (t: number): number => Math.min(yearOf(t) * 12 - 12, t - 14);

/** Parses a range period of the options; throws a {@link StatsInputError} naming the parameter. */
export const parseRangePeriod = (text: string, name: string): number => {
  if (!isPeriod(text)) throw new StatsInputError({ file: 'options', column: name }, `expected a YYYY-MM period, got "${text}"`);
  return parsePeriod(text);
};
