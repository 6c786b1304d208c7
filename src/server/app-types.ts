import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** The Fastify instance with zod schemas as the type provider. */
export type TApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression<RawServerDefault>,
  RawReplyDefaultExpression<RawServerDefault>,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** The uniform error body, for response schemas. */
export const ZErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown(),
  requestId: z.string(),
});

/** Error responses every authenticated route may give. */
export const ERROR_RESPONSES = {
  400: ZErrorBody,
  401: ZErrorBody,
  403: ZErrorBody,
  404: ZErrorBody,
  409: ZErrorBody,
} as const;

export const ZNoContent = z.null().describe('No content');
