import { asc, desc, eq, sql } from 'drizzle-orm';
import { queryRows, type TDbOrTx } from '../../db/client';
import { procedureFields, procedures, procedureVersions, publicationDecisions } from '../../db/schema/procedures';

export type TVersionRow = typeof procedureVersions.$inferSelect;

export const listFields = (db: TDbOrTx) => db.select().from(procedureFields).orderBy(asc(procedureFields.code));

export const findProcedureByCode = async (db: TDbOrTx, code: string) => (await db.select().from(procedures).where(eq(procedures.code, code)).limit(1))[0];

export const insertProcedure = async (db: TDbOrTx, row: typeof procedures.$inferInsert) => (await db.insert(procedures).values(row).returning())[0];

export const insertDecision = async (db: TDbOrTx, row: typeof publicationDecisions.$inferInsert) => (await db.insert(publicationDecisions).values(row).returning())[0];

export const findDecisionByNumber = async (db: TDbOrTx, number: string) =>
  (await db.select().from(publicationDecisions).where(eq(publicationDecisions.number, number)).limit(1))[0];

export const listDecisions = (db: TDbOrTx) =>
  db
    .select({
      id: publicationDecisions.id,
      number: publicationDecisions.number,
      signedOn: publicationDecisions.signedOn,
      issuer: publicationDecisions.issuer,
      note: publicationDecisions.note,
      items: sql<number>`(select count(*)::int from procedure_versions v where v.decision_id = "publication_decisions"."id")`,
    })
    .from(publicationDecisions)
    .orderBy(desc(publicationDecisions.signedOn), desc(publicationDecisions.id));

export const insertVersion = async (db: TDbOrTx, row: typeof procedureVersions.$inferInsert) => (await db.insert(procedureVersions).values(row).returning())[0];

/** Every version of a procedure, oldest first, with its decision. */
export const findVersions = (db: TDbOrTx, procedureId: number) =>
  db
    .select({ version: procedureVersions, decision: publicationDecisions })
    .from(procedureVersions)
    .innerJoin(publicationDecisions, eq(publicationDecisions.id, procedureVersions.decisionId))
    .where(eq(procedureVersions.procedureId, procedureId))
    .orderBy(asc(procedureVersions.effectiveFrom));

export type TCatalogueRow = {
  version_id: number;
  code: string;
  field_code: string;
  field_name: string;
  name: string;
  change_kind: string;
  effective_from: string;
  implementation_level: string;
  online_service_level: string;
  processing_time_value: string;
  processing_time_unit: string;
  total: number | string;
};

/** The catalogue in force at a date: for each procedure the latest version effective on that date. */
export const findCatalogue = async (
  db: TDbOrTx,
  f: { at: string; q?: string; field?: string; level?: string; onlineLevel?: string; status?: string; page: number; pageSize: number },
) => {
  const words = (f.q ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .split(/[^a-z0-9.]+/)
    .filter(Boolean);
  const statusKinds = f.status === 'PUBLIC' ? ['NEW'] : f.status === 'AMENDED' ? ['AMENDED', 'REPLACED'] : f.status === 'ABOLISHED' ? ['ABOLISHED'] : null;
  const rows = await queryRows<TCatalogueRow>(
    db,
    sql`with current as (
          select distinct on (v.procedure_id) v.*, p.code, p.field_code
          from procedure_versions v join procedures p on p.id = v.procedure_id
          where v.effective_from <= ${f.at}
          order by v.procedure_id, v.effective_from desc)
        select c.id as version_id, c.code, c.field_code, pf.name_vi as field_name, c.name, c.change_kind, c.effective_from::text as effective_from,
               c.implementation_level, c.online_service_level, c.processing_time_value::text as processing_time_value, c.processing_time_unit,
               count(*) over () as total
        from current c join procedure_fields pf on pf.code = c.field_code
        where true
          ${f.field ? sql`and c.field_code = ${f.field}` : sql``}
          ${f.level ? sql`and c.implementation_level = ${f.level}` : sql``}
          ${f.onlineLevel ? sql`and c.online_service_level = ${f.onlineLevel}` : sql``}
          ${statusKinds ? sql`and c.change_kind in (select jsonb_array_elements_text(${JSON.stringify(statusKinds)}::jsonb))` : sql``}
          ${sql.join(words.map((w) => sql`and (c.search_text like ${'%' + w + '%'} or lower(c.code) like ${w + '%'})`), sql` `)}
        order by c.field_code, c.code
        limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`,
  );
  return { rows, total: Number(rows[0]?.total ?? 0) };
};
