import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { auditLog, sessions, users } from '../../db/schema/platform';
import { as, createTestApp, login, TEST_PASSWORD, type TTestApp } from '../../../tests/helpers/test-app';

describe('auth through the HTTP layer', () => {
  let t: TTestApp;
  before(async () => {
    t = await createTestApp({ LOGIN_MAX_ATTEMPTS: '3', LOGIN_IP_MAX_FAILURES: '50' });
  });
  after(async () => t.close());

  it('signs in, sets an httpOnly SameSite cookie, and returns the user and a CSRF token', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lanhdao', password: TEST_PASSWORD } });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.user.role, 'LEADER');
    assert.equal(typeof body.csrfToken, 'string');
    assert.equal(body.user.passwordHash, undefined);
    const setCookie = String(res.headers['set-cookie']);
    assert.match(setCookie, /ct_session=/);
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Lax/);
    const session = await as(t, { cookie: `ct_session=${res.cookies[0].value}`, csrf: body.csrfToken }).get('/api/auth/session');
    assert.equal(session.json().user.username, 'lanhdao');
  });

  it('stores passwords as argon2id hashes', async () => {
    const rows = await t.database.db.select({ h: users.passwordHash }).from(users).where(eq(users.username, 'admin'));
    assert.match(rows[0].h, /^\$argon2id\$/);
  });

  it('refuses a wrong password with 401 and the same message as an unknown user', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'canbo.tm', password: 'wrong-password' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'wrong-password' } });
    assert.equal(wrong.statusCode, 401);
    assert.equal(unknown.statusCode, 401);
    assert.equal(wrong.json().code, 'INVALID_CREDENTIALS');
    assert.equal(wrong.json().message, unknown.json().message);
  });

  it('locks the account after repeated failures, even for the right password, and audits it', async () => {
    for (let i = 0; i < 2; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'canbo.kh', password: 'bad-password-x' } });
      assert.equal(r.statusCode, 401);
    }
    const third = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'canbo.kh', password: 'bad-password-x' } });
    assert.equal(third.statusCode, 423);
    assert.equal(third.json().code, 'ACCOUNT_LOCKED');
    assert.ok(third.json().details.lockedUntil);
    const right = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'canbo.kh', password: TEST_PASSWORD } });
    assert.equal(right.statusCode, 423);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'auth.locked'));
    assert.equal(audits.length, 1);
  });

  it('rejects a forged cookie and an expired session with 401', async () => {
    const forged = await t.app.inject({ method: 'GET', url: '/api/me/tokens', headers: { cookie: 'ct_session=abc.def' } });
    assert.equal(forged.statusCode, 401);
    const s = await login(t, 'canbo.cn');
    await t.database.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) });
    const expired = await as(t, s).get('/api/me/tokens');
    assert.equal(expired.statusCode, 401);
    assert.equal(expired.json().code, 'SESSION_EXPIRED');
    const anonymous = await as(t, s).get('/api/auth/session');
    assert.equal(anonymous.statusCode, 200);
    assert.equal(anonymous.json().user, null);
  });

  it('requires the CSRF token on state-changing requests and stores nothing without it', async () => {
    const s = await login(t, 'motcua');
    const before = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    const res = await t.app.inject({ method: 'PUT', url: '/api/me/locale', headers: { cookie: s.cookie }, payload: { locale: 'en' } });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().code, 'CSRF_TOKEN_INVALID');
    const wrong = await t.app.inject({ method: 'PUT', url: '/api/me/locale', headers: { cookie: s.cookie, 'x-csrf-token': 'nope' }, payload: { locale: 'en' } });
    assert.equal(wrong.statusCode, 403);
    const afterCount = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    assert.equal(afterCount[0].n, before[0].n);
    const user = await t.database.db.select().from(users).where(eq(users.username, 'motcua'));
    assert.equal(user[0].locale, 'vi');
    const ok = await as(t, s).send('PUT', '/api/me/locale', { locale: 'en' });
    assert.equal(ok.statusCode, 204);
    assert.equal((await as(t, s).get('/api/auth/session')).json().user.locale, 'en');
  });

  it('changes the password, closes other sessions, and refuses weak or wrong passwords', async () => {
    const s1 = await login(t, 'canbo.khuvuc');
    const s2 = await login(t, 'canbo.khuvuc');
    const weak = await as(t, s1).send('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    assert.equal(weak.statusCode, 400);
    assert.equal(weak.json().code, 'WEAK_PASSWORD');
    const wrong = await as(t, s1).send('POST', '/api/auth/password', { currentPassword: 'not-it-at-all', newPassword: 'a-much-better-password' });
    assert.equal(wrong.statusCode, 401);
    const ok = await as(t, s1).send('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a-much-better-password' });
    assert.equal(ok.statusCode, 204);
    assert.equal((await as(t, s1).get('/api/me/tokens')).statusCode, 200);
    assert.equal((await as(t, s2).get('/api/me/tokens')).statusCode, 401);
    await login(t, 'canbo.khuvuc', 'a-much-better-password');
  });

  it('forces a password change after an admin reset', async () => {
    const admin = await login(t, 'admin');
    const target = (await t.database.db.select().from(users).where(eq(users.username, 'doanhnghiep')))[0];
    const reset = await as(t, admin).send('POST', `/api/admin/users/${target.id}/reset-password`, { newPassword: 'Temporary-123' });
    assert.equal(reset.statusCode, 204);
    const s = await login(t, 'doanhnghiep', 'Temporary-123');
    const blocked = await as(t, s).get('/api/me/tokens');
    assert.equal(blocked.statusCode, 403);
    assert.equal(blocked.json().code, 'PASSWORD_CHANGE_REQUIRED');
    assert.equal((await as(t, s).send('POST', '/api/auth/password', { currentPassword: 'Temporary-123', newPassword: 'Enterprise-2026!' })).statusCode, 204);
    assert.equal((await as(t, s).get('/api/me/tokens')).statusCode, 200);
  });

  it('signs out and the cookie stops working', async () => {
    const s = await login(t, 'canbo.tm');
    assert.equal((await as(t, s).send('POST', '/api/auth/logout')).statusCode, 204);
    assert.equal((await as(t, s).get('/api/me/tokens')).statusCode, 401);
  });
});

describe('login rate limit per address', () => {
  let t: TTestApp;
  before(async () => {
    t = await createTestApp({ LOGIN_IP_MAX_FAILURES: '4', LOGIN_MAX_ATTEMPTS: '100' });
  });
  after(async () => t.close());

  it('answers 429 after too many failures from one address', async () => {
    for (let i = 0; i < 4; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `ghost${i}`, password: 'whatever-pass' } });
      assert.equal(r.statusCode, 401);
    }
    const limited = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: TEST_PASSWORD } });
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.json().code, 'TOO_MANY_ATTEMPTS');
  });
});
