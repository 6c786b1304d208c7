import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { auditLog } from '../../db/schema/platform';
import { as, createTestApp, login, type TTestApp } from '../../../tests/helpers/test-app';

describe('audit trail', () => {
  let t: TTestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('is append-only in the database itself', async () => {
    const refusal = (e: unknown) => /append-only/.test(String((e as { cause?: unknown }).cause ?? e));
    await assert.rejects(t.database.db.execute(sql`update audit_log set action = 'x'`), refusal);
    await assert.rejects(t.database.db.execute(sql`delete from audit_log`), refusal);
    const n = (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0].n;
    assert.ok(n > 0);
  });

  it('lists and filters entries for administrators', async () => {
    const admin = await login(t, 'admin');
    await login(t, 'lanhdao');
    const all = await as(t, admin).get('/api/admin/audit?pageSize=200');
    assert.equal(all.statusCode, 200);
    assert.ok(all.json().total >= 3);
    const logins = await as(t, admin).get('/api/admin/audit?action=auth.login&actor=lanhdao');
    assert.equal(logins.statusCode, 200);
    assert.ok(logins.json().items.length >= 1);
    for (const item of logins.json().items) {
      assert.equal(item.action, 'auth.login');
      assert.equal(item.actorName, 'lanhdao');
    }
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const dated = await as(t, admin).get(`/api/admin/audit?from=${today}&to=${today}&entity=user`);
    assert.ok(dated.json().total >= 1);
    const none = await as(t, admin).get('/api/admin/audit?from=2001-01-01&to=2001-01-02');
    assert.equal(none.json().total, 0);
    const bad = await as(t, admin).get('/api/admin/audit?from=yesterday');
    assert.equal(bad.statusCode, 400);
  });

  it('offers no route that changes or deletes audit rows', () => {
    const writes = t.routeTable.filter((r) => r.url.includes('audit') && r.method !== 'GET');
    assert.deepEqual(writes, []);
  });
});
