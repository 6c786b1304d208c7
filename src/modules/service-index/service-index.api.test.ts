import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { caseAttachments, casePauses, cases, caseSteps } from '../../db/schema/cases';
import { dossierEvaluations, dossiers } from '../../db/schema/dossiers';
import { users } from '../../db/schema/platform';
import { procedures } from '../../db/schema/procedures';
import { as, createTestApp, login, type TSession, type TTestApp } from '../../../tests/helpers/test-app';

const AGENCY = '000.20.30.H26';
const vn = (local: string): Date => new Date(`${local}:00+07:00`);

type TFixture = {
  procedure: number;
  channel: 'DIRECT' | 'ONLINE' | 'POSTAL';
  unit: string;
  assignee?: number | null;
  received: string;
  due: string | null;
  finished?: string;
  result?: 'APPROVED' | 'REFUSED';
  stopped?: string;
  legal?: string | null;
  portal?: string | null;
  eResult?: boolean;
  digitised?: boolean;
  fee?: number;
  paidOnline?: boolean;
  supplements?: { from: string; to: string | null }[];
  steps?: { due: string; finished: string }[];
  evaluation?: { contacts: number; agencies: 'NONE' | 'ONE_STOP_ONLY' | 'SEVERAL'; complaint: boolean; satisfaction: 'SATISFIED' | 'NEUTRAL' | 'DISSATISFIED' };
};

/** Inserts a dossier (case + dossier rows and its pauses, steps, evaluation, attachment) as the dossier module would store it. */
const insertDossier = async (t: TTestApp, code: string, f: TFixture): Promise<number> => {
  const db = t.database.db;
  const finishedAt = f.finished ? vn(f.finished) : f.stopped ? vn(f.stopped) : null;
  const [c] = await db
    .insert(cases)
    .values({
      caseType: 'DOSSIER',
      state: f.result ? 'RETURNED' : f.stopped ? 'STOPPED' : 'PROCESSING',
      title: `Hồ sơ ${code}`,
      unitCode: f.unit,
      assigneeId: f.assignee ?? null,
      openedAt: vn(f.received),
      deadlineValue: '5',
      deadlineUnit: 'WORKING_DAY',
      clockStartedAt: vn(f.received),
      firstDueAt: f.due ? vn(f.due) : null,
      dueAt: f.due ? vn(f.due) : null,
      closedAt: finishedAt,
      outcome: f.result ?? (f.stopped ? 'WITHDRAWN' : null),
    })
    .returning({ id: cases.id });
  await db.insert(dossiers).values({
    caseId: c.id,
    code,
    agencyCode: AGENCY,
    procedureId: f.procedure,
    channel: f.channel,
    applicantName: 'Công ty TNHH Thử Nghiệm',
    applicantAddress: 'Hà Nội',
    requestSummary: 'Đề nghị cấp phép',
    components: [],
    submittedAt: vn(f.received),
    receivedAt: vn(f.received),
    processedAt: f.finished ? vn(f.finished) : null,
    result: f.result ?? null,
    returnedAt: null,
    stoppedAt: f.stopped ? vn(f.stopped) : null,
    finishedAt,
    timelinessLegal: f.legal ?? null,
    timelinessPortal: f.portal ?? null,
    supplementCount: f.supplements?.length ?? 0,
    feeVnd: f.fee ?? 0,
    paidOnline: f.paidOnline ?? false,
    hasEResult: f.eResult ?? false,
  });
  for (const s of f.supplements ?? []) {
    await db.insert(casePauses).values({ caseId: c.id, kind: 'SUPPLEMENT', rule: 'RESTART', reason: 'Thiếu giấy tờ', startedAt: vn(s.from), endedAt: s.to ? vn(s.to) : null });
  }
  let seq = 0;
  for (const s of f.steps ?? []) {
    seq++;
    await db.insert(caseSteps).values({ caseId: c.id, seq, unitCode: f.unit, startedAt: vn(f.received), dueAt: vn(s.due), finishedAt: vn(s.finished) });
  }
  if (f.evaluation) {
    await db.insert(dossierEvaluations).values({
      caseId: c.id,
      contactsCount: f.evaluation.contacts,
      agenciesContacted: f.evaluation.agencies,
      hadComplaint: f.evaluation.complaint,
      satisfaction: f.evaluation.satisfaction,
    });
  }
  if (f.digitised) {
    await db.insert(caseAttachments).values({ caseId: c.id, purpose: 'COMPONENT', label: 'Đơn đề nghị', fileName: 'don.pdf', contentType: 'application/pdf', sizeBytes: 10, sha256: 'a'.repeat(64) });
  }
  return c.id;
};

