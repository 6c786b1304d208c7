import { z } from 'zod';
import type { TDb } from '../../db/client';
import { ERROR_RESPONSES, type TApp } from '../../server/app-types';
import { findAuditEntries } from './audit.repo';

const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const ZAuditItem = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string(),
  ip: z.string().nullable(),
  entity: z.string(),
  entityId: z.string().nullable(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});

/** The audit trail, read-only: there is no route that changes or deletes audit rows. */
export const registerAuditRoutes = (app: TApp, { db }: { db: TDb }): void => {
  app.route({
    method: 'GET',
    url: '/api/admin/audit',
    config: { access: 'admin.audit' },
    schema: {
      tags: ['admin'],
      summary: 'Audit trail, newest first',
      querystring: z.strictObject({
        actor: z.string().trim().max(100).optional(),
        entity: z.string().trim().max(64).optional(),
        entityId: z.string().trim().max(64).optional(),
        action: z.string().trim().max(64).optional(),
        from: ZDate.optional(),
        to: ZDate.optional(),
        page: z.coerce.number().int().min(1).default(1),
        pageSize: z.coerce.number().int().min(1).max(200).default(50),
      }),
      response: { 200: z.object({ items: z.array(ZAuditItem), total: z.number().int() }), ...ERROR_RESPONSES },
    },
    handler: async (request) => {
      const result = await findAuditEntries(db, request.query);
      return { total: result.total, items: result.items.map((r) => ({ ...r, at: r.at.toISOString() })) };
    },
  });
};
