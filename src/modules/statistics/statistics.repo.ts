import { and, asc, eq, gte, sql } from 'drizzle-orm';
import { queryRows, type TDbOrTx } from '../../db/client';
import { copyCsvInto, toCopyCsv } from '../../db/copy';
import { iipResults, indicatorRuns, statsDeflators, statsProducts, statsTetWindows, statsWeights, valueResults } from '../../db/schema/statistics';
import type { TIipIndexRow, TValueIndexRow } from '../../domain/stats/stats.types';

/** Ownership sector → group code of the statistics (nhà nước, ngoài nhà nước, FDI). */
export const OWNERSHIP_GROUP: Record<string, string> = { STATE: 'NN', NON_STATE: 'NNN', FDI: 'FDI' };

export const loadProducts = (db: TDbOrTx) => db.select().from(statsProducts).orderBy(asc(statsProducts.code));
export const loadWeights = (db: TDbOrTx) => db.select().from(statsWeights);
export const loadDeflators = (db: TDbOrTx) => db.select().from(statsDeflators);
export const loadTetWindows = (db: TDbOrTx) => db.select().from(statsTetWindows);

/**
 * A fingerprint of what `loadFrame` returns: the frame rows themselves (small) and the latest
 * change of any enterprise (area and ownership come from the registry; an index lookup).
 */
export const loadFrameSignature = async (db: TDbOrTx): Promise<string> => {
  const row = (
    await queryRows<{ frame: string | null; enterprises: string | null }>(
      db,
      sql`select (select md5(string_agg(form_code || ':' || enterprise_id || ':' || active_from || ':' || coalesce(active_to, ''), ',' order by form_code, enterprise_id)) from report_frame) as frame,
                 (select max(updated_at)::text from enterprises) as enterprises`,
    )
  )[0];
  return `${row?.frame ?? ''}|${row?.enterprises ?? ''}`;
};

/** Enterprises of the survey frame of each form kind, with their area and ownership. */
export const loadFrame = (db: TDbOrTx) =>
  queryRows<{ enterprise_id: number; kind: string; active_from: string; active_to: string | null; area: string | null; ownership: string }>(
    db,
    sql`select f.enterprise_id, rf.kind, f.active_from, f.active_to, coalesce(e.unit_code, e.former_district) as area, e.ownership
        from report_frame f join report_forms rf on rf.code = f.form_code join enterprises e on e.id = f.enterprise_id`,
  );

/** The latest month with an accepted report, and the time of the latest acceptance. */
export const loadDataAsOf = async (db: TDbOrTx) => {
  const rows = await queryRows<{ first: string | null; last: string | null; as_of: Date | string | null }>(
    db,
    sql`select min(period) as first, max(period) as last, max(decided_at) as as_of from reports where accepted_revision is not null`,
  );
  return rows[0];
};

const IIP_COLUMNS = ['period', 'scope', 'comparison', 'level', 'code', 'version', 'index', 'contrib_parent_pp', 'contrib_total_pp', 'n_used', 'n_basket', 'weight_coverage', 'imputed_share', 'q_cur', 'q_cmp', 'tet_days_cur', 'tet_days_cmp'];
const VALUE_COLUMNS = ['period', 'scope', 'indicator', 'grp', 'comparison', 'value_cur', 'value_cmp', 'index', 'real_index', 'imputed_share', 'tet_days_cur', 'tet_days_cmp'];

/** Replaces the published figures of every period from `from` on (one transaction, bulk COPY). */
export const replaceResults = async (tx: TDbOrTx, { from, iip, values }: { from: string; iip: TIipIndexRow[]; values: TValueIndexRow[] }) => {
  await tx.delete(iipResults).where(gte(iipResults.period, from));
  await tx.delete(valueResults).where(gte(valueResults.period, from));
  const iipRows = iip.map((r) => [r.period, r.scope, r.comparison, r.level, r.code, r.version, r.index, r.contribParentPp, r.contribTotalPp, r.nUsed, r.nBasket, r.weightCoverage, r.imputedShare, r.qCur, r.qCmp, r.tetDaysCur, r.tetDaysCmp]);
  for (let i = 0; i < iipRows.length; i += 50_000) await copyCsvInto(tx, { table: 'iip_results', columns: IIP_COLUMNS, csv: toCopyCsv(iipRows.slice(i, i + 50_000)) });
  const valueRows = values.map((r) => [r.period, r.scope, r.indicator, r.group, r.comparison, r.valueCur, r.valueCmp, r.index, r.realIndex, r.imputedShare, r.tetDaysCur, r.tetDaysCmp]);
  for (let i = 0; i < valueRows.length; i += 50_000) await copyCsvInto(tx, { table: 'value_results', columns: VALUE_COLUMNS, csv: toCopyCsv(valueRows.slice(i, i + 50_000)) });
};

