/**
 * Early / on-time / late classification of dossiers in the two variants of spec §2.3 and the
 * on-time table by procedure, unit, channel and period.
 *
 * - LEGAL (ND 61 / TT 01): a finished dossier is EARLY, ON_TIME or LATE against its legal due
 *   instant (original deadline, restarted after a completed supplement, never moved by a
 *   reschedule); a stopped dossier (withdrawn, cancelled) is not classified; a dossier in
 *   progress is IN_TIME or OVERDUE at the reference instant.
 * - NATIONAL_PORTAL (QĐ 766 indicator 2.1): every received dossier is classified; supplement
 *   waiting time is subtracted, more than one supplement request ⇒ LATE, one open request ends
 *   the dossier at the request, an unfinished dossier is ended at the end of the period.
 */
import {
  classifyInProgress,
  classifyNationalPortal,
  classifyTimeliness,
  getVnDate,
  toEpochMs,
  type TProgressTimeliness,
  type TTimeliness,
  type TTimestamp,
  type TWorkCalendar,
} from '../calendar/workdays';
import type { TChannel, TDossierFact } from './service-index.types';

export type TLegalClass = TTimeliness | TProgressTimeliness | 'STOPPED';

/**
 * Legal classification of one dossier. Finished without a deadline (immediate result) counts as
 * ON_TIME; a stopped dossier is STOPPED; in progress: IN_TIME/OVERDUE at `asOf` (a dossier
 * without a deadline is IN_TIME).
 */
export const classifyLegal = (fact: TDossierFact, asOf: TTimestamp): TLegalClass => {
  if (fact.outcome === 'STOPPED') return 'STOPPED';
  if (fact.outcome === 'IN_PROGRESS' || fact.endAt === null) {
    return fact.dueAt === null ? 'IN_TIME' : classifyInProgress({ dueAt: fact.dueAt, now: asOf });
  }
  if (fact.legalTimeliness) return fact.legalTimeliness;
  if (fact.dueAt === null) return 'ON_TIME';
  return classifyTimeliness({ dueAt: fact.dueAt, dueDate: fact.dueDate ?? undefined, processedAt: fact.endAt });
};

/**
 * National-portal classification (766 indicator 2.1) of one dossier; `periodEnd` ends unfinished
 * dossiers. Without an appointment and a legal time (immediate result) the dossier is ON_TIME
 * unless it had more than one supplement request.
 */
export const classifyNational = (cal: TWorkCalendar, fact: TDossierFact, periodEnd: TTimestamp): TTimeliness => {
  if (fact.endAt !== null && fact.nationalTimeliness) return fact.nationalTimeliness;
  const supplements = fact.supplements ?? [];
  const appointmentAt = fact.appointmentAt ?? fact.dueAt;
  if (appointmentAt === null && !fact.legalTime) return supplements.length > 1 ? 'LATE' : 'ON_TIME';
  // An unfinished dossier is ended at the end of the period, or now when the period is not over.
  return classifyNationalPortal(cal, {
    receivedAt: fact.receivedAt,
    endAt: fact.endAt,
    appointmentAt,
    legalTime: fact.legalTime ?? undefined,
    supplements,
    periodEnd,
  }).timeliness;
};

/** Dimensions of the on-time table. */
export type TGroupBy = 'procedure' | 'unit' | 'channel' | 'month' | 'quarter' | 'year' | 'all';

/** One row of the on-time table. Rates are ratios 0..1, null when nothing to rate. */
export type TOnTimeRow = {
  key: string;
  received: number;
  /** Finished with a result (approved or refused). */
  finished: number;
  early: number;
  onTime: number;
  late: number;
  inProgress: number;
  inTime: number;
  overdue: number;
  stopped: number;
  /** LEGAL: (early + on time) ÷ finished. */
  onTimeRate: number | null;
  /** NATIONAL_PORTAL: every received dossier classified. */
  nationalEarlyOrOnTime: number;
  nationalLate: number;
  /** NATIONAL_PORTAL: (early + on time) ÷ received. */
  nationalOnTimeRate: number | null;
};

/** Key of a dossier in a dimension (periods by Vietnam receipt date). */
export const groupKey = (fact: TDossierFact, by: TGroupBy): string => {
  switch (by) {
    case 'procedure':
      return String(fact.procedureId);
    case 'unit':
      return fact.unitId === null ? '' : String(fact.unitId);
    case 'channel':
      return fact.channel;
    case 'month':
      return getVnDate(fact.receivedAt).slice(0, 7);
    case 'quarter': {
      const date = getVnDate(fact.receivedAt);
      return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
    }
    case 'year':
      return getVnDate(fact.receivedAt).slice(0, 4);
    case 'all':
      return 'all';
    default: {
      const unknown: never = by;
      throw new RangeError(`unknown dimension ${String(unknown)}`);
    }
  }
};

