import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client';
import { as, createTestApp, login, type TTestApp } from '../../../tests/helpers/test-app';

type TIipRow = { level: string; code: string; qCur: number | null; qCmp: number | null; imputedShare: number | null };
type TRow = { enterpriseId: number; taxCode: string; name: string; area: string | null; unit: string | null; ownership: string; qCur: number; qCmp: number; monthsCur: number; monthsCmp: number; changePct: number | null; sharePct: number | null };
type TAnswer = {
  period: string;
  comparison: string;
  product: { code: string; unit: string };
  scope: string;
  totals: { qCur: number; qCmp: number; enterprises: number; reportedQCur: number };
  published: { qCur: number | null; qCmp: number | null; index: number | null; imputedShare: number | null } | null;
  rows: TRow[];
};

const close = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);

describe('IIP drill-down to the enterprises of a product', () => {
  let t: TTestApp;
  let period: string;
  let iip: TIipRow[];
  let lastYear: Map<string, TIipRow>;
  before(async () => {
    t = await createTestApp({}, { statistics: true });
    const latest = (await t.app.inject({ method: 'GET', url: '/api/indicators/dashboard' })).json().period as string;
    // The latest month is still coming in; the month before is complete.
    const [y, m] = latest.split('-').map(Number);
    period = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
    iip = (await t.app.inject({ method: 'GET', url: `/api/indicators/iip?period=${period}&comparison=YOY` })).json().rows as TIipRow[];
    const before = `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;
    const rows = (await t.app.inject({ method: 'GET', url: `/api/indicators/iip?period=${before}&comparison=YOY` })).json().rows as TIipRow[];
    lastYear = new Map(rows.filter((r) => r.level === 'PRODUCT').map((r) => [r.code, r]));
  });
  after(async () => t.close());

  it("lists the reporters of a product whose quantities add up to the engine's product quantity when nothing is imputed", async () => {
    const officer = await login(t, 'canbo.kh');
    // Nothing imputed in the month nor in the same month last year (the comparison span).
    const clean = iip.filter((r) => r.level === 'PRODUCT' && (r.qCur ?? 0) > 0 && r.imputedShare === 0 && lastYear.get(r.code)?.imputedShare === 0);
    assert.ok(clean.length > 0, 'a product without imputation');
    for (const product of clean.slice(0, 3)) {
      const res = await as(t, officer).get(`/api/indicators/iip/enterprises?period=${period}&product=${product.code}`);
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json() as TAnswer;
      assert.equal(body.comparison, 'YOY');
      assert.equal(body.scope, 'ALL');
      assert.ok(body.rows.length > 0);
      close(
        body.rows.reduce((s, r) => s + r.qCur, 0),
        product.qCur ?? NaN,
        `${product.code} current`,
      );
      close(
        body.rows.reduce((s, r) => s + r.qCmp, 0),
        product.qCmp ?? NaN,
        `${product.code} same month last year`,
      );
      close(body.published?.qCur ?? NaN, product.qCur ?? NaN, 'published row');
      // Largest first; shares of the total add up to 100 %.
      for (let i = 1; i < body.rows.length; i++) assert.ok(body.rows[i - 1].qCur >= body.rows[i].qCur);
      close(
        body.rows.reduce((s, r) => s + (r.sharePct ?? 0), 0),
        100,
        'shares',
      );
      for (const r of body.rows) {
        if (r.qCmp > 0 && r.monthsCur > 0) close(r.changePct ?? NaN, (r.qCur / r.qCmp - 1) * 100, 'change');
        else assert.equal(r.changePct, null);
        assert.equal(r.monthsCur, r.qCur > 0 ? 1 : r.monthsCur);
      }
    }
  });

  it('leaves out the imputed quantities: reported = qCur × (1 − imputed share), against the accepted cells', async () => {
    const officer = await login(t, 'canbo.kh');
    const imputed = iip.find((r) => r.level === 'PRODUCT' && (r.qCur ?? 0) > 0 && (r.imputedShare ?? 0) > 0);
    assert.ok(imputed, 'a product with imputed quantities');
    const body = (await as(t, officer).get(`/api/indicators/iip/enterprises?period=${period}&product=${imputed.code}`)).json() as TAnswer;
    const reported = body.rows.reduce((s, r) => s + r.qCur, 0);
    assert.ok(reported < (imputed.qCur ?? 0));
    close(reported, (imputed.qCur ?? 0) * (1 - (imputed.imputedShare ?? 0)), 'reported part');
    // Against the accepted cells themselves.
    const cells = await queryRows<{ q: number | string }>(
      t.database.db,
      sql`select sum(c.accepted_value) as q from reports r join report_forms f on f.code = r.form_code join report_cells c on c.report_id = r.id
          where f.kind = 'IIP' and r.accepted_revision is not null and c.item = ${imputed.code} and r.period = ${period}`,
    );
    close(reported, Number(cells[0].q), 'accepted cells');
  });

  it('sums the months of the span: year to date and month over month', async () => {
    const officer = await login(t, 'canbo.kh');
    const product = iip.find((r) => r.level === 'PRODUCT' && (r.qCur ?? 0) > 0)!;
    const ytd = (await as(t, officer).get(`/api/indicators/iip/enterprises?period=${period}&product=${product.code}&comparison=YTD`)).json() as TAnswer;
    const year = period.slice(0, 4);
    const last = `${Number(year) - 1}${period.slice(4)}`;
    const cells = await queryRows<{ cur: number | string; cmp: number | string }>(
      t.database.db,
      sql`select sum(case when r.period between ${`${year}-01`} and ${period} then c.accepted_value else 0 end) as cur,
                 sum(case when r.period between ${`${Number(year) - 1}-01`} and ${last} then c.accepted_value else 0 end) as cmp
          from reports r join report_forms f on f.code = r.form_code join report_cells c on c.report_id = r.id
          where f.kind = 'IIP' and r.accepted_revision is not null and c.item = ${product.code}`,
    );
    close(ytd.totals.qCur, Number(cells[0].cur), 'YTD current');
    close(ytd.totals.qCmp, Number(cells[0].cmp), 'YTD comparison');
    const mom = (await as(t, officer).get(`/api/indicators/iip/enterprises?period=${period}&product=${product.code}&comparison=MOM`)).json() as TAnswer;
    const yoy = (await as(t, officer).get(`/api/indicators/iip/enterprises?period=${period}&product=${product.code}`)).json() as TAnswer;
    close(mom.totals.qCur, yoy.totals.qCur, 'same current month');
    assert.notEqual(mom.totals.qCmp, yoy.totals.qCmp);
  });

  it('lists an enterprise that has not reported the product yet in the latest month, without a change', async () => {
    const officer = await login(t, 'canbo.kh');
    const latest = (await as(t, officer).get('/api/indicators/dashboard')).json().period as string;
    const rows = (await as(t, officer).get(`/api/indicators/iip?period=${latest}`)).json().rows as TIipRow[];
    const imputed = rows.filter((r) => r.level === 'PRODUCT' && (r.imputedShare ?? 0) > 0);
    assert.ok(imputed.length > 0, 'the latest month is still coming in');
    let missing: TRow | undefined;
    for (const product of imputed) {
      const body = (await as(t, officer).get(`/api/indicators/iip/enterprises?period=${latest}&product=${product.code}`)).json() as TAnswer;
      missing = body.rows.find((r) => r.monthsCur === 0 && r.qCmp > 0);
      if (missing) break;
    }
    assert.ok(missing, 'a reporter of last year without a report yet');
    assert.equal(missing.qCur, 0);
    assert.equal(missing.changePct, null);
    assert.equal(missing.monthsCmp, 1);
  });

  it('lets officers, leaders and area officers (their areas only) see it; not enterprises', async () => {
    const product = iip.find((r) => r.level === 'PRODUCT' && (r.qCur ?? 0) > 0)!.code;
    const url = `/api/indicators/iip/enterprises?period=${period}&product=${product}`;
    const full = (await as(t, await login(t, 'admin')).get(url)).json() as TAnswer;
    for (const user of ['lanhdao', 'canbo.cn', 'canbo.tm']) {
      const res = await as(t, await login(t, user)).get(url);
      assert.equal(res.statusCode, 200, `${user}: ${res.body}`);
      assert.equal((res.json() as TAnswer).rows.length, full.rows.length);
    }
    const area = await as(t, await login(t, 'canbo.khuvuc')).get(url);
    assert.equal(area.statusCode, 200, area.body);
    const scoped = area.json() as TAnswer;
    assert.equal(scoped.scope, 'AREA');
    assert.ok(scoped.rows.length < full.rows.length, 'fewer enterprises than the province');
    assert.ok(scoped.rows.every((r) => r.area === '017' || r.unit === '017'));
    assert.deepEqual(
      scoped.rows.map((r) => r.enterpriseId),
      full.rows.filter((r) => r.area === '017' || r.unit === '017').map((r) => r.enterpriseId),
    );
    // Shares stay shares of the province total.
    assert.equal(scoped.totals.reportedQCur, full.totals.reportedQCur);
    assert.equal((await as(t, await login(t, 'doanhnghiep')).get(url)).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'GET', url })).statusCode, 401);
  });

  it('answers 404 for an unknown product and 400 for a bad period or comparison', async () => {
    const officer = await login(t, 'canbo.kh');
    const unknown = await as(t, officer).get(`/api/indicators/iip/enterprises?period=${period}&product=NO-SUCH`);
    assert.equal(unknown.statusCode, 404, unknown.body);
    assert.match(unknown.body, /NO-SUCH/);
    const product = iip.find((r) => r.level === 'PRODUCT')!.code;
    for (const q of [`period=2024-13&product=${product}`, `period=2024-1&product=${product}`, `product=${product}&comparison=QOY`, `period=${period}`]) {
      const res = await as(t, officer).get(`/api/indicators/iip/enterprises?${q}`);
      assert.equal(res.statusCode, 400, `${q}: ${res.body}`);
    }
  });
});
