import { and, desc, eq, gte, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client';
import { auditLog } from '../../db/schema/platform';

export type TAuditEntry = {
  actorId: number | null;
  actorName: string;
  ip: string | null;
  entity: string;
  entityId: string | null;
  action: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
};

/** Inserts one audit row; call it with the transaction that makes the change. */
export const insertAudit = async (tx: TDbOrTx, entry: TAuditEntry): Promise<void> => {
  await tx.insert(auditLog).values({
    ...entry,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
};

export type TAuditFilter = {
  actor?: string;
  entity?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
};

/** Lists audit rows, newest first, with filters on actor, entity, action and a date range (Vietnam days). */
export const findAuditEntries = async (db: TDbOrTx, filter: TAuditFilter) => {
  const where: SQL[] = [];
  if (filter.actor) where.push(ilike(auditLog.actorName, `%${filter.actor}%`));
  if (filter.entity) where.push(eq(auditLog.entity, filter.entity));
  if (filter.entityId) where.push(eq(auditLog.entityId, filter.entityId));
  if (filter.action) {
    const cond = or(eq(auditLog.action, filter.action), ilike(auditLog.action, `${filter.action}%`));
    if (cond) where.push(cond);
  }
  if (filter.from) where.push(gte(auditLog.at, sql`(${filter.from}::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`));
  if (filter.to) where.push(lt(auditLog.at, sql`((${filter.to}::date + 1)::timestamp) AT TIME ZONE 'Asia/Ho_Chi_Minh'`));
  const condition = where.length ? and(...where) : undefined;
  const [items, total] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(condition)
      .orderBy(desc(auditLog.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(condition),
  ]);
  return { items, total: Number(total[0]?.n ?? 0) };
};
