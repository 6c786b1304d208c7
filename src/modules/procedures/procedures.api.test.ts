import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { procedureVersions } from '../../db/schema/procedures';
import { as, createTestApp, login, type TSession, type TTestApp } from '../../../tests/helpers/test-app';

const content = (name: string, days = 5) => ({
  name,
  implementationLevel: 'PROVINCE',
  agencies: { competent: 'Sở Công Thương Hà Nội', implementing: 'Sở Công Thương Hà Nội' },
  subjects: ['ENTERPRISE'],
  methods: [{ channel: 'ONLINE', processingTime: { value: days, unit: 'WORKING_DAY' } }],
  dossierComponents: [{ name: 'Đơn đề nghị', originals: 1, copies: 0 }],
  processingTime: { value: days, unit: 'WORKING_DAY' },
  fees: [],
  result: { name: 'Văn bản xác nhận', electronicAvailable: true },
  legalBasis: [{ number: '81/2018/NĐ-CP', title: 'Nghị định về xúc tiến thương mại', date: '2018-05-22' }],
  onlineServiceLevel: 'FULL',
});

describe('procedure catalogue', () => {
  let t: TTestApp;
  let desk: TSession;
  const versions = async () => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(procedureVersions))[0].n;
  before(async () => {
    t = await createTestApp();
    desk = await login(t, 'motcua');
  });
  after(async () => t.close());

  it('publishes the demo catalogue, with abolished food-safety procedures, searchable without diacritics', async () => {
    const all = (await t.app.inject({ method: 'GET', url: '/api/procedures?pageSize=100' })).json();
    assert.ok(all.total >= 13);
    const abolished = (await t.app.inject({ method: 'GET', url: '/api/procedures?status=ABOLISHED&field=ATTP' })).json();
    assert.ok(abolished.items.length >= 2);
    assert.ok(abolished.items.every((p: { status: string; fieldCode: string }) => p.status === 'ABOLISHED' && p.fieldCode === 'ATTP'));
    const search = (await t.app.inject({ method: 'GET', url: '/api/procedures?q=ban%20le%20ruou' })).json();
    assert.equal(search.items[0].name, 'Cấp Giấy phép bán lẻ sản phẩm rượu');
    const byCode = (await t.app.inject({ method: 'GET', url: '/api/procedures?q=2.000620.H26' })).json();
    assert.deepEqual(byCode.items.map((p: { code: string }) => p.code), ['2.000620.H26']);
    const decisions = (await t.app.inject({ method: 'GET', url: '/api/procedures/decisions' })).json();
    assert.deepEqual(decisions.items.map((d: { items: number }) => d.items).sort(), [13, 4]);
    const before2025 = (await t.app.inject({ method: 'GET', url: '/api/procedures?status=ABOLISHED&at=2024-12-31' })).json();
    assert.equal(before2025.total, 0);
  });

  it('binds a date to the version in force: amended food-safety certificate changed its time limit in 2025', async () => {
    const old = (await t.app.inject({ method: 'GET', url: '/api/procedures/2.000591.H26?at=2024-06-01' })).json();
    assert.equal(old.current.content.processingTime.value, 20);
    assert.equal(old.status, 'PUBLIC');
    const now = (await t.app.inject({ method: 'GET', url: '/api/procedures/2.000591.H26?at=2025-06-01' })).json();
    assert.equal(now.current.content.processingTime.value, 15);
    assert.equal(now.status, 'AMENDED');
    assert.equal(now.versions.length, 2);
    assert.equal(now.current.decision.number, '1145/QĐ-UBND');
    assert.equal(await t.services.procedureService.findVersionInForce('2.000552.H26', '2025-06-01'), null);
    assert.ok(await t.services.procedureService.findVersionInForce('2.000552.H26', '2024-06-01'));
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/procedures/9.999999' })).statusCode, 404);
  });

  it('records a decision with new and abolished procedures, all or nothing', async () => {
    const ok = await as(t, desk).send('POST', '/api/admin/procedure-decisions', {
      number: '77/QĐ-UBND-TEST',
      signedOn: '2026-01-05',
      issuer: 'Chủ tịch UBND thành phố Hà Nội',
      items: [
        { kind: 'NEW', code: '2.009999.H26', fieldCode: 'XTTM', effectiveFrom: '2026-01-10', content: content('Đăng ký hoạt động khuyến mại trực tuyến (thử nghiệm)') },
        { kind: 'ABOLISHED', code: '2.000002.H26', effectiveFrom: '2026-01-10' },
      ],
    });
    assert.equal(ok.statusCode, 201, ok.body);
    const abolishedNow = (await t.app.inject({ method: 'GET', url: '/api/procedures/2.000002.H26?at=2026-02-01' })).json();
    assert.equal(abolishedNow.status, 'ABOLISHED');

    const n = await versions();
    const bad = await as(t, desk).send('POST', '/api/admin/procedure-decisions', {
      number: '78/QĐ-UBND-TEST',
      signedOn: '2026-01-06',
      issuer: 'Chủ tịch UBND thành phố Hà Nội',
      items: [
        { kind: 'NEW', code: '2.008888.H26', fieldCode: 'XTTM', effectiveFrom: '2026-01-10', content: content('Thủ tục hợp lệ trong quyết định lỗi') },
        { kind: 'AMENDED', code: '2.000002.H26', effectiveFrom: '2026-02-01', content: content('Sửa thủ tục đã bãi bỏ') },
        { kind: 'NEW', code: '2.009999.H26', fieldCode: 'XTTM', effectiveFrom: '2026-01-10', content: content('Trùng mã') },
        { kind: 'NEW', code: '2.007777.H26', fieldCode: 'NOPE', effectiveFrom: '2026-01-01', content: content('Lĩnh vực lạ') },
      ],
    });
    assert.equal(bad.statusCode, 400);
    const paths = bad.json().details.map((d: { path: string }) => d.path);
    for (const p of ['body.items.1.kind', 'body.items.2.code', 'body.items.3.fieldCode', 'body.items.3.effectiveFrom']) assert.ok(paths.includes(p), `${p} in ${bad.body}`);
    assert.equal(await versions(), n);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/procedures/2.008888.H26' })).statusCode, 404);
  });

  it('refuses a future signing date, a malformed code and a duplicate decision number', async () => {
    const future = await as(t, desk).send('POST', '/api/admin/procedure-decisions', { number: 'X1/QĐ', signedOn: '2999-01-01', issuer: 'UBND', items: [{ kind: 'ABOLISHED', code: '2.000001.H26', effectiveFrom: '2999-01-02' }] });
    assert.equal(future.statusCode, 400);
    const code = await as(t, desk).send('POST', '/api/admin/procedure-decisions', { number: 'X2/QĐ', signedOn: '2026-01-01', issuer: 'UBND', items: [{ kind: 'ABOLISHED', code: 'ABC', effectiveFrom: '2026-01-02' }] });
    assert.equal(code.statusCode, 400);
    assert.ok(code.json().details.some((d: { path: string }) => d.path === 'body.items.0.code'));
    const dup = await as(t, desk).send('POST', '/api/admin/procedure-decisions', { number: '2870/QĐ-UBND', signedOn: '2026-01-01', issuer: 'UBND', items: [{ kind: 'ABOLISHED', code: '2.000001.H26', effectiveFrom: '2026-01-02' }] });
    assert.equal(dup.statusCode, 400);
    const officer = await login(t, 'canbo.cn');
    assert.equal((await as(t, officer).send('POST', '/api/admin/procedure-decisions', { number: 'X3', signedOn: '2026-01-01', issuer: 'UBND', items: [] })).statusCode, 403);
  });
});
