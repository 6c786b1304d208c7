import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { as, createTestApp, login, type TSession, type TTestApp } from '../../../tests/helpers/test-app';

const model = (hours: number[], over: Record<string, unknown> = {}) => ({
  steps: hours.map((h, i) => ({ name: `Bước ${i + 1}`, hours: h })),
  feesVnd: 1_200_000,
  consultancyVnd: 0,
  otherCosts: [{ name: 'Đi lại', amountVnd: 100_000 }],
  subjectsPerYear: 150,
  timesPerYear: 1,
  ...over,
});

describe('compliance cost and simplification review', () => {
  let t: TTestApp;
  let desk: TSession;
  let officer: TSession;
  const count = async (table: string) => Number(((await t.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: { n: number }[] }).rows[0].n);
  const counts = async () => [await count('compliance_reviews'), await count('compliance_review_events'), await count('compliance_income_rates'), await count('audit_log')];

  before(async () => {
    t = await createTestApp();
    desk = await login(t, 'motcua');
    officer = await login(t, 'canbo.cn');
  });
  after(async () => t.close());

  it('seeds the demo review: coverage by field, abolished food-safety procedures, adopted simplifications (hand-computed figures)', async () => {
    const d = (await as(t, officer).get('/api/compliance/dashboard')).json();
    assert.equal(d.total, 13);
    assert.equal(d.reviewed, 9);
    assert.equal(d.byStatus.ABOLISHED, 2);
    assert.equal(d.byStatus.ADOPTED, 3);
    const attp = d.byField.find((f: { fieldCode: string }) => f.fieldCode === 'ATTP');
    assert.deepEqual([attp.reviewed, attp.total, attp.coveragePct, attp.fieldName], [4, 4, 100, 'An toàn thực phẩm']);
    assert.equal(d.needsAbolition, 0);

    // 2.000552.H26, reviewed 16/09/2024 at 33,000 VND/h: (4 + 2 + 4 + 1.5) h × 33,000 = 379,500; + 30,000 fees + 120,000 other
    // = 529,500 per compliance × 4,500 a year = 2,382,750,000; abolished → saving 100 %.
    const abolished = (await as(t, officer).get('/api/compliance/reviews/2.000552.H26')).json();
    assert.equal(abolished.status, 'ABOLISHED');
    assert.equal(abolished.catalogueStatus, 'ABOLISHED');
    assert.deepEqual(abolished.abolishedBy, { decision: '1145/QĐ-UBND', effectiveFrom: '2025-03-15' });
    assert.equal(abolished.figures.before.costOnceVnd, 529_500);
    assert.equal(abolished.figures.before.annualCostVnd, 2_382_750_000);
    assert.deepEqual([abolished.figures.annualAfterVnd, abolished.figures.savingRatePct], [0, 100]);
    assert.deepEqual(abolished.events.map((e: { toStatus: string }) => e.toStatus), ['SIMPLIFICATION_PROPOSED', 'ADOPTED', 'ABOLISHED']);
    assert.deepEqual(abolished.allowedTransitions, []);

    // 2.000591.H26 adopted: before 33 h × 33,000 + 3,000,000 + 2,500,000 + 250,000 = 6,839,000 × 1,800 = 12,310,200,000;
    // after 20.75 h × 33,000 = 684,750 + 2,000,000 + 2,500,000 + 100,000 = 5,284,750 × 1,800 = 9,512,550,000.
    const adopted = (await as(t, officer).get('/api/compliance/reviews/2.000591.H26')).json();
    assert.equal(adopted.status, 'ADOPTED');
    assert.equal(adopted.incomeRate.vndPerHour, 33_000);
    assert.equal(adopted.figures.before.annualCostVnd, 12_310_200_000);
    assert.equal(adopted.figures.annualAfterVnd, 9_512_550_000);
    assert.equal(adopted.figures.savingVnd, 2_797_650_000);
    assert.equal(adopted.figures.savingRatePct.toFixed(4), '22.7263');
    assert.equal(adopted.version.effectiveFrom, '2023-06-02');
    assert.equal(adopted.versionSuperseded, true, 'the 2025 amendment came after the reviewed version');
    assert.equal(adopted.editable, false);

    const list = (await as(t, officer).get('/api/compliance/reviews?field=ATTP')).json();
    assert.deepEqual(list.items.map((i: { code: string }) => i.code).sort(), ['2.000355.H26', '2.000552.H26', '2.000591.H26', '2.000633.H26']);
    const sumBefore = (await as(t, officer).get('/api/compliance/reviews')).json().items.reduce((s: number, i: { annualBeforeVnd: number | null; status: string }) => s + (i.status === 'NOT_REVIEWED' ? 0 : (i.annualBeforeVnd ?? 0)), 0);
    assert.equal(d.costs.annualBeforeVnd, sumBefore);
    assert.equal(d.costs.savingVnd, d.achieved.savingVnd + d.proposed.savingVnd);
    assert.equal(d.top[0].code, '2.000591.H26');
    const search = (await as(t, officer).get('/api/compliance/reviews?q=ruou%20ban%20le')).json();
    assert.deepEqual(search.items.map((i: { code: string }) => i.code), ['2.000620.H26']);
  });

  it('an officer of the one-stop desk costs a procedure, proposes a simplification and adopts it, audited with who and when', async () => {
    const code = '2.000114.H26';
    const audits = await count('audit_log');
    const saved = await as(t, desk).send('PUT', `/api/compliance/reviews/${code}/model`, {
      reviewDate: '2025-09-15',
      before: model([8, 2, 1]),
      planKind: 'SIMPLIFY',
      after: model([4, 0.5], { otherCosts: [] }),
      planNote: 'Nộp trực tuyến, bỏ bản sao',
    });
    assert.equal(saved.statusCode, 200, saved.body);
    const r = saved.json();
    // (8 + 2 + 1) h × 39,000 = 429,000 + 1,200,000 + 100,000 = 1,729,000 × 150 = 259,350,000
    // after: 4.5 h × 39,000 = 175,500 + 1,200,000 = 1,375,500 × 150 = 206,325,000 → plan saves 53,025,000 (20.445…%)
    assert.equal(r.status, 'NOT_REVIEWED');
    assert.equal(r.incomeRate.vndPerHour, 39_000);
    assert.equal(r.figures.before.annualCostVnd, 259_350_000);
    assert.equal(r.figures.plan.annualCostVnd, 206_325_000);
    assert.equal(r.figures.savingVnd, null, 'a saving counts once the review proposes it');
    assert.equal(r.modelUpdatedBy, 'Đỗ Thị Lan (Bộ phận Một cửa)');
    assert.equal(await count('audit_log'), audits + 1);

    const proposed = (await as(t, desk).send('POST', `/api/compliance/reviews/${code}/status`, { status: 'SIMPLIFICATION_PROPOSED', expectedRevision: r.revision })).json();
    assert.equal(proposed.status, 'SIMPLIFICATION_PROPOSED');
    assert.equal(proposed.figures.savingVnd, 53_025_000);
    assert.equal(proposed.figures.savingRatePct.toFixed(3), '20.445');

    const noNote = await as(t, desk).send('POST', `/api/compliance/reviews/${code}/status`, { status: 'ADOPTED' });
    assert.equal(noNote.statusCode, 400);
    assert.equal(noNote.json().details[0].path, 'body.note');
    const adopted = await as(t, desk).send('POST', `/api/compliance/reviews/${code}/status`, { status: 'ADOPTED', note: 'Quyết định 55/QĐ-UBND (thử)' });
    assert.equal(adopted.statusCode, 200, adopted.body);
    const a = adopted.json();
    assert.equal(a.statusChangedBy, 'Đỗ Thị Lan (Bộ phận Một cửa)');
    assert.ok(a.statusChangedAt);
    assert.deepEqual(a.events.map((e: { toStatus: string; note: string | null }) => [e.toStatus, e.note]), [['SIMPLIFICATION_PROPOSED', null], ['ADOPTED', 'Quyết định 55/QĐ-UBND (thử)']]);
    assert.equal(await count('audit_log'), audits + 3);

    const dash = (await as(t, officer).get('/api/compliance/dashboard')).json();
    assert.equal(dash.reviewed, 10);
    assert.ok(dash.top.some((x: { code: string }) => x.code === code));
  });

  it('refuses bad input and bad transitions with the field named, storing nothing', async () => {
    const n = await counts();
    const negative = await as(t, desk).send('PUT', '/api/compliance/reviews/2.000190.H26/model', { reviewDate: '2025-09-15', before: model([2, -1]) });
    assert.equal(negative.statusCode, 400);
    assert.ok(negative.json().details.some((d: { path: string }) => d.path === 'body.before.steps.1.hours'), negative.body);
    const decimals = await as(t, desk).send('PUT', '/api/compliance/reviews/2.000190.H26/model', { reviewDate: '2025-09-15', before: model([1.234]) });
    assert.equal(decimals.json().details[0].path, 'body.before.steps.0.hours');
    const future = await as(t, desk).send('PUT', '/api/compliance/reviews/2.000190.H26/model', { reviewDate: '2999-01-01', before: model([2]) });
    assert.equal(future.json().details[0].path, 'body.reviewDate');
    const planless = await as(t, desk).send('PUT', '/api/compliance/reviews/2.000190.H26/model', { reviewDate: '2025-09-15', before: model([2]), after: model([1]) });
    assert.equal(planless.json().details[0].path, 'body.planKind');
    const noAfter = await as(t, desk).send('PUT', '/api/compliance/reviews/2.000190.H26/model', { reviewDate: '2025-09-15', before: model([2]), planKind: 'SIMPLIFY' });
    assert.equal(noAfter.json().details[0].path, 'body.after');
    const abolishedAt = await as(t, desk).send('PUT', '/api/compliance/reviews/2.000552.H26/model', { reviewDate: '2025-09-15', before: model([2]) });
    assert.equal(abolishedAt.statusCode, 400);
    const unknown = await as(t, desk).send('PUT', '/api/compliance/reviews/9.999999/model', { reviewDate: '2025-09-15', before: model([2]) });
    assert.equal(unknown.statusCode, 404);
    assert.match(unknown.json().message, /9\.999999/);

    // No income setting in force: move the 2023 setting to 2024 (no costed review is dated before), then review in 2023.
    const rates = (await as(t, officer).get('/api/compliance/income-rates')).json().items;
    const first = rates.find((x: { effectiveFrom: string }) => x.effectiveFrom === '2023-01-01');
    const moved = await as(t, desk).send('PUT', `/api/compliance/income-rates/${first.id}`, { effectiveFrom: '2024-01-01', vndPerHour: 33_000, basis: first.basis });
    assert.equal(moved.statusCode, 200, moved.body);
    const noRate = await as(t, desk).send('PUT', '/api/compliance/reviews/2.000190.H26/model', { reviewDate: '2023-07-01', before: model([2]) });
    assert.equal(noRate.statusCode, 400);
    assert.equal(noRate.json().details[0].path, 'body.reviewDate');
    assert.match(noRate.json().message, /income-per-hour/);
    // Moving it after the 2024 reviews, or deleting it, would leave them without a setting: 409.
    const orphan = await as(t, desk).send('PUT', `/api/compliance/income-rates/${first.id}`, { effectiveFrom: '2024-12-01', vndPerHour: 33_000, basis: first.basis });
    assert.equal(orphan.statusCode, 409);
    assert.match(orphan.json().message, /2024-09-16/);
    assert.equal((await as(t, desk).send('DELETE', `/api/compliance/income-rates/${first.id}`)).statusCode, 409);
    assert.equal((await as(t, desk).send('PUT', `/api/compliance/income-rates/${first.id}`, { effectiveFrom: '2023-01-01', vndPerHour: 33_000, basis: first.basis })).statusCode, 200);
    const dup = await as(t, desk).send('POST', '/api/compliance/income-rates', { effectiveFrom: '2025-01-01', vndPerHour: 1, basis: 'trùng ngày' });
    assert.equal(dup.json().details[0].path, 'body.effectiveFrom');
    const zero = await as(t, desk).send('POST', '/api/compliance/income-rates', { effectiveFrom: '2026-01-01', vndPerHour: 0, basis: 'không' });
    assert.equal(zero.json().details[0].path, 'body.vndPerHour');

    const bad = await as(t, desk).send('POST', '/api/compliance/reviews/2.000591.H26/status', { status: 'REVIEWED_NO_CHANGE', note: 'x' });
    assert.equal(bad.statusCode, 409);
    assert.equal(bad.json().code, 'INVALID_TRANSITION');
    assert.deepEqual(bad.json().details.allowed, ['SIMPLIFICATION_PROPOSED', 'ABOLISHED']);
    assert.match(bad.json().message, /allowed: SIMPLIFICATION_PROPOSED, ABOLISHED/);
    const notAbolished = await as(t, desk).send('POST', '/api/compliance/reviews/2.000781.H26/status', { status: 'ABOLISHED' });
    assert.equal(notAbolished.statusCode, 409);
    assert.match(notAbolished.json().message, /not abolished in the catalogue/);
    const noModel = await as(t, desk).send('POST', '/api/compliance/reviews/2.000781.H26/status', { status: 'REVIEWED_NO_CHANGE' });
    assert.equal(noModel.statusCode, 409);
    const frozen = await as(t, desk).send('PUT', '/api/compliance/reviews/2.000591.H26/model', { reviewDate: '2025-09-15', before: model([2]) });
    assert.equal(frozen.statusCode, 409);
    const stale = await as(t, desk).send('POST', '/api/compliance/reviews/2.000620.H26/status', { status: 'ADOPTED', note: 'x', expectedRevision: 1 });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.json().message, /changed meanwhile/);

    // Net effect: only the two setting updates (moved and moved back), each audited.
    const [reviews, events, rateRows, audits] = await counts();
    assert.deepEqual([reviews, events, rateRows], n.slice(0, 3));
    assert.equal(audits, n[3] + 2);
  });

  it('recomputes the figures when the income setting in force at the review date changes', async () => {
    // 2.000620.H26 reviewed 10/06/2025: 14 h × 39,000 = 546,000 + 1,200,000 + 180,000 = 1,926,000 × 2,600 × 0.2 = 1,001,520,000
    const at39 = (await as(t, officer).get('/api/compliance/reviews/2.000620.H26')).json();
    assert.equal(at39.figures.before.annualCostVnd, 1_001_520_000);
    const rate = (await as(t, officer).get('/api/compliance/income-rates')).json().items.find((x: { effectiveFrom: string }) => x.effectiveFrom === '2025-01-01');
    assert.equal((await as(t, desk).send('PUT', `/api/compliance/income-rates/${rate.id}`, { effectiveFrom: '2025-01-01', vndPerHour: 40_000, basis: rate.basis })).statusCode, 200);
    // 14 h × 40,000 = 560,000 + 1,380,000 = 1,940,000 × 520 = 1,008,800,000
    const at40 = (await as(t, officer).get('/api/compliance/reviews/2.000620.H26')).json();
    assert.equal(at40.figures.before.annualCostVnd, 1_008_800_000);
    const added = await as(t, desk).send('POST', '/api/compliance/income-rates', { effectiveFrom: '2026-01-01', vndPerHour: 42_000, basis: 'Thử nghiệm' });
    assert.equal(added.statusCode, 201, added.body);
    assert.equal(added.json().updatedBy, 'Đỗ Thị Lan (Bộ phận Một cửa)');
    assert.equal((await as(t, desk).send('DELETE', `/api/compliance/income-rates/${added.json().id}`)).statusCode, 204);
  });

  it('marks a procedure abolished only once the catalogue abolishes it, naming the decision', async () => {
    const decision = await as(t, desk).send('POST', '/api/admin/procedure-decisions', {
      number: '99/QĐ-UBND-TEST',
      signedOn: '2026-01-05',
      issuer: 'Chủ tịch UBND thành phố Hà Nội',
      items: [{ kind: 'ABOLISHED', code: '2.000002.H26', effectiveFrom: '2026-01-10' }],
    });
    assert.equal(decision.statusCode, 201, decision.body);
    assert.equal((await as(t, officer).get('/api/compliance/dashboard')).json().needsAbolition, 1);
    const listed = (await as(t, officer).get('/api/compliance/reviews?field=XTTM')).json().items.find((i: { code: string }) => i.code === '2.000002.H26');
    assert.equal(listed.needsAbolition, true);
    const done = await as(t, desk).send('POST', '/api/compliance/reviews/2.000002.H26/status', { status: 'ABOLISHED' });
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(done.json().status, 'ABOLISHED');
    assert.equal(done.json().statusChangedBy, 'Đỗ Thị Lan (Bộ phận Một cửa)');
    assert.equal((await as(t, officer).get('/api/compliance/dashboard')).json().needsAbolition, 0);
  });

  it('two editors saving the same revision: one wins, the other gets 409 and must reload', async () => {
    const code = '2.000781.H26';
    const first = await as(t, desk).send('PUT', `/api/compliance/reviews/${code}/model`, { reviewDate: '2025-10-01', before: model([5]) });
    assert.equal(first.statusCode, 200, first.body);
    const revision = first.json().revision;
    const admin = await login(t, 'admin');
    const [a, b] = await Promise.all([
      as(t, desk).send('PUT', `/api/compliance/reviews/${code}/model`, { reviewDate: '2025-10-01', before: model([6]), expectedRevision: revision }),
      as(t, admin).send('PUT', `/api/compliance/reviews/${code}/model`, { reviewDate: '2025-10-01', before: model([7]), expectedRevision: revision }),
    ]);
    assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409]);
    const winner = a.statusCode === 200 ? 6 : 7;
    const stored = (await as(t, officer).get(`/api/compliance/reviews/${code}`)).json();
    assert.equal(stored.before.steps[0].hours, winner);
    assert.equal(stored.revision, revision + 1);
  });

  it('lets staff read and only procedure managers write', async () => {
    const leader = await login(t, 'lanhdao');
    assert.equal((await as(t, leader).get('/api/compliance/dashboard')).statusCode, 200);
    const write = await as(t, officer).send('PUT', '/api/compliance/reviews/2.000190.H26/model', { reviewDate: '2025-09-15', before: model([2]) });
    assert.equal(write.statusCode, 403);
    const enterprise = await login(t, 'doanhnghiep');
    assert.equal((await as(t, enterprise).get('/api/compliance/reviews')).statusCode, 403);
  });

  it('exports the per-procedure table as XLSX with totals, formula-like text neutralised', async () => {
    const planNote = '=HYPERLINK("http://x","y")';
    const r = await as(t, desk).send('PUT', '/api/compliance/reviews/2.000190.H26/model', { reviewDate: '2025-09-15', before: model([3]), planKind: 'ABOLISH', planNote });
    assert.equal(r.statusCode, 200, r.body);
    const res = await as(t, officer).get('/api/compliance/export');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /spreadsheetml/);
    assert.match(String(res.headers['content-disposition']), /chi-phi-tuan-thu-\d{4}-\d{2}-\d{2}\.xlsx/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    assert.equal(sheet.getCell('A1').value, 'Mã thủ tục');
    const rows: Record<string, ExcelJS.CellValue>[] = [];
    sheet.eachRow((row, i) => {
      if (i > 1) rows.push({ code: row.getCell(1).value, status: row.getCell(5).value, annualBefore: row.getCell(11).value, saving: row.getCell(15).value, rate: row.getCell(16).value, plan: row.getCell(17).value });
    });
    assert.equal(rows.length, 14, '13 procedures and the total row');
    const abolished = rows.find((x) => x.code === '2.000552.H26');
    assert.deepEqual([abolished?.status, abolished?.annualBefore, abolished?.saving, abolished?.rate], ['Đã bãi bỏ', 2_382_750_000, 2_382_750_000, 100]);
    assert.equal(rows.find((x) => x.code === '2.000190.H26')?.plan, `'${planNote}`);
    const dash = (await as(t, officer).get('/api/compliance/dashboard')).json();
    assert.equal(rows.at(-1)?.saving, dash.costs.savingVnd);
    assert.equal(workbook.worksheets[1].name, 'Tổng hợp');
    const en = await as(t, officer).get('/api/compliance/export?lang=en');
    const wbEn = new ExcelJS.Workbook();
    await wbEn.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
    assert.equal(wbEn.worksheets[0].getCell('A1').value, 'Procedure code');
  });
});
