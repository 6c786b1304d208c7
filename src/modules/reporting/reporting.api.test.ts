import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client';
import { lastReportedMonth } from '../demo/demo-statistics-seed';
import { as, createTestApp, login, type TSession, type TTestApp } from '../../../tests/helpers/test-app';

describe('monthly report entry and review', () => {
  let t: TTestApp;
  let ent: TSession;
  let officer: TSession;
  const period = lastReportedMonth();
  const url = `/api/reports/IIP_MONTHLY/1/${period}`;
  before(async () => {
    t = await createTestApp({}, { statistics: true });
    ent = await login(t, 'doanhnghiep');
    officer = await login(t, 'canbo.cn');
  });
  after(async () => t.close());

  it('shows the form with the required product, previous values and deadline', async () => {
    const res = await as(t, ent).get(url);
    assert.equal(res.statusCode, 200, res.body);
    const r = res.json();
    const own = r.items.find((i: { item: string }) => i.item === 'P2592_MECHPART');
    assert.equal(own.isRequired, true);
    assert.ok(own.previousMonth > 0);
    assert.ok(r.deadline);
    assert.equal(r.isLocked, false);
  });

  it('refuses bad values with the cell named, and stores nothing', async () => {
    const before = (await as(t, ent).get(url)).json();
    const negative = await as(t, ent).send('PUT', url, { cells: [{ item: 'P2592_MECHPART', value: -5 }] });
    assert.equal(negative.statusCode, 400);
    assert.equal(negative.json().details[0].path, 'cells.P2592_MECHPART');
    const unknown = await as(t, ent).send('PUT', url, { cells: [{ item: 'P9999_NOTHING', value: 5 }] });
    assert.equal(unknown.statusCode, 400);
    const text = await as(t, ent).send('PUT', url, { cells: [{ item: 'P2592_MECHPART', value: 'nhiều' }] });
    assert.equal(text.statusCode, 400);
    assert.deepEqual((await as(t, ent).get(url)).json().items, before.items);
    assert.equal((await as(t, ent).send('PUT', '/api/reports/IIP_MONTHLY/1/2999-01', { cells: [] })).statusCode, 400);
  });

  it('warns on an unusual value, requires a comment to submit, and an officer accepts: figures recomputed', async () => {
    const dashboardBefore = (await t.app.inject({ method: 'GET', url: `/api/indicators/iip?period=${period}&comparison=YOY` })).json();
    const productBefore = dashboardBefore.rows.find((r: { code: string }) => r.code === 'P2592_MECHPART');
    const current = (await as(t, ent).get(url)).json().items.find((i: { item: string }) => i.item === 'P2592_MECHPART');
    const big = Math.round((current.previousMonth ?? 100) * 4);
    const saved = await as(t, ent).send('PUT', url, { cells: [{ item: 'P2592_MECHPART', value: big }] });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.ok(saved.json().warnings.length > 0);
    const refused = await as(t, ent).send('POST', `${url}/submit`);
    assert.equal(refused.statusCode, 400);
    assert.match(refused.json().message, /comment/);
    await as(t, ent).send('PUT', url, { cells: [{ item: 'P2592_MECHPART', value: big, comment: 'Đơn hàng xuất khẩu lớn tháng này' }] });
    const submitted = await as(t, ent).send('POST', `${url}/submit`);
    assert.equal(submitted.statusCode, 200, submitted.body);
    assert.equal(submitted.json().report.status, 'SUBMITTED');
    assert.equal((await as(t, ent).send('POST', `${url}/accept`)).statusCode, 403);
    const accepted = await as(t, officer).send('POST', `${url}/accept`);
    assert.equal(accepted.statusCode, 200, accepted.body);
    assert.equal(typeof accepted.json().recomputeMs, 'number');
    const after = (await t.app.inject({ method: 'GET', url: `/api/indicators/iip?period=${period}&comparison=YOY` })).json();
    const productAfter = after.rows.find((r: { code: string }) => r.code === 'P2592_MECHPART');
    assert.ok(productAfter.qCur > (productBefore?.qCur ?? 0), 'the accepted quantity is in the published figure');
    const twice = await as(t, officer).send('POST', `${url}/accept`);
    assert.equal(twice.statusCode, 409);
    const history = (await as(t, ent).get(`${url}/history`)).json().items;
    assert.ok(history.some((h: { newValue: number; actorName: string }) => h.newValue === big && h.actorName === 'doanhnghiep'));
  });

  it('publishes after an acceptance exactly what a whole-history recomputation publishes (resumed from the checkpoints)', async () => {
    await t.services.statisticsService.prime();
    const [y, m] = period.split('-').map(Number);
    const since = `${m <= 3 ? y - 1 : y}-${String(((m + 8) % 12) + 1).padStart(2, '0')}`;
    const published = async () => ({
      iip: await queryRows(t.database.db, sql`select * from iip_results where period >= ${since} order by period, scope, comparison, level, code`),
      values: await queryRows(t.database.db, sql`select * from value_results where period >= ${since} order by period, scope, indicator, grp, comparison`),
    });
    const pending = await queryRows<{ enterprise_id: number }>(t.database.db, sql`select enterprise_id from reports where period = ${period} and status = 'SUBMITTED' and form_code = 'IIP_MONTHLY' order by enterprise_id limit 1`);
    assert.equal(pending.length, 1, 'the demo leaves submitted reports of the last month');
    const accepted = await as(t, officer).send('POST', `/api/reports/IIP_MONTHLY/${pending[0].enterprise_id}/${period}/accept`);
    assert.equal(accepted.statusCode, 200, accepted.body);
    // The acceptance's recomputation resumed from a checkpoint (a second one, with nothing changed, shows it).
    const again = await t.services.statisticsService.recompute({ from: since, reason: 'test' });
    assert.ok(again?.resumedFrom && again.resumedFrom < period, `resumed from ${again?.resumedFrom}`);
    const resumed = await published();
    const whole = await as(t, await login(t, 'canbo.kh')).send('POST', '/api/admin/indicators/recompute', { from: since });
    assert.equal(whole.statusCode, 200, whole.body);
    assert.ok(resumed.iip.length > 100 && resumed.values.length > 10);
    assert.deepEqual(await published(), resumed);
  });

  it('returns a report with a reason, keeps enterprises to their own reports', async () => {
    const other = `/api/reports/IIP_MONTHLY/2/${period}`;
    assert.equal((await as(t, ent).get(other)).statusCode, 403);
    const noReason = await as(t, officer).send('POST', `${url}/return`, { reason: '' });
    assert.equal(noReason.statusCode, 400);
    const notSubmitted = await as(t, officer).send('POST', `${url}/return`, { reason: 'Kiểm tra lại số liệu' });
    assert.equal(notSubmitted.statusCode, 409);
  });

  it('locks old periods; an officer grants a lock exception', async () => {
    const old = '/api/reports/IIP_MONTHLY/1/2019-03';
    const locked = await as(t, ent).send('PUT', old, { cells: [{ item: 'P2592_MECHPART', value: 10 }] });
    assert.equal(locked.statusCode, 409);
    assert.equal(locked.json().code, 'PERIOD_LOCKED');
    const until = new Date(Date.now() + 7 * 86400_000).toISOString().slice(0, 10);
    const granted = await as(t, officer).send('POST', '/api/reports/lock-exceptions', { formCode: 'IIP_MONTHLY', enterpriseId: 1, period: '2019-03', until, reason: 'Bổ sung số liệu điều chỉnh' });
    assert.equal(granted.statusCode, 201, granted.body);
    const reopened = await as(t, ent).send('PUT', old, { cells: [{ item: 'P2592_MECHPART', value: 10, comment: 'Điều chỉnh' }] });
    assert.equal(reopened.statusCode, 200, reopened.body);
  });

  it('lists the non-reporters of a month', async () => {
    const res = await as(t, officer).get(`/api/reports/completeness?formCode=IIP_MONTHLY&period=${period}`);
    assert.equal(res.statusCode, 200);
    assert.ok(Array.isArray(res.json().nonReporters));
    const list = await as(t, ent).get('/api/reports?formCode=IIP_MONTHLY');
    assert.ok(list.json().items.every((r: { enterpriseId: number }) => r.enterpriseId === 1));
  });
});

