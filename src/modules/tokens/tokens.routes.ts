import { z } from 'zod';
import { ERROR_RESPONSES, ZNoContent, type TApp } from '../../server/app-types';
import { contextOf } from '../../server/request-context';
import { PERMISSIONS } from '../auth/auth.policy';
import { presentToken, type TTokenService } from './tokens.service';

const ZToken = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

/** The signed-in user's personal access tokens. */
export const registerTokenRoutes = (app: TApp, { tokenService }: { tokenService: TTokenService }): void => {
  app.route({
    method: 'GET',
    url: '/api/me/tokens',
    config: { access: 'me.tokens' },
    schema: { tags: ['tokens'], summary: 'My personal access tokens', response: { 200: z.object({ items: z.array(ZToken) }), ...ERROR_RESPONSES } },
    handler: async (request) => ({ items: (await tokenService.listTokens(contextOf(request))).map(presentToken) }),
  });

  app.route({
    method: 'POST',
    url: '/api/me/tokens',
    config: { access: 'me.tokens' },
    schema: {
      tags: ['tokens'],
      summary: 'Create a token (the secret is shown only in this answer); use it as "Authorization: Bearer <token>"',
      body: z.strictObject({
        name: z.string().trim().min(1).max(100),
        scopes: z.array(z.enum(PERMISSIONS)).min(1),
        expiresInDays: z.number().int().min(1).max(3650).optional(),
      }),
      response: { 201: z.object({ token: z.string(), item: ZToken }), ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const { token, row } = await tokenService.createToken(contextOf(request), request.body);
      return reply.status(201).send({ token, item: presentToken(row) });
    },
  });

  app.route({
    method: 'DELETE',
    url: '/api/me/tokens/:id',
    config: { access: 'me.tokens' },
    schema: {
      tags: ['tokens'],
      summary: 'Revoke a token',
      params: z.strictObject({ id: z.coerce.number().int().positive() }),
      response: { 204: ZNoContent, ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      await tokenService.revoke(contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });
};
