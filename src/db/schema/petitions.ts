import { bigint, index, integer, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { cases } from './cases';
import { enterprises } from './enterprises';
import { users } from './platform';
import { dialogueConferences, petitionCategories, supportAgencies } from './support';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * The petition part of a case (case type PETITION): an enterprise's kiến nghị / phản ánh, filed in
 * its portal or recorded by an officer, routed to an agency of the support catalogue. The reply is
 * drafted (`draft_reply`), approved by a leader (`reply`, the only text the enterprise sees), may be
 * published as an anonymised Q&A, and is rated by the enterprise.
 */
export const petitions = pgTable(
  'petitions',
  {
    caseId: bigint('case_id', { mode: 'number' })
      .primaryKey()
      .references(() => cases.id),
    categoryCode: text('category_code')
      .notNull()
      .references(() => petitionCategories.code),
    channel: text('channel').notNull(),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    conferenceId: integer('conference_id').references(() => dialogueConferences.id),
    subject: text('subject').notNull(),
    content: text('content').notNull(),
    agencyId: integer('agency_id').references(() => supportAgencies.id),
    draftReply: text('draft_reply'),
    draftedBy: integer('drafted_by').references(() => users.id),
    draftedAt: at('drafted_at'),
    reply: text('reply'),
    approvedBy: integer('approved_by').references(() => users.id),
    answeredAt: at('answered_at'),
    /** Whether the (last) answer came by the deadline in force when it was approved. */
    answeredOnTime: text('answered_on_time'),
    publicQuestion: text('public_question'),
    publicAnswer: text('public_answer'),
    publishedAt: at('published_at'),
    publishedBy: integer('published_by').references(() => users.id),
    satisfaction: text('satisfaction'),
    satisfactionReason: text('satisfaction_reason'),
    ratedAt: at('rated_at'),
    reopenCount: smallint('reopen_count').notNull().default(0),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('petitions_enterprise_idx').on(t.enterpriseId),
    index('petitions_category_idx').on(t.categoryCode),
    index('petitions_agency_idx').on(t.agencyId),
    index('petitions_conference_idx').on(t.conferenceId),
    index('petitions_published_idx').on(t.publishedAt),
    index('petitions_drafted_by_idx').on(t.draftedBy),
    index('petitions_approved_by_idx').on(t.approvedBy),
    index('petitions_published_by_idx').on(t.publishedBy),
    index('petitions_created_by_idx').on(t.createdBy),
  ],
);
