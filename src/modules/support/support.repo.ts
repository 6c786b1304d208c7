import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client';
import { adminUnits } from '../../db/schema/platform';
import { enterprises } from '../../db/schema/enterprises';
import {
  agencyCategoryDeadlines,
  dialogueCommitments,
  dialogueConferenceAgencies,
  dialogueConferenceEnterprises,
  dialogueConferences,
  pciActionPlans,
  pciActions,
  pciResults,
  pciSubindexScores,
  petitionCategories,
  petitionCategoryPci,
  supportAgencies,
} from '../../db/schema/support';

export type TAgencyRow = typeof supportAgencies.$inferSelect;
export type TCategoryRow = typeof petitionCategories.$inferSelect;
export type TPlanRow = typeof pciActionPlans.$inferSelect;
export type TActionRow = typeof pciActions.$inferSelect;
export type TConferenceRow = typeof dialogueConferences.$inferSelect;
export type TCommitmentRow = typeof dialogueCommitments.$inferSelect;

// Agencies and categories ------------------------------------------------------------------

export const listAgencies = (db: TDbOrTx) => db.select().from(supportAgencies).orderBy(asc(supportAgencies.kind), asc(supportAgencies.name));
export const findAgency = async (db: TDbOrTx, id: number) => (await db.select().from(supportAgencies).where(eq(supportAgencies.id, id)).limit(1))[0];
export const findAgencyByCode = async (db: TDbOrTx, code: string) => (await db.select().from(supportAgencies).where(eq(supportAgencies.code, code)).limit(1))[0];
export const findAgenciesByIds = (db: TDbOrTx, ids: number[]) => (ids.length ? db.select().from(supportAgencies).where(inArray(supportAgencies.id, ids)) : Promise.resolve([]));
export const insertAgency = async (db: TDbOrTx, row: typeof supportAgencies.$inferInsert) => (await db.insert(supportAgencies).values(row).returning())[0];
export const updateAgency = async (db: TDbOrTx, id: number, row: Partial<typeof supportAgencies.$inferInsert>) =>
  (await db.update(supportAgencies).set({ ...row, updatedAt: new Date() }).where(eq(supportAgencies.id, id)).returning())[0];

export const listAgencyDeadlines = (db: TDbOrTx) => db.select().from(agencyCategoryDeadlines);
export const replaceAgencyDeadlines = async (db: TDbOrTx, agencyId: number, rows: { category: string; workingDays: number }[]) => {
  await db.delete(agencyCategoryDeadlines).where(eq(agencyCategoryDeadlines.agencyId, agencyId));
  if (rows.length) await db.insert(agencyCategoryDeadlines).values(rows.map((r) => ({ agencyId, categoryCode: r.category, workingDays: r.workingDays })));
};
export const findAgencyDeadline = async (db: TDbOrTx, agencyId: number, categoryCode: string) =>
  (await db.select().from(agencyCategoryDeadlines).where(and(eq(agencyCategoryDeadlines.agencyId, agencyId), eq(agencyCategoryDeadlines.categoryCode, categoryCode))).limit(1))[0];

export const hasAdminUnit = async (db: TDbOrTx, code: string) => (await db.select({ id: adminUnits.id }).from(adminUnits).where(eq(adminUnits.code, code)).limit(1)).length > 0;

export const listCategories = (db: TDbOrTx) => db.select().from(petitionCategories).orderBy(asc(petitionCategories.sortOrder));
export const findCategory = async (db: TDbOrTx, code: string) => (await db.select().from(petitionCategories).where(eq(petitionCategories.code, code)).limit(1))[0];
export const updateCategory = async (db: TDbOrTx, code: string, row: { deadlineWorkingDays: number; defaultAgencyId: number | null }) =>
  (await db.update(petitionCategories).set({ ...row, updatedAt: new Date() }).where(eq(petitionCategories.code, code)).returning())[0];

export const listCategoryPci = (db: TDbOrTx) => db.select().from(petitionCategoryPci).orderBy(asc(petitionCategoryPci.categoryCode));
export const replaceCategoryPci = async (db: TDbOrTx, categoryCode: string, subindices: string[]) => {
  await db.delete(petitionCategoryPci).where(eq(petitionCategoryPci.categoryCode, categoryCode));
  if (subindices.length) await db.insert(petitionCategoryPci).values(subindices.map((subindexCode) => ({ categoryCode, subindexCode })));
};

