/**
 * Pure rules of one-stop dossiers: the dossier code (spec §1.4), the processing time of a
 * procedure version for a channel, the end-time classification in both variants (spec §2.3)
 * and the per-dossier evaluation scores of TT 01/2018 Đ13.
 */
import { classifyNationalPortal, classifyTimeliness, getVnDate, scoreTimeliness, type TLegalTime, type TTimeliness, type TWorkCalendar } from '../../domain/calendar/workdays';

/** `V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX` (TT 01/2018 Đ19). */
export const DOSSIER_CODE_RE = /^\d{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z]\d{2}-\d{6}-\d{4}$/;

/** The dossier code of the `seq`-th receipt of the agency on the Vietnam day `day` (YYYY-MM-DD). */
export const formatDossierCode = (agencyCode: string, day: string, seq: number): string => {
  if (!Number.isInteger(seq) || seq < 1 || seq > 9999) throw new RangeError(`daily sequence ${seq} is outside 1..9999`);
  return `${agencyCode}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${String(seq).padStart(4, '0')}`;
};

export type TChannel = 'DIRECT' | 'ONLINE' | 'POSTAL';

/** Processing time of a version for a channel (the method's own time, else the version's). */
export const processingTimeFor = (version: { methods: unknown; processingTimeValue: string; processingTimeUnit: string }, channel: TChannel): TLegalTime => {
  const methods = (version.methods ?? []) as { channel: string; processingTime: TLegalTime }[];
  const method = methods.find((m) => m.channel === channel);
  return method ? method.processingTime : { value: Number(version.processingTimeValue), unit: version.processingTimeUnit as TLegalTime['unit'] };
};

/** Whether the version can be submitted on a channel. */
export const acceptsChannel = (version: { methods: unknown }, channel: TChannel): boolean => ((version.methods ?? []) as { channel: string }[]).some((m) => m.channel === channel);

/** Legal time as printed on the slip, e.g. "15 ngày làm việc". */
export const formatLegalTimeVi = (t: TLegalTime): string => `${t.value} ${t.unit === 'WORKING_DAY' ? 'ngày làm việc' : t.unit === 'CALENDAR_DAY' ? 'ngày' : 'giờ làm việc'}`;

export type TFinishInput = {
  receivedAt: Date | null;
  /** Legal due in force (after a restart). */
  dueAt: Date | null;
  /** Appointment printed at receipt (national portal variant: NgayHenTra). */
  firstDueAt: Date | null;
  finishedAt: Date;
  supplements: { requestedAt: Date; completedAt: Date | null }[];
  limit: TLegalTime | null;
};

/**
 * Classification at the end (spec §2.3): legal — against the legal due in force (restarted
 * after a complete supplement, never moved by a reschedule); national portal (766, 2.1) —
 * against the appointment given at receipt, supplement time subtracted, more than one
 * supplement ⇒ LATE. Null when the dossier was never received.
 */
export const classifyFinish = (cal: TWorkCalendar, f: TFinishInput): { legal: TTimeliness | null; portal: TTimeliness | null } => {
  if (!f.receivedAt || !f.dueAt) return { legal: null, portal: null };
  const legal = classifyTimeliness({ dueAt: f.dueAt.getTime(), processedAt: f.finishedAt.getTime() });
  const portal = classifyNationalPortal(cal, {
    receivedAt: f.receivedAt.getTime(),
    endAt: f.finishedAt.getTime(),
    appointmentAt: (f.firstDueAt ?? f.dueAt).getTime(),
    legalTime: f.limit ?? undefined,
    supplements: f.supplements.map((s) => ({ requestedAt: s.requestedAt.getTime(), completedAt: s.completedAt ? s.completedAt.getTime() : null })),
    periodEnd: f.finishedAt.getTime(),
  }).timeliness;
  return { legal, portal };
};

export type TEvaluationAnswers = {
  contactsCount: 0 | 1 | 2;
  agenciesContacted: 'NONE' | 'ONE_STOP_ONLY' | 'SEVERAL';
  hadComplaint: boolean;
  satisfaction: 'SATISFIED' | 'NEUTRAL' | 'DISSATISFIED';
};

/**
 * Per-dossier scores of TT 01/2018 Đ13 (2/1/0): (1) total time vs legal; (2) each unit's time
 * vs its limit (the worst step; null without step limits); (3) contacts to complete the
 * dossier (0/1/>1); (4) agencies contacted (none / only the one-stop unit / more); (7) attitude
 * (early and no complaint = 2; on time and none = 1; a complaint or late = 0).
 */
export const scoreEvaluation = (
  answers: TEvaluationAnswers,
  facts: { timeliness: TTimeliness | null; steps: { dueAt: Date | null; finishedAt: Date | null }[] },
): { score1: number | null; score2: number | null; score3: number; score4: number; score7: number | null } => {
  const score1 = facts.timeliness ? scoreTimeliness(facts.timeliness) : null;
  const timed = facts.steps.filter((s) => s.dueAt && s.finishedAt);
  const score2 = timed.length ? Math.min(...timed.map((s) => scoreTimeliness(classifyTimeliness({ dueAt: (s.dueAt as Date).getTime(), processedAt: (s.finishedAt as Date).getTime() })))) : null;
  const score3 = answers.contactsCount === 0 ? 2 : answers.contactsCount === 1 ? 1 : 0;
  const score4 = answers.agenciesContacted === 'NONE' ? 2 : answers.agenciesContacted === 'ONE_STOP_ONLY' ? 1 : 0;
  let score7: number | null = null;
  if (facts.timeliness) score7 = answers.hadComplaint || facts.timeliness === 'LATE' ? 0 : facts.timeliness === 'EARLY' ? 2 : 1;
  return { score1, score2, score3, score4, score7 };
};

/** The Vietnam date of an instant (YYYY-MM-DD). */
export const vnDay = (at: Date): string => getVnDate(at.getTime());
