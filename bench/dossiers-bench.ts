/**
 * One-stop dossier benchmark (issue 5), on the embedded database:
 *   node --import tsx bench/dossiers-bench.ts [dossiers=50000]
 * Seeds a deterministic history of dossiers (same generator as the demo), then prints:
 * the work-queue API p50/p95 (real HTTP on 127.0.0.1, sequential requests over several
 * officers, units and urgency filters; target p95 < 100 ms), 50 concurrent desk receipts for one
 * agency and day (check: 50 distinct consecutive codes), and working-day additions per second.
 * BENCH_DIR=<folder> keeps the database there and reuses it when already seeded.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config/config';
import { openDatabase, queryRows } from '../src/db/client';
import { runMigrations } from '../src/db/migrate';
import { createHolidayCalendar, parseHolidayCsv } from '../src/domain/calendar/holidays';
import { addWorkingDays, createWorkCalendar } from '../src/domain/calendar/workdays';
import { createCalendarService } from '../src/modules/calendar/calendar.service';
import { seedDemo } from '../src/modules/demo/demo.seed';
import { seedDemoDossiers } from '../src/modules/dossiers/dossier-demo';
import { findUserByUsername } from '../src/modules/users/users.repo';
import { buildApp } from '../src/server/app';

const COUNT = Number(process.argv[2] ?? 50_000);
const PASSWORD = 'Bench-password-1';
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const keepDir = process.env.BENCH_DIR;
const reuse = keepDir !== undefined && fs.existsSync(path.join(keepDir, 'pglite'));
const dir = keepDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ct-bench-dossiers-'));
if (keepDir) fs.mkdirSync(keepDir, { recursive: true });

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
  const [facts] = await queryRows<{ n: number; open: number; events: number }>(db, sql`select (select count(*)::int from dossiers) n, (select count(*)::int from cases where closed_at is null) open, (select count(*)::int from case_events) events`);
  console.log(`database: ${facts.n.toLocaleString('en')} dossiers (${facts.open.toLocaleString('en')} open), ${facts.events.toLocaleString('en')} journal rows`);

  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1', LOGIN_IP_MAX_FAILURES: '10000' });
  const { app } = await buildApp({ config, database, logger: false, mailTransport: null });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const login = async (username: string) => {
    const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
    return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0], csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  };

  // 1. Work-queue API.
  const sessions = { motcua: await login('motcua'), 'canbo.cn': await login('canbo.cn'), 'canbo.tm': await login('canbo.tm'), lanhdao: await login('lanhdao') };
  const queries: [keyof typeof sessions, string][] = [
    ['motcua', 'scope=unit'],
    ['canbo.cn', 'scope=unit'],
    ['canbo.cn', 'scope=unit&urgency=OVERDUE'],
    ['canbo.cn', 'scope=unit&urgency=DUE_SOON'],
    ['canbo.cn', 'scope=mine'],
    ['canbo.tm', 'scope=unit&page=3'],
    ['lanhdao', 'scope=unit&urgency=OVERDUE'],
    ['lanhdao', 'scope=unit&unit=TRADE&state=PROCESSING'],
  ];
  for (const [who, q] of queries) await fetch(`${base}/api/dossiers/queue?${q}`, { headers: { cookie: sessions[who].cookie } }); // warm-up
  const ms: number[] = [];
  let sample = '';
  for (let i = 0; i < 200; i++) {
    const [who, q] = queries[i % queries.length];
    const s = performance.now();
    const res = await fetch(`${base}/api/dossiers/queue?${q}`, { headers: { cookie: sessions[who].cookie } });
    const body = (await res.json()) as { total: number; counts: { overdue: number; dueSoon: number } };
    ms.push(performance.now() - s);
    if (res.status !== 200) throw new Error(`queue ${q}: ${res.status}`);
    if (i === 1) sample = `${who} ${q}: ${body.total} open, ${body.counts.overdue} overdue, ${body.counts.dueSoon} due soon`;
  }
  if (process.env.BENCH_VERBOSE) {
    queries.forEach(([who, q], k) => {
      const mine = ms.filter((_, i) => i % queries.length === k);
      console.log(`  ${who} ${q}: p50 ${percentile(mine, 50).toFixed(1)} ms, max ${Math.max(...mine).toFixed(1)} ms`);
    });
  }
  console.log(`work-queue API (${ms.length} requests, ${queries.length} query shapes): p50 ${percentile(ms, 50).toFixed(1)} ms, p95 ${percentile(ms, 95).toFixed(1)} ms (target < 100 ms) — e.g. ${sample}`);

  // 2. 50 concurrent receipts for one agency and day.
  const body = JSON.stringify({ procedureCode: '2.000620.H26', channel: 'DIRECT', requestSummary: 'Cấp Giấy phép bán lẻ sản phẩm rượu', applicantName: 'Hộ kinh doanh Nguyễn Văn An', applicantAddress: 'Số 5 phố Huế, Hà Nội' });
  const desk = sessions.motcua;
  const t0 = performance.now();
  const results = await Promise.all(
    Array.from({ length: 50 }, async () => {
      const res = await fetch(`${base}/api/dossiers/desk`, { method: 'POST', headers: { cookie: desk.cookie, 'x-csrf-token': desk.csrf, 'content-type': 'application/json' }, body });
      return { status: res.status, code: ((await res.json()) as { code: string }).code };
    }),
  );
  const elapsed = performance.now() - t0;
  const codes = results.filter((r) => r.status === 201).map((r) => r.code);
  const seqs = codes.map((c) => Number(c.slice(-4))).sort((a, b) => a - b);
  const isConsecutive = seqs.every((s, i) => i === 0 || s === seqs[i - 1] + 1);
  const check = codes.length === 50 && new Set(codes).size === 50 && isConsecutive;
  console.log(`50 concurrent receipts in ${elapsed.toFixed(0)} ms: ${codes.length} created, ${new Set(codes).size} distinct, sequence ${seqs[0]}..${seqs.at(-1)} consecutive=${isConsecutive} → ${check ? 'OK' : 'FAILED'}`);

  // 3. Working-day arithmetic throughput.
  const cal = createWorkCalendar(createHolidayCalendar({ officialEntries: parseHolidayCsv(fs.readFileSync(path.join('reference', 'holidays-2019-2030.csv'), 'utf8')) }));
  const starts = Array.from({ length: 1000 }, (_, i) => new Date(Date.UTC(2019, 0, 1) + i * 3 * 86_400_000).toISOString().slice(0, 10));
  addWorkingDays(cal, starts[0], 5);
  let n = 0;
  const t1 = performance.now();
  while (performance.now() - t1 < 1000) {
    for (let i = 0; i < 1000; i++) addWorkingDays(cal, starts[i], (i % 60) + 1);
    n += 1000;
  }
  console.log(`working-day additions: ${Math.round(n / ((performance.now() - t1) / 1000)).toLocaleString('en')} per second (1–60 working days from dates in 2019–2027)`);

  await app.close();
  await database.close();
  if (!keepDir) fs.rmSync(dir, { recursive: true, force: true });
  if (!check) process.exitCode = 1;
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
