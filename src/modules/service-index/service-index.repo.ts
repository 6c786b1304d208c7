/**
 * Queries of the service index. Dossiers are filtered by receipt instant in the period (Vietnam
 * days). Dossiers whose national-portal classification is stored (finished) are aggregated in SQL
 * with the same rules as src/domain/service-index (stored classifications; the SQL form of the
 * per-dossier TT01 scores below mirrors `scoreDossier`); dossiers still in progress (or finished
 * without a stored classification) are loaded as facts and classified by the domain functions.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type TDbOrTx } from '../../db/client';

/** Filter of every statistic: receipt instants [fromAt, toAt), optional procedure, unit, channel, agency. */
export type TStatsFilter = {
  fromAt: string;
  toAt: string;
  procedureId?: number;
  unitCode?: string;
  channel?: string;
  agencyCode?: string;
};

/** Vietnam date of a timestamptz column. */
const vnDate = (column: string): SQL => sql.raw(`((${column} at time zone 'UTC') + interval '7 hours')::date`);

/** Outcome of a dossier (domain TDossierOutcome) from its milestones. */
const OUTCOME = sql.raw(`case when d.result in ('APPROVED', 'REFUSED') and d.finished_at is not null then d.result
  when d.stopped_at is not null then 'STOPPED'
  when d.finished_at is not null then 'APPROVED'
  else 'IN_PROGRESS' end`);

const where = (f: TStatsFilter): SQL => sql`d.received_at >= ${f.fromAt}::timestamptz and d.received_at < ${f.toAt}::timestamptz
  ${f.procedureId !== undefined ? sql`and d.procedure_id = ${f.procedureId}` : sql``}
  ${f.unitCode !== undefined ? sql`and c.unit_code = ${f.unitCode}` : sql``}
  ${f.channel !== undefined ? sql`and d.channel = ${f.channel}` : sql``}
  ${f.agencyCode !== undefined ? sql`and d.agency_code = ${f.agencyCode}` : sql``}`;

/**
 * National-portal class computed in SQL (the SQL form of classifyNational): the stored class of a
 * finished dossier; in progress: more than one supplement request → LATE; without appointment →
 * ON_TIME when there is no legal time either, else left to the domain (null); otherwise the end
 * (one open supplement: its request; else `endAt`, the earlier of period end and now) minus a
 * closed supplement's waiting time, compared with the appointment (EARLY before its date,
 * ON_TIME up to it). null = the domain must classify the dossier.
 */
const NATIONAL = (endAt: string): SQL => sql`cross join lateral (
    -- The pauses are read for dossiers in progress only (a one-time filter for the others).
    select case
      when o.outcome <> 'IN_PROGRESS' then d.timeliness_portal
      when sp.n > 1 then 'LATE'
      when coalesce(c.first_due_at, c.due_at) is null then case when c.deadline_value is null then 'ON_TIME' end
      when ${vnDate('x.eff')} < ${vnDate('coalesce(c.first_due_at, c.due_at)')} then 'EARLY'
      when x.eff <= coalesce(c.first_due_at, c.due_at) then 'ON_TIME'
      else 'LATE' end as national
    from (select count(*)::int as n, max(p.started_at) filter (where p.ended_at is null) as open_at, max(p.started_at) as req_at, max(p.ended_at) as done_at
          from case_pauses p where o.outcome = 'IN_PROGRESS' and p.case_id = d.case_id and p.kind = 'SUPPLEMENT') sp
    cross join lateral (select case when sp.n = 1 and sp.open_at is not null then sp.open_at else ${endAt}::timestamptz end as end_at) e
    cross join lateral (select e.end_at - case when sp.n = 1 and sp.open_at is null then greatest(interval '0', least(sp.done_at, e.end_at) - sp.req_at) else interval '0' end as eff) x
  ) n`;

/**
 * The case and the evaluation of a dossier, looked up by key for each dossier (`offset 0` keeps
 * the subquery from being flattened): the live dossiers of a period are few, and a hash join
 * would read all of `cases` (PGlite: ~280 ms for 50,000 rows).
 */
const CASE_OF_DOSSIER = sql.raw(`cross join lateral (select * from cases c0 where c0.id = d.case_id offset 0) c`);
const EVALUATION_OF_DOSSIER = sql.raw(`left join lateral (select * from dossier_evaluations e0 where e0.case_id = d.case_id offset 0) e on true`);

/**
 * Dossiers without a stat-facts row: in progress, or finished without a stored national class
 * (the complement of `stored` for finished dossiers; the predicate of the partial index
 * `dossiers_live_received_idx`, written the same way so the planner uses it).
 */
const LIVE = sql.raw(`(d.timeliness_portal is null or (d.finished_at is null and d.stopped_at is null))`);

/**
 * The dossiers of `condition` with their outcome and legal class (the SQL form of classifyLegal:
 * stored class, else EARLY before the due date, ON_TIME up to dueAt, LATE after; in progress
 * IN_TIME up to dueAt at `asOf`, OVERDUE after; no deadline → ON_TIME / IN_TIME), with
 * `nationalEnd` their national class (`stored` = classified here; the others go to the domain),
 * whether a component file is attached (`digitised`) and the TT01 indicator 2 of their steps
 * (worst step: date before due 2, up to dueAt 1, else 0). The same select fills the stat facts of
 * finished dossiers (`refreshStatFacts`), whose values do not depend on asOf or nationalEnd.
 */
