import { z } from 'zod';
import { ERROR_RESPONSES, type TApp } from '../../server/app-types';
import { contextOf } from '../../server/request-context';
import type { TCaseEngine } from './cases.service';

const ZNotification = z.object({
  id: z.number().int(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  caseId: z.number().int().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

/** In-app notifications of the signed-in user (written by the case engine). */
export const registerCaseRoutes = (app: TApp, { caseEngine }: { caseEngine: TCaseEngine }): void => {
  app.route({
    method: 'GET',
    url: '/api/notifications',
    config: { access: 'authenticated' },
    schema: {
      tags: ['notifications'],
      summary: 'Your notifications, newest first, and the unread count',
      querystring: z.strictObject({ unread: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(200).default(30) }),
      response: { 200: z.object({ items: z.array(ZNotification), unread: z.number().int() }), ...ERROR_RESPONSES },
    },
    handler: async (request) => {
      const r = await caseEngine.listNotifications(contextOf(request), { unreadOnly: request.query.unread === 'true', limit: request.query.limit });
      return {
        unread: r.unread,
        items: r.items.map((n) => ({ id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, caseId: n.caseId, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null })),
      };
    },
  });

  app.route({
    method: 'POST',
    url: '/api/notifications/:id/read',
    config: { access: 'authenticated' },
    schema: { tags: ['notifications'], summary: 'Mark one of your notifications read', params: z.strictObject({ id: z.coerce.number().int().positive() }), response: { 204: z.null(), ...ERROR_RESPONSES } },
    handler: async (request, reply) => {
      await caseEngine.readNotification(contextOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  });
};
