import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createHolidayCalendar, parseHolidayCsv } from '../calendar/holidays';
import { createWorkCalendar } from '../calendar/workdays';
import { averageRounded, roundHalfUp } from './rounding';
import type { TDossierFact } from './service-index.types';
import { classifyDossiers, classifyLegal, classifyNational, groupKey, summariseOnTime } from './timeliness';

const CAL = createWorkCalendar(createHolidayCalendar({ officialEntries: parseHolidayCsv(readFileSync(new URL('../../../reference/holidays-2019-2030.csv', import.meta.url), 'utf8')) }));

/** Received Thu 24/04/2025 09:00; 5 working days → due Mon 05/05/2025 17:00 (spec §2.2 worked example). */
const base: TDossierFact = {
  id: 1,
  procedureId: 10,
  unitId: 7,
  channel: 'DIRECT',
  receivedAt: '2025-04-24T09:00',
  dueAt: '2025-05-05T17:00',
  legalTime: { value: 5, unit: 'WORKING_DAY' },
  outcome: 'APPROVED',
  endAt: '2025-05-05T16:00',
  supplements: [],
};
const fact = (over: Partial<TDossierFact>): TDossierFact => ({ ...base, ...over });

describe('rounding', () => {
  it('rounds half away from zero despite binary fractions', () => {
    assert.equal(roundHalfUp(1.15, 1), 1.2);
    assert.equal(roundHalfUp(2.675, 2), 2.68);
    assert.equal(roundHalfUp(1.25, 1), 1.3);
    assert.equal(roundHalfUp(1.24999, 1), 1.2);
    assert.equal(roundHalfUp(-1.25, 1), -1.3);
    assert.equal(roundHalfUp(0, 2), 0);
  });
  it('averages integer sums exactly', () => {
    assert.equal(averageRounded(5, 4, 1), 1.3); // 1.25 → 1.3
    assert.equal(averageRounded(4, 3, 1), 1.3); // 1.333…
    assert.equal(averageRounded(2, 3, 1), 0.7); // 0.666…
    assert.equal(averageRounded(0, 3, 1), 0);
    assert.equal(averageRounded(6, 3, 1), 2);
    assert.throws(() => averageRounded(1, 0, 1), RangeError);
  });
});

describe('legal classification (ND 61 / TT 01)', () => {
  it('early before the due date, on time on the due date until dueAt, late after', () => {
    assert.equal(classifyLegal(fact({ endAt: '2025-05-02T10:00' }), '2025-06-01'), 'EARLY'); // a swapped day off, still before the due date
    assert.equal(classifyLegal(fact({ endAt: '2025-05-05T08:00' }), '2025-06-01'), 'ON_TIME');
    assert.equal(classifyLegal(fact({ endAt: '2025-05-05T17:00' }), '2025-06-01'), 'ON_TIME'); // exactly at dueAt
    assert.equal(classifyLegal(fact({ endAt: '2025-05-05T17:01' }), '2025-06-01'), 'LATE'); // same date, after dueAt
    assert.equal(classifyLegal(fact({ endAt: '2025-05-06T08:00' }), '2025-06-01'), 'LATE');
  });
  it('uses the due date when the due time is 24:00', () => {
    assert.equal(classifyLegal(fact({ dueAt: '2025-05-06T00:00', dueDate: '2025-05-05', endAt: '2025-05-05T22:00' }), '2025-06-01'), 'ON_TIME');
  });
  it('in progress: in time until dueAt, overdue after; stopped is not classified', () => {
    assert.equal(classifyLegal(fact({ outcome: 'IN_PROGRESS', endAt: null }), '2025-05-05T17:00'), 'IN_TIME');
    assert.equal(classifyLegal(fact({ outcome: 'IN_PROGRESS', endAt: null }), '2025-05-05T17:01'), 'OVERDUE');
    assert.equal(classifyLegal(fact({ outcome: 'STOPPED', endAt: '2025-05-09T08:00' }), '2025-06-01'), 'STOPPED');
  });
  it('a dossier without a deadline (immediate result) is on time / in time', () => {
    assert.equal(classifyLegal(fact({ dueAt: null, endAt: '2025-04-24T09:30' }), '2025-06-01'), 'ON_TIME');
    assert.equal(classifyLegal(fact({ dueAt: null, outcome: 'IN_PROGRESS', endAt: null }), '2025-06-01'), 'IN_TIME');
  });
});

