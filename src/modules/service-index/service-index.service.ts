/**
 * Service index: on-time tables, the QĐ 766 indicators and the TT 01/2018 scores of the
 * Department's dossiers (spec procedures-and-calendar §2.3, §3.2, §4). SQL aggregates the
 * dossiers whose classification is stored; the domain functions classify the others, merge the
 * counts and score (src/domain/service-index). Read-only: nothing is written, nothing audited.
 */
import type { TDb } from '../../db/client';
import { jdnFromIso, isoFromJdn } from '../../domain/calendar/lunar';
import { DEFAULT_OFFICE_HOURS, formatVnTimestamp, isWorkingDayJdn, type TLegalTimeUnit, type TWorkCalendar } from '../../domain/calendar/workdays';
import { compute766, count766, empty766Counts, GROUP_MAXIMA_766, merge766Counts, findMissingComponents, type T766Counts, type T766Summary } from '../../domain/service-index/index-766';
import type { TAgencyContacts, TCatalogueProcedure, TChannel, TDossierFact, TDossierOutcome } from '../../domain/service-index/service-index.types';
import { classifyDossiers, summariseOnTime, type TClassifiedDossier, type TGroupBy, type TOnTimeCounts, type TOnTimeRow } from '../../domain/service-index/timeliness';
import { DEFAULT_TT01_CONFIG, emptyTt01Sums, scoreAgencySums, scoreDossier, scoreOfficerSums, type TAgencyScores, type TDossierScores, type TTt01Sums } from '../../domain/service-index/tt01';
import { AppError } from '../../server/errors';
import type { TCalendarService } from '../calendar/calendar.service';
import {
  aggregate766,
  aggregateOnTime,
  aggregateTt01,
  countFinished,
  findCatalogueAt,
  findDataStamp,
  findFacts,
  findFactsByIds,
  findFinishedFacts,
  findFinishedPage,
  findSteps,
  findStepsOfFinished,
  findSupplements,
  findSupplementsOfFinished,
  findUserNames,
  refreshStatFacts,
  statFactsMissing,
  type TCatalogueRow,
  type TFactRow,
  type TStatsFilter,
} from './service-index.repo';
import type { TStatsQuery } from './service-index.schemas';

/** Longest period a statistic may cover (days). */
const MAX_PERIOD_DAYS = 3700;
/** Answers are reused while the data stamp is unchanged, at most this long (dossiers in progress become overdue with time). */
const ANSWER_TTL_MS = 60_000;
const ANSWER_CACHE_SIZE = 200;

export type TPeriod = { from: string; to: string; asOf: string; filter: TStatsFilter; periodEndMs: number; asOfMs: number };

