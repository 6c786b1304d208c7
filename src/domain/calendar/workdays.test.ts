import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createHolidayCalendar, parseHolidayCsv } from './holidays';
import { isoFromJdn, isoWeekdayOfJdn, jdnFromIso } from './lunar';
import {
  addOfficeHours,
  addWorkingDays,
  classifyInProgress,
  classifyNationalPortal,
  classifyTimeliness,
  computeDeadline,
  countWorkingDays,
  createWorkCalendar,
  formatVnTimestamp,
  getDayStatus,
  getEffectiveReceiptDay,
  getYearGrid,
  isWorkingDay,
  nextWorkingDay,
  nextWorkingMoment,
  scoreTimeliness,
  selectEndTime,
  toEpochMs,
  type TTimeliness,
} from './workdays';

const CSV_TEXT = readFileSync(new URL('../../../reference/holidays-2019-2030.csv', import.meta.url), 'utf8');
const OFFICIAL = parseHolidayCsv(CSV_TEXT);
const CAL = createWorkCalendar(createHolidayCalendar({ officialEntries: OFFICIAL }));

/** Naive reference of spec §6.3 over the CSV rows (years 2019–2030 only). */
const DAYS_OFF = new Set(OFFICIAL.filter((e) => e.kind !== 'swap_workday').map((e) => e.date));
const SWAP_WORKDAYS = new Set(OFFICIAL.filter((e) => e.kind === 'swap_workday').map((e) => e.date));
const isWorkingNaive = (jdn: number): boolean => {
  const date = isoFromJdn(jdn);
  return SWAP_WORKDAYS.has(date) || (isoWeekdayOfJdn(jdn) <= 5 && !DAYS_OFF.has(date));
};
const addNaive = (r: string, n: number): string => {
  let d = jdnFromIso(r);
  let left = n;
  while (left > 0) {
    d++;
    if (isWorkingNaive(d)) left--;
  }
  return isoFromJdn(d);
};

/** Deterministic pseudo-random numbers (LCG). */
const makeRandom = (seed: number): (() => number) => {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
};

describe('addWorkingDays', () => {
  it('computes the three worked examples of spec §2.2', () => {
    assert.equal(addWorkingDays(CAL, '2025-04-24', 5), '2025-05-05');
    assert.equal(addWorkingDays(CAL, '2026-02-12', 3), '2026-02-24');
    assert.equal(addWorkingDays(CAL, '2025-12-31', 2), '2026-01-06');
  });

  it('does not count R, returns R for n = 0, and steps over weekends', () => {
    assert.equal(addWorkingDays(CAL, '2025-04-24', 0), '2025-04-24');
    assert.equal(addWorkingDays(CAL, '2025-04-24', 1), '2025-04-25');
    assert.equal(addWorkingDays(CAL, '2025-04-25', 1), '2025-04-26'); // make-up Saturday
    assert.equal(addWorkingDays(CAL, '2025-06-06', 1), '2025-06-09');
    assert.equal(addWorkingDays(CAL, '2025-06-07', 1), '2025-06-09'); // from a Saturday
    assert.equal(nextWorkingDay(CAL, '2026-02-13'), '2026-02-23');
  });

  it('agrees with the naive day-by-day algorithm for 20,000 random additions 2019–2029', () => {
    const random = makeRandom(42);
    const first = jdnFromIso('2019-01-01');
    const span = jdnFromIso('2029-06-30') - first;
    for (let i = 0; i < 20_000; i++) {
      const r = isoFromJdn(first + Math.floor(random() * span));
      const n = Math.floor(random() * 120);
      assert.equal(addWorkingDays(CAL, r, n), addNaive(r, n), `${r} + ${n}`);
    }
  });

  it('uses the statutory rules outside the CSV years, across year ends', () => {
    assert.equal(addWorkingDays(CAL, '2030-12-31', 1), '2031-01-02'); // 1/1/2031 Wednesday
    // Tết 2031 by rule: Tue 21 – Sat 25/1 off, make-up Mon 27/1 for Sat 25/1 → Mon 20, Tue 28, Wed 29
    assert.equal(addWorkingDays(CAL, '2031-01-17', 3), '2031-01-29');
    assert.equal(addWorkingDays(CAL, '2018-12-28', 1), '2018-12-31');
    assert.equal(addWorkingDays(CAL, '2018-12-28', 2), '2019-01-02');
  });

  it('rejects negative or fractional counts and years outside 1900..2100', () => {
    assert.throws(() => addWorkingDays(CAL, '2025-01-01', -1), RangeError);
    assert.throws(() => addWorkingDays(CAL, '2025-01-01', 1.5), RangeError);
    assert.throws(() => addWorkingDays(CAL, '2100-12-30', 5), /outside the supported range/);
    assert.throws(() => addWorkingDays(CAL, '1899-12-31', 1), /outside the supported range/);
  });
});

