/**
 * Fast lookups for mapping many input rows to integer indices without per-row regex or
 * repeated hashing of the same key.
 */
import { StatsInputError } from './stats-errors';
import { isPeriod, parsePeriod } from './stats-periods';

/** Map lookup that remembers the last key (rows of one enterprise usually come together). */
export const createCachedLookup = <V>(map: ReadonlyMap<string, V>): ((key: string) => V | undefined) => {
  let lastKey: string | undefined;
  let lastValue: V | undefined;
  return (key) => {
    if (key !== lastKey) {
      lastKey = key;
      lastValue = map.get(key);
    }
    return lastValue;
  };
};

/** `YYYY-MM` → month number, memoized; a malformed period throws a located {@link StatsInputError}. */
export const createPeriodParser = (file: string, column: string): ((text: string) => number) => {
  const cache = new Map<string, number>();
  return (text) => {
    let month = cache.get(text);
    if (month === undefined) {
      if (!isPeriod(text)) throw new StatsInputError({ file, column }, `expected a YYYY-MM period, got "${text}"`);
      month = parsePeriod(text);
      cache.set(text, month);
    }
    return month;
  };
};
