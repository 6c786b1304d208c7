import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createHolidayCalendar, parseHolidayCsv } from '../calendar/holidays';
import { createWorkCalendar } from '../calendar/workdays';
import { compute766, count766, DEFAULT_766_CONFIG, empty766Counts, merge766Counts, findMissingComponents, GROUP_MAXIMA_766, INDICATOR_766_IDS, scoreRatio, type TIndicator766Id, type T766Summary } from './index-766';
import type { TCatalogueProcedure, TDossierFact } from './service-index.types';
import { classifyDossiers } from './timeliness';

const CAL = createWorkCalendar(createHolidayCalendar({ officialEntries: parseHolidayCsv(readFileSync(new URL('../../../reference/holidays-2019-2030.csv', import.meta.url), 'utf8')) }));

const procedure = (over: Partial<TCatalogueProcedure>): TCatalogueProcedure => ({
  id: 1,
  code: '1.000001',
  name: 'Thủ tục',
  status: 'PUBLIC',
  onlineLevel: 'NONE',
  missingComponents: [],
  resultIsPaper: true,
  feeBearing: false,
  ...over,
});

/** Received Thu 24/04/2025 09:00, due Mon 05/05/2025 17:00. */
const dossier = (over: Partial<TDossierFact>): TDossierFact => ({
  id: 1,
  procedureId: 1,
  unitId: 1,
  channel: 'DIRECT',
  receivedAt: '2025-04-24T09:00',
  dueAt: '2025-05-05T17:00',
  outcome: 'APPROVED',
  endAt: '2025-04-28T09:00',
  supplements: [],
  resultIsPaper: true,
  electronicResult: false,
  digitised: false,
  ...over,
});

const run = (facts: TDossierFact[], catalogue: TCatalogueProcedure[], config?: Parameters<typeof compute766>[0]['config']): T766Summary =>
  compute766({ counts: count766(CAL, classifyDossiers(CAL, facts, { asOf: '2025-06-15T12:00', periodEnd: '2025-06-30T23:59' })), catalogue, config });
const pick = (summary: T766Summary, id: TIndicator766Id) => {
  const found = summary.indicators.find((i) => i.id === id);
  assert.ok(found, `indicator ${id}`);
  return found;
};

describe('766 weights', () => {
  it('the default weights add up to each group maximum and to 100', () => {
    const sums: Record<number, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
    for (const id of INDICATOR_766_IDS) sums[Number(id[0])] += DEFAULT_766_CONFIG.weights[id].maxPoints ?? 0;
    for (const g of [1, 2, 3, 4, 5] as const) assert.ok(Math.abs(sums[g] - GROUP_MAXIMA_766[g]) < 1e-9, `group ${g}: ${sums[g]}`);
    assert.equal(Object.values(GROUP_MAXIMA_766).reduce((a, b) => a + b, 0), 100);
  });
  it('marks the confirmed weights verified and the shared ones not', () => {
    assert.equal(DEFAULT_766_CONFIG.weights['2.1'].weightVerified, true);
    assert.equal(DEFAULT_766_CONFIG.weights['5.4'].maxPoints, 6);
    assert.equal(DEFAULT_766_CONFIG.weights['3.1'].weightVerified, false);
    assert.equal(DEFAULT_766_CONFIG.weights['3.3'].threshold, 0.5);
  });
});

describe('scoreRatio: max × min(1, ratio ÷ T)', () => {
  const w = { maxPoints: 4.4, threshold: 0.8 };
  it('full points exactly at the threshold and above', () => {
    assert.equal(scoreRatio(4, 5, w), 4.4); // 80 %
    assert.equal(scoreRatio(5, 5, w), 4.4);
    assert.equal(scoreRatio(8, 10, w), 4.4);
  });
  it('proportional below the threshold, rounded to 2 decimals', () => {
    assert.equal(scoreRatio(3, 5, w), 3.3); // 60 % → 0.75 × 4.4
    assert.equal(scoreRatio(79, 100, w), 4.35); // 4.4 × 79/80 = 4.345 → 4.35
    assert.equal(scoreRatio(0, 5, w), 0);
    assert.equal(scoreRatio(1, 3, { maxPoints: 20, threshold: 1 }), 6.67);
  });
  it('no denominator or no weight: no score', () => {
    assert.equal(scoreRatio(0, 0, w), null);
    assert.equal(scoreRatio(1, 2, { maxPoints: null, threshold: 1 }), null);
    assert.throws(() => scoreRatio(1, 2, { maxPoints: 1, threshold: 0 }), RangeError);
  });
});

