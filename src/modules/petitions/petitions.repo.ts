import { and, desc, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client';
import { cases } from '../../db/schema/cases';
import { enterprises } from '../../db/schema/enterprises';
import { petitions } from '../../db/schema/petitions';
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
  f: { enterpriseIds?: number[]; state?: string; category?: string; agencyId?: number; conferenceId?: number; overdueAt?: Date; page: number; pageSize: number },
) => {
  const where: SQL[] = [];
  if (f.enterpriseIds) where.push(sql`${petitions.enterpriseId} in (select (jsonb_array_elements_text(${JSON.stringify(f.enterpriseIds)}::jsonb))::int)`);
  if (f.state) where.push(eq(cases.state, f.state));
  if (f.category) where.push(eq(petitions.categoryCode, f.category));
  if (f.agencyId) where.push(eq(petitions.agencyId, f.agencyId));
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
  (await db.select({ id: enterprises.id, name: enterprises.nameVi, taxCode: enterprises.taxCode, shortName: enterprises.shortName }).from(enterprises).where(eq(enterprises.id, id)).limit(1))[0];

/** The facts statistics need, for petitions opened in [from, to] (Vietnam days). */
export const findPetitionFacts = (db: TDbOrTx, f: { from: string; to: string }) =>
  db
    .select({ petition: petitions, state: cases.state, dueAt: cases.dueAt, agencyName: supportAgencies.name })
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
