import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createHolidayCalendar, parseHolidayCsv } from '../calendar/holidays';
import { createWorkCalendar } from '../calendar/workdays';
import type { TCatalogueProcedure, TDossierFact } from './service-index.types';
import { classifyDossiers, type TClassifiedDossier } from './timeliness';
import { DEFAULT_TT01_CONFIG, rateAgency, rateOfficer, scoreAgency, scoreComplaints, scoreContacts, scoreDossier, scoreOfficers, scoreOneStop, scoreOnline, scorePublication, scoreSteps } from './tt01';

const CAL = createWorkCalendar(createHolidayCalendar({ officialEntries: parseHolidayCsv(readFileSync(new URL('../../../reference/holidays-2019-2030.csv', import.meta.url), 'utf8')) }));

/** Received Thu 24/04/2025 09:00, due Mon 05/05/2025 17:00; finished early by default. */
const dossier = (over: Partial<TDossierFact>): TDossierFact => ({
  id: 1,
  procedureId: 1,
  unitId: 'VP',
  agencyId: 'A',
  channel: 'DIRECT',
  receivedAt: '2025-04-24T09:00',
  dueAt: '2025-05-05T17:00',
  outcome: 'APPROVED',
  endAt: '2025-04-28T09:00',
  supplements: [],
  ...over,
});
const classify = (facts: TDossierFact[]): TClassifiedDossier[] => classifyDossiers(CAL, facts, { asOf: '2025-06-15T12:00', periodEnd: '2025-06-30T23:59' });
const one = (over: Partial<TDossierFact>): TClassifiedDossier => classify([dossier(over)])[0];
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

describe('TT01 per-dossier indicators (1, 2, 3, 4, 7)', () => {
  it('early, no supplement, no other agency, no complaint: 2 on every measured indicator', () => {
    const s = scoreDossier(one({ agencyContacts: 'NONE' }));
    assert.deepEqual(s.scores, { 1: 2, 2: null, 3: 2, 4: 2, 7: 2 });
    assert.equal(s.total, 8);
    assert.equal(s.scored, 4);
    assert.equal(s.agencyId, 'A');
  });
  it('on time = 1, late = 0 (indicator 1) and attitude follows (7)', () => {
    assert.deepEqual(scoreDossier(one({ endAt: '2025-05-05T17:00' })).scores, { 1: 1, 2: null, 3: 2, 4: null, 7: 1 });
    assert.deepEqual(scoreDossier(one({ endAt: '2025-05-06T08:00' })).scores, { 1: 0, 2: null, 3: 2, 4: null, 7: 0 });
    assert.equal(scoreDossier(one({ endAt: '2025-05-06T08:00' }), { ...DEFAULT_TT01_CONFIG, attitudeLateWithoutComplaint: 1 }).scores[7], 1);
  });
  it('a complaint makes attitude 0 even when early', () => assert.equal(scoreDossier(one({ complaint: true })).scores[7], 0));
  it('contacts: the recorded count, else the supplement requests; 0 = 2, 1 = 1, more = 0', () => {
    assert.equal(scoreDossier(one({ contactsToComplete: 1 })).scores[3], 1);
    assert.equal(scoreDossier(one({ supplements: [{ requestedAt: '2025-04-25T09:00', completedAt: '2025-04-25T10:00' }] })).scores[3], 1);
    assert.equal(scoreDossier(one({ contactsToComplete: 3 })).scores[3], 0);
    assert.equal(scoreDossier(one({ supplements: undefined, evaluation: { 3: 1 } })).scores[3], 1);
    assert.equal(scoreDossier(one({ supplements: undefined })).scores[3], null);
    assert.equal(scoreContacts(0), 2);
    assert.equal(scoreContacts(2), 0);
    assert.throws(() => scoreContacts(-1), RangeError);
  });
  it('agencies contacted: none = 2, one-stop only = 1, several = 0; the applicant answer fills a gap', () => {
    assert.equal(scoreDossier(one({ agencyContacts: 'ONE_STOP_ONLY' })).scores[4], 1);
    assert.equal(scoreDossier(one({ agencyContacts: 'MULTIPLE' })).scores[4], 0);
    assert.equal(scoreDossier(one({ evaluation: { 4: 2 } })).scores[4], 2);
    assert.equal(scoreDossier(one({ agencyContacts: 'MULTIPLE', evaluation: { 4: 2 } })).scores[4], 0); // measured fact first
  });
  it('steps: the worst step counts (any late = 0, all early = 2, else 1)', () => {
    const steps = (finished: string[]) => finished.map((f, k) => ({ unitId: k, dueAt: '2025-04-29T17:00', finishedAt: f }));
    assert.equal(scoreSteps(dossier({ steps: steps(['2025-04-25T10:00', '2025-04-28T10:00']) })), 2);
    assert.equal(scoreSteps(dossier({ steps: steps(['2025-04-25T10:00', '2025-04-29T16:00']) })), 1);
    assert.equal(scoreSteps(dossier({ steps: steps(['2025-04-29T17:30', '2025-04-25T10:00']) })), 0);
    assert.equal(scoreSteps(dossier({ steps: [{ unitId: 1, dueAt: '2025-04-25T17:00', finishedAt: null }], endAt: '2025-04-28T09:00' })), 0); // open step ends with the dossier
    assert.equal(scoreSteps(dossier({ steps: [] })), null);
    assert.equal(scoreDossier(one({ evaluation: { 2: 1 } })).scores[2], 1);
  });
  it('refuses dossiers that are not finished with a result', () => {
    assert.throws(() => scoreDossier(one({ outcome: 'IN_PROGRESS', endAt: null })), RangeError);
    assert.throws(() => scoreDossier(one({ outcome: 'STOPPED' })), RangeError);
  });
});