const liveSelect = (condition: SQL, asOf: string, nationalEnd?: string, extras: { digitised?: boolean; stepScore?: boolean } = {}): SQL => sql`
  select d.case_id, d.agency_code, d.procedure_id, d.channel, d.received_at, d.finished_at,
         d.supplement_count, d.fee_vnd, d.paid_online, d.has_e_result, c.unit_code, c.assignee_id,
         e.contacts_count, e.agencies_contacted, e.had_complaint, e.satisfaction, o.outcome,
         case when o.outcome = 'STOPPED' then 'STOPPED'
              when o.outcome = 'IN_PROGRESS' then case when c.due_at is null or c.due_at >= ${asOf}::timestamptz then 'IN_TIME' else 'OVERDUE' end
              when d.timeliness_legal is not null then d.timeliness_legal
              when c.due_at is null then 'ON_TIME'
              when ${vnDate('d.finished_at')} < ${vnDate('c.due_at')} then 'EARLY'
              when d.finished_at <= c.due_at then 'ON_TIME'
              else 'LATE' end as legal,
         ${nationalEnd ? sql`n.national` : sql`d.timeliness_portal`} as national,
         ${nationalEnd ? sql`n.national is not null` : sql`(o.outcome <> 'IN_PROGRESS' and d.timeliness_portal is not null)`} as stored,
         ${extras.digitised ? sql`exists (select 1 from case_attachments a where a.case_id = d.case_id and a.purpose = 'COMPONENT')` : sql`null::boolean`} as digitised,
         ${
           extras.stepScore
             ? sql`(select min(case when ${vnDate('coalesce(s.finished_at, d.finished_at)')} < ${vnDate('s.due_at')} then 2
                          when coalesce(s.finished_at, d.finished_at) <= s.due_at then 1 else 0 end)
          from case_steps s where s.case_id = d.case_id and s.due_at is not null)`
             : sql`null::int`
         } as step_score
  from dossiers d
  ${CASE_OF_DOSSIER}
  ${EVALUATION_OF_DOSSIER}
  cross join lateral (select ${OUTCOME} as outcome) o
  ${nationalEnd ? NATIONAL(nationalEnd) : sql``}
  where ${condition}`;

/** The filter on stat-facts rows (same meaning as `where`). */
const whereFacts = (f: TStatsFilter): SQL => sql`x.received_at >= ${f.fromAt}::timestamptz and x.received_at < ${f.toAt}::timestamptz
  ${f.procedureId !== undefined ? sql`and x.procedure_id = ${f.procedureId}` : sql``}
  ${f.unitCode !== undefined ? sql`and x.unit_code = ${f.unitCode}` : sql``}
  ${f.channel !== undefined ? sql`and x.channel = ${f.channel}` : sql``}
  ${f.agencyCode !== undefined ? sql`and x.agency_code = ${f.agencyCode}` : sql``}`;

/** `base`: the live dossiers of the filter (the finished ones are read from the daily aggregates). */
const base = (f: TStatsFilter, asOf: string, nationalEnd?: string, extras: { digitised?: boolean; stepScore?: boolean } = {}): SQL =>
  sql`base as (${liveSelect(sql`${where(f)} and ${LIVE}`, asOf, nationalEnd, extras)})`;

/** First and last (exclusive) Vietnam day of the filter (its instants are Vietnam midnights, see resolvePeriod). */
const daysOf = (f: TStatsFilter): { from: string; to: string } => {
  const day = (at: string) => {
    if (!/^\d{4}-\d{2}-\d{2}T00:00:00\+07:00$/.test(at)) throw new Error(`statistics filter: ${at} is not a Vietnam midnight`);
    return at.slice(0, 10);
  };
  return { from: day(f.fromAt), to: day(f.toAt) };
};

/** The dimension filters on aggregate rows (same meaning as `where`; the days are chosen by statRows). */
const whereDims = (f: TStatsFilter): SQL => sql`true
  ${f.procedureId !== undefined ? sql`and s.procedure_id = ${f.procedureId}` : sql``}
  ${f.unitCode !== undefined ? sql`and s.unit_code = ${f.unitCode}` : sql``}
  ${f.channel !== undefined ? sql`and s.channel = ${f.channel}` : sql``}
  ${f.agencyCode !== undefined ? sql`and s.agency_code = ${f.agencyCode}` : sql``}`;

const firstOfMonth = (iso: string): string => `${iso.slice(0, 7)}-01`;
const nextMonth = (iso: string): string => {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};

/**
 * The aggregate rows of the filter's days: the full calendar months from dossier_stat_months, the
 * days before and after them from dossier_stat_days (a year reads ~400 month rows, not ~6,500 days).
 */
const statRows = (f: TStatsFilter): SQL => {
  const d = daysOf(f);
  const full = d.from === firstOfMonth(d.from) ? d.from : nextMonth(d.from);
  const fullEnd = firstOfMonth(d.to);
  const cols = sql.raw(DAY_COLUMNS);
  if (full >= fullEnd) return sql`(select ${cols} from dossier_stat_days where day >= ${d.from}::date and day < ${d.to}::date)`;
  return sql`(select ${cols} from dossier_stat_days where (day >= ${d.from}::date and day < ${full}::date) or (day >= ${fullEnd}::date and day < ${d.to}::date)
              union all
              select ${cols} from dossier_stat_months where day >= ${full}::date and day < ${fullEnd}::date)`;
};

