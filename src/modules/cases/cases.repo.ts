import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client';
import { caseAttachmentBlobs, caseAttachments, caseComments, caseEvents, casePauses, cases, caseSteps, notifications } from '../../db/schema/cases';

export type TCaseRow = typeof cases.$inferSelect;
export type TCaseEventRow = typeof caseEvents.$inferSelect;
export type TCaseStepRow = typeof caseSteps.$inferSelect;
export type TCasePauseRow = typeof casePauses.$inferSelect;
export type TCaseAttachmentRow = typeof caseAttachments.$inferSelect;
export type TCaseCommentRow = typeof caseComments.$inferSelect;

export const insertCase = async (db: TDbOrTx, row: typeof cases.$inferInsert) => (await db.insert(cases).values(row).returning())[0];

export const findCaseById = async (db: TDbOrTx, id: number) => (await db.select().from(cases).where(eq(cases.id, id)).limit(1))[0];

/** The case row locked for the rest of the transaction (every change goes through this). */
export const lockCaseById = async (db: TDbOrTx, id: number) => (await db.select().from(cases).where(eq(cases.id, id)).for('update').limit(1))[0];

export const updateCase = async (db: TDbOrTx, id: number, patch: Partial<typeof cases.$inferInsert>) =>
  (await db
    .update(cases)
    .set({ ...patch, version: sql`${cases.version} + 1`, updatedAt: new Date() })
    .where(eq(cases.id, id))
    .returning())[0];

export const insertEvent = async (db: TDbOrTx, row: typeof caseEvents.$inferInsert) => (await db.insert(caseEvents).values(row).returning())[0];

export const findEvents = (db: TDbOrTx, caseId: number, { publicOnly = false }: { publicOnly?: boolean } = {}) =>
  db
    .select()
    .from(caseEvents)
    .where(publicOnly ? and(eq(caseEvents.caseId, caseId), eq(caseEvents.isPublic, true)) : eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.id));

export const findCurrentStep = async (db: TDbOrTx, caseId: number) =>
  (await db.select().from(caseSteps).where(and(eq(caseSteps.caseId, caseId), isNull(caseSteps.finishedAt))).orderBy(desc(caseSteps.seq)).limit(1))[0];

export const findSteps = (db: TDbOrTx, caseId: number) => db.select().from(caseSteps).where(eq(caseSteps.caseId, caseId)).orderBy(asc(caseSteps.seq));

export const insertStep = async (db: TDbOrTx, row: typeof caseSteps.$inferInsert) => (await db.insert(caseSteps).values(row).returning())[0];

export const finishStep = async (db: TDbOrTx, id: number, at: Date) => db.update(caseSteps).set({ finishedAt: at }).where(eq(caseSteps.id, id));

export const findOpenPause = async (db: TDbOrTx, caseId: number) =>
  (await db.select().from(casePauses).where(and(eq(casePauses.caseId, caseId), isNull(casePauses.endedAt))).limit(1))[0];

export const findPauses = (db: TDbOrTx, caseId: number) => db.select().from(casePauses).where(eq(casePauses.caseId, caseId)).orderBy(asc(casePauses.id));

export const insertPause = async (db: TDbOrTx, row: typeof casePauses.$inferInsert) => (await db.insert(casePauses).values(row).returning())[0];

export const endPause = async (db: TDbOrTx, id: number, at: Date) => db.update(casePauses).set({ endedAt: at }).where(eq(casePauses.id, id));

export const insertAttachment = async (db: TDbOrTx, row: typeof caseAttachments.$inferInsert, bytes: Buffer) => {
  const inserted = (await db.insert(caseAttachments).values(row).returning())[0];
  await db.insert(caseAttachmentBlobs).values({ attachmentId: inserted.id, bytes });
  return inserted;
};

export const findAttachments = (db: TDbOrTx, caseId: number) => db.select().from(caseAttachments).where(eq(caseAttachments.caseId, caseId)).orderBy(asc(caseAttachments.id));

export const findAttachmentsByIds = (db: TDbOrTx, caseId: number, ids: number[]) =>
  ids.length ? db.select().from(caseAttachments).where(and(eq(caseAttachments.caseId, caseId), inArray(caseAttachments.id, ids))) : Promise.resolve([]);

