/**
 * Locale-aware formatting of numbers, percentages and dates, shared by the web app and the server
 * (exports, e-mails, reports). Pure functions, no dependency on the machine locale or time zone.
 *
 * Conventions:
 * - `vi`: thousands separator `.`, decimal separator `,` → `1.234,5`, `7,14%`, dates `dd/mm/yyyy`.
 * - `en`: thousands separator `,`, decimal separator `.` → `1,234.5`, `7.14%`, dates `yyyy-mm-dd`
 *   (ISO 8601, chosen because `dd/mm/yyyy` and `mm/dd/yyyy` are ambiguous for English readers).
 * - Rounding (statistics spec): the value is first snapped to 9 decimals with `x.toFixed(9)`, then
 *   rounded half away from zero on the decimal digits, so 107.74999999999999 → 107,75 and
 *   -2.5 → -3 (decimals 0). A result that rounds to zero is shown without a minus sign.
 * - Date-times are shown in Vietnam time (UTC+7, no daylight saving) whatever the machine time zone.
 * - `null`, `undefined` and non-finite numbers are shown as {@link EMPTY} (an em dash).
 */

export type TLocale = 'vi' | 'en';

/** Shown for a missing value (null, undefined, NaN, ±Infinity). */
export const EMPTY = '—';

const SEPARATORS: Record<TLocale, { group: string; decimal: string }> = {
  vi: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

const SNAP_DECIMALS = 9;
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

export type TNumberOptions = {
  locale: TLocale;
  /**
   * Exact number of decimals (0..9). When omitted the value is shown with up to 9 decimals
   * and trailing zeros removed (1234.5 → `1.234,5`, 3 → `3`).
   */
  decimals?: number;
};

export type TPercentOptions = {
  locale: TLocale;
  /** Exact number of decimals (0..9), 2 by default. */
  decimals?: number;
};

export type TDateOptions = { locale: TLocale };

export type TDateTimeOptions = {
  locale: TLocale;
  /** Include seconds (`HH:mm:ss`), false by default (`HH:mm`). */
  seconds?: boolean;
};

const checkDecimals = (decimals: number): void => {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > SNAP_DECIMALS) {
    throw new RangeError(`decimals must be an integer between 0 and ${SNAP_DECIMALS}, got ${decimals}`);
  }
};

/** Digits of |x| snapped to 9 decimals: integer part and exactly 9 fraction digits. */
const snappedDigits = (x: number): { integer: string; fraction: string } => {
  const abs = Math.abs(x);
  // toFixed switches to exponent notation from 1e21; such values are integers in binary64.
  const fixed = abs >= 1e21 ? `${BigInt(abs).toString()}.${'0'.repeat(SNAP_DECIMALS)}` : abs.toFixed(SNAP_DECIMALS);
  const [integer, fraction] = fixed.split('.');
  return { integer, fraction };
};

/** Adds one unit to the last digit of a string of decimal digits ("199" → "200", "99" → "100"). */
const incrementDigits = (digits: string): string => {
  const chars = digits.split('');
  for (let i = chars.length - 1; i >= 0; i -= 1) {
    if (chars[i] === '9') {
      chars[i] = '0';
    } else {
      chars[i] = String(Number(chars[i]) + 1);
      return chars.join('');
    }
  }
  return `1${chars.join('')}`;
};

/**
 * Rounds x half away from zero to `decimals` decimals after snapping to 9 decimals.
 * Returns the sign and the digit strings (fraction has exactly `decimals` digits).
 */
const roundDigits = (x: number, decimals: number): { negative: boolean; integer: string; fraction: string } => {
  const { integer, fraction } = snappedDigits(x);
  const all = integer + fraction.slice(0, decimals);
  const roundsUp = decimals < SNAP_DECIMALS && fraction.charCodeAt(decimals) >= '5'.charCodeAt(0);
  const rounded = roundsUp ? incrementDigits(all) : all;
  const integerLength = rounded.length - decimals;
  const roundedInteger = rounded.slice(0, integerLength).replace(/^0+(?=\d)/, '');
  const roundedFraction = rounded.slice(integerLength);
  const isZero = /^0*$/.test(roundedInteger + roundedFraction);
  return { negative: x < 0 && !isZero, integer: roundedInteger, fraction: roundedFraction };
};

