import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { apiTokens } from '../../db/schema/platform';
import { as, createTestApp, login, type TTestApp } from '../../../tests/helpers/test-app';

describe('personal access tokens', () => {
  let t: TTestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('creates a scoped token stored hashed, usable as a bearer token, and revocable', async () => {
    const admin = await login(t, 'admin');
    const created = await as(t, admin).send('POST', '/api/me/tokens', { name: 'Tích hợp GSO', scopes: ['admin.audit'] });
    assert.equal(created.statusCode, 201, created.body);
    const { token, item } = created.json();
    assert.match(token, /^ct_/);
    const stored = (await t.database.db.select().from(apiTokens).where(eq(apiTokens.id, item.id)))[0];
    assert.notEqual(stored.tokenHash, token);
    assert.equal(stored.tokenHash.includes(token), false);
    const bearer = { authorization: `Bearer ${token}` };
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/admin/audit', headers: bearer })).statusCode, 200);
    const outOfScope = await t.app.inject({ method: 'GET', url: '/api/admin/users', headers: bearer });
    assert.equal(outOfScope.statusCode, 403);
    const revoke = await as(t, admin).send('DELETE', `/api/me/tokens/${item.id}`);
    assert.equal(revoke.statusCode, 204);
    const after = await t.app.inject({ method: 'GET', url: '/api/admin/audit', headers: bearer });
    assert.equal(after.statusCode, 401);
    assert.equal(after.json().code, 'INVALID_TOKEN');
  });

  it('refuses scopes the user does not hold and garbage bearer tokens', async () => {
    const leader = await login(t, 'lanhdao');
    const res = await as(t, leader).send('POST', '/api/me/tokens', { name: 'x', scopes: ['admin.users'] });
    assert.equal(res.statusCode, 400);
    const garbage = await t.app.inject({ method: 'GET', url: '/api/me/tokens', headers: { authorization: 'Bearer ct_nonsense' } });
    assert.equal(garbage.statusCode, 401);
    const list = await as(t, leader).get('/api/me/tokens');
    assert.deepEqual(list.json().items, []);
  });

  it('does not let a token manage tokens', async () => {
    const admin = await login(t, 'admin');
    const { token } = (await as(t, admin).send('POST', '/api/me/tokens', { name: 'self', scopes: ['me.tokens'] })).json();
    const res = await t.app.inject({ method: 'POST', url: '/api/me/tokens', headers: { authorization: `Bearer ${token}` }, payload: { name: 'child', scopes: ['me.tokens'] } });
    assert.equal(res.statusCode, 403);
  });
});
