/**
 * TT 01/2018/TT-VPCP Đ13–15 (spec procedures-and-calendar §3.2): nine indicators scored 2/1/0.
 * Per dossier: 1 (total time vs legal), 2 (each unit's time vs its limit), 3 (contacts to
 * complete the dossier), 4 (agencies contacted), 7 (attitude). Per agency: 5 (procedures fully
 * handled at the one-stop unit), 6 (publication), 8 (complaint handling), 9 (online service).
 * An agency's indicator = Σ dossier scores ÷ dossiers, 1 decimal (Đ15.2a); indicators without
 * data are skipped (Đ15.4b). Agency rating (Đ15.3) on the total: ≥15 excellent, 12–<15 good,
 * 9–<12 fair, 6–<9 average, <6 weak; officers: ≥5 complete, 3.5–<5 partly, <3.5 below 70 %.
 *
 * Measured facts come first; the applicant's own answer (evaluation) is used for an indicator
 * only when the system has no fact for it. Partial-score thresholds the spec does not give are
 * configuration (`DEFAULT_TT01_CONFIG`, marked there).
 */
import { classifyTimeliness, type TTimeliness } from '../calendar/workdays';
import { averageRounded, roundHalfUp } from './rounding';
import type { TClassifiedDossier } from './timeliness';
import type { TAgencyContacts, TCatalogueProcedure, TDossierFact, TPoint } from './service-index.types';

export const DOSSIER_INDICATORS = [1, 2, 3, 4, 7] as const;
export const AGENCY_INDICATORS = [5, 6, 8, 9] as const;
export type TDossierIndicator = (typeof DOSSIER_INDICATORS)[number];
export type TAgencyIndicator = (typeof AGENCY_INDICATORS)[number];
export type TTt01Indicator = TDossierIndicator | TAgencyIndicator;
export const TT01_INDICATORS: readonly TTt01Indicator[] = [1, 2, 3, 4, 5, 6, 7, 8, 9];

export type TTt01Config = {
  /**
   * Indicator 5 by level: 2 points from `two` (province ≥ 20 %, commune 100 % — spec); 1 point
   * above `onePointAbove` [unverified: the spec gives no 1-point rule; default any share > 0].
   */
  oneStop: Record<'PROVINCE' | 'COMMUNE', { two: number; onePointAbove: number }>;
  /** Indicator 8: 100 % handled on time = 2, ≥ 90 % = 1 (spec). */
  complaints: { two: number; one: number };
  /**
   * Indicator 9: ≥ 20 % of procedures online and ≥ 30 % online dossiers with none late = 2;
   * 15–30 % online dossiers = 1 (spec); the procedure share is required for 1 point as well.
   */
  online: { procedureShare: number; dossierShareTwo: number; dossierShareOne: number };
  /**
   * Indicator 7 for a late dossier without complaint [unverified: the spec scores early = 2,
   * on time = 1, complaint = 0; a late dossier is scored like a complaint by default].
   */
  attitudeLateWithoutComplaint: TPoint;
};

export const DEFAULT_TT01_CONFIG: TTt01Config = {
  oneStop: { PROVINCE: { two: 0.2, onePointAbove: 0 }, COMMUNE: { two: 1, onePointAbove: 0 } },
  complaints: { two: 1, one: 0.9 },
  online: { procedureShare: 0.2, dossierShareTwo: 0.3, dossierShareOne: 0.15 },
  attitudeLateWithoutComplaint: 0,
};

const TIME_POINTS: Record<TTimeliness, TPoint> = { EARLY: 2, ON_TIME: 1, LATE: 0 };
const CONTACT_POINTS: Record<TAgencyContacts, TPoint> = { NONE: 2, ONE_STOP_ONLY: 1, MULTIPLE: 0 };

export type TDossierScores = {
  dossierId: number | string;
  code: string | null;
  agencyId: number | string | null;
  officerId: number | string | null;
  procedureId: number;
  /** Score per dossier indicator; null when there is no data for it. */
  scores: Record<TDossierIndicator, TPoint | null>;
  /** Sum of the available scores. */
  total: number;
  /** Number of indicators with a score. */
  scored: number;
};

/** Whether TT01 evaluates the dossier: finished with a result (approved or refused). */
export const isEvaluated = (fact: TDossierFact): boolean => (fact.outcome === 'APPROVED' || fact.outcome === 'REFUSED') && fact.endAt !== null;

/** Indicator 2: the worst of the steps (any late ⇒ 0, all early ⇒ 2, else 1); null without steps. */
export const scoreSteps = (fact: TDossierFact): TPoint | null => {
  const steps = fact.steps ?? [];
  if (steps.length === 0 || fact.endAt === null) return null;
  let worst: TPoint = 2;
  for (const step of steps) {
    const points = TIME_POINTS[classifyTimeliness({ dueAt: step.dueAt, processedAt: step.finishedAt ?? fact.endAt })];
    if (points < worst) worst = points;
  }
  return worst;
};

