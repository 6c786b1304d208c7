/**
 * QĐ 766/QĐ-TTg service index (spec procedures-and-calendar §4): the indicators the Department's
 * own data supports, each with its ratio and its score `max × min(1, ratio ÷ T)`.
 *
 * Every weight and threshold is configuration (`DEFAULT_766_CONFIG`). Verified by the spec's
 * sources: the group maxima 18/20/22/22/18, 2.1 = 20 points, 5.4 = 6 points, 1.2 = 4 points and
 * the thresholds 80/50/80/80/80/90 % of 3.1, 3.3, 3.5, 4.2, 4.3, 5.4. The other sub-weights were
 * not found: by default the rest of a group's maximum is shared equally among its scored
 * indicators, and each of them is flagged `weightVerified: false`.
 * A zero denominator makes an indicator not applicable (never 0 ÷ 0).
 */
import { countWorkingDays, getEffectiveReceiptDay, getVnDate, toEpochMs, type TTimestamp, type TWorkCalendar } from '../calendar/workdays';
import { roundHalfUp } from './rounding';
import type { TClassifiedDossier } from './timeliness';
import type { TCatalogueProcedure, TChannel } from './service-index.types';

export const INDICATOR_766_IDS = ['1.1', '1.2', '1.3', '1.4', '2.1', '2.2', '3.1', '3.2', '3.3', '3.5', '3.6', '4.1', '4.2', '4.3', '4.4', '4.5', '5.1', '5.2', '5.3', '5.4'] as const;
export type TIndicator766Id = (typeof INDICATOR_766_IDS)[number];

/** Group maxima (Công khai 18 · Tiến độ 20 · Trực tuyến 22 · Số hóa 22 · Hài lòng 18). */
export const GROUP_MAXIMA_766: Record<1 | 2 | 3 | 4 | 5, number> = { 1: 18, 2: 20, 3: 22, 4: 22, 5: 18 };

/** Weight of one indicator: points (null: monitoring only), threshold T as a ratio, provenance. */
export type TIndicatorWeight = { maxPoints: number | null; threshold: number; weightVerified: boolean };

export type T766Config = {
  weights: Record<TIndicator766Id, TIndicatorWeight>;
  /**
   * Share of the Department's dossiers synchronised to the national portal (multiplies 3.3).
   * The Department's system is the source of its dossiers; 1 unless a sync report says otherwise.
   */
  syncRate: number;
  /** Decimals of scores (points). */
  scoreDecimals: number;
};

const share = (group: number, indicators: number): number => group / indicators;

export const DEFAULT_766_CONFIG: T766Config = {
  weights: {
    '1.1': { maxPoints: share(18 - 4, 3), threshold: 1, weightVerified: false },
    '1.2': { maxPoints: 4, threshold: 1, weightVerified: true },
    '1.3': { maxPoints: share(18 - 4, 3), threshold: 1, weightVerified: false },
    '1.4': { maxPoints: share(18 - 4, 3), threshold: 1, weightVerified: false },
    '2.1': { maxPoints: 20, threshold: 1, weightVerified: true },
    '2.2': { maxPoints: null, threshold: 1, weightVerified: true },
    '3.1': { maxPoints: share(22, 5), threshold: 0.8, weightVerified: false },
    '3.2': { maxPoints: share(22, 5), threshold: 1, weightVerified: false },
    '3.3': { maxPoints: share(22, 5), threshold: 0.5, weightVerified: false },
    '3.5': { maxPoints: share(22, 5), threshold: 0.8, weightVerified: false },
    '3.6': { maxPoints: share(22, 5), threshold: 1, weightVerified: false },
    '4.1': { maxPoints: share(22, 5), threshold: 1, weightVerified: false },
    '4.2': { maxPoints: share(22, 5), threshold: 0.8, weightVerified: false },
    '4.3': { maxPoints: share(22, 5), threshold: 0.8, weightVerified: false },
    '4.4': { maxPoints: share(22, 5), threshold: 1, weightVerified: false },
    '4.5': { maxPoints: share(22, 5), threshold: 1, weightVerified: false },
    '5.1': { maxPoints: null, threshold: 1, weightVerified: true },
    '5.2': { maxPoints: share(18 - 6, 2), threshold: 1, weightVerified: false },
    '5.3': { maxPoints: share(18 - 6, 2), threshold: 1, weightVerified: false },
    '5.4': { maxPoints: 6, threshold: 0.9, weightVerified: true },
  },
  syncRate: 1,
  scoreDecimals: 2,
};

/** Why an indicator has no value: the Department's system does not hold its data, or its denominator is 0. */
export type TNotApplicableReason = 'NOT_SUPPORTED' | 'NO_DATA';