const toMs = (v: string | Date | number): number => (v instanceof Date ? v.getTime() : typeof v === 'number' ? v : new Date(v.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00')).getTime());
const isoOrNull = (v: string | Date | null): string | null => (v === null || v === undefined ? null : formatVnTimestamp(toMs(v)));

const AGENCY_CONTACTS: Record<string, TAgencyContacts> = { NONE: 'NONE', ONE_STOP_ONLY: 'ONE_STOP_ONLY', SEVERAL: 'MULTIPLE' };
const LEGAL_UNITS = new Set<TLegalTimeUnit>(['WORKING_DAY', 'CALENDAR_DAY', 'WORKING_HOUR']);

/** Domain facts of a dossier row (every procedure's result is a paper document). */
export const factOfRow = (row: TFactRow, supplements: { started_at: string | Date; ended_at: string | Date | null }[] = [], steps: { unit_code: string; due_at: string | Date; finished_at: string | Date | null }[] | null = null): TDossierFact => {
  const unit = row.deadline_unit as TLegalTimeUnit | null;
  const timeliness = (v: string | null) => (v === 'EARLY' || v === 'ON_TIME' || v === 'LATE' ? v : null);
  return {
    id: Number(row.case_id),
    code: row.code,
    procedureId: Number(row.procedure_id),
    unitId: row.unit_code,
    agencyId: row.agency_code,
    officerId: row.assignee_id,
    channel: row.channel as TChannel,
    receivedAt: toMs(row.received_at),
    dueAt: row.due_at === null ? null : toMs(row.due_at),
    appointmentAt: row.first_due_at === null ? (row.due_at === null ? null : toMs(row.due_at)) : toMs(row.first_due_at),
    legalTime: row.deadline_value !== null && unit && LEGAL_UNITS.has(unit) ? { value: Number(row.deadline_value), unit } : null,
    outcome: row.outcome as TDossierOutcome,
    endAt: row.finished_at === null ? null : toMs(row.finished_at),
    legalTimeliness: timeliness(row.timeliness_legal),
    nationalTimeliness: timeliness(row.timeliness_portal),
    supplements: supplements.map((s) => ({ requestedAt: toMs(s.started_at), completedAt: s.ended_at === null ? null : toMs(s.ended_at) })),
    steps: steps === null ? null : steps.map((s) => ({ unitId: s.unit_code, dueAt: toMs(s.due_at), finishedAt: s.finished_at === null ? null : toMs(s.finished_at) })),
    resultIsPaper: true,
    electronicResult: row.has_e_result,
    digitised: row.digitised,
    feeBearing: Number(row.fee_vnd) > 0,
    paidOnline: row.paid_online,
    complaint: row.had_complaint,
    dislike: row.satisfaction === null ? null : row.satisfaction === 'DISSATISFIED',
    contactsToComplete: row.contacts_count ?? row.supplement_count,
    agencyContacts: row.agencies_contacted ? (AGENCY_CONTACTS[row.agencies_contacted] ?? null) : null,
  };
};

/** Catalogue facts of a version row. */
export const procedureOfRow = (row: TCatalogueRow): TCatalogueProcedure => {
  const fees = Array.isArray(row.fees) ? (row.fees as { amountVnd?: number }[]) : [];
  return {
    id: Number(row.procedure_id),
    code: row.code,
    name: row.name,
    status: row.change_kind === 'ABOLISHED' ? 'ABOLISHED' : 'PUBLIC',
    onlineLevel: row.online_service_level === 'FULL' || row.online_service_level === 'PARTIAL' ? row.online_service_level : 'NONE',
    missingComponents: findMissingComponents({
      name: row.name,
      sequence: row.sequence,
      methods: Array.isArray(row.methods) ? row.methods : null,
      dossierComponents: Array.isArray(row.dossier_components) ? row.dossier_components : null,
      processingTime: row.processing_time_value === null ? null : { value: Number(row.processing_time_value) },
      subjects: row.subjects,
      agencies: (row.agencies ?? null) as { competent?: string; implementing?: string } | null,
    }),
    resultIsPaper: true,
    feeBearing: fees.some((f) => Number(f.amountVnd) > 0),
    onlinePaymentIntegrated: null,
    fullyHandledAtOneStop: null,
  };
};

export type TLabelledRow<T> = T & { key: string; label: string };

export const createServiceIndexService = ({ db, calendarService, now = () => Date.now() }: { db: TDb; calendarService: Pick<TCalendarService, 'getWorkCalendar'>; now?: () => number }) => {
  /**
   * Answer cache per process: an answer is reused while the data stamp (findDataStamp) is the
   * same and it is younger than ANSWER_TTL_MS. The database stays the source of truth; another
   * process's change shows through the stamp.
   */
  const answers = new Map<string, { stamp: string; at: number; value: unknown }>();
  /**
   * The stat facts of finished dossiers are kept by the dossier service; they are built here once
   * per process when the table is empty while finished dossiers exist (first read after the
   * migration that created it, or after a restore of an older backup).
   */
  let factsChecked: Promise<void> | null = null;
  const ensureStatFacts = (): Promise<void> => {
    factsChecked ??= (async () => {
      if (await statFactsMissing(db)) await db.transaction((tx) => refreshStatFacts(tx, 'all'));
    })().catch((error: unknown) => {
      factsChecked = null;
      throw error;
    });
    return factsChecked;
  };

  const cached = async <T>(name: string, query: unknown, compute: () => Promise<T>): Promise<T> => {
    await ensureStatFacts();
    const key = `${name}:${JSON.stringify(query)}`;
    const stamp = await findDataStamp(db);
    const hit = answers.get(key);
    if (hit && hit.stamp === stamp && now() - hit.at < ANSWER_TTL_MS) return hit.value as T;
    const value = await compute();
    answers.delete(key);
    answers.set(key, { stamp, at: now(), value });
    if (answers.size > ANSWER_CACHE_SIZE) answers.delete(answers.keys().next().value as string);
    return value;
  };

  /** Validates the period and builds the SQL filter (Vietnam days, end inclusive). */
  const resolvePeriod = (q: TStatsQuery): TPeriod => {
    const dayOf = (field: 'from' | 'to'): number => {
      let jdn: number | null = null;
      try {
        jdn = jdnFromIso(q[field]);
      } catch {
        jdn = null;
      }
      if (jdn === null || isoFromJdn(jdn) !== q[field] || q[field] < '1900-01-01' || q[field] > '2100-12-31') throw new AppError('VALIDATION_ERROR', `${field}: ${q[field]} is not a valid date (1900–2100)`, { field });
      return jdn;
    };
    const fromJdn = dayOf('from');
    const toJdn = dayOf('to');
    if (toJdn < fromJdn) throw new AppError('VALIDATION_ERROR', 'to: the end of the period is before its start', { field: 'to' });
    if (toJdn - fromJdn > MAX_PERIOD_DAYS) throw new AppError('VALIDATION_ERROR', `to: a period covers at most ${MAX_PERIOD_DAYS} days`, { field: 'to' });
    const fromAt = `${q.from}T00:00:00+07:00`;
    const toAt = `${isoFromJdn(toJdn + 1)}T00:00:00+07:00`;
    const asOfMs = now();
    return {
      from: q.from,
      to: q.to,
      asOf: formatVnTimestamp(asOfMs),
      asOfMs,
      periodEndMs: toMs(toAt) - 1,
      filter: { fromAt, toAt, procedureId: q.procedureId, unitCode: q.unitCode, channel: q.channel, agencyCode: q.agencyCode },
    };
  };
  const presentPeriod = (p: TPeriod) => ({ from: p.from, to: p.to, asOf: p.asOf });
  const asOfText = (p: TPeriod) => new Date(p.asOfMs).toISOString();
  /** Unfinished dossiers end at the end of the period, or now while the period is not over. */
  const nationalEndText = (p: TPeriod) => new Date(Math.min(p.asOfMs, p.periodEndMs)).toISOString();

  /** Facts of the dossiers the SQL cannot classify (see findFacts 'open'), classified by the domain. */
  const loadOpen = async (cal: TWorkCalendar, p: TPeriod): Promise<TClassifiedDossier[]> => {
    const rows = await findFacts(db, p.filter, 'open');
    const pauses = await findSupplements(
      db,
      rows.map((r) => Number(r.case_id)),
    );
    const byCase = new Map<number, typeof pauses>();
    for (const s of pauses) byCase.set(Number(s.case_id), [...(byCase.get(Number(s.case_id)) ?? []), s]);
    const facts = rows.map((r) => factOfRow(r, byCase.get(Number(r.case_id)) ?? []));
    return classifyDossiers(cal, facts, { asOf: p.asOfMs, periodEnd: p.periodEndMs });
  };

  const catalogueAt = async (p: TPeriod) => (await findCatalogueAt(db, p.to)).map(procedureOfRow);

  const getOnTimeUncached = async (q: TStatsQuery & { by: TGroupBy }) => {
    const p = resolvePeriod(q);
    const cal = await calendarService.getWorkCalendar();
    const [aggregates, open, catalogue] = await Promise.all([aggregateOnTime(db, p.filter, asOfText(p), nationalEndText(p), q.by), loadOpen(cal, p), q.by === 'procedure' ? catalogueAt(p) : Promise.resolve([])]);
    const counts: TOnTimeCounts[] = aggregates.map((a) => ({
      key: a.key,
      received: a.received,
      finished: a.finished,
      early: a.early,
      onTime: a.on_time,
      late: a.late,
      inProgress: a.in_time + a.overdue,
      inTime: a.in_time,
      overdue: a.overdue,
      stopped: a.stopped,
      nationalEarlyOrOnTime: a.received - a.national_late,
      nationalLate: a.national_late,
    }));
    const { rows, total } = summariseOnTime(open, q.by, counts);
    const names = new Map(catalogue.map((c) => [String(c.id), `${c.code} — ${c.name}`]));
    const label = (row: TOnTimeRow): string => (q.by === 'procedure' ? (names.get(row.key) ?? row.key) : row.key);
    return { period: presentPeriod(p), by: q.by, rows: rows.map((r) => ({ ...r, label: label(r) })), total: { ...total, label: '' } };
  };

  /** Vietnam date → [working days up to it, cumulative count of R when received before close, after close]. */
  const cumulativeCalendar = (cal: TWorkCalendar, from: string, to: string): Record<string, [number, number, number]> => {
    const out: Record<string, [number, number, number]> = {};
    let cum = 0;
    for (let jdn = jdnFromIso(from); jdn <= jdnFromIso(to); jdn++) {
      const working = isWorkingDayJdn(cal, jdn);
      if (working) cum++;
      out[isoFromJdn(jdn)] = [cum, working ? cum : cum + 1, cum + 1];
    }
    return out;
  };

  const counts766 = async (cal: TWorkCalendar, p: TPeriod): Promise<T766Counts> => {
    const today = formatVnTimestamp(p.asOfMs).slice(0, 10);
    const end = isoFromJdn(Math.max(jdnFromIso(p.to), jdnFromIso(today)) + 31);
    const close = DEFAULT_OFFICE_HOURS.sessions[DEFAULT_OFFICE_HOURS.sessions.length - 1].end;
    const [rows, open] = await Promise.all([aggregate766(db, p.filter, asOfText(p), nationalEndText(p), cumulativeCalendar(cal, p.from, end), close), loadOpen(cal, p)]);
    const stored = empty766Counts();
    stored.paymentRecorded = rows.length > 0; // payment (paid_online) is recorded for every dossier
    for (const r of rows) {
      stored.received += r.received;
      stored.byChannel.DIRECT += r.direct;
      stored.byChannel.ONLINE += r.online;
      stored.byChannel.POSTAL += r.postal;
      stored.onlineQualified += r.online_qualified;
      stored.nationalEarly += r.national_early;
      stored.nationalLate += r.national_late;
      stored.approvedPaper += r.approved;
      stored.approvedPaperWithEResult += r.approved_e_result;
      stored.digitised += r.digitised;
      stored.electronicResult += r.e_result;
      stored.digitisedWithEResult += r.digitised_e_result;
      stored.feeDossiers += r.fee_dossiers;
      stored.feeDossiersPaidOnline += r.fee_paid_online;
      stored.dissatisfied += r.dissatisfied;
      stored.procedures.push({
        procedureId: Number(r.procedure_id),
        online: r.online,
        paidOnline: r.paid_online,
        finished: r.finished,
        handlingDays: Number(r.handling_days ?? 0),
        handlingWorkingDays: Number(r.handling_working_days ?? 0),
      });
    }
    return merge766Counts(stored, count766(cal, open));
  };

  const get766Uncached = async (q: TStatsQuery) => {
    const p = resolvePeriod(q);
    const cal = await calendarService.getWorkCalendar();
    const [counts, catalogue] = await Promise.all([counts766(cal, p), catalogueAt(p)]);
    const summary: T766Summary = compute766({ counts, catalogue: q.procedureId === undefined ? catalogue : catalogue.filter((c) => c.id === q.procedureId) });
    const groups = ([1, 2, 3, 4, 5] as const).map((g) => {
      const of = summary.indicators.filter((i) => i.group === g && i.applicable && i.score !== null && i.maxPoints !== null);
      return { group: g, maxPoints: GROUP_MAXIMA_766[g], earned: round2(of.reduce((a, i) => a + (i.score ?? 0), 0)), available: round2(of.reduce((a, i) => a + (i.maxPoints ?? 0), 0)) };
    });
    const names = new Map(catalogue.map((c) => [c.id, c.code]));
    // Name the procedures of the 2.2 breakdown.
    const indicators = summary.indicators.map((i) =>
      i.id === '2.2' && i.detail
        ? { ...i, detail: { ...i.detail, perProcedure: (i.detail.perProcedure as { procedureId: number }[]).map((x) => ({ ...x, code: names.get(x.procedureId) ?? null })) } }
        : i,
    );
    return { period: presentPeriod(p), variant: 'NATIONAL_PORTAL' as const, ...summary, indicators, groups };
  };

  const getTt01Uncached = async (q: TStatsQuery & { by: 'agency' | 'unit' | 'officer' }) => {
    const p = resolvePeriod(q);
    const [rows, catalogue] = await Promise.all([aggregateTt01(db, p.filter, asOfText(p), q.by, DEFAULT_TT01_CONFIG.attitudeLateWithoutComplaint), catalogueAt(p)]);
    const names = q.by === 'officer' ? new Map((await findUserNames(db, rows.filter((r) => r.key !== null).map((r) => Number(r.key)))).map((u) => [String(u.id), u.display_name])) : new Map<string, string>();
    return {
      period: presentPeriod(p),
      by: q.by,
      rows: rows.map((r) => {
        const sums: TTt01Sums = emptyTt01Sums();
        sums.dossiers = r.dossiers;
        sums.indicators = { 1: { sum: r.s1, count: r.c1 }, 2: { sum: r.s2, count: r.c2 }, 3: { sum: r.s3, count: r.c3 }, 4: { sum: r.s4, count: r.c4 }, 7: { sum: r.s7, count: r.c7 } };
        sums.online = { received: r.received, online: r.online, onlineLate: r.online_late };
        const key = r.key ?? '';
        if (q.by === 'officer') {
          const o = scoreOfficerSums(key, sums);
          const indicators = Object.fromEntries(Object.entries(o.indicators).map(([k, v]) => [k, { score: v, basis: null }]));
          // An officer without finished dossiers in the period has no band (nothing to rate).
          return { key, label: names.get(key) ?? key, dossiers: o.dossiers, indicators, total: o.total, scored: Object.values(o.indicators).filter((v) => v !== null).length, normalisedTotal: null, rating: null, band: o.dossiers > 0 ? o.band : null };
        }
        const a: TAgencyScores = scoreAgencySums({ agencyId: key, sums, catalogue, facts: { level: 'PROVINCE', publication: null, complaints: null } });
        return { key, label: key, dossiers: a.dossiers, indicators: a.indicators, total: a.total, scored: a.scored, normalisedTotal: a.normalisedTotal, rating: a.rating, band: null };
      }),
    };
  };

  /** Per-dossier TT01 scores of finished dossiers (one page, newest first), by the domain functions. */
  const loadScoredDossiers = async (p: TPeriod, page?: { limit: number; offset: number }) => {
    const cal = await calendarService.getWorkCalendar();
    const rows = page ? await findFactsByIds(db, await findFinishedPage(db, p.filter, page)) : await findFinishedFacts(db, p.filter);
    const ids = rows.map((r) => Number(r.case_id));
    // A page names its cases; the whole period (export) joins by the same filter instead of a long id list.
    const [pauses, steps] = page ? await Promise.all([findSupplements(db, ids), findSteps(db, ids)]) : await Promise.all([findSupplementsOfFinished(db, p.filter), findStepsOfFinished(db, p.filter)]);
    const group = <T extends { case_id: number }>(list: T[]) => {
      const m = new Map<number, T[]>();
      for (const x of list) m.set(Number(x.case_id), [...(m.get(Number(x.case_id)) ?? []), x]);
      return m;
    };
    const pausesBy = group(pauses);
    const stepsBy = group(steps);
    const classified = classifyDossiers(
      cal,
      rows.map((r) => factOfRow(r, pausesBy.get(Number(r.case_id)) ?? [], stepsBy.get(Number(r.case_id)) ?? [])),
      { asOf: p.asOfMs, periodEnd: p.periodEndMs },
    );
    return classified.map((c, k) => ({ row: rows[k], item: c, scores: scoreDossier(c) as TDossierScores }));
  };

  const getTt01DossiersUncached = async (q: TStatsQuery & { page: number; pageSize: number }) => {
    const p = resolvePeriod(q);
    const [total, scored, catalogue] = await Promise.all([countFinished(db, p.filter), loadScoredDossiers(p, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize }), catalogueAt(p)]);
    const codes = new Map(catalogue.map((c) => [c.id, c.code]));
    return {
      period: presentPeriod(p),
      total,
      page: q.page,
      pageSize: q.pageSize,
      items: scored.map(({ row, item, scores }) => ({
        caseId: Number(row.case_id),
        code: row.code,
        agencyCode: row.agency_code,
        unitCode: row.unit_code,
        procedureId: Number(row.procedure_id),
        procedureCode: codes.get(Number(row.procedure_id)) ?? null,
        channel: row.channel,
        receivedAt: isoOrNull(row.received_at) as string,
        finishedAt: isoOrNull(row.finished_at),
        legal: item.legal,
        national: item.national,
        scores: { ...scores.scores },
        total: scores.total,
        scored: scores.scored,
      })),
    };
  };

  const getOnTime = (q: Parameters<typeof getOnTimeUncached>[0]) => cached('on-time', q, () => getOnTimeUncached(q));
  const get766 = (q: TStatsQuery) => cached('766', q, () => get766Uncached(q));
  const getTt01 = (q: Parameters<typeof getTt01Uncached>[0]) => cached('tt01', q, () => getTt01Uncached(q));
  const getTt01Dossiers = (q: Parameters<typeof getTt01DossiersUncached>[0]) => cached('tt01-dossiers', q, () => getTt01DossiersUncached(q));

  return { ensureStatFacts, resolvePeriod, getOnTime, get766, getTt01, getTt01Dossiers, loadScoredDossiers, catalogueAt };
};

const round2 = (x: number): number => Math.round(x * 100) / 100;

export type TServiceIndexService = ReturnType<typeof createServiceIndexService>;
