import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { desc, eq, sql } from 'drizzle-orm';
import { auditLog, sessions, users } from '../../db/schema/platform';
import { as, createTestApp, login, type TSession, type TTestApp } from '../../../tests/helpers/test-app';

const countUsers = async (t: TTestApp) => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(users))[0].n;

describe('user administration', () => {
  let t: TTestApp;
  let admin: TSession;
  before(async () => {
    t = await createTestApp();
    admin = await login(t, 'admin');
  });
  after(async () => t.close());

  it('creates a user and audits it with the after values but no password hash', async () => {
    const res = await as(t, admin).send('POST', '/api/admin/users', {
      username: 'canbo.moi',
      displayName: 'Cán bộ Mới',
      email: 'canbo.moi@example.vn',
      role: 'OFFICER',
      modules: ['TRADE', 'INDUSTRY'],
      password: 'Initial-pass-1',
    });
    assert.equal(res.statusCode, 201, res.body);
    const user = res.json();
    assert.equal(user.mustChangePassword, true);
    assert.deepEqual(user.modules.sort(), ['INDUSTRY', 'TRADE']);
    const audit = (await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'user.create')).orderBy(desc(auditLog.id)))[0];
    assert.equal(audit.actorName, 'admin');
    assert.equal(audit.entityId, String(user.id));
    assert.ok(audit.ip);
    assert.ok(audit.requestId);
    assert.equal((audit.after as Record<string, unknown>).username, 'canbo.moi');
    assert.equal(JSON.stringify(audit.after).includes('argon2'), false);
  });

  it('rejects unknown fields, wrong types and bad values with field paths, storing nothing', async () => {
    const n = await countUsers(t);
    const cases: [unknown, string][] = [
      [{ username: 'x1abc', displayName: 'X', role: 'LEADER', password: 'Initial-pass-1', isAdmin: true }, 'body.isAdmin'],
      [{ username: 'x2abc', displayName: 'X', role: 'KING', password: 'Initial-pass-1' }, 'body.role'],
      [{ username: 12345, displayName: 'X', role: 'LEADER', password: 'Initial-pass-1' }, 'body.username'],
      [{ username: 'x3abc', displayName: 'X', role: 'LEADER', password: 'Initial-pass-1', email: 'not-an-email' }, 'body.email'],
      [{ username: 'x4abc', displayName: 'X', role: 'OFFICER', password: 'Initial-pass-1' }, 'body.modules'],
    ];
    for (const [payload, path] of cases) {
      const res = await as(t, admin).send('POST', '/api/admin/users', payload);
      assert.equal(res.statusCode, 400, res.body);
      const body = res.json();
      assert.equal(body.code, 'VALIDATION_ERROR');
      assert.ok(body.details.some((d: { path: string }) => d.path === path), `${path} in ${res.body}`);
      assert.ok(body.requestId);
    }
    const weak = await as(t, admin).send('POST', '/api/admin/users', { username: 'x5abc', displayName: 'X', role: 'LEADER', password: 'short' });
    assert.equal(weak.json().code, 'WEAK_PASSWORD');
    assert.equal(await countUsers(t), n);
  });

  it('refuses a duplicate username (case-insensitive) with 409', async () => {
    const res = await as(t, admin).send('POST', '/api/admin/users', { username: 'LANHDAO', displayName: 'X', role: 'LEADER', password: 'Initial-pass-1' });
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().code, 'USERNAME_TAKEN');
  });

  it('stores SQL and HTML verbatim and returns them as data', async () => {
    const name = `Robert'); DROP TABLE users;-- <script>alert("x")</script> & Đặng`;
    const res = await as(t, admin).send('POST', '/api/admin/users', { username: 'bobby.tables', displayName: name, role: 'LEADER', password: 'Initial-pass-1' });
    assert.equal(res.statusCode, 201);
    assert.equal(res.json().displayName, name);
    const list = await as(t, admin).get('/api/admin/users?q=bobby');
    assert.equal(list.json().items[0].displayName, name);
    assert.equal(res.headers['content-type']?.toString().startsWith('application/json'), true);
    assert.ok((await countUsers(t)) > 5);
  });

  it('disables a user: their sessions end and they cannot sign in; audited with before and after', async () => {
    const victim = await login(t, 'canbo.tm');
    const id = (await t.database.db.select().from(users).where(eq(users.username, 'canbo.tm')))[0].id;
    const res = await as(t, admin).send('PATCH', `/api/admin/users/${id}`, { disabled: true });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().disabled, true);
    assert.equal((await as(t, victim).get('/api/me/tokens')).statusCode, 401);
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'canbo.tm', password: 'Test@123456' } });
    assert.equal(again.statusCode, 403);
    assert.equal(again.json().code, 'ACCOUNT_DISABLED');
    const left = await t.database.db.select().from(sessions).where(eq(sessions.userId, id));
    assert.equal(left.length, 0);
    const audit = (await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'user.disable')))[0];
    assert.equal((audit.before as { disabled: boolean }).disabled, false);
    assert.equal((audit.after as { disabled: boolean }).disabled, true);
  });

  it('protects the last administrator and refuses self-disable', async () => {
    const id = (await t.database.db.select().from(users).where(eq(users.username, 'admin')))[0].id;
    const demote = await as(t, admin).send('PATCH', `/api/admin/users/${id}`, { role: 'LEADER' });
    assert.equal(demote.statusCode, 409);
    const self = await as(t, admin).send('PATCH', `/api/admin/users/${id}`, { disabled: true });
    assert.equal(self.statusCode, 409);
    assert.equal((await t.database.db.select().from(users).where(eq(users.id, id)))[0].role, 'ADMIN');
  });

  it('answers 404 for an unknown user', async () => {
    const res = await as(t, admin).send('PATCH', '/api/admin/users/999999', { displayName: 'Nobody' });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().code, 'NOT_FOUND');
  });
});