export type TIndicator766Result = {
  id: TIndicator766Id;
  group: 1 | 2 | 3 | 4 | 5;
  applicable: boolean;
  reason: TNotApplicableReason | null;
  numerator: number | null;
  denominator: number | null;
  /** Ratio 0..1 (rate indicators), null when not applicable or a monitoring value. */
  ratio: number | null;
  /** Monitoring value (2.2: average handling time in days). */
  value: number | null;
  threshold: number;
  maxPoints: number | null;
  /** Points earned; null for monitoring indicators and when not applicable. */
  score: number | null;
  weightVerified: boolean;
  /** Indicator-specific breakdown. */
  detail: Record<string, unknown> | null;
};

export type T766Summary = {
  indicators: TIndicator766Result[];
  /** Points earned over the applicable scored indicators. */
  earned: number;
  /** Maximum points of the applicable scored indicators. */
  available: number;
  /** earned ÷ available × 100 (1 decimal); null when nothing is applicable. */
  normalised: number | null;
};

/**
 * Score of a ratio indicator: `max × min(1, ratio ÷ T)` rounded to `decimals`.
 * Computed as numerator ÷ (denominator × T) so that a ratio exactly at the threshold earns the
 * full points.
 */
export const scoreRatio = (numerator: number, denominator: number, weight: Pick<TIndicatorWeight, 'maxPoints' | 'threshold'>, decimals = 2): number | null => {
  if (weight.maxPoints === null || denominator <= 0) return null;
  if (!(weight.threshold > 0)) throw new RangeError('threshold must be positive');
  const attainment = Math.min(1, numerator / (denominator * weight.threshold));
  return roundHalfUp(weight.maxPoints * Math.max(0, attainment), decimals);
};

const GROUP_OF = (id: TIndicator766Id): 1 | 2 | 3 | 4 | 5 => Number(id.charAt(0)) as 1 | 2 | 3 | 4 | 5;

const SUPPORTED = new Set<TIndicator766Id>(['1.3', '2.1', '2.2', '3.1', '3.2', '3.3', '3.5', '3.6', '4.1', '4.2', '5.4']);

/** Per-procedure counts over the dossiers of the period. */
export type T766ProcedureCounts = {
  procedureId: number;
  /** Online dossiers received (3.2). */
  online: number;
  /** Dossiers paid online (3.5: the procedure's fee payment is integrated). */
  paidOnline: number;
  /** Finished with a result (2.2), their elapsed days and working days. */
  finished: number;
  handlingDays: number;
  handlingWorkingDays: number;
};

/**
 * The sufficient statistics of the 766 indicators over the dossiers received in a period:
 * additive counts, so that SQL can aggregate the dossiers whose classification is stored and
 * the dossiers classified here (in progress) can be added (merge766Counts).
 */
export type T766Counts = {
  received: number;
  byChannel: Record<TChannel, number>;
  /** Online dossiers that count for 3.3 (an approved paper-result dossier needs an e-result). */
  onlineQualified: number;
  /** National-portal classification (2.1). */
  nationalEarly: number;
  nationalLate: number;
  /** Approved dossiers of procedures with a paper result, and those with an e-result (4.1). */
  approvedPaper: number;
  approvedPaperWithEResult: number;
  /** Digitised components, e-result, both (4.2). */
  digitised: number;
  electronicResult: number;
  digitisedWithEResult: number;
  /** Dossiers with fees, those paid online; whether payment is recorded at all (3.6). */
  feeDossiers: number;
  feeDossiersPaidOnline: number;
  paymentRecorded: boolean;
  /** Dossiers with a complaint or a dislike (5.4). */
  dissatisfied: number;
  procedures: T766ProcedureCounts[];
};

export const empty766Counts = (): T766Counts => ({
  received: 0,
  byChannel: { DIRECT: 0, ONLINE: 0, POSTAL: 0 },
  onlineQualified: 0,
  nationalEarly: 0,
  nationalLate: 0,
  approvedPaper: 0,
  approvedPaperWithEResult: 0,
  digitised: 0,
  electronicResult: 0,
  digitisedWithEResult: 0,
  feeDossiers: 0,
  feeDossiersPaidOnline: 0,
  paymentRecorded: false,
  dissatisfied: 0,
  procedures: [],
});

const SCALAR_766 = ['received', 'onlineQualified', 'nationalEarly', 'nationalLate', 'approvedPaper', 'approvedPaperWithEResult', 'digitised', 'electronicResult', 'digitisedWithEResult', 'feeDossiers', 'feeDossiersPaidOnline', 'dissatisfied'] as const;

