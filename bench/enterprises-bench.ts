/**
 * Enterprise registry benchmark (issue 3), on the embedded database:
 *   node --import tsx bench/enterprises-bench.ts [N=300000]
 * Prints: import time and rows/s of an N-row CSV, the ratio to a bare COPY of the same rows,
 * search and filtered-list API p50/p95 (through the real HTTP layer), and the time and peak
 * memory of exporting every row (CSV and XLSX).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config/config';
import { openDatabase } from '../src/db/client';
import { copyCsvInto } from '../src/db/copy';
import { runMigrations } from '../src/db/migrate';
import { systemContext } from '../src/modules/audit/audit.service';
import { generateDemoEnterprises, toEnterpriseCsv } from '../src/modules/demo/demo-enterprises';
import { seedDemo } from '../src/modules/demo/demo.seed';
import { createEnterpriseImportService } from '../src/modules/enterprises/enterprises-import.service';
import { buildApp } from '../src/server/app';

const N = Number(process.argv[2] ?? 300_000);
// BENCH_DIR=<folder>: keep the database there; when it already holds an imported registry, skip
// the import and only measure the API figures (to iterate on queries).
const keepDir = process.env.BENCH_DIR;
const reuse = keepDir !== undefined && fs.existsSync(path.join(keepDir, 'pglite'));
const dir = keepDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ct-bench-ent-'));
if (keepDir) fs.mkdirSync(keepDir, { recursive: true });
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

const main = async () => {
  // The embedded database as the server opens it (shared_buffers of the configuration).
  const database = await openDatabase(loadConfig({ DATA_DIR: dir }).database);
  await runMigrations(database);
  if (!reuse) await importRows(database);
  await measureApi(database);
  await database.close();
  if (!keepDir) fs.rmSync(dir, { recursive: true, force: true });
};

const importRows = async (database: Awaited<ReturnType<typeof openDatabase>>) => {
  await seedDemo({ db: database.db, password: 'Bench-password-1', print: () => undefined, enterpriseCount: 1, statistics: false });
  const zoneNames = ['KCN Thăng Long', 'KCN Nội Bài', 'KCN Quang Minh (Quang Minh I)'];
  const csv = toEnterpriseCsv(generateDemoEnterprises({ count: N, seed: 7, year: new Date().getFullYear() - 1, zoneNames }));
  const bytes = Buffer.from(csv);
  console.log(`enterprises: ${N} rows, ${(bytes.length / 1e6).toFixed(1)} MB CSV`);

  // Bare COPY of the same rows into an unindexed table with the same columns (text).
  const header = csv.slice(0, csv.indexOf('\n')).split(',');
  let copyMs = 0;
  await database.db.transaction(async (tx) => {
    await tx.execute(sql.raw(`create temp table bare_copy (${header.map((h) => `"${h}" text`).join(', ')}) on commit drop`));
    const t = performance.now();
    await copyCsvInto(tx, { table: 'bare_copy', columns: header, csv: csv.slice(csv.indexOf('\n') + 1) });
    copyMs = performance.now() - t;
  });

  const t0 = performance.now();
  const result = await createEnterpriseImportService({ db: database.db }).importEnterprises(systemContext('bench'), { fileName: 'bench.csv', bytes, dryRun: false });
  const importMs = performance.now() - t0;
  console.log(`import: ${(importMs / 1000).toFixed(1)} s, ${Math.round(N / (importMs / 1000))} rows/s (${result.inserted} new); bare COPY ${(copyMs / 1000).toFixed(2)} s; import/COPY = ${(importMs / copyMs).toFixed(1)}×`);
};

const measureApi = async (database: Awaited<ReturnType<typeof openDatabase>>) => {

  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
  const { app, services } = await buildApp({ config, database, logger: false, mailTransport: null });
  await app.ready();
  // As the server does after it starts (src/server/main.ts), in the background: the registry's
  // pages into the buffers. BENCH_COLD=1 measures a fresh process without it.
  if (!process.env.BENCH_COLD) {
    const t = performance.now();
    await services.enterpriseService.prewarm();
    console.log(`server start: registry prewarmed in ${((performance.now() - t) / 1000).toFixed(1)} s (in the background)`);
  }
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'canbo.kh', password: 'Bench-password-1' } });
  const cookie = `ct_session=${login.cookies[0].value}`;
  const time = async (url: string) => {
    const t = performance.now();
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    return performance.now() - t;
  };
  const searches = ['xi mang', 'ha noi', 'co khi chinh xac', 'thuong mai tong hop thang long', 'cong nghe phan mem', 'noi that', 'xay dung dai viet', 'bia nuoc giai khat', 'van tai sao mai', 'du lich lu hanh', '0105', '01050123', 'xi mamg', 'cong ngje phan mem'];
  const filters = ['sizeClass=SMALL', 'ownership=FDI', 'section=C&sizeClass=MEDIUM', 'formerDistrict=017', 'status=SUSPENDED&ownership=NON_STATE', 'division=25&sort=established&order=desc', 'zone=1', 'page=50&pageSize=50'];
  const searchMs: number[] = [];
  const listMs: number[] = [];
  const slowest = new Map<string, number>();
  const note = (key: string, ms: number) => slowest.set(key, Math.max(ms, slowest.get(key) ?? 0));
  for (let round = 0; round < 5; round++) {
    for (const q of searches) {
      const ms = await time(`/api/enterprises?q=${encodeURIComponent(q)}`);
      searchMs.push(ms);
      note(`q=${q}`, ms);
    }
    for (const f of filters) {
      const ms = await time(`/api/enterprises?${f}`);
      listMs.push(ms);
      note(f, ms);
    }
  }
  if (process.env.BENCH_VERBOSE) {
    for (const [key, ms] of [...slowest].sort((a, b) => b[1] - a[1])) console.log(`  slowest ${ms.toFixed(1)} ms  ${key}`);
    const rounds = (xs: number[], per: number) => Array.from({ length: 5 }, (_, r) => Math.max(...xs.slice(r * per, (r + 1) * per)).toFixed(0)).join(', ');
    console.log(`  slowest per round: search ${rounds(searchMs, searches.length)}; list ${rounds(listMs, filters.length)} ms`);
  }
  console.log(`search API: p50 ${percentile(searchMs, 50).toFixed(1)} ms, p95 ${percentile(searchMs, 95).toFixed(1)} ms (${searchMs.length} requests)`);
  console.log(`filtered list API: p50 ${percentile(listMs, 50).toFixed(1)} ms, p95 ${percentile(listMs, 95).toFixed(1)} ms (${listMs.length} requests)`);
  const structureMs: number[] = [];
  for (let i = 0; i < 5; i++) structureMs.push(await time('/api/enterprises/structure'));
  console.log(`structure API: p50 ${percentile(structureMs, 50).toFixed(0)} ms`);

  // BENCH_ONLY=api: stop before the exports.
  for (const format of process.env.BENCH_ONLY === 'api' ? [] : (['csv', 'xlsx'] as const)) {
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const t = performance.now();
    const res = await app.inject({ method: 'GET', url: `/api/enterprises/export?format=${format}`, headers: { cookie } });
    clearInterval(sampler);
    console.log(`export ${format}: ${res.statusCode}, ${(res.rawPayload.length / 1e6).toFixed(1)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s; peak RSS ${(peak / 1e6).toFixed(0)} MB (+${((peak - rssBefore) / 1e6).toFixed(0)} MB; includes the test client buffering the whole answer)`);
  }
  await app.close();
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
