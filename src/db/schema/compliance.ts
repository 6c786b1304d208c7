import { date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './platform';
import { procedures, procedureVersions } from './procedures';

/**
 * Income per hour (VND) used to value the time subjects spend on a procedure (spec §5.3: official
 * parameter not found, so a dated setting). The value in force at a review's date applies.
 */
export const complianceIncomeRates = pgTable(
  'compliance_income_rates',
  {
    id: serial('id').primaryKey(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    vndPerHour: integer('vnd_per_hour').notNull(),
    basis: text('basis').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('compliance_income_rates_from_uq').on(t.effectiveFrom), index('compliance_income_rates_created_by_idx').on(t.createdBy), index('compliance_income_rates_updated_by_idx').on(t.updatedBy)],
);

/**
 * The compliance-cost and simplification review of one procedure: the standard-cost model before
 * and after the plan (jsonb, validated by the service), the version of the procedure in force at
 * the review date, and the review status. A procedure without a row is NOT_REVIEWED.
 */
export const complianceReviews = pgTable(
  'compliance_reviews',
  {
    id: serial('id').primaryKey(),
    procedureId: integer('procedure_id')
      .notNull()
      .references(() => procedures.id),
    versionId: integer('version_id').references(() => procedureVersions.id),
    reviewDate: date('review_date', { mode: 'string' }),
    status: text('status').notNull().default('NOT_REVIEWED'),
    beforeModel: jsonb('before_model'),
    planKind: text('plan_kind'),
    afterModel: jsonb('after_model'),
    planNote: text('plan_note'),
    statusNote: text('status_note'),
    abolishingDecision: text('abolishing_decision'),
    statusChangedBy: integer('status_changed_by').references(() => users.id),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }),
    modelUpdatedBy: integer('model_updated_by').references(() => users.id),
    modelUpdatedAt: timestamp('model_updated_at', { withTimezone: true }),
    revision: integer('revision').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('compliance_reviews_procedure_uq').on(t.procedureId),
    index('compliance_reviews_version_idx').on(t.versionId),
    index('compliance_reviews_status_idx').on(t.status),
    index('compliance_reviews_status_changed_by_idx').on(t.statusChangedBy),
    index('compliance_reviews_model_updated_by_idx').on(t.modelUpdatedBy),
  ],
);

/** Every status change of a review: who, when, from what to what, and the note (append-only by use). */
export const complianceReviewEvents = pgTable(
  'compliance_review_events',
  {
    id: serial('id').primaryKey(),
    reviewId: integer('review_id')
      .notNull()
      .references(() => complianceReviews.id),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    note: text('note'),
    actorId: integer('actor_id').references(() => users.id),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('compliance_review_events_review_idx').on(t.reviewId, t.at), index('compliance_review_events_actor_idx').on(t.actorId)],
);
