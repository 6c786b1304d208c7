import { and, asc, eq, sql } from 'drizzle-orm';
import { queryRows, type TDbOrTx } from '../../db/client';
import { reportForms, reportFrame, statsDeflators, statsProducts, statsTetWindows, statsWeights } from '../../db/schema/statistics';

export type TProductRow = typeof statsProducts.$inferSelect;
export type TWeightRowDb = typeof statsWeights.$inferSelect;

// ---------------------------------------------------------------- products

/** Products of the basket, optionally matching a text (code or name, without diacritics). */
export const listProducts = (db: TDbOrTx, q?: string) =>
  q
    ? db
        .select()
        .from(statsProducts)
        .where(sql`f_unaccent(lower(${statsProducts.code} || ' ' || ${statsProducts.nameVi} || ' ' || ${statsProducts.nameEn} || ' ' || ${statsProducts.vsic4})) like '%' || f_unaccent(lower(${q})) || '%'`)
        .orderBy(asc(statsProducts.code))
    : db.select().from(statsProducts).orderBy(asc(statsProducts.code));

export const findProduct = async (db: TDbOrTx, code: string, { forUpdate = false } = {}) => {
  const q = db.select().from(statsProducts).where(eq(statsProducts.code, code)).limit(1);
  return (forUpdate ? await q.for('update') : await q)[0];
};

export const insertProduct = async (db: TDbOrTx, row: typeof statsProducts.$inferInsert) => (await db.insert(statsProducts).values(row).returning())[0];
export const updateProduct = async (db: TDbOrTx, code: string, patch: Partial<typeof statsProducts.$inferInsert>) =>
  (await db.update(statsProducts).set(patch).where(eq(statsProducts.code, code)).returning())[0];

/** Products with an accepted quantity > 0 in a range of months (the nodes of the tree that have data). */
export const findProductsWithData = async (db: TDbOrTx, { from, to }: { from: string; to: string | null }) =>
  new Set(
    (
      await queryRows<{ item: string }>(
        db,
        sql`select distinct c.item from reports r join report_forms rf on rf.code = r.form_code join report_cells c on c.report_id = r.id
            where rf.kind = 'IIP' and r.accepted_revision is not null and c.accepted_value > 0 and r.period >= ${from}
            ${to === null ? sql`` : sql`and r.period <= ${to}`}`,
      )
    ).map((r) => r.item),
  );

// ---------------------------------------------------------------- weights

export const listWeights = (db: TDbOrTx) => db.select().from(statsWeights).orderBy(asc(statsWeights.version), asc(statsWeights.scope), asc(statsWeights.level), asc(statsWeights.code));

/** Replaces the rows of the given (version, scope) pairs by `rows`. */
export const replaceWeights = async (tx: TDbOrTx, pairs: { version: number; scope: string }[], rows: (typeof statsWeights.$inferInsert)[]) => {
  for (const p of pairs) await tx.delete(statsWeights).where(and(eq(statsWeights.version, p.version), eq(statsWeights.scope, p.scope)));
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(statsWeights).values(rows.slice(i, i + 1000));
};

export const setVersionValidFrom = async (tx: TDbOrTx, version: number, validFrom: string) =>
  (await tx.update(statsWeights).set({ validFrom }).where(eq(statsWeights.version, version)).returning({ id: statsWeights.id })).length;

/** Area codes an enterprise can be located in (units and former districts), for weight scopes. */
export const loadAreaCodes = async (db: TDbOrTx) =>
  new Set(
    (
      await queryRows<{ code: string }>(
        db,
        sql`select code from admin_units union select distinct former_district from enterprises where former_district is not null
            union select distinct unit_code from enterprises where unit_code is not null`,
      )
    ).map((r) => r.code),
  );

// ---------------------------------------------------------------- deflators and Tết windows

export const listDeflators = (db: TDbOrTx, year?: number) =>
  year === undefined
    ? db.select().from(statsDeflators).orderBy(asc(statsDeflators.period), asc(statsDeflators.indicator))
    : db.select().from(statsDeflators).where(sql`${statsDeflators.period} like ${`${year}-%`}`).orderBy(asc(statsDeflators.period), asc(statsDeflators.indicator));

export const findDeflator = async (db: TDbOrTx, period: string, indicator: string) =>
  (await db.select().from(statsDeflators).where(and(eq(statsDeflators.period, period), eq(statsDeflators.indicator, indicator))).limit(1))[0];

export const upsertDeflators = async (tx: TDbOrTx, rows: (typeof statsDeflators.$inferInsert)[]) => {
  for (let i = 0; i < rows.length; i += 1000) {
    await tx
      .insert(statsDeflators)
      .values(rows.slice(i, i + 1000))
      .onConflictDoUpdate({ target: [statsDeflators.period, statsDeflators.indicator], set: { priceIndex: sql`excluded.price_index` } });
  }
};

export const deleteDeflator = async (tx: TDbOrTx, period: string, indicator: string) =>
  (await tx.delete(statsDeflators).where(and(eq(statsDeflators.period, period), eq(statsDeflators.indicator, indicator))).returning())[0];

/** Deflator years present, newest first. */
export const listDeflatorYears = async (db: TDbOrTx) =>
  (await queryRows<{ y: string }>(db, sql`select distinct substr(period, 1, 4) as y from stats_deflators order by y desc`)).map((r) => Number(r.y));

export const listTetWindows = (db: TDbOrTx) => db.select().from(statsTetWindows).orderBy(asc(statsTetWindows.year));

