import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../server/errors';

/** argon2id with OWASP's recommended minimum (19 MiB, 2 passes). */
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
const MIN_PASSWORD_LENGTH = 10;

/** Hashes a password with argon2id. */
export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2_OPTIONS);

/** Verifies a password against an argon2 hash; false for malformed hashes. */
export const verifyPassword = async (passwordHash: string, password: string): Promise<boolean> => {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
};

/** A hash to verify against when the user does not exist, so timing does not reveal usernames. */
let dummyHash: Promise<string> | undefined;
export const getDummyHash = (): Promise<string> => (dummyHash ??= hashPassword('not-a-real-password-0000'));

/** Rejects passwords that are too short or equal to the username. */
export const assertPasswordStrength = (password: string, username: string): void => {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('WEAK_PASSWORD', `The password must have at least ${MIN_PASSWORD_LENGTH} characters`, {
      path: 'body.newPassword',
      minLength: MIN_PASSWORD_LENGTH,
    });
  }
  if (password.toLowerCase() === username.toLowerCase()) {
    throw new AppError('WEAK_PASSWORD', 'The password must not be the username', { path: 'body.newPassword' });
  }
};
