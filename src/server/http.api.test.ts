import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { auditLog } from '../db/schema/platform';
import { as, createTestApp, login, type TTestApp } from '../../tests/helpers/test-app';

describe('HTTP layer: errors, limits, OpenAPI, headers', () => {
  let t: TTestApp;
  before(async () => {
    t = await createTestApp({ BODY_LIMIT_BYTES: '4096' });
  });
  after(async () => t.close());

  it('answers malformed JSON with 400 INVALID_JSON and the uniform body', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username": "admin",' });
    assert.equal(res.statusCode, 400);
    const body = res.json();
    assert.deepEqual(Object.keys(body).sort(), ['code', 'details', 'message', 'requestId']);
    assert.equal(body.code, 'INVALID_JSON');
    assert.equal(res.headers['x-request-id'], body.requestId);
  });

  it('refuses an oversized body with 413 and stores nothing', async () => {
    const admin = await login(t, 'admin');
    const before = (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0].n;
    const res = await as(t, admin).send('POST', '/api/admin/users', { username: 'big.user', displayName: 'x'.repeat(10_000), role: 'LEADER', password: 'Initial-pass-1' });
    assert.equal(res.statusCode, 413);
    assert.equal(res.json().code, 'BODY_TOO_LARGE');
    assert.equal((await t.database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0].n, before);
  });

  it('answers unknown API routes with JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().code, 'NOT_FOUND');
  });

  it('never sends stack traces', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '[' });
    assert.equal(res.body.includes(' at '), false);
    assert.equal(res.body.includes('node_modules'), false);
  });

  it('publishes OpenAPI 3.1 generated from the route schemas at /docs', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
    assert.equal(spec.openapi, '3.1.0');
    for (const r of t.routeTable) {
      const p = r.url.replace(/:(\w+)/g, '{$1}');
      assert.ok(spec.paths[p]?.[r.method.toLowerCase()], `OpenAPI lacks ${r.method} ${p}`);
    }
    const login = spec.paths['/api/auth/login'].post;
    assert.ok(login.requestBody.content['application/json'].schema.properties.username);
    assert.ok(login.responses['200']);
    const page = await t.app.inject({ method: 'GET', url: '/docs/' });
    assert.equal(page.statusCode, 200);
  });

  it('sets security headers and no-store on API answers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['x-frame-options'], 'DENY');
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.equal(res.json().migrations.current, true);
  });
});
