import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { procedureVersions, publicationDecisions } from '../../db/schema/procedures';
import { createTestApp, login, type TSession, type TTestApp } from '../../../tests/helpers/test-app';

const HEADER = 'Loại thay đổi,Mã thủ tục,Lĩnh vực,Hiệu lực từ,Tên thủ tục,Cấp thực hiện,Cơ quan có thẩm quyền,Cơ quan thực hiện,Đối tượng thực hiện,Cách thức thực hiện,Thành phần hồ sơ,Thời hạn giải quyết,Phí lệ phí,Kết quả,Kết quả điện tử,Căn cứ pháp lý,Mức độ dịch vụ công';
const NEW_ROW =
  'NEW,2.007777.H26,XTTM,2026-01-12,Đăng ký tổ chức hội chợ triển lãm thương mại (nhập từ tệp),PROVINCE,Sở Công Thương Hà Nội,Sở Công Thương Hà Nội,ENTERPRISE;ORGANISATION,"DIRECT|7 ngày làm việc; ONLINE|7 WORKING_DAY","Đơn đăng ký|1|0; Bản sao giấy chứng nhận đăng ký doanh nghiệp|0|1",7 ngày làm việc,"LE_PHI|0|Không thu",Văn bản xác nhận,có,"81/2018/NĐ-CP|Nghị định quy định chi tiết Luật Thương mại về hoạt động xúc tiến thương mại|2018-05-22",FULL';