/** Indicator 3: contacts to complete the dossier, 0 = 2, 1 = 1, more = 0. */
export const scoreContacts = (contacts: number): TPoint => {
  if (!Number.isInteger(contacts) || contacts < 0) throw new RangeError(`contacts must be a non-negative integer, got ${contacts}`);
  return contacts === 0 ? 2 : contacts === 1 ? 1 : 0;
};

/**
 * Scores of one finished dossier (indicators 1, 2, 3, 4, 7). The legal classification must be
 * EARLY, ON_TIME or LATE (see classifyLegal).
 */
export const scoreDossier = (item: TClassifiedDossier, config: TTt01Config = DEFAULT_TT01_CONFIG): TDossierScores => {
  const { fact, legal } = item;
  if (!isEvaluated(fact) || (legal !== 'EARLY' && legal !== 'ON_TIME' && legal !== 'LATE')) {
    throw new RangeError(`dossier ${String(fact.id)} is not finished with a result; TT01 scores finished dossiers only`);
  }
  const evaluation = fact.evaluation ?? {};
  const fallback = (i: TDossierIndicator): TPoint | null => evaluation[i] ?? null;
  const contacts = fact.contactsToComplete ?? (fact.supplements ? fact.supplements.length : null);
  const complaint = fact.complaint === true;
  const attitude: TPoint = complaint ? 0 : legal === 'EARLY' ? 2 : legal === 'ON_TIME' ? 1 : config.attitudeLateWithoutComplaint;
  const scores: Record<TDossierIndicator, TPoint | null> = {
    1: TIME_POINTS[legal],
    2: scoreSteps(fact) ?? fallback(2),
    3: contacts === null || contacts === undefined ? fallback(3) : scoreContacts(contacts),
    4: fact.agencyContacts ? CONTACT_POINTS[fact.agencyContacts] : fallback(4),
    7: attitude,
  };
  let total = 0;
  let scored = 0;
  for (const i of DOSSIER_INDICATORS) {
    const s = scores[i];
    if (s !== null) {
      total += s;
      scored++;
    }
  }
  return {
    dossierId: fact.id,
    code: fact.code ?? null,
    agencyId: fact.agencyId ?? fact.unitId ?? null,
    officerId: fact.officerId ?? null,
    procedureId: fact.procedureId,
    scores,
    total,
    scored,
  };
};

export type TAgencyRating = 'EXCELLENT' | 'GOOD' | 'FAIR' | 'AVERAGE' | 'WEAK';

/** Agency rating of a total (Đ15.3). */
export const rateAgency = (total: number): TAgencyRating => (total >= 15 ? 'EXCELLENT' : total >= 12 ? 'GOOD' : total >= 9 ? 'FAIR' : total >= 6 ? 'AVERAGE' : 'WEAK');

export type TOfficerBand = 'COMPLETE' | 'PARTLY' | 'BELOW_70';
/** Officer band (Đ15.3): ≥ 5 = 100 % task completion, 3.5–< 5 = 70–< 100 %, < 3.5 = < 70 %. */
export const rateOfficer = (total: number): TOfficerBand => (total >= 5 ? 'COMPLETE' : total >= 3.5 ? 'PARTLY' : 'BELOW_70');

/** Agency-level facts recorded outside dossiers (indicators 6 and 8). */
export type TAgencyFacts = {
  level: 'PROVINCE' | 'COMMUNE';
  /** Indicator 6: procedures posted at the desk and published electronically; null when not recorded. */
  publication?: { postedAtDesk: boolean; electronic: boolean } | null;
  /** Indicator 8: complaints about the agency's handling and those handled on time; null when not recorded. */
  complaints?: { total: number; handledOnTime: number } | null;
};

export type TIndicatorScore = { score: number | null; basis: Record<string, number | boolean | null> | null };

export type TAgencyScores = {
  agencyId: number | string | null;
  indicators: Record<TTt01Indicator, TIndicatorScore>;
  dossiers: number;
  /** Sum of the indicator scores with data (1 decimal). */
  total: number;
  /** Indicators with data. */
  scored: number;
  /** Total scaled to 9 indicators (total × 9 ÷ scored), the base of the rating; equals total when all 9 have data. */
  normalisedTotal: number | null;
  rating: TAgencyRating | null;
};

