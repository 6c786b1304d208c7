import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { TDb } from '../../db/client';
import { enterprises, industrialZones } from '../../db/schema/enterprises';
import { createEnterpriseImportService } from '../enterprises/enterprises-import.service';
import { generateDemoEnterprises, toEnterpriseCsv } from './demo-enterprises';
import { seedDemoStatistics } from './demo-statistics-seed';
import { seedDemoDossiers } from '../dossiers/dossier-demo';
import { createCalendarService } from '../calendar/calendar.service';
import { seedDemoCompliance } from '../compliance/compliance-demo';
import { seedDemoSupport } from '../support/support-seed';
import { seedDemoPetitions } from '../petitions/petitions-demo';
import { procedureFields } from '../../db/schema/procedures';
import { createProcedureService } from '../procedures/procedures.service';
import { ZDecisionBody } from '../procedures/procedures.schemas';
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
export const seedDemo = async ({
  db,
  password,
  print,
  enterpriseCount = DEMO_ENTERPRISES,
  statistics = true,
  dossiers = statistics,
}: {
  db: TDb;
  password: string | undefined;
  print: (line: string) => void;
  enterpriseCount?: number;
  /** Monthly report history and computed indicators (off in most API tests, for speed). */
  statistics?: boolean;
  /** A history of one-stop dossiers (default: with the statistics). */
  dossiers?: boolean;
}) => {
  const ctx = systemContext('demo-seed');
  await seedReference(db);
  await seedDemoEnterprises(db, { count: enterpriseCount });
  await seedDemoProcedures(db);
  await seedDemoCompliance(db);
  await seedDemoSupport(db);
  if (statistics) await seedDemoStatistics(db);
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
  if (dossiers) {
    const owner = await findUserByUsername(db, 'doanhnghiep');
    const cal = await createCalendarService({ db }).getWorkCalendar();
    await seedDemoDossiers(db, { cal, agencyCode: '000.00.17.H26', ownerUserId: owner?.id ?? null });
    await seedDemoPetitions(db);
  }
  if (created.length) {
    print('');
    print('  Demo accounts created (shown once) — password for all: ' + demoPassword);
    for (const u of DEMO_USERS.filter((d) => created.includes(d.username))) print(`    ${u.username.padEnd(14)} ${u.role.padEnd(13)} ${u.displayName}`);
    print('');
  }
  return { created };
};

/** The demo province's administrative units and its industrial zones (idempotent). */
export const seedReference = async (db: TDb): Promise<void> => {
  const units = await findUnitsAt(db, { at: '2025-01-01' });
  if (units.length === 0) {
    const bytes = fs.readFileSync(path.join(REFERENCE_DIR, 'hanoi-units-demo.csv'));
    await createUnitService({ db }).importUnits(systemContext('demo-seed'), { bytes, dryRun: false });
  }
  await seedZones(db);
};

/** Number of enterprises in the default demo (the benchmark uses `demo generate --enterprises N`). */
export const DEMO_ENTERPRISES = 3000;

/** Industrial zones and clusters of Hà Nội from reference/hanoi-zones.csv (aggregate rows skipped). */
export const seedZones = async (db: TDb): Promise<void> => {
  if ((await db.select({ id: industrialZones.id }).from(industrialZones).limit(1)).length) return;
  const rows = parse(fs.readFileSync(path.join(REFERENCE_DIR, 'hanoi-zones.csv'), 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const zones = rows
    .filter((r) => ['KCN', 'CCN', 'KCNC'].includes(r.kind))
    .map((r) => ({ kind: r.kind, name: r.name_vi, formerDistrict: r.former_district_pre_2025 || null, areaHa: r.area_ha || null, operator: r.investor_or_operator || null, status: r.status || null, source: r.source || null }));
  await db.transaction(async (tx) => {
    const inserted = await tx.insert(industrialZones).values(zones).returning();
    for (const z of inserted) await recordAudit(tx, systemContext('demo-seed'), { entity: 'industrial_zone', entityId: z.id, action: 'zone.create', after: z });
  });
};

/**
 * Seeds demo enterprises through the real import (validation, SME classification, audit). The
 * first one is the enterprise of the demo enterprise account.
 */
export const seedDemoEnterprises = async (db: TDb, { count, seed = 2026 }: { count: number; seed?: number }): Promise<void> => {
  if ((await db.select({ id: enterprises.id }).from(enterprises).limit(1)).length) return;
  const zoneNames = (await db.select({ name: industrialZones.name }).from(industrialZones)).map((z) => z.name);
  const year = new Date().getFullYear() - 1;
  const own = {
    tax_code: '0101234567', name_vi: 'Công ty TNHH Cơ khí Đông Anh', short_name: 'Cơ khí Đông Anh', legal_form: 'TNHH_2TV', ownership: 'NON_STATE',
    vsic_main: '2592', address: 'Số 12 đường Cao Lỗ, Đông Anh, Hà Nội', former_district: '017', zone: zoneNames.find((z) => z.includes('Thăng Long')) ?? '',
    established_on: '2008-05-20', status: 'ACTIVE', legal_rep: 'Nguyễn Văn Hùng', phone: '02438830000', email: 'lienhe@cokhidonganh.vn',
    year: String(year), avg_insured_employees: '48', revenue_vnd: '38500000000', capital_vnd: '16000000000',
  };
  const rows = [own, ...generateDemoEnterprises({ count: count - 1, seed, year, zoneNames })];
  const csv = toEnterpriseCsv(rows);
  await createEnterpriseImportService({ db }).importEnterprises(systemContext('demo-seed'), { fileName: 'demo-enterprises.csv', bytes: Buffer.from(csv), dryRun: false });
};

/** The demo procedure catalogue (reference/procedures-demo.json) published through the real decision flow. */
export const seedDemoProcedures = async (db: TDb): Promise<void> => {
  if ((await db.select({ code: procedureFields.code }).from(procedureFields).limit(1)).length) return;
  const data = JSON.parse(fs.readFileSync(path.join(REFERENCE_DIR, 'procedures-demo.json'), 'utf8')) as { fields: (typeof procedureFields.$inferInsert)[]; decisions: unknown[] };
  await db.transaction(async (tx) => {
    await tx.insert(procedureFields).values(data.fields);
    for (const f of data.fields) await recordAudit(tx, systemContext('demo-seed'), { entity: 'procedure_field', entityId: f.code, action: 'procedure.field', after: f });
  });
  const service = createProcedureService({ db });
  for (const decision of data.decisions) await service.publishDecision(systemContext('demo-seed'), ZDecisionBody.parse(decision));
};
