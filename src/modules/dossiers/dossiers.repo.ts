import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type TDbOrTx } from '../../db/client';
import { cases } from '../../db/schema/cases';
import { dossierCodeCounters, dossierEvaluations, dossiers } from '../../db/schema/dossiers';
import { users } from '../../db/schema/platform';
import { procedureFields, procedures, procedureVersions } from '../../db/schema/procedures';

export type TDossierRow = typeof dossiers.$inferSelect;
export type TEvaluationRow = typeof dossierEvaluations.$inferSelect;

export const insertDossier = async (db: TDbOrTx, row: typeof dossiers.$inferInsert) => (await db.insert(dossiers).values(row).returning())[0];

export const updateDossier = async (db: TDbOrTx, caseId: number, patch: Partial<typeof dossiers.$inferInsert>) =>
  (await db.update(dossiers).set(patch).where(eq(dossiers.caseId, caseId)).returning())[0];

export const findDossier = async (db: TDbOrTx, caseId: number) => (await db.select().from(dossiers).where(eq(dossiers.caseId, caseId)).limit(1))[0];

export const findDossierByCode = async (db: TDbOrTx, code: string) => (await db.select().from(dossiers).where(eq(dossiers.code, code)).limit(1))[0];

export const findDossiersByCaseIds = (db: TDbOrTx, ids: number[]) => (ids.length ? db.select().from(dossiers).where(inArray(dossiers.caseId, ids)) : Promise.resolve([]));

/** Dossiers by case id with the name of their procedure (version bound at receipt, else the latest), one query. */
export const findDossiersWithNames = (db: TDbOrTx, ids: number[]) =>
  ids.length
    ? db
        .select({
          dossier: dossiers,
          // Columns qualified by hand: an unqualified procedure_id would bind to v inside the subquery.
          name: sql<string>`coalesce((select v.name from procedure_versions v where v.id = "dossiers"."procedure_version_id"), (select v.name from procedure_versions v where v.procedure_id = "dossiers"."procedure_id" and v.change_kind <> 'ABOLISHED' order by v.effective_from desc limit 1))`,
        })
        .from(dossiers)
        .where(inArray(dossiers.caseId, ids))
    : Promise.resolve([]);

/**
 * Next number of the agency's daily sequence, in the caller's transaction. The upsert takes the
 * counter row's lock until commit, so concurrent receipts wait and get consecutive numbers; a
 * rolled-back receipt gives its number back.
 */
export const nextDailySequence = async (db: TDbOrTx, agencyCode: string, day: string): Promise<number> => {
  const rows = await db
    .insert(dossierCodeCounters)
    .values({ agencyCode, day, lastSeq: 1 })
    .onConflictDoUpdate({ target: [dossierCodeCounters.agencyCode, dossierCodeCounters.day], set: { lastSeq: sql`${dossierCodeCounters.lastSeq} + 1` } })
    .returning({ lastSeq: dossierCodeCounters.lastSeq });
  return rows[0].lastSeq;
};

/** Procedure header (code, field) and name/methods/fees of a version. */
export const findProcedureById = async (db: TDbOrTx, id: number) => (await db.select().from(procedures).where(eq(procedures.id, id)).limit(1))[0];
export const findVersionById = async (db: TDbOrTx, id: number) => (await db.select().from(procedureVersions).where(eq(procedureVersions.id, id)).limit(1))[0];
export const findFieldName = async (db: TDbOrTx, code: string) => (await db.select().from(procedureFields).where(eq(procedureFields.code, code)).limit(1))[0];

