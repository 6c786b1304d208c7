import { listPermissions, type TModule, type TRole } from '../auth/auth.policy';
import type { TUserRow } from './users.repo';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** The signed-in user as the web shell sees it (never the password hash). */
export const presentSessionUser = (row: TUserRow) => ({
  id: row.id,
  username: row.username,
  displayName: row.displayName,
  email: row.email,
  role: row.role as TRole,
  modules: row.modules as TModule[],
  unitCodes: row.unitCodes,
  enterpriseIds: row.enterpriseIds,
  locale: row.locale === 'en' ? ('en' as const) : ('vi' as const),
  permissions: listPermissions({ role: row.role as TRole, modules: row.modules as TModule[] }),
  mustChangePassword: row.mustChangePassword,
});

/** A user as administrators see it. */
export const presentAdminUser = (row: TUserRow) => ({
  id: row.id,
  username: row.username,
  displayName: row.displayName,
  email: row.email,
  role: row.role as TRole,
  modules: row.modules as TModule[],
  unitCodes: row.unitCodes,
  enterpriseIds: row.enterpriseIds,
  locale: row.locale === 'en' ? ('en' as const) : ('vi' as const),
  mustChangePassword: row.mustChangePassword,
  disabled: row.disabled,
  lockedUntil: iso(row.lockedUntil),
  lastLoginAt: iso(row.lastLoginAt),
  createdAt: row.createdAt.toISOString(),
});

/** The audited view of a user: what changed, without secrets. */
export const presentUserForAudit = (row: TUserRow) => ({
  username: row.username,
  displayName: row.displayName,
  email: row.email,
  role: row.role,
  modules: row.modules,
  unitCodes: row.unitCodes,
  enterpriseIds: row.enterpriseIds,
  locale: row.locale,
  disabled: row.disabled,
  mustChangePassword: row.mustChangePassword,
});
