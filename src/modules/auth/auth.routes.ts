import type { TConfig } from '../../config/config';
import { ERROR_RESPONSES, ZErrorBody, ZNoContent, type TApp } from '../../server/app-types';
import { SESSION_COOKIE, sessionCookieOptions } from '../../server/auth-hooks';
import { contextOf } from '../../server/request-context';
import { presentSessionUser } from '../users/users.presenter';
import { ZChangePasswordBody, ZLocaleBody, ZLoginBody, ZSessionResponse } from './auth.schemas';
import type { TAuthService } from './auth.service';

/** Sign in, sign out, the current session, password change, language preference. */
export const registerAuthRoutes = (app: TApp, { authService, config }: { authService: TAuthService; config: TConfig }): void => {
  app.route({
    method: 'GET',
    url: '/api/auth/session',
    config: { access: 'public' },
    schema: { tags: ['auth'], summary: 'The signed-in user and the CSRF token (user null when anonymous)', response: { 200: ZSessionResponse } },
    handler: async (request) => {
      if (!request.actor || request.actor.via !== 'session') return { user: null, csrfToken: null };
      const user = await authService.getUser(request.actor.userId);
      return { user: user ? presentSessionUser(user) : null, csrfToken: request.csrfToken };
    },
  });

  app.route({
    method: 'POST',
    url: '/api/auth/login',
    config: { access: 'public' },
    schema: {
      tags: ['auth'],
      summary: 'Sign in with username and password; sets the session cookie',
      body: ZLoginBody,
      response: { 200: ZSessionResponse, 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 423: ZErrorBody, 429: ZErrorBody },
    },
    handler: async (request, reply) => {
      const result = await authService.login(contextOf(request), {
        username: request.body.username,
        password: request.body.password,
        userAgent: request.headers['user-agent'] ?? null,
      });
      reply.setCookie(SESSION_COOKIE, result.token, sessionCookieOptions(config, request));
      return { user: presentSessionUser(result.user), csrfToken: result.csrfToken };
    },
  });

  app.route({
    method: 'POST',
    url: '/api/auth/logout',
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], summary: 'Sign out (ends this session)', response: { 204: ZNoContent, ...ERROR_RESPONSES } },
    handler: async (request, reply) => {
      if (request.sessionTokenHash) await authService.logout(contextOf(request), request.sessionTokenHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  });

  app.route({
    method: 'POST',
    url: '/api/auth/password',
    config: { access: 'authenticated' },
    schema: {
      tags: ['auth'],
      summary: 'Change the signed-in user\'s password (closes the user\'s other sessions)',
      body: ZChangePasswordBody,
      response: { 204: ZNoContent, ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      await authService.changePassword(contextOf(request), { ...request.body, keepSessionHash: request.sessionTokenHash });
      return reply.status(204).send(null);
    },
  });

  app.route({
    method: 'PUT',
    url: '/api/me/locale',
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], summary: 'Remember the user\'s interface language', body: ZLocaleBody, response: { 204: ZNoContent, ...ERROR_RESPONSES } },
    handler: async (request, reply) => {
      await authService.setLocale(contextOf(request), request.body.locale);
      return reply.status(204).send(null);
    },
  });
};