const groupThousands = (integer: string, separator: string): string => integer.replace(/\B(?=(\d{3})+(?!\d))/g, separator);

/**
 * Rounds half away from zero after snapping to 9 decimals (the statistics spec rule).
 * roundHalfUp(107.74999999999999, 2) === 107.75; roundHalfUp(-2.5, 0) === -3.
 */
export const roundHalfUp = (x: number, decimals: number): number => {
  checkDecimals(decimals);
  if (!Number.isFinite(x)) return x;
  const { negative, integer, fraction } = roundDigits(x, decimals);
  const value = Number(fraction ? `${integer}.${fraction}` : integer);
  return negative ? -value : value;
};

/** `formatNumber(1234.5, {locale: 'vi'})` → `1.234,5`; `formatNumber(1234.5, {locale: 'en', decimals: 2})` → `1,234.50`. */
export const formatNumber = (x: number | null | undefined, options: TNumberOptions): string => {
  if (x === null || x === undefined || !Number.isFinite(x)) return EMPTY;
  const { group, decimal } = SEPARATORS[options.locale];
  const decimals = options.decimals ?? SNAP_DECIMALS;
  checkDecimals(decimals);
  const rounded = roundDigits(x, decimals);
  const fraction = options.decimals === undefined ? rounded.fraction.replace(/0+$/, '') : rounded.fraction;
  const body = groupThousands(rounded.integer, group) + (fraction ? decimal + fraction : '');
  return rounded.negative ? `-${body}` : body;
};

/**
 * Formats a value that is already a percentage (7.14 → `7,14%`, not 0.0714).
 * `formatPercent(7.1449, {locale: 'vi'})` → `7,14%`; `formatPercent(107.75, {locale: 'en', decimals: 1})` → `107.8%`.
 */
export const formatPercent = (x: number | null | undefined, options: TPercentOptions): string => {
  if (x === null || x === undefined || !Number.isFinite(x)) return EMPTY;
  return `${formatNumber(x, { locale: options.locale, decimals: options.decimals ?? 2 })}%`;
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

type TParts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Calendar parts of an instant in Vietnam time (UTC+7, no daylight saving). */
const vietnamParts = (date: Date): TParts => {
  const shifted = new Date(date.getTime() + VIETNAM_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
};

const toDate = (value: string | Date): Date => {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Invalid date: ${String(value)}`);
  return date;
};

/**
 * Parts of a date-only string `YYYY-MM-DD` (a calendar date, no time zone conversion), or of an
 * instant (Date or ISO date-time string) in Vietnam time.
 */
const toParts = (value: string | Date): TParts => {
  const match = typeof value === 'string' ? DATE_ONLY.exec(value) : null;
  if (!match) return vietnamParts(toDate(value));
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`Invalid date: ${value}`);
  }
  return { year, month, day, hour: 0, minute: 0, second: 0 };
};

const datePart = (parts: TParts, locale: TLocale): string =>
  locale === 'vi'
    ? `${pad(parts.day)}/${pad(parts.month)}/${pad(parts.year, 4)}`
    : `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}`;

/**
 * A calendar date: vi `dd/mm/yyyy`, en `yyyy-mm-dd`.
 * A `YYYY-MM-DD` string is shown as is (no time zone shift); a Date or ISO date-time is shown as its
 * date in Vietnam time. Throws RangeError on an invalid date.
 */
export const formatDate = (value: string | Date | null | undefined, options: TDateOptions): string => {
  if (value === null || value === undefined) return EMPTY;
  return datePart(toParts(value), options.locale);
};

/**
 * A date and time in Vietnam time (UTC+7): vi `dd/mm/yyyy HH:mm`, en `yyyy-mm-dd HH:mm`
 * (`:ss` added with `seconds: true`). Throws RangeError on an invalid date.
 */
export const formatDateTime = (value: string | Date | null | undefined, options: TDateTimeOptions): string => {
  if (value === null || value === undefined) return EMPTY;
  const parts = toParts(value);
  const time = `${pad(parts.hour)}:${pad(parts.minute)}${options.seconds ? `:${pad(parts.second)}` : ''}`;
  return `${datePart(parts, options.locale)} ${time}`;
};
