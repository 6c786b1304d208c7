import { z } from 'zod';
import { MODULES, ROLES } from '../auth/auth.policy';

export const ZRole = z.enum(ROLES);
export const ZModule = z.enum(MODULES);
export const ZLocale = z.enum(['vi', 'en']);

export const ZSessionUser = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  role: ZRole,
  modules: z.array(ZModule),
  unitCodes: z.array(z.string()),
  enterpriseIds: z.array(z.number().int()),
  locale: ZLocale,
  permissions: z.array(z.string()),
  mustChangePassword: z.boolean(),
});

export const ZAdminUser = ZSessionUser.omit({ permissions: true }).extend({
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});

const ZUsername = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-zA-Z0-9._-]+$/, 'letters, digits, dot, underscore or hyphen only');
const ZDisplayName = z.string().trim().min(1).max(200);
const ZEmail = z.string().trim().email().max(254);
const ZUnitCodes = z.array(z.string().trim().min(1).max(32)).max(500);
const ZEnterpriseIds = z.array(z.number().int().positive()).max(500);

export const ZUserListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  role: ZRole.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const ZCreateUserBody = z.strictObject({
  username: ZUsername,
  displayName: ZDisplayName,
  email: ZEmail.nullable().optional(),
  role: ZRole,
  modules: z.array(ZModule).default([]),
  unitCodes: ZUnitCodes.default([]),
  enterpriseIds: ZEnterpriseIds.default([]),
  password: z.string().min(1).max(256),
});
export type TCreateUserBody = z.infer<typeof ZCreateUserBody>;

export const ZUpdateUserBody = z.strictObject({
  displayName: ZDisplayName.optional(),
  email: ZEmail.nullable().optional(),
  role: ZRole.optional(),
  modules: z.array(ZModule).optional(),
  unitCodes: ZUnitCodes.optional(),
  enterpriseIds: ZEnterpriseIds.optional(),
  disabled: z.boolean().optional(),
});
export type TUpdateUserBody = z.infer<typeof ZUpdateUserBody>;

export const ZResetPasswordBody = z.strictObject({ newPassword: z.string().min(1).max(256) });
export const ZUserIdParams = z.strictObject({ id: z.coerce.number().int().positive() });
export const ZUserList = z.object({ items: z.array(ZAdminUser), total: z.number().int() });