const multipart = (fileName: string, content: string, fields: Record<string, string>) => {
  const boundary = '----ctprocedures';
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  const file = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`;
  return { body: Buffer.concat([Buffer.from(parts.join('') + file), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
};

describe('procedure catalogue import from a file', () => {
  let t: TTestApp;
  let desk: TSession;
  const count = async () => ({
    versions: (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(procedureVersions))[0].n,
    decisions: (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(publicationDecisions))[0].n,
  });
  const upload = (csv: string, dryRun: boolean, session = desk, number = '150/QĐ-UBND') => {
    const { body, contentType } = multipart('catalogue.csv', csv, { number, signedOn: '2026-01-05', issuer: 'Ủy ban nhân dân thành phố Hà Nội' });
    return t.app.inject({ method: 'POST', url: `/api/admin/procedure-decisions/import?dryRun=${dryRun}`, payload: body, headers: { 'content-type': contentType, cookie: session.cookie, 'x-csrf-token': session.csrf } });
  };
  before(async () => {
    t = await createTestApp();
    desk = await login(t, 'motcua');
  });
  after(async () => t.close());

  it('previews, then records a decision from a CSV (new, amended, abolished) with every field parsed', async () => {
    const existing = (await t.app.inject({ method: 'GET', url: '/api/procedures?status=PUBLIC&pageSize=100' })).json().items as { code: string; name: string }[];
    const [amend, abolish] = existing.slice(0, 2);
    const csv = [HEADER, NEW_ROW, `ABOLISHED,${abolish.code},,2026-02-01,,,,,,,,,,,,,`, NEW_ROW.replace('NEW,2.007777.H26,XTTM', `AMENDED,${amend.code},`).replace('(nhập từ tệp)', '(sửa đổi)')].join('\n');
    const before = await count();
    const preview = await upload(csv, true);
    assert.equal(preview.statusCode, 200, preview.body);
    assert.deepEqual(preview.json().errors, []);
    assert.deepEqual(preview.json().counts, { NEW: 1, AMENDED: 1, REPLACED: 0, ABOLISHED: 1 });
    assert.deepEqual(await count(), before, 'a dry run stores nothing');

    const done = await upload(csv, false);
    assert.equal(done.statusCode, 200, done.body);
    assert.ok(done.json().decisionId);
    assert.deepEqual(await count(), { versions: before.versions + 3, decisions: before.decisions + 1 });
    const created = (await t.app.inject({ method: 'GET', url: '/api/procedures/2.007777.H26' })).json();
    const version = created.versions.at(-1).content;
    assert.equal(version.name, 'Đăng ký tổ chức hội chợ triển lãm thương mại (nhập từ tệp)');
    assert.deepEqual(version.processingTime, { value: 7, unit: 'WORKING_DAY' });
    assert.deepEqual(
      version.methods.map((m: { channel: string }) => m.channel),
      ['DIRECT', 'ONLINE'],
    );
    assert.equal(version.dossierComponents.length, 2);
    assert.equal(version.dossierComponents[1].copies, 1);
    assert.equal(version.result.electronicAvailable, true);
    assert.equal(version.legalBasis[0].number, '81/2018/NĐ-CP');
    const abolished = (await t.app.inject({ method: 'GET', url: `/api/procedures/${encodeURIComponent(abolish.code)}?at=2026-03-01` })).json();
    assert.equal(abolished.status, 'ABOLISHED');
  });

  it('names the row and column of every problem and stores nothing', async () => {
    const before = await count();
    const bad = [
      HEADER,
      NEW_ROW.replace('NEW,2.007777.H26,XTTM', 'NEW,2.006666.H26,KHONGCO'), // unknown field (catalogue check)
      NEW_ROW.replace('NEW,2.007777.H26', 'CREATE,2.005555.H26'), // bad change kind
      NEW_ROW.replace('NEW,2.007777.H26', 'NEW,2.004444.H26').replace('7 ngày làm việc,"LE_PHI', 'bảy ngày,"LE_PHI'), // bad processing time
      NEW_ROW.replace('NEW,2.007777.H26', 'NEW,2.003333.H26').replace('"Đơn đăng ký|1|0;', '"Đơn đăng ký|một|0;'), // not a number
      NEW_ROW.replace('NEW,2.007777.H26', 'NEW,2.002222.H26').replace('ENTERPRISE;ORGANISATION', 'ENTERPRISE;ALIENS'), // unknown subject
      `AMENDED,9.999999,,2026-02-01,${NEW_ROW.split(',').slice(4).join(',')}`, // unknown procedure
    ].join('\n');
    const preview = await upload(bad, true);
    assert.equal(preview.statusCode, 200, preview.body);
    const errors = preview.json().errors as { row: number; column: string; message: string }[];
    const at = (row: number) => errors.filter((e) => e.row === row).map((e) => e.column);
    assert.deepEqual(at(3), ['kind']);
    assert.deepEqual(at(4), ['processing_time']);
    assert.deepEqual(at(5), ['components']);
    assert.deepEqual(at(6), ['subjects']);
    const refused = await upload(bad, false);
    assert.equal(refused.statusCode, 400, refused.body);
    assert.equal(refused.json().code, 'IMPORT_INVALID');
    assert.deepEqual(await count(), before);

    // File-level checks: the catalogue's own rules, reported by row (no file syntax errors left).
    const catalogueOnly = [HEADER, NEW_ROW.replace('NEW,2.007777.H26,XTTM', 'NEW,2.006666.H26,KHONGCO'), `AMENDED,9.999999,,2026-02-01,${NEW_ROW.split(',').slice(4).join(',')}`].join('\n');
    const checked = (await upload(catalogueOnly, true, desk, '151/QĐ-UBND')).json().errors as { row: number; column: string }[];
    assert.deepEqual(
      checked.map((e) => `${e.row}:${e.column}`),
      ['2:field_code', '3:code'],
    );
    assert.equal((await upload('', true)).statusCode, 400);
    assert.match((await upload('Tên thủ tục\nA', true)).json().message, /Missing required column/);
  });

  it('is for the one-stop desk and administrators only', async () => {
    const officer = await login(t, 'canbo.cn');
    assert.equal((await upload([HEADER, NEW_ROW].join('\n'), true, officer)).statusCode, 403);
    const anonymous = multipart('c.csv', HEADER, {});
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/admin/procedure-decisions/import', payload: anonymous.body, headers: { 'content-type': anonymous.contentType } })).statusCode, 401);
  });
});
