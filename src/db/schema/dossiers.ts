import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, numeric, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { cases } from './cases';
import { users } from './platform';
import { procedures, procedureVersions } from './procedures';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * One-stop-shop dossiers (hồ sơ TTHC): the dossier-specific part of a case (`cases.id` =
 * `case_id`; state, unit, assignee and deadlines are on the case). Times are the milestones of
 * spec §1.2 and §2.3, set once when they first happen. Statistics read this table joined with
 * `cases` (due_at, rescheduled_due_at, state, unit_code) and `case_pauses` (supplements).
 */
export const dossiers = pgTable(
  'dossiers',
  {
    caseId: bigint('case_id', { mode: 'number' })
      .primaryKey()
      .references(() => cases.id),
    /** Dossier code `V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX` (spec §1.4), assigned at receipt. */
    code: text('code'),
    /** Receiving agency identifier (first part of the code). */
    agencyCode: text('agency_code').notNull(),
    procedureId: integer('procedure_id')
      .notNull()
      .references(() => procedures.id),
    /** Version of the procedure in force at receipt (null before receipt). */
    procedureVersionId: integer('procedure_version_id').references(() => procedureVersions.id),
    /** DIRECT (1, counter) | ONLINE (2, public service portal) | POSTAL (3). */
    channel: text('channel').notNull(),
    enterpriseId: integer('enterprise_id'),
    applicantUserId: integer('applicant_user_id').references(() => users.id),
    applicantName: text('applicant_name').notNull(),
    applicantIdNumber: text('applicant_id_number'),
    applicantAddress: text('applicant_address').notNull(),
    applicantPhone: text('applicant_phone'),
    applicantEmail: text('applicant_email'),
    requestSummary: text('request_summary').notNull(),
    /** Components declared (name, originals, copies) as submitted. */
    components: jsonb('components').notNull(),
    submittedAt: at('submitted_at'),
    receivedAt: at('received_at'),
    receivedBy: integer('received_by').references(() => users.id),
    /** Refused at intake (status 3, Mẫu 03). */
    intakeRefusedAt: at('intake_refused_at'),
    /** Status 9 (processed) and its result. */
    processedAt: at('processed_at'),
    result: text('result'),
    /** Status 10 (result returned). */
    returnedAt: at('returned_at'),
    /** Status 8 (stopped: withdrawn, expired supplement, cancelled). */
    stoppedAt: at('stopped_at'),
    /** End time of spec §2.3: processed, else first of returned / stopped / refused at intake. */
    finishedAt: at('finished_at'),
    /** Legal classification (EARLY | ON_TIME | LATE) against cases.due_at, set at finishedAt. */
    timelinessLegal: text('timeliness_legal'),
    /** National-portal (766 indicator 2.1) classification, set at finishedAt. */
    timelinessPortal: text('timeliness_portal'),
    supplementCount: smallint('supplement_count').notNull().default(0),
    feeVnd: bigint('fee_vnd', { mode: 'number' }).notNull().default(0),
    paymentRequestedAt: at('payment_requested_at'),
    paidAt: at('paid_at'),
    paidOnline: boolean('paid_online').notNull().default(false),
    /** An electronic result file was issued (766 indicator 4.1). */
    hasEResult: boolean('has_e_result').notNull().default(false),
    /** Late handling (Mẫu 04): when the apology was issued and why. */
    apologyAt: at('apology_at'),
    apologyReason: text('apology_reason'),
  },
  (t) => [
    uniqueIndex('dossiers_code_uq').on(t.code),
    index('dossiers_procedure_idx').on(t.procedureId),
    index('dossiers_version_idx').on(t.procedureVersionId),
    index('dossiers_applicant_idx').on(t.applicantUserId),
    index('dossiers_enterprise_idx').on(t.enterpriseId),
    index('dossiers_received_idx').on(t.receivedAt),
    index('dossiers_finished_idx').on(t.finishedAt),
    index('dossiers_received_by_idx').on(t.receivedBy),
    /** Dossiers without a stat-facts row (in progress, or finished without a stored national class): the live part of the statistics. */
    index('dossiers_live_received_idx')
      .on(t.receivedAt)
      .where(sql`${t.timelinessPortal} is null or (${t.finishedAt} is null and ${t.stoppedAt} is null)`),
  ],
);

