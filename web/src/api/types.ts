/** Types of the JSON API (see the server contract, /docs). */

export type TRole = 'ADMIN' | 'LEADER' | 'OFFICER' | 'AREA_OFFICER' | 'ENTERPRISE';
export type TModule = 'INDUSTRY' | 'TRADE' | 'PLANNING_STATS' | 'ONE_STOP';
export type TUiLocale = 'vi' | 'en';

export const ROLES: readonly TRole[] = ['ADMIN', 'LEADER', 'OFFICER', 'AREA_OFFICER', 'ENTERPRISE'];
export const MODULES: readonly TModule[] = ['INDUSTRY', 'TRADE', 'PLANNING_STATS', 'ONE_STOP'];

/** Permission strings used by the web shell (TUser.permissions may hold more). */
export type TPermission =
  | 'admin.users'
  | 'admin.audit'
  | 'admin.units'
  | 'admin.outbox'
  | 'me.tokens'
  | 'enterprises.read'
  | 'enterprises.write'
  | 'enterprises.self'
  | 'admin.calendar'
  | 'support.read'
  | 'support.manage'
  | 'procedures.manage'
  | 'compliance.read'
  | 'statistics.manage'
  | 'reports.read'
  | 'reports.review'
  | 'reports.self'
  | 'dossiers.submit'
  | 'dossiers.process'
  | 'service-index.read';

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

// ---------------------------------------------------------------------------------------------
// Enterprise registry
// ---------------------------------------------------------------------------------------------

export type TLegalForm = 'TNHH_1TV' | 'TNHH_2TV' | 'CO_PHAN' | 'HOP_DANH' | 'TU_NHAN' | 'DON_VI_PHU_THUOC';
export type TOwnership = 'STATE' | 'NON_STATE' | 'FDI';
export type TEnterpriseStatus = 'ACTIVE' | 'SUSPENDED' | 'DISSOLVED' | 'BANKRUPT';
export type TSizeClass = 'MICRO' | 'SMALL' | 'MEDIUM' | 'NOT_SME';
/** A computed class: a size class, or INVALID_INPUT when the figures could not be classified. */
export type TSmeClass = TSizeClass | 'INVALID_INPUT';
export type TSectorGroup = 'AGRI_IND_CONS' | 'TRADE_SERVICES';

export const LEGAL_FORMS: readonly TLegalForm[] = ['TNHH_1TV', 'TNHH_2TV', 'CO_PHAN', 'HOP_DANH', 'TU_NHAN', 'DON_VI_PHU_THUOC'];
export const OWNERSHIPS: readonly TOwnership[] = ['STATE', 'NON_STATE', 'FDI'];
export const ENTERPRISE_STATUSES: readonly TEnterpriseStatus[] = ['ACTIVE', 'SUSPENDED', 'DISSOLVED', 'BANKRUPT'];
export const SIZE_CLASSES: readonly TSizeClass[] = ['MICRO', 'SMALL', 'MEDIUM', 'NOT_SME'];

/** Filters of the enterprise list and structure (they live in the page URL). */
export type TEnterpriseFilter = {
  q?: string;
  sizeClass?: TSizeClass;
  section?: string;
  division?: string;
  ownership?: TOwnership;
  unit?: string;
  formerDistrict?: string;
  zone?: number;
  status?: TEnterpriseStatus;
};

export type TEnterpriseSort = 'relevance' | 'name' | 'taxCode' | 'established' | 'updated';
export type TSortOrder = 'asc' | 'desc';

export type TEnterpriseListQuery = TEnterpriseFilter & { page: number; pageSize: number; sort?: TEnterpriseSort; order?: TSortOrder };

export type TEnterpriseSummary = {
  id: number;
  taxCode: string;
  nameVi: string;
  shortName: string | null;
  legalForm: TLegalForm;
  ownership: TOwnership;
  vsicMain: string;
  unitCode: string | null;
  formerDistrict: string | null;
  zoneId: number | null;
  status: TEnterpriseStatus;
  sizeClass: TSizeClass | null;
  sizeClassYear: number | null;
};

export type TEnterpriseList = {
  items: TEnterpriseSummary[];
  total: number;
  /** More rows match than `total` (counting stops at 10,000). */
  totalCapped: boolean;
  /** Nothing matched exactly: the items come from the typo-tolerant search. */
  fuzzy: boolean;
  /** The corrected words the typo-tolerant search used (when the server reports them). */
  correctedQuery?: string | null;
};

