import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TRole } from '../modules/auth/auth.policy';
import { DEMO_USERS } from '../modules/demo/demo.seed';
import { createTestApp, login, type TTestApp } from '../../tests/helpers/test-app';

/** Who may pass: everyone, any signed-in user, or roles and/or demo usernames (officers differ by module). */
type TExpected = 'public' | 'signed-in' | (TRole | string)[];
const WRITERS = ['ADMIN', 'canbo.cn', 'canbo.tm', 'canbo.kh'];

/**
 * The expected access of every API route, written out by hand (not derived from the code under
 * test). A new route fails this test until its line is added here.
 */
const EXPECTED: Record<string, TExpected> = {
  'GET /api/health': 'public',
  'GET /api/auth/session': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'signed-in',
  'POST /api/auth/password': 'signed-in',
  'PUT /api/me/locale': 'signed-in',
  'GET /api/me/tokens': 'signed-in',
  'POST /api/me/tokens': 'signed-in',
  'DELETE /api/me/tokens/:id': 'signed-in',
  'GET /api/admin/users': ['ADMIN'],
  'POST /api/admin/users': ['ADMIN'],
  'PATCH /api/admin/users/:id': ['ADMIN'],
  'POST /api/admin/users/:id/reset-password': ['ADMIN'],
  'GET /api/admin/audit': ['ADMIN'],
  'GET /api/admin/outbox': ['ADMIN'],
  'GET /api/units': 'public',
  'GET /api/units/lineage': 'public',
  'POST /api/admin/units/import': ['ADMIN'],
  'GET /api/reference/vsic': 'public',
  'GET /api/reference/zones': 'public',
  'GET /api/enterprises': ['ADMIN', 'LEADER', 'OFFICER', 'AREA_OFFICER'],
  'GET /api/enterprises/structure': ['ADMIN', 'LEADER', 'OFFICER', 'AREA_OFFICER'],
  'GET /api/enterprises/export': ['ADMIN', 'LEADER', 'OFFICER', 'AREA_OFFICER'],
  'GET /api/enterprises/template': WRITERS,
  'POST /api/enterprises/import': WRITERS,
  'GET /api/enterprises/imports': WRITERS,
  'GET /api/enterprises/imports/:id/file': WRITERS,
  'GET /api/enterprises/:id': 'signed-in',
  'GET /api/enterprises/:id/history': ['ADMIN', 'LEADER', 'OFFICER', 'AREA_OFFICER'],
  'POST /api/enterprises': WRITERS,
  'PUT /api/enterprises/:id': WRITERS,
  'PUT /api/enterprises/:id/figures': WRITERS,
  'GET /api/enterprises/:id/proposals': 'signed-in',
  'POST /api/enterprises/:id/proposals': ['ENTERPRISE'],
  'GET /api/enterprise-proposals': ['ADMIN', 'LEADER', 'OFFICER', 'AREA_OFFICER'],
  'POST /api/enterprise-proposals/:id/decision': WRITERS,
  'GET /api/calendar/years/:year': 'public',
  'GET /api/calendar/add-workdays': 'public',
  'PUT /api/admin/calendar/years/:year': ['ADMIN'],
  'DELETE /api/admin/calendar/years/:year': ['ADMIN'],
  'GET /api/procedures': 'public',
  'GET /api/procedures/fields': 'public',
  'GET /api/procedures/decisions': 'public',
  'GET /api/service-index/on-time': ['ADMIN', 'LEADER', 'OFFICER'],
  'GET /api/service-index/index-766': ['ADMIN', 'LEADER', 'OFFICER'],
  'GET /api/service-index/tt01': ['ADMIN', 'LEADER', 'OFFICER'],
  'GET /api/service-index/tt01/dossiers': ['ADMIN', 'LEADER', 'OFFICER'],
  'GET /api/service-index/export.xlsx': ['ADMIN', 'LEADER', 'OFFICER'],
  'GET /api/procedures/:code': 'public',
  'GET /api/dossiers/lookup/:code': 'public',
  'GET /api/dossiers/mine': ['ENTERPRISE'],
  'POST /api/dossiers': ['ENTERPRISE'],
  'POST /api/dossiers/desk': ['ADMIN', 'LEADER', 'OFFICER'],
  'GET /api/dossiers/queue': ['ADMIN', 'LEADER', 'OFFICER'],
  'GET /api/dossiers/units': ['ADMIN', 'LEADER', 'OFFICER'],
  'GET /api/dossiers/register.docx': ['ADMIN', 'LEADER', 'OFFICER'],
  'GET /api/dossiers/:id': 'signed-in',
  'POST /api/dossiers/:id/transitions': 'signed-in',
  'POST /api/dossiers/:id/reschedule': ['ADMIN', 'LEADER', 'OFFICER'],
  'POST /api/dossiers/:id/assign': ['ADMIN', 'LEADER', 'OFFICER'],
  'POST /api/dossiers/:id/comments': 'signed-in',
  'POST /api/dossiers/:id/evaluation': ['ENTERPRISE'],
  'POST /api/dossiers/:id/attachments': 'signed-in',
  'GET /api/dossiers/:id/attachments/:attachmentId': 'signed-in',
  'GET /api/dossiers/:id/slips/:kind': 'signed-in',
  'GET /api/notifications': 'signed-in',
  'POST /api/notifications/:id/read': 'signed-in',
  'POST /api/admin/procedure-decisions': ['ADMIN', 'motcua'],
  'POST /api/admin/procedure-decisions/import': ['ADMIN', 'motcua'],
  'GET /api/compliance/income-rates': ['ADMIN', 'LEADER', 'OFFICER', 'AREA_OFFICER'],
  'POST /api/compliance/income-rates': ['ADMIN', 'motcua'],
  'PUT /api/compliance/income-rates/:id': ['ADMIN', 'motcua'],
  'DELETE /api/compliance/income-rates/:id': ['ADMIN', 'motcua'],
  'GET /api/compliance/reviews': ['ADMIN', 'LEADER', 'OFFICER', 'AREA_OFFICER'],
  'GET /api/compliance/reviews/:code': ['ADMIN', 'LEADER', 'OFFICER', 'AREA_OFFICER'],
  'PUT /api/compliance/reviews/:code/model': ['ADMIN', 'motcua'],
  'POST /api/compliance/reviews/:code/status': ['ADMIN', 'motcua'],
  'GET /api/compliance/dashboard': ['ADMIN', 'LEADER', 'OFFICER', 'AREA_OFFICER'],
  'GET /api/compliance/export': ['ADMIN', 'LEADER', 'OFFICER', 'AREA_OFFICER'],
  'GET /api/indicators/dashboard': 'public',
  'GET /api/indicators/trend': 'public',
  'GET /api/indicators/iip': 'public',
  'GET /api/indicators/values': 'public',
  'GET /api/indicators/breakdown': 'public',
  'GET /api/indicators/productivity': ['ADMIN', 'LEADER', 'OFFICER', 'AREA_OFFICER'],
  'GET /api/indicators/iip/enterprises': ['ADMIN', 'LEADER', 'OFFICER', 'AREA_OFFICER'],
  'GET /api/enterprises/:id/productivity': 'signed-in',
  'POST /api/admin/indicators/recompute': ['ADMIN', 'canbo.kh'],
  'GET /api/basket/products': ['ADMIN', 'canbo.kh'],
  'POST /api/basket/products': ['ADMIN', 'canbo.kh'],
  'PUT /api/basket/products/:code': ['ADMIN', 'canbo.kh'],
  'POST /api/basket/products/import': ['ADMIN', 'canbo.kh'],
  'GET /api/basket/products/export': ['ADMIN', 'canbo.kh'],
  'GET /api/basket/weights': ['ADMIN', 'canbo.kh'],
  'GET /api/basket/weights/:version': ['ADMIN', 'canbo.kh'],
  'GET /api/basket/weights/:version/export': ['ADMIN', 'canbo.kh'],
  'POST /api/basket/weights/import': ['ADMIN', 'canbo.kh'],
  'PATCH /api/basket/weights/:version': ['ADMIN', 'canbo.kh'],
  'GET /api/basket/deflators': ['ADMIN', 'canbo.kh'],
  'PUT /api/basket/deflators': ['ADMIN', 'canbo.kh'],
  'DELETE /api/basket/deflators/:indicator/:period': ['ADMIN', 'canbo.kh'],
  'POST /api/basket/deflators/import': ['ADMIN', 'canbo.kh'],
  'GET /api/basket/tet-windows': ['ADMIN', 'canbo.kh'],
  'PUT /api/basket/tet-windows/:year': ['ADMIN', 'canbo.kh'],
  'DELETE /api/basket/tet-windows/:year': ['ADMIN', 'canbo.kh'],
  'POST /api/basket/tet-windows/import': ['ADMIN', 'canbo.kh'],
  'GET /api/basket/forms': ['ADMIN', 'canbo.kh'],
  'PATCH /api/basket/forms/:code': ['ADMIN', 'canbo.kh'],
  'GET /api/basket/forms/:code/frame': ['ADMIN', 'canbo.kh'],
  'POST /api/basket/forms/:code/frame': ['ADMIN', 'canbo.kh'],
  'PATCH /api/basket/forms/:code/frame/:enterpriseId': ['ADMIN', 'canbo.kh'],
  'POST /api/basket/forms/:code/frame/import': ['ADMIN', 'canbo.kh'],
  'GET /api/basket/forms/:code/lock-exceptions': ['ADMIN', 'canbo.kh'],
  'GET /api/report-forms': 'signed-in',
  'POST /api/reports/import': ['ADMIN', 'canbo.kh'],
  'GET /api/reports': 'signed-in',
  'GET /api/reports/completeness': ['ADMIN', 'LEADER', 'OFFICER', 'AREA_OFFICER'],
  'GET /api/reports/completeness.xlsx': ['ADMIN', 'LEADER', 'OFFICER', 'AREA_OFFICER'],
  'GET /api/reports/assignments': 'signed-in',
  'POST /api/reports/lock-exceptions': WRITERS,
  'POST /api/reports/reminders': WRITERS,
  // Enterprise support (agencies, PCI, dialogue conferences): staff read, industry/trade officers and admins manage.
  'GET /api/support/agencies': ['ADMIN', 'LEADER', 'OFFICER', 'AREA_OFFICER'],
  'POST /api/support/agencies': ['ADMIN', 'canbo.cn', 'canbo.tm'],
  'PUT /api/support/agencies/:id': ['ADMIN', 'canbo.cn', 'canbo.tm'],
  'GET /api/support/categories': ['ADMIN', 'LEADER', 'OFFICER', 'AREA_OFFICER'],
  'PUT /api/support/categories/:code': ['ADMIN', 'canbo.cn', 'canbo.tm'],
  'GET /api/pci': 'public',
  'PUT /api/pci/years/:year': ['ADMIN', 'canbo.cn', 'canbo.tm'],
  'POST /api/pci/import': ['ADMIN', 'canbo.cn', 'canbo.tm'],
  'GET /api/pci/plans': ['ADMIN', 'LEADER', 'OFFICER', 'AREA_OFFICER'],
  'POST /api/pci/plans': ['ADMIN', 'canbo.cn', 'canbo.tm'],
  'PUT /api/pci/plans/:id': ['ADMIN', 'canbo.cn', 'canbo.tm'],
  'POST /api/pci/plans/:id/actions': ['ADMIN', 'canbo.cn', 'canbo.tm'],
  'PUT /api/pci/actions/:id': ['ADMIN', 'canbo.cn', 'canbo.tm'],
  'GET /api/support/conferences': ['ADMIN', 'LEADER', 'OFFICER', 'AREA_OFFICER'],
  'POST /api/support/conferences': ['ADMIN', 'canbo.cn', 'canbo.tm'],
  'GET /api/support/conferences/:id': ['ADMIN', 'LEADER', 'OFFICER', 'AREA_OFFICER'],
  'PUT /api/support/conferences/:id': ['ADMIN', 'canbo.cn', 'canbo.tm'],
  'POST /api/support/conferences/:id/commitments': ['ADMIN', 'canbo.cn', 'canbo.tm'],
  'PUT /api/support/commitments/:id': ['ADMIN', 'canbo.cn', 'canbo.tm'],
  'GET /api/support/conferences/:id/minutes': ['ADMIN', 'LEADER', 'OFFICER', 'AREA_OFFICER'],
  'POST /api/support/reminders': ['ADMIN', 'canbo.cn', 'canbo.tm'],
  'GET /api/petitions/qa': 'public',
  'GET /api/petitions': 'signed-in',
  'POST /api/petitions': 'signed-in',
  'GET /api/petitions/:id': 'signed-in',
  'POST /api/petitions/:id/transitions': 'signed-in',
  'POST /api/petitions/:id/publication': ['ADMIN', 'canbo.cn', 'canbo.tm'],
  'POST /api/petitions/:id/attachments': 'signed-in',
  'GET /api/petitions/:id/attachments/:attachmentId': 'signed-in',
  'GET /api/petitions/stats': ['ADMIN', 'LEADER', 'OFFICER', 'AREA_OFFICER'],
  'GET /api/petitions/stats.csv': ['ADMIN', 'LEADER', 'OFFICER', 'AREA_OFFICER'],
  'GET /api/petitions/stats.xlsx': ['ADMIN', 'LEADER', 'OFFICER', 'AREA_OFFICER'],
  'GET /api/petitions/export.xlsx': ['ADMIN', 'LEADER', 'OFFICER', 'AREA_OFFICER'],
  'POST /api/petitions/:id/contributions': ['ADMIN', 'LEADER', 'OFFICER', 'AREA_OFFICER'],
  'POST /api/petitions/reminders': ['ADMIN', 'canbo.cn', 'canbo.tm'],
  'GET /api/briefings/draft': ['ADMIN', 'LEADER', 'OFFICER', 'AREA_OFFICER'],
  'POST /api/briefings/docx': ['ADMIN', 'LEADER', 'OFFICER', 'AREA_OFFICER'],
  'GET /api/briefings/annex': ['ADMIN', 'LEADER', 'OFFICER', 'AREA_OFFICER'],
  'GET /api/reports/:formCode/:enterpriseId/:period': 'signed-in',
  'PUT /api/reports/:formCode/:enterpriseId/:period': 'signed-in',
  'POST /api/reports/:formCode/:enterpriseId/:period/submit': 'signed-in',
  'POST /api/reports/:formCode/:enterpriseId/:period/accept': WRITERS,
  'POST /api/reports/:formCode/:enterpriseId/:period/return': WRITERS,
  'GET /api/reports/:formCode/:enterpriseId/:period/history': 'signed-in',
  'GET /api/reports/:formCode/:enterpriseId/:period/template.xlsx': 'signed-in',
  'POST /api/reports/:formCode/:enterpriseId/:period/template': 'signed-in',
};