const DAY_COLUMNS = `day, agency_code, procedure_id, unit_code, channel, assignee_id, received, early, on_time, late, stopped, national_early, national_late,
  online_qualified, approved, approved_e_result, digitised, e_result, digitised_e_result, fee_dossiers, fee_paid_online, paid_online, dissatisfied,
  finished_result, handling_days, s1, c1, s2, c2, s3, c3, s4, c4, s7, c7, late_no_complaint, online_late`;

/**
 * Daily aggregates of the stat facts received in [fromAt, toAt) (or all): the same counts as the
 * per-dossier queries below (aggregateOnTime, aggregate766, aggregateTt01) give for these
 * dossiers; TT01 indicator 7 leaves out the late dossiers without complaint, counted apart.
 */
const insertDays = (range: { fromAt: string; toAt: string } | null): SQL => sql`
  insert into dossier_stat_days (${sql.raw(DAY_COLUMNS)})
  select ${vnDate('x.received_at')}, x.agency_code, x.procedure_id, x.unit_code, x.channel, x.assignee_id, count(*),
         count(*) filter (where x.legal = 'EARLY'), count(*) filter (where x.legal = 'ON_TIME'), count(*) filter (where x.legal = 'LATE'),
         count(*) filter (where x.legal = 'STOPPED'), count(*) filter (where x.national = 'EARLY'), count(*) filter (where x.national = 'LATE'),
         count(*) filter (where x.channel = 'ONLINE' and not (x.outcome = 'APPROVED' and not x.has_e_result)),
         count(*) filter (where x.outcome = 'APPROVED'), count(*) filter (where x.outcome = 'APPROVED' and x.has_e_result),
         count(*) filter (where x.digitised), count(*) filter (where x.has_e_result), count(*) filter (where x.digitised and x.has_e_result),
         count(*) filter (where x.fee_vnd > 0), count(*) filter (where x.fee_vnd > 0 and x.paid_online), count(*) filter (where x.paid_online),
         count(*) filter (where x.had_complaint or x.satisfaction = 'DISSATISFIED'),
         count(*) filter (where x.outcome in ('APPROVED', 'REFUSED') and x.finished_at is not null),
         coalesce(sum(greatest(0, extract(epoch from (x.finished_at - x.received_at)) / 86400.0)) filter (where x.outcome in ('APPROVED', 'REFUSED') and x.finished_at is not null), 0),
         coalesce(sum(case x.legal when 'EARLY' then 2 when 'ON_TIME' then 1 else 0 end) filter (where x.outcome in ('APPROVED', 'REFUSED')), 0),
         count(*) filter (where x.outcome in ('APPROVED', 'REFUSED')),
         coalesce(sum(x.step_score) filter (where x.outcome in ('APPROVED', 'REFUSED')), 0), count(x.step_score) filter (where x.outcome in ('APPROVED', 'REFUSED')),
         coalesce(sum(case coalesce(x.contacts_count, x.supplement_count) when 0 then 2 when 1 then 1 else 0 end) filter (where x.outcome in ('APPROVED', 'REFUSED')), 0),
         count(*) filter (where x.outcome in ('APPROVED', 'REFUSED')),
         coalesce(sum(case x.agencies_contacted when 'NONE' then 2 when 'ONE_STOP_ONLY' then 1 when 'SEVERAL' then 0 end) filter (where x.outcome in ('APPROVED', 'REFUSED')), 0),
         count(case x.agencies_contacted when 'NONE' then 2 when 'ONE_STOP_ONLY' then 1 when 'SEVERAL' then 0 end) filter (where x.outcome in ('APPROVED', 'REFUSED')),
         coalesce(sum(case when x.had_complaint then 0 when x.legal = 'EARLY' then 2 when x.legal = 'ON_TIME' then 1 else 0 end) filter (where x.outcome in ('APPROVED', 'REFUSED')), 0),
         count(*) filter (where x.outcome in ('APPROVED', 'REFUSED')),
         count(*) filter (where x.outcome in ('APPROVED', 'REFUSED') and x.had_complaint is not true and x.legal not in ('EARLY', 'ON_TIME')),
         count(*) filter (where x.channel = 'ONLINE' and x.legal in ('LATE', 'OVERDUE'))
  from dossier_stat_facts x
  ${range ? sql`where x.received_at >= ${range.fromAt}::timestamptz and x.received_at < ${range.toAt}::timestamptz` : sql``}
  group by 1, 2, 3, 4, 5, 6`;

/**
 * Recomputes the stat facts of some dossiers (or of all) with the select of the statistics:
 * called in the transaction of every change of a dossier (the dossier service), after bulk loads
 * (demo history) and when the table is empty while finished dossiers exist (first read after the
 * migration or a restore). A dossier that is not finished (or has no stored class) has no row.
 */