describe('compute766', () => {
  it('no dossiers and no procedures: every indicator not applicable, no total', () => {
    const s = run([], []);
    assert.deepEqual(
      s.indicators.filter((i) => i.applicable),
      [],
    );
    for (const id of ['1.3', '2.1', '2.2', '3.1', '3.2', '3.3', '4.1', '4.2', '5.4'] as const) assert.equal(pick(s, id).reason, 'NO_DATA', id);
    for (const id of ['1.1', '1.2', '1.4', '4.3', '4.4', '4.5', '5.1', '5.2', '5.3', '3.5', '3.6'] as const) assert.equal(pick(s, id).reason, 'NOT_SUPPORTED', id);
    assert.equal(s.earned, 0);
    assert.equal(s.available, 0);
    assert.equal(s.normalised, null);
    assert.equal(pick(s, '2.1').ratio, null); // never 0 ÷ 0
  });

  it('1.3, 3.1, 3.2 from the catalogue; abolished procedures are left out', () => {
    const catalogue = [
      procedure({ id: 1, onlineLevel: 'FULL' }),
      procedure({ id: 2, onlineLevel: 'PARTIAL', missingComponents: ['sequence'] }),
      procedure({ id: 3, onlineLevel: 'NONE' }),
      procedure({ id: 4, onlineLevel: 'NONE', missingComponents: ['subjects', 'agency'] }),
      procedure({ id: 5, onlineLevel: 'FULL', status: 'ABOLISHED', missingComponents: ['name'] }),
    ];
    const s = run([dossier({ id: 1, procedureId: 1, channel: 'ONLINE' }), dossier({ id: 2, procedureId: 2, channel: 'DIRECT' })], catalogue);
    const i13 = pick(s, '1.3');
    assert.deepEqual([i13.numerator, i13.denominator, i13.ratio], [2, 4, 0.5]);
    assert.equal(i13.score, 2.33); // 14/3 × 0.5 = 2.333…
    const i31 = pick(s, '3.1');
    assert.deepEqual([i31.numerator, i31.denominator], [2, 4]);
    assert.equal(i31.score, 2.75); // 4.4 × 0.5 ÷ 0.8
    const i32 = pick(s, '3.2');
    assert.deepEqual([i32.numerator, i32.denominator], [1, 2]); // procedure 2 is online but received no online dossier
    assert.equal(i32.score, 2.2);
    assert.deepEqual(i32.detail, { unused: [{ procedureId: 2, code: '1.000001' }] });
  });

  it('2.1 national variant, 5.4 satisfaction, 3.3 channel share with a 50 % threshold', () => {
    const facts = [
      dossier({ id: 1, channel: 'ONLINE', endAt: '2025-04-28T09:00', electronicResult: true }), // early
      dossier({ id: 2, channel: 'ONLINE', endAt: '2025-05-05T16:00', electronicResult: true, dislike: true }), // on time, dislike
      dossier({ id: 3, channel: 'ONLINE', endAt: '2025-05-06T09:00', electronicResult: false }), // late; approved paper result without e-result → not counted online
      dossier({ id: 4, channel: 'DIRECT', endAt: '2025-04-29T09:00' }),
      dossier({ id: 5, channel: 'POSTAL', endAt: '2025-04-29T09:00', complaint: true }),
      dossier({ id: 6, channel: 'DIRECT', endAt: '2025-04-29T09:00', supplements: [{ requestedAt: '2025-04-25T09:00', completedAt: '2025-04-25T10:00' }, { requestedAt: '2025-04-25T11:00', completedAt: '2025-04-25T12:00' }] }), // 2 supplements → late
      dossier({ id: 7, channel: 'ONLINE', outcome: 'IN_PROGRESS', endAt: null, receivedAt: '2025-06-10T09:00', dueAt: '2025-06-17T17:00' }), // ends at asOf 15/6 → early
      dossier({ id: 8, channel: 'DIRECT', outcome: 'IN_PROGRESS', endAt: null, receivedAt: '2025-05-10T09:00', dueAt: '2025-05-16T17:00' }), // ends 15/6 → late
      dossier({ id: 9, channel: 'DIRECT' }),
      dossier({ id: 10, channel: 'DIRECT' }),
    ];
    const s = run(facts, [procedure({ id: 1, onlineLevel: 'FULL' })]);
    const i21 = pick(s, '2.1');
    assert.deepEqual([i21.numerator, i21.denominator, i21.ratio, i21.score], [7, 10, 0.7, 14]);
    assert.deepEqual(i21.detail, { variant: 'NATIONAL_PORTAL', early: 6, onTime: 1, late: 3 });
    const i33 = pick(s, '3.3');
    // online 4 of 10, 3 qualify (dossier 3 lacks the e-result; in-progress online dossier 7 counts)
    assert.deepEqual([i33.numerator, i33.denominator, i33.ratio], [3, 10, 0.3]);
    assert.equal(i33.score, 2.64); // 4.4 × 0.3 ÷ 0.5
    assert.equal((i33.detail as { directRatio: number }).directRatio, 0.5);
    assert.equal((i33.detail as { postalRatio: number }).postalRatio, 0.1);
    const i54 = pick(s, '5.4');
    // 100 % − (30 % late + 20 % complaint/dislike) = 50 % → 6 × 0.5 ÷ 0.9
    assert.deepEqual([i54.numerator, i54.denominator, i54.ratio], [5, 10, 0.5]);
    assert.equal(i54.score, 3.33);
  });

  it('5.4 at the 90 % threshold earns the full 6 points; below is proportional; never negative', () => {
    const ten = (late: number, dissatisfied: number): TDossierFact[] =>
      Array.from({ length: 10 }, (_, k) => dossier({ id: k, endAt: k < late ? '2025-05-06T09:00' : '2025-04-28T09:00', dislike: k >= late && k < late + dissatisfied }));
    assert.equal(pick(run(ten(1, 0), []), '5.4').score, 6);
    assert.equal(pick(run(ten(0, 1), []), '5.4').score, 6);
    assert.equal(pick(run(ten(1, 1), []), '5.4').score, 5.33); // 80 % → 6 × 0.8 ÷ 0.9
    assert.equal(pick(run(ten(6, 4), []), '5.4').score, 0);
    const both = Array.from({ length: 4 }, (_, k) => dossier({ id: k, endAt: '2025-05-06T09:00', complaint: true })); // late and complained: rates add up, floored at 0
    assert.equal(pick(run(both, []), '5.4').ratio, 0);
  });

  it('2.2 average handling time of finished dossiers in days and working days, by procedure', () => {
    const s = run(
      [
        dossier({ id: 1, procedureId: 1, endAt: '2025-04-28T09:00' }), // 4 days; working days 25, 26 (make-up Sat), 28 → 3
        dossier({ id: 2, procedureId: 2, outcome: 'REFUSED', endAt: '2025-04-25T21:00' }), // 1.5 days; 1 working day
        dossier({ id: 3, procedureId: 2, outcome: 'STOPPED', endAt: '2025-04-25T09:00' }), // not finished with a result
        dossier({ id: 4, outcome: 'IN_PROGRESS', endAt: null }),
      ],
      [],
    );
    const i22 = pick(s, '2.2');
    assert.equal(i22.denominator, 2);
    assert.equal(i22.value, 2.75);
    assert.equal(i22.score, null);
    assert.deepEqual(i22.detail, {
      averageWorkingDays: 2,
      perProcedure: [
        { procedureId: 1, finished: 1, averageDays: 4, averageWorkingDays: 3 },
        { procedureId: 2, finished: 1, averageDays: 1.5, averageWorkingDays: 1 },
      ],
    });
  });

  it('4.1 e-results of approved paper-result dossiers; 4.2 digitised with e-result over all', () => {
    const s = run(
      [
        dossier({ id: 1, electronicResult: true, digitised: true }),
        dossier({ id: 2, electronicResult: false, digitised: true }),
        dossier({ id: 3, electronicResult: true, digitised: false }),
        dossier({ id: 4, outcome: 'REFUSED', electronicResult: false, digitised: true }),
        dossier({ id: 5, resultIsPaper: false, electronicResult: true, digitised: true }),
      ],
      [],
    );
    const i41 = pick(s, '4.1');
    assert.deepEqual([i41.numerator, i41.denominator], [2, 3]);
    assert.equal(i41.score, 2.93); // 4.4 × 2/3
    const i42 = pick(s, '4.2');
    assert.deepEqual([i42.numerator, i42.denominator, i42.ratio], [2, 5, 0.4]);
    assert.equal(i42.score, 2.2); // 4.4 × 0.4 ÷ 0.8
  });

  it('3.5 and 3.6 only when payment data is recorded', () => {
    const fees = [procedure({ id: 1, feeBearing: true, onlinePaymentIntegrated: true }), procedure({ id: 2, feeBearing: true, onlinePaymentIntegrated: false }), procedure({ id: 3 })];
    const s = run([dossier({ id: 1, feeBearing: true, paidOnline: true }), dossier({ id: 2, feeBearing: true, paidOnline: false }), dossier({ id: 3, feeBearing: false, paidOnline: false })], fees);
    assert.deepEqual([pick(s, '3.5').numerator, pick(s, '3.5').denominator, pick(s, '3.5').score], [1, 2, 2.75]);
    assert.deepEqual([pick(s, '3.6').numerator, pick(s, '3.6').denominator, pick(s, '3.6').score], [1, 2, 2.2]);
    const none = run([dossier({ id: 1 })], [procedure({ id: 1, feeBearing: true })]);
    assert.equal(pick(none, '3.5').reason, 'NOT_SUPPORTED');
    assert.equal(pick(none, '3.6').reason, 'NOT_SUPPORTED');
  });

  it('totals over applicable scored indicators; configuration overrides weights and the sync rate', () => {
    const s = run([dossier({ id: 1, channel: 'ONLINE', electronicResult: true, digitised: true })], [procedure({ id: 1, onlineLevel: 'FULL' })]);
    // applicable scored: 1.3 (4.67), 2.1 (20), 3.1, 3.2, 3.3, 4.1, 4.2 (4.4 each), 5.4 (6) — all at full points
    assert.equal(s.available, 52.67);
    assert.equal(s.earned, 52.67);
    assert.equal(s.normalised, 100);
    const half = run([dossier({ id: 1, channel: 'ONLINE', electronicResult: true })], [], { syncRate: 0.4, weights: { ...DEFAULT_766_CONFIG.weights, '3.3': { maxPoints: 10, threshold: 0.5, weightVerified: true } } });
    assert.equal(pick(half, '3.3').ratio, 0.4);
    assert.equal(pick(half, '3.3').score, 8);
    assert.throws(() => run([], [], { syncRate: 1.5 }), RangeError);
  });
});

