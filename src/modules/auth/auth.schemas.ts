import { z } from 'zod';
import { ZLocale, ZSessionUser } from '../users/users.schemas';

export const ZLoginBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const ZSessionResponse = z.object({
  user: ZSessionUser.nullable(),
  csrfToken: z.string().nullable(),
});

export const ZChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

export const ZLocaleBody = z.strictObject({ locale: ZLocale });
