import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { caseEvents, cases } from '../../db/schema/cases';
import { petitionCoAgencies, petitionContributions, petitions } from '../../db/schema/petitions';
import { auditLog, mailOutbox } from '../../db/schema/platform';
import { as, createTestApp, login, type TSession, type TTestApp } from '../../../tests/helpers/test-app';

type TAgency = { id: number; code: string; name: string };

describe('enterprise petitions on the case engine', () => {
  let t: TTestApp;
  let enterprise: TSession;
  let coordinator: TSession;
  let industry: TSession;
  let leader: TSession;
  let planner: TSession;
  let agencies: TAgency[];
  const agency = (code: string) => {
    const a = agencies.find((x) => x.code === code);
    assert.ok(a, code);
    return a;
  };
  const count = async () => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(petitions))[0].n;
  const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200, 0x20), Buffer.from('\n%%EOF\n')]);
  const upload = (s: TSession, id: number, fileName: string, bytes: Buffer) => {
    const boundary = '----ctpetition';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return t.app.inject({ method: 'POST', url: `/api/petitions/${id}/attachments`, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
  };
  const move = (s: TSession, id: number, body: Record<string, unknown>) => as(t, s).send('POST', `/api/petitions/${id}/transitions`, body);

  before(async () => {
    t = await createTestApp({ CASE_ATTACHMENT_MAX_BYTES: '4096' });
    enterprise = await login(t, 'doanhnghiep');
    coordinator = await login(t, 'canbo.tm');
    industry = await login(t, 'canbo.cn');
    leader = await login(t, 'lanhdao');
    planner = await login(t, 'canbo.kh');
    agencies = (await as(t, leader).get('/api/support/agencies')).json().items;
  });
  after(async () => t.close());

  it('an enterprise files, a coordinator routes with the category deadline, the handler drafts, a leader approves, the enterprise rates', async () => {
    const filed = await as(t, enterprise).send('POST', '/api/petitions', {
      category: 'ELECTRICITY',
      subject: 'Đề nghị nâng công suất trạm biến áp',
      content: 'Doanh nghiệp đề nghị được hướng dẫn thủ tục nâng công suất trạm biến áp 560 kVA để mở rộng sản xuất.',
    });
    assert.equal(filed.statusCode, 201, filed.body);
    const p = filed.json();
    assert.equal(p.state, 'RECEIVED');
    assert.equal(p.channel, 'PORTAL');
    assert.equal(p.enterprise.id, 1);
    assert.match(p.code, /^KN-\d{4}-\d{6}$/);
    assert.deepEqual(p.pciSubindices, ['TIME_COSTS', 'INFORMAL_CHARGES'], 'in the published order');
    assert.equal(p.dueAt, null, 'the deadline starts when the petition is routed');

    // A file comes with it; too large or the wrong type is refused and nothing is stored.
    const pdf = await upload(enterprise, p.id, 'so-do-tram.pdf', PDF);
    assert.equal(pdf.statusCode, 201, pdf.body);
    assert.equal((await upload(enterprise, p.id, 'lon.pdf', Buffer.concat([PDF, Buffer.alloc(5000, 0x20)]))).statusCode, 413);
    assert.equal((await upload(enterprise, p.id, 'x.exe', Buffer.from('MZ....'))).statusCode, 415);
    const withFile = (await as(t, enterprise).get(`/api/petitions/${p.id}`)).json();
    assert.deepEqual(withFile.attachments.map((a: { fileName: string }) => a.fileName), ['so-do-tram.pdf']);
    const downloaded = await as(t, coordinator).get(`/api/petitions/${p.id}/attachments/${pdf.json().id}`);
    assert.equal(downloaded.statusCode, 200);
    assert.ok(downloaded.rawPayload.subarray(0, 5).equals(Buffer.from('%PDF-')));

    // The coordinator routes it to EVN (own deadline 10 working days for electricity).
    const routed = await move(coordinator, p.id, { transition: 'assign', agencyId: agency('EVNHANOI').id });
    assert.equal(routed.statusCode, 200, routed.body);
    assert.equal(routed.json().state, 'IN_PROGRESS');
    assert.equal(routed.json().agency.name, agency('EVNHANOI').name);
    const due = new Date(routed.json().dueAt);
    const days = (due.getTime() - Date.now()) / 86_400_000;
    assert.ok(days > 10 && days < 20, `10 working days ahead, got ${days}`);

    // Transfer to the industry division, with the history kept; the industry officer then handles it.
    assert.equal((await move(coordinator, p.id, { transition: 'transfer', agencyId: agency('SCT-QLCN').id })).statusCode, 400, 'a transfer needs a reason');
    const moved = await move(coordinator, p.id, { transition: 'transfer', agencyId: agency('SCT-QLCN').id, reason: 'Thuộc chương trình phát triển công nghiệp hỗ trợ' });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.deepEqual(moved.json().timeline.filter((e: { transition: string | null }) => e.transition).map((e: { transition: string }) => e.transition), ['assign', 'transfer']);
    assert.equal((await move(planner, p.id, { transition: 'draft_reply', reply: 'Một câu trả lời đủ dài cho doanh nghiệp.' })).statusCode, 403, 'not the handling division');
    assert.equal((await move(industry, p.id, { transition: 'draft_reply', reply: 'ngắn' })).statusCode, 400);
    const drafted = await move(industry, p.id, { transition: 'draft_reply', reply: 'Sở Công Thương đã đề nghị EVNHANOI hướng dẫn thủ tục nâng công suất trong 5 ngày làm việc.' });
    assert.equal(drafted.statusCode, 200, drafted.body);

    // The enterprise does not see the draft; publishing before approval is refused.
    const seen = (await as(t, enterprise).get(`/api/petitions/${p.id}`)).json();
    assert.equal(seen.draftReply, null);
    assert.equal(seen.reply, null);
    const early = await as(t, coordinator).send('POST', `/api/petitions/${p.id}/publication`, { question: 'Thủ tục nâng công suất trạm biến áp?', answer: 'Liên hệ điện lực để được hướng dẫn chi tiết.' });
    assert.equal(early.statusCode, 409);
    assert.equal((await move(industry, p.id, { transition: 'approve_reply' })).statusCode, 403, 'only a leader approves');

    const approved = await move(leader, p.id, { transition: 'approve_reply' });
    assert.equal(approved.statusCode, 200, approved.body);
    assert.equal(approved.json().state, 'ANSWERED');
    assert.equal(approved.json().answeredOnTime, true);
    const mine = (await as(t, enterprise).get(`/api/petitions/${p.id}`)).json();
    assert.match(mine.reply, /nâng công suất/);
    assert.deepEqual(mine.allowedTransitions.sort(), ['accept', 'reopen']);
    assert.ok(mine.timeline.every((e: { actorName: string; unitCode: string | null }) => e.unitCode === null));

    // Unsatisfied: reopened with a reason, back to work with a new deadline; then answered and accepted.
    assert.equal((await move(enterprise, p.id, { transition: 'reopen' })).statusCode, 400, 'reopening needs a reason');
    const reopened = await move(enterprise, p.id, { transition: 'reopen', reason: 'Chưa nêu rõ thời hạn đóng điện' });
    assert.equal(reopened.statusCode, 200, reopened.body);
    assert.equal(reopened.json().state, 'IN_PROGRESS');
    assert.equal(reopened.json().satisfaction, 'UNSATISFIED');
    assert.equal(reopened.json().reopenCount, 1);
    await move(industry, p.id, { transition: 'draft_reply', reply: 'EVNHANOI cam kết đóng điện trạm biến áp trong 7 ngày làm việc kể từ khi nhận đủ hồ sơ.' });
    await move(leader, p.id, { transition: 'approve_reply' });
    const closed = await move(enterprise, p.id, { transition: 'accept' });
    assert.equal(closed.statusCode, 200, closed.body);
    assert.equal(closed.json().state, 'CLOSED');
    assert.equal(closed.json().satisfaction, 'SATISFIED');
    assert.equal((await move(enterprise, p.id, { transition: 'reopen', reason: 'lại' })).statusCode, 409, 'nothing to reopen once closed');

    // Published as an anonymised Q&A: naming the enterprise is refused; the public sees it.
    const named = await as(t, coordinator).send('POST', `/api/petitions/${p.id}/publication`, { question: 'Công ty TNHH Cơ khí Đông Anh hỏi về trạm biến áp?', answer: 'Điện lực hướng dẫn trong 7 ngày làm việc.' });
    assert.equal(named.statusCode, 400);
    assert.equal(named.json().details[0].path, 'body.question');
    const published = await as(t, coordinator).send('POST', `/api/petitions/${p.id}/publication`, { question: 'Doanh nghiệp cần làm gì để nâng công suất trạm biến áp?', answer: 'Điện lực hướng dẫn và đóng điện trong 7 ngày làm việc kể từ khi nhận đủ hồ sơ.' });
    assert.equal(published.statusCode, 200, published.body);
    const qa = (await t.app.inject({ method: 'GET', url: '/api/petitions/qa' })).json().items;
    assert.equal(qa.length, 1);
    assert.equal(qa[0].category, 'ELECTRICITY');
    assert.ok(!JSON.stringify(qa).includes('Đông Anh'));
  });

  it('an officer records a petition from a conference; bad input is refused and nothing stored', async () => {
    const conferences = (await as(t, leader).get('/api/support/conferences')).json().items;
    const n = await count();
    const cases0 = (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(cases))[0].n;
    const bad: [TSession, unknown, string][] = [
      [enterprise, { category: 'TAX', subject: 'Thiếu nội dung' }, 'body.content'],
      [enterprise, { subject: 'Không có lĩnh vực', content: 'Một nội dung kiến nghị đủ dài.' }, 'body.category'],
      [enterprise, { category: 'WEATHER', subject: 'Lĩnh vực lạ', content: 'Một nội dung kiến nghị đủ dài.' }, 'body.category'],
      [enterprise, { category: 'TAX', subject: 'Kênh sai', content: 'Một nội dung kiến nghị đủ dài.', channel: 'HOTLINE' }, 'body.channel'],
      [coordinator, { category: 'TAX', subject: 'Không có doanh nghiệp', content: 'Một nội dung kiến nghị đủ dài.', channel: 'LETTER' }, 'body.enterpriseId'],
      [coordinator, { category: 'TAX', subject: 'Hội nghị thiếu', content: 'Một nội dung kiến nghị đủ dài.', channel: 'CONFERENCE', enterpriseId: 2 }, 'body.conferenceId'],
      [coordinator, { category: 'TAX', subject: 'Doanh nghiệp lạ', content: 'Một nội dung kiến nghị đủ dài.', channel: 'LETTER', enterpriseId: 99999999 }, 'body.enterpriseId'],
    ];
    for (const [who, body, path] of bad) {
      const res = await as(t, who).send('POST', '/api/petitions', body);
      assert.equal(res.statusCode, 400, `${JSON.stringify(body)} → ${res.body}`);
      assert.ok(res.json().details.some((d: { path: string }) => d.path === path), `${path} in ${res.body}`);
    }
    assert.equal((await as(t, enterprise).send('POST', '/api/petitions', { category: 'TAX', subject: 'Cho doanh nghiệp khác', content: 'Một nội dung kiến nghị đủ dài.', enterpriseId: 2 })).statusCode, 403);
    assert.equal((await as(t, leader).send('POST', '/api/petitions', { category: 'TAX', subject: 'Lãnh đạo không nộp', content: 'Một nội dung kiến nghị đủ dài.', enterpriseId: 2, channel: 'LETTER' })).statusCode, 403);
    assert.equal(await count(), n);
    assert.equal((await t.database.db.select({ n: sql<number>`count(*)::int` }).from(cases))[0].n, cases0);

    const recorded = await as(t, coordinator).send('POST', '/api/petitions', {
      category: 'TAX',
      subject: 'Vướng mắc hoàn thuế giá trị gia tăng',
      content: 'Doanh nghiệp xuất khẩu linh kiện chậm được hoàn thuế giá trị gia tăng quý II.',
      channel: 'CONFERENCE',
      enterpriseId: 2,
      conferenceId: conferences[0].id,
    });
    assert.equal(recorded.statusCode, 201, recorded.body);
    assert.equal(recorded.json().conference.id, conferences[0].id);
    assert.equal(recorded.json().channel, 'CONFERENCE');

    // Another enterprise's petition is out of reach for the demo enterprise; its list holds its own only.
    assert.equal((await as(t, enterprise).get(`/api/petitions/${recorded.json().id}`)).statusCode, 403);
    const own = (await as(t, enterprise).get('/api/petitions')).json();
    assert.ok(own.items.length >= 1 && own.items.every((x: { enterprise: { id: number } }) => x.enterprise.id === 1));
    const all = (await as(t, leader).get('/api/petitions?category=TAX')).json();
    assert.ok(all.items.some((x: { id: number }) => x.id === recorded.json().id));
    const raised = (await as(t, leader).get(`/api/petitions?conferenceId=${conferences[0].id}`)).json();
    assert.deepEqual(raised.items.map((x: { id: number }) => x.id), [recorded.json().id]);
    const area = await login(t, 'canbo.khuvuc');
    assert.equal((await as(t, area).send('POST', `/api/petitions/${recorded.json().id}/transitions`, { transition: 'assign', agencyId: agency('THUE-HN').id })).statusCode, 403);

    // Transitions not allowed from the current state: 409 naming what is allowed; routing needs an agency.
    const wrong = await move(leader, recorded.json().id, { transition: 'approve_reply' });
    assert.equal(wrong.statusCode, 409);
    assert.equal((await move(coordinator, recorded.json().id, { transition: 'assign' })).statusCode, 400);
    assert.equal((await move(coordinator, recorded.json().id, { transition: 'assign', agencyId: 999999 })).statusCode, 400);
    const rejected = await move(coordinator, recorded.json().id, { transition: 'reject', reason: 'Thuộc thẩm quyền giải quyết khiếu nại về thuế' });
    assert.equal(rejected.statusCode, 200, rejected.body);
    assert.equal(rejected.json().state, 'REJECTED');
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/petitions' })).statusCode, 401);

    // Reminders: an open petition due soon reminds the handlers; past its deadline it is escalated to the leaders.
    const open = await as(t, coordinator).send('POST', '/api/petitions', { category: 'WORKFORCE', subject: 'Tuyển dụng lao động kỹ thuật', content: 'Doanh nghiệp cần hỗ trợ tuyển dụng lao động kỹ thuật.', channel: 'HOTLINE', enterpriseId: 3 });
    const dueAt = new Date((await move(coordinator, open.json().id, { transition: 'assign', agencyId: agency('SCT-QLCN').id })).json().dueAt).getTime();
    const ctx = { actor: null, ip: '', requestId: 'test', locale: 'vi' as const, systemActor: 'scheduler' };
    const soon = await t.services.petitionService.runDueReminders(ctx, { now: new Date(dueAt - 86_400_000) });
    assert.ok(soon.remindedSoon >= 1, JSON.stringify(soon));
    const late = await t.services.petitionService.runDueReminders(ctx, { now: new Date(dueAt + 86_400_000) });
    assert.ok(late.escalated >= 1, JSON.stringify(late));
    const leaderNotes = (await as(t, leader).get('/api/notifications')).json().items;
    assert.ok(leaderNotes.some((n: { kind: string; caseId: number }) => n.kind === 'PETITION_OVERDUE' && n.caseId === open.json().id));
    const industryNotes = (await as(t, industry).get('/api/notifications')).json().items;
    assert.ok(industryNotes.some((n: { kind: string }) => n.kind === 'PETITION_DUE_SOON'));
    assert.equal((await as(t, leader).send('POST', '/api/petitions/reminders')).statusCode, 403);
    assert.equal((await as(t, coordinator).send('POST', '/api/petitions/reminders')).statusCode, 200);
    await move(coordinator, open.json().id, { transition: 'reject', reason: 'Chuyển Sở Nội vụ theo thẩm quyền' });

    // Statistics of the period: indicators 5.1–5.3, by category and agency, PCI weight; CSV export.
    const stats = await as(t, leader).get('/api/petitions/stats');
    assert.equal(stats.statusCode, 200, stats.body);
    const s = stats.json();
    assert.equal(s.total, 3);
    assert.equal(s.indicators.classifiedPct, 100);
    assert.equal(s.indicators.onTimePct, 100);
    // 3 petitions − 0 dissatisfied now (the first was finally satisfied) − 0 late − 1 repeated = 2 of 3.
    assert.equal(s.indicators.satisfactionPct, 66.7);
    assert.deepEqual(s.byCategory.map((g: { key: string }) => g.key).sort(), ['ELECTRICITY', 'TAX', 'WORKFORCE']);
    assert.ok(s.pci.some((w: { subindex: string; petitions: number }) => w.subindex === 'TIME_COSTS' && w.petitions === 2));
    assert.equal((await as(t, enterprise).get('/api/petitions/stats')).statusCode, 403);
    assert.equal((await as(t, leader).get('/api/petitions/stats?from=2026-05-01&to=2026-01-01')).statusCode, 400);
    const csv = await as(t, leader).get('/api/petitions/stats.csv');
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    assert.match(csv.body, /category,ELECTRICITY/);
    assert.match(csv.body, /indicator,5.2,on time %,100/);
  });
  it('routes to a lead and co-agencies: co-agencies see it in their queue and contribute but cannot reply; bad input stores nothing', async () => {
    const motcua = await login(t, 'motcua');
    const n = (table: typeof petitionCoAgencies | typeof petitionContributions | typeof caseEvents) => t.database.db.select({ n: sql<number>`count(*)::int` }).from(table).then((r) => r[0].n);
    const filed = await as(t, coordinator).send('POST', '/api/petitions', {
      category: 'OTHER',
      subject: 'Hỗ trợ xây dựng thương hiệu sản phẩm công nghiệp',
      content: 'Doanh nghiệp đề nghị được hỗ trợ kinh phí xây dựng thương hiệu cho sản phẩm cơ khí xuất khẩu.',
      channel: 'LETTER',
      enterpriseId: 2,
    });
    assert.equal(filed.statusCode, 201, filed.body);
    const id = filed.json().id;
    const lead = agency('SCT-QLCN');
    const [coRows0, events0] = [await n(petitionCoAgencies), await n(caseEvents)];

    // Bad co-agencies: each refused with the field named; the petition stays unrouted and nothing is stored.
    const bad: [Record<string, unknown>, string, RegExp][] = [
      [{ transition: 'assign', agencyId: lead.id, coAgencyIds: [agency('SCT-KHTH').id, lead.id] }, 'body.coAgencyIds.1', /lead agency/],
      [{ transition: 'assign', agencyId: lead.id, coAgencyIds: [999999] }, 'body.coAgencyIds.0', /unknown agency 999999/],
      [{ transition: 'assign', agencyId: lead.id, coAgencyIds: [agency('STC').id, agency('STC').id] }, 'body.coAgencyIds.1', /twice/],
      [{ transition: 'reject', reason: 'Không thuộc phạm vi', coAgencyIds: [agency('STC').id] }, 'body.coAgencyIds', /assigning or transferring/],
      [{ transition: 'assign', agencyId: lead.id, coAgencyIds: ['x'] }, 'body.coAgencyIds.0', /./],
    ];
    for (const [body, path, message] of bad) {
      const res = await move(coordinator, id, body);
      assert.equal(res.statusCode, 400, `${JSON.stringify(body)} → ${res.body}`);
      const detail = res.json().details.find((d: { path: string }) => d.path === path);
      assert.ok(detail, `${path} in ${res.body}`);
      assert.match(detail.message, message);
    }
    assert.equal((await as(t, coordinator).get(`/api/petitions/${id}`)).json().state, 'RECEIVED');
    assert.equal(await n(petitionCoAgencies), coRows0);
    assert.equal(await n(caseEvents), events0);

    const routed = await move(coordinator, id, { transition: 'assign', agencyId: lead.id, coAgencyIds: [agency('SCT-KHTH').id, agency('STC').id] });
    assert.equal(routed.statusCode, 200, routed.body);
    assert.equal(routed.json().agency.id, lead.id);
    assert.deepEqual(routed.json().coAgencies.map((a: TAgency) => a.id), [agency('SCT-KHTH').id, agency('STC').id]);

    // The co-agencies are told: the planning division's officers; the coordinators for the external department.
    const told = (await as(t, planner).get('/api/notifications')).json().items;
    assert.ok(told.some((x: { kind: string; caseId: number }) => x.kind === 'PETITION_CO_AGENCY' && x.caseId === id), JSON.stringify(told));
    assert.ok((await as(t, industry).get('/api/notifications')).json().items.some((x: { kind: string; caseId: number }) => x.kind === 'PETITION_CO_AGENCY' && x.caseId === id));
    assert.ok(!(await as(t, motcua).get('/api/notifications')).json().items.some((x: { kind: string; caseId: number }) => x.kind === 'PETITION_CO_AGENCY'));

    // The planning division (a co-agency) sees it in its queue; the one-stop desk does not.
    const queueOf = async (s: TSession) => (await as(t, s).get('/api/petitions?mine=true')).json().items.map((x: { id: number }) => x.id);
    assert.ok((await queueOf(planner)).includes(id));
    assert.ok((await queueOf(industry)).includes(id), 'the lead division');
    assert.ok(!(await queueOf(motcua)).includes(id));
    const byCo = (await as(t, leader).get(`/api/petitions?coAgencyId=${agency('STC').id}`)).json().items.map((x: { id: number }) => x.id);
    assert.ok(byCo.includes(id));

    // A co-agency cannot reply; it contributes for its own agency only.
    const asPlanner = (await as(t, planner).get(`/api/petitions/${id}`)).json();
    assert.deepEqual(asPlanner.allowedTransitions, []);
    assert.deepEqual(asPlanner.contributeAs.map((a: TAgency) => a.id), [agency('SCT-KHTH').id]);
    assert.equal((await move(planner, id, { transition: 'draft_reply', reply: 'Phòng Kế hoạch - Tổng hợp trả lời thay phòng chủ trì.' })).statusCode, 403);
    const contributions0 = await n(petitionContributions);
    const contribute = (s: TSession, body: unknown) => as(t, s).send('POST', `/api/petitions/${id}/contributions`, body);
    const badContribution = await contribute(planner, { agencyId: agency('SNV').id, content: 'Ý kiến của một cơ quan không phối hợp.' });
    assert.equal(badContribution.statusCode, 400);
    assert.equal(badContribution.json().details[0].path, 'body.agencyId');
    const short = await contribute(planner, { agencyId: agency('SCT-KHTH').id, content: 'ngắn' });
    assert.equal(short.statusCode, 400);
    assert.equal(short.json().details[0].path, 'body.content');
    assert.equal((await contribute(planner, { agencyId: agency('STC').id, content: 'Ý kiến thay cho Sở Tài chính.' })).statusCode, 403, 'not its agency');
    assert.equal((await contribute(enterprise, { agencyId: agency('SCT-KHTH').id, content: 'Doanh nghiệp không góp ý ở đây.' })).statusCode, 403);
    assert.equal(await n(petitionContributions), contributions0);
    const given = await contribute(planner, { agencyId: agency('SCT-KHTH').id, content: 'Đề nghị lồng ghép vào Chương trình xúc tiến thương mại năm sau.' });
    assert.equal(given.statusCode, 201, given.body);
    const external = await contribute(coordinator, { agencyId: agency('STC').id, content: 'Sở Tài chính: kinh phí hỗ trợ theo Nghị quyết của HĐND Thành phố.' });
    assert.equal(external.statusCode, 201, 'a coordinator records an external co-agency’s contribution');
    assert.deepEqual(external.json().contributions.map((c: { agency: TAgency }) => c.agency.id), [agency('SCT-KHTH').id, agency('STC').id]);
    const audited = await t.database.db.select({ action: auditLog.action }).from(auditLog).where(sql`${auditLog.entity} = 'petition' and ${auditLog.entityId} = ${String(id)}`);
    assert.ok(audited.some((a) => a.action === 'petition.co_agencies'));
    assert.equal(audited.filter((a) => a.action === 'petition.contribute').length, 2);


    // Transferred to the planning division (the former co-agency becomes the lead): the history keeps it.
    const transferred = await move(coordinator, id, { transition: 'transfer', agencyId: agency('SCT-KHTH').id, reason: 'Thuộc chương trình xúc tiến thương mại' });
    assert.equal(transferred.statusCode, 200, transferred.body);
    assert.deepEqual(transferred.json().coAgencies.map((a: TAgency) => a.id), [agency('STC').id]);
    const history = transferred.json().coAgencyHistory.map((h: { agency: TAgency; removedAt: string | null }) => [h.agency.id, h.removedAt === null]);
    assert.deepEqual(history, [[agency('SCT-KHTH').id, false], [agency('STC').id, true]]);
    assert.ok((await as(t, planner).get(`/api/petitions/${id}`)).json().allowedTransitions.includes('draft_reply'), 'now the lead');
    const again = await move(coordinator, id, { transition: 'transfer', agencyId: lead.id, coAgencyIds: [agency('SCT-KHTH').id], reason: 'Phòng Quản lý công nghiệp chủ trì lại' });
    assert.deepEqual(again.json().coAgencyHistory.map((h: { agency: TAgency; removedAt: string | null }) => [h.agency.id, h.removedAt === null]), [
      [agency('SCT-KHTH').id, false],
      [agency('STC').id, false],
      [agency('SCT-KHTH').id, true],
    ]);
  });

  it('transfers a petition out to a ministry (the enterprise is told), counted apart in the statistics; exports XLSX', async () => {
    const before = (await as(t, leader).get('/api/petitions/stats')).json();
    const filed = await as(t, enterprise).send('POST', '/api/petitions', {
      category: 'MARKET_TRADE',
      subject: 'Đề nghị sửa quy định về hạn ngạch thuế quan',
      content: 'Doanh nghiệp đề nghị sửa đổi quy định phân giao hạn ngạch thuế quan nhập khẩu nguyên liệu.',
    });
    const id = filed.json().id;
    const bad: [Record<string, unknown>, string][] = [
      [{ transition: 'transfer_out', reason: 'Thuộc thẩm quyền của Bộ' }, 'body.agencyId'],
      [{ transition: 'transfer_out', agencyId: 999999, reason: 'Thuộc thẩm quyền của Bộ' }, 'body.agencyId'],
      [{ transition: 'transfer_out', agencyId: agency('SCT-QLTM').id, reason: 'Thuộc thẩm quyền của Bộ' }, 'body.agencyId'],
      [{ transition: 'transfer_out', agencyId: agency('BCT').id }, 'body.reason'],
      [{ transition: 'transfer_out', agencyId: agency('BCT').id, reason: '   ' }, 'body.reason'],
    ];
    for (const [body, path] of bad) {
      const res = await move(coordinator, id, body);
      assert.equal(res.statusCode, 400, `${JSON.stringify(body)} → ${res.body}`);
      assert.equal(res.json().details[0].path, path, res.body);
    }
    assert.equal((await move(planner, id, { transition: 'transfer_out', agencyId: agency('BCT').id, reason: 'Thuộc thẩm quyền của Bộ' })).statusCode, 403, 'coordinators only');
    const untouched = (await t.database.db.select().from(petitions).where(sql`${petitions.caseId} = ${id}`))[0];
    assert.equal(untouched.transferredOutAt, null);
    assert.equal((await as(t, enterprise).get(`/api/petitions/${id}`)).json().state, 'RECEIVED');
    assert.equal((await move(enterprise, id, { transition: 'transfer_out', agencyId: agency('BCT').id, reason: 'Tự chuyển' })).statusCode, 403);

    const mails0 = (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(mailOutbox).where(sql`${mailOutbox.to} = 'lienhe@cokhidonganh.vn'`))[0].n;
    const out = await move(coordinator, id, { transition: 'transfer_out', agencyId: agency('BCT').id, reason: 'Hạn ngạch thuế quan do Bộ Công Thương phân giao' });
    assert.equal(out.statusCode, 200, out.body);
    assert.equal(out.json().state, 'TRANSFERRED_OUT');
    assert.equal(out.json().transferredOut.agency.name, 'Bộ Công Thương');
    assert.deepEqual(out.json().allowedTransitions, []);
    assert.equal(out.json().dueAt, null);
    // The enterprise is told: in the app, by e-mail to the registry address, and on its petition page.
    const notes = (await as(t, enterprise).get('/api/notifications')).json().items;
    assert.ok(notes.some((x: { kind: string; caseId: number; body: string }) => x.kind === 'PETITION_TRANSFERRED_OUT' && x.caseId === id && x.body.includes('Bộ Công Thương')));
    const mails = (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(mailOutbox).where(sql`${mailOutbox.to} = 'lienhe@cokhidonganh.vn'`))[0].n;
    assert.equal(mails, mails0 + 1);
    const seen = (await as(t, enterprise).get(`/api/petitions/${id}`)).json();
    assert.equal(seen.transferredOut.reason, 'Hạn ngạch thuế quan do Bộ Công Thương phân giao');
    assert.deepEqual([seen.contributions, seen.coAgencyHistory, seen.contributeAs], [[], [], []], 'internal to the Department');
    assert.ok(seen.timeline.some((e: { transition: string | null }) => e.transition === 'transfer_out'));
    assert.equal((await move(coordinator, id, { transition: 'assign', agencyId: agency('SCT-QLTM').id })).statusCode, 409, 'final state');

    // Statistics: counted as transferred out, neither on time nor late; the month series adds up.
    const after = (await as(t, leader).get('/api/petitions/stats')).json();
    assert.equal(after.total, before.total + 1);
    assert.equal(after.transferredOut, before.transferredOut + 1);
    assert.equal(after.indicators.onTimePct, before.indicators.onTimePct);
    const sum = (k: 'received' | 'onTime' | 'late' | 'transferredOut') => after.byMonth.reduce((a: number, m: Record<string, number>) => a + m[k], 0);
    assert.equal(sum('received'), after.total);
    assert.equal(sum('transferredOut'), after.transferredOut);
    assert.equal(after.byCategory.find((g: { key: string }) => g.key === 'MARKET_TRADE').transferredOut, 1);
    assert.equal(after.byMonth.length, Number(after.to.slice(5, 7)), 'one row per month from January');

    // XLSX of the statistics and of the filtered list; a cell beginning with = is neutralised.
    const formula = await as(t, coordinator).send('POST', '/api/petitions', { category: 'OTHER', subject: '=HYPERLINK("http://x","y")', content: 'Một nội dung kiến nghị đủ dài.', channel: 'LETTER', enterpriseId: 3 });
    assert.equal(formula.statusCode, 201, formula.body);
    const read = async (url: string) => {
      const res = await as(t, leader).get(url);
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers['content-type']), /spreadsheetml/);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      return book;
    };
    const statsBook = await read('/api/petitions/stats.xlsx');
    assert.deepEqual(statsBook.worksheets.map((w) => w.name), ['Tổng hợp', 'Theo tháng', 'Theo lĩnh vực', 'Theo cơ quan', 'PCI']);
    assert.equal(statsBook.getWorksheet('Theo tháng')?.rowCount, after.byMonth.length + 1);
    const english = await read('/api/petitions/stats.xlsx?lang=en');
    assert.equal(english.worksheets[1].name, 'By month');
    const listBook = await read('/api/petitions/export.xlsx?category=OTHER');
    const sheet = listBook.worksheets[0];
    const subjects = sheet.getColumn(3).values.slice(2).map(String);
    assert.ok(subjects.includes(`'=HYPERLINK("http://x","y")`), subjects.join(' | '));
    const outList = await read('/api/petitions/export.xlsx?state=TRANSFERRED_OUT');
    assert.equal(outList.worksheets[0].rowCount, 2);
    assert.equal(outList.worksheets[0].getRow(2).getCell(9).value, 'Chuyển cơ quan Trung ương');
    assert.equal((await as(t, enterprise).get('/api/petitions/export.xlsx')).statusCode, 403);
    assert.equal((await as(t, leader).get('/api/petitions/export.xlsx?state=LOST')).statusCode, 400);
    assert.equal((await as(t, leader).get('/api/petitions/stats.xlsx?from=2026-13-01')).statusCode, 400);
  });
});
