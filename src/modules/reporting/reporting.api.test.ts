import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
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
    assert.ok(accepted.json().recomputeMs < 5000);
    const after = (await t.app.inject({ method: 'GET', url: `/api/indicators/iip?period=${period}&comparison=YOY` })).json();
    const productAfter = after.rows.find((r: { code: string }) => r.code === 'P2592_MECHPART');
    assert.ok(productAfter.qCur > (productBefore?.qCur ?? 0), 'the accepted quantity is in the published figure');
    const twice = await as(t, officer).send('POST', `${url}/accept`);
    assert.equal(twice.statusCode, 409);
    const history = (await as(t, ent).get(`${url}/history`)).json().items;
    assert.ok(history.some((h: { newValue: number; actorName: string }) => h.newValue === big && h.actorName === 'doanhnghiep'));
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