// PCI ----------------------------------------------------------------------------------------

export const listPciResults = (db: TDbOrTx, provinceCode: string) => db.select().from(pciResults).where(eq(pciResults.provinceCode, provinceCode)).orderBy(asc(pciResults.year));
export const findPciResult = async (db: TDbOrTx, provinceCode: string, year: number) =>
  (await db.select().from(pciResults).where(and(eq(pciResults.provinceCode, provinceCode), eq(pciResults.year, year))).limit(1))[0];
export const listPciScores = (db: TDbOrTx, resultIds: number[]) =>
  resultIds.length ? db.select().from(pciSubindexScores).where(inArray(pciSubindexScores.resultId, resultIds)) : Promise.resolve([]);

/** Inserts or replaces the result of a year and its sub-index scores. */
export const upsertPciResult = async (
  db: TDbOrTx,
  row: Omit<typeof pciResults.$inferInsert, 'id'>,
  scores: { code: string; score: number | null; rank: number | null }[],
) => {
  const saved = (
    await db
      .insert(pciResults)
      .values(row)
      .onConflictDoUpdate({
        target: [pciResults.provinceCode, pciResults.year],
        set: { composite: row.composite, rank: row.rank, nProvinces: row.nProvinces, methodologyVersion: row.methodologyVersion, source: row.source, updatedBy: row.updatedBy, updatedAt: new Date() },
      })
      .returning()
  )[0];
  await db.delete(pciSubindexScores).where(eq(pciSubindexScores.resultId, saved.id));
  if (scores.length) {
    await db.insert(pciSubindexScores).values(scores.map((s) => ({ resultId: saved.id, subindexCode: s.code, score: s.score === null ? null : String(s.score), rank: s.rank })));
  }
  return saved;
};

export const listPlans = (db: TDbOrTx, year?: number) =>
  db
    .select()
    .from(pciActionPlans)
    .where(year === undefined ? undefined : eq(pciActionPlans.year, year))
    .orderBy(desc(pciActionPlans.year), asc(pciActionPlans.id));
export const findPlan = async (db: TDbOrTx, id: number) => (await db.select().from(pciActionPlans).where(eq(pciActionPlans.id, id)).limit(1))[0];
export const insertPlan = async (db: TDbOrTx, row: typeof pciActionPlans.$inferInsert) => (await db.insert(pciActionPlans).values(row).returning())[0];
export const updatePlan = async (db: TDbOrTx, id: number, row: Partial<typeof pciActionPlans.$inferInsert>) =>
  (await db.update(pciActionPlans).set({ ...row, updatedAt: new Date() }).where(eq(pciActionPlans.id, id)).returning())[0];

export const listActions = (db: TDbOrTx, planIds: number[]) =>
  planIds.length
    ? db
        .select({ action: pciActions, ownerName: supportAgencies.name })
        .from(pciActions)
        .innerJoin(supportAgencies, eq(supportAgencies.id, pciActions.ownerAgencyId))
        .where(inArray(pciActions.planId, planIds))
        .orderBy(asc(pciActions.deadline), asc(pciActions.id))
    : Promise.resolve([]);
export const findAction = async (db: TDbOrTx, id: number) => (await db.select().from(pciActions).where(eq(pciActions.id, id)).limit(1))[0];
export const insertAction = async (db: TDbOrTx, row: typeof pciActions.$inferInsert) => (await db.insert(pciActions).values(row).returning())[0];
export const updateAction = async (db: TDbOrTx, id: number, row: Partial<typeof pciActions.$inferInsert>) =>
  (await db.update(pciActions).set({ ...row, updatedAt: new Date() }).where(eq(pciActions.id, id)).returning())[0];

// Conferences --------------------------------------------------------------------------------

