import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
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
    /** Transferred out (outside the city's competence): the ministry or central agency it went to. */
    transferredOutAgencyId: integer('transferred_out_agency_id').references(() => supportAgencies.id),
    transferredOutAt: at('transferred_out_at'),
    transferOutReason: text('transfer_out_reason'),
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
    index('petitions_transferred_out_agency_idx').on(t.transferredOutAgencyId),
  ],
);

/**
 * Co-agencies of a petition (spec §6.1 "lead + co-agencies"): they see it in their queue and add
 * contributions, the lead agency (`petitions.agency_id`) replies. Rows are never deleted: a removed
 * co-agency gets `removed_at`, so the history of who was involved stays.
 */
export const petitionCoAgencies = pgTable(
  'petition_co_agencies',
  {
    id: serial('id').primaryKey(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => petitions.caseId),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => supportAgencies.id),
    addedAt: at('added_at').notNull().defaultNow(),
    addedBy: integer('added_by').references(() => users.id),
    removedAt: at('removed_at'),
    removedBy: integer('removed_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('petition_co_agencies_current_uq').on(t.caseId, t.agencyId).where(sql`${t.removedAt} is null`),
    index('petition_co_agencies_case_idx').on(t.caseId),
    index('petition_co_agencies_agency_idx').on(t.agencyId),
    index('petition_co_agencies_added_by_idx').on(t.addedBy),
    index('petition_co_agencies_removed_by_idx').on(t.removedBy),
  ],
);

/** A co-agency's contribution to a petition (its opinion for the lead agency; never the reply). */
export const petitionContributions = pgTable(
  'petition_contributions',
  {
    id: serial('id').primaryKey(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => petitions.caseId),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => supportAgencies.id),
    authorId: integer('author_id').references(() => users.id),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('petition_contributions_case_idx').on(t.caseId), index('petition_contributions_agency_idx').on(t.agencyId), index('petition_contributions_author_idx').on(t.authorId)],
);
