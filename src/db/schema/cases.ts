import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, customType, index, integer, jsonb, numeric, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './platform';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * The generic case engine (src/domain/cases, src/modules/cases): one row per case of any type
 * (dossier, petition…). Type-specific data lives in the type's own table keyed by `case_id`
 * (e.g. `dossiers`). `unit_code` is the Department unit (division) handling the case now;
 * deadlines are instants (timestamptz) computed with the working-day calendar.
 */
export const cases = pgTable(
  'cases',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseType: text('case_type').notNull(),
    state: text('state').notNull(),
    /** Optimistic version, increased by every change (guards concurrent transitions). */
    version: integer('version').notNull().default(1),
    title: text('title').notNull(),
    unitCode: text('unit_code'),
    assigneeId: integer('assignee_id').references(() => users.id),
    /** The account that opened the case from outside (applicant), if any. */
    ownerUserId: integer('owner_user_id').references(() => users.id),
    enterpriseId: integer('enterprise_id'),
    openedAt: at('opened_at').notNull().defaultNow(),
    /** Legal time limit of the whole case: value + unit (WORKING_DAY | CALENDAR_DAY | WORKING_HOUR). */
    deadlineValue: numeric('deadline_value'),
    deadlineUnit: text('deadline_unit'),
    /** When the clock (last) started: receipt, or the restart after a complete supplement. */
    clockStartedAt: at('clock_started_at'),
    /** Due instant computed at the first start of the clock (never changed afterwards). */
    firstDueAt: at('first_due_at'),
    /** Legal due instant in force: recomputed on restart, extended after a PAUSE; never changed by a reschedule. */
    dueAt: at('due_at'),
    /** Appointment moved once by the late-handling apology (Mẫu 04); classification ignores it. */
    rescheduledDueAt: at('rescheduled_due_at'),
    rescheduleCount: smallint('reschedule_count').notNull().default(0),
    /** Open pause (supplement, payment…): its start; null when the clock runs. */
    pausedAt: at('paused_at'),
    /** Sum of closed PAUSE-rule intervals in milliseconds (restart-rule intervals are not added). */
    pausedTotalMs: bigint('paused_total_ms', { mode: 'number' }).notNull().default(0),
    /** Current step (case_steps) and its sub-deadline. */
    stepDueAt: at('step_due_at'),
    /** First time the case reached a final state, and which outcome (e.g. APPROVED, REFUSED, WITHDRAWN). */
    closedAt: at('closed_at'),
    outcome: text('outcome'),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('cases_type_state_idx').on(t.caseType, t.state),
    // Work queues: counts and the page of ids come from this index alone (index-only scans).
    index('cases_open_queue_idx').on(t.caseType, t.unitCode, t.dueAt, t.pausedAt, t.id).where(sql`${t.closedAt} is null`),
    index('cases_open_assignee_due_idx').on(t.assigneeId, t.dueAt).where(sql`${t.closedAt} is null`),
    index('cases_owner_idx').on(t.ownerUserId),
    index('cases_enterprise_idx').on(t.enterpriseId),
    index('cases_opened_idx').on(t.caseType, t.openedAt),
  ],
);

/**
 * Append-only journal of every change of a case (transition, assignment, transfer, pause,
 * comment, attachment, reschedule…), written in the same transaction as the change. A trigger
 * refuses UPDATE and DELETE (like audit_log). Mẫu 05 content: actor, unit, at, from → to, reason.
 */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    at: at('at').notNull().defaultNow(),
    kind: text('kind').notNull(),
    transition: text('transition'),
    fromState: text('from_state'),
    toState: text('to_state'),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    unitCode: text('unit_code'),
    reason: text('reason'),
    /** Shown on the public lookup (no personal data in public events). */
    isPublic: boolean('is_public').notNull().default(false),
    data: jsonb('data'),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.id)],
);

/**
 * Steps of a case: each stay at a unit (and officer) with its own sub-deadline (spec §2.2 step 6,
 * TT01 indicator 2). A transfer closes the current step and opens the next.
 */
export const caseSteps = pgTable(
  'case_steps',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    seq: integer('seq').notNull(),
    unitCode: text('unit_code').notNull(),
    assigneeId: integer('assignee_id').references(() => users.id),
    startedAt: at('started_at').notNull(),
    limitValue: numeric('limit_value'),
    limitUnit: text('limit_unit'),
    dueAt: at('due_at'),
    finishedAt: at('finished_at'),
  },
  (t) => [index('case_steps_case_idx').on(t.caseId, t.seq), index('case_steps_assignee_idx').on(t.assigneeId)],
);

/**
 * Intervals when the clock of a case was stopped: kind SUPPLEMENT | PAYMENT | …; `rule`
 * RESTART (the limit restarts from zero when it ends; ND61 Đ19.4) or PAUSE (the interval is
 * added to the deadline) or NONE (recorded only). Open while `ended_at` is null.
 */
export const casePauses = pgTable(
  'case_pauses',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    kind: text('kind').notNull(),
    rule: text('rule').notNull(),
    reason: text('reason'),
    /** Type-specific details (e.g. the list of documents a supplement request asks for). */
    data: jsonb('data'),
    startedAt: at('started_at').notNull(),
    endedAt: at('ended_at'),
  },
  (t) => [index('case_pauses_case_idx').on(t.caseId)],
);

/** Metadata of a file attached to a case; the bytes are in case_attachment_blobs. */
export const caseAttachments = pgTable(
  'case_attachments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    /** Purpose: e.g. COMPONENT (dossier component), SUPPLEMENT, RESULT, SLIP, OTHER. */
    purpose: text('purpose').notNull(),
    /** Free label, e.g. the dossier component's name. */
    label: text('label'),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    isPublic: boolean('is_public').notNull().default(false),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    uploadedAt: at('uploaded_at').notNull().defaultNow(),
  },
  (t) => [index('case_attachments_case_idx').on(t.caseId), index('case_attachments_uploaded_by_idx').on(t.uploadedBy)],
);

/** Bytes of attachments, apart from the case rows (never read by lists). */
export const caseAttachmentBlobs = pgTable('case_attachment_blobs', {
  attachmentId: bigint('attachment_id', { mode: 'number' })
    .primaryKey()
    .references(() => caseAttachments.id),
  bytes: bytea('bytes').notNull(),
});

/** Comments on a case: INTERNAL (staff only) or PUBLIC (also the applicant). */
export const caseComments = pgTable(
  'case_comments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    visibility: text('visibility').notNull(),
    body: text('body').notNull(),
    authorId: integer('author_id').references(() => users.id),
    authorName: text('author_name').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('case_comments_case_idx').on(t.caseId), index('case_comments_author_idx').on(t.authorId)],
);

/** In-app notifications (the e-mail copy goes through the mail outbox in the same transaction). */
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    caseId: bigint('case_id', { mode: 'number' }).references(() => cases.id),
    createdAt: at('created_at').notNull().defaultNow(),
    readAt: at('read_at'),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.id), index('notifications_case_idx').on(t.caseId)],
);
