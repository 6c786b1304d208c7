import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { asc, sql } from 'drizzle-orm';
import { adminUnits, auditLog, users } from '../../db/schema/platform';
import { as, createTestApp, createTestDatabase, login, type TTestApp } from '../../../tests/helpers/test-app';
import { BackupFormatError, backupDatabase, restoreDatabase } from './backup.service';

describe('backup and restore round trip', () => {
  let t: TTestApp;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ct-backup-'));
  before(async () => {
    t = await createTestApp();
    const admin = await login(t, 'admin');
    const res = await as(t, admin).send('POST', '/api/admin/users', {
      username: 'khoi.phuc',
      displayName: 'Người dùng "khôi phục" <b>đậm</b>',
      role: 'OFFICER',
      modules: ['TRADE'],
      password: 'Initial-pass-1',
    });
    assert.equal(res.statusCode, 201);
  });
  after(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('restores every row into a fresh database and sequences continue', async () => {
    const file = path.join(dir, 'full.ctbackup.gz');
    const written = await backupDatabase(t.database, file);
    assert.ok(written.rows > 40);
    const target = await createTestDatabase();
    try {
      const restored = await restoreDatabase(target.database, file);
      assert.equal(restored.rows, written.rows);
      const snapshot = async (db: typeof t.database.db) => ({
        users: await db.select({ u: users.username, d: users.displayName, m: users.modules, h: users.passwordHash }).from(users).orderBy(asc(users.id)),
        units: await db.select().from(adminUnits).orderBy(asc(adminUnits.id)),
        audit: await db.select({ id: auditLog.id, a: auditLog.action, after: auditLog.after }).from(auditLog).orderBy(asc(auditLog.id)),
      });
      const [src, dst] = [await snapshot(t.database.db), await snapshot(target.database.db)];
      assert.deepEqual(dst.users, src.users);
      assert.deepEqual(dst.units, src.units);
      assert.deepEqual(dst.audit.slice(0, src.audit.length), src.audit);
      assert.equal(dst.audit.at(-1)?.a, 'system.restore');
      const inserted = await target.database.db.insert(users).values({ username: 'after.restore', displayName: 'x', role: 'LEADER', passwordHash: 'x' }).returning();
      assert.ok(inserted[0].id > Math.max(...(await t.database.db.select({ id: users.id }).from(users)).map((r) => r.id)) - 1);
    } finally {
      await target.drop();
    }
  });

  it('refuses a file that is not a backup and leaves the database unchanged', async () => {
    const junk = path.join(dir, 'junk.gz');
    fs.writeFileSync(junk, (await import('node:zlib')).gzipSync('{"hello":"world"}\n'));
    const before = (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(users))[0].n;
    await assert.rejects(restoreDatabase(t.database, junk), BackupFormatError);
    assert.equal((await t.database.db.select({ n: sql<number>`count(*)::int` }).from(users))[0].n, before);
  });
});
