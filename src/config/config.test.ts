import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'ct-config-'));

describe('configuration', () => {
  it('defaults to PGlite in DATA_DIR with demo data on, and generates a kept session secret', () => {
    const dir = tmp();
    const a = loadConfig({ DATA_DIR: dir });
    assert.deepEqual(a.database, { kind: 'pglite', dataDir: path.join(dir, 'pglite'), sharedBuffers: '512MB' });
    assert.equal(a.demoData, true);
    assert.equal(a.port, 3000);
    assert.ok(a.sessionSecret.length >= 32);
    assert.equal(loadConfig({ DATA_DIR: dir }).sessionSecret, a.sessionSecret);
    assert.equal(a.isEmailConfigured, false);
  });

  it('uses PostgreSQL with DATABASE_URL and then defaults demo data off', () => {
    const c = loadConfig({ DATA_DIR: tmp(), DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/ct' });
    assert.deepEqual(c.database, { kind: 'postgres', url: 'postgres://u:p@127.0.0.1:5432/ct' });
    assert.equal(c.demoData, false);
  });

  it('names every bad variable', () => {
    try {
      loadConfig({ DATA_DIR: tmp(), PORT: 'abc', DATABASE_URL: 'mysql://x', SESSION_SECRET: 'short', DEMO_DATA: 'maybe', PGLITE_SHARED_BUFFERS: 'lots' });
      assert.fail('should throw');
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      const text = error.message;
      for (const name of ['PORT', 'DATABASE_URL', 'SESSION_SECRET', 'DEMO_DATA', 'PGLITE_SHARED_BUFFERS']) assert.match(text, new RegExp(`${name}:`));
    }
  });

  it('stops the server at start-up with a message naming the variable', () => {
    const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, PORT: '99999', DATA_DIR: tmp() },
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(res.status, 1);
    assert.match(res.stderr, /PORT:/);
  });
});
