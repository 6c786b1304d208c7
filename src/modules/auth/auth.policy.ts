/**
 * Roles, permissions and the policy functions services call. Deny by default: a permission not
 * listed for a role is refused; routes declare the permission they need (see access.ts).
 */
export const ROLES = ['ADMIN', 'LEADER', 'OFFICER', 'AREA_OFFICER', 'ENTERPRISE'] as const;
export type TRole = (typeof ROLES)[number];

/** Department divisions an OFFICER can be given rights in. */
export const MODULES = ['INDUSTRY', 'TRADE', 'PLANNING_STATS', 'ONE_STOP'] as const;
export type TModule = (typeof MODULES)[number];

export const PERMISSIONS = [
  'admin.users',
  'admin.audit',
  'admin.units',
  'admin.outbox',
  'admin.calendar',
  'me.tokens',
  'enterprises.read',
  'enterprises.write',
  'enterprises.self',
  'procedures.manage',
  'compliance.read',
  'statistics.manage',
  'reports.read',
  'reports.review',
  'reports.self',
  'support.read',
  'support.manage',
  'service-index.read',
  'dossiers.submit',
  'dossiers.process',
] as const;
export type TPermission = (typeof PERMISSIONS)[number];

/** Who is acting: a signed-in user (session) or an integration (personal access token). */
export type TActor = {
  userId: number;
  username: string;
  displayName: string;
  role: TRole;
  modules: TModule[];
  unitCodes: string[];
  enterpriseIds: number[];
  via: 'session' | 'token';
  /** With a token: the scopes granted to it; the effective rights are the intersection. */
  tokenScopes?: string[];
};

const ROLE_PERMISSIONS: Record<TRole, readonly TPermission[]> = {
  ADMIN: ['admin.users', 'admin.audit', 'admin.units', 'admin.outbox', 'admin.calendar', 'me.tokens', 'enterprises.read', 'enterprises.write', 'procedures.manage', 'statistics.manage', 'reports.read', 'compliance.read', 'reports.review', 'support.read', 'support.manage', 'dossiers.process', 'service-index.read'],
  LEADER: ['me.tokens', 'enterprises.read', 'reports.read', 'compliance.read', 'support.read', 'dossiers.process', 'service-index.read'],
  OFFICER: ['me.tokens', 'enterprises.read', 'reports.read', 'compliance.read', 'support.read', 'dossiers.process', 'service-index.read'],
  AREA_OFFICER: ['me.tokens', 'enterprises.read', 'reports.read', 'compliance.read', 'support.read'],
  ENTERPRISE: ['me.tokens', 'enterprises.self', 'reports.self', 'dossiers.submit'],
};

/** Extra permissions an officer gets from the divisions (modules) assigned to them. */
const MODULE_PERMISSIONS: Record<TModule, readonly TPermission[]> = {
  INDUSTRY: ['enterprises.write', 'reports.review', 'support.manage'],
  TRADE: ['enterprises.write', 'reports.review', 'support.manage'],
  PLANNING_STATS: ['enterprises.write', 'statistics.manage', 'reports.review'],
  ONE_STOP: ['procedures.manage'],
};

/** Permissions a user holds through role (and, for officers, modules). */
export const listPermissions = (user: Pick<TActor, 'role' | 'modules'>): TPermission[] => {
  const own = new Set<TPermission>(ROLE_PERMISSIONS[user.role]);
  if (user.role === 'OFFICER') for (const m of user.modules) for (const p of MODULE_PERMISSIONS[m] ?? []) own.add(p);
  return PERMISSIONS.filter((p) => own.has(p));
};

/** True when the actor holds the permission (and, for token access, the token carries it). */
export const hasPermission = (actor: TActor | null, permission: TPermission): boolean => {
  if (!actor) return false;
  if (!listPermissions(actor).includes(permission)) return false;
  if (actor.via === 'token') return (actor.tokenScopes ?? []).includes(permission);
  return true;
};

/** Scope check for area officers: may the actor see data of this administrative unit? */
export const canAccessUnit = (actor: TActor, unitCode: string): boolean => {
  if (actor.role === 'ADMIN' || actor.role === 'LEADER' || actor.role === 'OFFICER') return true;
  if (actor.role === 'AREA_OFFICER') return actor.unitCodes.includes(unitCode);
  return false;
};

/** Scope check for enterprise users: their own enterprise(s) only; Department staff see all. */
export const canAccessEnterprise = (actor: TActor, enterpriseId: number): boolean => {
  if (actor.role === 'ENTERPRISE') return actor.enterpriseIds.includes(enterpriseId);
  return actor.role === 'ADMIN' || actor.role === 'LEADER' || actor.role === 'OFFICER' || actor.role === 'AREA_OFFICER';
};

/** Administrators manage accounts; nobody else. */
export const canManageUsers = (actor: TActor): boolean => hasPermission(actor, 'admin.users');