describe('countWorkingDays and day status', () => {
  it('counts working days in (from, to] and inverts addWorkingDays', () => {
    assert.equal(countWorkingDays(CAL, '2025-04-24', '2025-05-05'), 5);
    assert.equal(countWorkingDays(CAL, '2025-12-31', '2026-01-06'), 2);
    assert.equal(countWorkingDays(CAL, '2025-05-05', '2025-04-24'), -5);
    assert.equal(countWorkingDays(CAL, '2025-05-05', '2025-05-05'), 0);
    const random = makeRandom(7);
    for (let i = 0; i < 2_000; i++) {
      const r = isoFromJdn(jdnFromIso('2015-01-01') + Math.floor(random() * 7000));
      const n = Math.floor(random() * 700);
      assert.equal(countWorkingDays(CAL, r, addWorkingDays(CAL, r, n)), n);
    }
  });

  it('applies swaps, compensatory days and weekends', () => {
    assert.equal(isWorkingDay(CAL, '2025-04-26'), true);
    assert.deepEqual(getDayStatus(CAL, '2025-04-26'), { status: 'SWAP_WORKDAY', name: 'Làm bù cho ngày nghỉ hoán đổi 02/05/2025' });
    assert.equal(getDayStatus(CAL, '2025-05-02').status, 'SWAP_DAY_OFF');
    assert.equal(getDayStatus(CAL, '2023-01-25').status, 'COMPENSATORY');
    assert.equal(getDayStatus(CAL, '2023-01-21').status, 'HOLIDAY');
    assert.equal(getDayStatus(CAL, '2025-06-07').status, 'WEEKEND');
    assert.equal(getDayStatus(CAL, '2025-06-09').status, 'WORKING');
  });

  it('builds the year grid of every date with status and name', () => {
    const grid = getYearGrid(CAL, 2025);
    assert.equal(grid.length, 365);
    assert.deepEqual(grid[0], { date: '2025-01-01', weekday: 3, status: 'HOLIDAY', isWorkingDay: false, name: 'Tết Dương lịch' });
    // 261 weekdays − 12 weekday days off (1/1, 5 Tết, 7/4, 30/4, 1/5, 2/5 swap, 1/9, 2/9) + make-up Saturday 26/4
    assert.equal(grid.filter((d) => d.isWorkingDay).length, 261 - 12 + 1);
    assert.equal(getYearGrid(CAL, 2028).length, 366);
  });

  it('lets an admin override replace a year of the CSV', () => {
    const cal = createWorkCalendar(
      createHolidayCalendar({ officialEntries: OFFICIAL, adminOverrides: [{ year: 2025, entries: [{ date: '2025-04-25', kind: 'swap_day_off', name: 'Test' }] }] }),
    );
    assert.equal(isWorkingDay(cal, '2025-04-25'), false);
    assert.equal(isWorkingDay(cal, '2025-04-30'), true);
    assert.equal(isWorkingDay(cal, '2025-04-26'), false);
  });
});

