/**
 * The dashboard of the simplification review: coverage ("đã rà soát X/Y thủ tục"), by field, the
 * annual compliance cost before and after, the savings (achieved = adopted or abolished,
 * proposed = awaiting adoption) and the procedures with the largest savings. Pure.
 */
import { computeSaving } from './standard-cost';
import { savingStage, type TReviewFigures, type TReviewStatus } from './review-status';

export type TSummaryInput = {
  code: string;
  name: string;
  fieldCode: string;
  status: TReviewStatus;
  figures: TReviewFigures;
};

export type TCostTotals = {
  /** Procedures whose figures count (reviewed, with a cost model before). */
  procedures: number;
  annualBeforeVnd: number;
  annualAfterVnd: number;
  savingVnd: number;
  savingRatePct: number | null;
};

export type TReviewSummary = {
  total: number;
  reviewed: number;
  /** Reviewed ÷ total × 100 (null for an empty catalogue). */
  coveragePct: number | null;
  byStatus: Record<TReviewStatus, number>;
  byField: { fieldCode: string; total: number; reviewed: number; coveragePct: number | null; savingVnd: number }[];
  costs: TCostTotals;
  achieved: TCostTotals;
  proposed: TCostTotals;
  top: { code: string; name: string; fieldCode: string; status: TReviewStatus; savingVnd: number; savingRatePct: number | null }[];
};

const emptyTotals = (): TCostTotals => ({ procedures: 0, annualBeforeVnd: 0, annualAfterVnd: 0, savingVnd: 0, savingRatePct: null });

const add = (totals: TCostTotals, before: number, after: number) => {
  totals.procedures += 1;
  totals.annualBeforeVnd += before;
  totals.annualAfterVnd += after;
  totals.savingVnd = totals.annualBeforeVnd - totals.annualAfterVnd;
  totals.savingRatePct = computeSaving(totals.annualBeforeVnd, totals.annualAfterVnd).savingRatePct;
};

const pct = (part: number, whole: number) => (whole === 0 ? null : (part / whole) * 100);

/** Summarises the review of every procedure of the catalogue; `topN` procedures by saving. */
export const summariseReviews = (rows: readonly TSummaryInput[], topN = 10): TReviewSummary => {
  const byStatus = { NOT_REVIEWED: 0, REVIEWED_NO_CHANGE: 0, SIMPLIFICATION_PROPOSED: 0, ADOPTED: 0, ABOLISHED: 0 } satisfies Record<TReviewStatus, number>;
  const fields = new Map<string, { fieldCode: string; total: number; reviewed: number; savingVnd: number }>();
  const costs = emptyTotals();
  const achieved = emptyTotals();
  const proposed = emptyTotals();
  for (const row of rows) {
    byStatus[row.status] += 1;
    const field = fields.get(row.fieldCode) ?? { fieldCode: row.fieldCode, total: 0, reviewed: 0, savingVnd: 0 };
    fields.set(row.fieldCode, field);
    field.total += 1;
    if (row.status !== 'NOT_REVIEWED') field.reviewed += 1;
    const { before } = row.figures;
    const after = row.figures.annualAfterVnd;
    if (!before || after === null) continue;
    add(costs, before.annualCostVnd, after);
    field.savingVnd += before.annualCostVnd - after;
    const stage = savingStage(row.status);
    if (stage === 'ACHIEVED') add(achieved, before.annualCostVnd, after);
    if (stage === 'PROPOSED') add(proposed, before.annualCostVnd, after);
  }
  const reviewed = rows.length - byStatus.NOT_REVIEWED;
  const top = rows
    .filter((r) => (r.figures.savingVnd ?? 0) > 0)
    .sort((a, b) => (b.figures.savingVnd ?? 0) - (a.figures.savingVnd ?? 0) || a.code.localeCompare(b.code))
    .slice(0, topN)
    .map((r) => ({ code: r.code, name: r.name, fieldCode: r.fieldCode, status: r.status, savingVnd: r.figures.savingVnd ?? 0, savingRatePct: r.figures.savingRatePct }));
  return {
    total: rows.length,
    reviewed,
    coveragePct: pct(reviewed, rows.length),
    byStatus,
    byField: [...fields.values()].sort((a, b) => a.fieldCode.localeCompare(b.fieldCode)).map((f) => ({ ...f, coveragePct: pct(f.reviewed, f.total) })),
    costs,
    achieved,
    proposed,
    top,
  };
};
