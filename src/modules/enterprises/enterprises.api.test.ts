import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { queryRows } from '../../db/client';
import { auditLog } from '../../db/schema/platform';
import { enterpriseFigures, enterprises, importRuns } from '../../db/schema/enterprises';
import { as, createTestApp, login, type TSession, type TTestApp } from '../../../tests/helpers/test-app';

const HEADER = 'tax_code,name_vi,legal_form,ownership,vsic_main,former_district,established_on,year,avg_insured_employees,revenue_vnd,capital_vnd';
const multipart = (fileName: string, content: Buffer | string) => {
  const boundary = '----ctenterprise';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return { body: Buffer.concat([Buffer.from(head), Buffer.isBuffer(content) ? content : Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
};

describe('enterprise registry', () => {
  let t: TTestApp;
  let officer: TSession;
  const count = async () => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(enterprises))[0].n;
  const upload = (fileName: string, content: Buffer | string, dryRun: boolean, session = officer) => {
    const { body, contentType } = multipart(fileName, content);
    return t.app.inject({ method: 'POST', url: `/api/enterprises/import?dryRun=${dryRun}`, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': contentType }, payload: body });
  };

  before(async () => {
    t = await createTestApp();
    officer = await login(t, 'canbo.cn');
  });
  after(async () => t.close());

  it('imports a CSV with Vietnamese headers: dry run counts, then an all-or-nothing commit with SME classes and audit', async () => {
    const csv = [
      'Mã số thuế,Tên doanh nghiệp,Loại hình doanh nghiệp,Khu vực sở hữu,Ngành kinh doanh chính (VSIC),Mã quận/huyện cũ,Năm số liệu,Lao động đóng BHXH bình quân,Tổng doanh thu (đồng),Tổng nguồn vốn (đồng)',
      '0109990001,Công ty Cổ phần Xi măng Sóc Sơn,Công ty cổ phần,Ngoài nhà nước,2394,016,2025,150,180000000000,90000000000',
      '0109990002,Công ty TNHH Thương mại Hà Nội,TNHH_2TV,NON_STATE,4690,005,2025,8,9000000000,2000000000',
      '0109990003-001,Chi nhánh Bia Hà Nội tại Đông Anh,DON_VI_PHU_THUOC,STATE,1103,017,2025,250,300000000000,150000000000',
    ].join('\n');
    const n = await count();
    const dry = await upload('dn.csv', csv, true);
    assert.equal(dry.statusCode, 200, dry.body);
    assert.equal(dry.json().inserted, 3);
    assert.equal(dry.json().errorCount, 0);
    assert.equal(await count(), n);
    const real = await upload('dn.csv', csv, false);
    assert.equal(real.statusCode, 200, real.body);
    assert.equal(await count(), n + 3);
    const cement = (await t.database.db.select().from(enterprises).where(eq(enterprises.taxCode, '0109990001')))[0];
    assert.equal(cement.sizeClass, 'MEDIUM');
    assert.equal(cement.sizeClassYear, 2025);
    const trade = (await t.database.db.select().from(enterprises).where(eq(enterprises.taxCode, '0109990002')))[0];
    assert.equal(trade.sizeClass, 'MICRO');
    const brewery = (await t.database.db.select().from(enterprises).where(eq(enterprises.taxCode, '0109990003-001')))[0];
    assert.equal(brewery.sizeClass, 'NOT_SME');
    const fig = (await t.database.db.select().from(enterpriseFigures).where(eq(enterpriseFigures.enterpriseId, cement.id)))[0];
    assert.equal(fig.ruleVersion, 'ND80/2021');
    assert.ok(fig.reason);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, String(cement.id)));
    assert.ok(audits.some((a) => a.action === 'enterprise.import_create' && a.actorName === 'canbo.cn'));
    const again = await upload('dn.csv', csv, true);
    assert.equal(again.json().unchanged, 3);
    const runs = await t.database.db.select().from(importRuns);
    assert.ok(runs.some((r) => r.status === 'COMMITTED' && r.fileName === 'dn.csv' && r.actorName === 'canbo.cn' && gunzipSync(r.fileBytes).toString() === csv));
  });

  it('reports every bad row and column and stores nothing', async () => {
    const csv = [
      HEADER,
      '01099,Sai mã số thuế,TNHH_1TV,NON_STATE,2511,005,2020-01-01,,,,',
      '0109990101,Trùng trong tệp,TNHH_1TV,NON_STATE,2511,005,2020-01-01,,,,',
      '0109990101,Trùng trong tệp lần 2,TNHH_1TV,NON_STATE,2511,005,2020-01-01,,,,',
      '0109990102,Ngành không có,TNHH_1TV,NON_STATE,0400,005,2020-01-01,,,,',
      '0109990103,Quận không có,TNHH_1TV,NON_STATE,2511,777,2020-01-01,,,,',
      '0109990104,Số âm,TNHH_1TV,NON_STATE,2511,005,2020-01-01,2025,-5,100,-100',
      '0109990105,Ngày tương lai,TNHH_1TV,NON_STATE,2511,005,2999-01-01,,,,',
      '0109990106,,TNHH_1TV,NON_STATE,2511,005,2020-01-01,,,,',
      '0109990107,Loại hình lạ,CONG_TY_MA,NON_STATE,2511,005,2020-01-01,,,,',
    ].join('\n');
    const n = await count();
    const res = await upload('bad.csv', csv, false);
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().code, 'IMPORT_INVALID');
    const errors: { row: number; column: string }[] = res.json().details.errors;
    const at = (row: number, column: string) => assert.ok(errors.some((e) => e.row === row && e.column === column), `row ${row} ${column} in ${JSON.stringify(errors)}`);
    at(2, 'tax_code');
    at(4, 'tax_code');
    at(5, 'vsic_main');
    at(6, 'former_district');
    at(7, 'avg_insured_employees');
    at(7, 'capital_vnd');
    at(8, 'established_on');
    at(9, 'name_vi');
    at(10, 'legal_form');
    assert.equal(await count(), n);
  });

  it('refuses files that cannot be read: not UTF-8, empty, several sheets, merged header cells', async () => {
    const latin1 = Buffer.from(`${HEADER}\n0109990201,C\xf4ng ty,TNHH_1TV,NON_STATE,2511,005,2020-01-01,,,,\n`, 'latin1');
    const enc = await upload('latin.csv', latin1, true);
    assert.equal(enc.statusCode, 400);
    assert.match(enc.json().message, /UTF-8/);
    assert.equal((await upload('empty.csv', Buffer.alloc(0), true)).statusCode, 400);
    const two = new ExcelJS.Workbook();
    two.addWorksheet('A').addRow(['tax_code']);
    two.addWorksheet('B').addRow(['tax_code']);
    const twoRes = await upload('two.xlsx', Buffer.from(await two.xlsx.writeBuffer()), true);
    assert.equal(twoRes.statusCode, 400);
    assert.match(twoRes.json().message, /2 sheets/);
    const merged = new ExcelJS.Workbook();
    const ws = merged.addWorksheet('DN');
    ws.addRow(['Mã số thuế', '', 'Loại hình doanh nghiệp']);
    ws.mergeCells('A1:B1');
    const mergedRes = await upload('merged.xlsx', Buffer.from(await merged.xlsx.writeBuffer()), true);
    assert.equal(mergedRes.statusCode, 400);
    assert.match(mergedRes.json().message, /merged/);
  });

  it('refuses a file over the upload limit with 413 and stores nothing', async () => {
    const small = await createTestApp({ UPLOAD_LIMIT_BYTES: '4096' });
    try {
      const s = await login(small, 'canbo.cn');
      const before = (await small.database.db.select({ n: sql<number>`count(*)::int` }).from(enterprises))[0].n;
      const rows = Array.from({ length: 100 }, (_, i) => `01099${String(i).padStart(5, '0')},Công ty TNHH Số ${i},TNHH_1TV,NON_STATE,2511,005,2020-01-01,,,,`);
      const { body, contentType } = multipart('big.csv', [HEADER, ...rows].join('\n'));
      const res = await small.app.inject({ method: 'POST', url: '/api/enterprises/import?dryRun=false', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': contentType }, payload: body });
      assert.equal(res.statusCode, 413);
      assert.equal(res.json().code, 'BODY_TOO_LARGE');
      assert.equal((await small.database.db.select({ n: sql<number>`count(*)::int` }).from(enterprises))[0].n, before);
    } finally {
      await small.close();
    }
  });

  it('round-trips the XLSX template: drop-down lists present, a filled template imports', async () => {
    const res = await as(t, officer).get('/api/enterprises/template?lang=vi');
    assert.equal(res.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('DoanhNghiep');
    assert.ok(sheet);
    assert.equal(sheet.getCell('A1').value, 'Mã số thuế');
    assert.ok(wb.getWorksheet('_lists'));
    sheet.spliceRows(2, 1);
    sheet.addRow(['0109990301', 'Công ty TNHH Mẫu Nhập', '', '', 'TNHH_1TV', 'NON_STATE', '2511']);
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const imported = await upload('mau.xlsx', filled, false);
    assert.equal(imported.statusCode, 200, imported.body);
    assert.equal(imported.json().inserted, 1);
  });

  it('searches without diacritics, tolerates a typo, and matches tax-code prefixes', async () => {
    // The background prewarm after start (every index the list uses) runs on both databases.
    await t.services.enterpriseService.prewarm();
    const s = as(t, officer);
    const byPlainText = (await s.get('/api/enterprises?q=xi%20mang%20soc%20son')).json();
    assert.equal(byPlainText.items[0].taxCode, '0109990001');
    const withMarks = (await s.get(`/api/enterprises?q=${encodeURIComponent('Xi măng Sóc Sơn')}`)).json();
    assert.equal(withMarks.items[0].taxCode, '0109990001');
    const haNoi = (await s.get('/api/enterprises?q=ha%20noi')).json();
    assert.ok(haNoi.items.some((e: { nameVi: string }) => e.nameVi.includes('Hà Nội')));
    const typo = (await s.get('/api/enterprises?q=xi%20mamg%20soc%20son')).json();
    assert.equal(typo.fuzzy, true);
    assert.equal(typo.correctedQuery, 'xi mang soc son');
    assert.equal(typo.items[0].taxCode, '0109990001');
    const prefix = (await s.get('/api/enterprises?q=010999000')).json();
    assert.ok(prefix.total >= 3);
    assert.ok(prefix.items.every((e: { taxCode: string }) => e.taxCode.startsWith('010999000')));
    const filtered = (await s.get('/api/enterprises?ownership=STATE&sizeClass=NOT_SME&section=C')).json();
    assert.ok(filtered.items.some((e: { taxCode: string }) => e.taxCode === '0109990003-001'));
    assert.ok(filtered.items.every((e: { ownership: string }) => e.ownership === 'STATE'));
    assert.equal((await s.get('/api/enterprises?section=cc')).statusCode, 400);
  });

  it('ranks the typed words as a phrase first, then shorter names; the last word matches as a prefix', async () => {
    const names = ['Công ty TNHH Vạn Xuân', 'Công ty Cổ phần Thương mại và Dịch vụ Vạn Xuân Thịnh Vượng', 'Công ty TNHH Xuân Vạn Phát'];
    const rows = names.map((name, i) => `010988000${i + 1},${name},TNHH_2TV,NON_STATE,4690,018,2020-01-01,2025,5,1000000000,500000000`);
    const imported = await upload('van-xuan.csv', [HEADER, ...rows].join('\n'), false);
    assert.equal(imported.statusCode, 200, imported.body);
    const s = as(t, officer);
    const ours = async (q: string) => {
      const list = (await s.get(`/api/enterprises?q=${encodeURIComponent(q)}&pageSize=100`)).json();
      return { list, names: list.items.map((e: { nameVi: string; taxCode: string }) => e).filter((e: { taxCode: string }) => e.taxCode.startsWith('010988000')).map((e: { nameVi: string }) => e.nameVi) };
    };
    // Both phrase matches first, the shorter name before the longer; the words apart last.
    assert.deepEqual((await ours('van xuan')).names, [names[0], names[1], names[2]]);
    // The phrase in the order typed: "xuân vạn" puts the third first.
    assert.deepEqual((await ours('xuân vạn')).names, [names[2], names[0], names[1]]);
    // A last word still being typed is a prefix; the count is the prefix query's own.
    const typing = await ours('van xua');
    assert.deepEqual(typing.names, [names[0], names[1], names[2]]);
    const [{ n }] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from enterprises where search_tsv @@ to_tsquery('simple', 'van & xua:*')`);
    assert.equal(typing.list.total, Math.min(n, 1_000));
    // A short last word, with more forms than are listed, still matches as a prefix.
    assert.deepEqual((await ours('dich vu van xuan t')).names, [names[1]]);
    const [{ forms }] = await queryRows<{ forms: number }>(t.database.db, sql`select count(*)::int as forms from search_words where word like 't%'`);
    assert.ok(forms > 8, `the vocabulary has ${forms} words beginning with "t"`);
    // The vocabulary holds the index's lexemes: a hyphenated word gives itself and its parts, and
    // a prefix with such a form among its words is searched as a prefix.
    const hyphen = await upload('hyphen.csv', [HEADER, '0109880011,Công ty TNHH Quỳnh-Khuê Việt,TNHH_2TV,NON_STATE,4690,018,2020-01-01,2025,5,1000000000,500000000'].join('\n'), false);
    assert.equal(hyphen.statusCode, 200, hyphen.body);
    const vocabulary = (await queryRows<{ word: string }>(t.database.db, sql`select word from search_words where word like 'quynh%' or word like 'khue%' order by word`)).map((r) => r.word);
    assert.deepEqual(vocabulary, ['khue', 'quynh', 'quynh-khue']);
    for (const q of ['quynh khu', 'quynh', 'Quỳnh-Khuê', 'khue viet']) {
      const found = (await s.get(`/api/enterprises?q=${encodeURIComponent(q)}`)).json();
      assert.ok(found.items.some((e: { taxCode: string }) => e.taxCode === '0109880011'), q);
    }
  });

  it('exports CSV and XLSX streams with formula-like cells neutralised', async () => {
    const admin = await login(t, 'admin');
    const created = await as(t, admin).send('POST', '/api/enterprises', {
      taxCode: '0109990401', nameVi: '=HYPERLINK("http://x","Bấm")', legalForm: 'TU_NHAN', ownership: 'NON_STATE', vsicMain: '4719', legalRep: '@evil', phone: '+84 24 1234',
    });
    assert.equal(created.statusCode, 201, created.body);
    const csv = await as(t, officer).get('/api/enterprises/export?format=csv&q=0109990401');
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    assert.ok(csv.body.includes(`"'=HYPERLINK(""http://x"",""Bấm"")"`), csv.body);
    assert.ok(csv.body.includes("'@evil"));
    assert.ok(csv.body.includes("'+84 24 1234"));
    const xlsx = await as(t, officer).get('/api/enterprises/export?format=xlsx');
    assert.equal(xlsx.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    assert.equal(sheet.actualRowCount - 1, await count());
  });

  it('records figures and classifies with the reason', async () => {
    const admin = await login(t, 'admin');
    const id = (await t.database.db.select().from(enterprises).where(eq(enterprises.taxCode, '0109990002')))[0].id;
    const res = await as(t, admin).send('PUT', `/api/enterprises/${id}/figures`, { year: 2024, avgInsuredEmployees: 40, revenueVnd: 60_000_000_000, capitalVnd: 40_000_000_000 });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().class, 'SMALL');
    const bad = await as(t, admin).send('PUT', `/api/enterprises/${id}/figures`, { year: 2024, avgInsuredEmployees: -1, revenueVnd: null, capitalVnd: 1 });
    assert.equal(bad.statusCode, 400);
    const profile = (await as(t, admin).get(`/api/enterprises/${id}`)).json();
    assert.deepEqual(profile.figures.map((f: { year: number }) => f.year), [2025, 2024]);
    assert.equal(profile.sizeClass, 'MICRO');
  });

  it('keeps enterprise users to their own enterprise, and runs proposals through an officer', async () => {
    const ent = await login(t, 'doanhnghiep');
    const own = await as(t, ent).get('/api/enterprises/1');
    assert.equal(own.statusCode, 200);
    assert.equal(own.json().abilities.canPropose, true);
    const other = await as(t, ent).get('/api/enterprises/2');
    assert.equal(other.statusCode, 403);
    assert.equal((await as(t, ent).get('/api/enterprises')).statusCode, 403);
    const forbiddenField = await as(t, ent).send('POST', '/api/enterprises/1/proposals', { changes: { nameVi: 'Tên mới' } });
    assert.equal(forbiddenField.statusCode, 400);
    const proposal = await as(t, ent).send('POST', '/api/enterprises/1/proposals', { changes: { phone: '0243999888', website: 'https://cokhi.vn' }, note: 'Đổi số điện thoại' });
    assert.equal(proposal.statusCode, 201, proposal.body);
    const notOwn = await as(t, ent).send('POST', '/api/enterprises/2/proposals', { changes: { phone: '1' } });
    assert.equal(notOwn.statusCode, 403);
    const pending = (await as(t, officer).get('/api/enterprise-proposals?status=PENDING')).json();
    assert.equal(pending.items.length, 1);
    const noReason = await as(t, officer).send('POST', `/api/enterprise-proposals/${proposal.json().id}/decision`, { decision: 'REJECT' });
    assert.equal(noReason.statusCode, 400);
    const accept = await as(t, officer).send('POST', `/api/enterprise-proposals/${proposal.json().id}/decision`, { decision: 'ACCEPT' });
    assert.equal(accept.statusCode, 200);
    assert.equal((await as(t, ent).get('/api/enterprises/1')).json().phone, '0243999888');
    const twice = await as(t, officer).send('POST', `/api/enterprise-proposals/${proposal.json().id}/decision`, { decision: 'ACCEPT' });
    assert.equal(twice.statusCode, 409);
    const history = (await as(t, officer).get('/api/enterprises/1/history')).json().items;
    assert.ok(history.some((h: { action: string; actorName: string }) => h.action === 'enterprise.update' && h.actorName === 'canbo.cn'));
  });

  it('limits area officers to their units', async () => {
    const area = await login(t, 'canbo.khuvuc');
    const list = (await as(t, area).get('/api/enterprises?pageSize=200')).json();
    assert.ok(list.total > 0);
    assert.ok(list.items.every((e: { formerDistrict: string | null; unitCode: string | null }) => e.formerDistrict === '017' || e.unitCode === '017'));
    const outside = (await t.database.db.select().from(enterprises).where(eq(enterprises.formerDistrict, '005')))[0];
    assert.equal((await as(t, area).get(`/api/enterprises/${outside.id}`)).statusCode, 403);
  });

  it('caps a word search at 1,000 matches: pages through those 1,000 in name order, stable and distinct', async () => {
    const rows = Array.from({ length: 1_050 }, (_, i) => `01098${String(i).padStart(5, '0')},Công ty TNHH Gốm sứ Bát Tràng ${String(1_050 - i).padStart(4, '0')},TNHH_2TV,NON_STATE,2393,018,2020-01-01,2025,5,1000000000,500000000`);
    const imported = await upload('gom.csv', [HEADER, ...rows].join('\n'), false);
    assert.equal(imported.statusCode, 200, imported.body);
    const s = as(t, officer);
    const seen: { taxCode: string; nameVi: string }[] = [];
    for (let page = 1; page <= 10; page++) {
      const res = await s.get(`/api/enterprises?q=gom%20su%20bat%20trang&page=${page}&pageSize=100`);
      assert.equal(res.statusCode, 200, res.body);
      const list = res.json();
      assert.equal(list.totalCapped, true);
      assert.equal(list.total, 1_000);
      assert.equal(list.items.length, 100);
      seen.push(...list.items);
    }
    assert.equal(new Set(seen.map((e) => e.taxCode)).size, 1_000, 'every page shows other enterprises');
    const names = seen.map((e) => e.nameVi);
    assert.deepEqual(names, [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), 'name order across the pages');
    assert.ok(seen.every((e) => e.nameVi.startsWith('Công ty TNHH Gốm sứ Bát Tràng')));
    const again = (await s.get('/api/enterprises?q=gom%20su%20bat%20trang&page=2&pageSize=100')).json();
    assert.deepEqual(again.items.map((e: { taxCode: string }) => e.taxCode), seen.slice(100, 200).map((e) => e.taxCode), 'the same page twice');
    const desc = (await s.get('/api/enterprises?q=gom%20su%20bat%20trang&sort=taxCode&order=desc&pageSize=100')).json();
    const codes = desc.items.map((e: { taxCode: string }) => e.taxCode);
    assert.deepEqual(codes, [...codes].sort().reverse());
  });

  it('shows the structure with the SME share', async () => {
    const s = (await as(t, officer).get('/api/enterprises/structure')).json();
    assert.equal(s.total, await count());
    assert.ok(s.smeShare > 0.5 && s.smeShare <= 1);
    assert.ok(s.bySection.some((r: { key: string }) => r.key === 'C'));
    // Every dimension (one grouping-sets scan) matches a plain count, largest first.
    const direct = async (column: string) =>
      Object.fromEntries(
        (await queryRows<{ key: string | null; n: string | number }>(t.database.db, sql`select ${sql.identifier(column)} as key, count(*) as n from enterprises group by 1`)).map((r) => [String(r.key), Number(r.n)]),
      );
    for (const [field, column] of [['bySizeClass', 'size_class'], ['byOwnership', 'ownership'], ['byStatus', 'status'], ['byFormerDistrict', 'former_district'], ['byUnit', 'unit_code']] as const) {
      const rows = s[field] as { key: string | null; count: number }[];
      assert.deepEqual(Object.fromEntries(rows.map((r) => [String(r.key), r.count])), await direct(column), field);
      assert.deepEqual(rows.map((r) => r.count), [...rows.map((r) => r.count)].sort((a, b) => b - a), `${field} largest first`);
    }
    assert.equal(s.bySection.reduce((sum: number, r: { count: number }) => sum + r.count, 0), s.total);
  });
});