/** Sum of two count sets. */
export const merge766Counts = (a: T766Counts, b: T766Counts): T766Counts => {
  const out = empty766Counts();
  for (const f of SCALAR_766) out[f] = a[f] + b[f];
  for (const c of ['DIRECT', 'ONLINE', 'POSTAL'] as const) out.byChannel[c] = a.byChannel[c] + b.byChannel[c];
  out.paymentRecorded = a.paymentRecorded || b.paymentRecorded;
  const byId = new Map<number, T766ProcedureCounts>();
  for (const p of [...a.procedures, ...b.procedures]) {
    const e = byId.get(p.procedureId);
    if (!e) byId.set(p.procedureId, { ...p });
    else {
      e.online += p.online;
      e.paidOnline += p.paidOnline;
      e.finished += p.finished;
      e.handlingDays += p.handlingDays;
      e.handlingWorkingDays += p.handlingWorkingDays;
    }
  }
  out.procedures = [...byId.values()].sort((x, y) => x.procedureId - y.procedureId);
  return out;
};

/** Handling time of a finished dossier: elapsed days, and working days from the effective receipt day R to the end date. */
export const measureHandling = (cal: TWorkCalendar, receivedAt: TTimestamp, endAt: TTimestamp): { days: number; workingDays: number } => ({
  days: Math.max(0, toEpochMs(endAt) - toEpochMs(receivedAt)) / 86_400_000,
  workingDays: Math.max(0, countWorkingDays(cal, getEffectiveReceiptDay(cal, receivedAt), getVnDate(endAt))),
});

/** Counts of classified dossiers (the same rules SQL applies to stored classifications). */
export const count766 = (cal: TWorkCalendar, dossiers: readonly TClassifiedDossier[]): T766Counts => {
  const c = empty766Counts();
  const byId = new Map<number, T766ProcedureCounts>();
  const proc = (id: number): T766ProcedureCounts => {
    let e = byId.get(id);
    if (!e) {
      e = { procedureId: id, online: 0, paidOnline: 0, finished: 0, handlingDays: 0, handlingWorkingDays: 0 };
      byId.set(id, e);
    }
    return e;
  };
  for (const { fact: f, national } of dossiers) {
    c.received++;
    c.byChannel[f.channel]++;
    if (f.channel === 'ONLINE') {
      proc(f.procedureId).online++;
      if (!(f.outcome === 'APPROVED' && f.resultIsPaper === true && f.electronicResult !== true)) c.onlineQualified++;
    }
    if (national === 'EARLY') c.nationalEarly++;
    if (national === 'LATE') c.nationalLate++;
    if (f.outcome === 'APPROVED' && f.resultIsPaper === true) {
      c.approvedPaper++;
      if (f.electronicResult === true) c.approvedPaperWithEResult++;
    }
    if (f.digitised === true) c.digitised++;
    if (f.electronicResult === true) c.electronicResult++;
    if (f.digitised === true && f.electronicResult === true) c.digitisedWithEResult++;
    if (f.paidOnline !== undefined && f.paidOnline !== null) c.paymentRecorded = true;
    if (f.paidOnline === true) proc(f.procedureId).paidOnline++;
    if (f.feeBearing === true) {
      c.feeDossiers++;
      if (f.paidOnline === true) c.feeDossiersPaidOnline++;
    }
    if (f.complaint === true || f.dislike === true) c.dissatisfied++;
    if ((f.outcome === 'APPROVED' || f.outcome === 'REFUSED') && f.endAt !== null) {
      const h = measureHandling(cal, f.receivedAt, f.endAt);
      const e = proc(f.procedureId);
      e.finished++;
      e.handlingDays += h.days;
      e.handlingWorkingDays += h.workingDays;
    }
  }
  c.procedures = [...byId.values()].sort((x, y) => x.procedureId - y.procedureId);
  return c;
};

export type TCompute766Input = {
  /** Counts over the dossiers received in the period (count766, SQL aggregates, merge766Counts). */
  counts: T766Counts;
  /** Procedures of the catalogue as in force at the end of the period. */
  catalogue: readonly TCatalogueProcedure[];
  config?: Partial<T766Config>;
};

