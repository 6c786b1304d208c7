import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';

/**
 * The real server process: first start on a fresh data folder (migrations + demo data, logins
 * printed once), restart (idempotent, nothing printed), graceful stop on SIGTERM, and the CLI
 * backup/restore round trip on the same data folder. PGlite only (the server run is the point).
 */
const root = path.resolve(import.meta.dirname, '..', '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ct-lifecycle-'));

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

const startServer = async (port: number) => {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/server/main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO_PASSWORD: 'Lifecycle-pass-1', LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() - started > 90_000) throw new Error(`server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, seconds: (Date.now() - started) / 1000, output: () => output };
};

const stop = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });

describe('server process lifecycle', () => {
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('starts on a fresh data folder, prints the demo logins once, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const first = await startServer(port);
    const health = await (await fetch(`http://127.0.0.1:${port}/api/health`)).json();
    assert.equal(health.migrations.current, true);
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'lanhdao', password: 'Lifecycle-pass-1' }),
    });
    assert.equal(login.status, 200);
    assert.match(first.output(), /Demo accounts created/);
    assert.match(first.output(), /lanhdao/);
    assert.equal(await stop(first.child), 0);
    console.log(`# first start to healthy: ${first.seconds.toFixed(1)} s`);

    const second = await startServer(port);
    assert.doesNotMatch(second.output(), /Demo accounts created/);
    const again = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'lanhdao', password: 'Lifecycle-pass-1' }),
    });
    assert.equal(again.status, 200);
    assert.equal(await stop(second.child), 0);
    console.log(`# restart to healthy: ${second.seconds.toFixed(1)} s`);
  });

  it('backs up and restores the data folder with the CLI', () => {
    const file = path.join(dataDir, 'backup.ctbackup.gz');
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };
    const backup = spawnSync(path.join(root, 'bin/congthuong'), ['backup', file], { env, encoding: 'utf8' });
    assert.equal(backup.status, 0, backup.stderr);
    assert.match(backup.stdout, /backup written/);
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'ct-restore-'));
    const restore = spawnSync(path.join(root, 'bin/congthuong'), ['restore', file], { env: { ...env, DATA_DIR: other }, encoding: 'utf8' });
    assert.equal(restore.status, 0, restore.stderr);
    const rows = Number(/(\d+) rows/.exec(backup.stdout)?.[1]);
    assert.match(restore.stdout, new RegExp(`restored ${rows} rows`));
    const bad = spawnSync(path.join(root, 'bin/congthuong'), ['restore', path.join(root, 'package.json')], { env: { ...env, DATA_DIR: other }, encoding: 'utf8' });
    assert.equal(bad.status, 2);
    fs.rmSync(other, { recursive: true, force: true });
  });
});
