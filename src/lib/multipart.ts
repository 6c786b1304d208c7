import type { FastifyRequest } from 'fastify';
import { AppError } from '../server/errors';

/**
 * Reads a multipart/form-data upload with one file (field "file") and plain fields.
 * The size limit is enforced by @fastify/multipart (413 BODY_TOO_LARGE).
 */
export const readUpload = async (request: FastifyRequest): Promise<{ filename: string; mimetype: string; bytes: Buffer; fields: Record<string, string> }> => {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Expected multipart/form-data with a field "file"');
  const fields: Record<string, string> = {};
  let file: { filename: string; mimetype: string; bytes: Buffer } | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer();
      if (part.fieldname === 'file' && !file) file = { filename: part.filename, mimetype: part.mimetype, bytes };
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  if (!file) throw new AppError('VALIDATION_ERROR', 'No file uploaded (expected the form field "file")', [{ path: 'body.file', message: 'required' }]);
  return { ...file, fields };
};

/** Reads a boolean form field or query value ("true"/"false"). */
export const readFlag = (value: string | undefined): boolean => value === 'true' || value === '1';
