import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type TErrorCode } from './errors';
import { resolveLanguage, type TLanguage } from './i18n/language';
import { translateDetails, translateMessage, translateZodIssue } from './i18n/translate';

type TErrorBody = { code: TErrorCode; message: string; details: unknown; requestId: string };

const FASTIFY_CODES: Record<string, { code: TErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'INVALID_JSON', message: 'The request body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'INVALID_JSON', message: 'The request body is empty but Content-Type is application/json' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'BODY_TOO_LARGE', message: 'The request body is larger than the allowed limit' },
  FST_REQ_FILE_TOO_LARGE: { code: 'BODY_TOO_LARGE', message: 'The uploaded file is larger than the allowed limit' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Unsupported Content-Type' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Expected a multipart/form-data request' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'BAD_REQUEST', message: 'Invalid Content-Length' },
};

/** The language of the request (set by the onRequest hook of app.ts; read from the header when a hook did not run). */
export const languageOf = (request: FastifyRequest): TLanguage => request.language ?? resolveLanguage(request.headers['accept-language']);

/** Sends the error body with its message and the messages inside its details in the request's language. */
const send = (reply: FastifyReply, status: number, body: TErrorBody): FastifyReply => {
  const lang = languageOf(reply.request);
  return reply.status(status).send({ ...body, message: translateMessage(lang, body.message), details: translateDetails(lang, body.details) });
};

/**
 * The one place where errors become HTTP answers. AppError keeps its code; schema validation
 * becomes 400 VALIDATION_ERROR with field paths; known framework errors get stable codes;
 * anything else is logged and answered 500 without internals. Messages are written in English
 * in the code and sent in the request's language (Accept-Language; see i18n/translate.ts).
 */
export const registerErrorHandler = (app: FastifyInstance): void => {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const requestId = String(request.id);
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error }, error.message);
      return send(reply, error.status, { code: error.code, message: error.message, details: error.details ?? null, requestId });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const lang = languageOf(request);
      const details = error.validation.flatMap((v) => {
        const base = [error.validationContext, ...String(v.instancePath).split('/').filter(Boolean)];
        const keys = (v.params as { keys?: unknown } | undefined)?.keys;
        if (v.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
          return keys.map((k) => ({ path: [...base, String(k)].join('.'), message: 'unknown field' }));
        }
        const message = v.message ? translateZodIssue(lang, { ...(v.params as Record<string, unknown>), code: v.keyword, message: v.message }) : 'invalid value';
        return [{ path: base.join('.'), message }];
      });
      const first = details[0];
      const summary = first ? (lang === 'vi' ? `Giá trị không hợp lệ ở ${first.path}: ${first.message}` : `Invalid ${first.path}: ${first.message}`) : 'Invalid request';
      return send(reply, 400, {
        code: 'VALIDATION_ERROR',
        message: summary,
        details,
        requestId,
      });
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known) {
      const status = known.code === 'BODY_TOO_LARGE' ? 413 : known.code === 'UNSUPPORTED_MEDIA_TYPE' ? 415 : 400;
      return send(reply, status, { code: known.code, message: known.message, details: null, requestId });
    }
    if (error.statusCode === 429) {
      return send(reply, 429, { code: 'TOO_MANY_ATTEMPTS', message: 'Too many requests, try again later', details: null, requestId });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(reply, error.statusCode, { code: 'BAD_REQUEST', message: error.message, details: null, requestId });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, 500, { code: 'INTERNAL_ERROR', message: 'Internal server error', details: null, requestId });
  });
};

/** The uniform 404 body for unknown API routes. */
export const sendNotFound = (request: FastifyRequest, reply: FastifyReply): FastifyReply =>
  send(reply, 404, { code: 'NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0]}`, details: null, requestId: String(request.id) });