describe('national-portal classification (766 indicator 2.1)', () => {
  it('subtracts a completed supplement (pause) instead of restarting', () => {
    // 11 days of supplement (25/4 09:00 → 06/5 09:00); end 12/5 10:00 → effective 01/5 10:00 < 05/5.
    const f = fact({ endAt: '2025-05-12T10:00', supplements: [{ requestedAt: '2025-04-25T09:00', completedAt: '2025-05-06T09:00' }] });
    assert.equal(classifyNational(CAL, f, '2025-06-01'), 'EARLY');
    // Without the pause the same end would be late.
    assert.equal(classifyNational(CAL, fact({ endAt: '2025-05-12T10:00' }), '2025-06-01'), 'LATE');
  });
  it('more than one supplement request is late, even when finished early', () => {
    const f = fact({ endAt: '2025-04-28T10:00', supplements: [{ requestedAt: '2025-04-25T09:00', completedAt: '2025-04-25T10:00' }, { requestedAt: '2025-04-25T11:00', completedAt: '2025-04-25T12:00' }] });
    assert.equal(classifyNational(CAL, f, '2025-06-01'), 'LATE');
    assert.equal(classifyLegal(f, '2025-06-01'), 'EARLY');
  });
  it('one open supplement ends the dossier at the request; unfinished dossiers end at the period end', () => {
    assert.equal(classifyNational(CAL, fact({ outcome: 'IN_PROGRESS', endAt: null, supplements: [{ requestedAt: '2025-04-28T09:00', completedAt: null }] }), '2025-06-30'), 'EARLY');
    assert.equal(classifyNational(CAL, fact({ outcome: 'IN_PROGRESS', endAt: null }), '2025-05-05T17:00'), 'ON_TIME');
    assert.equal(classifyNational(CAL, fact({ outcome: 'IN_PROGRESS', endAt: null }), '2025-05-31T23:59'), 'LATE');
  });
  it('compares with the appointment when given, else with the legal time', () => {
    // Appointment one day later than the legal due.
    assert.equal(classifyNational(CAL, fact({ appointmentAt: '2025-05-06T17:00', endAt: '2025-05-06T10:00' }), '2025-06-01'), 'ON_TIME');
    assert.equal(classifyNational(CAL, fact({ dueAt: null, appointmentAt: null, endAt: '2025-05-05T16:00' }), '2025-06-01'), 'ON_TIME'); // computed 05/05 17:00
    assert.equal(classifyNational(CAL, fact({ dueAt: null, appointmentAt: null, endAt: '2025-05-06T08:00' }), '2025-06-01'), 'LATE');
    assert.equal(classifyNational(CAL, fact({ dueAt: null, appointmentAt: null, legalTime: null, endAt: '2025-05-06T08:00' }), '2025-06-01'), 'ON_TIME'); // immediate result
  });
});

