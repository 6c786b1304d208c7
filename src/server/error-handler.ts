import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type TErrorCode } from './errors';

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

const send = (reply: FastifyReply, status: number, body: TErrorBody): FastifyReply => reply.status(status).send(body);

/**
 * The one place where errors become HTTP answers. AppError keeps its code; schema validation
 * becomes 400 VALIDATION_ERROR with field paths; known framework errors get stable codes;
 * anything else is logged and answered 500 without internals.
 */
export const registerErrorHandler = (app: FastifyInstance): void => {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const requestId = String(request.id);
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error }, error.message);
      return send(reply, error.status, { code: error.code, message: error.message, details: error.details ?? null, requestId });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.flatMap((v) => {
        const base = [error.validationContext, ...String(v.instancePath).split('/').filter(Boolean)];
        const keys = (v.params as { keys?: unknown } | undefined)?.keys;
        if (v.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
          return keys.map((k) => ({ path: [...base, String(k)].join('.'), message: 'unknown field' }));
        }
        return [{ path: base.join('.'), message: v.message ?? 'invalid value' }];
      });
      const first = details[0];
      return send(reply, 400, {
        code: 'VALIDATION_ERROR',
        message: first ? `Invalid ${first.path}: ${first.message}` : 'Invalid request',
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
