#!/usr/bin/env node
// `npm start`: builds the web app if needed, then starts the server (PGlite in ./data unless
// DATABASE_URL is set). Signals are passed on so the database closes cleanly.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWeb } from './build-web.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  process.stderr.write(`congthuong needs Node.js 20.19 or newer (this is ${process.versions.node})\n`);
  process.exit(1);
}
if (!buildWeb()) process.exit(1);

const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src', 'server', 'main.ts')], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
