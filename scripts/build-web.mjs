#!/usr/bin/env node
// Builds the web app (web/dist) with Vite when it is missing or older than its sources.
// Runs on `npm install` (prepare) and again, if needed, on `npm start`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'web', 'dist', 'index.html');
const sources = [path.join(root, 'web'), path.join(root, 'src', 'domain')];

const newest = (dir) => {
  let latest = 0;
  if (!fs.existsSync(dir)) return latest;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'dist' || e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    latest = Math.max(latest, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return latest;
};

/** True when web/dist is missing or older than any file under web/ or src/domain/. */
export const isWebStale = () => !fs.existsSync(dist) || fs.statSync(dist).mtimeMs < Math.max(...sources.map(newest));

export const buildWeb = ({ force = false } = {}) => {
  if (!force && !isWebStale()) return true;
  const vite = path.join(root, 'node_modules', '.bin', 'vite');
  if (!fs.existsSync(vite)) {
    process.stderr.write('vite is not installed; run `npm install` first\n');
    return false;
  }
  process.stdout.write('building the web app (vite)…\n');
  const res = spawnSync(vite, ['build', '--config', path.join(root, 'web', 'vite.config.ts'), '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  return res.status === 0;
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exit(buildWeb({ force: process.argv.includes('--force') }) ? 0 : 1);
}
