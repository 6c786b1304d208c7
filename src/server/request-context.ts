import type { FastifyRequest } from 'fastify';
import type { TActor, TPermission } from '../modules/auth/auth.policy';
import { resolveLanguage, type TLanguage } from './i18n/language';

/** What a service needs to know about the request it serves: who, from where, which request. */
export type TRequestContext = {
  actor: TActor | null;
  ip: string;
  requestId: string;
  locale: 'vi' | 'en';
  /** Name recorded in the audit trail for changes made without a user (seed, CLI, jobs). */
  systemActor?: string;
};

/** Access a route requires: anyone, any signed-in user, or a named permission. */
export type TRouteAccess = 'public' | 'authenticated' | TPermission;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every /api route must declare this; routes without it fail at start-up (deny by default). */
    access?: TRouteAccess;
  }
  interface FastifyRequest {
    actor: TActor | null;
    sessionTokenHash: string | null;
    csrfToken: string | null;
    /** Language of the server's messages for this request (Accept-Language; see i18n/language.ts). */
    language: TLanguage;
  }
}

/** Builds the service context from a request. */
export const contextOf = (request: FastifyRequest): TRequestContext => ({
  actor: request.actor,
  ip: request.ip,
  requestId: String(request.id),
  locale: request.language ?? resolveLanguage(request.headers['accept-language']),
});
