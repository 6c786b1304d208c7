import { and, asc, desc, eq, gte, sql } from 'drizzle-orm';
import { queryRows, type TDbOrTx } from '../../db/client';
import { reportCellHistory, reportCells, reportForms, reportLockExceptions, reports, statsProducts, statsTetWindows } from '../../db/schema/statistics';

export type TReportKey = { formCode: string; enterpriseId: number; period: string };
export type TReportRow = typeof reports.$inferSelect;

export const findForm = async (db: TDbOrTx, code: string) => (await db.select().from(reportForms).where(eq(reportForms.code, code)).limit(1))[0];
export const listForms = (db: TDbOrTx) => db.select().from(reportForms).orderBy(asc(reportForms.code));
export const listProducts = (db: TDbOrTx) => db.select().from(statsProducts).orderBy(asc(statsProducts.code));
export const listTetWindows = (db: TDbOrTx) => db.select().from(statsTetWindows);

export const findReport = async (db: TDbOrTx, k: TReportKey, { forUpdate = false } = {}) => {
  const q = db
    .select()
    .from(reports)
    .where(and(eq(reports.formCode, k.formCode), eq(reports.enterpriseId, k.enterpriseId), eq(reports.period, k.period)))
    .limit(1);
  return (forUpdate ? await q.for('update') : await q)[0];
};

export const insertReport = async (db: TDbOrTx, row: typeof reports.$inferInsert) => (await db.insert(reports).values(row).returning())[0];
export const updateReport = async (db: TDbOrTx, id: number, patch: Partial<typeof reports.$inferInsert>) =>
  (await db.update(reports).set({ ...patch, updatedAt: new Date() }).where(eq(reports.id, id)).returning())[0];

export const findCells = (db: TDbOrTx, reportId: number) => db.select().from(reportCells).where(eq(reportCells.reportId, reportId)).orderBy(asc(reportCells.item));

export const upsertCell = async (db: TDbOrTx, row: { reportId: number; item: string; value: number; comment: string | null }) => {
  await db.insert(reportCells).values(row).onConflictDoUpdate({ target: [reportCells.reportId, reportCells.item], set: { value: row.value, comment: row.comment } });
};
export const deleteCell = async (db: TDbOrTx, reportId: number, item: string) => {
  await db.delete(reportCells).where(and(eq(reportCells.reportId, reportId), eq(reportCells.item, item)));
};

/** Publishes the working values of a report: accepted_value := value for every cell. */
export const acceptCells = async (db: TDbOrTx, reportId: number) => {
  await db.update(reportCells).set({ acceptedValue: sql`${reportCells.value}` }).where(eq(reportCells.reportId, reportId));
};

export const insertHistory = async (db: TDbOrTx, rows: (typeof reportCellHistory.$inferInsert)[]) => {
  if (rows.length) await db.insert(reportCellHistory).values(rows);
};
export const findHistory = (db: TDbOrTx, reportId: number) => db.select().from(reportCellHistory).where(eq(reportCellHistory.reportId, reportId)).orderBy(desc(reportCellHistory.id));

/** Accepted values of an enterprise by item and period (for the soft rules), from a month on. */
export const findAcceptedHistory = async (db: TDbOrTx, { formCode, enterpriseId, from }: { formCode: string; enterpriseId: number; from: string }) => {
  const rows = await queryRows<{ item: string; period: string; value: number }>(
    db,
    sql`select c.item, r.period, c.accepted_value as value from reports r join report_cells c on c.report_id = r.id
        where r.form_code = ${formCode} and r.enterprise_id = ${enterpriseId} and r.period >= ${from} and c.accepted_value is not null`,
  );
  const byItem = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const m = byItem.get(r.item) ?? new Map<string, number>();
    m.set(r.period, r.value);
    byItem.set(r.item, m);
  }
  return byItem;
};

export const findActiveLockException = async (db: TDbOrTx, k: TReportKey, today: string) =>
  (
    await db
      .select()
      .from(reportLockExceptions)
      .where(and(eq(reportLockExceptions.formCode, k.formCode), eq(reportLockExceptions.enterpriseId, k.enterpriseId), eq(reportLockExceptions.period, k.period), gte(reportLockExceptions.until, today)))
      .limit(1)
  )[0];

export const insertLockException = async (db: TDbOrTx, row: typeof reportLockExceptions.$inferInsert) => (await db.insert(reportLockExceptions).values(row).returning())[0];

/** Is the enterprise in the frame of the form for the month? */
export const isInFrame = async (db: TDbOrTx, k: TReportKey) =>
  (
    await queryRows<{ ok: number }>(
      db,
      sql`select 1 as ok from report_frame where form_code = ${k.formCode} and enterprise_id = ${k.enterpriseId}
          and active_from <= ${k.period} and (active_to is null or active_to >= ${k.period})`,
    )
  ).length > 0;

/** The frame members of a form that have not sent (submitted or accepted) a report for a month. */
export const findNonReporters = (db: TDbOrTx, { formCode, period }: { formCode: string; period: string }) =>
  queryRows<{ enterprise_id: number; tax_code: string; name_vi: string; email: string | null; status: string | null }>(
    db,
    sql`select e.id as enterprise_id, e.tax_code, e.name_vi, e.email, r.status
        from report_frame f join enterprises e on e.id = f.enterprise_id
        left join reports r on r.form_code = f.form_code and r.enterprise_id = f.enterprise_id and r.period = ${period}
        where f.form_code = ${formCode} and f.active_from <= ${period} and (f.active_to is null or f.active_to >= ${period})
          and (r.id is null or r.status not in ('SUBMITTED', 'ACCEPTED'))
        order by e.name_vi limit 2000`,
  );