export const refreshStatFacts = async (db: TDbOrTx, caseIds: readonly number[] | 'all'): Promise<void> => {
  if (caseIds !== 'all' && caseIds.length === 0) return;
  const ids = caseIds === 'all' ? null : sql`(select (jsonb_array_elements_text(${JSON.stringify(caseIds)}::jsonb))::bigint)`;
  // The receipt days whose aggregates are rebuilt, each under a transaction lock (two concurrent
  // changes of one day would otherwise each rebuild it from a snapshot without the other's facts).
  const days = ids
    ? (await queryRows<{ day: string }>(db, sql`select distinct ${vnDate('d.received_at')}::text as day from dossiers d where d.received_at is not null and d.case_id in ${ids} order by 1`)).map((r) => r.day)
    : [];
  for (const day of days) await db.execute(sql`select pg_advisory_xact_lock(5005, (${day}::date - date '2000-01-01')::int)`);
  const removed = await queryRows<{ case_id: number }>(
    db,
    ids ? sql`delete from dossier_stat_facts where case_id in ${ids} returning case_id` : sql`delete from dossier_stat_facts`,
  );
  const inserted = await queryRows<{ case_id: number }>(
    db,
    sql`insert into dossier_stat_facts (case_id, received_at, finished_at, agency_code, procedure_id, channel, unit_code, assignee_id, outcome, legal, national,
                                        supplement_count, fee_vnd, paid_online, has_e_result, digitised, contacts_count, agencies_contacted, had_complaint, satisfaction, step_score)
        select b.case_id, b.received_at, b.finished_at, b.agency_code, b.procedure_id, b.channel, b.unit_code, b.assignee_id, b.outcome, b.legal, b.national,
               b.supplement_count, b.fee_vnd, b.paid_online, b.has_e_result, b.digitised, b.contacts_count, b.agencies_contacted, b.had_complaint, b.satisfaction, b.step_score
        from (${liveSelect(sql`d.received_at is not null and not ${LIVE} ${ids ? sql`and d.case_id in ${ids}` : sql``}`, new Date().toISOString(), undefined, { digitised: true, stepScore: true })}) b
        where b.stored
        order by b.received_at -- physical order of receipt: a period's rows are on few pages
        on conflict (case_id) do nothing
        ${ids ? sql`returning case_id` : sql``}`,
  );
  // A dossier still live before and after the change (most transitions) leaves the aggregates as they are.
  if (ids && removed.length === 0 && inserted.length === 0) return;
  if (!ids) {
    await db.execute(sql`delete from dossier_stat_days`);
    await db.execute(insertDays(null));
    await db.execute(sql`delete from dossier_stat_months`);
    await db.execute(insertMonths(null));
    return;
  }
  for (const day of days) {
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    await db.execute(sql`delete from dossier_stat_days where day = ${day}::date`);
    await db.execute(insertDays({ fromAt: `${day}T00:00:00+07:00`, toAt: `${next}T00:00:00+07:00` }));
  }
  for (const month of [...new Set(days.map(firstOfMonth))]) {
    await db.execute(sql`select pg_advisory_xact_lock(5006, (${month}::date - date '2000-01-01')::int)`);
    await db.execute(sql`delete from dossier_stat_months where day = ${month}::date`);
    await db.execute(insertMonths(month));
  }
};

/** Monthly aggregates rebuilt from the days of one month (or of all). */
const insertMonths = (month: string | null): SQL => {
  const keys = ['agency_code', 'procedure_id', 'unit_code', 'channel', 'assignee_id'];
  const sums = DAY_COLUMNS.split(',')
    .map((c) => c.trim())
    .filter((c) => c !== 'day' && !keys.includes(c));
  return sql`insert into dossier_stat_months (${sql.raw(DAY_COLUMNS)})
    select date_trunc('month', day)::date, ${sql.raw(keys.join(', '))}, ${sql.raw(sums.map((c) => `sum(${c})`).join(', '))}
    from dossier_stat_days
    ${month ? sql`where day >= ${month}::date and day < ${nextMonth(month)}::date` : sql``}
    group by 1, 2, 3, 4, 5, 6`;
};

/** Whether the stat facts must be built: none yet while finished dossiers exist. */
export const statFactsMissing = async (db: TDbOrTx): Promise<boolean> => {
  const [row] = await queryRows<{ missing: boolean }>(
    db,
    sql`select (not exists (select 1 from dossier_stat_facts) or not exists (select 1 from dossier_stat_days) or not exists (select 1 from dossier_stat_months))
               and exists (select 1 from dossiers d where d.received_at is not null and not ${LIVE}) as missing`,
  );
  return row?.missing === true;
};

/** Key of the on-time dimension (periods by Vietnam receipt date). */
const groupExpression = (by: string, source: 'live' | 'days' = 'live'): SQL => {
  const local = source === 'days' ? 'day' : `((received_at at time zone 'UTC') + interval '7 hours')`;
  switch (by) {
    case 'procedure':
      return sql.raw('procedure_id::text');
    case 'unit':
      return sql.raw(`coalesce(unit_code, '')`);
    case 'channel':
      return sql.raw('channel');
    case 'month':
      return sql.raw(`to_char(${local}, 'YYYY-MM')`);
    case 'quarter':
      return sql.raw(`to_char(${local}, 'YYYY') || '-Q' || to_char(${local}, 'Q')`);
    case 'year':
      return sql.raw(`to_char(${local}, 'YYYY')`);
    default:
      return sql.raw(`'all'`);
  }
};

export type TOnTimeAggregateRow = {
  key: string;
  received: number;
  finished: number;
  early: number;
  on_time: number;
  late: number;
  stopped: number;
  in_time: number;
  overdue: number;
  national_late: number;
};

/**
 * On-time counts, by key, of the dossiers classified in SQL: the live ones (national class known;
 * see base) and the finished ones from the daily aggregates.
 */
