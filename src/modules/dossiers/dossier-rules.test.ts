import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createHolidayCalendar, parseHolidayCsv } from '../../domain/calendar/holidays';
import { createWorkCalendar, toEpochMs } from '../../domain/calendar/workdays';
import { classifyFinish, DOSSIER_CODE_RE, formatDossierCode, processingTimeFor, scoreEvaluation } from './dossier-rules';
import { dossierCaseType, dossierRelationsOf, NATIONAL_STATUS } from './dossier-workflow';
import type { TActor } from '../auth/auth.policy';

const CAL = createWorkCalendar(createHolidayCalendar({ officialEntries: parseHolidayCsv(readFileSync(new URL('../../../reference/holidays-2019-2030.csv', import.meta.url), 'utf8')) }));
const at = (s: string) => new Date(toEpochMs(s));
const WD5 = { value: 5, unit: 'WORKING_DAY' } as const;

describe('dossier rules', () => {
  it('formats the dossier code of spec §1.4 with a 4-digit daily sequence', () => {
    const code = formatDossierCode('000.00.17.H26', '2025-03-12', 7);
    assert.equal(code, '000.00.17.H26-250312-0007');
    assert.match(code, DOSSIER_CODE_RE);
    assert.match('000.A0.01.H26-210212-9090', DOSSIER_CODE_RE);
    assert.doesNotMatch('000.A0.01.H26-210212-909', DOSSIER_CODE_RE);
    assert.throws(() => formatDossierCode('000.00.17.H26', '2025-03-12', 10000), /outside 1..9999/);
  });

  it('takes the processing time of the channel, else of the version', () => {
    const v = { methods: [{ channel: 'ONLINE', processingTime: { value: 3, unit: 'WORKING_DAY' } }], processingTimeValue: '5', processingTimeUnit: 'WORKING_DAY' };
    assert.deepEqual(processingTimeFor(v, 'ONLINE'), { value: 3, unit: 'WORKING_DAY' });
    assert.deepEqual(processingTimeFor(v, 'DIRECT'), { value: 5, unit: 'WORKING_DAY' });
  });

  it('classifies both variants: the legal restart vs the portal subtraction, and more than one supplement is late on the portal', () => {
    // Received Thu 24/4/2025, due Mon 5/5 17:00. A supplement from 25/4 to 6/5 restarts the legal clock (due 13/5).
    const base = { receivedAt: at('2025-04-24T09:00'), firstDueAt: at('2025-05-05T17:00'), limit: WD5 };
    const oneSupplement = [{ requestedAt: at('2025-04-25T10:00'), completedAt: at('2025-05-06T08:00') }];
    const r = classifyFinish(CAL, { ...base, dueAt: at('2025-05-13T17:00'), finishedAt: at('2025-05-12T10:00'), supplements: oneSupplement });
    assert.deepEqual(r, { legal: 'EARLY', portal: 'EARLY' });
    const onDue = classifyFinish(CAL, { ...base, dueAt: at('2025-05-05T17:00'), finishedAt: at('2025-05-05T16:00'), supplements: [] });
    assert.deepEqual(onDue, { legal: 'ON_TIME', portal: 'ON_TIME' });
    const late = classifyFinish(CAL, { ...base, dueAt: at('2025-05-05T17:00'), finishedAt: at('2025-05-06T09:00'), supplements: [] });
    assert.deepEqual(late, { legal: 'LATE', portal: 'LATE' });
    const two = [...oneSupplement, { requestedAt: at('2025-05-07T10:00'), completedAt: at('2025-05-08T08:00') }];
    assert.deepEqual(classifyFinish(CAL, { ...base, dueAt: at('2025-05-15T17:00'), finishedAt: at('2025-05-09T10:00'), supplements: two }), { legal: 'EARLY', portal: 'LATE' });
    assert.deepEqual(classifyFinish(CAL, { ...base, receivedAt: null, dueAt: null, finishedAt: at('2025-05-09T10:00'), supplements: [] }), { legal: null, portal: null });
  });

  it('scores the per-dossier indicators of TT 01/2018 Đ13', () => {
    const steps = [{ dueAt: at('2025-05-02T17:00'), finishedAt: at('2025-05-02T10:00') }, { dueAt: at('2025-05-05T17:00'), finishedAt: at('2025-05-06T10:00') }];
    assert.deepEqual(scoreEvaluation({ contactsCount: 0, agenciesContacted: 'NONE', hadComplaint: false, satisfaction: 'SATISFIED' }, { timeliness: 'EARLY', steps }), { score1: 2, score2: 0, score3: 2, score4: 2, score7: 2 });
    assert.deepEqual(scoreEvaluation({ contactsCount: 2, agenciesContacted: 'SEVERAL', hadComplaint: false, satisfaction: 'NEUTRAL' }, { timeliness: 'ON_TIME', steps: [] }), { score1: 1, score2: null, score3: 0, score4: 0, score7: 1 });
    assert.equal(scoreEvaluation({ contactsCount: 1, agenciesContacted: 'ONE_STOP_ONLY', hadComplaint: true, satisfaction: 'DISSATISFIED' }, { timeliness: 'EARLY', steps: [] }).score7, 0);
  });

  it('the dossier workflow maps every state to its national status and gives relations by role and unit', () => {
    assert.deepEqual(dossierCaseType.states.map((s) => NATIONAL_STATUS[s]), [null, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const officer = (modules: string[], userId = 5): TActor => ({ userId, username: 'x', displayName: 'x', role: 'OFFICER', modules: modules as TActor['modules'], unitCodes: [], enterpriseIds: [], via: 'session' });
    const row = { ownerUserId: 9, enterpriseId: 1, unitCode: 'INDUSTRY', assigneeId: null };
    assert.deepEqual([...dossierRelationsOf(officer(['ONE_STOP']), row)].sort(), ['INTAKE', 'STAFF']);
    assert.deepEqual([...dossierRelationsOf(officer(['INDUSTRY']), row)].sort(), ['HANDLER', 'STAFF']);
    assert.deepEqual([...dossierRelationsOf(officer(['TRADE']), { ...row, assigneeId: 5 })].sort(), ['HANDLER', 'STAFF']);
    const enterprise: TActor = { ...officer([]), role: 'ENTERPRISE', userId: 10, enterpriseIds: [1] };
    assert.deepEqual([...dossierRelationsOf(enterprise, row)], ['APPLICANT']);
    assert.deepEqual([...dossierRelationsOf({ ...enterprise, enterpriseIds: [2] }, row)], []);
    assert.deepEqual([...dossierRelationsOf(null, row)], []);
  });
});
