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
 * The dossiers of the filter with their outcome and legal class (the SQL form of classifyLegal:
 * stored class, else EARLY before the due date, ON_TIME up to dueAt, LATE after; in progress
 * IN_TIME up to dueAt at `asOf`, OVERDUE after; no deadline → ON_TIME / IN_TIME), and with
 * `nationalEnd` their national class (`stored` = classified here; the others go to the domain).
 */
const base = (f: TStatsFilter, asOf: string, nationalEnd?: string): SQL => sql`base as (
  select d.case_id, d.code, d.agency_code, d.procedure_id, d.channel, d.received_at, d.finished_at, d.timeliness_portal,
         d.supplement_count, d.fee_vnd, d.paid_online, d.has_e_result, c.unit_code, c.assignee_id, c.due_at,
         e.contacts_count, e.agencies_contacted, e.had_complaint, e.satisfaction, o.outcome,
         case when o.outcome = 'STOPPED' then 'STOPPED'
              when o.outcome = 'IN_PROGRESS' then case when c.due_at is null or c.due_at >= ${asOf}::timestamptz then 'IN_TIME' else 'OVERDUE' end
              when d.timeliness_legal is not null then d.timeliness_legal
              when c.due_at is null then 'ON_TIME'
              when ${vnDate('d.finished_at')} < ${vnDate('c.due_at')} then 'EARLY'
              when d.finished_at <= c.due_at then 'ON_TIME'
              else 'LATE' end as legal,
         ${nationalEnd ? sql`n.national` : sql`d.timeliness_portal`} as national,
         ${nationalEnd ? sql`n.national is not null` : sql`(o.outcome <> 'IN_PROGRESS' and d.timeliness_portal is not null)`} as stored
  from dossiers d
  join cases c on c.id = d.case_id
  left join dossier_evaluations e on e.case_id = d.case_id
  cross join lateral (select ${OUTCOME} as outcome) o
  ${nationalEnd ? NATIONAL(nationalEnd) : sql``}
  where ${where(f)})`;

