import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { LightMyRequestResponse } from 'fastify';
import { loadConfig, type TConfig } from '../../src/config/config';
import { openDatabase, type TDatabase } from '../../src/db/client';
import { runMigrations } from '../../src/db/migrate';
import { seedDemo } from '../../src/modules/demo/demo.seed';
import type { TMailTransport } from '../../src/modules/mail/mail-transport';
import { buildApp, type TBuiltApp } from '../../src/server/app';

export const TEST_PASSWORD = 'Test@123456';

/** Which database the API suites run on: PGlite by default, PostgreSQL when TEST_DB=postgres. */
export const TEST_DB_KIND: 'pglite' | 'postgres' = process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';

/** A fresh, migrated database: in-memory PGlite, or a new database on the TEST_DATABASE_URL server. */
export const createTestDatabase = async (): Promise<{ database: TDatabase; drop: () => Promise<void> }> => {
  if (TEST_DB_KIND === 'pglite') {
    const database = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
    await runMigrations(database);
    return { database, drop: () => database.close() };
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL');
  const name = `ct_test_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString() });
  await runMigrations(database);
  return {
    database,
    drop: async () => {
      await database.close();
      const cleaner = new pg.Client({ connectionString: serverUrl });
      await cleaner.connect();
      await cleaner.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleaner.end();
    },
  };
};

/** A mail transport that keeps what it was asked to send. */
export const createFakeMail = (): TMailTransport & { sent: { to: string; subject: string }[] } => {
  const sent: { to: string; subject: string }[] = [];
  return { sent, send: async (m) => void sent.push({ to: m.to, subject: m.subject }) };
};

export type TTestApp = TBuiltApp & { database: TDatabase; config: TConfig; close: () => Promise<void> };

/** Builds the real app (all routes, hooks, error handler) on a fresh database with the demo users. */
export const createTestApp = async (env: Record<string, string> = {}, { statistics = false }: { statistics?: boolean } = {}): Promise<TTestApp> => {
  const { database, drop } = await createTestDatabase();
  // API tests read English messages unless a request sends Accept-Language (the product's default is Vietnamese).
  const config = loadConfig({ DATA_DIR: `/tmp/ct-test-${process.pid}`, SESSION_SECRET: 'x'.repeat(40), LOG_LEVEL: 'silent', DEFAULT_LANGUAGE: 'en', ...env });
  await seedDemo({ db: database.db, password: TEST_PASSWORD, print: () => undefined, enterpriseCount: statistics ? 1200 : 40, statistics });
  const built = await buildApp({ config, database, logger: false, mailTransport: null });
  await built.app.ready();
  return {
    ...built,
    database,
    config,
    close: async () => {
      await built.app.close();
      await drop();
    },
  };
};

export type TSession = { cookie: string; csrf: string };

/** Signs in through the real login route and returns the cookie and CSRF token. */
export const login = async (t: TTestApp, username: string, password = TEST_PASSWORD): Promise<TSession> => {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.cookies.find((c) => c.name === 'ct_session');
  if (!setCookie) throw new Error('no session cookie');
  return { cookie: `ct_session=${setCookie.value}`, csrf: (res.json() as { csrfToken: string }).csrfToken };
};

/** Sends a request as a signed-in user (cookie + CSRF header). */
export const as = (t: TTestApp, session: TSession) => ({
  get: (url: string): Promise<LightMyRequestResponse> => t.app.inject({ method: 'GET', url, headers: { cookie: session.cookie } }),
  send: (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown): Promise<LightMyRequestResponse> =>
    t.app.inject({
      method,
      url,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    }),
});
