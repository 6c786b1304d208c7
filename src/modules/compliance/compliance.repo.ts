import { asc, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { queryRows, type TDbOrTx } from '../../db/client';
import { complianceIncomeRates, complianceReviewEvents, complianceReviews } from '../../db/schema/compliance';
import { users } from '../../db/schema/platform';
import { procedureVersions } from '../../db/schema/procedures';

export type TIncomeRateRow = typeof complianceIncomeRates.$inferSelect;
export type TReviewRow = typeof complianceReviews.$inferSelect;

const updater = alias(users, 'rate_updater');

/** Income-per-hour settings, newest first, with who last changed them. */
export const listIncomeRates = (db: TDbOrTx) =>
  db
    .select({ rate: complianceIncomeRates, updatedBy: updater.displayName })
    .from(complianceIncomeRates)
    .leftJoin(updater, eq(updater.id, complianceIncomeRates.updatedBy))
    .orderBy(desc(complianceIncomeRates.effectiveFrom));

/** Locks every setting (a change is checked against all of them and all reviews). */
export const lockIncomeRates = (db: TDbOrTx) => db.select().from(complianceIncomeRates).orderBy(asc(complianceIncomeRates.effectiveFrom)).for('update');

/** Reads the settings under a share lock: a review being saved keeps its setting from being changed meanwhile. */
export const shareIncomeRates = (db: TDbOrTx) => db.select().from(complianceIncomeRates).for('share');

export const insertIncomeRate = async (db: TDbOrTx, row: typeof complianceIncomeRates.$inferInsert) => (await db.insert(complianceIncomeRates).values(row).returning())[0];

export const updateIncomeRate = async (db: TDbOrTx, id: number, row: Partial<typeof complianceIncomeRates.$inferInsert>) =>
  (await db.update(complianceIncomeRates).set(row).where(eq(complianceIncomeRates.id, id)).returning())[0];

export const deleteIncomeRate = (db: TDbOrTx, id: number) => db.delete(complianceIncomeRates).where(eq(complianceIncomeRates.id, id));

/** Review dates of reviews that have a cost model (each needs an income setting in force). */
export const listCostedReviewDates = async (db: TDbOrTx) =>
  (
    await queryRows<{ review_date: string; n: number | string }>(
      db,
      sql`select review_date::text as review_date, count(*) as n from compliance_reviews where before_model is not null and review_date is not null group by review_date`,
    )
  ).map((r) => ({ reviewDate: r.review_date, count: Number(r.n) }));

const statusUser = alias(users, 'status_user');
const modelUser = alias(users, 'model_user');

/** Every review with the names of who changed its status and its model, and the reviewed version. */
export const listReviews = (db: TDbOrTx, procedureId?: number) =>
  db
    .select({
      review: complianceReviews,
      statusChangedBy: statusUser.displayName,
      modelUpdatedBy: modelUser.displayName,
      versionEffectiveFrom: procedureVersions.effectiveFrom,
      versionChangeKind: procedureVersions.changeKind,
    })
    .from(complianceReviews)
    .leftJoin(statusUser, eq(statusUser.id, complianceReviews.statusChangedBy))
    .leftJoin(modelUser, eq(modelUser.id, complianceReviews.modelUpdatedBy))
    .leftJoin(procedureVersions, eq(procedureVersions.id, complianceReviews.versionId))
    .where(procedureId === undefined ? undefined : eq(complianceReviews.procedureId, procedureId));

/** The review row of a procedure, locked for the rest of the transaction (created NOT_REVIEWED if missing). */
export const lockReview = async (db: TDbOrTx, procedureId: number): Promise<TReviewRow> => {
  await db.insert(complianceReviews).values({ procedureId }).onConflictDoNothing({ target: complianceReviews.procedureId });
  return (await db.select().from(complianceReviews).where(eq(complianceReviews.procedureId, procedureId)).for('update'))[0];
};

export const updateReview = async (db: TDbOrTx, id: number, row: Partial<typeof complianceReviews.$inferInsert>) =>
  (await db.update(complianceReviews).set(row).where(eq(complianceReviews.id, id)).returning())[0];

export const insertReviewEvent = (db: TDbOrTx, row: typeof complianceReviewEvents.$inferInsert) => db.insert(complianceReviewEvents).values(row);

export const listReviewEvents = (db: TDbOrTx, reviewId: number) =>
  db.select().from(complianceReviewEvents).where(eq(complianceReviewEvents.reviewId, reviewId)).orderBy(asc(complianceReviewEvents.at), asc(complianceReviewEvents.id));

export type TCatalogueEntry = {
  procedure_id: number;
  code: string;
  field_code: string;
  field_name: string;
  field_name_en: string;
  version_id: number;
  name: string;
  change_kind: string;
  effective_from: string;
  latest_version_id: number;
  latest_change_kind: string;
  latest_effective_from: string;
  latest_decision: string;
};

/**
 * The procedures of the catalogue at a date: each with its version in force (name, change kind)
 * and its latest published version (which may abolish it later).
 */
export const listCatalogueAt = (db: TDbOrTx, at: string) =>
  queryRows<TCatalogueEntry>(
    db,
    sql`with current as (
          select distinct on (v.procedure_id) v.procedure_id, v.id, v.name, v.change_kind, v.effective_from
          from procedure_versions v where v.effective_from <= ${at}
          order by v.procedure_id, v.effective_from desc),
        latest as (
          select distinct on (v.procedure_id) v.procedure_id, v.id, v.change_kind, v.effective_from, d.number
          from procedure_versions v join publication_decisions d on d.id = v.decision_id
          order by v.procedure_id, v.effective_from desc)
        select p.id as procedure_id, p.code, p.field_code, f.name_vi as field_name, f.name_en as field_name_en, c.id as version_id, c.name, c.change_kind,
               c.effective_from::text as effective_from, l.id as latest_version_id, l.change_kind as latest_change_kind,
               l.effective_from::text as latest_effective_from, l.number as latest_decision
        from procedures p
        join current c on c.procedure_id = p.id
        join latest l on l.procedure_id = p.id
        join procedure_fields f on f.code = p.field_code
        order by p.field_code, p.code`,
  );