describe('on-time table', () => {
  const facts: TDossierFact[] = [
    fact({ id: 1, endAt: '2025-05-02T10:00' }), // early
    fact({ id: 2, endAt: '2025-05-05T10:00', channel: 'ONLINE' }), // on time
    fact({ id: 3, endAt: '2025-05-06T10:00', channel: 'ONLINE', procedureId: 11 }), // late
    fact({ id: 4, outcome: 'IN_PROGRESS', endAt: null, receivedAt: '2025-05-20T09:00', dueAt: '2025-05-27T17:00' }), // in time at 25/5
    fact({ id: 5, outcome: 'IN_PROGRESS', endAt: null, receivedAt: '2025-05-02T09:00', dueAt: '2025-05-09T17:00', channel: 'POSTAL' }), // overdue at 25/5
    fact({ id: 6, outcome: 'STOPPED', endAt: '2025-04-25T10:00', unitId: null }),
  ];
  const classified = classifyDossiers(CAL, facts, { asOf: '2025-05-25T12:00', periodEnd: '2025-05-31T23:59' });

  it('counts each class and rates finished dossiers (legal) and every dossier (national)', () => {
    const { total } = summariseOnTime(classified, 'all');
    assert.deepEqual(
      { ...total },
      {
        key: 'total',
        received: 6,
        finished: 3,
        early: 1,
        onTime: 1,
        late: 1,
        inProgress: 2,
        inTime: 1,
        overdue: 1,
        stopped: 1,
        onTimeRate: 2 / 3,
        // national: 1, 2, 4 (ended at asOf 25/5, before its appointment), 6 (stopped 25/4) on time; 3 and 5 late
        nationalEarlyOrOnTime: 4,
        nationalLate: 2,
        nationalOnTimeRate: 4 / 6,
      },
    );
  });
  it('groups by channel, procedure, unit and period', () => {
    const byChannel = summariseOnTime(classified, 'channel').rows;
    assert.deepEqual(
      byChannel.map((r) => [r.key, r.received, r.finished, r.onTimeRate]),
      [
        ['DIRECT', 3, 1, 1],
        ['ONLINE', 2, 2, 0.5],
        ['POSTAL', 1, 0, null],
      ],
    );
    assert.deepEqual(
      summariseOnTime(classified, 'procedure').rows.map((r) => [r.key, r.received]),
      [
        ['10', 5],
        ['11', 1],
      ],
    );
    assert.deepEqual(
      summariseOnTime(classified, 'unit').rows.map((r) => [r.key, r.received]),
      [
        ['', 1],
        ['7', 5],
      ],
    );
    assert.deepEqual(
      summariseOnTime(classified, 'month').rows.map((r) => [r.key, r.received]),
      [
        ['2025-04', 4],
        ['2025-05', 2],
      ],
    );
  });
  it('uses Vietnam dates for periods (23:30 UTC on 31 March is 1 April in Vietnam)', () => {
    assert.equal(groupKey(fact({ receivedAt: '2025-03-31T23:30:00Z' }), 'month'), '2025-04');
    assert.equal(groupKey(fact({ receivedAt: '2025-03-31T23:30:00Z' }), 'quarter'), '2025-Q2');
    assert.equal(groupKey(fact({ receivedAt: '2025-03-31T16:59:00Z' }), 'quarter'), '2025-Q1');
    assert.equal(groupKey(fact({ receivedAt: '2025-12-31T17:00:00Z' }), 'year'), '2026');
  });
  it('an empty input gives an empty table and no rates', () => {
    const { rows, total } = summariseOnTime([], 'procedure');
    assert.deepEqual(rows, []);
    assert.equal(total.received, 0);
    assert.equal(total.onTimeRate, null);
    assert.equal(total.nationalOnTimeRate, null);
  });
});

describe('stored classifications', () => {
  it('are used for finished dossiers and ignored for dossiers in progress', () => {
    const stored = fact({ endAt: '2025-05-02T10:00', legalTimeliness: 'LATE', nationalTimeliness: 'LATE' });
    assert.equal(classifyLegal(stored, '2025-06-01'), 'LATE');
    assert.equal(classifyNational(CAL, stored, '2025-06-01'), 'LATE');
    const open = fact({ outcome: 'IN_PROGRESS', endAt: null, legalTimeliness: 'LATE', nationalTimeliness: 'LATE' });
    assert.equal(classifyLegal(open, '2025-05-01'), 'IN_TIME');
    assert.equal(classifyNational(CAL, open, '2025-05-01'), 'EARLY');
  });
});

describe('on-time table from SQL aggregates and classified dossiers', () => {
  it('adds the aggregated counts to the dossiers classified here', () => {
    const items = classifyDossiers(CAL, [fact({ id: 1, channel: 'ONLINE', outcome: 'IN_PROGRESS', endAt: null })], { asOf: '2025-05-01T12:00', periodEnd: '2025-05-31' });
    const aggregate = { key: 'ONLINE', received: 4, finished: 3, early: 1, onTime: 1, late: 1, inProgress: 0, inTime: 0, overdue: 0, stopped: 1, nationalEarlyOrOnTime: 3, nationalLate: 1 };
    const { rows, total } = summariseOnTime(items, 'channel', [aggregate, { ...aggregate, key: 'DIRECT', received: 1, finished: 1, early: 1, onTime: 0, late: 0, stopped: 0, nationalEarlyOrOnTime: 1, nationalLate: 0 }]);
    assert.deepEqual(
      rows.map((r) => [r.key, r.received, r.finished, r.inTime, r.onTimeRate, r.nationalOnTimeRate]),
      [
        ['DIRECT', 1, 1, 0, 1, 1],
        ['ONLINE', 5, 3, 1, 2 / 3, 4 / 5],
      ],
    );
    assert.equal(total.received, 6);
    assert.equal(total.nationalLate, 1);
  });
});
