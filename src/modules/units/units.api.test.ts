import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { adminUnits } from '../../db/schema/platform';
import { createTestApp, login, type TSession, type TTestApp } from '../../../tests/helpers/test-app';

const multipart = (content: Buffer | string, dryRun: boolean) => {
  const boundary = '----ctboundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="dryRun"\r\n\r\n${dryRun}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="units.csv"\r\nContent-Type: text/csv\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head), Buffer.isBuffer(content) ? content : Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
};

const NEW_UNITS = [
  'code,name,level,parent,valid_from,valid_to,former_codes',
  'P-DONGANH,Xã Đông Anh,COMMUNE,01,2025-07-01,,017',
  'P-THULAM,Xã Thư Lâm,COMMUNE,01,2025-07-01,,017',
  'P-HOANKIEM,Phường Hoàn Kiếm,COMMUNE,01,2025-07-01,,002;001',
].join('\n');

describe('administrative units', () => {
  let t: TTestApp;
  let admin: TSession;
  const upload = (content: Buffer | string, dryRun: boolean) => {
    const { body, contentType } = multipart(content, dryRun);
    return t.app.inject({ method: 'POST', url: '/api/admin/units/import', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': contentType }, payload: body });
  };
  const countUnits = async () => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(adminUnits))[0].n;

  before(async () => {
    t = await createTestApp();
    admin = await login(t, 'admin');
  });
  after(async () => t.close());

  it('seeds Hà Nội with its 30 former districts, in force before 2025-07-01 only', async () => {
    const before = (await t.app.inject({ method: 'GET', url: '/api/units?at=2025-06-30&level=DISTRICT' })).json();
    assert.equal(before.items.length, 30);
    assert.ok(before.items.some((u: { name: string }) => u.name === 'Huyện Đông Anh'));
    const afterReform = (await t.app.inject({ method: 'GET', url: '/api/units?at=2025-07-01&level=DISTRICT' })).json();
    assert.equal(afterReform.items.length, 0);
    const province = (await t.app.inject({ method: 'GET', url: '/api/units?at=2026-01-01&level=PROVINCE' })).json();
    assert.equal(province.items[0].name, 'Thành phố Hà Nội');
  });

  it('dry run reports counts without storing; the real run stores units and the lineage', async () => {
    const n = await countUnits();
    const dry = await upload(NEW_UNITS, true);
    assert.equal(dry.statusCode, 200, dry.body);
    const dryBody = dry.json() as Record<string, unknown> & { errors: unknown[] };
    assert.deepEqual({ ...dryBody, errors: dryBody.errors.length }, { dryRun: true, inserted: 3, updated: 0, unchanged: 0, lineage: 4, errors: 0 });
    assert.equal(await countUnits(), n);
    const real = await upload(NEW_UNITS, false);
    assert.equal(real.statusCode, 200, real.body);
    assert.equal(await countUnits(), n + 3);
    const communes = (await t.app.inject({ method: 'GET', url: '/api/units?at=2025-08-01&parent=01' })).json();
    assert.equal(communes.items.filter((u: { level: string }) => u.level === 'COMMUNE').length, 3);
    const lineage = (await t.app.inject({ method: 'GET', url: '/api/units/lineage' })).json().items;
    const fromDongAnh = lineage.filter((l: { oldCode: string }) => l.oldCode === '017');
    assert.equal(fromDongAnh.length, 2);
    assert.equal(fromDongAnh[0].relation, 'split_to');
    assert.equal(fromDongAnh[0].oldName, 'Huyện Đông Anh');
    const again = await upload(NEW_UNITS, true);
    assert.equal(again.json().unchanged, 3);
  });

  it('reports every bad row with its column and stores nothing', async () => {
    const n = await countUnits();
    const bad = [
      'code,name,level,parent,valid_from,valid_to',
      'X1,Xã Một,COMMUNE,01,2025-07-01,',
      'X1,Xã Một lặp,COMMUNE,01,2025-07-01,',
      'X2,,COMMUNE,01,2025-07-01,',
      'X3,Xã Ba,VILLAGE,01,2025-07-01,',
      'X4,Xã Bốn,COMMUNE,999,2025-07-01,',
      'X5,Huyện Mới,DISTRICT,01,2025-09-01,',
      'X6,Xã Sáu,COMMUNE,01,2025-13-01,',
      'X7,Xã Bảy,COMMUNE,017,2025-08-01,',
      'X8,Xã Tám,COMMUNE,01,2025-08-01,2025-01-01',
    ].join('\n');
    const res = await upload(bad, false);
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().code, 'IMPORT_INVALID');
    const errors: { row: number; column: string }[] = res.json().details.errors;
    const at = (row: number, column: string) => errors.some((e) => e.row === row && e.column === column);
    assert.ok(at(3, 'code'), 'duplicate');
    assert.ok(at(4, 'name'), 'empty name');
    assert.ok(at(5, 'level'), 'unknown level');
    assert.ok(at(6, 'parent'), 'unknown parent');
    assert.ok(at(7, 'level'), 'district after reform');
    assert.ok(at(8, 'valid_from'), 'bad date');
    assert.ok(at(9, 'parent'), 'parent not in force');
    assert.ok(at(10, 'valid_to'), 'to before from');
    assert.equal(await countUnits(), n);
  });

  it('refuses a file that is not UTF-8, an empty file and a file without required columns', async () => {
    const latin1 = Buffer.from('code,name,level,parent,valid_from\nZ1,X\xe3 \xd0\xf4ng,COMMUNE,01,2025-07-01\n', 'latin1');
    const enc = await upload(latin1, false);
    assert.equal(enc.statusCode, 400);
    assert.match(enc.json().message, /UTF-8/);
    const empty = await upload(Buffer.alloc(0), false);
    assert.equal(empty.statusCode, 400);
    assert.match(empty.json().message, /empty/);
    const cols = await upload('code,name\nZ1,Xã Z', false);
    assert.equal(cols.statusCode, 400);
    assert.match(cols.json().message, /level/);
  });

  it('refuses uploads over the size limit', async () => {
    const small = await createTestApp({ UPLOAD_LIMIT_BYTES: '2048' });
    try {
      const s = await login(small, 'admin');
      const { body, contentType } = multipart('code,name,level,parent,valid_from\n' + 'X,Y,COMMUNE,01,2025-07-01\n'.repeat(200), false);
      const res = await small.app.inject({ method: 'POST', url: '/api/admin/units/import', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': contentType }, payload: body });
      assert.equal(res.statusCode, 413);
      assert.equal(res.json().code, 'BODY_TOO_LARGE');
    } finally {
      await small.close();
    }
  });
});