export const insertRun = async (tx: TDbOrTx, row: typeof indicatorRuns.$inferInsert) => (await tx.insert(indicatorRuns).values(row).returning())[0];

export const findLatestRun = async (db: TDbOrTx) =>
  (await db.select().from(indicatorRuns).orderBy(sql`${indicatorRuns.id} desc`).limit(1))[0];

export const findIipRows = (db: TDbOrTx, f: { period: string; scope: string; comparison: string }) =>
  db
    .select()
    .from(iipResults)
    .where(and(eq(iipResults.period, f.period), eq(iipResults.scope, f.scope), eq(iipResults.comparison, f.comparison)));

export const findValueRows = (db: TDbOrTx, f: { period: string; scope: string }) =>
  db.select().from(valueResults).where(and(eq(valueResults.period, f.period), eq(valueResults.scope, f.scope)));

/** The TOTAL IIP (and values totals) over a range of months, for trend charts. */
export const findIipSeries = (db: TDbOrTx, f: { from: string; to: string; scope: string; comparison: string; level: string; code: string }) =>
  queryRows<{ period: string; index: number | null }>(
    db,
    sql`select period, index from iip_results where scope = ${f.scope} and comparison = ${f.comparison} and level = ${f.level} and code = ${f.code}
        and period between ${f.from} and ${f.to} order by period`,
  );

export const findValueSeries = (db: TDbOrTx, f: { from: string; to: string; scope: string; indicator: string; group: string; comparison: string }) =>
  queryRows<{ period: string; value_cur: number | null; index: number | null; real_index: number | null }>(
    db,
    sql`select period, value_cur, index, real_index from value_results where scope = ${f.scope} and indicator = ${f.indicator} and grp = ${f.group}
        and comparison = ${f.comparison} and period between ${f.from} and ${f.to} order by period`,
  );

/** Expected, received (submitted or accepted), accepted and on-time reports per form for a month. */
export const findCompleteness = (db: TDbOrTx, period: string) =>
  queryRows<{ form_code: string; kind: string; name_vi: string; name_en: string; expected: number | string; received: number | string; accepted: number | string; on_time: number | string }>(
    db,
    sql`with expected as (
          select f.form_code, f.enterprise_id from report_frame f
          where f.active_from <= ${period} and (f.active_to is null or f.active_to >= ${period}))
        select rf.code as form_code, rf.kind, rf.name_vi, rf.name_en,
               count(x.enterprise_id) as expected,
               count(r.id) filter (where r.status in ('SUBMITTED', 'ACCEPTED')) as received,
               count(r.id) filter (where r.status = 'ACCEPTED') as accepted,
               count(r.id) filter (where r.status in ('SUBMITTED', 'ACCEPTED')
                 and r.submitted_at < ((to_date(${period}, 'YYYY-MM') + interval '1 month' + (rf.deadline_day || ' days')::interval)::timestamp at time zone 'Asia/Ho_Chi_Minh')) as on_time
        from report_forms rf
        left join expected x on x.form_code = rf.code
        left join reports r on r.form_code = rf.code and r.enterprise_id = x.enterprise_id and r.period = ${period}
        group by rf.code, rf.kind, rf.name_vi, rf.name_en order by rf.code`,
  );

/** One comparison's TOTAL per scope (IIP) and the retail and export totals per scope and group. */
export const findBreakdown = async (db: TDbOrTx, { period, comparison }: { period: string; comparison: string }) => ({
  iip: await queryRows<{ scope: string; index: number | null; imputed_share: number | null }>(
    db,
    sql`select scope, index, imputed_share from iip_results where period = ${period} and comparison = ${comparison} and level = 'TOTAL' order by scope`,
  ),
  values: await queryRows<{ scope: string; indicator: string; grp: string; value_cur: number | null; index: number | null }>(
    db,
    sql`select scope, indicator, grp, value_cur, index from value_results where period = ${period} and comparison = ${comparison}
        and (grp = 'ALL' or scope = 'ALL') and indicator in ('RETAIL_TOTAL', 'EXPORT') order by scope, indicator, grp`,
  ),
});
