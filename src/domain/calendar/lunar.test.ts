import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CalendarRangeError,
  convertLunarToSolar,
  convertSolarToLunar,
  getLeapMonth,
  getLunarMonthLength,
  hungKingsDate,
  isoFromJdn,
  isoWeekdayOfJdn,
  jdnFromIso,
  jdnFromLunar,
  lunarFromJdn,
  parseIsoDate,
  tetDate,
} from './lunar';

/**
 * Tết (lunar 1/1) 1901–2100 as MMDD, from the python-holidays tables (Chinese lunar new year
 * table with its Vietnamese-calendar exceptions 1903, 1916, 1935, 1965, 1968, 1969, 1985, 2007,
 * 2030, 2053 applied), one decade per line.
 */
const TET_1901_2100 = `
0219 0208 0128 0216 0204 0125 0213 0202 0122 0210
0130 0218 0206 0126 0214 0203 0123 0211 0201 0220
0208 0128 0216 0205 0124 0213 0202 0123 0210 0130
0217 0206 0126 0214 0203 0124 0211 0131 0219 0208
0127 0215 0205 0125 0213 0202 0122 0210 0129 0217
0206 0127 0214 0203 0124 0212 0131 0218 0208 0128
0215 0205 0125 0213 0201 0121 0209 0129 0216 0206
0127 0215 0203 0123 0211 0131 0218 0207 0128 0216
0205 0125 0213 0202 0121 0209 0129 0217 0206 0127
0215 0204 0123 0210 0131 0219 0207 0128 0216 0205
0124 0212 0201 0122 0209 0129 0217 0207 0126 0214
0203 0123 0210 0131 0219 0208 0128 0216 0205 0125
0212 0201 0122 0210 0129 0217 0206 0126 0213 0202
0123 0211 0131 0219 0208 0128 0215 0204 0124 0212
0201 0122 0210 0130 0217 0206 0126 0214 0202 0123
0211 0201 0218 0208 0128 0215 0204 0124 0212 0202
0121 0209 0129 0217 0205 0126 0214 0203 0123 0211
0131 0219 0207 0127 0215 0205 0124 0212 0202 0122
0209 0129 0217 0206 0126 0214 0203 0124 0210 0130
0218 0207 0127 0215 0205 0125 0212 0201 0121 0209`;

/**
 * Giỗ Tổ Hùng Vương (10/3 lunar) 1901–2100 as MMDD, from the python-holidays tables with the
 * Vietnamese-calendar exceptions 1916, 1917, 1939, 1975, 2009, 2037, 2038, 2085, 2086, 2095, 2100.
 */
const HUNG_KINGS_1901_2100 = `
0428 0417 0407 0425 0414 0403 0422 0410 0429 0419
0408 0426 0416 0405 0423 0411 0401 0420 0410 0428
0417 0406 0425 0413 0402 0421 0411 0429 0419 0408
0427 0415 0404 0423 0412 0401 0420 0410 0428 0417
0406 0424 0414 0402 0421 0411 0430 0418 0407 0426
0415 0404 0423 0412 0402 0420 0409 0428 0417 0405
0424 0414 0403 0421 0411 0331 0419 0407 0426 0415
0405 0423 0412 0402 0420 0409 0427 0416 0406 0424
0414 0403 0422 0410 0429 0418 0407 0425 0415 0405
0424 0412 0401 0420 0409 0427 0416 0406 0425 0414
0403 0422 0411 0428 0418 0407 0426 0415 0404 0423
0412 0331 0419 0409 0428 0416 0406 0425 0414 0402
0421 0410 0429 0418 0407 0426 0416 0404 0423 0412
0401 0419 0409 0428 0417 0406 0424 0413 0403 0420
0410 0429 0419 0407 0426 0415 0404 0422 0411 0401
0420 0409 0428 0417 0406 0424 0413 0402 0421 0410
0331 0419 0408 0426 0415 0404 0423 0411 0401 0420
0409 0427 0416 0405 0424 0413 0402 0421 0411 0330
0418 0407 0426 0414 0403 0422 0412 0401 0420 0409
0428 0416 0405 0424 0413 0402 0421 0411 0429 0418`;