const emptyRow = (key: string): TOnTimeRow => ({
  key,
  received: 0,
  finished: 0,
  early: 0,
  onTime: 0,
  late: 0,
  inProgress: 0,
  inTime: 0,
  overdue: 0,
  stopped: 0,
  onTimeRate: null,
  nationalEarlyOrOnTime: 0,
  nationalLate: 0,
  nationalOnTimeRate: null,
});

/** A dossier with both classifications computed once. */
export type TClassifiedDossier = { fact: TDossierFact; legal: TLegalClass; national: TTimeliness };

/**
 * Classifies every dossier once. `asOf` is the reference instant for dossiers in progress
 * (usually now); `periodEnd` ends unfinished dossiers in the national variant (the earlier of
 * the period end and `asOf` is used, so an open period is measured now).
 */
export const classifyDossiers = (cal: TWorkCalendar, facts: readonly TDossierFact[], options: { asOf: TTimestamp; periodEnd: TTimestamp }): TClassifiedDossier[] => {
  const end = Math.min(toEpochMs(options.periodEnd), toEpochMs(options.asOf));
  return facts.map((fact) => ({ fact, legal: classifyLegal(fact, options.asOf), national: classifyNational(cal, fact, end) }));
};

const addToRow = (row: TOnTimeRow, item: TClassifiedDossier): void => {
  row.received++;
  switch (item.legal) {
    case 'EARLY':
      row.finished++;
      row.early++;
      break;
    case 'ON_TIME':
      row.finished++;
      row.onTime++;
      break;
    case 'LATE':
      row.finished++;
      row.late++;
      break;
    case 'IN_TIME':
      row.inProgress++;
      row.inTime++;
      break;
    case 'OVERDUE':
      row.inProgress++;
      row.overdue++;
      break;
    case 'STOPPED':
      row.stopped++;
      break;
  }
  if (item.national === 'LATE') row.nationalLate++;
  else row.nationalEarlyOrOnTime++;
};

const finishRow = (row: TOnTimeRow): TOnTimeRow => ({
  ...row,
  onTimeRate: row.finished === 0 ? null : (row.early + row.onTime) / row.finished,
  nationalOnTimeRate: row.received === 0 ? null : row.nationalEarlyOrOnTime / row.received,
});

/** Additive counts of one on-time row (what SQL can aggregate for dossiers already classified). */
export type TOnTimeCounts = Omit<TOnTimeRow, 'onTimeRate' | 'nationalOnTimeRate'>;

const COUNT_FIELDS = ['received', 'finished', 'early', 'onTime', 'late', 'inProgress', 'inTime', 'overdue', 'stopped', 'nationalEarlyOrOnTime', 'nationalLate'] as const;

/**
 * On-time table: one row per key of the dimension, sorted by key, plus the total row.
 * `aggregates` are counts computed elsewhere (SQL, for dossiers whose classification is stored)
 * and are added to the counts of `items` (classified here).
 */
export const summariseOnTime = (items: readonly TClassifiedDossier[], by: TGroupBy, aggregates: readonly TOnTimeCounts[] = []): { rows: TOnTimeRow[]; total: TOnTimeRow } => {
  const rows = new Map<string, TOnTimeRow>();
  const total = emptyRow('total');
  const rowOf = (key: string): TOnTimeRow => {
    let row = rows.get(key);
    if (!row) {
      row = emptyRow(key);
      rows.set(key, row);
    }
    return row;
  };
  for (const aggregate of aggregates) {
    const row = rowOf(aggregate.key);
    for (const field of COUNT_FIELDS) {
      row[field] += aggregate[field];
      total[field] += aggregate[field];
    }
  }
  for (const item of items) {
    addToRow(rowOf(groupKey(item.fact, by)), item);
    addToRow(total, item);
  }
  const sorted = [...rows.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { rows: sorted.map(finishRow), total: finishRow(total) };
};

/** Channel share among received dossiers (counts by channel). */
export const countByChannel = (facts: readonly TDossierFact[]): Record<TChannel, number> => {
  const counts: Record<TChannel, number> = { DIRECT: 0, ONLINE: 0, POSTAL: 0 };
  for (const f of facts) counts[f.channel]++;
  return counts;
};