/**
 * The sufficient statistics of an agency's TT01 scores: per dossier indicator the sum of the
 * scores and the number of dossiers scored; for indicator 9 the received, online and late online
 * dossiers. Additive, so SQL can aggregate them (sumDossierScores is the reference).
 */
export type TTt01Sums = {
  /** Finished dossiers scored. */
  dossiers: number;
  indicators: Record<TDossierIndicator, { sum: number; count: number }>;
  online: { received: number; online: number; onlineLate: number };
};

export const emptyTt01Sums = (): TTt01Sums => ({
  dossiers: 0,
  indicators: { 1: { sum: 0, count: 0 }, 2: { sum: 0, count: 0 }, 3: { sum: 0, count: 0 }, 4: { sum: 0, count: 0 }, 7: { sum: 0, count: 0 } },
  online: { received: 0, online: 0, onlineLate: 0 },
});

/** Adds dossier scores (and, for indicator 9, the received dossiers) to sums. */
export const sumDossierScores = (scores: readonly TDossierScores[], received: readonly TClassifiedDossier[] = [], into: TTt01Sums = emptyTt01Sums()): TTt01Sums => {
  for (const s of scores) {
    into.dossiers++;
    for (const i of DOSSIER_INDICATORS) {
      const v = s.scores[i];
      if (v !== null) {
        into.indicators[i].sum += v;
        into.indicators[i].count++;
      }
    }
  }
  for (const d of received) {
    into.online.received++;
    if (d.fact.channel === 'ONLINE') {
      into.online.online++;
      if (d.legal === 'LATE' || d.legal === 'OVERDUE') into.online.onlineLate++;
    }
  }
  return into;
};

const averageOf = (sums: TTt01Sums, i: TDossierIndicator): TIndicatorScore => {
  const { sum, count } = sums.indicators[i];
  return count === 0 ? { score: null, basis: null } : { score: averageRounded(sum, count, 1), basis: { sum, dossiers: count } };
};


/** Indicator 5 from the catalogue (public procedures whose flag is recorded). */
export const scoreOneStop = (catalogue: readonly TCatalogueProcedure[], level: TAgencyFacts['level'], config: TTt01Config = DEFAULT_TT01_CONFIG): TIndicatorScore => {
  const known = catalogue.filter((p) => p.status === 'PUBLIC' && p.fullyHandledAtOneStop !== undefined && p.fullyHandledAtOneStop !== null);
  if (known.length === 0) return { score: null, basis: null };
  const atOneStop = known.filter((p) => p.fullyHandledAtOneStop === true).length;
  const { two, onePointAbove } = config.oneStop[level];
  // Compare a / n with thresholds as a / n ≥ t  ⇔  a ≥ t × n (no rounding surprises at 20 %).
  const score = atOneStop >= two * known.length ? 2 : atOneStop > onePointAbove * known.length ? 1 : 0;
  return { score, basis: { procedures: known.length, fullyAtOneStop: atOneStop } };
};

/** Indicator 6: posted at the desk and published electronically = 2, one of them = 1, none = 0. */
export const scorePublication = (publication: TAgencyFacts['publication']): TIndicatorScore => {
  if (!publication) return { score: null, basis: null };
  const score = (publication.postedAtDesk ? 1 : 0) + (publication.electronic ? 1 : 0);
  return { score, basis: { postedAtDesk: publication.postedAtDesk, electronic: publication.electronic } };
};

/** Indicator 8: share of complaints handled on time; no complaints ⇒ no data. */
export const scoreComplaints = (complaints: TAgencyFacts['complaints'], config: TTt01Config = DEFAULT_TT01_CONFIG): TIndicatorScore => {
  if (!complaints || complaints.total <= 0) return { score: null, basis: complaints ? { total: complaints.total, handledOnTime: complaints.handledOnTime } : null };
  if (complaints.handledOnTime < 0 || complaints.handledOnTime > complaints.total) throw new RangeError('complaints handled on time must be between 0 and the total');
  const { total, handledOnTime } = complaints;
  const score = handledOnTime >= config.complaints.two * total ? 2 : handledOnTime >= config.complaints.one * total ? 1 : 0;
  return { score, basis: { total, handledOnTime } };
};

/** Indicator 9 from the catalogue and the agency's dossiers (late = finished late or overdue). */
export const scoreOnline = (catalogue: readonly TCatalogueProcedure[], dossiers: readonly TClassifiedDossier[], config: TTt01Config = DEFAULT_TT01_CONFIG): TIndicatorScore =>
  scoreOnlineCounts(catalogue, sumDossierScores([], dossiers).online, config);

