import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StatsInputError } from './stats-errors';
import { formatPeriod, getComparisonSpans, parsePeriod, parseRangePeriod } from './stats-periods';

const span = (first: string, last: string): { first: number; last: number } => ({ first: parsePeriod(first), last: parsePeriod(last) });

test('periods round-trip and reject malformed text', () => {
  assert.equal(formatPeriod(parsePeriod('2024-01')), '2024-01');
  assert.equal(parsePeriod('2024-01') - parsePeriod('2023-12'), 1);
  assert.throws(() => parsePeriod('2024-13'), RangeError);
  assert.throws(() => parseRangePeriod('2024/01', 'from'), StatsInputError);
});

test('MOM in January compares with December of the previous year', () => {
  assert.deepEqual(getComparisonSpans('MOM', parsePeriod('2024-01')), { current: span('2024-01', '2024-01'), comparison: span('2023-12', '2023-12') });
});

test('YTD restarts in January and spans Jan..t against Jan..t−12 of the previous year', () => {
  assert.deepEqual(getComparisonSpans('YTD', parsePeriod('2024-01')), getComparisonSpans('YOY', parsePeriod('2024-01')));
  assert.deepEqual(getComparisonSpans('YTD', parsePeriod('2024-09')), { current: span('2024-01', '2024-09'), comparison: span('2023-01', '2023-09') });
});

test('QOY exists only at quarter ends', () => {
  assert.equal(getComparisonSpans('QOY', parsePeriod('2024-02')), null);
  assert.deepEqual(getComparisonSpans('QOY', parsePeriod('2024-06')), { current: span('2024-04', '2024-06'), comparison: span('2023-04', '2023-06') });
});

test('BASE has no comparison span', () => {
  assert.deepEqual(getComparisonSpans('BASE', parsePeriod('2024-05')), { current: span('2024-05', '2024-05'), comparison: null });
});