export const listConferences = (db: TDbOrTx, today: string) =>
  db
    .select({
      conference: dialogueConferences,
      enterprises: sql<number>`(select count(*)::int from dialogue_conference_enterprises e where e.conference_id = "dialogue_conferences"."id")`,
      commitments: sql<number>`(select count(*)::int from dialogue_commitments c where c.conference_id = "dialogue_conferences"."id")`,
      openCommitments: sql<number>`(select count(*)::int from dialogue_commitments c where c.conference_id = "dialogue_conferences"."id" and c.status in ('OPEN', 'IN_PROGRESS'))`,
      overdueCommitments: sql<number>`(select count(*)::int from dialogue_commitments c where c.conference_id = "dialogue_conferences"."id" and c.status in ('OPEN', 'IN_PROGRESS') and c.deadline < ${today}::date)`,
    })
    .from(dialogueConferences)
    .orderBy(desc(dialogueConferences.heldOn), desc(dialogueConferences.id));
export const findConference = async (db: TDbOrTx, id: number) => (await db.select().from(dialogueConferences).where(eq(dialogueConferences.id, id)).limit(1))[0];
export const insertConference = async (db: TDbOrTx, row: typeof dialogueConferences.$inferInsert) => (await db.insert(dialogueConferences).values(row).returning())[0];
export const updateConference = async (db: TDbOrTx, id: number, row: Partial<typeof dialogueConferences.$inferInsert>) =>
  (await db.update(dialogueConferences).set({ ...row, updatedAt: new Date() }).where(eq(dialogueConferences.id, id)).returning())[0];

export const replaceConferenceParticipants = async (db: TDbOrTx, conferenceId: number, enterpriseIds: number[], agencyIds: number[]) => {
  await db.delete(dialogueConferenceEnterprises).where(eq(dialogueConferenceEnterprises.conferenceId, conferenceId));
  await db.delete(dialogueConferenceAgencies).where(eq(dialogueConferenceAgencies.conferenceId, conferenceId));
  if (enterpriseIds.length) await db.insert(dialogueConferenceEnterprises).values(enterpriseIds.map((enterpriseId) => ({ conferenceId, enterpriseId })));
  if (agencyIds.length) await db.insert(dialogueConferenceAgencies).values(agencyIds.map((agencyId) => ({ conferenceId, agencyId })));
};
export const listConferenceEnterprises = (db: TDbOrTx, conferenceId: number) =>
  db
    .select({ id: enterprises.id, name: enterprises.nameVi, taxCode: enterprises.taxCode })
    .from(dialogueConferenceEnterprises)
    .innerJoin(enterprises, eq(enterprises.id, dialogueConferenceEnterprises.enterpriseId))
    .where(eq(dialogueConferenceEnterprises.conferenceId, conferenceId))
    .orderBy(asc(enterprises.nameVi));
export const listConferenceAgencies = (db: TDbOrTx, conferenceId: number) =>
  db
    .select({ id: supportAgencies.id, name: supportAgencies.name })
    .from(dialogueConferenceAgencies)
    .innerJoin(supportAgencies, eq(supportAgencies.id, dialogueConferenceAgencies.agencyId))
    .where(eq(dialogueConferenceAgencies.conferenceId, conferenceId))
    .orderBy(asc(supportAgencies.name));
export const findEnterpriseIds = async (db: TDbOrTx, ids: number[]) =>
  ids.length ? (await db.select({ id: enterprises.id }).from(enterprises).where(inArray(enterprises.id, ids))).map((r) => r.id) : [];

export const listCommitments = (db: TDbOrTx, conferenceId: number) =>
  db
    .select({ commitment: dialogueCommitments, ownerName: supportAgencies.name })
    .from(dialogueCommitments)
    .innerJoin(supportAgencies, eq(supportAgencies.id, dialogueCommitments.ownerAgencyId))
    .where(eq(dialogueCommitments.conferenceId, conferenceId))
    .orderBy(asc(dialogueCommitments.deadline), asc(dialogueCommitments.id));
export const findCommitment = async (db: TDbOrTx, id: number) => (await db.select().from(dialogueCommitments).where(eq(dialogueCommitments.id, id)).limit(1))[0];
export const insertCommitment = async (db: TDbOrTx, row: typeof dialogueCommitments.$inferInsert) => (await db.insert(dialogueCommitments).values(row).returning())[0];
export const updateCommitment = async (db: TDbOrTx, id: number, row: Partial<typeof dialogueCommitments.$inferInsert>) =>
  (await db.update(dialogueCommitments).set({ ...row, updatedAt: new Date() }).where(eq(dialogueCommitments.id, id)).returning())[0];
