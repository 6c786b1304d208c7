/**
 * Review status of a procedure in the Department's simplification review (rà soát, đánh giá thủ
 * tục hành chính) and the transitions between them. Pure: the service enforces it, the web page
 * offers only the allowed actions.
 */
import { computeCost, computeSaving, type TCostBreakdown, type TCostModel } from './standard-cost';

export const REVIEW_STATUSES = ['NOT_REVIEWED', 'REVIEWED_NO_CHANGE', 'SIMPLIFICATION_PROPOSED', 'ADOPTED', 'ABOLISHED'] as const;
export type TReviewStatus = (typeof REVIEW_STATUSES)[number];

/** What the plan does: simplify the procedure (a cost model after) or propose abolishing it (cost 0). */
export const PLAN_KINDS = ['SIMPLIFY', 'ABOLISH'] as const;
export type TPlanKind = (typeof PLAN_KINDS)[number];

type TTransition = { to: TReviewStatus; noteRequired: boolean };

/**
 * Allowed transitions. A note is required when a decision is recorded (adoption: which document
 * adopted the plan) or when a step is undone (a proposal rejected, an adopted plan reopened).
 * ABOLISHED is final and needs the catalogue to show the procedure abolished by a decision.
 */
export const REVIEW_TRANSITIONS: Record<TReviewStatus, readonly TTransition[]> = {
  NOT_REVIEWED: [
    { to: 'REVIEWED_NO_CHANGE', noteRequired: false },
    { to: 'SIMPLIFICATION_PROPOSED', noteRequired: false },
    { to: 'ABOLISHED', noteRequired: false },
  ],
  REVIEWED_NO_CHANGE: [
    { to: 'SIMPLIFICATION_PROPOSED', noteRequired: true },
    { to: 'ABOLISHED', noteRequired: false },
  ],
  SIMPLIFICATION_PROPOSED: [
    { to: 'ADOPTED', noteRequired: true },
    { to: 'REVIEWED_NO_CHANGE', noteRequired: true },
    { to: 'ABOLISHED', noteRequired: false },
  ],
  ADOPTED: [
    { to: 'SIMPLIFICATION_PROPOSED', noteRequired: true },
    { to: 'ABOLISHED', noteRequired: false },
  ],
  ABOLISHED: [],
};

/** The statuses in which the cost models may be edited (an adopted or abolished review is frozen). */
export const EDITABLE_STATUSES: readonly TReviewStatus[] = ['NOT_REVIEWED', 'REVIEWED_NO_CHANGE', 'SIMPLIFICATION_PROPOSED'];

export const allowedTransitions = (from: TReviewStatus): TReviewStatus[] => REVIEW_TRANSITIONS[from].map((t) => t.to);

export type TTransitionFacts = {
  hasBefore: boolean;
  planKind: TPlanKind | null;
  hasAfter: boolean;
  isAbolishedInCatalogue: boolean;
  note: string | null | undefined;
};

export type TTransitionProblem =
  | { kind: 'INVALID_TRANSITION'; allowed: TReviewStatus[]; message: string }
  | { kind: 'PRECONDITION'; path: string; message: string }
  | { kind: 'NOTE_REQUIRED'; path: string; message: string };

/** Why a transition may not happen (null when it may). */
export const checkTransition = (from: TReviewStatus, to: TReviewStatus, facts: TTransitionFacts): TTransitionProblem | null => {
  const rule = REVIEW_TRANSITIONS[from].find((t) => t.to === to);
  const allowed = allowedTransitions(from);
  if (!rule) {
    const list = allowed.length ? allowed.join(', ') : 'none (final status)';
    return { kind: 'INVALID_TRANSITION', allowed, message: `cannot go from ${from} to ${to}; allowed: ${list}` };
  }
  if (rule.noteRequired && !facts.note?.trim()) return { kind: 'NOTE_REQUIRED', path: 'body.note', message: `a note is required to go from ${from} to ${to}` };
  if ((to === 'REVIEWED_NO_CHANGE' || to === 'SIMPLIFICATION_PROPOSED') && !facts.hasBefore)
    return { kind: 'PRECONDITION', path: 'before', message: 'enter the cost model before the plan first' };
  if ((to === 'SIMPLIFICATION_PROPOSED' || to === 'ADOPTED') && !(facts.planKind === 'ABOLISH' || (facts.planKind === 'SIMPLIFY' && facts.hasAfter)))
    return { kind: 'PRECONDITION', path: 'after', message: 'enter the simplification plan (a cost model after, or a proposal to abolish) first' };
  if (to === 'ABOLISHED' && !facts.isAbolishedInCatalogue)
    return { kind: 'PRECONDITION', path: 'status', message: 'the procedure is not abolished in the catalogue; record the abolishing publication decision first' };
  return null;
};

export type TReviewFigures = {
  before: TCostBreakdown | null;
  /** The plan's model (SIMPLIFY), whatever the status. */
  plan: TCostBreakdown | null;
  /** The annual cost that counts after the review: before (no change), the plan, or 0 (abolished). Null when not reviewed or no model. */
  annualAfterVnd: number | null;
  savingVnd: number | null;
  savingRatePct: number | null;
};

/** The figures of one review at an income per hour. */
export const reviewFigures = (
  review: { status: TReviewStatus; before: TCostModel | null; planKind: TPlanKind | null; after: TCostModel | null },
  incomePerHourVnd: number | null,
): TReviewFigures => {
  const before = review.before && incomePerHourVnd !== null ? computeCost(review.before, incomePerHourVnd) : null;
  const plan = review.planKind === 'SIMPLIFY' && review.after && incomePerHourVnd !== null ? computeCost(review.after, incomePerHourVnd) : null;
  const none = { before, plan, annualAfterVnd: null, savingVnd: null, savingRatePct: null };
  if (!before) return none;
  let annualAfterVnd: number | null = null;
  if (review.status === 'REVIEWED_NO_CHANGE') annualAfterVnd = before.annualCostVnd;
  else if (review.status === 'ABOLISHED') annualAfterVnd = 0;
  else if (review.status === 'SIMPLIFICATION_PROPOSED' || review.status === 'ADOPTED') annualAfterVnd = review.planKind === 'ABOLISH' ? 0 : (plan?.annualCostVnd ?? null);
  if (annualAfterVnd === null) return none;
  return { before, plan, annualAfterVnd, ...computeSaving(before.annualCostVnd, annualAfterVnd) };
};

/** A saving counts as achieved once adopted or abolished, as proposed while only proposed. */
export const savingStage = (status: TReviewStatus): 'ACHIEVED' | 'PROPOSED' | null =>
  status === 'ADOPTED' || status === 'ABOLISHED' ? 'ACHIEVED' : status === 'SIMPLIFICATION_PROPOSED' ? 'PROPOSED' : null;
