import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TConfig } from '../config/config';
import { hasPermission } from '../modules/auth/auth.policy';
import { actorFromUser, type TAuthService } from '../modules/auth/auth.service';
import { safeEqual } from '../modules/auth/auth-tokens';
import { AppError } from './errors';
import type { TRouteAccess } from './request-context';

export const SESSION_COOKIE = 'ct_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes a user who must change the password may still call. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set(['/api/auth/session', '/api/auth/password', '/api/auth/logout', '/api/me/locale']);
const CSRF_EXEMPT = new Set(['/api/auth/login']);

export type TRouteEntry = { method: string; url: string; access: TRouteAccess };

/** Cookie options: httpOnly, SameSite=Lax, Secure behind HTTPS (or when forced by COOKIE_SECURE). */
export const sessionCookieOptions = (config: Pick<TConfig, 'cookieSecure' | 'sessionTtlHours'>, request: FastifyRequest) => ({
  path: '/',
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: config.cookieSecure === 'true' || (config.cookieSecure === 'auto' && request.protocol === 'https'),
  signed: true,
  maxAge: Math.round(config.sessionTtlHours * 3600),
});

/**
 * Authentication and authorisation for every /api route:
 * - at registration, a route without `config.access` is refused (deny by default);
 * - per request, the actor comes from a bearer token or the signed session cookie;
 * - the route's access is enforced before the body is even validated;
 * - state-changing requests made with a session must carry the session's CSRF token.
 */
export const registerAuthHooks = (
  app: FastifyInstance,
  { authService, routeTable }: { authService: TAuthService; routeTable: TRouteEntry[] },
): void => {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionTokenHash', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} declares no access (config.access)`);
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) if (method !== 'HEAD') routeTable.push({ method, url: route.url, access });
  });

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const access = request.routeOptions.config?.access;
    if (!access) return; // non-API routes (static files, docs)
    const path = request.routeOptions.url ?? '';

    const authorization = request.headers.authorization;
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const actor = match ? await authService.resolveApiToken(match[1]) : null;
      if (!actor) throw new AppError('INVALID_TOKEN', 'The access token is invalid, expired or revoked');
      request.actor = actor;
    } else {
      const raw = request.cookies[SESSION_COOKIE];
      if (raw) {
        const unsigned = request.unsignCookie(raw);
        const session = unsigned.valid && unsigned.value ? await authService.resolveSession(unsigned.value) : null;
        if (session) {
          request.actor = actorFromUser(session.user, 'session');
          request.sessionTokenHash = session.tokenHash;
          request.csrfToken = session.csrfToken;
          if (session.user.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(path)) {
            throw new AppError('PASSWORD_CHANGE_REQUIRED', 'Change your password before continuing');
          }
        } else {
          reply.clearCookie(SESSION_COOKIE, { path: '/' });
          if (access !== 'public') throw new AppError('SESSION_EXPIRED', 'Your session has expired; sign in again');
        }
      }
    }

    if (request.sessionTokenHash && !SAFE_METHODS.has(request.method) && !CSRF_EXEMPT.has(path)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !request.csrfToken || !safeEqual(sent, request.csrfToken)) {
        throw new AppError('CSRF_TOKEN_INVALID', 'Missing or wrong X-CSRF-Token header');
      }
    }

    if (access === 'public') return;
    if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Sign in to use this function');
    if (access === 'authenticated') return;
    if (!hasPermission(request.actor, access)) {
      throw new AppError('FORBIDDEN', 'You do not have permission for this function', { permission: access });
    }
  });
};
