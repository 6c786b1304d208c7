import { createHash } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { TDb, TTx } from '../../db/client';
import { users } from '../../db/schema/platform';
import { computeDue, dueAfterResume, dueSoonLimit, type TPauseRule } from '../../domain/cases/deadlines';
import { listAllowedTransitions, planTransition, TransitionError, type TCaseSnapshot, type TCaseTypeDef, type TTransitionDef } from '../../domain/cases/state-machine';
import type { TLegalTime, TWorkCalendar } from '../../domain/calendar/workdays';
import { AppError, notFound } from '../../server/errors';
import type { TRequestContext } from '../../server/request-context';
import { recordAudit } from '../audit/audit.service';
import type { TActor } from '../auth/auth.policy';
import type { TCalendarService } from '../calendar/calendar.service';
import type { TMailService } from '../mail/mail.service';
import {
  countUnreadNotifications,
  endPause,
  findAttachments,
  findAttachmentsByIds,
  findAttachmentWithBytes,
  findCaseById,
  findComments,
  findCurrentStep,
  findEvents,
  findNotifications,
  findOpenPause,
  findPauses,
  findQueue,
  findSteps,
  finishStep,
  insertAttachment,
  insertCase,
  insertComment,
  insertEvent,
  insertNotifications,
  insertPause,
  insertStep,
  lockCaseById,
  markNotificationRead,
  updateCase,
  type TCaseRow,
} from './cases.repo';

/** A case type registered with the engine: its declaration and how an actor relates to a case. */
export type TCaseTypeRegistration = {
  def: TCaseTypeDef;
  /** Relations of the actor to the case (e.g. APPLICANT, INTAKE, HANDLER); transitions name the relations allowed. */
  relationsOf: (actor: TActor | null, row: TCaseRow) => Set<string>;
};

/** Moving a case to a unit (and officer) with the sub-deadline of the new step. */
export type TRoute = { unitCode: string; assigneeId?: number | null; stepLimit?: TLegalTime | null };

export type TTransitionInput = {
  caseId: number;
  transition: string;
  reason?: string | null;
  /** Files already uploaded to this case that come with the transition (counted for requiresAttachments). */
  attachmentIds?: number[];
  /** When it happened (default now); must not be in the future. */
  at?: Date;
  /** The case's limit, when the transition starts the clock and the case has none yet. */
  limit?: TLegalTime;
  /** Overrides the pause rule declared by the transition (e.g. from configuration). */
  pauseRule?: TPauseRule;
  /** Details stored with the pause (e.g. the documents a supplement request asks for). */
  pauseData?: unknown;
  /** Move the case to another unit/officer in the same change (opens a new step). */
  route?: TRoute;
  /** Put the case in a unit's queue without opening a step (e.g. submitted, waiting for receipt). */
  unitCode?: string;
  /** Extra data for the journal row. */
  data?: Record<string, unknown>;
  /** Skip the relation check (trusted system callers only, e.g. the demo seed). */
  trusted?: boolean;
};

export type TAttachmentInput = { caseId: number; purpose: string; label?: string | null; fileName: string; bytes: Buffer; isPublic?: boolean };

/** File types by extension: content type and the first bytes a real file of that type starts with. */
const FILE_TYPES: Record<string, { contentType: string; magic: number[][] }> = {
  pdf: { contentType: 'application/pdf', magic: [[0x25, 0x50, 0x44, 0x46]] },
  png: { contentType: 'image/png', magic: [[0x89, 0x50, 0x4e, 0x47]] },
  jpg: { contentType: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  jpeg: { contentType: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: [[0x50, 0x4b, 0x03, 0x04]] },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: [[0x50, 0x4b, 0x03, 0x04]] },
  odt: { contentType: 'application/vnd.oasis.opendocument.text', magic: [[0x50, 0x4b, 0x03, 0x04]] },
  ods: { contentType: 'application/vnd.oasis.opendocument.spreadsheet', magic: [[0x50, 0x4b, 0x03, 0x04]] },
  txt: { contentType: 'text/plain; charset=utf-8', magic: [] },
};