describe('Vietnam time and office hours', () => {
  it('reads timestamps explicitly in UTC+7, never in the machine time zone', () => {
    assert.equal(toEpochMs('2025-04-24T10:00'), Date.UTC(2025, 3, 24, 3, 0));
    assert.equal(toEpochMs('2025-04-24T10:00:00+07:00'), Date.UTC(2025, 3, 24, 3, 0));
    assert.equal(toEpochMs('2025-04-24T03:00:00Z'), Date.UTC(2025, 3, 24, 3, 0));
    assert.equal(toEpochMs('2025-04-24'), Date.UTC(2025, 3, 23, 17, 0));
    assert.equal(formatVnTimestamp(Date.UTC(2025, 3, 24, 18, 30)), '2025-04-25T01:30:00+07:00');
    assert.throws(() => toEpochMs('24/04/2025'), RangeError);
  });

  it('finds the next working moment', () => {
    const next = (at: string): string => formatVnTimestamp(nextWorkingMoment(CAL, at));
    assert.equal(next('2025-04-24T06:00'), '2025-04-24T07:00:00+07:00');
    assert.equal(next('2025-04-24T09:15'), '2025-04-24T09:15:00+07:00');
    assert.equal(next('2025-04-24T12:00'), '2025-04-24T13:30:00+07:00');
    assert.equal(next('2025-04-24T17:00'), '2025-04-25T07:00:00+07:00');
    assert.equal(next('2025-04-29T18:00'), '2025-05-05T07:00:00+07:00');
  });

  it('computes the effective receipt day R', () => {
    assert.equal(getEffectiveReceiptDay(CAL, '2025-04-24T16:59'), '2025-04-24');
    assert.equal(getEffectiveReceiptDay(CAL, '2025-04-24T17:00'), '2025-04-25');
    assert.equal(getEffectiveReceiptDay(CAL, '2025-04-27T09:00'), '2025-04-28');
    assert.equal(getEffectiveReceiptDay(CAL, '2025-04-24T05:00'), '2025-04-24');
  });

  it('adds office hours across the lunch break, nights and days off', () => {
    const add = (at: string, h: number): string => formatVnTimestamp(addOfficeHours(CAL, at, h));
    assert.equal(add('2025-06-09T10:00', 1), '2025-06-09T11:00:00+07:00');
    assert.equal(add('2025-06-09T10:00', 1.5), '2025-06-09T11:30:00+07:00');
    assert.equal(add('2025-06-09T10:00', 2), '2025-06-09T14:00:00+07:00');
    assert.equal(add('2025-06-09T10:00', 8), '2025-06-10T10:00:00+07:00');
    assert.equal(add('2025-06-13T16:00', 2), '2025-06-16T08:00:00+07:00');
  });
});

describe('computeDeadline', () => {
  it('WORKING_DAY: N-th working day after R at office close', () => {
    const d = computeDeadline(CAL, { receivedAt: '2025-04-24T09:00', legalTime: { value: 5, unit: 'WORKING_DAY' } });
    assert.equal(d.receiptDay, '2025-04-24');
    assert.equal(d.dueDate, '2025-05-05');
    assert.equal(d.dueAt, '2025-05-05T17:00:00+07:00');
    const late = computeDeadline(CAL, { receivedAt: '2025-04-24T17:30', legalTime: { value: 5, unit: 'WORKING_DAY' } });
    assert.equal(late.receiptDay, '2025-04-25');
    assert.equal(late.dueDate, '2025-05-06');
  });

  it('WORKING_DAY with dueTimeOfDay 24:00 and HOUR_PRECISE', () => {
    const midnight = computeDeadline(CAL, { receivedAt: '2025-04-24T09:00', legalTime: { value: 5, unit: 'WORKING_DAY' }, config: { dueTimeOfDay: '24:00' } });
    assert.equal(midnight.dueDate, '2025-05-05');
    assert.equal(midnight.dueAt, '2025-05-06T00:00:00+07:00');
    const precise = computeDeadline(CAL, { receivedAt: '2025-04-24T09:00', legalTime: { value: 2, unit: 'WORKING_DAY' }, config: { hourPrecise: true } });
    assert.equal(precise.dueAt, '2025-04-26T09:00:00+07:00');
    const weekend = computeDeadline(CAL, { receivedAt: '2025-06-07T10:00', legalTime: { value: 1, unit: 'WORKING_DAY' }, config: { hourPrecise: true } });
    assert.equal(weekend.dueAt, '2025-06-09T17:00:00+07:00'); // from Monday 07:00 (opening of R)
  });

  it('CALENDAR_DAY: R + N, moved to the next working day', () => {
    const d = computeDeadline(CAL, { receivedAt: '2025-04-20T09:00', legalTime: { value: 10, unit: 'CALENDAR_DAY' } });
    assert.equal(d.receiptDay, '2025-04-21');
    assert.equal(d.dueDate, '2025-05-05');
    const plain = computeDeadline(CAL, { receivedAt: '2025-06-02T09:00', legalTime: { value: 15, unit: 'CALENDAR_DAY' } });
    assert.equal(plain.dueDate, '2025-06-17');
  });

  it('WORKING_HOUR: H office hours from receipt', () => {
    const d = computeDeadline(CAL, { receivedAt: '2025-04-25T16:00+07:00', legalTime: { value: 4, unit: 'WORKING_HOUR' } });
    assert.equal(d.dueAt, '2025-04-26T10:00:00+07:00');
    const evening = computeDeadline(CAL, { receivedAt: '2025-06-09T20:00', legalTime: { value: 8, unit: 'WORKING_HOUR' } });
    assert.equal(evening.dueAt, '2025-06-10T17:00:00+07:00');
  });
});

