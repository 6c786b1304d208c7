import { sql } from 'drizzle-orm';
import { queryRows, type TDb, type TDbOrTx } from '../../db/client';
import { buildEnterpriseMonths, enterprisePosition, quartiles, sectorSeries, type TEnterpriseMonth } from '../../domain/stats/stats-productivity';
import { hasPermission, type TActor } from '../auth/auth.policy';
import type { TRequestContext } from '../../server/request-context';
import { AppError } from '../../server/errors';

const shiftMonths = (period: string, months: number): string => {
  const index = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};
const monthsFrom = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let p = from; p <= to; p = shiftMonths(p, 1)) out.push(p);
  return out;
};

/** Accepted quantities, workforce, weights and sectors for the months from..to (and optionally one division). */
const loadInput = async (db: TDbOrTx, { from, to, division }: { from: string; to: string; division?: string }) => {
  const divisionFilter = division ? sql`and substr(e.vsic_main, 1, 2) = ${division}` : sql``;
  const [quantities, workers, weights, sectors] = await Promise.all([
    queryRows<{ enterprise_id: number; period: string; item: string; value: number | string }>(
      db,
      sql`select r.enterprise_id, r.period, c.item, c.accepted_value as value
          from reports r join report_forms f on f.code = r.form_code join report_cells c on c.report_id = r.id
          join enterprises e on e.id = r.enterprise_id
          where f.kind = 'IIP' and r.accepted_revision is not null and c.accepted_value is not null and r.period between ${from} and ${to} ${divisionFilter}`,
    ),
    queryRows<{ enterprise_id: number; period: string; value: number | string }>(
      db,
      sql`select r.enterprise_id, r.period, c.accepted_value as value
          from reports r join report_forms f on f.code = r.form_code join report_cells c on c.report_id = r.id
          join enterprises e on e.id = r.enterprise_id
          where f.kind = 'WORKFORCE' and c.item = 'WORKERS' and r.accepted_revision is not null and c.accepted_value is not null
            and r.period between ${from} and ${to} ${divisionFilter}`,
    ),
    queryRows<{ version: number; valid_from: string; code: string; weight: number | string; base_annual_qty: number | string | null }>(
      db,
      sql`select version, valid_from, code, weight, base_annual_qty from stats_weights where level = 'PRODUCT' and scope = 'ALL'`,
    ),
    queryRows<{ id: number; division: string; section: string | null }>(
      db,
      sql`select e.id, substr(e.vsic_main, 1, 2) as division, d.section
          from enterprises e left join vsic_division_section d on d.code = substr(e.vsic_main, 1, 2)
          where e.id in (select r.enterprise_id from reports r join report_forms f on f.code = r.form_code
                         where f.kind = 'WORKFORCE' and r.accepted_revision is not null and r.period between ${from} and ${to}) ${divisionFilter}`,
    ),
  ]);
  return {
    quantities: quantities.map((q) => ({ enterpriseId: q.enterprise_id, period: q.period, productCode: q.item, quantity: Number(q.value) })),
    workers: workers.map((w) => ({ enterpriseId: w.enterprise_id, period: w.period, workers: Number(w.value) })),
    weights: weights.map((w) => ({ version: w.version, validFrom: w.valid_from, code: w.code, weight: Number(w.weight), baseAnnualQty: w.base_annual_qty === null ? null : Number(w.base_annual_qty) })),
    sectors: new Map(sectors.map((s) => [s.id, { division: s.division, section: s.section ?? '?' }])),
  };
};

/**
 * Labour productivity (issue 4 §10): sector series for officers, and each enterprise's own
 * position against the anonymous quartiles of its division (the enterprise sees nothing else).
 */
export const createProductivityService = ({ db, latestPeriod }: { db: TDb; latestPeriod: () => Promise<string | null> }) => {
  const requirePeriod = async (period: string | undefined) => {
    const p = period ?? (await latestPeriod());
    if (!p) throw new AppError('NOT_FOUND', 'No published figures yet');
    return p;
  };

  /** Output per worker by sector (total, sections, divisions) for `months` months to `to`, with the index versus a year earlier and the division quartiles of the last month. */
  const getSectors = async ({ to: toArg, months }: { to?: string; months: number }) => {
    const to = await requirePeriod(toArg);
    const from = shiftMonths(to, -(months - 1));
    const input = await loadInput(db, { from: shiftMonths(from, -12), to });
    const { rows, unvalued } = buildEnterpriseMonths(input);
    const periods = monthsFrom(from, to);
    const points = sectorSeries(rows, periods);
    const last = rows.filter((r) => r.period === to);
    const divisions = [...new Set(last.map((r) => r.division))].sort();
    return {
      from,
      to,
      points,
      quartiles: divisions.map((division) => ({ division, ...quartiles(last.filter((r) => r.division === division).map((r) => r.perWorker)) })),
      unvaluedQuantities: unvalued,
    };
  };

  const canRead = (actor: TActor, enterpriseId: number) =>
    actor.role === 'ENTERPRISE' ? actor.enterpriseIds.includes(enterpriseId) : hasPermission(actor, 'reports.read');

  /** An enterprise's output per worker for 12 months to `period` against its division's quartiles. */
  const getEnterprisePosition = async (ctx: TRequestContext, { enterpriseId, period: periodArg }: { enterpriseId: number; period?: string }) => {
    const actor = ctx.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
    if (!canRead(actor, enterpriseId)) throw new AppError('FORBIDDEN', 'You may only see your own enterprise');
    const period = await requirePeriod(periodArg);
    const division = (await queryRows<{ division: string }>(db, sql`select substr(vsic_main, 1, 2) as division from enterprises where id = ${enterpriseId}`))[0]?.division;
    if (!division) throw new AppError('NOT_FOUND', 'Enterprise not found');
    const from = shiftMonths(period, -11);
    const { rows } = buildEnterpriseMonths(await loadInput(db, { from, to: period, division }));
    const byPeriod = new Map<string, TEnterpriseMonth[]>();
    for (const r of rows) byPeriod.set(r.period, [...(byPeriod.get(r.period) ?? []), r]);
    const history = monthsFrom(from, period).map((p) => {
      const position = enterprisePosition(byPeriod.get(p) ?? [], enterpriseId, p);
      return {
        period: p,
        perWorker: position.own?.perWorker ?? null,
        workers: position.own?.workers ?? null,
        quartile: position.quartile,
        q1: position.quartiles?.q1 ?? null,
        median: position.quartiles?.median ?? null,
        q3: position.quartiles?.q3 ?? null,
        peers: position.quartiles?.count ?? null,
      };
    });
    const current = history[history.length - 1];
    return { enterpriseId, division, period, current, history };
  };

  return { getSectors, getEnterprisePosition };
};

export type TProductivityService = ReturnType<typeof createProductivityService>;
