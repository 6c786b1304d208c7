import { z } from 'zod';
import { ERROR_RESPONSES, type TApp } from '../../server/app-types';
import type { TMailService } from './mail.service';

const ZOutboxItem = z.object({
  id: z.number().int(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  status: z.enum(['QUEUED', 'SENT', 'FAILED', 'OUTBOX_ONLY']),
  error: z.string().nullable(),
});

/** The mail outbox, readable by administrators. */
export const registerOutboxRoutes = (app: TApp, { mailService }: { mailService: TMailService }): void => {
  app.route({
    method: 'GET',
    url: '/api/admin/outbox',
    config: { access: 'admin.outbox' },
    schema: {
      tags: ['admin'],
      summary: 'Outgoing mail (the outbox)',
      querystring: z.strictObject({
        page: z.coerce.number().int().min(1).default(1),
        pageSize: z.coerce.number().int().min(1).max(200).default(20),
      }),
      response: { 200: z.object({ items: z.array(ZOutboxItem), total: z.number().int() }), ...ERROR_RESPONSES },
    },
    handler: async (request) => {
      const result = await mailService.listOutbox(request.query);
      return {
        total: result.total,
        items: result.items.map((m) => ({
          id: m.id,
          to: m.to,
          subject: m.subject,
          body: m.body,
          createdAt: m.createdAt.toISOString(),
          sentAt: m.sentAt?.toISOString() ?? null,
          status: m.status as 'QUEUED' | 'SENT' | 'FAILED' | 'OUTBOX_ONLY',
          error: m.error,
        })),
      };
    },
  });
};