export const aggregateOnTime = (db: TDbOrTx, f: TStatsFilter, asOf: string, nationalEnd: string, by: string) =>
  queryRows<TOnTimeAggregateRow>(
    db,
    sql`with ${base(f, asOf, nationalEnd)}
        select key, sum(received)::int as received, sum(finished)::int as finished, sum(early)::int as early, sum(on_time)::int as on_time,
               sum(late)::int as late, sum(stopped)::int as stopped, sum(in_time)::int as in_time, sum(overdue)::int as overdue, sum(national_late)::int as national_late
        from (
          select ${groupExpression(by)} as key, count(*) as received,
                 count(*) filter (where legal in ('EARLY', 'ON_TIME', 'LATE')) as finished,
                 count(*) filter (where legal = 'EARLY') as early,
                 count(*) filter (where legal = 'ON_TIME') as on_time,
                 count(*) filter (where legal = 'LATE') as late,
                 count(*) filter (where legal = 'STOPPED') as stopped,
                 count(*) filter (where legal = 'IN_TIME') as in_time,
                 count(*) filter (where legal = 'OVERDUE') as overdue,
                 count(*) filter (where national = 'LATE') as national_late
          from base where stored group by 1
          union all
          select ${groupExpression(by, 'days')}, sum(s.received), sum(s.early + s.on_time + s.late), sum(s.early), sum(s.on_time), sum(s.late), sum(s.stopped), 0, 0, sum(s.national_late)
          from ${statRows(f)} s where ${whereDims(f)} group by 1) u
        group by key`,
  );

export type TFactRow = {
  case_id: number;
  code: string | null;
  agency_code: string;
  procedure_id: number;
  channel: string;
  received_at: string | Date;
  finished_at: string | Date | null;
  due_at: string | Date | null;
  first_due_at: string | Date | null;
  deadline_value: string | null;
  deadline_unit: string | null;
  timeliness_legal: string | null;
  timeliness_portal: string | null;
  outcome: string;
  unit_code: string | null;
  assignee_id: number | null;
  supplement_count: number;
  fee_vnd: number | string;
  paid_online: boolean;
  has_e_result: boolean;
  digitised: boolean;
  contacts_count: number | null;
  agencies_contacted: string | null;
  had_complaint: boolean | null;
  satisfaction: string | null;
};

const FACT_SELECT = sql`select d.case_id::int as case_id, d.code, d.agency_code, d.procedure_id, d.channel, d.received_at, d.finished_at, c.due_at, c.first_due_at,
               c.deadline_value::text as deadline_value, c.deadline_unit, d.timeliness_legal, d.timeliness_portal, o.outcome, c.unit_code, c.assignee_id,
               d.supplement_count, d.fee_vnd, d.paid_online, d.has_e_result,
               exists (select 1 from case_attachments a where a.case_id = d.case_id and a.purpose = 'COMPONENT') as digitised,
               e.contacts_count, e.agencies_contacted, e.had_complaint, e.satisfaction
        from dossiers d
        ${CASE_OF_DOSSIER}
        ${EVALUATION_OF_DOSSIER}
        cross join lateral (select ${OUTCOME} as outcome) o`;

/**
 * Facts of dossiers (domain TDossierFact): `open` = those the domain must classify (in progress,
 * or finished without a stored national classification — all among the live dossiers, read
 * through the partial index); `all` = every dossier of the filter.
 */
export const findFacts = (db: TDbOrTx, f: TStatsFilter, which: 'open' | 'all') =>
  queryRows<TFactRow>(
    db,
    sql`${FACT_SELECT}
        where ${where(f)}
          ${
            which === 'open'
              ? sql`and ${LIVE} and ((o.outcome <> 'IN_PROGRESS' and d.timeliness_portal is null)
                      or (o.outcome = 'IN_PROGRESS' and coalesce(c.first_due_at, c.due_at) is null and c.deadline_value is not null
                          and (select count(*) from case_pauses p where p.case_id = d.case_id and p.kind = 'SUPPLEMENT') <= 1))`
              : sql``
          }
        order by d.case_id`,
  );

/** Facts of some dossiers, in the order of `caseIds`. */
export const findFactsByIds = async (db: TDbOrTx, caseIds: readonly number[]): Promise<TFactRow[]> => {
  if (caseIds.length === 0) return [];
  const rows = await queryRows<TFactRow>(db, sql`${FACT_SELECT} where d.case_id in (select (jsonb_array_elements_text(${JSON.stringify(caseIds)}::jsonb))::bigint)`);
  const byId = new Map(rows.map((r) => [Number(r.case_id), r]));
  return caseIds.flatMap((id) => byId.get(id) ?? []);
};

/** Dossiers of the filter finished with a result (APPROVED or REFUSED): the live ones and the stat facts. */
const finishedWithResult = (f: TStatsFilter): SQL => sql`(
  select d.case_id, d.finished_at from dossiers d ${CASE_OF_DOSSIER} cross join lateral (select ${OUTCOME} as outcome) o
  where ${where(f)} and ${LIVE} and o.outcome in ('APPROVED', 'REFUSED')
  union all
  select x.case_id, x.finished_at from dossier_stat_facts x where ${whereFacts(f)} and x.outcome in ('APPROVED', 'REFUSED'))`;

