import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client';
import { lastReportedMonth } from '../demo/demo-statistics-seed';
import { as, createTestApp, login, type TSession, type TTestApp } from '../../../tests/helpers/test-app';
import { shiftPeriod } from './basket-rules';

type TNode = { level: string; code: string; weight: number | null; baseAnnualQty: number | null; hasData: boolean };

describe('basket, weights, deflators, Tết windows, forms and frame', () => {
  let t: TTestApp;
  let officer: TSession;
  const latest = lastReportedMonth();

  before(async () => {
    t = await createTestApp({}, { statistics: true });
    officer = await login(t, 'canbo.kh');
  });
  after(async () => t.close());

  const upload = (url: string, fileName: string, content: string, dryRun: boolean) => {
    const boundary = '----ctbasket';
    const body = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]);
    return t.app.inject({ method: 'POST', url: `${url}?dryRun=${dryRun}`, headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
  };
  const audits = async (action: string) => Number((await queryRows<{ n: number | string }>(t.database.db, sql`select count(*) as n from audit_log where action = ${action}`))[0].n);
  const hasError = (errors: { row: number | null; column: string | null; message: string }[], row: number | null, column: string, pattern?: RegExp) =>
    errors.some((e) => e.row === row && e.column === column && (!pattern || pattern.test(e.message)));
  const dashboard = async () => (await t.app.inject({ method: 'GET', url: `/api/indicators/dashboard?period=${latest}` })).json();

  it('lists, searches (without diacritics), creates and edits basket products; VSIC-4 is checked', async () => {
    const all = (await as(t, officer).get('/api/basket/products')).json().items;
    assert.ok(all.length >= 10);
    const beer = (await as(t, officer).get('/api/basket/products?q=bia')).json().items;
    assert.ok(beer.some((p: { code: string; weightVersions: number[] }) => p.code === 'P1103_BEER' && p.weightVersions.includes(2020)));
    const construction = await as(t, officer).send('POST', '/api/basket/products', { code: 'P4100_HOUSE', nameVi: 'Nhà ở', nameEn: 'Houses', unit: 'm2', vsic4: '4100' });
    assert.equal(construction.statusCode, 400);
    assert.match(construction.json().message, /vsic4: "4100" is not an industrial class/);
    assert.equal(construction.json().details[0].path, 'body.vsic4');
    const badRange = await as(t, officer).send('POST', '/api/basket/products', { code: 'P1104_WATER', nameVi: 'Nước khoáng', nameEn: 'Mineral water', unit: 'nghìn lít', vsic4: '1104', activeFrom: '2025-06', activeTo: '2025-01' });
    assert.equal(badRange.statusCode, 400);
    assert.equal(badRange.json().details[0].path, 'body.activeTo');
    const created = await as(t, officer).send('POST', '/api/basket/products', { code: 'P1104_WATER', nameVi: 'Nước khoáng', nameEn: 'Mineral water', unit: 'nghìn lít', vsic4: '1104', activeFrom: '2025-01' });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal((await as(t, officer).send('POST', '/api/basket/products', { code: 'P1104_WATER', nameVi: 'X', nameEn: 'X', unit: 'x', vsic4: '1104' })).statusCode, 409);
    const edited = await as(t, officer).send('PUT', '/api/basket/products/P1104_WATER', { nameVi: 'Nước khoáng, nước tinh khiết', nameEn: 'Mineral and purified water', unit: 'nghìn lít', vsic4: '1104', activeFrom: '2025-01', activeTo: null });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.equal(edited.json().nameVi, 'Nước khoáng, nước tinh khiết');
    assert.equal(await audits('basket.product.create'), 1);
    assert.equal(await audits('basket.product.update'), 1);
    const beerName = async () =>
      (await t.app.inject({ method: 'GET', url: `/api/indicators/iip?period=${latest}&comparison=YOY` })).json().rows.find((r: { code: string }) => r.code === 'P1103_BEER').nameVi;
    assert.equal(await beerName(), 'Bia các loại');
    const renamed = await as(t, officer).send('PUT', '/api/basket/products/P1103_BEER', { nameVi: 'Bia các loại (chai, lon, hơi)', nameEn: 'Beer', unit: 'nghìn lít', vsic4: '1103', activeFrom: null, activeTo: null });
    assert.equal(renamed.statusCode, 200, renamed.body);
    assert.equal(await beerName(), 'Bia các loại (chai, lon, hơi)', 'the published tables show the new name at once');
    const other = await login(t, 'canbo.tm');
    assert.equal((await as(t, other).get('/api/basket/products')).statusCode, 403);
  });

  it('refuses moving a product with data to a class without weight, naming the node', async () => {
    const res = await as(t, officer).send('PUT', '/api/basket/products/P1103_BEER', { nameVi: 'Bia các loại', nameEn: 'Beer', unit: 'nghìn lít', vsic4: '1104', activeFrom: null, activeTo: null });
    assert.equal(res.statusCode, 400, res.body);
    assert.match(res.json().message, /no VSIC4 weight for "1104"/);
    const beer = (await as(t, officer).get('/api/basket/products?q=P1103')).json().items[0];
    assert.equal(beer.vsic4, '1103');
  });

  it('imports products (Vietnamese headers): dry run with row/column errors, all or nothing, export', async () => {
    const bad = 'Mã sản phẩm,Tên sản phẩm,Tên tiếng Anh,Đơn vị tính,Mã ngành\nP1104_SODA,Nước ngọt,Soft drinks,nghìn lít,1104\nP_BAD CODE,Sai,Bad,tấn,1104\nP1105_X,Thuốc lá,Cigarettes,bao,99\nP1104_SODA,Nước ngọt,Soft drinks,nghìn lít,1104\n';
    const dry = await upload('/api/basket/products/import', 'ro.csv', bad, true);
    assert.equal(dry.statusCode, 200, dry.body);
    const errors = dry.json().errors;
    assert.ok(hasError(errors, 3, 'product_code'));
    assert.ok(hasError(errors, 4, 'vsic4', /4-digit/));
    assert.ok(hasError(errors, 5, 'product_code', /repeated/));
    const real = await upload('/api/basket/products/import', 'ro.csv', bad, false);
    assert.equal(real.statusCode, 400);
    assert.equal(real.json().code, 'IMPORT_INVALID');
    assert.equal((await as(t, officer).get('/api/basket/products?q=P1104_SODA')).json().items.length, 0, 'nothing stored');
    const good = 'Mã sản phẩm,Tên sản phẩm,Tên tiếng Anh,Đơn vị tính,Mã ngành,Từ tháng\nP1104_SODA,"Nước ngọt, có ga",Soft drinks,nghìn lít,1104,2025-01\nP1103_BEER,"Bia các loại (chai, lon, hơi)",Beer,nghìn lít,1103,\n';
    const ok = await upload('/api/basket/products/import', 'ro.csv', good, false);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual([ok.json().inserted, ok.json().updated, ok.json().unchanged], [1, 0, 1]);
    const csv = await as(t, officer).get('/api/basket/products/export');
    assert.equal(csv.statusCode, 200);
    assert.match(csv.headers['content-type'] as string, /text\/csv/);
    assert.match(csv.body, /^\ufeffproduct_code,name_vi,name_en,unit,vsic4,active_from,active_to/);
    assert.match(csv.body, /P1104_SODA,"Nước ngọt, có ga",Soft drinks,nghìn lít,1104,2025-01,/);
    const empty = await upload('/api/basket/products/import', 'ro.csv', 'product_code,name_vi\n', true);
    assert.equal(empty.statusCode, 400);
    assert.match(empty.json().message, /Missing required column/);
  });

  it('shows weight versions and a version as a tree with shares and data presence', async () => {
    const versions = (await as(t, officer).get('/api/basket/weights')).json().items;
    assert.deepEqual(versions.map((v: { version: number }) => v.version), [2020, 2015]);
    assert.equal(versions[0].status, 'IN_FORCE');
    assert.equal(versions[1].status, 'SUPERSEDED');
    const tree = (await as(t, officer).get('/api/basket/weights/2020')).json();
    const total = tree.nodes.find((n: TNode) => n.level === 'TOTAL');
    assert.ok(total.hasData);
    const sections = tree.nodes.filter((n: { parentKey: string }) => n.parentKey === 'TOTAL:TOTAL');
    assert.ok(Math.abs(sections.reduce((s: number, n: { share: number }) => s + n.share, 0) - 1) < 1e-9);
    assert.deepEqual(tree.unweighted, []);
    assert.ok(tree.nodes.some((n: { level: string; nameVi: string }) => n.level === 'VSIC2' && /Sản xuất đồ uống/.test(n.nameVi)));
    assert.equal((await as(t, officer).get('/api/basket/weights/1999')).statusCode, 404);
    const csv = await as(t, officer).get('/api/basket/weights/2020/export');
    assert.equal(csv.statusCode, 200);
    assert.match(csv.body, /^\ufeffversion,valid_from,scope,level,code,weight,base_annual_qty\r\n/);
    assert.match(csv.body, /\r\n2020,2023-01,ALL,SECTION,C,104000,\r\n/);
    assert.equal(csv.body.trim().split('\r\n').length, 1 + tree.nodes.filter((n: TNode) => n.weight !== null).length);
  });

  it('imports a new weight version: bad rows and a node with data but no weight are refused, nothing stored; a good file recomputes', async () => {
    const tree = (await as(t, officer).get('/api/basket/weights/2020')).json();
    const validFrom = shiftPeriod(latest, -2);
    const header = 'version,valid_from,scope,level,code,weight,base_annual_qty';
    const lines = tree.nodes
      .filter((n: TNode) => n.level !== 'TOTAL' && n.weight !== null)
      .map((n: TNode) => `2025,${validFrom},ALL,${n.level},${n.code},${n.weight},${n.baseAnnualQty ?? ''}`);
    const withoutBeverages = [header, ...lines.filter((l: string) => !l.includes(',VSIC2,11,'))].join('\n');
    const gap = await upload('/api/basket/weights/import', 'w.csv', withoutBeverages, true);
    assert.equal(gap.statusCode, 200, gap.body);
    assert.ok(gap.json().errors.some((e: { message: string }) => /weights missing for a node that has data: VSIC2 11 \(version 2025, scope ALL\)/.test(e.message)), gap.body);
    const badRows = [header, ...lines, '2025,2020-01,ALL,VSIC4,1105,10,', `2025,${validFrom},ALL,PRODUCT,P_UNKNOWN,5,`, `2025,${validFrom},ALL,SECTION,C,-3,`, `2025,${validFrom},XX9,SECTION,B,3,`].join('\n');
    const dry = await upload('/api/basket/weights/import', 'w.csv', badRows, true);
    const n = lines.length + 2;
    assert.ok(hasError(dry.json().errors, n, 'valid_from', /one valid_from/), dry.body);
    assert.ok(hasError(dry.json().errors, n + 1, 'code', /not a product of the basket/));
    assert.ok(hasError(dry.json().errors, n + 2, 'weight', /negative/));
    assert.ok(hasError(dry.json().errors, n + 3, 'scope', /unknown scope/));
    const refused = await upload('/api/basket/weights/import', 'w.csv', withoutBeverages, false);
    assert.equal(refused.statusCode, 400);
    assert.equal((await as(t, officer).get('/api/basket/weights')).json().items.length, 2, 'nothing stored');

    const before = await dashboard();
    const good = [header, ...lines.map((l: string) => (l.includes(',SECTION,C,') ? l.replace(/,SECTION,C,[^,]+,/, ',SECTION,C,1,') : l))].join('\n');
    const ok = await upload('/api/basket/weights/import', 'w.csv', good, false);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(ok.json().versions, [{ version: 2025, scope: 'ALL', validFrom, rows: lines.length, replacedRows: 0 }]);
    assert.ok(ok.json().recomputeMs !== null);
    const after = await dashboard();
    assert.notEqual(after.iip.yoy, before.iip.yoy, 'manufacturing weighs less in the new version: the published IIP changed');
    const iip = (await t.app.inject({ method: 'GET', url: `/api/indicators/iip?period=${latest}&comparison=YOY` })).json();
    assert.equal(iip.rows.find((r: { level: string }) => r.level === 'TOTAL').version, 2025);
    assert.equal(await audits('basket.weights.import'), 1);

    const clash = await as(t, officer).send('PATCH', '/api/basket/weights/2025', { validFrom: '2023-01' });
    assert.equal(clash.statusCode, 400);
    assert.match(clash.json().message, /Version 2020 already starts in 2023-01/);
    const moved = await as(t, officer).send('PATCH', '/api/basket/weights/2025', { validFrom: shiftPeriod(latest, 2) });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.equal((await as(t, officer).get('/api/basket/weights')).json().items[0].status, 'SCHEDULED');
    const back = (await t.app.inject({ method: 'GET', url: `/api/indicators/iip?period=${latest}&comparison=YOY` })).json();
    assert.equal(back.rows.find((r: { level: string }) => r.level === 'TOTAL').version, 2020);
    assert.ok(Math.abs((await dashboard()).iip.yoy - before.iip.yoy) < 1e-9, 'back to the figures of version 2020');
  });

  it('edits and imports deflators with checks and recomputation of real growth', async () => {
    const table = (await as(t, officer).get('/api/basket/deflators')).json();
    assert.equal(table.year, Number(latest.slice(0, 4)));
    assert.ok(table.rows[0].values.RETAIL_GOODS > 0);
    const negative = await as(t, officer).send('PUT', '/api/basket/deflators', { period: latest, indicator: 'RETAIL_GOODS', priceIndex: -5 });
    assert.equal(negative.statusCode, 400);
    assert.equal(negative.json().details[0].path, 'body.priceIndex');
    const before = await dashboard();
    const set = await as(t, officer).send('PUT', '/api/basket/deflators', { period: latest, indicator: 'RETAIL_GOODS', priceIndex: 250 });
    assert.equal(set.statusCode, 200, set.body);
    assert.notEqual((await dashboard()).retail.realYoy, before.retail.realYoy);
    const bad = 'Kỳ,Chỉ tiêu,Chỉ số giá\n2024-13,RETAIL_GOODS,101\n2024-05,RETAIL_SHOES,101\n2024-06,TRAVEL,0\n2024-07,TRAVEL,abc\n';
    const dry = await upload('/api/basket/deflators/import', 'cpi.csv', bad, true);
    assert.equal(dry.statusCode, 200);
    assert.ok(hasError(dry.json().errors, 2, 'period', /YYYY-MM/));
    assert.ok(hasError(dry.json().errors, 3, 'indicator'));
    assert.ok(hasError(dry.json().errors, 4, 'price_index', /> 0/));
    assert.ok(hasError(dry.json().errors, 5, 'price_index'));
    assert.equal((await upload('/api/basket/deflators/import', 'cpi.csv', bad, false)).statusCode, 400);
    const ok = await upload('/api/basket/deflators/import', 'cpi.csv', `period,indicator,price_index\n${latest},RETAIL_GOODS,110.5\n${latest},TRAVEL,120\n`, false);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual([ok.json().inserted, ok.json().updated], [0, 2]);
    assert.equal((await as(t, officer).get(`/api/basket/deflators?year=${latest.slice(0, 4)}`)).json().rows.find((r: { period: string }) => r.period === latest).values.TRAVEL, 120);
  });

  it('sets official Tết windows near the lunar new year, without overlaps', async () => {
    const list = (await as(t, officer).get('/api/basket/tet-windows')).json().items;
    const y2025 = list.find((w: { year: number }) => w.year === 2025);
    assert.equal(y2025.dayOne, '2025-01-29');
    const far = await as(t, officer).send('PUT', '/api/basket/tet-windows/2025', { start: '2025-03-01', end: '2025-03-05' });
    assert.equal(far.statusCode, 400);
    assert.match(far.json().message, /more than 20 days from the first day of Tết 2025 \(2025-01-29\)/);
    const reversed = await as(t, officer).send('PUT', '/api/basket/tet-windows/2025', { start: '2025-02-02', end: '2025-01-25' });
    assert.equal(reversed.json().details[0].path, 'body.end');
    const ok = await as(t, officer).send('PUT', '/api/basket/tet-windows/2025', { start: '2025-01-25', end: '2025-02-03' });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal((await as(t, officer).get('/api/basket/tet-windows')).json().items.find((w: { year: number }) => w.year === 2025).end, '2025-02-03');
    const bad = 'năm,từ ngày,đến ngày\n2026,2026-02-14,2026-02-22\n2026,2026-02-15,2026-02-22\n2027,2027-02-31,2027-02-10\n';
    const dry = await upload('/api/basket/tet-windows/import', 'tet.csv', bad, true);
    assert.ok(hasError(dry.json().errors, 3, 'year', /repeated/), dry.body);
    assert.ok(hasError(dry.json().errors, 4, 'start', /not a date/));
    assert.equal((await upload('/api/basket/tet-windows/import', 'tet.csv', bad, false)).statusCode, 400);
    const beside = await upload('/api/basket/tet-windows/import', 'tet.csv', 'year,start,end\n2027,2027-01-25,2027-02-02\n', true);
    assert.ok(hasError(beside.json().errors, 2, 'start', /does not contain the first day of Tết 2027 \(2027-02-06\)/), beside.body);
    const removed = await as(t, officer).send('DELETE', '/api/basket/tet-windows/2025');
    assert.equal(removed.statusCode, 200);
    assert.equal(await audits('basket.tet.set'), 1);
  });

  it('changes form settings and the survey frame (add, end, import) and lists lock exceptions', async () => {
    const forms = (await as(t, officer).get('/api/basket/forms')).json().items;
    const iip = forms.find((f: { code: string }) => f.code === 'IIP_MONTHLY');
    assert.ok(iip.frameActive > 0);
    const bad = await as(t, officer).send('PATCH', '/api/basket/forms/IIP_MONTHLY', { deadlineDay: 20, expiryDays: 15, remindBeforeDays: 3, remindAfterDays: 2 });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().details[0].path, 'body.expiryDays');
    const ok = await as(t, officer).send('PATCH', '/api/basket/forms/IIP_MONTHLY', { deadlineDay: 15, expiryDays: 75, remindBeforeDays: 5, remindAfterDays: 3 });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().deadlineDay, 15);

    const frame = (await as(t, officer).get('/api/basket/forms/IIP_MONTHLY/frame?pageSize=5')).json();
    assert.equal(frame.total, iip.frameTotal);
    const member = frame.items[0];
    const outsider = (await queryRows<{ tax_code: string; id: number }>(t.database.db, sql`select tax_code, id from enterprises where id not in (select enterprise_id from report_frame where form_code = 'IIP_MONTHLY') order by id limit 1`))[0];
    const added = await as(t, officer).send('POST', '/api/basket/forms/IIP_MONTHLY/frame', { taxCode: outsider.tax_code, activeFrom: latest });
    assert.equal(added.statusCode, 201, added.body);
    assert.equal((await as(t, officer).send('POST', '/api/basket/forms/IIP_MONTHLY/frame', { taxCode: outsider.tax_code, activeFrom: latest })).statusCode, 409);
    const ended = await as(t, officer).send('PATCH', `/api/basket/forms/IIP_MONTHLY/frame/${member.enterpriseId}`, { activeFrom: member.activeFrom, activeTo: shiftPeriod(latest, -1) });
    assert.equal(ended.statusCode, 200, ended.body);
    const active = (await as(t, officer).get(`/api/basket/forms/IIP_MONTHLY/frame?activeIn=${latest}&q=${member.taxCode}`)).json();
    assert.equal(active.total, 0, 'no longer expected in the latest month');

    const file = `Mã số thuế,Từ tháng,Đến tháng\n${member.taxCode},${member.activeFrom},\n0000000000,2024-01,\n${outsider.tax_code},2024-05,2024-01\n`;
    const dry = await upload('/api/basket/forms/IIP_MONTHLY/frame/import', 'frame.csv', file, true);
    assert.ok(hasError(dry.json().errors, 3, 'tax_code', /no enterprise/), dry.body);
    assert.ok(hasError(dry.json().errors, 4, 'active_to', /before/));
    assert.equal((await upload('/api/basket/forms/IIP_MONTHLY/frame/import', 'frame.csv', file, false)).statusCode, 400);
    const reopened = await upload('/api/basket/forms/IIP_MONTHLY/frame/import', 'frame.csv', `tax_code,active_from,active_to\n${member.taxCode},${member.activeFrom},\n`, false);
    assert.equal(reopened.statusCode, 200, reopened.body);
    assert.equal(reopened.json().updated, 1);
    assert.equal((await as(t, officer).get(`/api/basket/forms/IIP_MONTHLY/frame?activeIn=${latest}&q=${member.taxCode}`)).json().total, 1);

    const until = new Date(Date.now() + 10 * 86400_000).toISOString().slice(0, 10);
    const grant = await as(t, officer).send('POST', '/api/reports/lock-exceptions', { formCode: 'IIP_MONTHLY', enterpriseId: member.enterpriseId, period: '2019-03', until, reason: 'Bổ sung số liệu' });
    assert.equal(grant.statusCode, 201, grant.body);
    const exceptions = (await as(t, officer).get('/api/basket/forms/IIP_MONTHLY/lock-exceptions')).json().items;
    assert.equal(exceptions[0].period, '2019-03');
    assert.equal(exceptions[0].grantedBy, 'canbo.kh');
    assert.ok(exceptions[0].isActive);
    assert.equal((await as(t, officer).get('/api/basket/forms/NOPE/frame')).statusCode, 404);
  });
});