const expandTable = (table: string): Map<number, string> => {
  const codes = table.trim().split(/\s+/);
  assert.equal(codes.length, 200);
  return new Map(codes.map((mmdd, i) => [1901 + i, `${1901 + i}-${mmdd.slice(0, 2)}-${mmdd.slice(2)}`]));
};

describe('lunar calendar: Tết and Hùng Kings', () => {
  it('gives the Tết dates of the spec 2015–2030 (Vietnam 2030-02-02, not China 2030-02-03)', () => {
    const expected = [
      '2015-02-19', '2016-02-08', '2017-01-28', '2018-02-16', '2019-02-05', '2020-01-25', '2021-02-12', '2022-02-01',
      '2023-01-22', '2024-02-10', '2025-01-29', '2026-02-17', '2027-02-06', '2028-01-26', '2029-02-13', '2030-02-02',
    ];
    assert.deepEqual(expected.map((_, i) => tetDate(2015 + i)), expected);
  });

  it('gives the Vietnamese (UTC+7) Tết where it differs from China', () => {
    assert.equal(tetDate(1985), '1985-01-21');
    assert.equal(tetDate(2007), '2007-02-17');
    assert.equal(tetDate(1968), '1968-01-29');
    assert.equal(tetDate(2053), '2053-02-18');
  });

  it('gives the Hùng Kings dates of spec table §6.5', () => {
    const expected = [
      '2015-04-28', '2016-04-16', '2017-04-06', '2018-04-25', '2019-04-14', '2020-04-02', '2021-04-21', '2022-04-10',
      '2023-04-29', '2024-04-18', '2025-04-07', '2026-04-26', '2027-04-16', '2028-04-04', '2029-04-23', '2030-04-12',
    ];
    assert.deepEqual(expected.map((_, i) => hungKingsDate(2015 + i)), expected);
  });

  it('matches the python-holidays Vietnamese Tết table for every year 1901–2100', () => {
    for (const [year, date] of expandTable(TET_1901_2100)) assert.equal(tetDate(year), date, `Tết ${year}`);
  });

  it('matches the python-holidays Vietnamese Hùng Kings table for every year 1901–2100', () => {
    for (const [year, date] of expandTable(HUNG_KINGS_1901_2100)) assert.equal(hungKingsDate(year), date, `Hùng Kings ${year}`);
  });

  it('takes Hùng Kings in the regular month 3 when month 3 is leap (2031: leap 3)', () => {
    assert.equal(getLeapMonth(2031), 3);
    assert.equal(hungKingsDate(2031), '2031-04-01');
    assert.equal(convertLunarToSolar({ day: 10, month: 3, year: 2031, leap: true }), '2031-04-30');
  });
});