/** One page of the dossiers finished with a result, newest first (per-dossier TT01 scores). */
export const findFinishedPage = async (db: TDbOrTx, f: TStatsFilter, page: { limit: number; offset: number }): Promise<number[]> =>
  (
    await queryRows<{ case_id: number }>(
      db,
      sql`select u.case_id::int as case_id from ${finishedWithResult(f)} u order by u.finished_at desc, u.case_id desc limit ${page.limit} offset ${page.offset}`,
    )
  ).map((r) => Number(r.case_id));

/** Every dossier finished with a result, newest first (the whole-period table of the export). */
export const findFinishedFacts = (db: TDbOrTx, f: TStatsFilter) =>
  queryRows<TFactRow>(
    db,
    sql`${FACT_SELECT}
        where ${where(f)} and o.outcome in ('APPROVED', 'REFUSED')
        order by d.finished_at desc, d.case_id desc`,
  );

/** Number of dossiers finished with a result (per-dossier table total): the live ones and the daily aggregates. */
export const countFinished = async (db: TDbOrTx, f: TStatsFilter): Promise<number> =>
  Number(
    (
      await queryRows<{ n: number }>(
        db,
        sql`select ((select count(*) from dossiers d ${CASE_OF_DOSSIER} cross join lateral (select ${OUTCOME} as outcome) o
                     where ${where(f)} and ${LIVE} and o.outcome in ('APPROVED', 'REFUSED'))
                    + (select coalesce(sum(s.finished_result), 0) from ${statRows(f)} s where ${whereDims(f)}))::int as n`,
      )
    )[0]?.n ?? 0,
  );

/** Supplement requests (case pauses of kind SUPPLEMENT) of some cases, in order. */
export const findSupplements = (db: TDbOrTx, caseIds: readonly number[]) =>
  caseIds.length === 0
    ? Promise.resolve([] as { case_id: number; started_at: string | Date; ended_at: string | Date | null }[])
    : queryRows<{ case_id: number; started_at: string | Date; ended_at: string | Date | null }>(
        db,
        sql`select case_id::int as case_id, started_at, ended_at from case_pauses
            where kind = 'SUPPLEMENT' and case_id in (select (jsonb_array_elements_text(${JSON.stringify(caseIds)}::jsonb))::bigint)
            order by case_id, started_at`,
      );

/** Steps with a sub-deadline of some cases. */
export const findSteps = (db: TDbOrTx, caseIds: readonly number[]) =>
  caseIds.length === 0
    ? Promise.resolve([] as { case_id: number; unit_code: string; due_at: string | Date; finished_at: string | Date | null }[])
    : queryRows<{ case_id: number; unit_code: string; due_at: string | Date; finished_at: string | Date | null }>(
        db,
        sql`select case_id::int as case_id, unit_code, due_at, finished_at from case_steps
            where due_at is not null and case_id in (select (jsonb_array_elements_text(${JSON.stringify(caseIds)}::jsonb))::bigint)
            order by case_id, seq`,
      );

export type T766AggregateRow = {
  procedure_id: number;
  received: number;
  direct: number;
  online: number;
  postal: number;
  online_qualified: number;
  national_early: number;
  national_late: number;
  approved: number;
  approved_e_result: number;
  digitised: number;
  e_result: number;
  digitised_e_result: number;
  fee_dossiers: number;
  fee_paid_online: number;
  paid_online: number;
  dissatisfied: number;
  finished: number;
  handling_days: number | string | null;
  handling_working_days: number | string | null;
};

/**
 * 766 counts by procedure of the dossiers classified in SQL (the SQL form
 * of count766; every procedure's result is a paper document). Working days of the handling time
 * use `calendar`: per Vietnam date [working days up to that date, cumulative count of the
 * effective receipt day when received before office close, … when received after close].
 */