describe('TT01 per-agency indicators (5, 6, 8, 9)', () => {
  it('5: province 2 points from 20 % (boundary), 1 below, 0 at none; commune needs 100 %', () => {
    const cat = (atOneStop: number, total: number) => Array.from({ length: total }, (_, k) => procedure({ id: k, fullyHandledAtOneStop: k < atOneStop }));
    assert.equal(scoreOneStop(cat(1, 5), 'PROVINCE').score, 2);
    assert.equal(scoreOneStop(cat(1, 6), 'PROVINCE').score, 1);
    assert.equal(scoreOneStop(cat(0, 6), 'PROVINCE').score, 0);
    assert.equal(scoreOneStop(cat(4, 5), 'COMMUNE').score, 1);
    assert.equal(scoreOneStop(cat(5, 5), 'COMMUNE').score, 2);
    assert.deepEqual(scoreOneStop([procedure({})], 'PROVINCE'), { score: null, basis: null }); // not recorded
    assert.equal(scoreOneStop([procedure({ fullyHandledAtOneStop: true, status: 'ABOLISHED' })], 'PROVINCE').score, null);
  });
  it('6: posted and electronic = 2, one = 1, none = 0, unknown skipped', () => {
    assert.equal(scorePublication({ postedAtDesk: true, electronic: true }).score, 2);
    assert.equal(scorePublication({ postedAtDesk: false, electronic: true }).score, 1);
    assert.equal(scorePublication({ postedAtDesk: false, electronic: false }).score, 0);
    assert.equal(scorePublication(null).score, null);
  });
  it('8: 100 % on time = 2, ≥ 90 % = 1, below = 0; no complaints skipped', () => {
    assert.equal(scoreComplaints({ total: 10, handledOnTime: 10 }).score, 2);
    assert.equal(scoreComplaints({ total: 10, handledOnTime: 9 }).score, 1);
    assert.equal(scoreComplaints({ total: 10, handledOnTime: 8 }).score, 0);
    assert.equal(scoreComplaints({ total: 0, handledOnTime: 0 }).score, null);
    assert.throws(() => scoreComplaints({ total: 2, handledOnTime: 3 }), RangeError);
  });
  it('9: ≥ 20 % online procedures and ≥ 30 % online dossiers none late = 2; 15–30 % = 1', () => {
    const cat = [procedure({ id: 1, onlineLevel: 'FULL' }), ...Array.from({ length: 4 }, (_, k) => procedure({ id: k + 2 }))]; // 1 of 5 = 20 %
    const ds = (online: number, total: number, lateOnline = 0) =>
      classify(Array.from({ length: total }, (_, k) => dossier({ id: k, channel: k < online ? 'ONLINE' : 'DIRECT', endAt: k < lateOnline ? '2025-05-06T09:00' : '2025-04-28T09:00' })));
    assert.equal(scoreOnline(cat, ds(3, 10)).score, 2);
    assert.equal(scoreOnline(cat, ds(3, 10, 1)).score, 1); // a late online dossier
    assert.equal(scoreOnline(cat, ds(3, 20)).score, 1); // 15 %
    const overdue = classify([dossier({ id: 1, channel: 'ONLINE', outcome: 'IN_PROGRESS', endAt: null }), ...Array.from({ length: 2 }, (_, k) => dossier({ id: k + 2 }))]);
    assert.equal(scoreOnline(cat, overdue).score, 1); // an overdue online dossier counts as late
    assert.equal(scoreOnline(cat, ds(2, 20)).score, 0); // 10 %
    assert.equal(scoreOnline(cat.slice(1), ds(5, 10)).score, 0); // no online procedure
    assert.deepEqual(scoreOnline(cat, []), { score: null, basis: null });
  });
});