/** Computes every indicator of the table (unsupported ones are listed as NOT_SUPPORTED). */
export const compute766 = (input: TCompute766Input): T766Summary => {
  const config: T766Config = { ...DEFAULT_766_CONFIG, ...input.config, weights: { ...DEFAULT_766_CONFIG.weights, ...input.config?.weights } };
  if (!(config.syncRate >= 0 && config.syncRate <= 1)) throw new RangeError('syncRate must be between 0 and 1');
  const decimals = config.scoreDecimals;
  const c = input.counts;
  const n = c.received;
  const publicProcedures = input.catalogue.filter((p) => p.status === 'PUBLIC');
  const perProcedure = new Map(c.procedures.map((p) => [p.procedureId, p]));

  /** A rate indicator: ratio = numerator × factor ÷ denominator; score = max × min(1, ratio ÷ T). */
  const rate = (id: TIndicator766Id, numerator: number, denominator: number, detail: Record<string, unknown> | null = null, factor = 1): TIndicator766Result => {
    const weight = config.weights[id];
    const base = { id, group: GROUP_OF(id), threshold: weight.threshold, maxPoints: weight.maxPoints, weightVerified: weight.weightVerified, value: null };
    if (denominator <= 0) return { ...base, applicable: false, reason: 'NO_DATA', numerator, denominator, ratio: null, score: null, detail };
    const score = scoreRatio(numerator * factor, denominator, weight, decimals);
    return { ...base, applicable: true, reason: null, numerator, denominator, ratio: (numerator * factor) / denominator, score, detail };
  };
  const notSupported = (id: TIndicator766Id): TIndicator766Result => {
    const weight = config.weights[id];
    return { id, group: GROUP_OF(id), applicable: false, reason: 'NOT_SUPPORTED', numerator: null, denominator: null, ratio: null, value: null, threshold: weight.threshold, maxPoints: weight.maxPoints, score: null, weightVerified: weight.weightVerified, detail: null };
  };

  const results = new Map<TIndicator766Id, TIndicator766Result>();

  // 1.3 — published with all components of ND 63 Đ8.2.
  const incomplete = publicProcedures.filter((p) => p.missingComponents.length > 0);
  results.set('1.3', rate('1.3', publicProcedures.length - incomplete.length, publicProcedures.length, { incomplete: incomplete.map((p) => ({ procedureId: p.id, code: p.code, missing: [...p.missingComponents] })) }));

  // 2.1 — early or on time, national-portal variant, over dossiers received in the period.
  results.set('2.1', rate('2.1', n - c.nationalLate, n, { variant: 'NATIONAL_PORTAL', early: c.nationalEarly, onTime: n - c.nationalLate - c.nationalEarly, late: c.nationalLate }));

  // 2.2 — average handling time of finished dossiers (status 9/10), monitoring.
  results.set('2.2', averageHandling(c, config));

  // 3.1 — procedures with a (partial or full) online service.
  const onlineProcedures = publicProcedures.filter((p) => p.onlineLevel !== 'NONE');
  results.set('3.1', rate('3.1', onlineProcedures.length, publicProcedures.length, { partial: onlineProcedures.filter((p) => p.onlineLevel === 'PARTIAL').length, full: onlineProcedures.filter((p) => p.onlineLevel === 'FULL').length }));

  // 3.2 — online services that received at least one online dossier.
  const used = (p: TCatalogueProcedure): boolean => (perProcedure.get(p.id)?.online ?? 0) > 0;
  results.set('3.2', rate('3.2', onlineProcedures.filter(used).length, onlineProcedures.length, { unused: onlineProcedures.filter((p) => !used(p)).map((p) => ({ procedureId: p.id, code: p.code })) }));

  // 3.3 — share of online dossiers (with an e-result where the result is a paper document) × sync rate.
  results.set(
    '3.3',
    rate(
      '3.3',
      c.onlineQualified,
      n,
      {
        syncRate: config.syncRate,
        online: c.byChannel.ONLINE,
        onlineQualified: c.onlineQualified,
        direct: c.byChannel.DIRECT,
        postal: c.byChannel.POSTAL,
        directRatio: n ? c.byChannel.DIRECT / n : null,
        postalRatio: n ? c.byChannel.POSTAL / n : null,
      },
      config.syncRate,
    ),
  );

  // 3.5 — fee-bearing procedures with online payment integrated: recorded on the catalogue, or
  // (when not recorded) shown by at least one dossier paid online in the period.
  const feeProcedures = publicProcedures.filter((p) => p.feeBearing);
  const integrated = (p: TCatalogueProcedure): boolean | null =>
    p.onlinePaymentIntegrated !== undefined && p.onlinePaymentIntegrated !== null ? p.onlinePaymentIntegrated : c.paymentRecorded ? (perProcedure.get(p.id)?.paidOnline ?? 0) > 0 : null;
  const feeKnown = feeProcedures.filter((p) => integrated(p) !== null);
  results.set('3.5', feeKnown.length === 0 ? notSupported('3.5') : rate('3.5', feeKnown.filter((p) => integrated(p) === true).length, feeProcedures.length));

  // 3.6 — dossiers of fee-bearing procedures paid online (only when payment data is recorded).
  results.set('3.6', c.paymentRecorded ? rate('3.6', c.feeDossiersPaidOnline, c.feeDossiers) : notSupported('3.6'));

  // 4.1 — electronic results among approved dossiers of procedures with a paper result.
  results.set('4.1', rate('4.1', c.approvedPaperWithEResult, c.approvedPaper));

  // 4.2 — dossiers digitised AND with an electronic result, over all received.
  results.set('4.2', rate('4.2', c.digitisedWithEResult, n, { digitised: c.digitised, electronicResult: c.electronicResult }));

  // 5.4 — 100 % − (late rate + rate of dossiers with a complaint or a dislike). Both rates share
  // the denominator n, so the ratio is (n − late − dissatisfied) ÷ n, floored at 0.
  results.set('5.4', rate('5.4', Math.max(0, n - c.nationalLate - c.dissatisfied), n, { late: c.nationalLate, dissatisfied: c.dissatisfied, lateRatio: n ? c.nationalLate / n : null, dissatisfiedRatio: n ? c.dissatisfied / n : null }));

  const indicators = INDICATOR_766_IDS.map((id) => results.get(id) ?? notSupported(id)).map((r) => (SUPPORTED.has(r.id) || r.applicable ? r : notSupported(r.id)));
  let earned = 0;
  let available = 0;
  for (const r of indicators) {
    if (r.applicable && r.score !== null && r.maxPoints !== null) {
      earned += r.score;
      available += r.maxPoints;
    }
  }
  earned = roundHalfUp(earned, decimals);
  available = roundHalfUp(available, decimals);
  return { indicators, earned, available, normalised: available > 0 ? roundHalfUp((earned / available) * 100, 1) : null };
};

