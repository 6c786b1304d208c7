import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { as, createTestApp, login, type TTestApp } from '../../../tests/helpers/test-app';

describe('published indicators from the demo reports', () => {
  let t: TTestApp;
  before(async () => {
    t = await createTestApp({}, { statistics: true });
  });
  after(async () => t.close());

  const get = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };

  it('shows the KPI tiles of the latest month with coverage and data-as-of', async () => {
    const d = await get('/api/indicators/dashboard');
    assert.match(d.period, /^\d{4}-\d{2}$/);
    for (const v of [d.iip.yoy, d.iip.ytd, d.retail.yoy, d.retail.ytd, d.exports.yoy]) assert.ok(v > 50 && v < 200, `index ${v}`);
    assert.ok(d.dataAsOf);
    const iip = d.completeness.find((c: { formCode: string }) => c.formCode === 'IIP_MONTHLY');
    assert.ok(iip.expected > 0 && iip.received <= iip.expected && iip.accepted <= iip.received);
  });

  it('keeps YTD equal to YOY in January and contributions adding up to the total', async () => {
    const year = Number((await get('/api/indicators/dashboard')).period.slice(0, 4)) - 1;
    const yoy = await get(`/api/indicators/iip?period=${year}-01&comparison=YOY`);
    const ytd = await get(`/api/indicators/iip?period=${year}-01&comparison=YTD`);
    const total = (rows: { level: string; index: number }[]) => rows.find((r) => r.level === 'TOTAL')?.index;
    assert.ok(Math.abs((total(yoy.rows) ?? 0) - (total(ytd.rows) ?? 1)) < 1e-9);
    const sections = yoy.rows.filter((r: { level: string }) => r.level === 'SECTION');
    const sum = sections.reduce((s: number, r: { contribTotalPp: number }) => s + r.contribTotalPp, 0);
    assert.ok(Math.abs(sum - ((total(yoy.rows) ?? 0) - 100)) < 1e-8);
  });

  it('flags the Tết shift in the month Tết moved and points to the two-month figure', async () => {
    const d = await get('/api/indicators/dashboard?period=2025-01');
    assert.ok(d.tetShift, 'Tết was in February 2024 and January 2025');
    assert.equal(d.tetShift.twoMonthPeriod, '2025-02');
  });

  it('serves 24-month trends, the value table and breakdowns by area and ownership', async () => {
    const trend = await get('/api/indicators/trend?indicator=IIP&months=24');
    assert.equal(trend.points.length, 24);
    const retail = await get('/api/indicators/trend?indicator=RETAIL_TOTAL&months=12');
    assert.ok(retail.points.every((p: { level: number }) => p.level > 0));
    const values = await get('/api/indicators/values');
    assert.ok(values.rows.some((r: { indicator: string; grp: string }) => r.indicator === 'EXPORT' && r.grp === 'FDI'));
    const breakdown = await get('/api/indicators/breakdown?comparison=YTD');
    assert.ok(breakdown.iip.some((r: { scope: string }) => r.scope.startsWith('OWN:')));
    assert.ok(breakdown.iip.some((r: { scope: string }) => /^\d{3}$/.test(r.scope)));
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/indicators/dashboard?period=2025-13' })).statusCode, 400);
  });

  it('recomputes on request for statistics staff, quickly for the latest month', async () => {
    const staff = await login(t, 'canbo.kh');
    const latest = (await get('/api/indicators/dashboard')).period;
    const res = await as(t, staff).send('POST', '/api/admin/indicators/recompute', { from: latest });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().fromPeriod, latest);
    assert.ok(res.json().iipRows > 0);
    const other = await login(t, 'canbo.tm');
    assert.equal((await as(t, other).send('POST', '/api/admin/indicators/recompute', {})).statusCode, 403);
  });
});
