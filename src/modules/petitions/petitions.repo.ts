import { and, asc, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client';
import { cases } from '../../db/schema/cases';
import { enterprises } from '../../db/schema/enterprises';
import { petitionCoAgencies, petitionContributions, petitions } from '../../db/schema/petitions';
import { users } from '../../db/schema/platform';
import { supportAgencies } from '../../db/schema/support';

export type TPetitionRow = typeof petitions.$inferSelect;

export const insertPetition = async (db: TDbOrTx, row: typeof petitions.$inferInsert) => (await db.insert(petitions).values(row).returning())[0];
export const updatePetition = async (db: TDbOrTx, caseId: number, patch: Partial<typeof petitions.$inferInsert>) =>
  (await db.update(petitions).set(patch).where(eq(petitions.caseId, caseId)).returning())[0];
export const findPetition = async (db: TDbOrTx, caseId: number) => (await db.select().from(petitions).where(eq(petitions.caseId, caseId)).limit(1))[0];

/** Petitions with their case, enterprise and agency, newest first; filters compose with AND. */
export const findPetitions = async (
  db: TDbOrTx,
  f: {
    enterpriseIds?: number[];
    state?: string;
    category?: string;
    agencyId?: number;
    coAgencyId?: number;
    conferenceId?: number;
    overdueAt?: Date;
    /** A queue: led by one of these units or co-handled by an agency of them (EXT = every external agency), or assigned to the user. */
    queue?: { unitCodes: string[]; external: boolean; userId: number };
    page: number;
    pageSize: number;
  },
) => {
  const where: SQL[] = [];
  if (f.enterpriseIds) where.push(sql`${petitions.enterpriseId} in (select (jsonb_array_elements_text(${JSON.stringify(f.enterpriseIds)}::jsonb))::int)`);
  if (f.state) where.push(eq(cases.state, f.state));
  if (f.category) where.push(eq(petitions.categoryCode, f.category));
  if (f.agencyId) where.push(eq(petitions.agencyId, f.agencyId));
  if (f.coAgencyId)
    where.push(
      sql`(${petitions.agencyId} = ${f.coAgencyId} or exists (select 1 from petition_co_agencies ca where ca.case_id = ${petitions.caseId} and ca.agency_id = ${f.coAgencyId} and ca.removed_at is null))`,
    );
  if (f.queue) {
    const units = JSON.stringify(f.queue.unitCodes);
    where.push(sql`(${cases.assigneeId} = ${f.queue.userId}
      or ${cases.unitCode} in (select jsonb_array_elements_text(${units}::jsonb))
      or (${f.queue.external} and ${cases.unitCode} like 'EXT:%')
      or exists (select 1 from petition_co_agencies ca join support_agencies a on a.id = ca.agency_id
                 where ca.case_id = ${petitions.caseId} and ca.removed_at is null
                   and (a.module_code in (select jsonb_array_elements_text(${units}::jsonb)) or (${f.queue.external} and a.module_code is null))))`);
  }
  if (f.conferenceId) where.push(eq(petitions.conferenceId, f.conferenceId));
  if (f.overdueAt) where.push(sql`${cases.state} in ('IN_PROGRESS', 'REPLY_DRAFTED') and ${cases.dueAt} < ${f.overdueAt.toISOString()}::timestamptz`);
  const rows = await db
    .select({ petition: petitions, caseRow: cases, enterpriseName: enterprises.nameVi, agencyName: supportAgencies.name, total: sql<number>`count(*) over ()` })
    .from(petitions)
    .innerJoin(cases, eq(cases.id, petitions.caseId))
    .innerJoin(enterprises, eq(enterprises.id, petitions.enterpriseId))
    .leftJoin(supportAgencies, eq(supportAgencies.id, petitions.agencyId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(cases.openedAt), desc(cases.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { rows, total: Number(rows[0]?.total ?? 0) };
};

export const findPetitionWithNames = async (db: TDbOrTx, caseId: number) =>
  (
    await db
      .select({ petition: petitions, caseRow: cases, enterpriseName: enterprises.nameVi, enterpriseTaxCode: enterprises.taxCode, agencyName: supportAgencies.name })
      .from(petitions)
      .innerJoin(cases, eq(cases.id, petitions.caseId))
      .innerJoin(enterprises, eq(enterprises.id, petitions.enterpriseId))
      .leftJoin(supportAgencies, eq(supportAgencies.id, petitions.agencyId))
      .where(eq(petitions.caseId, caseId))
      .limit(1)
  )[0];

/** Published (anonymised) questions and answers, newest first. */
export const findPublishedQa = (db: TDbOrTx) =>
  db
    .select({ id: petitions.caseId, category: petitions.categoryCode, question: petitions.publicQuestion, answer: petitions.publicAnswer, publishedAt: petitions.publishedAt })
    .from(petitions)
    .where(isNotNull(petitions.publishedAt))
    .orderBy(desc(petitions.publishedAt));

export const findEnterpriseById = async (db: TDbOrTx, id: number) =>
  (await db.select({ id: enterprises.id, name: enterprises.nameVi, taxCode: enterprises.taxCode, shortName: enterprises.shortName, email: enterprises.email }).from(enterprises).where(eq(enterprises.id, id)).limit(1))[0];

/** The facts statistics need, for petitions opened in [from, to] (Vietnam days). */
export const findPetitionFacts = (db: TDbOrTx, f: { from: string; to: string }) =>
  db
    .select({ petition: petitions, state: cases.state, dueAt: cases.dueAt, agencyName: supportAgencies.name, month: sql<string>`to_char(${cases.openedAt} at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM')` })
    .from(petitions)
    .innerJoin(cases, eq(cases.id, petitions.caseId))
    .leftJoin(supportAgencies, eq(supportAgencies.id, petitions.agencyId))
    .where(sql`(${cases.openedAt} at time zone 'Asia/Ho_Chi_Minh')::date between ${f.from}::date and ${f.to}::date`);

/** Open petitions (being handled or awaiting approval) with a deadline before `before`. */
export const findOpenPetitionsDueBefore = (db: TDbOrTx, before: Date) =>
  db
    .select({ caseId: cases.id, unitCode: cases.unitCode, assigneeId: cases.assigneeId, dueAt: cases.dueAt, state: cases.state, subject: petitions.subject })
    .from(petitions)
    .innerJoin(cases, eq(cases.id, petitions.caseId))
    .where(sql`${cases.state} in ('IN_PROGRESS', 'REPLY_DRAFTED') and ${cases.dueAt} is not null and ${cases.dueAt} < ${before.toISOString()}::timestamptz`);

/** Active staff accounts with their role and modules (who to remind). */
export const findActiveStaff = (db: TDbOrTx) =>
  db.select({ id: users.id, role: users.role, modules: users.modules }).from(users).where(sql`${users.disabled} = false and ${users.role} in ('ADMIN', 'LEADER', 'OFFICER')`);

// Co-agencies and contributions -------------------------------------------------------------

/** The current co-agencies of the given petitions, with their names. */
export const findCurrentCoAgencies = (db: TDbOrTx, caseIds: number[]) =>
  caseIds.length
    ? db
        .select({ caseId: petitionCoAgencies.caseId, id: supportAgencies.id, name: supportAgencies.name, moduleCode: supportAgencies.moduleCode })
        .from(petitionCoAgencies)
        .innerJoin(supportAgencies, eq(supportAgencies.id, petitionCoAgencies.agencyId))
        .where(and(inArray(petitionCoAgencies.caseId, caseIds), isNull(petitionCoAgencies.removedAt)))
        .orderBy(asc(petitionCoAgencies.id))
    : Promise.resolve([]);

/** Every co-agency a petition ever had (added, removed), oldest first. */
export const findCoAgencyHistory = (db: TDbOrTx, caseId: number) =>
  db
    .select({ id: supportAgencies.id, name: supportAgencies.name, addedAt: petitionCoAgencies.addedAt, removedAt: petitionCoAgencies.removedAt })
    .from(petitionCoAgencies)
    .innerJoin(supportAgencies, eq(supportAgencies.id, petitionCoAgencies.agencyId))
    .where(eq(petitionCoAgencies.caseId, caseId))
    .orderBy(asc(petitionCoAgencies.addedAt), asc(petitionCoAgencies.id));

/** Makes `agencyIds` the current co-agencies: others are marked removed (kept), new ones added. */
export const replaceCoAgencies = async (db: TDbOrTx, caseId: number, agencyIds: number[], by: number | null, at: Date) => {
  const current = await db.select().from(petitionCoAgencies).where(and(eq(petitionCoAgencies.caseId, caseId), isNull(petitionCoAgencies.removedAt)));
  const gone = current.filter((c) => !agencyIds.includes(c.agencyId)).map((c) => c.id);
  if (gone.length) await db.update(petitionCoAgencies).set({ removedAt: at, removedBy: by }).where(inArray(petitionCoAgencies.id, gone));
  const added = agencyIds.filter((id) => !current.some((c) => c.agencyId === id));
  if (added.length) await db.insert(petitionCoAgencies).values(added.map((agencyId) => ({ caseId, agencyId, addedAt: at, addedBy: by })));
  return { added, removed: current.filter((c) => gone.includes(c.id)).map((c) => c.agencyId) };
};

export const insertContribution = async (db: TDbOrTx, row: typeof petitionContributions.$inferInsert) => (await db.insert(petitionContributions).values(row).returning())[0];
export const findContributions = (db: TDbOrTx, caseId: number) =>
  db
    .select({ contribution: petitionContributions, agencyName: supportAgencies.name })
    .from(petitionContributions)
    .innerJoin(supportAgencies, eq(supportAgencies.id, petitionContributions.agencyId))
    .where(eq(petitionContributions.caseId, caseId))
    .orderBy(asc(petitionContributions.createdAt), asc(petitionContributions.id));

/** Active user accounts of an enterprise (to tell it about its petition). */
export const findEnterpriseUserIds = async (db: TDbOrTx, enterpriseId: number) =>
  (await db.select({ id: users.id }).from(users).where(sql`${users.disabled} = false and ${users.role} = 'ENTERPRISE' and ${enterpriseId} = any(${users.enterpriseIds})`)).map((u) => u.id);