/** Indicator 9 from counts of received, online and late online dossiers. */
export const scoreOnlineCounts = (catalogue: readonly TCatalogueProcedure[], counts: TTt01Sums['online'], config: TTt01Config = DEFAULT_TT01_CONFIG): TIndicatorScore => {
  const procedures = catalogue.filter((p) => p.status === 'PUBLIC');
  if (procedures.length === 0 || counts.received === 0) return { score: null, basis: null };
  const onlineProcedures = procedures.filter((p) => p.onlineLevel !== 'NONE').length;
  const c = config.online;
  const procedureOk = onlineProcedures >= c.procedureShare * procedures.length;
  const score = procedureOk && counts.online >= c.dossierShareTwo * counts.received && counts.onlineLate === 0 ? 2 : procedureOk && counts.online >= c.dossierShareOne * counts.received ? 1 : 0;
  return { score, basis: { procedures: procedures.length, onlineProcedures, dossiers: counts.received, onlineDossiers: counts.online, onlineLate: counts.onlineLate } };
};

/**
 * Scores of one agency over the dossiers it received in the period (all of them: indicator 9
 * counts every received dossier; indicators 1–4 and 7 average the finished ones).
 */
export const scoreAgency = (input: {
  agencyId: number | string | null;
  dossiers: readonly TClassifiedDossier[];
  catalogue: readonly TCatalogueProcedure[];
  facts: TAgencyFacts;
  config?: TTt01Config;
}): { agency: TAgencyScores; dossiers: TDossierScores[] } => {
  const config = input.config ?? DEFAULT_TT01_CONFIG;
  const dossierScores = input.dossiers.filter((d) => isEvaluated(d.fact)).map((d) => scoreDossier(d, config));
  const sums = sumDossierScores(dossierScores, input.dossiers);
  return { agency: scoreAgencySums({ agencyId: input.agencyId, sums, catalogue: input.catalogue, facts: input.facts, config }), dossiers: dossierScores };
};

/** Scores of one agency from its sums (SQL aggregates or sumDossierScores). */
export const scoreAgencySums = (input: { agencyId: number | string | null; sums: TTt01Sums; catalogue: readonly TCatalogueProcedure[]; facts: TAgencyFacts; config?: TTt01Config }): TAgencyScores => {
  const config = input.config ?? DEFAULT_TT01_CONFIG;
  const { sums } = input;
  const indicators: Record<TTt01Indicator, TIndicatorScore> = {
    1: averageOf(sums, 1),
    2: averageOf(sums, 2),
    3: averageOf(sums, 3),
    4: averageOf(sums, 4),
    5: scoreOneStop(input.catalogue, input.facts.level, config),
    6: scorePublication(input.facts.publication),
    7: averageOf(sums, 7),
    8: scoreComplaints(input.facts.complaints, config),
    9: scoreOnlineCounts(input.catalogue, sums.online, config),
  };
  let total = 0;
  let scored = 0;
  for (const i of TT01_INDICATORS) {
    const s = indicators[i].score;
    if (s !== null) {
      total += s;
      scored++;
    }
  }
  total = roundHalfUp(total, 1);
  const normalisedTotal = scored === 0 ? null : roundHalfUp((total * TT01_INDICATORS.length) / scored, 1);
  return { agencyId: input.agencyId, indicators, dossiers: sums.dossiers, total, scored, normalisedTotal, rating: normalisedTotal === null ? null : rateAgency(normalisedTotal) };
};

export type TOfficerScores = { officerId: number | string; dossiers: number; indicators: Record<TDossierIndicator, number | null>; total: number; band: TOfficerBand };

/** One officer from sums: the per-dossier indicators averaged (max 10) with the Đ15.3 band. */
export const scoreOfficerSums = (officerId: number | string, sums: TTt01Sums): TOfficerScores => {
  const indicators = {} as Record<TDossierIndicator, number | null>;
  let total = 0;
  for (const i of DOSSIER_INDICATORS) {
    const s = averageOf(sums, i).score;
    indicators[i] = s;
    if (s !== null) total += s;
  }
  total = roundHalfUp(total, 1);
  return { officerId, dossiers: sums.dossiers, indicators, total, band: rateOfficer(total) };
};

/** Officers: the per-dossier indicators averaged over the officer's dossiers (max 10), with the Đ15.3 band. */
export const scoreOfficers = (scores: readonly TDossierScores[]): TOfficerScores[] => {
  const byOfficer = new Map<string, TDossierScores[]>();
  const ids = new Map<string, number | string>();
  for (const s of scores) {
    if (s.officerId === null) continue;
    const key = String(s.officerId);
    ids.set(key, s.officerId);
    const list = byOfficer.get(key) ?? [];
    list.push(s);
    byOfficer.set(key, list);
  }
  return [...byOfficer.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([key, list]) => scoreOfficerSums(ids.get(key) as number | string, sumDossierScores(list)));
};