/** Dossiers of an applicant (own account or own enterprises), newest first. */
export const findApplicantDossiers = async (db: TDbOrTx, { userId, enterpriseIds, page, pageSize }: { userId: number; enterpriseIds: number[]; page: number; pageSize: number }) => {
  const scope = enterpriseIds.length
    ? sql`(${dossiers.applicantUserId} = ${userId} or ${dossiers.enterpriseId} in (select (jsonb_array_elements_text(${JSON.stringify(enterpriseIds)}::jsonb))::int))`
    : sql`${dossiers.applicantUserId} = ${userId}`;
  const rows = await db
    .select({ dossier: dossiers, case: cases })
    .from(dossiers)
    .innerJoin(cases, eq(cases.id, dossiers.caseId))
    .where(scope)
    .orderBy(desc(cases.openedAt), desc(cases.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(dossiers).where(scope);
  return { rows, total };
};

/** Open dossiers whose legal due instant falls in [from, to], clock running, not rescheduled yet (apology alerts). */
export const findDueForAlert = (db: TDbOrTx, { from, to }: { from: Date; to: Date }) =>
  db
    .select({ caseId: cases.id, unitCode: cases.unitCode, assigneeId: cases.assigneeId, dueAt: cases.dueAt, code: dossiers.code, title: cases.title })
    .from(cases)
    .innerJoin(dossiers, eq(dossiers.caseId, cases.id))
    .where(
      and(
        eq(cases.caseType, 'DOSSIER'),
        sql`${cases.closedAt} is null`,
        sql`${cases.pausedAt} is null`,
        eq(cases.rescheduleCount, 0),
        sql`${cases.dueAt} between ${from} and ${to}`,
        inArray(cases.state, ['RECEIVED', 'PROCESSING']),
      ),
    );

export const insertEvaluation = async (db: TDbOrTx, row: typeof dossierEvaluations.$inferInsert) => (await db.insert(dossierEvaluations).values(row).returning())[0];
export const findEvaluation = async (db: TDbOrTx, caseId: number) => (await db.select().from(dossierEvaluations).where(eq(dossierEvaluations.caseId, caseId)).limit(1))[0];

/** Active officers of a unit (module), for transfers and notifications. */
export const findUnitOfficers = (db: TDbOrTx, unitCode: string) =>
  db
    .select({ id: users.id, displayName: users.displayName, email: users.email })
    .from(users)
    .where(and(eq(users.role, 'OFFICER'), eq(users.disabled, false), sql`${unitCode} = any(${users.modules})`))
    .orderBy(users.displayName);

export const findUserName = async (db: TDbOrTx, id: number) => (await db.select({ displayName: users.displayName }).from(users).where(eq(users.id, id)).limit(1))[0]?.displayName ?? null;

/** Names of procedures by id (for lists). */
export const findProcedureNames = (db: TDbOrTx, ids: number[]) =>
  ids.length
    ? queryRows<{ procedure_id: number; code: string; name: string }>(
        db,
        sql`select distinct on (p.id) p.id as procedure_id, p.code, v.name from procedures p join procedure_versions v on v.procedure_id = p.id
            where p.id in (select (jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))::int) and v.change_kind <> 'ABOLISHED'
            order by p.id, v.effective_from desc`,
      )
    : Promise.resolve([]);

export type TRegisterRow = {
  case_id: number;
  code: string;
  procedure_name: string;
  applicant_name: string;
  applicant_address: string;
  applicant_phone: string | null;
  received_at: string | Date;
  due_at: string | Date | null;
  rescheduled_due_at: string | Date | null;
  unit_code: string | null;
  state: string;
  finished_at: string | Date | null;
  returned_at: string | Date | null;
  result: string | null;
};

/** Mẫu 06: dossiers received in [fromAt, toAt) (optionally now at a unit), in code order, at most `limit`. */
export const findRegister = (db: TDbOrTx, q: { fromAt: string; toAt: string; unitCode?: string; limit: number }) =>
  queryRows<TRegisterRow>(
    db,
    sql`select d.case_id::int as case_id, d.code, coalesce(v.name, c.title) as procedure_name, d.applicant_name, d.applicant_address, d.applicant_phone,
               d.received_at, c.first_due_at as due_at, c.rescheduled_due_at, c.unit_code, c.state, d.finished_at, d.returned_at, d.result
        from dossiers d join cases c on c.id = d.case_id left join procedure_versions v on v.id = d.procedure_version_id
        where d.received_at >= ${q.fromAt}::timestamptz and d.received_at < ${q.toAt}::timestamptz and d.code is not null
          ${q.unitCode ? sql`and c.unit_code = ${q.unitCode}` : sql``}
        order by d.received_at, d.code
        limit ${q.limit}`,
  );
