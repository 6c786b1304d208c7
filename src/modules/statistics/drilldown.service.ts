import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type TDb } from '../../db/client';
import { enterprises, iipResults, statsProducts } from '../../db/schema';
import { buildEnterpriseWhere } from '../enterprises/enterprises.repo';
import { hasPermission } from '../auth/auth.policy';
import type { TRequestContext } from '../../server/request-context';
import { AppError } from '../../server/errors';

export type TDrilldownComparison = 'MOM' | 'YOY' | 'YTD';

const shiftMonths = (period: string, months: number): string => {
  const index = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/**
 * The current and comparison spans of a comparison, as the engine takes them
 * (spec statistics.md): MOM the month against the month before, YOY against the same month a year
 * earlier, YTD January..month against the same span a year earlier.
 */
export const drilldownSpans = (period: string, comparison: TDrilldownComparison) => {
  if (comparison === 'MOM') return { current: { from: period, to: period }, compared: { from: shiftMonths(period, -1), to: shiftMonths(period, -1) } };
  const lastYear = shiftMonths(period, -12);
  if (comparison === 'YOY') return { current: { from: period, to: period }, compared: { from: lastYear, to: lastYear } };
  return { current: { from: `${period.slice(0, 4)}-01`, to: period }, compared: { from: `${lastYear.slice(0, 4)}-01`, to: lastYear } };
};

const num = (v: number | string | null | undefined): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * IIP drill-down to enterprises (issue 4 §8): for one basket product, the enterprises whose
 * accepted reports carry it, with their quantities in the current and comparison spans. The
 * engine's product quantity (qCur of the IIP table) is the sum of these plus the imputed
 * quantities of non-reporters, which the answer gives beside them so the two reconcile.
 * Area officers see only the enterprises of their own areas.
 */
export const createDrilldownService = ({ db, latestPeriod }: { db: TDb; latestPeriod: () => Promise<string | null> }) => {
  const getProductEnterprises = async (ctx: TRequestContext, { period: periodArg, product, comparison }: { period?: string; product: string; comparison: TDrilldownComparison }) => {
    const actor = ctx.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
    if (actor.role === 'ENTERPRISE' || !hasPermission(actor, 'reports.read')) throw new AppError('FORBIDDEN', 'Enterprise figures are for officers who read reports');
    const period = periodArg ?? (await latestPeriod());
    if (!period) throw new AppError('NOT_FOUND', 'No published figures yet');
    const info = (await db.select().from(statsProducts).where(eq(statsProducts.code, product)))[0];
    if (!info) throw new AppError('NOT_FOUND', `Product ${product} not found`);
    const { current, compared } = drilldownSpans(period, comparison);
    const scoped = actor.role === 'AREA_OFFICER';
    const scopeWhere = scoped ? buildEnterpriseWhere({ scopeUnits: actor.unitCodes }, { fuzzy: false }) : undefined;
    const rows = await queryRows<{ id: number; tax_code: string; name_vi: string; area: string | null; unit: string | null; ownership: string; q_cur: number | string; q_cmp: number | string; months_cur: number | string; months_cmp: number | string; in_scope: boolean }>(
      db,
      sql`select ${enterprises.id} as id, ${enterprises.taxCode} as tax_code, ${enterprises.nameVi} as name_vi,
                 ${enterprises.formerDistrict} as area, ${enterprises.unitCode} as unit, ${enterprises.ownership} as ownership,
                 sum(case when r.period between ${current.from} and ${current.to} then c.accepted_value else 0 end) as q_cur,
                 sum(case when r.period between ${compared.from} and ${compared.to} then c.accepted_value else 0 end) as q_cmp,
                 count(distinct case when r.period between ${current.from} and ${current.to} then r.period end) as months_cur,
                 count(distinct case when r.period between ${compared.from} and ${compared.to} then r.period end) as months_cmp,
                 ${scopeWhere ? sql`bool_and(${scopeWhere})` : sql`true`} as in_scope
          from reports r join report_forms f on f.code = r.form_code join report_cells c on c.report_id = r.id
          join enterprises on ${enterprises.id} = r.enterprise_id
          where f.kind = 'IIP' and c.item = ${product} and r.accepted_revision is not null and c.accepted_value is not null
            and (r.period between ${current.from} and ${current.to} or r.period between ${compared.from} and ${compared.to})
          group by ${enterprises.id}, ${enterprises.taxCode}, ${enterprises.nameVi}, ${enterprises.formerDistrict}, ${enterprises.unitCode}, ${enterprises.ownership}`,
    );
    // Shares are of the whole product (all reporters); an area officer sees only the rows of their areas.
    const totalCur = rows.reduce((s, r) => s + Number(r.q_cur), 0);
    const items = rows.filter((r) => r.in_scope).map((r) => ({ enterpriseId: r.id, taxCode: r.tax_code, name: r.name_vi, area: r.area, unit: r.unit, ownership: r.ownership, qCur: Number(r.q_cur), qCmp: Number(r.q_cmp), monthsCur: Number(r.months_cur), monthsCmp: Number(r.months_cmp) }));
    const shownCur = items.reduce((s, r) => s + r.qCur, 0);
    const shownCmp = items.reduce((s, r) => s + r.qCmp, 0);
    items.sort((a, b) => b.qCur - a.qCur || b.qCmp - a.qCmp || a.enterpriseId - b.enterpriseId);
    const published = (
      await db
        .select({ qCur: iipResults.qCur, qCmp: iipResults.qCmp, index: iipResults.index, imputedShare: iipResults.imputedShare })
        .from(iipResults)
        .where(and(eq(iipResults.period, period), eq(iipResults.scope, 'ALL'), eq(iipResults.comparison, comparison), eq(iipResults.level, 'PRODUCT'), eq(iipResults.code, product)))
    )[0];
    return {
      period,
      comparison,
      product: { code: info.code, vsic4: info.vsic4, nameVi: info.nameVi, nameEn: info.nameEn, unit: info.unit },
      spans: { current, compared },
      scope: scoped ? ('AREA' as const) : ('ALL' as const),
      totals: { qCur: shownCur, qCmp: shownCmp, enterprises: items.length, reportedQCur: totalCur },
      published: published
        ? { qCur: num(published.qCur), qCmp: num(published.qCmp), index: num(published.index), imputedShare: num(published.imputedShare) }
        : null,
      rows: items.map((r) => ({
        ...r,
        // No change for an enterprise that has not reported the product in the current span (yet).
        changePct: r.qCmp > 0 && r.monthsCur > 0 ? (r.qCur / r.qCmp - 1) * 100 : null,
        sharePct: totalCur > 0 ? (r.qCur / totalCur) * 100 : null,
      })),
    };
  };

  return { getProductEnterprises };
};

export type TDrilldownService = ReturnType<typeof createDrilldownService>;