const isAllowed = (expected: TExpected, user: { role: TRole; username: string } | null): boolean =>
  expected === 'public' || (user !== null && (expected === 'signed-in' || expected.includes(user.role) || expected.includes(user.username)));

describe('route table × roles and modules (deny by default)', () => {
  let t: TTestApp;
  before(async () => {
    t = await createTestApp({ LOGIN_IP_MAX_FAILURES: '10000' });
  });
  after(async () => t.close());

  it('every API route declares its access and appears in the expected table', () => {
    const declared = t.routeTable.map((r) => `${r.method} ${r.url}`);
    const missing = declared.filter((k) => !(k in EXPECTED));
    assert.deepEqual(missing, [], `routes without an expected-access line: ${missing.join(', ')}`);
    const stale = Object.keys(EXPECTED).filter((k) => !declared.includes(k));
    assert.deepEqual(stale, [], `expected-access lines for routes that do not exist: ${stale.join(', ')}`);
  });

  it('a route registered without access is refused at start-up', async () => {
    const { default: Fastify } = await import('fastify');
    const { registerAuthHooks } = await import('./auth-hooks');
    const app = Fastify();
    await app.register(import('@fastify/cookie'));
    registerAuthHooks(app, { authService: t.services.authService, routeTable: [] });
    assert.throws(() => app.get('/api/oops', async () => 'x'), /declares no access/);
  });

  for (const user of [null, ...DEMO_USERS]) {
    const who = user ? `${user.username} (${user.role})` : 'anonymous';
    it(`${who}: allowed routes pass the gate, others get 401/403`, async () => {
      for (const route of t.routeTable) {
        const key = `${route.method} ${route.url}`;
        const expected = EXPECTED[key];
        if (!expected) continue;
        const session = user ? await login(t, user.username) : null;
        const res = await t.app.inject({
          method: route.method as 'GET',
          url: route.url.replace(/:(\w+)/g, '999999'),
          headers: session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {},
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
        });
        if (isAllowed(expected, user)) {
          // Passing the gate: no 401, and no 403 from the gate (a 403 from a scope policy, without details.permission, is fine).
          const isGateRefusal = res.statusCode === 401 || (res.statusCode === 403 && (res.json() as { details?: { permission?: string } }).details?.permission !== undefined);
          assert.ok(!isGateRefusal || key === 'POST /api/auth/login', `${who} should pass ${key}, got ${res.statusCode} ${res.body}`);
        } else {
          assert.equal(res.statusCode, user ? 403 : 401, `${who} must be refused ${key}, got ${res.statusCode}`);
          assert.equal(res.json().code, user ? 'FORBIDDEN' : 'UNAUTHENTICATED');
        }
      }
    });
  }
});