const mapTransitionError = (error: TransitionError): AppError => {
  switch (error.code) {
    case 'INVALID_TRANSITION':
      return new AppError('INVALID_TRANSITION', error.message, { allowed: error.allowed });
    case 'FORBIDDEN':
      return new AppError('FORBIDDEN', error.message, { allowed: error.allowed });
    case 'REASON_REQUIRED':
      return new AppError('VALIDATION_ERROR', error.message, [{ path: 'body.reason', message: 'required' }]);
    case 'ATTACHMENTS_REQUIRED':
      return new AppError('VALIDATION_ERROR', error.message, [{ path: 'body.attachmentIds', message: 'files required' }]);
    case 'GUARD_FAILED':
      return new AppError('CONFLICT', error.message, { allowed: error.allowed });
  }
};

const snapshotOf = (row: TCaseRow): TCaseSnapshot => ({
  state: row.state,
  unitCode: row.unitCode,
  assigneeId: row.assigneeId,
  rescheduleCount: row.rescheduleCount,
  pausedAt: row.pausedAt,
});

const limitOf = (row: TCaseRow): TLegalTime | null =>
  row.deadlineValue !== null && row.deadlineUnit !== null ? { value: Number(row.deadlineValue), unit: row.deadlineUnit as TLegalTime['unit'] } : null;

type TWriterDeps = {
  tx: TTx;
  cal: TWorkCalendar;
  ctx: TRequestContext;
  typeOf: (caseType: string) => TCaseTypeRegistration;
  mail: TMailService;
  config: { caseAttachmentMaxBytes: number; caseAttachmentTypes: string[] };
};

const checkAt = (at: Date | undefined): Date => {
  const when = at ?? new Date();
  if (when.getTime() > Date.now() + 60_000) throw new AppError('VALIDATION_ERROR', 'The time of a change cannot be in the future', [{ path: 'body.at', message: 'in the future' }]);
  return when;
};