export const findAttachmentWithBytes = async (db: TDbOrTx, caseId: number, id: number) =>
  (await db
    .select({ attachment: caseAttachments, bytes: caseAttachmentBlobs.bytes })
    .from(caseAttachments)
    .innerJoin(caseAttachmentBlobs, eq(caseAttachmentBlobs.attachmentId, caseAttachments.id))
    .where(and(eq(caseAttachments.caseId, caseId), eq(caseAttachments.id, id)))
    .limit(1))[0];

export const insertComment = async (db: TDbOrTx, row: typeof caseComments.$inferInsert) => (await db.insert(caseComments).values(row).returning())[0];

export const findComments = (db: TDbOrTx, caseId: number, { publicOnly = false }: { publicOnly?: boolean } = {}) =>
  db
    .select()
    .from(caseComments)
    .where(publicOnly ? and(eq(caseComments.caseId, caseId), eq(caseComments.visibility, 'PUBLIC')) : eq(caseComments.caseId, caseId))
    .orderBy(asc(caseComments.id));

export const insertNotifications = async (db: TDbOrTx, rows: (typeof notifications.$inferInsert)[]) => (rows.length ? db.insert(notifications).values(rows) : undefined);

export const findNotifications = (db: TDbOrTx, userId: number, { unreadOnly, limit }: { unreadOnly: boolean; limit: number }) =>
  db
    .select()
    .from(notifications)
    .where(unreadOnly ? and(eq(notifications.userId, userId), isNull(notifications.readAt)) : eq(notifications.userId, userId))
    .orderBy(desc(notifications.id))
    .limit(limit);

export const countUnreadNotifications = async (db: TDbOrTx, userId: number) =>
  (await db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt))))[0]?.n ?? 0;

export const markNotificationRead = async (db: TDbOrTx, userId: number, id: number) =>
  (await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id }))[0];

export type TQueueFilter = {
  caseType: string;
  /** Cases at these units… */
  unitCodes?: string[];
  /** …or assigned to this officer (either matches when both are given). */
  assigneeId?: number;
  states?: string[];
  /** OVERDUE: due before `now`; DUE_SOON: due between now and `dueSoonBefore`. */
  urgency?: 'OVERDUE' | 'DUE_SOON';
  now: Date;
  dueSoonBefore: Date;
  page: number;
  pageSize: number;
};

/**
 * Open cases (not closed) of a type for a work queue, earliest due first, with counts by urgency.
 * Uses the partial indexes on open cases (unit, due) and (assignee, due).
 */
export const findQueue = async (db: TDbOrTx, f: TQueueFilter) => {
  const scope: SQL[] = [];
  if (f.unitCodes && f.unitCodes.length) scope.push(inArray(cases.unitCode, f.unitCodes));
  if (f.assigneeId !== undefined) scope.push(eq(cases.assigneeId, f.assigneeId));
  const base = and(eq(cases.caseType, f.caseType), isNull(cases.closedAt), scope.length ? or(...scope) : undefined, f.states?.length ? inArray(cases.state, f.states) : undefined);
  const overdue = sql`${cases.pausedAt} is null and ${cases.dueAt} < ${f.now}`;
  const dueSoon = sql`${cases.pausedAt} is null and ${cases.dueAt} >= ${f.now} and ${cases.dueAt} <= ${f.dueSoonBefore}`;
  const where = f.urgency === 'OVERDUE' ? and(base, overdue) : f.urgency === 'DUE_SOON' ? and(base, dueSoon) : base;
  const [counts] = await db
    .select({
      total: sql<number>`count(*)::int`,
      overdue: sql<number>`(count(*) filter (where ${overdue}))::int`,
      dueSoon: sql<number>`(count(*) filter (where ${dueSoon}))::int`,
    })
    .from(cases)
    .where(base);
  // The page of ids is read from the queue index alone; only those rows are fetched.
  const order = [sql`${cases.dueAt} asc nulls last`, asc(cases.id)] as const;
  const pageIds = db
    .select({ id: cases.id })
    .from(cases)
    .where(where)
    .orderBy(...order)
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const rows = await db
    .select()
    .from(cases)
    .where(inArray(cases.id, pageIds))
    .orderBy(...order);
  const filteredTotal = f.urgency === 'OVERDUE' ? counts.overdue : f.urgency === 'DUE_SOON' ? counts.dueSoon : counts.total;
  return { rows, total: filteredTotal, counts };
};