describe('findMissingComponents (ND 63 Đ8.2)', () => {
  const complete = {
    name: 'Cấp giấy phép bán lẻ rượu',
    sequence: 'Bước 1…',
    methods: [{}],
    dossierComponents: [{}],
    processingTime: { value: 10 },
    subjects: ['ENTERPRISE'],
    agencies: { competent: 'Sở Công Thương', implementing: 'Sở Công Thương' },
  };
  it('nothing missing for a complete record', () => assert.deepEqual(findMissingComponents(complete), []));
  it('names every missing component', () => {
    assert.deepEqual(findMissingComponents({ ...complete, sequence: '  ', subjects: [], agencies: { competent: '', implementing: null } }), ['sequence', 'subjects', 'agency']);
    assert.deepEqual(findMissingComponents({}), ['name', 'sequence', 'methods', 'dossier', 'processingTime', 'subjects', 'agency']);
  });
});

describe('766 counts', () => {
  it('merging the counts of two halves gives the indicators of the whole', () => {
    const facts = [
      dossier({ id: 1, channel: 'ONLINE', electronicResult: true, digitised: true, feeBearing: true, paidOnline: true }),
      dossier({ id: 2, channel: 'DIRECT', endAt: '2025-05-06T09:00', dislike: true, feeBearing: true, paidOnline: false }),
      dossier({ id: 3, procedureId: 2, channel: 'POSTAL', outcome: 'IN_PROGRESS', endAt: null }),
      dossier({ id: 4, procedureId: 2, channel: 'ONLINE', outcome: 'REFUSED', endAt: '2025-04-25T09:00' }),
    ];
    const classified = classifyDossiers(CAL, facts, { asOf: '2025-06-15T12:00', periodEnd: '2025-06-30T23:59' });
    const whole = count766(CAL, classified);
    const merged = merge766Counts(count766(CAL, classified.slice(0, 2)), merge766Counts(empty766Counts(), count766(CAL, classified.slice(2))));
    assert.deepEqual(merged, whole);
    assert.equal(whole.received, 4);
    assert.deepEqual(whole.byChannel, { DIRECT: 1, ONLINE: 2, POSTAL: 1 });
    assert.deepEqual(whole.procedures, [
      { procedureId: 1, online: 1, paidOnline: 1, finished: 2, handlingDays: 4 + 12, handlingWorkingDays: 3 + 6 },
      { procedureId: 2, online: 1, paidOnline: 0, finished: 1, handlingDays: 1, handlingWorkingDays: 1 },
    ]);
    const catalogue = [procedure({ id: 1, onlineLevel: 'FULL', feeBearing: true }), procedure({ id: 2, onlineLevel: 'FULL', feeBearing: true })];
    const s = compute766({ counts: whole, catalogue });
    // 3.5 derived from payments: procedure 1 had a dossier paid online, procedure 2 none
    assert.deepEqual([pick(s, '3.5').numerator, pick(s, '3.5').denominator], [1, 2]);
    assert.deepEqual([pick(s, '3.2').numerator, pick(s, '3.2').denominator], [2, 2]);
  });
});
