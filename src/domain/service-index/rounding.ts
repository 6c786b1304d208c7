/** Rounding used by the service index (half away from zero, robust to binary fractions). */

/** Rounds `value` to `decimals` places, half away from zero (1.15 → 1.2, 2.675 → 2.68). */
export const roundHalfUp = (value: number, decimals: number): number => {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** decimals;
  // toPrecision(12) removes the binary representation error of the scaled value (1.15 × 10 = 11.499999…).
  const scaled = Number((Math.abs(value) * factor).toPrecision(12));
  return (Math.sign(value) * Math.round(scaled)) / factor || 0;
};

/** sum ÷ count rounded to `decimals` places half up, exactly for integer sums and counts ≥ 0. */
export const averageRounded = (sum: number, count: number, decimals: number): number => {
  if (count <= 0) throw new RangeError('average of no values');
  if (Number.isInteger(sum) && Number.isInteger(count) && sum >= 0) {
    const factor = 10 ** decimals;
    return Math.floor((2 * sum * factor + count) / (2 * count)) / factor;
  }
  return roundHalfUp(sum / count, decimals);
};