describe('classification (spec §2.3)', () => {
  const dueAt = '2025-05-05T17:00:00+07:00';

  it('legal variant: EARLY / ON_TIME / LATE and in-progress', () => {
    assert.equal(classifyTimeliness({ dueAt, processedAt: '2025-05-02T23:59' }), 'EARLY');
    assert.equal(classifyTimeliness({ dueAt, processedAt: '2025-05-05T08:00' }), 'ON_TIME');
    assert.equal(classifyTimeliness({ dueAt, processedAt: '2025-05-05T17:00' }), 'ON_TIME');
    assert.equal(classifyTimeliness({ dueAt, processedAt: '2025-05-05T17:01' }), 'LATE');
    assert.equal(classifyTimeliness({ dueAt, processedAt: '2025-05-06T08:00' }), 'LATE');
    assert.equal(classifyInProgress({ dueAt, now: '2025-05-05T16:00' }), 'IN_TIME');
    assert.equal(classifyInProgress({ dueAt, now: '2025-05-05T17:30' }), 'OVERDUE');
    const classes: TTimeliness[] = ['EARLY', 'ON_TIME', 'LATE'];
    assert.deepEqual(classes.map(scoreTimeliness), [2, 1, 0]);
  });

  it('selects the end time, preferring status 9 over 10', () => {
    assert.equal(selectEndTime({ processedAt: '2025-05-05T10:00', returnedAt: '2025-05-04T10:00' }), toEpochMs('2025-05-05T10:00'));
    assert.equal(selectEndTime({ returnedAt: '2025-05-04T10:00', stoppedAt: '2025-05-03T10:00' }), toEpochMs('2025-05-03T10:00'));
    assert.equal(selectEndTime({}), undefined);
  });

  it('national-portal variant: supplement time subtracted, > 1 supplement request ⇒ LATE', () => {
    const base = { receivedAt: '2025-04-24T09:00', periodEnd: '2025-06-30T23:59', appointmentAt: dueAt };
    assert.equal(classifyNationalPortal(CAL, { ...base, endAt: '2025-05-05T16:00' }).timeliness, 'ON_TIME');
    const paused = classifyNationalPortal(CAL, {
      ...base,
      endAt: '2025-05-08T10:00',
      supplements: [{ requestedAt: '2025-04-28T10:00', completedAt: '2025-05-02T10:00' }],
    });
    assert.equal(paused.timeliness, 'EARLY');
    assert.equal(paused.effectiveEndAt, '2025-05-04T10:00:00+07:00');
    const twice = classifyNationalPortal(CAL, {
      ...base,
      endAt: '2025-04-25T10:00',
      supplements: [{ requestedAt: '2025-04-24T10:00', completedAt: '2025-04-24T11:00' }, { requestedAt: '2025-04-24T12:00' }],
    });
    assert.equal(twice.timeliness, 'LATE');
    assert.equal(twice.reason, 'MULTIPLE_SUPPLEMENTS');
    const open = classifyNationalPortal(CAL, { ...base, supplements: [{ requestedAt: '2025-04-28T10:00' }] });
    assert.equal(open.effectiveEndAt, '2025-04-28T10:00:00+07:00');
    assert.equal(open.timeliness, 'EARLY');
    const unfinished = classifyNationalPortal(CAL, { ...base, appointmentAt: null, legalTime: { value: 5, unit: 'WORKING_DAY' } });
    assert.equal(unfinished.reason, 'COMPARED_WITH_LEGAL_TIME');
    assert.equal(unfinished.dueAt, dueAt);
    assert.equal(unfinished.timeliness, 'LATE');
  });
});