/** 2.2: average handling time (elapsed days and working days) of finished dossiers, by procedure. */
const averageHandling = (c: T766Counts, config: T766Config): TIndicator766Result => {
  const weight = config.weights['2.2'];
  const base = { id: '2.2' as const, group: 2 as const, threshold: weight.threshold, maxPoints: weight.maxPoints, weightVerified: weight.weightVerified, ratio: null, score: null };
  let finished = 0;
  let days = 0;
  let workingDays = 0;
  for (const p of c.procedures) {
    finished += p.finished;
    days += p.handlingDays;
    workingDays += p.handlingWorkingDays;
  }
  if (finished === 0) return { ...base, applicable: false, reason: 'NO_DATA', numerator: 0, denominator: 0, value: null, detail: null };
  const perProcedure = c.procedures
    .filter((p) => p.finished > 0)
    .map((p) => ({ procedureId: p.procedureId, finished: p.finished, averageDays: roundHalfUp(p.handlingDays / p.finished, 2), averageWorkingDays: roundHalfUp(p.handlingWorkingDays / p.finished, 2) }));
  return {
    ...base,
    applicable: true,
    reason: null,
    numerator: roundHalfUp(days, 4),
    denominator: finished,
    value: roundHalfUp(days / finished, 2),
    detail: { averageWorkingDays: roundHalfUp(workingDays / finished, 2), perProcedure },
  };
};

/**
 * Components of ND 63 Đ8.2 missing from a procedure record (name, sequence, methods, dossier,
 * time limit, subjects, agency).
 */
export const findMissingComponents = (content: {
  name?: string | null;
  sequence?: string | null;
  methods?: readonly unknown[] | null;
  dossierComponents?: readonly unknown[] | null;
  processingTime?: { value: number } | null;
  subjects?: readonly unknown[] | null;
  agencies?: { competent?: string | null; implementing?: string | null } | null;
}): ('name' | 'sequence' | 'methods' | 'dossier' | 'processingTime' | 'subjects' | 'agency')[] => {
  const missing: ('name' | 'sequence' | 'methods' | 'dossier' | 'processingTime' | 'subjects' | 'agency')[] = [];
  const filled = (s: string | null | undefined): boolean => typeof s === 'string' && s.trim().length > 0;
  if (!filled(content.name)) missing.push('name');
  if (!filled(content.sequence)) missing.push('sequence');
  if (!content.methods || content.methods.length === 0) missing.push('methods');
  if (!content.dossierComponents || content.dossierComponents.length === 0) missing.push('dossier');
  if (!content.processingTime || !Number.isFinite(content.processingTime.value)) missing.push('processingTime');
  if (!content.subjects || content.subjects.length === 0) missing.push('subjects');
  if (!content.agencies || !(filled(content.agencies.competent) || filled(content.agencies.implementing))) missing.push('agency');
  return missing;
};
