import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from './client';

describe('embedded database', () => {
  it('takes shared_buffers from the configuration, in a new folder too, and keeps one setting line', async () => {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ct-client-')), 'pglite');
    const show = async (size: string) => {
      const database = await openDatabase({ kind: 'pglite', dataDir, sharedBuffers: size });
      try {
        return (await queryRows<{ shared_buffers: string }>(database.db, sql`show shared_buffers`))[0].shared_buffers;
      } finally {
        await database.close();
      }
    };
    assert.equal(await show('48MB'), '48MB', 'a new folder');
    assert.equal(await show('48MB'), '48MB');
    assert.equal(await show('40MB'), '40MB');
    assert.equal(await show('128MB'), '128MB');
    const conf = fs.readFileSync(path.join(dataDir, 'postgresql.conf'), 'utf8');
    assert.equal(conf.match(/^shared_buffers\s*=/gm)?.length, 1);
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });
});