const PERIOD = 'from=2025-04-01&to=2025-05-31';

describe('service index', () => {
  let t: TTestApp;
  let officer: TSession;
  let leader: TSession;
  let enterprise: TSession;
  let p1: number;
  let p2: number;
  let tm: number;
  let cn: number;

  before(async () => {
    t = await createTestApp();
    [officer, leader, enterprise] = await Promise.all([login(t, 'canbo.tm'), login(t, 'lanhdao'), login(t, 'doanhnghiep')]);
    const db = t.database.db;
    p1 = (await db.select({ id: procedures.id }).from(procedures).where(eq(procedures.code, '2.000620.H26')))[0].id; // FULL online, fee 1,200,000
    p2 = (await db.select({ id: procedures.id }).from(procedures).where(eq(procedures.code, '2.000355.H26')))[0].id; // FULL online, no fee
    tm = (await db.select({ id: users.id }).from(users).where(eq(users.username, 'canbo.tm')))[0].id;
    cn = (await db.select({ id: users.id }).from(users).where(eq(users.username, 'canbo.cn')))[0].id;
    // D1 early, direct, digitised with e-result
    await insertDossier(t, `${AGENCY}-250424-0001`, {
      procedure: p1, channel: 'DIRECT', unit: 'QLTM', assignee: tm, received: '2025-04-24T09:00', due: '2025-05-05T17:00', finished: '2025-04-28T09:00', result: 'APPROVED',
      legal: 'EARLY', portal: 'EARLY', eResult: true, digitised: true, evaluation: { contacts: 0, agencies: 'NONE', complaint: false, satisfaction: 'SATISFIED' },
    });
    // D2 on time, online, approved without e-result, paid online, dissatisfied, two steps (early, on time)
    await insertDossier(t, `${AGENCY}-250424-0002`, {
      procedure: p1, channel: 'ONLINE', unit: 'QLTM', assignee: tm, received: '2025-04-24T10:00', due: '2025-05-05T17:00', finished: '2025-05-05T16:00', result: 'APPROVED',
      legal: 'ON_TIME', portal: 'ON_TIME', fee: 1_200_000, paidOnline: true,
      steps: [{ due: '2025-04-29T17:00', finished: '2025-04-28T10:00' }, { due: '2025-05-05T17:00', finished: '2025-05-05T16:00' }],
      evaluation: { contacts: 1, agencies: 'ONE_STOP_ONLY', complaint: false, satisfaction: 'DISSATISFIED' },
    });
    // D3 late, online, refused with e-result, one late step
    await insertDossier(t, `${AGENCY}-250506-0001`, {
      procedure: p2, channel: 'ONLINE', unit: 'QLCN', assignee: cn, received: '2025-05-06T09:00', due: '2025-05-13T17:00', finished: '2025-05-14T10:00', result: 'REFUSED',
      legal: 'LATE', portal: 'LATE', eResult: true, steps: [{ due: '2025-05-12T17:00', finished: '2025-05-14T10:00' }],
    });
    // D4 withdrawn
    await insertDossier(t, `${AGENCY}-250507-0001`, { procedure: p2, channel: 'DIRECT', unit: 'QLCN', received: '2025-05-07T09:00', due: '2025-05-14T17:00', stopped: '2025-05-08T09:00', portal: 'EARLY' });
    // D5 in progress, postal, overdue (due 27/05/2025)
    await insertDossier(t, `${AGENCY}-250520-0001`, { procedure: p1, channel: 'POSTAL', unit: 'QLTM', received: '2025-05-20T09:00', due: '2025-05-27T17:00' });
    // D6 in progress, online, in time (long deadline), one open supplement request
    await insertDossier(t, `${AGENCY}-250521-0001`, { procedure: p1, channel: 'ONLINE', unit: 'QLTM', received: '2025-05-21T09:00', due: '2099-01-05T17:00', supplements: [{ from: '2025-05-22T09:00', to: null }] });
    // D7 received before the period
    await insertDossier(t, `${AGENCY}-250331-0001`, { procedure: p2, channel: 'DIRECT', unit: 'QLTM', received: '2025-03-31T09:00', due: '2025-04-07T17:00', finished: '2025-04-01T09:00', result: 'APPROVED', legal: 'EARLY', portal: 'EARLY' });
    // D8 finished without stored classifications, two supplement requests, complaint
    await insertDossier(t, `${AGENCY}-250425-0001`, {
      procedure: p2, channel: 'DIRECT', unit: 'QLCN', assignee: cn, received: '2025-04-25T09:00', due: '2025-05-06T17:00', finished: '2025-05-06T09:00', result: 'APPROVED',
      supplements: [{ from: '2025-04-28T09:00', to: '2025-04-28T15:00' }, { from: '2025-04-29T09:00', to: '2025-04-29T10:00' }],
      evaluation: { contacts: 2, agencies: 'SEVERAL', complaint: true, satisfaction: 'NEUTRAL' },
    });
  });
  after(async () => t.close());

  it('on-time table: legal and national-portal variants over the period, by channel', async () => {
    const res = await as(t, officer).get(`/api/service-index/on-time?${PERIOD}&by=channel`);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    const { total } = body;
    assert.deepEqual(
      [total.received, total.finished, total.early, total.onTime, total.late, total.inProgress, total.inTime, total.overdue, total.stopped, total.nationalLate],
      [7, 4, 1, 2, 1, 2, 1, 1, 1, 3],
    );
    assert.equal(total.onTimeRate, 3 / 4);
    assert.equal(total.nationalOnTimeRate, 4 / 7);
    assert.deepEqual(
      body.rows.map((r: { key: string; received: number; finished: number; onTimeRate: number | null; nationalLate: number }) => [r.key, r.received, r.finished, r.onTimeRate, r.nationalLate]),
      [
        ['DIRECT', 3, 2, 1, 1],
        ['ONLINE', 3, 2, 0.5, 1],
        ['POSTAL', 1, 0, null, 1],
      ],
    );
  });

  it('on-time table by procedure (named), unit and month; filters narrow it', async () => {
    const byProcedure = (await as(t, leader).get(`/api/service-index/on-time?${PERIOD}&by=procedure`)).json();
    const row1 = byProcedure.rows.find((r: { key: string }) => r.key === String(p1));
    assert.ok(row1.label.startsWith('2.000620.H26 — '));
    assert.equal(row1.received, 4);
    const byUnit = (await as(t, officer).get(`/api/service-index/on-time?${PERIOD}&by=unit`)).json();
    assert.deepEqual(
      byUnit.rows.map((r: { key: string; received: number }) => [r.key, r.received]),
      [
        ['QLCN', 3],
        ['QLTM', 4],
      ],
    );
    const byMonth = (await as(t, officer).get(`/api/service-index/on-time?${PERIOD}&by=month`)).json();
    assert.deepEqual(
      byMonth.rows.map((r: { key: string; received: number }) => [r.key, r.received]),
      [
        ['2025-04', 3],
        ['2025-05', 4],
      ],
    );
    const online = (await as(t, officer).get(`/api/service-index/on-time?${PERIOD}&by=all&channel=ONLINE&unitCode=QLTM`)).json();
    assert.equal(online.total.received, 2);
    const withEarlier = (await as(t, officer).get(`/api/service-index/on-time?from=2025-03-31&to=2025-05-31&by=all&procedureId=${p2}`)).json();
    assert.equal(withEarlier.total.received, 4);
  });

  it('766 indicators with scores (national-portal variant)', async () => {
    const res = await as(t, officer).get(`/api/service-index/index-766?${PERIOD}`);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    const pick = (id: string) => body.indicators.find((i: { id: string }) => i.id === id);
    assert.deepEqual([pick('2.1').numerator, pick('2.1').denominator, pick('2.1').score], [4, 7, 11.43]);
    assert.deepEqual(pick('2.1').detail, { variant: 'NATIONAL_PORTAL', early: 3, onTime: 1, late: 3 });
    // 2.2: D1 4 d (3 wd), D2 11.25 d (5 wd), D3 8.0417 d (6 wd), D8 11 d (5 wd) — D8 measured in code, the others in SQL
    assert.equal(pick('2.2').denominator, 4);
    assert.equal(pick('2.2').value, 8.57);
    assert.equal(pick('2.2').detail.averageWorkingDays, 4.75);
    assert.deepEqual([pick('3.1').numerator, pick('3.1').denominator, pick('3.1').score], [11, 11, 4.4]); // 2 of 13 demo procedures abolished
    assert.deepEqual([pick('3.2').numerator, pick('3.2').denominator, pick('3.2').score], [2, 11, 0.8]);
    assert.deepEqual([pick('3.3').numerator, pick('3.3').denominator, pick('3.3').score], [2, 7, 2.51]); // D2 lacks its e-result
    assert.deepEqual([pick('3.5').numerator, pick('3.5').denominator, pick('3.5').score], [1, 7, 0.79]);
    assert.deepEqual([pick('3.6').numerator, pick('3.6').denominator, pick('3.6').score], [1, 1, 4.4]);
    assert.deepEqual([pick('4.1').numerator, pick('4.1').denominator, pick('4.1').score], [1, 3, 1.47]);
    assert.deepEqual([pick('4.2').numerator, pick('4.2').denominator, pick('4.2').score], [1, 7, 0.79]);
    assert.deepEqual([pick('5.4').numerator, pick('5.4').denominator, pick('5.4').score], [2, 7, 1.9]); // 100 % − (3 late + 2 dissatisfied) ÷ 7
    assert.equal(pick('1.3').denominator, 11);
    assert.equal(pick('1.4').reason, 'NOT_SUPPORTED');
    const scored = body.indicators.filter((i: { applicable: boolean; score: number | null }) => i.applicable && i.score !== null);
    assert.equal(body.earned, Math.round(scored.reduce((a: number, i: { score: number }) => a + i.score, 0) * 100) / 100);
    assert.equal(body.groups.length, 5);
  });

  it('766 over a period without dossiers: rates not applicable, never 0 ÷ 0', async () => {
    const body = (await as(t, officer).get('/api/service-index/index-766?from=2024-01-01&to=2024-01-31')).json();
    const pick = (id: string) => body.indicators.find((i: { id: string }) => i.id === id);
    for (const id of ['2.1', '2.2', '3.3', '4.1', '4.2', '5.4']) assert.equal(pick(id).reason, 'NO_DATA', id);
    assert.equal(pick('2.1').ratio, null);
    assert.equal(pick('3.2').numerator, 0); // online services exist, none used
  });

  it('TT01 per agency: averages to one decimal, skipped indicators, rating on the scaled total', async () => {
    const res = await as(t, officer).get(`/api/service-index/tt01?${PERIOD}&by=agency`);
    assert.equal(res.statusCode, 200, res.body);
    const [row] = res.json().rows;
    assert.equal(row.key, AGENCY);
    assert.equal(row.dossiers, 4);
    const score = (i: number) => row.indicators[String(i)].score;
    assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map(score), [1, 0.5, 1.3, 1, null, null, 0.8, null, 1]);
    assert.equal(row.total, 5.6);
    assert.equal(row.scored, 6);
    assert.equal(row.normalisedTotal, 8.4);
    assert.equal(row.rating, 'AVERAGE');
    const officers = (await as(t, officer).get(`/api/service-index/tt01?${PERIOD}&by=officer`)).json().rows;
    const tmRow = officers.find((r: { key: string }) => r.key === String(tm));
    assert.equal(tmRow.dossiers, 2);
    assert.equal(tmRow.label.length > 0, true);
    assert.ok(['COMPLETE', 'PARTLY', 'BELOW_70'].includes(tmRow.band));
  });

  it('TT01 per dossier (domain) agrees with the per-agency sums (SQL)', async () => {
    const res = await as(t, officer).get(`/api/service-index/tt01/dossiers?${PERIOD}&pageSize=2`);
    assert.equal(res.statusCode, 200, res.body);
    const first = res.json();
    assert.equal(first.total, 4);
    assert.deepEqual(
      first.items.map((i: { code: string }) => i.code),
      [`${AGENCY}-250506-0001`, `${AGENCY}-250425-0001`],
    );
    const second = (await as(t, officer).get(`/api/service-index/tt01/dossiers?${PERIOD}&pageSize=2&page=2`)).json();
    const all = [...first.items, ...second.items];
    const d2 = all.find((i: { code: string }) => i.code === `${AGENCY}-250424-0002`);
    assert.deepEqual(d2.scores, { 1: 1, 2: 1, 3: 1, 4: 1, 7: 1 });
    const d8 = all.find((i: { code: string }) => i.code === `${AGENCY}-250425-0001`);
    assert.deepEqual([d8.legal, d8.national], ['ON_TIME', 'LATE']);
    const sum = (k: string) => all.reduce((a: number, i: { scores: Record<string, number | null> }) => a + (i.scores[k] ?? 0), 0);
    assert.deepEqual(['1', '2', '3', '4', '7'].map(sum), [4, 1, 5, 3, 3]); // = s1..s7 of the agency
  });

  it('dossiers in progress: a closed supplement is subtracted (SQL), no appointment falls back to the legal time (domain)', async () => {
    // D10: appointment 08/07, supplement 02/07 → 12/07 closed, ended at the period end 15/07 minus 10 days → early.
    await insertDossier(t, `${AGENCY}-250701-0001`, { procedure: p1, channel: 'ONLINE', unit: 'QLTM', received: '2025-07-01T09:00', due: '2025-07-08T17:00', supplements: [{ from: '2025-07-02T09:00', to: '2025-07-12T09:00' }] });
    // D11: no appointment; 5 working days from 01/07 → 08/07 17:00; ended at the period end → late.
    await insertDossier(t, `${AGENCY}-250701-0002`, { procedure: p2, channel: 'DIRECT', unit: 'QLCN', received: '2025-07-01T10:00', due: null });
    const body = (await as(t, officer).get('/api/service-index/on-time?from=2025-07-01&to=2025-07-15&by=channel')).json();
    assert.deepEqual(
      body.rows.map((r: { key: string; inTime: number; overdue: number; nationalLate: number; nationalEarlyOrOnTime: number }) => [r.key, r.inTime, r.overdue, r.nationalLate, r.nationalEarlyOrOnTime]),
      [
        ['DIRECT', 1, 0, 1, 0],
        ['ONLINE', 0, 1, 0, 1],
      ],
    );
    const i766 = (await as(t, officer).get('/api/service-index/index-766?from=2025-07-01&to=2025-07-15')).json();
    assert.deepEqual(i766.indicators.find((i: { id: string }) => i.id === '2.1').detail, { variant: 'NATIONAL_PORTAL', early: 1, onTime: 0, late: 1 });
  });

  it('refuses bad periods and unknown fields with 400, nothing else', async () => {
    const bad = async (query: string, field: string) => {
      const res = await as(t, officer).get(`/api/service-index/on-time?${query}`);
      assert.equal(res.statusCode, 400, query);
      assert.match(res.body, new RegExp(field), query);
    };
    await bad('from=2025-05-31&to=2025-04-01', 'to');
    await bad('from=2025-02-30&to=2025-04-01', 'from');
    await bad('from=2025-04-01', 'to');
    await bad(`${PERIOD}&by=weekday`, 'by');
    await bad(`${PERIOD}&color=red`, 'color');
    await bad('from=2000-01-01&to=2025-01-01', 'to');
  });

  it('is for officers and leaders only', async () => {
    assert.equal((await as(t, enterprise).get(`/api/service-index/on-time?${PERIOD}`)).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/service-index/index-766?${PERIOD}` })).statusCode, 401);
  });

  it('exports an XLSX workbook with neutralised text cells', async () => {
    await insertDossier(t, `${AGENCY}-250430-0001`, { procedure: p1, channel: 'DIRECT', unit: '=HYPERLINK("http://x")', received: '2025-04-30T09:00', due: '2025-05-12T17:00' });
    const res = await as(t, leader).get(`/api/service-index/export.xlsx?${PERIOD}`);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-disposition']), /chi-so-phuc-vu-2025-04-01-2025-05-31\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    assert.deepEqual(
      wb.worksheets.map((w) => w.name),
      ['Đúng hạn - thủ tục', 'Đúng hạn - đơn vị', 'Đúng hạn - kênh', 'Đúng hạn - tháng', 'Chỉ số 766', 'TT01 - cơ quan', 'TT01 - hồ sơ'],
    );
    const units = wb.getWorksheet('Đúng hạn - đơn vị');
    const keys: unknown[] = [];
    units?.eachRow((row) => keys.push(row.getCell(1).value));
    assert.ok(keys.includes(`'=HYPERLINK("http://x")`), JSON.stringify(keys));
    const i766 = wb.getWorksheet('Chỉ số 766');
    const ids: unknown[] = [];
    i766?.eachRow((row) => ids.push(row.getCell(1).value));
    assert.ok(ids.includes('2.1') && ids.includes('5.4'));
    const dossierSheet = wb.getWorksheet('TT01 - hồ sơ');
    assert.equal((dossierSheet?.rowCount ?? 0) - 3, 4);
    const en = await as(t, leader).get(`/api/service-index/export.xlsx?${PERIOD}&lang=en`);
    const wbEn = new ExcelJS.Workbook();
    await wbEn.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
    assert.equal(wbEn.worksheets[0].name, 'On time - procedure');
  });
});
