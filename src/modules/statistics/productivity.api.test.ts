import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client';
import { as, createTestApp, login, type TTestApp } from '../../../tests/helpers/test-app';

type TPoint = { period: string; level: string; code: string; enterprises: number; workers: number; perWorker: number | null; yoy: number | null };

describe('labour productivity from the demo workforce and production reports', () => {
  let t: TTestApp;
  before(async () => {
    t = await createTestApp({}, { statistics: true });
  });
  after(async () => t.close());

  it('gives officers output per worker by sector with the index versus a year earlier and anonymous quartiles', async () => {
    const officer = await login(t, 'canbo.kh');
    const res = await as(t, officer).get('/api/indicators/productivity?months=12');
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json() as { from: string; to: string; points: TPoint[]; quartiles: { division: string; count: number; q1: number | null; median: number | null; q3: number | null }[] };
    // The latest month is still coming in; the month before is complete.
    const month = body.points.filter((p) => p.level === 'TOTAL').at(-2);
    assert.ok(month, 'a total for the month before the latest');
    assert.ok(month.enterprises > 50 && month.workers > 0 && (month.perWorker ?? 0) > 0);
    // Production grows a few per cent a year, the headcount ~1.2 %: productivity moves within a sane band.
    assert.ok(month.yoy !== null && month.yoy > 80 && month.yoy < 130, `yoy ${month.yoy}`);
    const divisions = body.points.filter((p) => p.level === 'DIVISION' && p.period === month.period);
    assert.ok(divisions.length >= 3);
    assert.equal(
      divisions.reduce((s, d) => s + d.workers, 0),
      month.workers,
    );
    for (const q of body.quartiles) {
      if (q.count < 5) assert.equal(q.median, null, 'withheld under five enterprises');
      else assert.ok((q.q1 ?? 0) <= (q.median ?? 0) && (q.median ?? 0) <= (q.q3 ?? 0));
    }
  });

  it("shows an enterprise its own position and refuses other enterprises' figures", async () => {
    const officer = await login(t, 'canbo.kh');
    const sectors = (await as(t, officer).get('/api/indicators/productivity?months=2')).json() as { to: string; points: TPoint[] };
    const period = sectors.points.filter((p) => p.level === 'TOTAL').at(-2)?.period ?? sectors.to;
    // An enterprise of a division with at least five reporters.
    const rows = await queryRows<{ id: number }>(
      t.database.db,
      sql`with w as (select r.enterprise_id as id, substr(e.vsic_main, 1, 2) as division from reports r join enterprises e on e.id = r.enterprise_id
                     where r.form_code = 'WORKFORCE_MONTHLY' and r.period = ${period} and r.accepted_revision is not null)
          select id from w where division in (select division from w group by division having count(*) >= 5) order by id limit 1`,
    );
    const id = rows[0].id;
    const mine = await as(t, officer).get(`/api/enterprises/${id}/productivity?period=${period}`);
    assert.equal(mine.statusCode, 200, mine.body);
    const position = mine.json();
    assert.equal(position.history.length, 12);
    assert.ok(position.current.perWorker > 0);
    assert.ok([1, 2, 3, 4].includes(position.current.quartile));
    assert.ok(position.current.peers >= 5);
    assert.equal(JSON.stringify(position).includes('enterpriseIds'), false);

    const enterprise = await login(t, 'doanhnghiep');
    const own = await as(t, enterprise).get('/api/enterprises/1/productivity');
    assert.equal(own.statusCode, 200, own.body);
    const other = await as(t, enterprise).get(`/api/enterprises/${id === 1 ? 2 : id}/productivity`);
    assert.equal(other.statusCode, 403);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/enterprises/1/productivity' })).statusCode, 401);
    assert.equal((await as(t, enterprise).get('/api/indicators/productivity')).statusCode, 403);
  });

  it('accepts workforce reports through the report entry API with the hard rules', async () => {
    const officer = await login(t, 'canbo.kh');
    const period = (await as(t, officer).get('/api/indicators/productivity?months=1')).json().to as string;
    const frame = await queryRows<{ id: number }>(t.database.db, sql`select enterprise_id as id from report_frame where form_code = 'WORKFORCE_MONTHLY' and active_to is null order by 1 limit 1`);
    const url = `/api/reports/WORKFORCE_MONTHLY/${frame[0].id}/${period}`;
    const bad = await as(t, officer).send('PUT', url, { cells: [{ item: 'WORKERS', value: -3 }] });
    const read = await as(t, officer).get(url);
    assert.equal(read.statusCode, 200, read.body);
    assert.ok(read.json().items.some((i: { item: string; unit: string }) => i.item === 'WORKERS' && i.unit === 'người'));
    if (bad.statusCode === 200) {
      // Drafts keep what was typed; the hard rule blocks the submission.
      const submit = await as(t, officer).send('POST', `${url}/submit`, {});
      assert.equal(submit.statusCode, 400, submit.body);
      assert.match(submit.body, /negative/);
    } else assert.equal(bad.statusCode, 400, bad.body);
  });
});
