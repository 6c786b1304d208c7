import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { TDb } from '../../db/client';
import { recordAudit, systemContext } from '../audit/audit.service';
import type { TModule, TRole } from '../auth/auth.policy';
import { hashPassword } from '../auth/password';
import { findUnitsAt } from '../units/units.repo';
import { createUnitService } from '../units/units.service';
import { findUserByUsername, insertUser } from '../users/users.repo';
import { presentUserForAudit } from '../users/users.presenter';

const REFERENCE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'reference');

/** One demo account per role (and per officer module). */
export const DEMO_USERS: { username: string; displayName: string; role: TRole; modules?: TModule[]; unitCodes?: string[]; enterpriseIds?: number[] }[] = [
  { username: 'admin', displayName: 'Quản trị hệ thống', role: 'ADMIN' },
  { username: 'lanhdao', displayName: 'Nguyễn Văn Lãnh (Lãnh đạo Sở)', role: 'LEADER' },
  { username: 'canbo.cn', displayName: 'Trần Thị Hoa (Phòng Quản lý công nghiệp)', role: 'OFFICER', modules: ['INDUSTRY'] },
  { username: 'canbo.tm', displayName: 'Lê Văn Minh (Phòng Quản lý thương mại)', role: 'OFFICER', modules: ['TRADE'] },
  { username: 'canbo.kh', displayName: 'Phạm Thu Hà (Phòng Kế hoạch - Tổng hợp)', role: 'OFFICER', modules: ['PLANNING_STATS'] },
  { username: 'motcua', displayName: 'Đỗ Thị Lan (Bộ phận Một cửa)', role: 'OFFICER', modules: ['ONE_STOP'] },
  { username: 'canbo.khuvuc', displayName: 'Vũ Đức Anh (Cán bộ khu vực Đông Anh)', role: 'AREA_OFFICER', unitCodes: ['017'] },
  { username: 'doanhnghiep', displayName: 'Công ty TNHH Cơ khí Đông Anh', role: 'ENTERPRISE', enterpriseIds: [1] },
];

/**
 * Seeds the demo province and users. Idempotent: existing rows are left alone, and logins are
 * printed only when the accounts are created (the first start).
 */
export const seedDemo = async ({ db, password, print }: { db: TDb; password: string | undefined; print: (line: string) => void }) => {
  const ctx = systemContext('demo-seed');
  const units = await findUnitsAt(db, { at: '2025-01-01' });
  if (units.length === 0) {
    const bytes = fs.readFileSync(path.join(REFERENCE_DIR, 'hanoi-units-demo.csv'));
    await createUnitService({ db }).importUnits(ctx, { bytes, dryRun: false });
  }
  const demoPassword = password ?? `Demo-${randomBytes(6).toString('base64url')}`;
  const created: string[] = [];
  let passwordHash: string | undefined;
  for (const u of DEMO_USERS) {
    if (await findUserByUsername(db, u.username)) continue;
    passwordHash ??= await hashPassword(demoPassword);
    const hash = passwordHash;
    await db.transaction(async (tx) => {
      const row = await insertUser(tx, {
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        modules: u.modules ?? [],
        unitCodes: u.unitCodes ?? [],
        enterpriseIds: u.enterpriseIds ?? [],
        passwordHash: hash,
      });
      await recordAudit(tx, ctx, { entity: 'user', entityId: row.id, action: 'user.create', after: presentUserForAudit(row) });
    });
    created.push(u.username);
  }
  if (created.length) {
    print('');
    print('  Demo accounts created (shown once) — password for all: ' + demoPassword);
    for (const u of DEMO_USERS.filter((d) => created.includes(d.username))) print(`    ${u.username.padEnd(14)} ${u.role.padEnd(13)} ${u.displayName}`);
    print('');
  }
  return { created };
};
