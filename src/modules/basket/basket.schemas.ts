import { z } from 'zod';

export const ZPeriod = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month YYYY-MM');
export const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
export const ZDryRunQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).optional() });

export const ZImportError = z.object({ row: z.number().int().nullable(), column: z.string().nullable(), message: z.string() });
export const ZImportResult = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(ZImportError),
  recomputeMs: z.number().int().nullable().describe('Time taken by the recomputation of the published figures (null: nothing to recompute)'),
});

export const ZProductBody = z.strictObject({
  nameVi: z.string().trim().min(1).max(300),
  nameEn: z.string().trim().min(1).max(300),
  unit: z.string().trim().min(1).max(60),
  vsic4: z.string().trim().max(10),
  activeFrom: ZPeriod.nullable().default(null),
  activeTo: ZPeriod.nullable().default(null),
});
export const ZProductCreateBody = ZProductBody.extend({ code: z.string().trim().min(1).max(40) });
export const ZProduct = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  vsic4: z.string(),
  activeFrom: z.string().nullable(),
  activeTo: z.string().nullable(),
  weightVersions: z.array(z.number().int()).describe('Weight versions (base years) in which the product has a PRODUCT weight'),
});

const ZLevelCounts = z.object({ PRODUCT: z.number().int(), VSIC4: z.number().int(), VSIC2: z.number().int(), SECTION: z.number().int() });
export const ZWeightVersions = z.object({
  items: z.array(
    z.object({
      version: z.number().int(),
      validFrom: z.string(),
      status: z.enum(['IN_FORCE', 'SCHEDULED', 'SUPERSEDED']),
      scopes: z.array(z.object({ scope: z.string(), counts: ZLevelCounts })),
    }),
  ),
});
export const ZWeightTree = z.object({
  version: z.number().int(),
  validFrom: z.string(),
  scope: z.string(),
  scopes: z.array(z.string()),
  nodes: z.array(
    z.object({
      key: z.string(),
      parentKey: z.string().nullable(),
      level: z.enum(['TOTAL', 'SECTION', 'VSIC2', 'VSIC4', 'PRODUCT']),
      code: z.string(),
      nameVi: z.string(),
      nameEn: z.string(),
      unit: z.string().nullable(),
      weight: z.number().nullable(),
      isInherited: z.boolean().describe('The weight comes from the ALL rows (the scope has no rows of its own at this level)'),
      share: z.number().nullable().describe('Weight / sum of the weights of its siblings'),
      baseAnnualQty: z.number().nullable(),
      hasData: z.boolean().describe('A product below has reported quantities in the months the version affects'),
      isMissing: z.boolean(),
    }),
  ),
  unweighted: z.array(z.string()).describe('Nodes with data but no weight (the engine would refuse them)'),
});
export const ZWeightImportResult = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  versions: z.array(z.object({ version: z.number().int(), scope: z.string(), validFrom: z.string(), rows: z.number().int(), replacedRows: z.number().int() })),
  errors: z.array(ZImportError),
  recomputeMs: z.number().int().nullable(),
});

export const ZDeflatorIndicator = z.enum(['RETAIL_GOODS', 'ACCOM_FOOD', 'TRAVEL', 'OTHER_SERVICES', 'RETAIL_TOTAL', 'EXPORT']);
export const ZDeflatorBody = z.strictObject({ period: ZPeriod, indicator: ZDeflatorIndicator, priceIndex: z.number().finite() });
export const ZDeflatorTable = z.object({
  year: z.number().int(),
  years: z.array(z.number().int()),
  rows: z.array(z.object({ period: z.string(), values: z.record(z.string(), z.number()) })),
});

export const ZTetBody = z.strictObject({ start: ZDate, end: ZDate });
export const ZTetList = z.object({
  items: z.array(
    z.object({
      year: z.number().int(),
      dayOne: z.string().describe('Day 1 of the lunar year (Vietnamese calendar)'),
      defaultStart: z.string().nullable(),
      defaultEnd: z.string().nullable(),
      start: z.string().nullable().describe('Official window (null: the default 7-day window is used)'),
      end: z.string().nullable(),
    }),
  ),
});

export const ZFormSettingsBody = z.strictObject({
  deadlineDay: z.number().int().min(1).max(60),
  expiryDays: z.number().int().min(2).max(400),
  remindBeforeDays: z.number().int().min(0).max(60),
  remindAfterDays: z.number().int().min(0).max(365),
});
export const ZFormSettings = z.object({
  code: z.string(),
  kind: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  deadlineDay: z.number().int(),
  expiryDays: z.number().int(),
  remindBeforeDays: z.number().int(),
  remindAfterDays: z.number().int(),
  frameActive: z.number().int(),
  frameTotal: z.number().int(),
});
export const ZFrameQuery = z.strictObject({
  q: z.string().max(200).optional(),
  activeIn: ZPeriod.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const ZFrameAddBody = z.strictObject({ taxCode: z.string().trim().min(1).max(20), activeFrom: ZPeriod, activeTo: ZPeriod.nullable().default(null) });
export const ZFrameChangeBody = z.strictObject({ activeFrom: ZPeriod, activeTo: ZPeriod.nullable() });
export const ZFrame = z.object({
  total: z.number().int(),
  items: z.array(z.object({ enterpriseId: z.number().int(), taxCode: z.string(), nameVi: z.string(), area: z.string().nullable(), activeFrom: z.string(), activeTo: z.string().nullable() })),
});
export const ZLockExceptions = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      enterpriseId: z.number().int(),
      taxCode: z.string(),
      nameVi: z.string(),
      period: z.string(),
      until: z.string(),
      reason: z.string(),
      grantedBy: z.string().nullable(),
      grantedAt: z.string(),
      isActive: z.boolean(),
    }),
  ),
});
