import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, login, type TSession, type TTestApp } from '../../../tests/helpers/test-app';

/** A multipart body with a CSV file and the dryRun field. */
const multipart = (csv: string) => {
  const boundary = '----cti18n';
  const body = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="dryRun"\r\n\r\ntrue\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="units.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
  );
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
};

describe('server messages in the language of the request (Accept-Language)', () => {
  let t: TTestApp;
  let admin: TSession;
  before(async () => {
    t = await createTestApp();
    admin = await login(t, 'admin');
  });
  after(async () => t.close());

  it('schema validation: zod issues and unknown fields in Vietnamese for vi, English for en', async () => {
    const payload = { username: 'admin', extra: 1 };
    const vi = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'accept-language': 'vi-VN,vi;q=0.9' }, payload });
    assert.equal(vi.statusCode, 400);
    const viBody = vi.json() as { code: string; message: string; details: { path: string; message: string }[] };
    assert.equal(viBody.code, 'VALIDATION_ERROR');
    assert.deepEqual(
      viBody.details.map((d) => d.message).sort(),
      ['Thiếu giá trị (cần chuỗi)', 'trường không được phép'].sort(),
    );
    assert.match(viBody.message, /^Giá trị không hợp lệ ở body\./);
    const en = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'accept-language': 'en' }, payload });
    const enBody = en.json() as { message: string; details: { message: string }[] };
    assert.deepEqual(enBody.details.map((d) => d.message).sort(), ['Invalid input: expected string, received undefined', 'unknown field'].sort());
    assert.match(enBody.message, /^Invalid body\./);
  });

  it('an AppError with interpolated values, and the CSRF error of the auth hooks', async () => {
    const ask = (lang: string) => t.app.inject({ method: 'GET', url: '/api/calendar/years/2150', headers: { 'accept-language': lang } });
    const vi = (await ask('vi')).json() as { message: string; details: { path: string; message: string }[] };
    assert.equal(vi.message, 'Năm phải trong khoảng 1900 đến 2100');
    assert.deepEqual(vi.details, [{ path: 'params.year', message: 'ngoài phạm vi cho phép' }]);
    const en = (await ask('en-GB')).json() as { message: string };
    assert.equal(en.message, 'The year must be between 1900 and 2100');

    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: admin.cookie, 'accept-language': 'vi' } });
    assert.equal(noCsrf.statusCode, 403);
    assert.equal((noCsrf.json() as { message: string }).message, 'Thiếu hoặc sai mã chống giả mạo (X-CSRF-Token)');
  });

  it('row errors of an import: in the 200 body of a dry run and in the 400 body of a failed file', async () => {
    const upload = (csv: string, lang: string) => {
      const { body, contentType } = multipart(csv);
      return t.app.inject({
        method: 'POST',
        url: '/api/admin/units/import',
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': contentType, 'accept-language': lang },
        payload: body,
      });
    };
    const csv = 'code,name,level,parent,valid_from,valid_to\nX-1,Xã Thử,HAMLET,01,2025-13-01,\n';
    const vi = await upload(csv, 'vi');
    assert.equal(vi.statusCode, 200, vi.body);
    const viErrors = (vi.json() as { errors: { row: number; column: string; message: string }[] }).errors;
    assert.deepEqual(
      viErrors.map((e) => [e.row, e.column, e.message]),
      [
        [2, 'level', '"HAMLET" không phải cấp hành chính; cần PROVINCE, DISTRICT hoặc COMMUNE (hoặc tỉnh/huyện/xã…)'],
        [2, 'valid_from', '"2025-13-01" không phải ngày dạng YYYY-MM-DD'],
      ],
    );
    const en = await upload(csv, 'en');
    assert.deepEqual(
      (en.json() as { errors: { message: string }[] }).errors.map((e) => e.message),
      ['"HAMLET" is not a level; expected PROVINCE, DISTRICT or COMMUNE (or tỉnh/huyện/xã…)', '"2025-13-01" is not a date YYYY-MM-DD'],
    );
    const missing = await upload('code,name\nX-1,Xã Thử\n', 'vi');
    assert.equal(missing.statusCode, 400);
    const missingBody = missing.json() as { code: string; message: string; details: { errors: { message: string }[] } };
    assert.equal(missingBody.code, 'IMPORT_INVALID');
    assert.equal(missingBody.message, 'Thiếu cột bắt buộc: level, valid_from');
    assert.equal(missingBody.details.errors[0].message, 'Thiếu cột bắt buộc: level, valid_from');
  });
});
