import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createHolidayCalendar, parseHolidayCsv } from '../calendar/holidays';
import { createWorkCalendar, formatVnTimestamp, toEpochMs } from '../calendar/workdays';
import { apologyDeadline, classifyUrgency, computeDue, countOfficeMs, dueAfterResume, dueSoonLimit } from './deadlines';

const CAL = createWorkCalendar(createHolidayCalendar({ officialEntries: parseHolidayCsv(readFileSync(new URL('../../../reference/holidays-2019-2030.csv', import.meta.url), 'utf8')) }));
const vn = (ms: number) => formatVnTimestamp(ms);
const WD5 = { value: 5, unit: 'WORKING_DAY' } as const;

describe('case deadlines', () => {
  it('due date of a working-day limit skips holidays and counts the swapped Saturday (spec §2.2 example)', () => {
    assert.equal(vn(computeDue(CAL, { startAt: '2025-04-24T09:00', limit: WD5 }).dueAtMs), '2025-05-05T17:00:00+07:00');
    // Received after office close: the effective receipt day is the next working day.
    assert.equal(computeDue(CAL, { startAt: '2026-02-12T17:30', limit: { value: 3, unit: 'WORKING_DAY' } }).dueDate, '2026-02-25');
  });

  it('RESTART: a complete supplement restarts the limit from zero at its receipt (ND61 Đ19.4)', () => {
    const due = computeDue(CAL, { startAt: '2025-04-24T09:00', limit: WD5 }).dueAtMs;
    const restarted = dueAfterResume(CAL, { rule: 'RESTART', limit: WD5, dueAt: due, pausedAt: '2025-04-25T10:00', resumedAt: '2025-05-06T08:00' });
    assert.equal(vn(restarted), '2025-05-13T17:00:00+07:00');
  });

  it('PAUSE: the working days lost are added; calendar days for CALENDAR_DAY; office hours for WORKING_HOUR', () => {
    const due = toEpochMs('2025-05-05T17:00');
    // Paused Fri 25/4 → resumed Tue 29/4: working days after 25/4 up to 29/4 are Sat 26/4 (swapped), Mon 28/4, Tue 29/4 → 3.
    assert.equal(vn(dueAfterResume(CAL, { rule: 'PAUSE', limit: WD5, dueAt: due, pausedAt: '2025-04-25T10:00', resumedAt: '2025-04-29T10:00' })), '2025-05-08T17:00:00+07:00');
    const cal = dueAfterResume(CAL, { rule: 'PAUSE', limit: { value: 10, unit: 'CALENDAR_DAY' }, dueAt: '2025-06-10T17:00', pausedAt: '2025-06-02T09:00', resumedAt: '2025-06-05T09:00' });
    assert.equal(vn(cal), '2025-06-13T17:00:00+07:00');
    // Lands on Saturday → next working day.
    assert.equal(vn(dueAfterResume(CAL, { rule: 'PAUSE', limit: { value: 10, unit: 'CALENDAR_DAY' }, dueAt: '2025-06-10T17:00', pausedAt: '2025-06-02T09:00', resumedAt: '2025-06-06T09:00' })), '2025-06-16T17:00:00+07:00');
    const hours = dueAfterResume(CAL, { rule: 'PAUSE', limit: { value: 8, unit: 'WORKING_HOUR' }, dueAt: '2025-06-03T11:00', pausedAt: '2025-06-02T09:00', resumedAt: '2025-06-02T10:00' });
    assert.equal(vn(hours), '2025-06-03T14:00:00+07:00', '11:00–11:30 then 13:30–14:00');
    assert.equal(dueAfterResume(CAL, { rule: 'NONE', limit: WD5, dueAt: due, pausedAt: '2025-04-25T10:00', resumedAt: '2025-04-29T10:00' }), due);
  });

  it('counts office time only on working days inside sessions', () => {
    assert.equal(countOfficeMs(CAL, '2025-06-02T06:00', '2025-06-02T18:00'), 8 * 3_600_000);
    assert.equal(countOfficeMs(CAL, '2025-06-06T16:00', '2025-06-09T08:00'), 2 * 3_600_000, 'Fri 16–17 + Mon 07–08');
    assert.equal(countOfficeMs(CAL, '2025-04-30T08:00', '2025-05-02T17:00'), 0, 'holidays and the swapped day off');
  });

  it('urgency for the work queues: overdue, due soon within N working days, paused', () => {
    const now = '2025-04-24T09:00';
    assert.equal(classifyUrgency(CAL, { dueAt: '2025-04-24T08:00', now, dueSoonWorkingDays: 2 }), 'OVERDUE');
    assert.equal(classifyUrgency(CAL, { dueAt: '2025-04-26T17:00', now, dueSoonWorkingDays: 2 }), 'DUE_SOON', 'the swapped Saturday is the 2nd working day');
    assert.equal(classifyUrgency(CAL, { dueAt: '2025-04-28T17:00', now, dueSoonWorkingDays: 2 }), 'ON_TRACK');
    assert.equal(classifyUrgency(CAL, { dueAt: '2025-04-24T08:00', pausedAt: '2025-04-20T08:00', now, dueSoonWorkingDays: 2 }), 'PAUSED');
    assert.equal(classifyUrgency(CAL, { dueAt: null, now, dueSoonWorkingDays: 2 }), 'NO_DEADLINE');
    assert.equal(vn(dueSoonLimit(CAL, now, 0)), '2025-04-24T23:59:59.999+07:00');
  });

  it('the apology is due one working day before the due date (spec §2.4)', () => {
    assert.equal(apologyDeadline(CAL, '2025-05-05T17:00'), '2025-04-29');
    assert.equal(apologyDeadline(CAL, '2026-01-06T17:00'), '2026-01-05');
  });
});