/**
 * Daily receipt sequence per receiving agency (the XXXX of the dossier code). Incremented with
 * `INSERT … ON CONFLICT DO UPDATE … RETURNING` inside the receipt transaction: the row lock
 * serialises concurrent receipts and a rolled-back receipt gives its number back (no gap).
 */
export const dossierCodeCounters = pgTable(
  'dossier_code_counters',
  {
    agencyCode: text('agency_code').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyCode, t.day] })],
);

/**
 * The applicant's evaluation of a finished dossier (TT 01/2018 Đ12–15). Answers are stored raw;
 * the per-dossier indicator scores (1, 2, 3, 4, 7; each 2/1/0, null when not applicable) are
 * computed when it is saved. Per-agency indicators 5, 6, 8, 9 are computed over the agency.
 */
export const dossierEvaluations = pgTable(
  'dossier_evaluations',
  {
    caseId: bigint('case_id', { mode: 'number' })
      .primaryKey()
      .references(() => dossiers.caseId),
    evaluatedAt: at('evaluated_at').notNull().defaultNow(),
    evaluatedBy: integer('evaluated_by').references(() => users.id),
    /** Contacts needed to complete the dossier: 0, 1, 2 (= more than one). */
    contactsCount: smallint('contacts_count').notNull(),
    /** Agencies contacted: NONE | ONE_STOP_ONLY | SEVERAL. */
    agenciesContacted: text('agencies_contacted').notNull(),
    /** The applicant complained or reported a problem (PAKN / dislike). */
    hadComplaint: boolean('had_complaint').notNull(),
    /** Overall satisfaction: SATISFIED | NEUTRAL | DISSATISFIED. */
    satisfaction: text('satisfaction').notNull(),
    comment: text('comment'),
    score1: smallint('score_1'),
    score2: smallint('score_2'),
    score3: smallint('score_3'),
    score4: smallint('score_4'),
    score7: smallint('score_7'),
  },
  (t) => [index('dossier_evaluations_by_idx').on(t.evaluatedBy), index('dossier_evaluations_at_idx').on(t.evaluatedAt)],
);

/**
 * Statistic facts of a finished dossier (issue 5, service index): one narrow row per dossier whose
 * classification is stored (finished, or stopped, with `timeliness_portal`), computed by the SQL
 * of `service-index.repo.ts` (`refreshStatFacts`) in the same transaction as every change of the
 * dossier by the dossier service (finish, return, evaluation, attachment, assignment), so the
 * statistics of a period read these rows instead of joining cases, evaluations, attachments and
 * steps. Nothing here is time-dependent (a finished dossier's classes are final); the working
 * days of indicator 2.2 are still counted at read time over the calendar.
 */
export const dossierStatFacts = pgTable(
  'dossier_stat_facts',
  {
    caseId: bigint('case_id', { mode: 'number' })
      .primaryKey()
      .references(() => dossiers.caseId),
    receivedAt: at('received_at').notNull(),
    finishedAt: at('finished_at'),
    agencyCode: text('agency_code').notNull(),
    procedureId: integer('procedure_id').notNull(),
    channel: text('channel').notNull(),
    unitCode: text('unit_code'),
    assigneeId: integer('assignee_id'),
    /** APPROVED | REFUSED | STOPPED (the statistics' outcome). */
    outcome: text('outcome').notNull(),
    /** Legal class EARLY | ON_TIME | LATE | STOPPED. */
    legal: text('legal').notNull(),
    /** National-portal class (= dossiers.timeliness_portal). */
    national: text('national').notNull(),
    supplementCount: smallint('supplement_count').notNull(),
    feeVnd: bigint('fee_vnd', { mode: 'number' }).notNull(),
    paidOnline: boolean('paid_online').notNull(),
    hasEResult: boolean('has_e_result').notNull(),
    /** A COMPONENT file is attached (766 indicator 3.5). */
    digitised: boolean('digitised').notNull(),
    contactsCount: smallint('contacts_count'),
    agenciesContacted: text('agencies_contacted'),
    hadComplaint: boolean('had_complaint'),
    satisfaction: text('satisfaction'),
    /** TT01 indicator 2 of the dossier (worst step: 2/1/0; null without sub-deadlines). */
    stepScore: integer('step_score'),
  },
  (t) => [
    index('dossier_stat_facts_received_idx').on(t.receivedAt),
    /** Indicator 2.2's working days are counted from the facts: an index-only scan of the finished ones. */
    index('dossier_stat_facts_handling_idx')
      .on(t.receivedAt, t.finishedAt, t.procedureId, t.unitCode, t.channel, t.agencyCode)
      .where(sql`${t.outcome} in ('APPROVED', 'REFUSED') and ${t.finishedAt} is not null`),
  ],
);

