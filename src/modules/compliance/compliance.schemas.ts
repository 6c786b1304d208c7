import { z } from 'zod';
import { PLAN_KINDS, REVIEW_STATUSES } from '../../domain/compliance/review-status';

const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const ZVnd = z.number().int('a whole number of đồng').min(0, 'must be zero or more').max(1_000_000_000_000);

/** One side of a procedure's standard-cost model (spec §5.3). */
export const ZCostModel = z.strictObject({
  steps: z
    .array(z.strictObject({ name: z.string().trim().min(1, 'a step needs a name').max(300), hours: z.number().min(0, 'hours must be zero or more').max(10_000) }))
    .min(1, 'at least one step is required')
    .max(50),
  feesVnd: ZVnd,
  consultancyVnd: ZVnd.default(0),
  otherCosts: z.array(z.strictObject({ name: z.string().trim().min(1, 'a cost needs a name').max(300), amountVnd: ZVnd })).max(30).default([]),
  subjectsPerYear: z.number().int('a whole number').min(0, 'must be zero or more').max(100_000_000),
  timesPerYear: z.number().positive('must be more than zero').max(366),
});
export type TCostModelBody = z.infer<typeof ZCostModel>;

/** Saves the cost models of a review (creates the review, NOT_REVIEWED, when there is none). */
export const ZReviewModelBody = z.strictObject({
  reviewDate: ZDate,
  before: ZCostModel,
  planKind: z.enum(PLAN_KINDS).nullable().default(null),
  after: ZCostModel.nullable().default(null),
  planNote: z.string().trim().max(4000).nullable().optional(),
  /** The revision the editor loaded; a different current revision answers 409 (someone saved meanwhile). */
  expectedRevision: z.number().int().min(1).optional(),
});
export type TReviewModelBody = z.infer<typeof ZReviewModelBody>;

export const ZReviewStatusBody = z.strictObject({
  status: z.enum(REVIEW_STATUSES),
  note: z.string().trim().max(2000).optional(),
  expectedRevision: z.number().int().min(1).optional(),
});
export type TReviewStatusBody = z.infer<typeof ZReviewStatusBody>;

export const ZIncomeRateBody = z.strictObject({
  effectiveFrom: ZDate,
  vndPerHour: z.number().int('a whole number of đồng').min(1, 'must be more than zero').max(10_000_000),
  basis: z.string().trim().min(3, 'say where the value comes from').max(1000),
});
export type TIncomeRateBody = z.infer<typeof ZIncomeRateBody>;

export const ZIncomeRate = z.object({
  id: z.number().int(),
  effectiveFrom: z.string(),
  vndPerHour: z.number().int(),
  basis: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});

export const ZReviewListQuery = z.strictObject({
  field: z.string().max(32).optional(),
  status: z.enum(REVIEW_STATUSES).optional(),
  q: z.string().trim().max(200).optional(),
  at: ZDate.optional(),
});
export type TReviewListQuery = z.infer<typeof ZReviewListQuery>;

const ZBreakdown = z.object({
  hours: z.number(),
  incomePerHourVnd: z.number(),
  timeCostVnd: z.number(),
  feesVnd: z.number(),
  consultancyVnd: z.number(),
  otherCostsVnd: z.number(),
  costOnceVnd: z.number(),
  compliancesPerYear: z.number(),
  annualCostVnd: z.number(),
});

const ZCatalogueStatus = z.enum(['PUBLIC', 'AMENDED', 'ABOLISHED']);

export const ZReviewSummary = z.object({
  code: z.string(),
  name: z.string(),
  fieldCode: z.string(),
  fieldName: z.string(),
  catalogueStatus: ZCatalogueStatus,
  status: z.enum(REVIEW_STATUSES),
  reviewDate: z.string().nullable(),
  planKind: z.enum(PLAN_KINDS).nullable(),
  annualBeforeVnd: z.number().nullable(),
  annualAfterVnd: z.number().nullable(),
  savingVnd: z.number().nullable(),
  savingRatePct: z.number().nullable(),
  statusChangedAt: z.string().nullable(),
  statusChangedBy: z.string().nullable(),
  /** The catalogue shows the procedure abolished but the review does not yet. */
  needsAbolition: z.boolean(),
  /** A newer version of the procedure was published after the reviewed one. */
  versionSuperseded: z.boolean(),
});

export const ZReviewDetail = z.object({
  code: z.string(),
  name: z.string(),
  fieldCode: z.string(),
  fieldName: z.string(),
  catalogueStatus: ZCatalogueStatus,
  abolishedBy: z.object({ decision: z.string(), effectiveFrom: z.string() }).nullable(),
  /** Sum of the fees of the version in force today (to prefill the model). */
  catalogueFeesVnd: z.number(),
  status: z.enum(REVIEW_STATUSES),
  allowedTransitions: z.array(z.object({ to: z.enum(REVIEW_STATUSES), noteRequired: z.boolean() })),
  editable: z.boolean(),
  revision: z.number().int().nullable(),
  reviewDate: z.string().nullable(),
  version: z.object({ id: z.number().int(), effectiveFrom: z.string(), changeKind: z.string(), decision: z.string() }).nullable(),
  versionSuperseded: z.boolean(),
  before: ZCostModel.nullable(),
  planKind: z.enum(PLAN_KINDS).nullable(),
  after: ZCostModel.nullable(),
  planNote: z.string().nullable(),
  statusNote: z.string().nullable(),
  statusChangedAt: z.string().nullable(),
  statusChangedBy: z.string().nullable(),
  modelUpdatedAt: z.string().nullable(),
  modelUpdatedBy: z.string().nullable(),
  incomeRate: z.object({ effectiveFrom: z.string(), vndPerHour: z.number() }).nullable(),
  figures: z.object({
    before: ZBreakdown.nullable(),
    plan: ZBreakdown.nullable(),
    annualAfterVnd: z.number().nullable(),
    savingVnd: z.number().nullable(),
    savingRatePct: z.number().nullable(),
  }),
  events: z.array(z.object({ fromStatus: z.string(), toStatus: z.string(), note: z.string().nullable(), actorName: z.string(), at: z.string() })),
});

const ZTotals = z.object({ procedures: z.number(), annualBeforeVnd: z.number(), annualAfterVnd: z.number(), savingVnd: z.number(), savingRatePct: z.number().nullable() });

export const ZDashboard = z.object({
  at: z.string(),
  total: z.number(),
  reviewed: z.number(),
  coveragePct: z.number().nullable(),
  byStatus: z.record(z.string(), z.number()),
  byField: z.array(z.object({ fieldCode: z.string(), fieldName: z.string(), fieldNameEn: z.string(), total: z.number(), reviewed: z.number(), coveragePct: z.number().nullable(), savingVnd: z.number() })),
  costs: ZTotals,
  achieved: ZTotals,
  proposed: ZTotals,
  top: z.array(z.object({ code: z.string(), name: z.string(), fieldCode: z.string(), status: z.enum(REVIEW_STATUSES), savingVnd: z.number(), savingRatePct: z.number().nullable() })),
  /** Procedures abolished in the catalogue whose review does not say so yet. */
  needsAbolition: z.number(),
});