/** Machine-readable reason of an SME classification (Decree 80/2021). */
export type TSmeReason = {
  class: TSmeClass;
  sectorGroup: TSectorGroup;
  decidedBy: 'revenue' | 'capital' | 'revenue_and_capital' | 'employees' | 'invalid_input';
  employeesLimit?: number;
  revenueLimitVnd?: string;
  capitalLimitVnd?: string;
  revenueConsidered: boolean;
  rejectedClasses: { class: TSizeClass; failedOn: 'employees' | 'revenue_and_capital' | 'capital' }[];
  invalidFields?: ('avgInsuredEmployees' | 'capitalVnd' | 'revenueVnd')[];
};

/** One year of figures; amounts are integer strings (VND, USD). */
export type TEnterpriseFigures = {
  year: number;
  avgInsuredEmployees: string;
  revenueVnd: string | null;
  capitalVnd: string;
  exportUsd: string | null;
  sizeClass: string;
  sectorGroup: string;
  ruleVersion: string;
  /** A TSmeReason as stored (checked before use). */
  reason: unknown;
};

export type TEnterpriseDetail = TEnterpriseSummary & {
  nameIntl: string | null;
  vsicOther: string[];
  address: string | null;
  establishedOn: string | null;
  statusSince: string | null;
  legalRep: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  createdAt: string;
  updatedAt: string;
  figures: TEnterpriseFigures[];
  abilities: { canEdit: boolean; canPropose: boolean };
};

/** The body of POST /api/enterprises and PUT /api/enterprises/:id (every field; null clears). */
export type TEnterpriseBody = {
  taxCode: string;
  nameVi: string;
  nameIntl: string | null;
  shortName: string | null;
  legalForm: TLegalForm;
  ownership: TOwnership;
  vsicMain: string;
  vsicOther: string[];
  address: string | null;
  unitCode: string | null;
  formerDistrict: string | null;
  zoneId: number | null;
  establishedOn: string | null;
  status: TEnterpriseStatus;
  statusSince: string | null;
  legalRep: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
};

export type TFiguresBody = {
  year: number;
  /** Decimal text (e.g. "48" or "10.5"). */
  avgInsuredEmployees: string;
  /** Integer texts. */
  revenueVnd: string | null;
  capitalVnd: string;
  exportUsd: string | null;
};

export type TClassification = { class: TSmeClass; ruleVersion: string; reason: unknown; messageVi: string; messageEn: string };

export type TEnterpriseAuditEntry = { id: number; at: string; actorName: string; action: string; before: unknown; after: unknown };

export type TCount = { key: string | null; count: number };

export type TEnterpriseStructure = {
  total: number;
  /** Enterprises with a size class (figures of some year). */
  classified: number;
  smeCount: number;
  /** smeCount / classified (0..1), null when nothing is classified. */
  smeShare: number | null;
  bySizeClass: TCount[];
  bySection: TCount[];
  byOwnership: TCount[];
  byFormerDistrict: TCount[];
  byUnit: TCount[];
  byStatus: TCount[];
};

export type TImportRowError = { row: number | null; column: string | null; message: string };

export type TEnterpriseImportResult = {
  importId: number | null;
  dryRun: boolean;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  figures: number;
  errors: TImportRowError[];
  /** All errors (the list stops at 1,000). */
  errorCount: number;
};

export type TImportPhase = 'read' | 'validate' | 'compare' | 'write' | 'done';
export type TImportProgress = { phase: TImportPhase; done: number; total: number };

export type TImportRun = {
  id: number;
  fileName: string;
  size: number;
  dryRun: boolean;
  status: string;
  counts: unknown;
  errorCount: number;
  actorName: string;
  startedAt: string;
  finishedAt: string | null;
};

/** Fields an enterprise user may propose to change. */
export type TProposableField = 'nameIntl' | 'shortName' | 'address' | 'legalRep' | 'phone' | 'email' | 'website' | 'vsicOther';
export const PROPOSABLE_FIELDS: readonly TProposableField[] = ['nameIntl', 'shortName', 'address', 'legalRep', 'phone', 'email', 'website', 'vsicOther'];

export type TProposalStatus = 'PENDING' | 'ACCEPTED' | 'REJECTED';
export const PROPOSAL_STATUSES: readonly TProposalStatus[] = ['PENDING', 'ACCEPTED', 'REJECTED'];

export type TProposal = {
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  taxCode: string;
  changes: Record<string, { from: unknown; to: unknown }>;
  note: string | null;
  status: TProposalStatus;
  decisionReason: string | null;
  createdAt: string;
  decidedAt: string | null;
};

export type TProposalChanges = Partial<Record<Exclude<TProposableField, 'vsicOther'>, string | null>> & { vsicOther?: string[] };

export type TVsicEntry = { code: string; nameVi: string; nameEn: string; parent: string | null; level: 'SECTION' | 'DIVISION' };
export type TZone = { id: number; kind: string; name: string; formerDistrict: string | null; areaHa: string | null; status: string | null };
