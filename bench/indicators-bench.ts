/**
 * Indicator engine benchmark (issue 4), on the embedded database, at the benchmark size:
 * 5,000 reporting industrial enterprises, ~150 basket products, 100 months of history,
 * 3,000 retail establishments.
 *   node --import tsx bench/indicators-bench.ts
 * Prints: full recomputation of every comparison for one month and for all 100 months, the
 * time from accepting a report to the dashboard API showing the new figure, and the dashboard
 * API p50/p95 under 20 concurrent clients (real HTTP on 127.0.0.1).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config/config';
import { openDatabase, queryRows } from '../src/db/client';
import { runMigrations } from '../src/db/migrate';
import { seedDemo } from '../src/modules/demo/demo.seed';
import { lastReportedMonth, seedDemoStatistics } from '../src/modules/demo/demo-statistics-seed';
import { monthsBetween } from '../src/modules/demo/demo-statistics';
import { createStatisticsService } from '../src/modules/statistics/statistics.service';
import { buildApp } from '../src/server/app';

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
// BENCH_DIR=<folder>: keep the database there and, when it is already seeded, skip the seeding
// (to iterate on the engine); BENCH_ONLY=recompute stops after the recomputation figures.
const keepDir = process.env.BENCH_DIR;
const reuse = keepDir !== undefined && fs.existsSync(path.join(keepDir, 'pglite'));
const dir = keepDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ct-bench-ind-'));
if (keepDir) fs.mkdirSync(keepDir, { recursive: true });

const main = async () => {
  // The embedded database as the server opens it (shared_buffers of the configuration).
  const database = await openDatabase(loadConfig({ DATA_DIR: dir }).database);
  await runMigrations(database);
  const to = lastReportedMonth();
  const from = monthsBetween('2000-01', to).slice(-100)[0];
  if (!reuse) await seed(database, from, to);

  const statistics = createStatisticsService({ db: database.db });
  await measure(database, statistics, from, to);
  await database.close();
  if (!keepDir) fs.rmSync(dir, { recursive: true, force: true });
};

const seed = async (database: Awaited<ReturnType<typeof openDatabase>>, from: string, to: string) => {
  let t = performance.now();
  await seedDemo({ db: database.db, password: 'Bench-password-1', print: () => undefined, enterpriseCount: 9000, statistics: false });
  console.log(`registry of 9,000 enterprises seeded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  t = performance.now();
  await seedDemoStatistics(database.db, { from, to, scale: { iipCount: 5000, retailCount: 3000, exportCount: 300, productVariants: 8, isAnyActivity: true } });
  const counts = (await queryRows<{ r: number; c: number; p: number }>(database.db, sql`select (select count(*)::int from reports) r, (select count(*)::int from report_cells) c, (select count(*)::int from stats_products) p`))[0];
  console.log(`statistics seeded (${counts.r} reports, ${counts.c} cells, ${counts.p} products, ${from}..${to}) and computed in ${((performance.now() - t) / 1000).toFixed(1)} s`);
};

const measure = async (database: Awaited<ReturnType<typeof openDatabase>>, statistics: ReturnType<typeof createStatisticsService>, from: string, to: string) => {
  const time = async (label: string, fn: () => Promise<unknown>, runs = 3) => {
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      await fn();
      ms.push(performance.now() - s);
    }
    console.log(`${label}: median ${percentile(ms, 50).toFixed(0)} ms (runs: ${ms.map((m) => m.toFixed(0)).join(', ')})`);
  };
  await time('full recomputation, one month, whole history imputed again (no checkpoint)', () => statistics.recompute({ from: to, reason: 'bench', wholeHistory: true }));
  await time('full recomputation, one month, resumed from the checkpoint two months back (the path after an acceptance)', () => statistics.recompute({ from: to, reason: 'bench' }), 5);
  await time(`full recomputation, all ${monthsBetween(from, to).length} months, whole history (no checkpoint)`, () => statistics.recompute({ from, reason: 'bench', wholeHistory: true }), 2);
  await time(`full recomputation, all ${monthsBetween(from, to).length} months, resumed from the checkpoint`, () => statistics.recompute({ from, reason: 'bench' }), 2);
  if (process.env.BENCH_ONLY === 'recompute') return;

  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1', LOGIN_IP_MAX_FAILURES: '10000' });
  const { app, services } = await buildApp({ config, database, logger: false, mailTransport: null });
  // As the server does after it starts (src/server/main.ts): build the engines' checkpoints.
  const t = performance.now();
  await services.statisticsService.prime();
  console.log(`server start: engine checkpoints built in ${(performance.now() - t).toFixed(0)} ms (in the background)`);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'canbo.kh', password: 'Bench-password-1' }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };

  const pending = await queryRows<{ enterprise_id: number; form_code: string }>(database.db, sql`select enterprise_id, form_code from reports where period = ${to} and status = 'SUBMITTED' and form_code = 'IIP_MONTHLY' limit 5`);
  const latencies: number[] = [];
  for (const p of pending) {
    const before = (await (await fetch(`${base}/api/indicators/dashboard`)).json()) as { computedAt: string };
    const s = performance.now();
    const accepted = await fetch(`${base}/api/reports/${p.form_code}/${p.enterprise_id}/${to}/accept`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } });
    if (accepted.status !== 200) throw new Error(`accept: ${accepted.status} ${await accepted.text()}`);
    const after = (await (await fetch(`${base}/api/indicators/dashboard`)).json()) as { computedAt: string };
    latencies.push(performance.now() - s);
    if (after.computedAt === before.computedAt) throw new Error('the dashboard did not change');
  }
  console.log(`accept a report → dashboard shows the new figure: median ${percentile(latencies, 50).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms (${latencies.length} reports)`);

  const urls = ['/api/indicators/dashboard', '/api/indicators/trend?indicator=IIP&months=24', '/api/indicators/trend?indicator=RETAIL_TOTAL&months=24', '/api/indicators/iip?comparison=YOY', '/api/indicators/values', '/api/indicators/breakdown?comparison=YTD'];
  const samples: number[] = [];
  const deadline = Date.now() + 20_000;
  let count = 0;
  await Promise.all(
    Array.from({ length: 20 }, async (_, client) => {
      for (let i = 0; i < 40 && Date.now() < deadline; i++) {
        const s = performance.now();
        const res = await fetch(`${base}${urls[(client + i) % urls.length]}`);
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`dashboard API ${res.status}`);
        samples.push(performance.now() - s);
        count++;
      }
    }),
  );
  console.log(`dashboard API with 20 concurrent clients: p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms (${count} requests)`);
  await app.close();
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