describe('lunar calendar: leap months and conversions', () => {
  it('finds the leap months of recent years', () => {
    const leaps: Record<number, number> = { 2012: 4, 2014: 9, 2017: 6, 2020: 4, 2023: 2, 2025: 6, 2028: 5, 2031: 3, 2033: 11 };
    for (const [year, month] of Object.entries(leaps)) assert.equal(getLeapMonth(Number(year)), month, `leap month of ${year}`);
    for (const year of [2015, 2016, 2018, 2019, 2021, 2022, 2024, 2026, 2027]) assert.equal(getLeapMonth(year), 0, `no leap month in ${year}`);
  });

  it('converts dates inside leap months', () => {
    assert.deepEqual(convertSolarToLunar('2020-05-23'), { day: 1, month: 4, year: 2020, leap: true });
    assert.deepEqual(convertSolarToLunar('2023-03-22'), { day: 1, month: 2, year: 2023, leap: true });
    assert.deepEqual(convertSolarToLunar('2025-07-25'), { day: 1, month: 6, year: 2025, leap: true });
    assert.deepEqual(convertSolarToLunar('2025-08-22'), { day: 29, month: 6, year: 2025, leap: true });
    assert.deepEqual(convertSolarToLunar('2025-08-23'), { day: 1, month: 7, year: 2025, leap: false });
    assert.equal(convertLunarToSolar({ day: 1, month: 6, year: 2025, leap: true }), '2025-07-25');
  });

  it('converts ordinary dates (solar↔lunar pairs)', () => {
    assert.deepEqual(convertSolarToLunar('2025-01-28'), { day: 29, month: 12, year: 2024, leap: false });
    assert.deepEqual(convertSolarToLunar('2024-09-17'), { day: 15, month: 8, year: 2024, leap: false });
    assert.deepEqual(convertSolarToLunar('2000-01-01'), { day: 25, month: 11, year: 1999, leap: false });
    assert.deepEqual(convertSolarToLunar('2026-02-16'), { day: 29, month: 12, year: 2025, leap: false });
    assert.equal(convertLunarToSolar({ day: 15, month: 8, year: 2025, leap: false }), '2025-10-06');
  });

  it('works at both ends of the supported range', () => {
    assert.deepEqual(convertSolarToLunar('1900-01-31'), { day: 1, month: 1, year: 1900, leap: false });
    assert.deepEqual(convertSolarToLunar('2100-12-31'), { day: 1, month: 12, year: 2100, leap: false });
    assert.equal(tetDate(1900), '1900-01-31');
    assert.equal(tetDate(2100), '2100-02-09');
  });

  it('rejects dates outside 1900-01-31..2100-12-31 and malformed dates with a clear error', () => {
    assert.throws(() => convertSolarToLunar('1900-01-30'), CalendarRangeError);
    assert.throws(() => convertSolarToLunar('2101-01-01'), /outside the supported range 1900-01-31\.\.2100-12-31/);
    assert.throws(() => convertSolarToLunar('2025-02-29'), /not a valid date/);
    assert.throws(() => convertSolarToLunar('2025-4-1'), /not a valid date/);
    assert.throws(() => tetDate(1899), CalendarRangeError);
    assert.throws(() => tetDate(2101), CalendarRangeError);
  });

  it('rejects lunar dates that do not exist', () => {
    assert.throws(() => convertLunarToSolar({ day: 1, month: 5, year: 2025, leap: true }), /does not exist/);
    assert.equal(getLunarMonthLength(2025, 1), 30);
    assert.equal(getLunarMonthLength(2025, 2), 29);
    assert.equal(getLunarMonthLength(2025, 5, true), undefined);
    assert.throws(() => convertLunarToSolar({ day: 30, month: 2, year: 2025, leap: false }), /does not exist/);
    assert.throws(() => convertLunarToSolar({ day: 0, month: 1, year: 2025, leap: false }), /does not exist/);
  });

  it('round-trips solar→lunar→solar for every day 1900-01-31..2100-12-31 with consistent months', () => {
    const first = jdnFromIso('1900-01-31');
    const last = jdnFromIso('2100-12-31');
    let previous = lunarFromJdn(first);
    let monthsInYear = 1;
    for (let jdn = first; jdn <= last; jdn++) {
      const lunar = lunarFromJdn(jdn);
      assert.equal(jdnFromLunar(lunar), jdn);
      if (jdn > first) {
        if (lunar.day === 1) {
          assert.ok(previous.day === 29 || previous.day === 30, `month before ${isoFromJdn(jdn)} has ${previous.day} days`);
          if (lunar.month === 1 && !lunar.leap) {
            assert.equal(lunar.year, previous.year + 1);
            assert.ok(monthsInYear === 12 || monthsInYear === 13, `lunar year ${previous.year} has ${monthsInYear} months`);
            assert.equal(monthsInYear === 13, getLeapMonth(previous.year) > 0);
            monthsInYear = 1;
          } else {
            monthsInYear++;
            assert.equal(lunar.year, previous.year);
            assert.equal(lunar.month, lunar.leap ? previous.month : previous.month + 1);
          }
        } else {
          assert.equal(lunar.day, previous.day + 1);
        }
      }
      previous = lunar;
    }
  });
});

describe('date helpers', () => {
  it('parses strict ISO dates and computes weekdays', () => {
    assert.equal(parseIsoDate('2024-02-29'), jdnFromIso('2024-02-29'));
    assert.equal(parseIsoDate('2023-02-29'), undefined);
    assert.equal(parseIsoDate('2023-1-01'), undefined);
    assert.equal(isoFromJdn(jdnFromIso('1900-03-01') - 1), '1900-02-28');
    assert.equal(isoWeekdayOfJdn(jdnFromIso('2025-04-24')), 4);
    assert.equal(isoWeekdayOfJdn(jdnFromIso('2026-02-15')), 7);
  });
});
