import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatFixed10, formatGrowthPub, formatIndexPub, roundHalfUp } from './stats-rounding';

test('the worked tie of §4.6: 43.1/40 × 100 held as 107.74999999999999 publishes 107.75 and 7.8', () => {
  for (const index of [107.74999999999999, 107.75, 107.75000000000001, (100 * 43.1) / 40.0]) {
    assert.equal(formatIndexPub(index), '107.75');
    assert.equal(formatGrowthPub(index), '7.8');
  }
  // Rounding the binary value naively gives 7.7: the snap to 9 decimals is what makes it 7.8.
  assert.equal((107.74999999999999 - 100).toFixed(1), '7.7');
});

test('roundHalfUp rounds ties away from zero after snapping to 9 decimals', () => {
  assert.equal(roundHalfUp(2.675, 2), '2.68'); // binary 2.67499999999999982…
  assert.equal(roundHalfUp(-7.25, 1), '-7.3');
  assert.equal(roundHalfUp(-2.5, 0), '-3');
  assert.equal(roundHalfUp(0.5, 0), '1');
  assert.equal(roundHalfUp(99.995, 2), '100.00');
  assert.equal(roundHalfUp(9.95, 1), '10.0');
  assert.equal(roundHalfUp(99.9999999996, 2), '100.00');
  assert.equal(roundHalfUp(1234.5644999, 2), '1234.56');
});

test('roundHalfUp writes a result that rounds to zero without a minus sign', () => {
  assert.equal(roundHalfUp(-0.04, 1), '0.0');
  assert.equal(roundHalfUp(-0.05, 1), '-0.1');
  assert.equal(formatGrowthPub(99.9575695859), '0.0');
  assert.equal(formatGrowthPub(0), '-100.0');
});

test('roundHalfUp rejects non-finite numbers and bad decimals', () => {
  assert.throws(() => roundHalfUp(Number.NaN, 1), RangeError);
  assert.throws(() => roundHalfUp(1, 9), RangeError);
});

test('formatFixed10 is %.10f without negative zero', () => {
  assert.equal(formatFixed10(104.1666666666667), '104.1666666667');
  assert.equal(formatFixed10(-0), '0.0000000000');
  assert.equal(formatFixed10(-1e-12), '0.0000000000');
  assert.equal(formatFixed10(33035), '33035.0000000000');
});