export const listReports = (db: TDbOrTx, f: { formCode?: string; period?: string; status?: string; q?: string; enterpriseIds?: number[]; page: number; pageSize: number }) =>
  queryRows<{ id: number; form_code: string; enterprise_id: number; tax_code: string; name_vi: string; period: string; status: string; revision: number; accepted_revision: number | null; submitted_at: Date | string | null; decided_at: Date | string | null; total: number | string }>(
    db,
    sql`select r.id, r.form_code, r.enterprise_id, e.tax_code, e.name_vi, r.period, r.status, r.revision, r.accepted_revision, r.submitted_at, r.decided_at, count(*) over () as total
        from reports r join enterprises e on e.id = r.enterprise_id
        where true ${f.formCode ? sql`and r.form_code = ${f.formCode}` : sql``} ${f.period ? sql`and r.period = ${f.period}` : sql``}
          ${f.status ? sql`and r.status = ${f.status}` : sql``}
          ${f.q ? sql`and (e.tax_code like ${`${f.q}%`} or f_unaccent(lower(e.name_vi)) like '%' || f_unaccent(lower(${f.q})) || '%')` : sql``}
          ${f.enterpriseIds ? sql`and r.enterprise_id in (select (jsonb_array_elements_text(${JSON.stringify(f.enterpriseIds)}::jsonb))::int)` : sql``}
        order by r.period desc, e.name_vi limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`,
  );

/** E-mail addresses of enterprise users, by enterprise. */
export const findEnterpriseUserEmails = async (db: TDbOrTx): Promise<Map<number, string[]>> => {
  const rows = await queryRows<{ enterprise_id: number; email: string }>(
    db,
    sql`select unnest(enterprise_ids) as enterprise_id, email from users where role = 'ENTERPRISE' and not disabled and email is not null`,
  );
  const map = new Map<number, string[]>();
  for (const r of rows) map.set(Number(r.enterprise_id), [...(map.get(Number(r.enterprise_id)) ?? []), r.email]);
  return map;
};

/** Counts of a form and month: frame members expected, reports sent (submitted or accepted), sent by the deadline, accepted, returned, drafts. */
export const countCompleteness = async (db: TDbOrTx, { formCode, period, deadline }: { formCode: string; period: string; deadline: Date }) =>
  (
    await queryRows<{ expected: number | string; submitted: number | string; on_time: number | string; accepted: number | string; returned: number | string; drafts: number | string }>(
      db,
      sql`select count(*) as expected,
            count(*) filter (where r.status in ('SUBMITTED', 'ACCEPTED')) as submitted,
            count(*) filter (where r.status in ('SUBMITTED', 'ACCEPTED') and r.submitted_at <= ${deadline.toISOString()}::timestamptz) as on_time,
            count(*) filter (where r.status = 'ACCEPTED') as accepted,
            count(*) filter (where r.status = 'RETURNED') as returned,
            count(*) filter (where r.status = 'DRAFT') as drafts
          from report_frame f
          left join reports r on r.form_code = f.form_code and r.enterprise_id = f.enterprise_id and r.period = ${period}
          where f.form_code = ${formCode} and f.active_from <= ${period} and (f.active_to is null or f.active_to >= ${period})`,
    )
  )[0];

/** The frame rows of some enterprises (which forms they send, from/to which month). */
export const findFrameOf = (db: TDbOrTx, enterpriseIds: number[]) =>
  queryRows<{ form_code: string; enterprise_id: number; tax_code: string; name_vi: string; active_from: string; active_to: string | null }>(
    db,
    sql`select f.form_code, f.enterprise_id, e.tax_code, e.name_vi, f.active_from, f.active_to
        from report_frame f join enterprises e on e.id = f.enterprise_id
        where f.enterprise_id in (select (jsonb_array_elements_text(${JSON.stringify(enterpriseIds)}::jsonb))::int)
        order by f.enterprise_id, f.form_code`,
  );

/** The reports of some enterprises from a month on, with the lock exceptions still running. */
export const findReportsOf = (db: TDbOrTx, { enterpriseIds, from, today }: { enterpriseIds: number[]; from: string; today: string }) =>
  queryRows<{ form_code: string; enterprise_id: number; period: string; status: string | null; submitted_at: Date | string | null; return_reason: string | null; exception_until: string | null }>(
    db,
    sql`select k.form_code, k.enterprise_id, k.period, r.status, r.submitted_at, r.return_reason, x.until as exception_until
        from (select form_code, enterprise_id, period from reports where period >= ${from}
                and enterprise_id in (select (jsonb_array_elements_text(${JSON.stringify(enterpriseIds)}::jsonb))::int)
              union
              select form_code, enterprise_id, period from report_lock_exceptions where period >= ${from} and until >= ${today}::date
                and enterprise_id in (select (jsonb_array_elements_text(${JSON.stringify(enterpriseIds)}::jsonb))::int)) k
        left join reports r on r.form_code = k.form_code and r.enterprise_id = k.enterprise_id and r.period = k.period
        left join lateral (select max(until)::text as until from report_lock_exceptions l
                           where l.form_code = k.form_code and l.enterprise_id = k.enterprise_id and l.period = k.period and l.until >= ${today}::date) x on true`,
  );
