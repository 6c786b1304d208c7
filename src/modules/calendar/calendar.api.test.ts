import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../db/schema/platform';
import { as, createTestApp, login, type TSession, type TTestApp } from '../../../tests/helpers/test-app';

describe('working-day calendar', () => {
  let t: TTestApp;
  let admin: TSession;
  before(async () => {
    t = await createTestApp();
    admin = await login(t, 'admin');
  });
  after(async () => t.close());

  it('shows a year as a grid with its source: shipped notice (2025) or the statutory rule (2035)', async () => {
    const y2025 = (await t.app.inject({ method: 'GET', url: '/api/calendar/years/2025' })).json();
    assert.equal(y2025.source, 'OFFICIAL');
    assert.equal(y2025.days.length, 365);
    const byDate = new Map(y2025.days.map((d: { date: string; status: string }) => [d.date, d.status]));
    assert.equal(byDate.get('2025-04-26'), 'SWAP_WORKDAY');
    assert.equal(byDate.get('2025-05-02'), 'SWAP_DAY_OFF');
    assert.equal(byDate.get('2025-01-29'), 'HOLIDAY');
    assert.equal(byDate.get('2025-03-03'), 'WORKING');
    const y2035 = (await t.app.inject({ method: 'GET', url: '/api/calendar/years/2035' })).json();
    assert.equal(y2035.source, 'RULE');
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/calendar/years/2200' })).statusCode, 400);
  });

  it('adds working days around Tết and swapped days (spec worked examples)', async () => {
    const due = async (start: string, n: number) => (await t.app.inject({ method: 'GET', url: `/api/calendar/add-workdays?start=${start}&n=${n}` })).json().due;
    assert.equal(await due('2025-04-24', 5), '2025-05-05');
    assert.equal(await due('2026-02-12', 3), '2026-02-24');
    assert.equal(await due('2025-12-31', 2), '2026-01-06');
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/calendar/add-workdays?start=2025-02-30&n=1' })).statusCode, 400);
  });

  it('lets an administrator enter a year notice that overrides the schedule, audited, and revert it', async () => {
    const rule = (await as(t, admin).get('/api/calendar/years/2031')).json();
    const entries = [...rule.ruleEntries, { date: '2031-01-04', kind: 'swap_workday', name: 'Làm bù ngày 2/1' }, { date: '2031-01-02', kind: 'swap_day_off', name: 'Nghỉ hoán đổi' }];
    const saved = await as(t, admin).send('PUT', '/api/admin/calendar/years/2031', { noticeNumber: '1234/TB-BNV', noticeDate: '2030-11-20', entries });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json().source, 'ADMIN');
    const grid = new Map(saved.json().days.map((d: { date: string; status: string }) => [d.date, d.status]));
    assert.equal(grid.get('2031-01-02'), 'SWAP_DAY_OFF');
    assert.equal(grid.get('2031-01-04'), 'SWAP_WORKDAY');
    const due = (await t.app.inject({ method: 'GET', url: '/api/calendar/add-workdays?start=2031-01-01&n=1' })).json().due;
    assert.equal(due, '2031-01-03');
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entity, 'holiday_year'));
    assert.equal(audits.length, 1);
    const reverted = await as(t, admin).send('DELETE', '/api/admin/calendar/years/2031');
    assert.equal(reverted.json().source, 'RULE');
  });

  it('refuses bad entries with a field path and stores nothing', async () => {
    const cases: [unknown, string][] = [
      [{ entries: [{ date: '2032-13-01', kind: 'statutory', name: 'x' }] }, 'body.entries.0.date'],
      [{ entries: [{ date: '2033-01-01', kind: 'statutory', name: 'Năm mới' }] }, 'body.entries.0.date'],
      [{ entries: [{ date: '2032-01-05', kind: 'swap_workday', name: 'Không phải cuối tuần' }] }, 'body.entries.0.kind'],
      [{ entries: [{ date: '2032-01-01', kind: 'holiday', name: 'x' }] }, 'body.entries.0.kind'],
    ];
    for (const [body, path] of cases) {
      const res = await as(t, admin).send('PUT', '/api/admin/calendar/years/2032', body);
      assert.equal(res.statusCode, 400, res.body);
      assert.ok(res.json().details.some((d: { path: string }) => d.path === path), `${path} in ${res.body}`);
    }
    assert.equal((await as(t, admin).get('/api/calendar/years/2032')).json().source, 'RULE');
    const leader = await login(t, 'lanhdao');
    assert.equal((await as(t, leader).send('PUT', '/api/admin/calendar/years/2032', { entries: [] })).statusCode, 403);
  });
});