export const upsertTetWindows = async (tx: TDbOrTx, rows: (typeof statsTetWindows.$inferInsert)[]) => {
  if (!rows.length) return;
  await tx
    .insert(statsTetWindows)
    .values(rows)
    .onConflictDoUpdate({ target: statsTetWindows.year, set: { start: sql`excluded.start`, end: sql`excluded."end"` } });
};

export const deleteTetWindow = async (tx: TDbOrTx, year: number) => (await tx.delete(statsTetWindows).where(eq(statsTetWindows.year, year)).returning())[0];

// ---------------------------------------------------------------- forms, frame, lock exceptions

export const listForms = async (db: TDbOrTx) =>
  queryRows<{ code: string; kind: string; name_vi: string; name_en: string; deadline_day: number; expiry_days: number; remind_before_days: number; remind_after_days: number; frame_active: number | string; frame_total: number | string }>(
    db,
    sql`select rf.code, rf.kind, rf.name_vi, rf.name_en, rf.deadline_day, rf.expiry_days, rf.remind_before_days, rf.remind_after_days,
               count(f.enterprise_id) filter (where f.active_to is null or f.active_to >= to_char(now() at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM')) as frame_active,
               count(f.enterprise_id) as frame_total
        from report_forms rf left join report_frame f on f.form_code = rf.code
        group by rf.code order by rf.code`,
  );

export const findForm = async (db: TDbOrTx, code: string, { forUpdate = false } = {}) => {
  const q = db.select().from(reportForms).where(eq(reportForms.code, code)).limit(1);
  return (forUpdate ? await q.for('update') : await q)[0];
};

export const updateForm = async (tx: TDbOrTx, code: string, patch: Partial<typeof reportForms.$inferInsert>) =>
  (await tx.update(reportForms).set(patch).where(eq(reportForms.code, code)).returning())[0];

export type TFrameMember = { enterprise_id: number; tax_code: string; name_vi: string; area: string | null; active_from: string; active_to: string | null; total: number | string };

/** Members of a form's frame (name or tax code filter; `active` = in the frame in `month`). */
export const listFrame = (db: TDbOrTx, f: { formCode: string; q?: string; activeIn?: string; page: number; pageSize: number }) =>
  queryRows<TFrameMember>(
    db,
    sql`select e.id as enterprise_id, e.tax_code, e.name_vi, coalesce(e.unit_code, e.former_district) as area, f.active_from, f.active_to, count(*) over () as total
        from report_frame f join enterprises e on e.id = f.enterprise_id
        where f.form_code = ${f.formCode}
          ${f.q ? sql`and (e.tax_code like ${`${f.q}%`} or f_unaccent(lower(e.name_vi)) like '%' || f_unaccent(lower(${f.q})) || '%')` : sql``}
          ${f.activeIn ? sql`and f.active_from <= ${f.activeIn} and (f.active_to is null or f.active_to >= ${f.activeIn})` : sql``}
        order by e.name_vi, e.id limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`,
  );

export const findFrameMember = async (db: TDbOrTx, formCode: string, enterpriseId: number, { forUpdate = false } = {}) => {
  const q = db.select().from(reportFrame).where(and(eq(reportFrame.formCode, formCode), eq(reportFrame.enterpriseId, enterpriseId))).limit(1);
  return (forUpdate ? await q.for('update') : await q)[0];
};

export const insertFrameMember = async (tx: TDbOrTx, row: typeof reportFrame.$inferInsert) => (await tx.insert(reportFrame).values(row).returning())[0];
export const updateFrameMember = async (tx: TDbOrTx, formCode: string, enterpriseId: number, patch: { activeFrom: string; activeTo: string | null }) =>
  (await tx.update(reportFrame).set(patch).where(and(eq(reportFrame.formCode, formCode), eq(reportFrame.enterpriseId, enterpriseId))).returning())[0];

/** Enterprises by tax code (JSON array parameter: one dialect for both drivers). */
export const findEnterprisesByTaxCodes = (db: TDbOrTx, taxCodes: string[]) =>
  queryRows<{ id: number; tax_code: string; name_vi: string }>(
    db,
    sql`select id, tax_code, name_vi from enterprises where tax_code in (select jsonb_array_elements_text(${JSON.stringify(taxCodes)}::jsonb))`,
  );

/** The frame rows of a form for the given enterprises. */
export const findFrameMembers = async (db: TDbOrTx, formCode: string, enterpriseIds: number[]) =>
  queryRows<{ enterprise_id: number; active_from: string; active_to: string | null }>(
    db,
    sql`select enterprise_id, active_from, active_to from report_frame where form_code = ${formCode}
        and enterprise_id in (select (jsonb_array_elements_text(${JSON.stringify(enterpriseIds)}::jsonb))::int)`,
  );

/** Lock exceptions granted for a form, newest first. */
export const listLockExceptions = (db: TDbOrTx, formCode: string) =>
  queryRows<{ id: number; enterprise_id: number; tax_code: string; name_vi: string; period: string; until: string; reason: string; granted_by: string | null; granted_at: Date | string }>(
    db,
    sql`select x.id, x.enterprise_id, e.tax_code, e.name_vi, x.period, x.until::text as until, x.reason, u.username as granted_by, x.granted_at
        from report_lock_exceptions x join enterprises e on e.id = x.enterprise_id left join users u on u.id = x.granted_by
        where x.form_code = ${formCode} order by x.granted_at desc, x.id desc limit 500`,
  );
