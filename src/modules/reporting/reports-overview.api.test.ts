import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { lastReportedMonth } from '../demo/demo-statistics-seed';
import { as, createTestApp, login, type TSession, type TTestApp } from '../../../tests/helpers/test-app';

describe('report assignments and completeness', () => {
  let t: TTestApp;
  let ent: TSession;
  let officer: TSession;
  const period = lastReportedMonth();
  before(async () => {
    t = await createTestApp({}, { statistics: true });
    ent = await login(t, 'doanhnghiep');
    officer = await login(t, 'canbo.cn');
  });
  after(async () => t.close());

  it('lists the forms and months an enterprise must send, with state, deadline and lock', async () => {
    const res = await as(t, ent).get('/api/reports/assignments');
    assert.equal(res.statusCode, 200, res.body);
    const items: { formCode: string; period: string; status: string; enterpriseId: number; isLocked: boolean; deadline: string }[] = res.json().items;
    assert.ok(items.length > 0);
    assert.ok(items.every((i) => i.enterpriseId === 1));
    const last = items.find((i) => i.formCode === 'IIP_MONTHLY' && i.period === period);
    assert.ok(last, 'the last month of the industrial form is listed');
    assert.equal(last.isLocked, false);
    assert.ok(Date.parse(last.deadline) > Date.parse(`${period}-28`));
    const report = (await as(t, ent).get(`/api/reports/IIP_MONTHLY/1/${period}`)).json();
    assert.equal(last.status, report.status);
    assert.equal((await as(t, ent).get('/api/reports/assignments?enterpriseId=2')).statusCode, 403);
    assert.equal((await as(t, officer).get('/api/reports/assignments')).statusCode, 400, 'staff name the enterprise');
    const onBehalf = await as(t, officer).get('/api/reports/assignments?enterpriseId=1');
    assert.equal(onBehalf.statusCode, 200);
    assert.deepEqual(onBehalf.json().items, items);
  });

  it('counts expected, submitted, on time and accepted reports; a submission moves the counts', async () => {
    const q = `formCode=IIP_MONTHLY&period=${period}`;
    const before = (await as(t, officer).get(`/api/reports/completeness?${q}`)).json();
    const c = before.counts;
    assert.ok(c.expected > 0);
    assert.ok(c.accepted <= c.submitted && c.onTime <= c.submitted && c.submitted <= c.expected);
    assert.equal(before.nonReporters.length, c.expected - c.submitted);
    assert.equal(before.rates.submitted, Math.round((c.submitted / c.expected) * 1000) / 10);
    // Enterprise 1 saves and submits again: a draft drops out of "submitted", the submission brings it back.
    const url = `/api/reports/IIP_MONTHLY/1/${period}`;
    const report = (await as(t, ent).get(url)).json();
    const cells = report.items.filter((i: { value: number | null }) => i.value !== null).map((i: { item: string; value: number; previousMonth: number | null }) => ({ item: i.item, value: i.value, comment: 'Kiểm tra lại' }));
    assert.equal((await as(t, ent).send('PUT', url, { cells })).statusCode, 200);
    const draft = (await as(t, officer).get(`/api/reports/completeness?${q}`)).json();
    assert.equal(draft.counts.drafts, c.drafts + (report.status === 'DRAFT' ? 0 : 1));
    assert.ok(draft.nonReporters.some((n: { enterpriseId: number; status: string }) => n.enterpriseId === 1 && n.status === 'DRAFT'));
    const submitted = await as(t, ent).send('POST', `${url}/submit`);
    assert.equal(submitted.statusCode, 200, submitted.body);
    const after = (await as(t, officer).get(`/api/reports/completeness?${q}`)).json();
    assert.equal(after.counts.submitted, draft.counts.submitted + 1);
    assert.ok(!after.nonReporters.some((n: { enterpriseId: number }) => n.enterpriseId === 1));
    assert.equal((await as(t, ent).get(`/api/reports/completeness?${q}`)).statusCode, 403);
  });

  it('the report read carries the soft-rule warnings of the working values (for the entry page and the reviewer)', async () => {
    const url = `/api/reports/IIP_MONTHLY/1/${period}`;
    const report = (await as(t, officer).get(url)).json();
    const own = report.items.find((i: { item: string }) => i.item === 'P2592_MECHPART');
    const unusual = Math.round((own.previousMonth ?? 100) * 5);
    const saved = await as(t, officer).send('PUT', url, { cells: [{ item: 'P2592_MECHPART', value: unusual }] });
    assert.equal(saved.statusCode, 200, saved.body);
    const read = (await as(t, ent).get(url)).json();
    assert.ok(read.warnings.length > 0);
    assert.ok(read.warnings.every((w: { path: string; rule: string }) => w.path === 'cells.P2592_MECHPART' && /RATIO|OUTLIER/.test(w.rule)));
    assert.deepEqual(read.warnings, saved.json().warnings);
  });

  it('finds reports by tax code prefix or words of the name without diacritics', async () => {
    const byName = (await as(t, officer).get(`/api/reports?period=${period}&q=${encodeURIComponent('co khi dong anh')}`)).json();
    assert.ok(byName.items.some((r: { enterpriseId: number }) => r.enterpriseId === 1), JSON.stringify(byName.items.slice(0, 3)));
    assert.ok(byName.items.every((r: { nameVi: string }) => /Cơ khí Đông Anh/i.test(r.nameVi)));
    const byTax = (await as(t, officer).get(`/api/reports?period=${period}&q=0101234`)).json();
    assert.ok(byTax.items.length > 0 && byTax.items.every((r: { taxCode: string }) => r.taxCode.startsWith('0101234')));
    assert.equal((await as(t, officer).get(`/api/reports?period=${period}&q=khong-co-doanh-nghiep-nay`)).json().total, 0);
  });

  it('exports the non-reporters as XLSX', async () => {
    const q = `formCode=IIP_MONTHLY&period=${period}`;
    const json = (await as(t, officer).get(`/api/reports/completeness?${q}`)).json();
    const res = await as(t, officer).get(`/api/reports/completeness.xlsx?${q}`);
    assert.equal(res.statusCode, 200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('ChuaNop');
    assert.ok(sheet);
    assert.equal(sheet.getRow(1).getCell(2).value, 'Mã số thuế');
    if (json.nonReporters.length) assert.equal(sheet.getRow(2).getCell(2).value, json.nonReporters[0].taxCode);
    assert.equal((await as(t, officer).get('/api/reports/completeness.xlsx?formCode=NOPE&period=2024-01')).statusCode, 404);
  });
});
