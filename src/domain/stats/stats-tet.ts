/**
 * Tết days per month (§7): the number of days of the Lunar New Year holiday window that fall in
 * each month, so every output row can show `tet_days_cur` and `tet_days_cmp`.
 */
import { tetDate } from '../calendar/lunar';
import { yearOf } from './stats-periods';
import type { TTetWindow } from './stats.types';

/** Default window around day 1 of Tết [ENG]: day 1 − 2 … day 1 + 4 (7 days). */
export const TET_WINDOW_DAYS_BEFORE = 2;
export const TET_WINDOW_DAYS_AFTER = 4;

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` → days since 1970-01-01 (UTC, no time zone involved). */
const dayNumberOf = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
};

/** Days since 1970-01-01 → month number (`year × 12 + month − 1`). */
const monthOfDayNumber = (day: number): number => {
  const date = new Date(day * DAY_MS);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
};

/** The default window of a year from its day 1: [day1 − 2, day1 + 4]. */
export const getDefaultTetWindow = (year: number, dayOne: (year: number) => string = tetDate): TTetWindow | null => {
  let first: string;
  try {
    first = dayOne(year);
  } catch (error) {
    if (error instanceof RangeError) return null; // outside the calendar's range: no window
    throw error;
  }
  const day = dayNumberOf(first);
  const iso = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);
  return { year, start: iso(day - TET_WINDOW_DAYS_BEFORE), end: iso(day + TET_WINDOW_DAYS_AFTER) };
};

export type TTetDaysOptions = {
  /** First month (month number) to cover. */
  firstMonth: number;
  /** Last month (month number) to cover. */
  lastMonth: number;
  /** Windows that replace the default one of their year. */
  overrides?: readonly TTetWindow[];
  /** Day 1 of the lunar year; default: the Vietnamese lunar calendar (UTC+7). */
  dayOne?: (year: number) => string;
};

/**
 * Tết days per month for months `firstMonth..lastMonth`: element `m − firstMonth` is the number of
 * days of any year's window (override or default) falling in month m.
 */
export const buildTetDaysByMonth = ({ firstMonth, lastMonth, overrides = [], dayOne = tetDate }: TTetDaysOptions): Int32Array => {
  const days = new Int32Array(Math.max(0, lastMonth - firstMonth + 1));
  const addWindow = ({ start, end }: TTetWindow): void => {
    const last = dayNumberOf(end);
    for (let day = dayNumberOf(start); day <= last; day += 1) {
      const month = monthOfDayNumber(day);
      if (month >= firstMonth && month <= lastMonth) days[month - firstMonth] += 1;
    }
  };
  const overridden = new Set(overrides.map((window) => window.year));
  overrides.forEach(addWindow);
  for (let year = yearOf(firstMonth) - 1; year <= yearOf(lastMonth) + 1; year += 1) {
    if (overridden.has(year)) continue;
    const window = getDefaultTetWindow(year, dayOne);
    if (window) addWindow(window);
  }
  return days;
};

/**
 * True when a row needs the "Tết shift" note of §7: a MOM, YOY or QOY comparison whose current
 * and comparison spans hold different numbers of Tết days (point users to YTD at February).
 */
export const isTetShift = ({ comparison, tetDaysCur, tetDaysCmp }: { comparison: string; tetDaysCur: number; tetDaysCmp: number | null }): boolean =>
  (comparison === 'MOM' || comparison === 'YOY' || comparison === 'QOY') && tetDaysCmp !== null && tetDaysCur !== tetDaysCmp;
