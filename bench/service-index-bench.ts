/**
 * Service-index statistics benchmark (issue 5, item 5), on the embedded database:
 *   node --import tsx bench/service-index-bench.ts [dossiers=50000]
 * Seeds a deterministic history of dossiers over 36 months with the demo generator (the same as
 * bench/dossiers-bench.ts), then times the statistics API over real HTTP on 127.0.0.1 with
 * sequential requests: on-time tables (by procedure, unit, channel, month), the 766 indicators,
 * the TT01 scores per agency and officer and a page of per-dossier scores, for a month, a quarter
 * and a year. Prints p50/p95 per endpoint and over all (target p95 < 100 ms), and the XLSX export
 * time of a year. BENCH_DIR=<folder> keeps the database there and reuses it when already seeded.
 * Computed answers (cache misses) are measured over BENCH_COMPUTED_ROUNDS rounds (default 5):
 * before each round after the first, a leader approves one dossier in progress through the API
 * (a real change: new journal row and stat facts, so every cached answer is stale). Then
 * BENCH_ROUNDS (default 5) rounds without changes are served from the answer cache.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config/config';
import { openDatabase, queryRows } from '../src/db/client';
import { runMigrations } from '../src/db/migrate';
import { createCalendarService } from '../src/modules/calendar/calendar.service';
import { seedDemo } from '../src/modules/demo/demo.seed';
import { seedDemoDossiers } from '../src/modules/dossiers/dossier-demo';
import { refreshStatFacts, statFactsMissing } from '../src/modules/service-index/service-index.repo';
import { findUserByUsername } from '../src/modules/users/users.repo';
import { buildApp } from '../src/server/app';

const COUNT = Number(process.argv[2] ?? 50_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const COMPUTED_ROUNDS = Number(process.env.BENCH_COMPUTED_ROUNDS ?? 5);
const PASSWORD = 'Bench-password-1';
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const keepDir = process.env.BENCH_DIR;
const reuse = keepDir !== undefined && fs.existsSync(path.join(keepDir, 'pglite'));
const dir = keepDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ct-bench-service-index-'));
if (keepDir) fs.mkdirSync(keepDir, { recursive: true });

const vnDate = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);

const main = async () => {
  // The embedded database as the server opens it (shared_buffers of the configuration).
  const database = await openDatabase(loadConfig({ DATA_DIR: dir }).database);
  await runMigrations(database);
  const db = database.db;
  if (!reuse) {
    let t = performance.now();
    await seedDemo({ db, password: PASSWORD, print: () => undefined, enterpriseCount: 3000, statistics: false, dossiers: false });
    console.log(`demo province, users, 3,000 enterprises and the procedure catalogue seeded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    const owner = await findUserByUsername(db, 'doanhnghiep');
    const n = await seedDemoDossiers(db, { cal: await createCalendarService({ db }).getWorkCalendar(), count: COUNT, agencyCode: '000.00.17.H26', ownerUserId: owner?.id ?? null, months: 36 });
    console.log(`${n.toLocaleString('en')} dossiers of history seeded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  // A database seeded before the stat facts existed: build them now (the service would on its first read).
  if (await statFactsMissing(db)) {
    const t = performance.now();
    await db.transaction((tx) => refreshStatFacts(tx, 'all'));
    console.log(`stat facts of the finished dossiers built in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  // PGlite runs no autovacuum: give the planner statistics after the bulk load (as the imports do).
  await db.execute(sql`vacuum analyze dossier_stat_facts, dossier_stat_days, dossier_stat_months`);
  await db.execute(sql`analyze dossiers, cases, case_steps, case_pauses, dossier_evaluations, case_attachments`);
  const [facts] = await queryRows<{ n: number; open: number; first: string; last: string }>(
    db,
    sql`select count(*)::int n, count(*) filter (where finished_at is null)::int open, min(received_at)::text first, max(received_at)::text last from dossiers`,
  );
  console.log(`database: ${facts.n.toLocaleString('en')} dossiers (${facts.open.toLocaleString('en')} open), received ${facts.first.slice(0, 10)} … ${facts.last.slice(0, 10)}`);

  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1', LOGIN_IP_MAX_FAILURES: '10000' });
  const { app } = await buildApp({ config, database, logger: false, mailTransport: null });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'lanhdao', password: PASSWORD }) });
  if (res.status !== 200) throw new Error(`login: ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  /** A real change between computed rounds: the leader approves the oldest dossier in processing. */
  const approveOne = async () => {
    const [row] = await queryRows<{ id: number }>(db, sql`select id::int as id from cases where case_type = 'DOSSIER' and state = 'PROCESSING' order by id limit 1`);
    if (!row) throw new Error('no dossier in processing left to approve');
    const r = await fetch(`${base}/api/dossiers/${row.id}/transitions`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' }, body: JSON.stringify({ transition: 'approve' }) });
    if (r.status !== 200) throw new Error(`approve ${row.id}: ${r.status} ${(await r.text()).slice(0, 300)}`);
  };

  const now = Date.now();
  const today = vnDate(now);
  const month = `${today.slice(0, 7)}-01`;
  const lastMonthEnd = vnDate(new Date(`${month}T00:00:00+07:00`).getTime() - 86_400_000);
  const lastMonth = `${lastMonthEnd.slice(0, 7)}-01`;
  const quarterStart = `${today.slice(0, 4)}-${String(Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
  const lastYear = String(Number(today.slice(0, 4)) - 1);
  const periods: [string, string][] = [
    ['this month', `from=${month}&to=${today}`],
    ['last month', `from=${lastMonth}&to=${lastMonthEnd}`],
    ['this quarter', `from=${quarterStart}&to=${today}`],
    ['last year', `from=${lastYear}-01-01&to=${lastYear}-12-31`],
  ];
  const endpoints: [string, string][] = [
    ['on-time by procedure', '/api/service-index/on-time?by=procedure'],
    ['on-time by unit', '/api/service-index/on-time?by=unit'],
    ['on-time by channel', '/api/service-index/on-time?by=channel'],
    ['on-time by month', '/api/service-index/on-time?by=month'],
    ['766 indicators', '/api/service-index/index-766?'],
    ['TT01 per agency', '/api/service-index/tt01?by=agency'],
    ['TT01 per officer', '/api/service-index/tt01?by=officer'],
    ['TT01 per dossier (page)', '/api/service-index/tt01/dossiers?pageSize=20'],
  ];
  const get = async (url: string) => {
    const s = performance.now();
    const r = await fetch(`${base}${url}`, { headers: { cookie } });
    const body = await r.text();
    const ms = performance.now() - s;
    if (r.status !== 200) throw new Error(`${url}: ${r.status} ${body.slice(0, 300)}`);
    return { ms, body };
  };
  const urlOf = (endpoint: string, period: string) => `${endpoint}${endpoint.endsWith('?') ? '' : '&'}${period}`;
  // The first request of the process pays the cold start (calendar, catalogue, the database's
  // first page reads): printed apart, on a query the rounds do not repeat.
  const first = await get(`/api/service-index/on-time?by=all&from=${lastMonth}&to=${today}`);
  console.log(`first request after start (on-time, by=all, last month to today): ${first.ms.toFixed(0)} ms`);
  // Computed rounds: every answer is a cache miss (a dossier was approved just before). Then
  // cached rounds: the same requests with unchanged data.
  const cold: number[] = [];
  const warm: number[] = [];
  const byEndpoint = new Map<string, number[]>();
  const byPeriod = new Map<string, number[]>();
  for (let round = 0; round < COMPUTED_ROUNDS + ROUNDS; round++) {
    const computed = round < COMPUTED_ROUNDS;
    if (computed && round > 0) await approveOne();
    for (const [name, e] of endpoints) {
      for (const [label, p] of periods) {
        const { ms } = await get(urlOf(e, p));
        (computed ? cold : warm).push(ms);
        if (computed) {
          byEndpoint.set(name, [...(byEndpoint.get(name) ?? []), ms]);
          byPeriod.set(label, [...(byPeriod.get(label) ?? []), ms]);
        }
      }
    }
  }
  const line = (name: string, xs: number[]) => `  ${name.padEnd(30)} p50 ${percentile(xs, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(xs, 95).toFixed(1).padStart(7)} ms   (${xs.length})`;
  console.log(`load average: ${fs.readFileSync('/proc/loadavg', 'utf8').trim()}`);
  console.log(
    `statistics API, sequential requests (${endpoints.length} endpoints × ${periods.length} periods; ${COMPUTED_ROUNDS} computed rounds, one dossier approved before each but the first; ${ROUNDS} rounds from the answer cache):`,
  );
  for (const [name, xs] of byEndpoint) console.log(line(`computed: ${name}`, xs));
  for (const [name, xs] of byPeriod) console.log(line(`computed: period ${name}`, xs));
  console.log(line('COMPUTED (cache miss)', cold));
  console.log(line('CACHED (unchanged data)', warm));
  const all = [...cold, ...warm];
  console.log(line('ALL', all));
  const year = JSON.parse((await get(`/api/service-index/on-time?by=all&from=${lastYear}-01-01&to=${lastYear}-12-31`)).body) as { total: { received: number; onTimeRate: number; nationalOnTimeRate: number } };
  console.log(`sample: ${lastYear}: ${year.total.received.toLocaleString('en')} dossiers received, on time ${(year.total.onTimeRate * 100).toFixed(1)} % (legal), ${(year.total.nationalOnTimeRate * 100).toFixed(1)} % (national portal)`);
  const xlsx = await get(`/api/service-index/export.xlsx?from=${lastYear}-01-01&to=${lastYear}-12-31`);
  console.log(`XLSX export of ${lastYear}: ${xlsx.ms.toFixed(0)} ms`);
  console.log(`target: statistics API p95 < 100 ms → all requests ${percentile(all, 95) < 100 ? 'met' : 'NOT met'}; computed answers ${percentile(cold, 95) < 100 ? 'met' : 'NOT met'}`);
  await app.close();
  await database.close();
  if (!keepDir) fs.rmSync(dir, { recursive: true, force: true });
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
