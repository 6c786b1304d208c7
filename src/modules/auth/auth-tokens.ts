import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh random token, URL-safe. */
export const generateToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** Hash of a session token keyed with the session secret: a stolen table cannot be replayed. */
export const hashSessionToken = (secret: string, token: string): string =>
  createHmac('sha256', secret).update(token).digest('hex');

/** Hash of a personal access token (high-entropy, so plain SHA-256 suffices). */
export const hashApiToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Constant-time string comparison. */
export const safeEqual = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};
