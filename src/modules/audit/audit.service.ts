import type { TDbOrTx } from '../../db/client';
import type { TRequestContext } from '../../server/request-context';
import { insertAudit } from './audit.repo';

export type TAuditChange = {
  entity: string;
  entityId: string | number | null;
  action: string;
  before?: unknown;
  after?: unknown;
};

/**
 * Records who changed what, from where, with the before and after values. Must be called with
 * the same transaction as the change itself, so both commit or neither does.
 */
export const recordAudit = async (tx: TDbOrTx, ctx: TRequestContext, change: TAuditChange): Promise<void> => {
  await insertAudit(tx, {
    actorId: ctx.actor?.userId ?? null,
    actorName: ctx.actor?.username ?? ctx.systemActor ?? 'anonymous',
    ip: ctx.ip || null,
    entity: change.entity,
    entityId: change.entityId === null ? null : String(change.entityId),
    action: change.action,
    before: change.before ?? null,
    after: change.after ?? null,
    requestId: ctx.requestId || null,
  });
};

/** The context for changes made by the system itself (seeding, jobs, CLI). */
export const systemContext = (name = 'system'): TRequestContext => ({
  actor: null,
  ip: '',
  requestId: name,
  locale: 'vi',
  systemActor: name,
});