export const aggregate766 = (db: TDbOrTx, f: TStatsFilter, asOf: string, nationalEnd: string, calendar: Record<string, [number, number, number]>, closeTime: string) =>
  queryRows<T766AggregateRow>(
    db,
    sql`with ${base(f, asOf, nationalEnd, { digitised: true })},
        cal as (select key::date as day, (value->>0)::int as cum, (value->>1)::int as cum_r_open, (value->>2)::int as cum_r_closed
                from jsonb_each(${JSON.stringify(calendar)}::jsonb)),
        rows as (
          select b.*, b.outcome in ('APPROVED', 'REFUSED') and b.finished_at is not null as finished_result
          from base b where b.stored)
        select procedure_id, sum(received)::int as received, sum(direct)::int as direct, sum(online)::int as online, sum(postal)::int as postal,
               sum(online_qualified)::int as online_qualified, sum(national_early)::int as national_early, sum(national_late)::int as national_late,
               sum(approved)::int as approved, sum(approved_e_result)::int as approved_e_result, sum(digitised)::int as digitised, sum(e_result)::int as e_result,
               sum(digitised_e_result)::int as digitised_e_result, sum(fee_dossiers)::int as fee_dossiers, sum(fee_paid_online)::int as fee_paid_online,
               sum(paid_online)::int as paid_online, sum(dissatisfied)::int as dissatisfied, sum(finished)::int as finished,
               sum(handling_days) as handling_days, sum(handling_working_days) as handling_working_days
        from (
          select r.procedure_id, count(*) as received,
                 count(*) filter (where r.channel = 'DIRECT') as direct,
                 count(*) filter (where r.channel = 'ONLINE') as online,
                 count(*) filter (where r.channel = 'POSTAL') as postal,
                 count(*) filter (where r.channel = 'ONLINE' and not (r.outcome = 'APPROVED' and not r.has_e_result)) as online_qualified,
                 count(*) filter (where r.national = 'EARLY') as national_early,
                 count(*) filter (where r.national = 'LATE') as national_late,
                 count(*) filter (where r.outcome = 'APPROVED') as approved,
                 count(*) filter (where r.outcome = 'APPROVED' and r.has_e_result) as approved_e_result,
                 count(*) filter (where r.digitised) as digitised,
                 count(*) filter (where r.has_e_result) as e_result,
                 count(*) filter (where r.digitised and r.has_e_result) as digitised_e_result,
                 count(*) filter (where r.fee_vnd > 0) as fee_dossiers,
                 count(*) filter (where r.fee_vnd > 0 and r.paid_online) as fee_paid_online,
                 count(*) filter (where r.paid_online) as paid_online,
                 count(*) filter (where r.had_complaint or r.satisfaction = 'DISSATISFIED') as dissatisfied,
                 count(*) filter (where r.finished_result) as finished,
                 sum(greatest(0, extract(epoch from (r.finished_at - r.received_at)) / 86400.0)) filter (where r.finished_result) as handling_days,
                 sum(greatest(0, fc.cum - case when ((r.received_at at time zone 'UTC') + interval '7 hours')::time < ${closeTime}::time then rc.cum_r_open else rc.cum_r_closed end))
                   filter (where r.finished_result) as handling_working_days
          from rows r
          left join cal rc on rc.day = ${vnDate('r.received_at')}
          left join cal fc on fc.day = ${vnDate('r.finished_at')}
          group by r.procedure_id
          union all
          select s.procedure_id, sum(s.received), sum(s.received) filter (where s.channel = 'DIRECT'), sum(s.received) filter (where s.channel = 'ONLINE'),
                 sum(s.received) filter (where s.channel = 'POSTAL'), sum(s.online_qualified), sum(s.national_early), sum(s.national_late), sum(s.approved),
                 sum(s.approved_e_result), sum(s.digitised), sum(s.e_result), sum(s.digitised_e_result), sum(s.fee_dossiers), sum(s.fee_paid_online),
                 sum(s.paid_online), sum(s.dissatisfied), sum(s.finished_result), sum(s.handling_days), null
          from ${statRows(f)} s where ${whereDims(f)} group by s.procedure_id
          union all
          -- Working days of handling (calendar at read time): the finished facts, an index-only scan.
          select x.procedure_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null,
                 sum(greatest(0, fc.cum - case when ((x.received_at at time zone 'UTC') + interval '7 hours')::time < ${closeTime}::time then rc.cum_r_open else rc.cum_r_closed end))
          from dossier_stat_facts x
          left join cal rc on rc.day = ${vnDate('x.received_at')}
          left join cal fc on fc.day = ${vnDate('x.finished_at')}
          where ${whereFacts(f)} and x.outcome in ('APPROVED', 'REFUSED') and x.finished_at is not null
          group by x.procedure_id) u
        group by procedure_id`,
  );

export type TTt01SumsRow = {
  key: string | null;
  dossiers: number;
  s1: number;
  c1: number;
  s2: number;
  c2: number;
  s3: number;
  c3: number;
  s4: number;
  c4: number;
  s7: number;
  c7: number;
  received: number;
  online: number;
  online_late: number;
};

/**
 * TT01 sums by agency, unit or officer: the SQL form of tt01.scoreDossier + sumDossierScores.
 * 1: EARLY 2 / ON_TIME 1 / LATE 0; 2: worst step (date before due 2, up to dueAt 1, else 0);
 * 3: contacts (answer, else supplement requests) 0 → 2, 1 → 1, more → 0; 4: NONE 2 /
 * ONE_STOP_ONLY 1 / SEVERAL 0; 7: complaint 0, else EARLY 2 / ON_TIME 1 / LATE `lateAttitude`.
 * Indicator 9 counts every received dossier (late online = finished late or overdue).
 */
