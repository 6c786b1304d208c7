/**
 * Browser test support: builds the web app when stale, starts the real server on a free port with
 * a fresh data directory and demo data, launches Debian's Chromium, and stops everything.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results', 'e2e');
export const DEMO_PASSWORD = 'Demo@12345';

const CHROMIUM = '/usr/bin/chromium';
const SERVER_START_TIMEOUT_MS = 120_000;
const SERVER_STOP_TIMEOUT_MS = 15_000;

const WEB_INDEX = path.join(REPO_ROOT, 'web', 'dist', 'index.html');
const WEB_SOURCES = [
  path.join(REPO_ROOT, 'web', 'src'),
  path.join(REPO_ROOT, 'web', 'public'),
  path.join(REPO_ROOT, 'web', 'index.html'),
  path.join(REPO_ROOT, 'web', 'vite.config.ts'),
  path.join(REPO_ROOT, 'src', 'domain', 'format'),
  path.join(REPO_ROOT, 'src', 'domain', 'compliance'),
];

/** Newest modification time of a file or of any file below a directory (0 when missing). */
const newestMtime = (target: string): number => {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(target).reduce((latest, name) => Math.max(latest, newestMtime(path.join(target, name))), 0);
};

/** Builds web/dist with Vite when index.html is missing or older than the newest web source. */
export const ensureWebBuilt = (): void => {
  const builtAt = fs.existsSync(WEB_INDEX) ? fs.statSync(WEB_INDEX).mtimeMs : 0;
  if (builtAt >= Math.max(...WEB_SOURCES.map(newestMtime))) return;
  const vite = path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
};

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const waitForExit = (child: ChildProcess, timeoutMs: number): Promise<boolean> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(true)
    : new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve(true);
        });
      });

export type TTestServer = {
  baseUrl: string;
  /** Everything the server wrote to stdout/stderr so far (for failure messages). */
  output: () => string;
  /** SIGTERM, wait for the exit (SIGKILL after 15 s), then delete the data directory. */
  stop: () => Promise<void>;
};

/** Starts `node --import tsx src/server/main.ts` with demo data and waits until /api/health answers 200. */
export const startServer = async (): Promise<TTestServer> => {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'congthuong-e2e-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO_DATA: 'true',
      DEMO_PASSWORD,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, SERVER_STOP_TIMEOUT_MS))) {
        child.kill('SIGKILL');
        await waitForExit(child, SERVER_STOP_TIMEOUT_MS);
      }
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.status === 200) return { baseUrl, output: () => output, stop };
    } catch {
      // Not listening yet.
    }
    await delay(250);
  }
  await stop();
  throw new Error(`The server did not become healthy (exit code ${child.exitCode}). Output:\n${output}`);
};

/** Debian's Chromium, headless. */
export const launchBrowser = (): Promise<Browser> => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
};