describe('bulk report feed', () => {
  let t: TTestApp;
  let staff: TSession;
  const period = lastReportedMonth();
  const upload = (csv: string, dryRun: boolean) => {
    const boundary = '----ctreports';
    const body = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="feed.csv"\r\nContent-Type: text/csv\r\n\r\n`), Buffer.from(csv), Buffer.from(`\r\n--${boundary}--\r\n`)]);
    return t.app.inject({ method: 'POST', url: `/api/reports/import?dryRun=${dryRun}`, headers: { cookie: staff.cookie, 'x-csrf-token': staff.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
  };
  before(async () => {
    t = await createTestApp({}, { statistics: true });
    staff = await login(t, 'canbo.kh');
  });
  after(async () => t.close());

  it('imports accepted reports for one period, all or nothing, and recomputes', async () => {
    const ok = `form_code,tax_code,period,item,value,comment\nIIP_MONTHLY,0101234567,${period},P2592_MECHPART,321.5,Số liệu Cục Thống kê\n`;
    const dry = await upload(ok, true);
    assert.equal(dry.statusCode, 200, dry.body);
    assert.equal(dry.json().errors.length, 0);
    const real = await upload(ok, false);
    assert.equal(real.statusCode, 200, real.body);
    assert.ok(real.json().recomputeMs !== null);
    const report = (await as(t, staff).get(`/api/reports/IIP_MONTHLY/1/${period}`)).json();
    assert.equal(report.status, 'ACCEPTED');
    assert.equal(report.items.find((i: { item: string }) => i.item === 'P2592_MECHPART').acceptedValue, 321.5);
  });

  it('refuses mixed periods, future periods, unknown items, negative values, duplicates and lower revisions', async () => {
    const mixed = await upload(`form_code,tax_code,period,item,value\nIIP_MONTHLY,0101234567,${period},P2592_MECHPART,1\nIIP_MONTHLY,0101234567,2020-01,P2592_MECHPART,1\n`, true);
    assert.equal(mixed.statusCode, 400);
    assert.match(mixed.json().message, /mixes periods/);
    const future = await upload('form_code,tax_code,period,item,value\nIIP_MONTHLY,0101234567,2999-01,P2592_MECHPART,1\n', true);
    assert.equal(future.statusCode, 400);
    const bad = [
      'form_code,tax_code,period,item,value,revision',
      `IIP_MONTHLY,0101234567,${period},P9999_NONE,1,`,
      `IIP_MONTHLY,0101234567,${period},P2592_MECHPART,-3,`,
      `IIP_MONTHLY,0101234567,${period},P2592_MECHPART,abc,`,
      `NOPE,0101234567,${period},X,1,`,
      `IIP_MONTHLY,0100000000,${period},P2592_MECHPART,1,`,
    ].join('\n');
    const res = await upload(bad, false);
    assert.equal(res.statusCode, 400);
    const errors: { row: number; column: string }[] = res.json().details.errors;
    const at = (row: number, column: string) => assert.ok(errors.some((e) => e.row === row && e.column === column), `${row}/${column} in ${JSON.stringify(errors)}`);
    at(2, 'item');
    at(3, 'value');
    at(4, 'item');
    at(4, 'value');
    at(5, 'form_code');
    at(6, 'tax_code');
    const lower = await upload(`form_code,tax_code,period,item,value,revision\nIIP_MONTHLY,0101234567,${period},P2592_MECHPART,5,0\n`, true);
    assert.ok(lower.json().errors.some((e: { column: string; message: string }) => e.column === 'revision' && /lower/.test(e.message)), lower.body);
  });
});

describe('report reminders', () => {
  let t: TTestApp;
  before(async () => {
    t = await createTestApp({}, { statistics: true });
  });
  after(async () => t.close());

  it('queues a reminder per address of each non-reporter, in the outbox without SMTP, and audits it', async () => {
    const officer = await login(t, 'canbo.cn');
    const period = lastReportedMonth();
    const nonReporters = (await as(t, officer).get(`/api/reports/completeness?formCode=IIP_MONTHLY&period=${period}`)).json().nonReporters;
    const res = await as(t, officer).send('POST', '/api/reports/reminders', { formCode: 'IIP_MONTHLY', period, kind: 'AFTER_DEADLINE' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().enterprises, nonReporters.length);
    const admin = await login(t, 'admin');
    const outbox = (await as(t, admin).get('/api/admin/outbox?pageSize=200')).json();
    assert.equal(outbox.total, res.json().messages);
    if (outbox.items.length) {
      assert.match(outbox.items[0].subject, /Quá hạn nộp/);
      assert.equal(outbox.items[0].status, 'OUTBOX_ONLY');
    }
    const audit = (await as(t, admin).get('/api/admin/audit?action=report.remind')).json();
    assert.equal(audit.total, 1);
  });
});