/** Key of the on-time dimension (periods by Vietnam receipt date). */
const groupExpression = (by: string): SQL => {
  const local = `((received_at at time zone 'UTC') + interval '7 hours')`;
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

/** On-time counts, by key, of the dossiers classified in SQL (national class known; see base). */
export const aggregateOnTime = (db: TDbOrTx, f: TStatsFilter, asOf: string, nationalEnd: string, by: string) =>
  queryRows<TOnTimeAggregateRow>(
    db,
    sql`with ${base(f, asOf, nationalEnd)}
        select ${groupExpression(by)} as key, count(*)::int as received,
               count(*) filter (where legal in ('EARLY', 'ON_TIME', 'LATE'))::int as finished,
               count(*) filter (where legal = 'EARLY')::int as early,
               count(*) filter (where legal = 'ON_TIME')::int as on_time,
               count(*) filter (where legal = 'LATE')::int as late,
               count(*) filter (where legal = 'STOPPED')::int as stopped,
               count(*) filter (where legal = 'IN_TIME')::int as in_time,
               count(*) filter (where legal = 'OVERDUE')::int as overdue,
               count(*) filter (where national = 'LATE')::int as national_late
        from base where stored group by 1`,
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

/**
 * Facts of dossiers (domain TDossierFact): `open` = those the domain must classify (in progress,
 * or finished without a stored national classification); `finished` = finished with a result,
 * newest first, one page (per-dossier TT01 scores); `all` = every dossier of the filter.
 */
export const findFacts = (db: TDbOrTx, f: TStatsFilter, which: 'open' | 'finished' | 'all', page?: { limit: number; offset: number }) =>
  queryRows<TFactRow>(
    db,
    sql`select d.case_id::int as case_id, d.code, d.agency_code, d.procedure_id, d.channel, d.received_at, d.finished_at, c.due_at, c.first_due_at,
               c.deadline_value::text as deadline_value, c.deadline_unit, d.timeliness_legal, d.timeliness_portal, o.outcome, c.unit_code, c.assignee_id,
               d.supplement_count, d.fee_vnd, d.paid_online, d.has_e_result,
               exists (select 1 from case_attachments a where a.case_id = d.case_id and a.purpose = 'COMPONENT') as digitised,
               e.contacts_count, e.agencies_contacted, e.had_complaint, e.satisfaction
        from dossiers d
        join cases c on c.id = d.case_id
        left join dossier_evaluations e on e.case_id = d.case_id
        cross join lateral (select ${OUTCOME} as outcome) o
        where ${where(f)}
          ${
            which === 'open'
              ? sql`and ((o.outcome <> 'IN_PROGRESS' and d.timeliness_portal is null)
                      or (o.outcome = 'IN_PROGRESS' and coalesce(c.first_due_at, c.due_at) is null and c.deadline_value is not null
                          and (select count(*) from case_pauses p where p.case_id = d.case_id and p.kind = 'SUPPLEMENT') <= 1))`
              : which === 'finished'
                ? sql`and o.outcome in ('APPROVED', 'REFUSED')`
                : sql``
          }
        order by ${which === 'finished' ? sql`d.finished_at desc, d.case_id desc` : sql`d.case_id`}
        ${page ? sql`limit ${page.limit} offset ${page.offset}` : sql``}`,
  );

/** Number of dossiers finished with a result (per-dossier table total). */
export const countFinished = async (db: TDbOrTx, f: TStatsFilter): Promise<number> =>
  Number(
    (
      await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from dossiers d join cases c on c.id = d.case_id cross join lateral (select ${OUTCOME} as outcome) o
            where ${where(f)} and o.outcome in ('APPROVED', 'REFUSED')`,
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
    sql`with ${base(f, asOf, nationalEnd)},
        cal as (select key::date as day, (value->>0)::int as cum, (value->>1)::int as cum_r_open, (value->>2)::int as cum_r_closed
                from jsonb_each(${JSON.stringify(calendar)}::jsonb)),
        rows as (
          select b.*,
                 exists (select 1 from case_attachments a where a.case_id = b.case_id and a.purpose = 'COMPONENT') as digitised,
                 b.outcome in ('APPROVED', 'REFUSED') and b.finished_at is not null as finished_result
          from base b where b.stored)
        select r.procedure_id, count(*)::int as received,
               count(*) filter (where r.channel = 'DIRECT')::int as direct,
               count(*) filter (where r.channel = 'ONLINE')::int as online,
               count(*) filter (where r.channel = 'POSTAL')::int as postal,
               count(*) filter (where r.channel = 'ONLINE' and not (r.outcome = 'APPROVED' and not r.has_e_result))::int as online_qualified,
               count(*) filter (where r.national = 'EARLY')::int as national_early,
               count(*) filter (where r.national = 'LATE')::int as national_late,
               count(*) filter (where r.outcome = 'APPROVED')::int as approved,
               count(*) filter (where r.outcome = 'APPROVED' and r.has_e_result)::int as approved_e_result,
               count(*) filter (where r.digitised)::int as digitised,
               count(*) filter (where r.has_e_result)::int as e_result,
               count(*) filter (where r.digitised and r.has_e_result)::int as digitised_e_result,
               count(*) filter (where r.fee_vnd > 0)::int as fee_dossiers,
               count(*) filter (where r.fee_vnd > 0 and r.paid_online)::int as fee_paid_online,
               count(*) filter (where r.paid_online)::int as paid_online,
               count(*) filter (where r.had_complaint or r.satisfaction = 'DISSATISFIED')::int as dissatisfied,
               count(*) filter (where r.finished_result)::int as finished,
               sum(greatest(0, extract(epoch from (r.finished_at - r.received_at)) / 86400.0)) filter (where r.finished_result) as handling_days,
               sum(greatest(0, fc.cum - case when ((r.received_at at time zone 'UTC') + interval '7 hours')::time < ${closeTime}::time then rc.cum_r_open else rc.cum_r_closed end))
                 filter (where r.finished_result) as handling_working_days
        from rows r
        left join cal rc on rc.day = ${vnDate('r.received_at')}
        left join cal fc on fc.day = ${vnDate('r.finished_at')}
        group by r.procedure_id`,
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
export const aggregateTt01 = (db: TDbOrTx, f: TStatsFilter, asOf: string, by: 'agency' | 'unit' | 'officer', lateAttitude: number) =>
  queryRows<TTt01SumsRow>(
    db,
    sql`with ${base(f, asOf)},
        scored as (
          select b.*, b.outcome in ('APPROVED', 'REFUSED') as evaluated,
                 case b.legal when 'EARLY' then 2 when 'ON_TIME' then 1 else 0 end as p1,
                 (select min(case when ${vnDate('coalesce(s.finished_at, b.finished_at)')} < ${vnDate('s.due_at')} then 2
                                  when coalesce(s.finished_at, b.finished_at) <= s.due_at then 1 else 0 end)
                  from case_steps s where s.case_id = b.case_id and s.due_at is not null) as p2,
                 case coalesce(b.contacts_count, b.supplement_count) when 0 then 2 when 1 then 1 else 0 end as p3,
                 case b.agencies_contacted when 'NONE' then 2 when 'ONE_STOP_ONLY' then 1 when 'SEVERAL' then 0 end as p4,
                 case when b.had_complaint then 0 when b.legal = 'EARLY' then 2 when b.legal = 'ON_TIME' then 1 else ${lateAttitude}::int end as p7
          from base b)
        select ${sql.raw(by === 'agency' ? 'agency_code' : by === 'unit' ? 'unit_code' : 'assignee_id::text')} as key,
               count(*) filter (where evaluated)::int as dossiers,
               coalesce(sum(p1) filter (where evaluated), 0)::int as s1, count(p1) filter (where evaluated)::int as c1,
               coalesce(sum(p2) filter (where evaluated), 0)::int as s2, count(p2) filter (where evaluated)::int as c2,
               coalesce(sum(p3) filter (where evaluated), 0)::int as s3, count(p3) filter (where evaluated)::int as c3,
               coalesce(sum(p4) filter (where evaluated), 0)::int as s4, count(p4) filter (where evaluated)::int as c4,
               coalesce(sum(p7) filter (where evaluated), 0)::int as s7, count(p7) filter (where evaluated)::int as c7,
               count(*)::int as received,
               count(*) filter (where channel = 'ONLINE')::int as online,
               count(*) filter (where channel = 'ONLINE' and legal in ('LATE', 'OVERDUE'))::int as online_late
        from scored group by 1 order by 1`,
  );

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
