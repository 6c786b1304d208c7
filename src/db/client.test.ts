import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from './client';

describe('embedded database', () => {
  it('starts with shared_buffers from the configuration, in a new folder too', async () => {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ct-client-')), 'pglite');
    const show = async (size: string) => {
      const database = await openDatabase({ kind: 'pglite', dataDir, sharedBuffers: size });
      try {
        return (await queryRows<{ shared_buffers: string }>(database.db, sql`select current_setting('shared_buffers') as shared_buffers`))[0];
      } finally {
        await database.close();
      }
    };
    assert.deepEqual(await show('48MB'), { shared_buffers: '48MB' }, 'a new folder');
    assert.deepEqual(await show('48MB'), { shared_buffers: '48MB' });
    assert.equal((await show('40MB')).shared_buffers, '40MB');
    assert.equal((await show('128MB')).shared_buffers, '128MB');
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });
});
