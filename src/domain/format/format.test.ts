import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EMPTY, formatDate, formatDateTime, formatNumber, formatPercent, roundHalfUp } from './format';

describe('roundHalfUp', () => {
  it('snaps to 9 decimals before rounding half up', () => {
    assert.equal(roundHalfUp(107.74999999999999, 2), 107.75);
    assert.equal(roundHalfUp(1.005, 2), 1.01);
    assert.equal(roundHalfUp(0.1 + 0.2, 1), 0.3);
    assert.equal(roundHalfUp(2.5, 0), 3);
    assert.equal(roundHalfUp(2.4999999999, 0), 3);
    assert.equal(roundHalfUp(2.499999999, 0), 2);
  });
  it('rounds half away from zero for negative values and never returns -0', () => {
    assert.equal(roundHalfUp(-2.5, 0), -3);
    assert.equal(roundHalfUp(-1.005, 2), -1.01);
    assert.ok(Object.is(roundHalfUp(-0.001, 2), 0));
  });
  it('carries across the decimal point', () => {
    assert.equal(roundHalfUp(9.995, 2), 10);
    assert.equal(roundHalfUp(99.5, 0), 100);
  });
  it('rejects invalid decimals and passes non-finite values through', () => {
    assert.throws(() => roundHalfUp(1, 10), RangeError);
    assert.throws(() => roundHalfUp(1, 1.5), RangeError);
    assert.ok(Number.isNaN(roundHalfUp(Number.NaN, 2)));
  });
});

describe('formatNumber', () => {
  it('uses Vietnamese separators', () => {
    assert.equal(formatNumber(1234.5, { locale: 'vi' }), '1.234,5');
    assert.equal(formatNumber(1234.5, { locale: 'vi', decimals: 1 }), '1.234,5');
    assert.equal(formatNumber(1234567.891, { locale: 'vi', decimals: 2 }), '1.234.567,89');
    assert.equal(formatNumber(107.74999999999999, { locale: 'vi', decimals: 2 }), '107,75');
  });
  it('uses English separators', () => {
    assert.equal(formatNumber(1234.5, { locale: 'en' }), '1,234.5');
    assert.equal(formatNumber(1234.5, { locale: 'en', decimals: 2 }), '1,234.50');
    assert.equal(formatNumber(107.74999999999999, { locale: 'en', decimals: 2 }), '107.75');
  });
  it('shows integers without decimals and trims trailing zeros when decimals is omitted', () => {
    assert.equal(formatNumber(3, { locale: 'vi' }), '3');
    assert.equal(formatNumber(1000, { locale: 'vi' }), '1.000');
    assert.equal(formatNumber(0.1 + 0.2, { locale: 'en' }), '0.3');
    assert.equal(formatNumber(999, { locale: 'en', decimals: 0 }), '999');
    assert.equal(formatNumber(999.5, { locale: 'en', decimals: 0 }), '1,000');
  });
  it('formats negative values and drops the sign of a value rounded to zero', () => {
    assert.equal(formatNumber(-1234.5, { locale: 'vi', decimals: 0 }), '-1.235');
    assert.equal(formatNumber(-0.001, { locale: 'vi', decimals: 2 }), '0,00');
    assert.equal(formatNumber(-0, { locale: 'en' }), '0');
  });
  it('handles very large values', () => {
    assert.equal(formatNumber(1e21, { locale: 'en' }), '1,000,000,000,000,000,000,000');
  });
  it('shows missing values as an em dash', () => {
    assert.equal(formatNumber(null, { locale: 'vi' }), EMPTY);
    assert.equal(formatNumber(undefined, { locale: 'vi' }), EMPTY);
    assert.equal(formatNumber(Number.NaN, { locale: 'vi' }), EMPTY);
    assert.equal(formatNumber(Number.POSITIVE_INFINITY, { locale: 'en' }), EMPTY);
  });
});

describe('formatPercent', () => {
  it('formats a percentage value with 2 decimals by default', () => {
    assert.equal(formatPercent(7.14, { locale: 'vi' }), '7,14%');
    assert.equal(formatPercent(7.14, { locale: 'en' }), '7.14%');
    assert.equal(formatPercent(7.145, { locale: 'vi' }), '7,15%');
  });
  it('accepts other decimals', () => {
    assert.equal(formatPercent(107.74999999999999, { locale: 'vi', decimals: 1 }), '107,8%');
    assert.equal(formatPercent(1234.5, { locale: 'en', decimals: 0 }), '1,235%');
  });
  it('shows missing values as an em dash', () => {
    assert.equal(formatPercent(null, { locale: 'vi' }), EMPTY);
  });
});

describe('formatDate', () => {
  it('formats a date-only string without time zone shift', () => {
    assert.equal(formatDate('2025-07-01', { locale: 'vi' }), '01/07/2025');
    assert.equal(formatDate('2025-07-01', { locale: 'en' }), '2025-07-01');
  });
  it('formats an instant as its date in Vietnam time', () => {
    // 17:30 UTC on 30 June is 00:30 on 1 July in Vietnam.
    assert.equal(formatDate('2025-06-30T17:30:00Z', { locale: 'vi' }), '01/07/2025');
    assert.equal(formatDate(new Date(Date.UTC(2025, 5, 30, 16, 59)), { locale: 'en' }), '2025-06-30');
  });
  it('rejects invalid dates', () => {
    assert.throws(() => formatDate('2025-02-30', { locale: 'vi' }), RangeError);
    assert.throws(() => formatDate('not a date', { locale: 'vi' }), RangeError);
  });
  it('shows missing values as an em dash', () => {
    assert.equal(formatDate(null, { locale: 'vi' }), EMPTY);
  });
});

describe('formatDateTime', () => {
  it('shows the time in Vietnam time whatever the machine time zone', () => {
    assert.equal(formatDateTime('2025-06-30T17:05:09Z', { locale: 'vi' }), '01/07/2025 00:05');
    assert.equal(formatDateTime('2025-06-30T17:05:09Z', { locale: 'en', seconds: true }), '2025-07-01 00:05:09');
    assert.equal(formatDateTime('2025-01-15T08:00:00+07:00', { locale: 'vi' }), '15/01/2025 08:00');
    assert.equal(formatDateTime(new Date(Date.UTC(2024, 11, 31, 23, 59, 59)), { locale: 'vi', seconds: true }), '01/01/2025 06:59:59');
  });
  it('treats a date-only string as midnight of that date', () => {
    assert.equal(formatDateTime('2025-07-01', { locale: 'vi' }), '01/07/2025 00:00');
  });
  it('rejects invalid dates and shows missing values as an em dash', () => {
    assert.throws(() => formatDateTime('2025-13-01T00:00:00Z', { locale: 'vi' }), RangeError);
    assert.equal(formatDateTime(undefined, { locale: 'en' }), EMPTY);
  });
});
