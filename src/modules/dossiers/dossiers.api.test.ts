import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client';
import { systemContext } from '../audit/audit.service';
import { hashPassword } from '../auth/password';
import { insertUser } from '../users/users.repo';
import { as, createTestApp, login, TEST_PASSWORD, type TSession, type TTestApp } from '../../../tests/helpers/test-app';
import { DOSSIER_CODE_RE } from './dossier-rules';

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200, 0x20), Buffer.from('\n%%EOF\n')]);

const upload = (t: TTestApp, s: TSession, id: number, fileName: string, bytes: Buffer, purpose = 'COMPONENT') => {
  const boundary = '----ctdossier';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\n${purpose}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="label"\r\n\r\nĐơn đề nghị\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({ method: 'POST', url: `/api/dossiers/${id}/attachments`, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
};

/** The text of a DOCX body (word/document.xml). */
const documentXml = async (bytes: Buffer): Promise<string> => {
  const { default: JSZip } = await import('jszip');
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string');
  assert.ok(xml, 'word/document.xml');
  return xml;
};

const deskBody = (extra: Record<string, unknown> = {}) => ({
  procedureCode: '2.000620.H26',
  channel: 'DIRECT',
  requestSummary: 'Cấp Giấy phép bán lẻ sản phẩm rượu cho cửa hàng số 5',
  applicantName: 'Hộ kinh doanh Nguyễn Văn An',
  applicantAddress: 'Số 5 phố Huế, Hai Bà Trưng, Hà Nội',
  applicantPhone: '0912345678',
  ...extra,
});

describe('one-stop dossiers', () => {
  let t: TTestApp;
  let ent: TSession;
  let desk: TSession;
  let industry: TSession;
  let trade: TSession;
  let other: TSession;
  const count = async (table: string) => (await queryRows<{ n: number }>(t.database.db, sql.raw(`select count(*)::int as n from ${table}`)))[0].n;

  before(async () => {
    t = await createTestApp({ CASE_ATTACHMENT_MAX_BYTES: '4096', PUBLIC_URL: 'https://dichvucong.example.vn' });
    ent = await login(t, 'doanhnghiep');
    desk = await login(t, 'motcua');
    industry = await login(t, 'canbo.cn');
    trade = await login(t, 'canbo.tm');
    await insertUser(t.database.db, { username: 'doanhnghiep2', displayName: 'Công ty khác', role: 'ENTERPRISE', modules: [], unitCodes: [], enterpriseIds: [2], passwordHash: await hashPassword(TEST_PASSWORD) });
    other = await login(t, 'doanhnghiep2');
  });
  after(async () => t.close());

  let id = 0;
  let code = '';
  let intakeRefusedId = 0;

  it('an enterprise drafts online, uploads a component and submits; the one-stop desk receives it with a code', async () => {
    const draft = await as(t, ent).send('POST', '/api/dossiers', { procedureCode: '2.000591.H26', requestSummary: 'Cấp giấy chứng nhận ATTP cho xưởng chế biến' });
    assert.equal(draft.statusCode, 201, draft.body);
    id = draft.json().id;
    assert.equal(draft.json().state, 'DRAFT');
    assert.equal(draft.json().applicant.name, 'Công ty TNHH Cơ khí Đông Anh');
    assert.deepEqual(draft.json().allowedTransitions, ['submit', 'request_withdrawal'].filter((x) => x === 'submit'));

    // Submit without a component: 400, nothing changes.
    const early = await as(t, ent).send('POST', `/api/dossiers/${id}/transitions`, { transition: 'submit' });
    assert.equal(early.statusCode, 400);
    assert.match(early.json().message, /at least 1 attached file/);

    const file = await upload(t, ent, id, 'don-de-nghi.pdf', PDF);
    assert.equal(file.statusCode, 201, file.body);
    assert.equal(file.json().contentType, 'application/pdf');
    const submitted = await as(t, ent).send('POST', `/api/dossiers/${id}/transitions`, { transition: 'submit' });
    assert.equal(submitted.statusCode, 200, submitted.body);
    assert.equal(submitted.json().state, 'SUBMITTED');
    assert.equal(submitted.json().nationalStatus, 1);

    const waiting = (await as(t, desk).get('/api/dossiers/queue?state=SUBMITTED')).json();
    const waitingItem = waiting.items.find((i: { id: number }) => i.id === id);
    assert.ok(waitingItem, 'a submitted dossier waits in the one-stop queue');
    assert.match(waitingItem.title, /an toàn thực phẩm đối với cơ sở/, 'named after its own procedure');
    const inbox = (await as(t, desk).get('/api/notifications')).json();
    assert.ok(inbox.items.some((n: { caseId: number }) => n.caseId === id));

    const received = await as(t, desk).send('POST', `/api/dossiers/${id}/transitions`, { transition: 'receive' });
    assert.equal(received.statusCode, 200, received.body);
    const r = received.json();
    code = r.code;
    assert.match(code, DOSSIER_CODE_RE);
    assert.ok(code.startsWith('000.00.17.H26-'));
    assert.equal(r.state, 'RECEIVED');
    assert.equal(r.legalTime.value, 15, 'bound to the version in force (amended in 2025: 15 working days)');
    assert.ok(r.dueAt && r.firstDueAt === r.dueAt);
    assert.equal(r.unitCode, 'ONE_STOP');

    const slip = await as(t, desk).get(`/api/dossiers/${id}/slips/receipt`);
    assert.equal(slip.statusCode, 200);
    assert.match(String(slip.headers['content-disposition']), /mau-01-/);
    assert.equal(slip.rawPayload.subarray(0, 2).toString(), 'PK');
    assert.ok(slip.rawPayload.includes(Buffer.from('word/media/')), 'the slip embeds the QR code image');
    // The applicant may download the slip too.
    assert.equal((await as(t, ent).get(`/api/dossiers/${id}/slips/receipt`)).statusCode, 200);
  });

  it('refuses an invalid transition with 409 naming the allowed ones, and stores nothing', async () => {
    const events = await count('case_events');
    const bad = await as(t, desk).send('POST', `/api/dossiers/${id}/transitions`, { transition: 'return_result' });
    assert.equal(bad.statusCode, 409);
    assert.equal(bad.json().code, 'INVALID_TRANSITION');
    assert.match(bad.json().message, /allowed: .*transfer/);
    assert.ok(bad.json().details.allowed.includes('request_supplement'));
    assert.equal(await count('case_events'), events);
  });

  it('transfers to a unit with a sub-deadline; the unit requests a supplement (reason required) and the clock restarts when it is complete', async () => {
    const units = (await as(t, desk).get('/api/dossiers/units')).json();
    const officer = units.items.find((u: { code: string }) => u.code === 'INDUSTRY').officers[0];
    const moved = await as(t, desk).send('POST', `/api/dossiers/${id}/transitions`, { transition: 'transfer', unitCode: 'INDUSTRY', assigneeId: officer.id, stepDays: 10 });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.equal(moved.json().state, 'PROCESSING');
    assert.equal(moved.json().unitCode, 'INDUSTRY');
    assert.ok(moved.json().stepDueAt);
    assert.equal(moved.json().steps.length, 2);

    // Re-assignment within the unit: a new step for the same unit; an officer of another unit is refused.
    const tradeOfficer = units.items.find((u: { code: string }) => u.code === 'TRADE').officers[0];
    assert.equal((await as(t, industry).send('POST', `/api/dossiers/${id}/assign`, { assigneeId: tradeOfficer.id })).statusCode, 400);
    const reassigned = await as(t, industry).send('POST', `/api/dossiers/${id}/assign`, { assigneeId: officer.id, stepDays: 8, reason: 'Giao lại' });
    assert.equal(reassigned.statusCode, 200, reassigned.body);
    assert.equal(reassigned.json().steps.length, 3);
    assert.equal(reassigned.json().steps[2].unitCode, 'INDUSTRY');
    assert.equal((await as(t, trade).send('POST', `/api/dossiers/${id}/assign`, { assigneeId: officer.id })).statusCode, 403);

    // The trade division is not the handler: 403 (not its unit).
    const foreign = await as(t, trade).send('POST', `/api/dossiers/${id}/transitions`, { transition: 'approve' });
    assert.equal(foreign.statusCode, 403);

    const noReason = await as(t, industry).send('POST', `/api/dossiers/${id}/transitions`, { transition: 'request_supplement' });
    assert.equal(noReason.statusCode, 400);
    assert.deepEqual(noReason.json().details[0].path, 'body.reason');
    assert.equal((await as(t, industry).get(`/api/dossiers/${id}`)).json().state, 'PROCESSING');

    const asked = await as(t, industry).send('POST', `/api/dossiers/${id}/transitions`, { transition: 'request_supplement', reason: 'Thiếu bản sao giấy chứng nhận đăng ký kinh doanh', items: ['Bản sao Giấy chứng nhận đăng ký doanh nghiệp'] });
    assert.equal(asked.statusCode, 200, asked.body);
    assert.equal(asked.json().state, 'SUPPLEMENT_REQUESTED');
    assert.equal(asked.json().urgency, 'PAUSED');
    const slip2 = await as(t, ent).get(`/api/dossiers/${id}/slips/supplement`);
    assert.equal(slip2.statusCode, 200);

    // Completing needs the supplemented files.
    const empty = await as(t, ent).send('POST', `/api/dossiers/${id}/transitions`, { transition: 'complete_supplement' });
    assert.equal(empty.statusCode, 400);
    const f = await upload(t, ent, id, 'dang-ky-doanh-nghiep.pdf', PDF, 'SUPPLEMENT');
    assert.equal(f.statusCode, 201);
    const before = asked.json().dueAt;
    const done = await as(t, ent).send('POST', `/api/dossiers/${id}/transitions`, { transition: 'complete_supplement', attachmentIds: [f.json().id] });
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(done.json().state, 'PROCESSING');
    assert.ok(done.json().dueAt >= before, 'restarted from zero at the completion');
    assert.equal(done.json().firstDueAt, before);
    assert.equal(done.json().pauses[0].rule, 'RESTART');
    assert.equal(done.json().canAssign, false, 'the applicant does not assign');
    assert.ok(done.json().pauses[0].endedAt);
  });

  it('pending payment, approval, return of the result, classification and evaluation; public lookup without personal data', async () => {
    const pay = await as(t, industry).send('POST', `/api/dossiers/${id}/transitions`, { transition: 'request_payment' });
    assert.equal(pay.statusCode, 200, pay.body);
    assert.equal(pay.json().state, 'AWAITING_PAYMENT');
    assert.equal(pay.json().feeVnd, 2500000);
    const paid = await as(t, desk).send('POST', `/api/dossiers/${id}/transitions`, { transition: 'confirm_payment', paidOnline: true });
    assert.equal(paid.statusCode, 200, paid.body);
    const ok = await as(t, industry).send('POST', `/api/dossiers/${id}/transitions`, { transition: 'approve' });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().state, 'PROCESSED');
    assert.equal(ok.json().result, 'APPROVED');
    assert.equal(ok.json().timelinessLegal, 'EARLY');
    assert.equal(ok.json().timelinessPortal, 'EARLY');
    const back = await as(t, desk).send('POST', `/api/dossiers/${id}/transitions`, { transition: 'return_result' });
    assert.equal(back.json().state, 'RETURNED');

    const ev = await as(t, ent).send('POST', `/api/dossiers/${id}/evaluation`, { contactsCount: 1, agenciesContacted: 'ONE_STOP_ONLY', hadComplaint: false, satisfaction: 'SATISFIED' });
    assert.equal(ev.statusCode, 200, ev.body);
    assert.deepEqual(ev.json().evaluation.scores, { 1: 2, 2: 2, 3: 1, 4: 1, 7: 2 });
    assert.equal((await as(t, ent).send('POST', `/api/dossiers/${id}/evaluation`, { contactsCount: 0, agenciesContacted: 'NONE', hadComplaint: false, satisfaction: 'SATISFIED' })).statusCode, 409);

    const look = await t.app.inject({ method: 'GET', url: `/api/dossiers/lookup/${code}` });
    assert.equal(look.statusCode, 200);
    assert.equal(look.json().nationalStatus, 10);
    assert.equal(look.json().statusLabel, 'Đã trả kết quả');
    assert.ok(look.json().history.length >= 8);
    assert.ok(!look.body.includes('Cơ khí Đông Anh') && !look.body.includes('Thiếu bản sao') && !look.body.includes('Trần Thị Hoa'), 'no personal data or staff reasons');
    const events = (await as(t, industry).get(`/api/dossiers/${id}`)).json().events;
    assert.ok(events.some((e: { transition: string; reason: string }) => e.transition === 'request_supplement' && e.reason.startsWith('Thiếu')));
  });

  it('lookup: malformed code 400, unknown code 404', async () => {
    const bad = await t.app.inject({ method: 'GET', url: '/api/dossiers/lookup/ABC-123' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().message, /not a dossier code/);
    const unknown = await t.app.inject({ method: 'GET', url: '/api/dossiers/lookup/000.00.17.H26-200101-0001' });
    assert.equal(unknown.statusCode, 404);
  });

  it('desk receipt dated in the future is refused and stores nothing; refusal at intake needs a reason', async () => {
    const cases = await count('cases');
    const future = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const res = await as(t, desk).send('POST', '/api/dossiers/desk', deskBody({ receivedAt: future }));
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().details[0].path, 'body.receivedAt');
    assert.equal(await count('cases'), cases);
    // Only one-stop officers receive at the desk.
    assert.equal((await as(t, industry).send('POST', '/api/dossiers/desk', deskBody())).statusCode, 403);

    const draft = (await as(t, ent).send('POST', '/api/dossiers', { procedureCode: '2.000620.H26', requestSummary: 'Giấy phép bán lẻ rượu' })).json();
    await upload(t, ent, draft.id, 'don.pdf', PDF);
    await as(t, ent).send('POST', `/api/dossiers/${draft.id}/transitions`, { transition: 'submit' });
    const noReason = await as(t, desk).send('POST', `/api/dossiers/${draft.id}/transitions`, { transition: 'refuse_intake' });
    assert.equal(noReason.statusCode, 400);
    const refused = await as(t, desk).send('POST', `/api/dossiers/${draft.id}/transitions`, { transition: 'refuse_intake', reason: 'Hồ sơ không thuộc thẩm quyền' });
    assert.equal(refused.json().state, 'REJECTED_AT_INTAKE');
    assert.equal(refused.json().code, null);
    assert.equal(refused.json().slips.refusal, true);
    intakeRefusedId = draft.id;
  });

  it('Mẫu 03: refusal at intake (reason, no code) and after appraisal, as DOCX with the Vietnamese text', async () => {
    const intake = await as(t, ent).get(`/api/dossiers/${intakeRefusedId}/slips/refusal`);
    assert.equal(intake.statusCode, 200, intake.body);
    assert.match(String(intake.headers['content-disposition']), /mau-03-ho-so-/);
    const xml = await documentXml(intake.rawPayload);
    for (const text of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', 'từ chối tiếp nhận hồ sơ này vì lý do sau', 'Hồ sơ không thuộc thẩm quyền', 'Hồ sơ chưa được cấp mã', 'Công ty TNHH Cơ khí Đông Anh', 'Đỗ Thị Lan']) {
      assert.ok(xml.includes(text), `${text} in Mẫu 03 (intake)`);
    }
    // After appraisal: received at the desk, transferred, refused by the unit with a reason.
    const d = (await as(t, desk).send('POST', '/api/dossiers/desk', deskBody())).json();
    await as(t, desk).send('POST', `/api/dossiers/${d.id}/transitions`, { transition: 'transfer', unitCode: 'INDUSTRY' });
    assert.equal((await as(t, desk).get(`/api/dossiers/${d.id}/slips/refusal`)).statusCode, 409, 'not refused yet');
    const refused = await as(t, industry).send('POST', `/api/dossiers/${d.id}/transitions`, { transition: 'refuse', reason: 'Địa điểm kinh doanh không đáp ứng điều kiện' });
    assert.equal(refused.statusCode, 200, refused.body);
    const slip = await as(t, desk).get(`/api/dossiers/${d.id}/slips/refusal`);
    assert.equal(slip.statusCode, 200, slip.body);
    const xml2 = await documentXml(slip.rawPayload);
    for (const text of ['PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', 'Sau khi thẩm định', 'Địa điểm kinh doanh không đáp ứng điều kiện', `Mã hồ sơ: ${refused.json().code}`, 'Hộ kinh doanh Nguyễn Văn An', 'Trần Thị Hoa']) {
      assert.ok(xml2.includes(text), `${text} in Mẫu 03 (appraisal)`);
    }
    // An approved dossier has no refusal slip.
    assert.equal((await as(t, ent).get(`/api/dossiers/${id}/slips/refusal`)).statusCode, 409);
  });

  it('Mẫu 05: the control slip lists each hand-over of the journal (actor, unit, time, result); staff only', async () => {
    const res = await as(t, desk).get(`/api/dossiers/${id}/slips/control`);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-disposition']), /mau-05-/);
    const xml = await documentXml(res.rawPayload);
    for (const text of ['PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', `Mã hồ sơ: ${code}`, 'Thời gian giao, nhận', 'Người thực hiện', 'Tiếp nhận hồ sơ', 'Chuyển xử lý', 'Giao xử lý', 'Yêu cầu bổ sung hồ sơ', 'Phê duyệt kết quả', 'Trả kết quả', 'Đỗ Thị Lan', 'Trần Thị Hoa', 'Thiếu bản sao giấy chứng nhận đăng ký kinh doanh', 'Đã trả kết quả']) {
      assert.ok(xml.includes(text), `${text} in Mẫu 05`);
    }
    assert.ok(xml.indexOf('Tiếp nhận hồ sơ') < xml.indexOf('Chuyển xử lý') && xml.indexOf('Chuyển xử lý') < xml.indexOf('Trả kết quả'), 'in the order of the journal');
    assert.equal((await as(t, ent).get(`/api/dossiers/${id}/slips/control`)).statusCode, 403);
    assert.equal((await as(t, desk).get(`/api/dossiers/${id}`)).json().slips.control, true);
    assert.equal((await as(t, ent).get(`/api/dossiers/${id}`)).json().slips.control, false);
  });

  it('Mẫu 06: the register of a date range (A4 landscape), by unit; bad ranges 400; enterprises 403', async () => {
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const res = await as(t, desk).get(`/api/dossiers/register.docx?from=${today}&to=${today}`);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-disposition']), /mau-06-so-theo-doi-/);
    const xml = await documentXml(res.rawPayload);
    for (const text of ['SỔ THEO DÕI HỒ SƠ', 'Mã hồ sơ', 'Tên thủ tục hành chính', 'Hẹn trả', 'Trả kết quả', code, 'Công ty TNHH Cơ khí Đông Anh', 'Hộ kinh doanh Nguyễn Văn An', 'Số 5 phố Huế, Hai Bà Trưng, Hà Nội; 0912345678', 'w:orient="landscape"']) {
      assert.ok(xml.includes(text), `${text} in Mẫu 06`);
    }
    assert.ok(!xml.includes('Giấy phép bán lẻ rượu'), 'a dossier refused at intake (never received) is not in the register');
    const industryOnly = await documentXml((await as(t, desk).get(`/api/dossiers/register.docx?from=${today}&to=${today}&unitCode=INDUSTRY`)).rawPayload);
    assert.ok(industryOnly.includes('Phòng Quản lý công nghiệp') && industryOnly.includes(code));
    const oneStop = await documentXml((await as(t, desk).get(`/api/dossiers/register.docx?from=${today}&to=${today}&unitCode=TRADE`)).rawPayload);
    assert.ok(!oneStop.includes(code), 'another unit');
    const bad = async (query: string, field: string) => {
      const r = await as(t, desk).get(`/api/dossiers/register.docx?${query}`);
      assert.equal(r.statusCode, 400, query);
      assert.match(r.body, new RegExp(field), query);
    };
    await bad('from=2025-02-30&to=2025-03-01', 'from');
    await bad('from=2025-03-02&to=2025-03-01', 'to');
    await bad('from=2024-01-01&to=2025-03-01', 'to');
    await bad('from=2025-03-01&to=2025-03-01&unitCode=NOPE', 'unitCode');
    assert.equal((await as(t, ent).get(`/api/dossiers/register.docx?from=${today}&to=${today}`)).statusCode, 403);
  });

  it('uploads: too large 413, forbidden type 415, disguised content 415; nothing stored', async () => {
    const draft = (await as(t, ent).send('POST', '/api/dossiers', { procedureCode: '2.000620.H26', requestSummary: 'Giấy phép bán lẻ rượu' })).json();
    const before = await count('case_attachments');
    const big = await upload(t, ent, draft.id, 'big.pdf', Buffer.concat([PDF, Buffer.alloc(5000, 0x20)]));
    assert.equal(big.statusCode, 413);
    assert.match(big.json().message, /limit is 4096 bytes/);
    const exe = await upload(t, ent, draft.id, 'virus.exe', Buffer.from('MZ....'));
    assert.equal(exe.statusCode, 415);
    assert.match(exe.json().message, /allowed: pdf/);
    const fake = await upload(t, ent, draft.id, 'fake.pdf', Buffer.from('<html>not a pdf</html>'));
    assert.equal(fake.statusCode, 415);
    assert.equal(await count('case_attachments'), before);
    assert.equal(await count('case_attachment_blobs'), before);
  });

  it('late handling: one apology and reschedule (second 409); classification stays against the legal due date', async () => {
    const res = await as(t, desk).send('POST', '/api/dossiers/desk', deskBody());
    assert.equal(res.statusCode, 201, res.body);
    const d = res.json();
    assert.equal(d.state, 'RECEIVED');
    const newDueDate = '2099-12-31';
    const notWorking = await as(t, desk).send('POST', `/api/dossiers/${d.id}/reschedule`, { newDueDate: '2099-12-26', reason: 'Chờ ý kiến' });
    assert.equal(notWorking.statusCode, 400);
    const first = await as(t, desk).send('POST', `/api/dossiers/${d.id}/reschedule`, { newDueDate, reason: 'Chờ ý kiến thẩm định của liên ngành' });
    assert.equal(first.statusCode, 200, first.body);
    assert.ok(first.json().rescheduledDueAt.startsWith('2099-12-31'));
    assert.equal(first.json().dueAt, d.dueAt);
    const apology = await as(t, desk).get(`/api/dossiers/${d.id}/slips/apology`);
    assert.equal(apology.statusCode, 200);
    const second = await as(t, desk).send('POST', `/api/dossiers/${d.id}/reschedule`, { newDueDate: '2100-01-04', reason: 'Lần hai' });
    assert.equal(second.statusCode, 409);
    assert.match(second.json().message, /only one reschedule/);
    const look = (await t.app.inject({ method: 'GET', url: `/api/dossiers/lookup/${d.code}` })).json();
    assert.ok(look.rescheduledDueAt.startsWith('2099-12-31'));
  });

  it('a daily alert tells the officer of a dossier due within the window (apology reminder)', async () => {
    const d = (await as(t, desk).send('POST', '/api/dossiers/desk', deskBody())).json();
    await t.database.db.execute(sql`update cases set due_at = now() + interval '2 hours' where id = ${d.id}`);
    const r = await t.services.dossierService.runDueAlerts(systemContext('test'));
    assert.ok(r.alerted >= 1);
    const inbox = (await as(t, desk).get('/api/notifications?unread=true')).json();
    const alert = inbox.items.find((n: { caseId: number; kind: string }) => n.caseId === d.id && n.kind === 'DOSSIER_DUE');
    assert.ok(alert, 'the desk officer who received it is alerted');
    assert.match(alert.body, /Mẫu 04/);
    assert.equal((await as(t, desk).send('POST', `/api/notifications/${alert.id}/read`)).statusCode, 204);
    assert.ok(!(await as(t, desk).get('/api/notifications?unread=true')).json().items.some((n: { id: number }) => n.id === alert.id));
  });

  it('withdrawal: the applicant asks, the desk confirms; the dossier stops', async () => {
    const draft = (await as(t, ent).send('POST', '/api/dossiers', { procedureCode: '2.000620.H26', requestSummary: 'Giấy phép bán lẻ rượu' })).json();
    await upload(t, ent, draft.id, 'don.pdf', PDF);
    await as(t, ent).send('POST', `/api/dossiers/${draft.id}/transitions`, { transition: 'submit' });
    await as(t, desk).send('POST', `/api/dossiers/${draft.id}/transitions`, { transition: 'receive' });
    const ask = await as(t, ent).send('POST', `/api/dossiers/${draft.id}/transitions`, { transition: 'request_withdrawal', reason: 'Không còn nhu cầu' });
    assert.equal(ask.json().state, 'WITHDRAWAL_REQUESTED');
    const stop = await as(t, desk).send('POST', `/api/dossiers/${draft.id}/transitions`, { transition: 'confirm_withdrawal' });
    assert.equal(stop.json().state, 'STOPPED');
    assert.ok(stop.json().finishedAt);
  });

  it('access: another enterprise cannot see or act on the dossier; enterprises have no work queue', async () => {
    assert.equal((await as(t, other).get(`/api/dossiers/${id}`)).statusCode, 404);
    assert.equal((await as(t, other).send('POST', `/api/dossiers/${id}/transitions`, { transition: 'request_withdrawal', reason: 'x' })).statusCode, 404);
    assert.equal((await as(t, other).get(`/api/dossiers/${id}/slips/receipt`)).statusCode, 404);
    assert.equal((await as(t, other).get('/api/dossiers/mine')).json().total, 0);
    assert.ok((await as(t, ent).get('/api/dossiers/mine')).json().total >= 4);
    assert.equal((await as(t, ent).get('/api/dossiers/queue')).statusCode, 403);
  });

  it('work queues per unit and officer with overdue and due-soon counts', async () => {
    const q = await as(t, desk).get('/api/dossiers/queue?scope=unit');
    assert.equal(q.statusCode, 200, q.body);
    assert.ok(q.json().items.every((i: { unitCode: string }) => i.unitCode === 'ONE_STOP'));
    assert.ok(q.json().total >= 1);
    const foreign = await as(t, desk).get('/api/dossiers/queue?unit=TRADE');
    assert.equal(foreign.statusCode, 403);
    const mine = await as(t, industry).get('/api/dossiers/queue?scope=mine');
    assert.equal(mine.statusCode, 200);
  });

  it('the journal is append-only at database level', async () => {
    const appendOnly = (e: unknown) => /append-only/.test(String((e as { cause?: unknown }).cause ?? e));
    await assert.rejects(t.database.db.execute(sql`update case_events set reason = 'x'`), appendOnly);
    await assert.rejects(t.database.db.execute(sql`delete from case_events`), appendOnly);
  });

  it('50 concurrent receipts for one agency and day get 50 distinct consecutive codes', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => as(t, desk).send('POST', '/api/dossiers/desk', deskBody())));
    for (const r of results) assert.equal(r.statusCode, 201, r.body);
    const codes = results.map((r) => r.json().code as string);
    assert.equal(new Set(codes).size, 50);
    const day = codes[0].split('-')[1];
    const all = (await queryRows<{ code: string }>(t.database.db, sql`select code from dossiers where code like ${`%-${day}-%`} order by code`)).map((r) => Number(r.code.slice(-4)));
    assert.deepEqual(all, Array.from({ length: all.length }, (_, i) => i + 1), 'no gap from 0001');
  });
});