/** Writer bound to one transaction and the working-day calendar (see createCaseEngine().run). */
const createCaseWriter = ({ tx, cal, ctx, typeOf, mail, config }: TWriterDeps) => {
  const relationsOf = (actor: TActor | null, row: TCaseRow): Set<string> => typeOf(row.caseType).relationsOf(actor, row);
  const actorFields = (c: TRequestContext) => ({ actorId: c.actor?.userId ?? null, actorName: c.actor?.displayName ?? c.systemActor ?? 'anonymous' });

  const openStep = async (row: TCaseRow, route: TRoute, at: Date) => {
    const current = await findCurrentStep(tx, row.id);
    if (current) await finishStep(tx, current.id, at);
    const stepDue = route.stepLimit ? new Date(computeDue(cal, { startAt: at.getTime(), limit: route.stepLimit }).dueAtMs) : null;
    await insertStep(tx, {
      caseId: row.id,
      seq: (current?.seq ?? 0) + 1,
      unitCode: route.unitCode,
      assigneeId: route.assigneeId ?? null,
      startedAt: at,
      limitValue: route.stepLimit ? String(route.stepLimit.value) : null,
      limitUnit: route.stepLimit?.unit ?? null,
      dueAt: stepDue,
    });
    return { unitCode: route.unitCode, assigneeId: route.assigneeId ?? null, stepDueAt: stepDue };
  };

  /** Opens a case (state = the type's initial state unless given), with its journal row. */
  const open = async (input: {
    caseType: string;
    title: string;
    state?: string;
    unitCode?: string | null;
    ownerUserId?: number | null;
    enterpriseId?: number | null;
    limit?: TLegalTime | null;
    at?: Date;
    isPublic?: boolean;
    data?: Record<string, unknown>;
  }) => {
    const { def } = typeOf(input.caseType);
    const state = input.state ?? def.initial;
    if (!def.states.includes(state)) throw new Error(`state ${state} is not declared by ${def.type}`);
    const at = checkAt(input.at);
    const row = await insertCase(tx, {
      caseType: input.caseType,
      state,
      title: input.title,
      unitCode: input.unitCode ?? null,
      ownerUserId: input.ownerUserId ?? null,
      enterpriseId: input.enterpriseId ?? null,
      openedAt: at,
      deadlineValue: input.limit ? String(input.limit.value) : null,
      deadlineUnit: input.limit?.unit ?? null,
    });
    await insertEvent(tx, { caseId: row.id, at, kind: 'OPEN', toState: state, ...actorFields(ctx), unitCode: row.unitCode, isPublic: input.isPublic ?? false, data: input.data ?? null });
    await recordAudit(tx, ctx, { entity: 'case', entityId: row.id, action: 'case.open', after: { caseType: row.caseType, state, title: row.title } });
    return row;
  };

  /** Takes a declared transition (see TTransitionInput); 409 naming the allowed ones when impossible. */
  const transition = async (input: TTransitionInput) => {
    const row = await lockCaseById(tx, input.caseId);
    if (!row) throw notFound('Case');
    const registration = typeOf(row.caseType);
    const at = checkAt(input.at);
    const relations = input.trusted ? new Set(registration.def.transitions.flatMap((t) => t.roles)) : registration.relationsOf(ctx.actor, row);
    const ids = [...new Set(input.attachmentIds ?? [])];
    const files = await findAttachmentsByIds(tx, row.id, ids);
    if (files.length !== ids.length) {
      const missing = ids.filter((id) => !files.some((f) => f.id === id));
      throw new AppError('VALIDATION_ERROR', `Attachment ${missing.join(', ')} does not belong to this case`, [{ path: 'body.attachmentIds', message: 'unknown attachment' }]);
    }
    let t: TTransitionDef;
    try {
      t = planTransition(registration.def, snapshotOf(row), { transition: input.transition, relations, reason: input.reason, attachmentCount: files.length });
    } catch (error) {
      if (error instanceof TransitionError) throw mapTransitionError(error);
      throw error;
    }
    const patch: Partial<typeof row> = { state: t.to };
    let pauseId: number | null = null;
    const clock = t.clock;
    if (clock?.kind === 'START') {
      const limit = input.limit ?? limitOf(row);
      if (limit) {
        const due = new Date(computeDue(cal, { startAt: at.getTime(), limit }).dueAtMs);
        Object.assign(patch, { clockStartedAt: at, dueAt: due, firstDueAt: row.firstDueAt ?? due, deadlineValue: String(limit.value), deadlineUnit: limit.unit });
      }
    } else if (clock?.kind === 'PAUSE') {
      const open = await findOpenPause(tx, row.id);
      if (open) throw new AppError('CONFLICT', `The clock of this case is already stopped (${open.kind})`);
      const pause = await insertPause(tx, { caseId: row.id, kind: clock.pauseKind, rule: input.pauseRule ?? clock.rule, reason: input.reason ?? null, data: input.pauseData ?? null, startedAt: at });
      pauseId = pause.id;
      patch.pausedAt = at;
    } else if (clock?.kind === 'RESUME') {
      const open = await findOpenPause(tx, row.id);
      if (open) {
        await endPause(tx, open.id, at);
        pauseId = open.id;
        const limit = limitOf(row);
        const rule = open.rule as TPauseRule;
        if (limit && row.dueAt) {
          patch.dueAt = new Date(dueAfterResume(cal, { rule, limit, dueAt: row.dueAt.getTime(), pausedAt: open.startedAt.getTime(), resumedAt: at.getTime() }));
          if (rule === 'RESTART') patch.clockStartedAt = at;
        }
        if (rule === 'PAUSE') patch.pausedTotalMs = row.pausedTotalMs + (at.getTime() - open.startedAt.getTime());
        patch.pausedAt = null;
      }
    } else if (clock?.kind === 'STOP') {
      const open = await findOpenPause(tx, row.id);
      if (open) await endPause(tx, open.id, at);
      patch.pausedAt = null;
      patch.closedAt = row.closedAt ?? at;
      const step = await findCurrentStep(tx, row.id);
      if (step) await finishStep(tx, step.id, at);
    }
    if (t.outcome) patch.outcome = t.outcome;
    if (input.unitCode) patch.unitCode = input.unitCode;
    if (input.route) Object.assign(patch, await openStep(row, input.route, at));
    const after = await updateCase(tx, row.id, patch);
    const event = await insertEvent(tx, {
      caseId: row.id,
      at,
      kind: 'TRANSITION',
      transition: t.name,
      fromState: row.state,
      toState: t.to,
      ...actorFields(ctx),
      unitCode: after.unitCode,
      reason: input.reason?.trim() || null,
      isPublic: t.isPublic ?? false,
      data: { ...(ids.length ? { attachmentIds: ids } : {}), ...(pauseId ? { pauseId } : {}), ...(input.route ? { route: input.route } : {}), ...(input.data ?? {}) },
    });
    await recordAudit(tx, ctx, {
      entity: 'case',
      entityId: row.id,
      action: `case.${t.name}`,
      before: { state: row.state, unitCode: row.unitCode, assigneeId: row.assigneeId, dueAt: row.dueAt },
      after: { state: after.state, unitCode: after.unitCode, assigneeId: after.assigneeId, dueAt: after.dueAt, reason: input.reason ?? null },
    });
    return { before: row, row: after, transition: t, event, pauseId };
  };

  /** Re-assigns a case within its state (another officer or unit), opening a new step. */
  const assign = async (input: { caseId: number; route: TRoute; reason?: string | null; at?: Date; relationsAllowed: string[] }) => {
    const row = await lockCaseById(tx, input.caseId);
    if (!row) throw notFound('Case');
    const relations = relationsOf(ctx.actor, row);
    if (!input.relationsAllowed.some((r) => relations.has(r))) throw new AppError('FORBIDDEN', 'You may not assign this case');
    if (row.closedAt) throw new AppError('CONFLICT', 'The case is closed');
    const at = checkAt(input.at);
    const after = await updateCase(tx, row.id, await openStep(row, input.route, at));
    await insertEvent(tx, { caseId: row.id, at, kind: 'ASSIGN', fromState: row.state, toState: row.state, ...actorFields(ctx), unitCode: after.unitCode, reason: input.reason ?? null, isPublic: false, data: { route: input.route } });
    await recordAudit(tx, ctx, { entity: 'case', entityId: row.id, action: 'case.assign', before: { unitCode: row.unitCode, assigneeId: row.assigneeId }, after: { unitCode: after.unitCode, assigneeId: after.assigneeId } });
    return after;
  };

  /**
   * Moves the appointment once (late handling, spec §2.4): a second attempt is a 409; the new
   * instant must be after the current appointment. The legal due instant is not changed.
   */
  const reschedule = async (input: { caseId: number; newDueAt: Date; reason: string; relationsAllowed: string[]; data?: Record<string, unknown> }) => {
    const row = await lockCaseById(tx, input.caseId);
    if (!row) throw notFound('Case');
    const relations = relationsOf(ctx.actor, row);
    if (!input.relationsAllowed.some((r) => relations.has(r))) throw new AppError('FORBIDDEN', 'You may not reschedule this case');
    if (row.closedAt || typeOf(row.caseType).def.finalStates.includes(row.state)) throw new AppError('CONFLICT', 'The case is closed; its appointment cannot be moved');
    if (row.rescheduleCount >= 1) {
      throw new AppError('CONFLICT', `The appointment was already moved once (to ${row.rescheduledDueAt?.toISOString() ?? '?'}); only one reschedule is allowed`);
    }
    if (!row.dueAt) throw new AppError('CONFLICT', 'The case has no deadline yet');
    if (!input.reason.trim()) throw new AppError('VALIDATION_ERROR', 'A reason is required', [{ path: 'body.reason', message: 'required' }]);
    if (input.newDueAt.getTime() <= row.dueAt.getTime()) {
      throw new AppError('VALIDATION_ERROR', 'The new appointment must be after the current due date', [{ path: 'body.newDueDate', message: 'not after the current due date' }]);
    }
    const at = new Date();
    const after = await updateCase(tx, row.id, { rescheduledDueAt: input.newDueAt, rescheduleCount: row.rescheduleCount + 1 });
    await insertEvent(tx, { caseId: row.id, at, kind: 'RESCHEDULE', fromState: row.state, toState: row.state, ...actorFields(ctx), unitCode: row.unitCode, reason: input.reason, isPublic: true, data: { from: row.dueAt.toISOString(), to: input.newDueAt.toISOString(), ...(input.data ?? {}) } });
    await recordAudit(tx, ctx, { entity: 'case', entityId: row.id, action: 'case.reschedule', before: { rescheduledDueAt: row.rescheduledDueAt }, after: { rescheduledDueAt: input.newDueAt, reason: input.reason } });
    return after;
  };

  /** Stores a file for the case after the size and type checks (413 / 415); bytes go to their own table. */
  const attach = async (input: TAttachmentInput) => {
    const row = await findCaseById(tx, input.caseId);
    if (!row) throw notFound('Case');
    if (input.bytes.length === 0) throw new AppError('VALIDATION_ERROR', 'The file is empty', [{ path: 'body.file', message: 'empty' }]);
    if (input.bytes.length > config.caseAttachmentMaxBytes) {
      throw new AppError('BODY_TOO_LARGE', `The file is ${input.bytes.length} bytes; the limit is ${config.caseAttachmentMaxBytes} bytes`, { limit: config.caseAttachmentMaxBytes });
    }
    const ext = /\.([a-z0-9]+)$/i.exec(input.fileName)?.[1]?.toLowerCase() ?? '';
    const type = FILE_TYPES[ext];
    if (!type || !config.caseAttachmentTypes.includes(ext)) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Files of type ".${ext || '?'}" are not accepted; allowed: ${config.caseAttachmentTypes.join(', ')}`, { allowed: config.caseAttachmentTypes });
    }
    if (type.magic.length && !type.magic.some((m) => m.every((b, i) => input.bytes[i] === b))) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', `The content of "${input.fileName}" is not a .${ext} file`, { allowed: config.caseAttachmentTypes });
    }
    const attachment = await insertAttachment(
      tx,
      {
        caseId: row.id,
        purpose: input.purpose,
        label: input.label ?? null,
        fileName: input.fileName.slice(0, 255),
        contentType: type.contentType,
        sizeBytes: input.bytes.length,
        sha256: createHash('sha256').update(input.bytes).digest('hex'),
        isPublic: input.isPublic ?? false,
        uploadedBy: ctx.actor?.userId ?? null,
      },
      input.bytes,
    );
    await insertEvent(tx, { caseId: row.id, kind: 'ATTACH', ...actorFields(ctx), unitCode: row.unitCode, isPublic: false, data: { attachmentId: attachment.id, purpose: input.purpose, fileName: attachment.fileName } });
    await recordAudit(tx, ctx, { entity: 'case', entityId: row.id, action: 'case.attach', after: { attachmentId: attachment.id, purpose: attachment.purpose, fileName: attachment.fileName, sizeBytes: attachment.sizeBytes, sha256: attachment.sha256 } });
    return attachment;
  };

  /** A comment: INTERNAL (staff) or PUBLIC (also the applicant). */
  const comment = async (input: { caseId: number; visibility: 'INTERNAL' | 'PUBLIC'; body: string }) => {
    const row = await findCaseById(tx, input.caseId);
    if (!row) throw notFound('Case');
    const created = await insertComment(tx, { caseId: row.id, visibility: input.visibility, body: input.body, authorId: ctx.actor?.userId ?? null, authorName: actorFields(ctx).actorName });
    await insertEvent(tx, { caseId: row.id, kind: 'COMMENT', ...actorFields(ctx), unitCode: row.unitCode, isPublic: false, data: { commentId: created.id, visibility: input.visibility } });
    await recordAudit(tx, ctx, { entity: 'case', entityId: row.id, action: 'case.comment', after: { commentId: created.id, visibility: input.visibility } });
    return created;
  };

  /** In-app notifications and, for users with an e-mail address (or given addresses), an outbox mail. */
  const notify = async (input: { caseId: number | null; kind: string; title: string; body: string; link?: string | null; userIds?: number[]; emails?: string[] }) => {
    const ids = [...new Set(input.userIds ?? [])];
    await insertNotifications(
      tx,
      ids.map((userId) => ({ userId, kind: input.kind, title: input.title, body: input.body, link: input.link ?? null, caseId: input.caseId })),
    );
    const addresses = new Set(input.emails ?? []);
    if (ids.length) for (const u of await tx.select({ email: users.email }).from(users).where(inArray(users.id, ids))) if (u.email) addresses.add(u.email);
    for (const to of addresses) await mail.queueMail(tx, { to, subject: input.title, body: input.body });
  };

  /** Reads inside the transaction (never use the pool while a PGlite transaction is open). */
  const pauses = (caseId: number) => findPauses(tx, caseId);
  const attachments = (caseId: number) => findAttachments(tx, caseId);
  const steps = (caseId: number) => findSteps(tx, caseId);

  return { tx, cal, open, transition, assign, reschedule, attach, comment, notify, pauses, attachments, steps };
};


export type TCaseWriter = ReturnType<typeof createCaseWriter>;

/**
 * The generic case engine. Case types (dossiers, petitions…) register their declaration; every
 * change goes through `run`, which opens one transaction and hands out a writer: each writer call
 * locks the case row, checks the declaration, applies the clock rules, writes the journal row
 * (case_events) and the audit row in that same transaction. The caller adds its own rows (e.g.
 * the dossier table) with `w.tx` before the transaction commits.
 */
export const createCaseEngine = ({ db, mail, calendarService, config }: { db: TDb; mail: TMailService; calendarService: TCalendarService; config: { caseAttachmentMaxBytes: number; caseAttachmentTypes: string[] } }) => {
  const registry = new Map<string, TCaseTypeRegistration>();

  const register = (registration: TCaseTypeRegistration): void => {
    registry.set(registration.def.type, registration);
  };

  const typeOf = (caseType: string): TCaseTypeRegistration => {
    const r = registry.get(caseType);
    if (!r) throw new Error(`case type ${caseType} is not registered`);
    return r;
  };

  const relationsOf = (actor: TActor | null, row: TCaseRow): Set<string> => typeOf(row.caseType).relationsOf(actor, row);

  /** Transitions the actor may take now (guards included), for the UI. */
  const allowedTransitions = (actor: TActor | null, row: TCaseRow): string[] => listAllowedTransitions(typeOf(row.caseType).def, snapshotOf(row), relationsOf(actor, row));

  /** Runs `fn` in one transaction with a writer (calendar loaded before the transaction starts). */
  const run = async <T>(ctx: TRequestContext, fn: (w: TCaseWriter) => Promise<T>): Promise<T> => {
    const cal = await calendarService.getWorkCalendar();
    return db.transaction(async (tx) => fn(createCaseWriter({ tx, cal, ctx, typeOf, mail, config })));
  };

  /** Work queue of open cases for units and/or an officer, with counts of overdue and due-soon cases. */
  const queue = async (input: { caseType: string; unitCodes?: string[]; assigneeId?: number; states?: string[]; urgency?: 'OVERDUE' | 'DUE_SOON'; dueSoonWorkingDays: number; page: number; pageSize: number; now?: Date }) => {
    const cal = await calendarService.getWorkCalendar();
    const now = input.now ?? new Date();
    const dueSoonBefore = new Date(dueSoonLimit(cal, now.getTime(), input.dueSoonWorkingDays));
    return { ...(await findQueue(db, { ...input, now, dueSoonBefore })), now, dueSoonBefore, cal };
  };

  const getCase = (id: number) => findCaseById(db, id);
  const timeline = async (caseId: number, { publicOnly = false }: { publicOnly?: boolean } = {}) => ({
    events: await findEvents(db, caseId, { publicOnly }),
    steps: await findSteps(db, caseId),
    pauses: await findPauses(db, caseId),
  });
  const attachments = (caseId: number) => findAttachments(db, caseId);
  const readAttachment = (caseId: number, id: number) => findAttachmentWithBytes(db, caseId, id);
  const comments = (caseId: number, { publicOnly = false }: { publicOnly?: boolean } = {}) => findComments(db, caseId, { publicOnly });

  /** The signed-in user's notifications, newest first. */
  const listNotifications = async (ctx: TRequestContext, { unreadOnly, limit }: { unreadOnly: boolean; limit: number }) => {
    if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
    return { items: await findNotifications(db, ctx.actor.userId, { unreadOnly, limit }), unread: await countUnreadNotifications(db, ctx.actor.userId) };
  };

  const readNotification = async (ctx: TRequestContext, id: number) => {
    if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
    const done = await markNotificationRead(db, ctx.actor.userId, id);
    if (!done) throw notFound('Notification');
  };

  return { register, relationsOf, allowedTransitions, run, queue, getCase, timeline, attachments, readAttachment, comments, listNotifications, readNotification };
};

export type TCaseEngine = ReturnType<typeof createCaseEngine>;