export const aggregateTt01 = (db: TDbOrTx, f: TStatsFilter, asOf: string, by: 'agency' | 'unit' | 'officer', lateAttitude: number) => {
  const key = by === 'agency' ? 'agency_code' : by === 'unit' ? 'unit_code' : 'assignee_id::text';
  return queryRows<TTt01SumsRow>(
    db,
    sql`with ${base(f, asOf, undefined, { stepScore: true })},
        scored as (
          select b.*, b.outcome in ('APPROVED', 'REFUSED') as evaluated,
                 case b.legal when 'EARLY' then 2 when 'ON_TIME' then 1 else 0 end as p1,
                 b.step_score as p2,
                 case coalesce(b.contacts_count, b.supplement_count) when 0 then 2 when 1 then 1 else 0 end as p3,
                 case b.agencies_contacted when 'NONE' then 2 when 'ONE_STOP_ONLY' then 1 when 'SEVERAL' then 0 end as p4,
                 case when b.had_complaint then 0 when b.legal = 'EARLY' then 2 when b.legal = 'ON_TIME' then 1 else ${lateAttitude}::int end as p7
          from base b)
        select key, coalesce(sum(dossiers), 0)::int as dossiers,
               coalesce(sum(s1), 0)::int as s1, coalesce(sum(c1), 0)::int as c1, coalesce(sum(s2), 0)::int as s2, coalesce(sum(c2), 0)::int as c2,
               coalesce(sum(s3), 0)::int as s3, coalesce(sum(c3), 0)::int as c3, coalesce(sum(s4), 0)::int as s4, coalesce(sum(c4), 0)::int as c4,
               coalesce(sum(s7), 0)::int as s7, coalesce(sum(c7), 0)::int as c7,
               coalesce(sum(received), 0)::int as received, coalesce(sum(online), 0)::int as online, coalesce(sum(online_late), 0)::int as online_late
        from (
          select ${sql.raw(key)} as key,
                 count(*) filter (where evaluated) as dossiers,
                 coalesce(sum(p1) filter (where evaluated), 0) as s1, count(p1) filter (where evaluated) as c1,
                 coalesce(sum(p2) filter (where evaluated), 0) as s2, count(p2) filter (where evaluated) as c2,
                 coalesce(sum(p3) filter (where evaluated), 0) as s3, count(p3) filter (where evaluated) as c3,
                 coalesce(sum(p4) filter (where evaluated), 0) as s4, count(p4) filter (where evaluated) as c4,
                 coalesce(sum(p7) filter (where evaluated), 0) as s7, count(p7) filter (where evaluated) as c7,
                 count(*) as received,
                 count(*) filter (where channel = 'ONLINE') as online,
                 count(*) filter (where channel = 'ONLINE' and legal in ('LATE', 'OVERDUE')) as online_late
          from scored group by 1
          union all
          select ${sql.raw(`s.${key}`)}, sum(s.finished_result), sum(s.s1), sum(s.c1), sum(s.s2), sum(s.c2), sum(s.s3), sum(s.c3), sum(s.s4), sum(s.c4),
                 sum(s.s7) + sum(s.late_no_complaint) * ${lateAttitude}::int, sum(s.c7), sum(s.received),
                 coalesce(sum(s.received) filter (where s.channel = 'ONLINE'), 0), sum(s.online_late)
          from ${statRows(f)} s where ${whereDims(f)} group by 1) u
        group by key order by key`,
  );
};

export type TCatalogueRow = {
  procedure_id: number;
  code: string;
  name: string;
  change_kind: string;
  online_service_level: string;
  sequence: string | null;
  methods: unknown;
  dossier_components: unknown;
  processing_time_value: string | null;
  subjects: string[] | null;
  agencies: unknown;
  fees: unknown;
};

/** Every procedure's version in force at a date (abolished ones included, marked by change_kind). */
export const findCatalogueAt = (db: TDbOrTx, at: string) =>
  queryRows<TCatalogueRow>(
    db,
    sql`select distinct on (v.procedure_id) v.procedure_id, p.code, v.name, v.change_kind, v.online_service_level, v.sequence, v.methods,
               v.dossier_components, v.processing_time_value::text as processing_time_value, v.subjects, v.agencies, v.fees
        from procedure_versions v join procedures p on p.id = v.procedure_id
        where v.effective_from <= ${at}
        order by v.procedure_id, v.effective_from desc`,
  );

/** Names of users (officers in the tables). */
export const findUserNames = (db: TDbOrTx, ids: readonly number[]) =>
  ids.length === 0
    ? Promise.resolve([] as { id: number; display_name: string }[])
    : queryRows<{ id: number; display_name: string }>(
        db,
        sql`select id, display_name from users where id in (select (jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))::int)`,
      );

/**
 * A stamp that changes whenever a statistic may change: a new case, a journal row (every case
 * change writes one), an evaluation, a catalogue version. Each part is an index-only lookup.
 */
export const findDataStamp = async (db: TDbOrTx): Promise<string> => {
  const [row] = await queryRows<{ stamp: string }>(
    db,
    sql`select concat_ws('|', (select max(id) from cases), (select max(id) from case_events), (select max(evaluated_at) from dossier_evaluations)::text,
                         (select max(id) from procedure_versions)) as stamp`,
  );
  return row?.stamp ?? '';
};

/** Supplement requests of the finished dossiers of a filter (the whole-period variant of findSupplements). */
export const findSupplementsOfFinished = (db: TDbOrTx, f: TStatsFilter) =>
  queryRows<{ case_id: number; started_at: string | Date; ended_at: string | Date | null }>(
    db,
    sql`select p.case_id::int as case_id, p.started_at, p.ended_at from case_pauses p
        join dossiers d on d.case_id = p.case_id join cases c on c.id = d.case_id cross join lateral (select ${OUTCOME} as outcome) o
        where p.kind = 'SUPPLEMENT' and ${where(f)} and o.outcome in ('APPROVED', 'REFUSED')
        order by p.case_id, p.started_at`,
  );

/** Steps with a sub-deadline of the finished dossiers of a filter (the whole-period variant of findSteps). */
export const findStepsOfFinished = (db: TDbOrTx, f: TStatsFilter) =>
  queryRows<{ case_id: number; unit_code: string; due_at: string | Date; finished_at: string | Date | null }>(
    db,
    sql`select s.case_id::int as case_id, s.unit_code, s.due_at, s.finished_at from case_steps s
        join dossiers d on d.case_id = s.case_id join cases c on c.id = d.case_id cross join lateral (select ${OUTCOME} as outcome) o
        where s.due_at is not null and ${where(f)} and o.outcome in ('APPROVED', 'REFUSED')
        order by s.case_id, s.seq`,
  );