describe('TT01 agency totals and ratings', () => {
  it('averages dossier scores to 1 decimal, sums the indicators with data, rates the total', () => {
    const facts = [
      dossier({ id: 1, agencyContacts: 'NONE' }), // 1:2 3:2 4:2 7:2
      dossier({ id: 2, endAt: '2025-05-05T10:00', agencyContacts: 'ONE_STOP_ONLY' }), // 1:1 3:2 4:1 7:1
      dossier({ id: 3, endAt: '2025-05-05T10:00', contactsToComplete: 1, agencyContacts: 'NONE' }), // 1:1 3:1 4:2 7:1
      dossier({ id: 4, endAt: '2025-05-05T10:00', complaint: true, agencyContacts: 'NONE' }), // 1:1 3:2 4:2 7:0
      dossier({ id: 5, outcome: 'IN_PROGRESS', endAt: null, channel: 'ONLINE', receivedAt: '2025-06-10T09:00', dueAt: '2025-06-17T17:00' }), // in time: not scored, counted for 9
    ];
    const catalogue = [procedure({ id: 1, onlineLevel: 'PARTIAL', fullyHandledAtOneStop: true }), procedure({ id: 2, fullyHandledAtOneStop: false })];
    const { agency, dossiers } = scoreAgency({ agencyId: 'A', dossiers: classify(facts), catalogue, facts: { level: 'PROVINCE', publication: { postedAtDesk: true, electronic: true }, complaints: null } });
    assert.equal(dossiers.length, 4);
    assert.equal(agency.dossiers, 4);
    assert.equal(agency.indicators[1].score, 1.3); // 5/4 = 1.25 → 1.3
    assert.equal(agency.indicators[2].score, null);
    assert.equal(agency.indicators[3].score, 1.8); // 7/4 = 1.75 → 1.8
    assert.equal(agency.indicators[4].score, 1.8);
    assert.equal(agency.indicators[5].score, 2); // 50 % ≥ 20 %
    assert.equal(agency.indicators[6].score, 2);
    assert.equal(agency.indicators[7].score, 1); // 4/4
    assert.equal(agency.indicators[8].score, null);
    assert.equal(agency.indicators[9].score, 1); // 50 % online procedures; 1 online dossier of 5 = 20 % (15–30 %)
    assert.deepEqual(agency.indicators[9].basis, { procedures: 2, onlineProcedures: 1, dossiers: 5, onlineDossiers: 1, onlineLate: 0 });
    assert.equal(agency.scored, 7);
    assert.equal(agency.total, 10.9);
    assert.equal(agency.normalisedTotal, 14); // 10.9 × 9 ÷ 7 = 14.01
    assert.equal(agency.rating, 'GOOD');
  });
  it('rating boundaries (Đ15.3)', () => {
    assert.equal(rateAgency(18), 'EXCELLENT');
    assert.equal(rateAgency(15), 'EXCELLENT');
    assert.equal(rateAgency(14.9), 'GOOD');
    assert.equal(rateAgency(12), 'GOOD');
    assert.equal(rateAgency(11.9), 'FAIR');
    assert.equal(rateAgency(9), 'FAIR');
    assert.equal(rateAgency(8.9), 'AVERAGE');
    assert.equal(rateAgency(6), 'AVERAGE');
    assert.equal(rateAgency(5.9), 'WEAK');
    assert.equal(rateOfficer(5), 'COMPLETE');
    assert.equal(rateOfficer(4.9), 'PARTLY');
    assert.equal(rateOfficer(3.5), 'PARTLY');
    assert.equal(rateOfficer(3.4), 'BELOW_70');
  });
  it('an agency without finished dossiers or facts has no rating', () => {
    const { agency } = scoreAgency({ agencyId: 'B', dossiers: [], catalogue: [], facts: { level: 'PROVINCE' } });
    assert.equal(agency.scored, 0);
    assert.equal(agency.total, 0);
    assert.equal(agency.normalisedTotal, null);
    assert.equal(agency.rating, null);
  });
  it('officers: averages of their dossiers and the band', () => {
    const scores = classify([
      dossier({ id: 1, officerId: 7, agencyContacts: 'NONE' }), // 2+2+2+2 = 8
      dossier({ id: 2, officerId: 7, endAt: '2025-05-06T09:00', contactsToComplete: 2, agencyContacts: 'MULTIPLE' }), // 0+0+0+0
      dossier({ id: 3, officerId: 8, endAt: '2025-05-06T09:00', contactsToComplete: 2, agencyContacts: 'ONE_STOP_ONLY' }), // 0+0+1+0
      dossier({ id: 4, officerId: null }),
    ]).map((d) => scoreDossier(d));
    const officers = scoreOfficers(scores);
    assert.deepEqual(
      officers.map((o) => [o.officerId, o.dossiers, o.total, o.band]),
      [
        [7, 2, 4, 'PARTLY'],
        [8, 1, 1, 'BELOW_70'],
      ],
    );
  });
});
