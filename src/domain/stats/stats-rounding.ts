/**
 * Publication rounding (§4.6) and fixed-point formatting (§9).
 *
 * `round(x, d)`: snap x to 9 decimals half-up (removes binary noise: 107.74999999999999 → 107.75),
 * then round half-up (ties away from zero) to d decimals. Implemented on the decimal string of
 * `x.toFixed(9)`, so no further binary arithmetic is involved.
 */

/** Adds one unit in the last place of an unsigned decimal string ("107.7" → "107.8", "9.9" → "10.0"). */
const incrementDecimal = (text: string): string => {
  const chars = text.split('');
  for (let i = chars.length - 1; i >= 0; i -= 1) {
    if (chars[i] === '.') continue;
    if (chars[i] !== '9') {
      chars[i] = String.fromCharCode(chars[i].charCodeAt(0) + 1);
      return chars.join('');
    }
    chars[i] = '0';
  }
  return '1' + chars.join('');
};

const hasNonZeroDigit = (text: string): boolean => {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code > 48 && code <= 57) return true;
  }
  return false;
};

/**
 * Rounds x half-up (away from zero) to `decimals` (0..8) after snapping it to 9 decimals.
 * Returns the decimal string, e.g. `roundHalfUp(107.74999999999999, 1) === '107.8'`.
 * A result that rounds to zero is written without a minus sign.
 */
export const roundHalfUp = (x: number, decimals: number): string => {
  if (!Number.isFinite(x)) throw new RangeError(`roundHalfUp: not a finite number: ${x}`);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 8) throw new RangeError(`roundHalfUp: decimals ${decimals}`);
  const snapped = Math.abs(x).toFixed(9); // e.g. "107.750000000"
  const dot = snapped.length - 10;
  const cut = decimals === 0 ? dot : dot + 1 + decimals;
  const firstDropped = snapped.charCodeAt(decimals === 0 ? dot + 1 : cut);
  const kept = snapped.slice(0, cut);
  const body = firstDropped >= 53 ? incrementDecimal(kept) : kept; // dropped digit >= '5': up
  return x < 0 && hasNonZeroDigit(body) ? `-${body}` : body;
};

/** The number value of {@link roundHalfUp}. */
export const roundHalfUpNumber = (x: number, decimals: number): number => Number(roundHalfUp(x, decimals));

/** `%.10f`: the format of every full-precision column (§9). */
export const formatFixed10 = (x: number): string => {
  const text = x.toFixed(10);
  return text === '-0.0000000000' ? '0.0000000000' : text;
};

/** Published index: `round(index, 2)` (§4.6 default). */
export const formatIndexPub = (index: number): string => roundHalfUp(index, 2);

/** Published growth: `round(index − 100, 1)`, from the unrounded index (§4.6). */
export const formatGrowthPub = (index: number, decimals = 1): string => roundHalfUp(index - 100, decimals);
