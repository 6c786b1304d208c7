/** Types of the JSON API (see the server contract, /docs). */

export type TRole = 'ADMIN' | 'LEADER' | 'OFFICER' | 'AREA_OFFICER' | 'ENTERPRISE';
export type TModule = 'INDUSTRY' | 'TRADE' | 'PLANNING_STATS' | 'ONE_STOP';
export type TUiLocale = 'vi' | 'en';

export const ROLES: readonly TRole[] = ['ADMIN', 'LEADER', 'OFFICER', 'AREA_OFFICER', 'ENTERPRISE'];
export const MODULES: readonly TModule[] = ['INDUSTRY', 'TRADE', 'PLANNING_STATS', 'ONE_STOP'];

/** Permission strings used by the web shell (TUser.permissions may hold more). */
export type TPermission = 'admin.users' | 'admin.audit' | 'admin.units' | 'admin.outbox' | 'me.tokens';

export type TUser = {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
  role: TRole;
  modules: TModule[];
  unitCodes: string[];
  enterpriseIds: number[];
  locale: TUiLocale;
  permissions: string[];
  mustChangePassword: boolean;
};

export type TSession = { user: TUser | null; csrfToken: string | null };
export type TLoginResponse = { user: TUser; csrfToken: string };

export type TAdminUser = Omit<TUser, 'permissions'> & {
  disabled: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
};

export type TPage<T> = { items: T[]; total: number };

export type TAuditEntry = {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string;
  ip: string | null;
  entity: string;
  entityId: string | null;
  action: string;
  /** Snapshot of the entity before/after the action (usually an object; null for a creation/deletion). */
  before: unknown;
  after: unknown;
  requestId: string | null;
};

export type TOutboxStatus = 'QUEUED' | 'SENT' | 'FAILED' | 'OUTBOX_ONLY';

export type TOutboxMessage = {
  id: number;
  to: string;
  subject: string;
  body: string;
  createdAt: string;
  sentAt: string | null;
  status: TOutboxStatus;
  /** The delivery error of a FAILED message. */
  error: string | null;
};

export type TUnitLevel = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
export const UNIT_LEVELS: readonly TUnitLevel[] = ['PROVINCE', 'DISTRICT', 'COMMUNE'];

export type TUnit = {
  code: string;
  name: string;
  level: TUnitLevel;
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
};

export type TLineageRelation = 'merged_into' | 'split_to' | 'renamed';

export type TLineage = {
  oldCode: string;
  oldName: string;
  newCode: string;
  newName: string;
  relation: TLineageRelation;
};

export type TUnitImportResult = {
  dryRun: boolean;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Lineage links (former unit → new unit) written or to be written. */
  lineage: number;
  errors: { row: number; column: string | null; message: string }[];
};

export type THealth = {
  status: string;
  version: string;
  database: { kind: 'pglite' | 'postgres'; reachable: boolean };
  migrations: { current: boolean; applied: number; expected: number };
};

export type TAccessToken = {
  id: number;
  name: string;
  /** The first characters of the secret, to recognise a token. */
  prefix: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
};