const statCountColumns = () => ({
    day: date('day', { mode: 'string' }).notNull(),
    agencyCode: text('agency_code').notNull(),
    procedureId: integer('procedure_id').notNull(),
    unitCode: text('unit_code'),
    channel: text('channel').notNull(),
    assigneeId: integer('assignee_id'),
    received: integer('received').notNull(),
    early: integer('early').notNull(),
    onTime: integer('on_time').notNull(),
    late: integer('late').notNull(),
    stopped: integer('stopped').notNull(),
    nationalEarly: integer('national_early').notNull(),
    nationalLate: integer('national_late').notNull(),
    onlineQualified: integer('online_qualified').notNull(),
    approved: integer('approved').notNull(),
    approvedEResult: integer('approved_e_result').notNull(),
    digitised: integer('digitised').notNull(),
    eResult: integer('e_result').notNull(),
    digitisedEResult: integer('digitised_e_result').notNull(),
    feeDossiers: integer('fee_dossiers').notNull(),
    feePaidOnline: integer('fee_paid_online').notNull(),
    paidOnline: integer('paid_online').notNull(),
    dissatisfied: integer('dissatisfied').notNull(),
    /** Finished with a result (APPROVED or REFUSED): the dossiers TT01 evaluates and 766 2.2 averages. */
    finishedResult: integer('finished_result').notNull(),
    /** Σ calendar days of handling of those (numeric: exact sums). */
    handlingDays: numeric('handling_days').notNull(),
    s1: integer('s1').notNull(),
    c1: integer('c1').notNull(),
    s2: integer('s2').notNull(),
    c2: integer('c2').notNull(),
    s3: integer('s3').notNull(),
    c3: integer('c3').notNull(),
    s4: integer('s4').notNull(),
    c4: integer('c4').notNull(),
    /** TT01 indicator 7 without the late dossiers without complaint (their score is configuration), and their number. */
    s7: integer('s7').notNull(),
    c7: integer('c7').notNull(),
    lateNoComplaint: integer('late_no_complaint').notNull(),
    onlineLate: integer('online_late').notNull(),
});

/**
 * Daily aggregates of the stat facts (issue 5, service index): per Vietnam receipt day, agency,
 * procedure, unit, channel and officer, the additive counts of the on-time tables, the QĐ 766
 * indicators (all but the working days of 2.2, read from the facts) and the TT01 sums. Rebuilt
 * for the receipt days of the dossiers whose facts change (`refreshStatFacts`, same transaction,
 * a transaction-scoped advisory lock per day), so a period reads a few hundred rows a month.
 */
export const dossierStatDays = pgTable('dossier_stat_days', statCountColumns(), (t) => [index('dossier_stat_days_day_idx').on(t.day)]);

/** The same counts per calendar month (`day` = its first day), rebuilt from the days of the month with them: full months of a period read these. */
export const dossierStatMonths = pgTable('dossier_stat_months', statCountColumns(), (t) => [index('dossier_stat_months_day_idx').on(t.day)]);
