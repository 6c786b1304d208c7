import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { cases } from '../../db/schema/cases';
import { petitions } from '../../db/schema/petitions';
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
});
