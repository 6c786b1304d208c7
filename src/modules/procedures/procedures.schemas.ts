import { z } from 'zod';

const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
export const ZTimeUnit = z.enum(['WORKING_DAY', 'CALENDAR_DAY', 'WORKING_HOUR']);
export const CHANGE_KINDS = ['NEW', 'AMENDED', 'REPLACED', 'ABOLISHED'] as const;
export const PROCEDURE_STATUSES = ['PUBLIC', 'AMENDED', 'ABOLISHED'] as const;
export const SUBJECTS = ['CITIZEN', 'OVERSEAS_VIETNAMESE', 'FOREIGNER', 'ENTERPRISE', 'ORGANISATION', 'COOPERATIVE', 'HOUSEHOLD_BUSINESS'] as const;
/** National procedure code N.NNNNNN, optionally with a provincial suffix (e.g. 1.000948.H26). */
export const PROCEDURE_CODE = /^\d\.\d{6}(\.[0-9A-Z]{1,10})*$/;

/** The content of one version of a procedure (record fields of spec §5.1). */
export const ZProcedureContent = z.strictObject({
  name: z.string().trim().min(5).max(1000),
  implementationLevel: z.enum(['PROVINCE', 'COMMUNE']),
  agencies: z.strictObject({
    competent: z.string().trim().min(1).max(300),
    implementing: z.string().trim().min(1).max(300),
    delegated: z.string().trim().max(300).nullable().optional(),
    coordinating: z.string().trim().max(300).nullable().optional(),
  }),
  subjects: z.array(z.enum(SUBJECTS)).min(1),
  sequence: z.string().max(10000).nullable().optional(),
  methods: z
    .array(z.strictObject({ channel: z.enum(['DIRECT', 'ONLINE', 'POSTAL']), processingTime: z.strictObject({ value: z.number().positive(), unit: ZTimeUnit }), note: z.string().max(500).optional() }))
    .min(1),
  dossierComponents: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1).max(1000),
        originals: z.number().int().min(0),
        copies: z.number().int().min(0),
        templateForm: z.string().max(200).nullable().optional(),
        reusableFromDatabase: z.boolean().default(false),
      }),
    )
    .min(1),
  dossierSets: z.number().int().min(1).default(1),
  processingTime: z.strictObject({ value: z.number().positive(), unit: ZTimeUnit }),
  fees: z.array(z.strictObject({ type: z.enum(['PHI', 'LE_PHI']), amountVnd: z.number().int().min(0), legalBasis: z.string().max(500), onlineDiscountPct: z.number().min(0).max(100).default(0) })),
  result: z.strictObject({ name: z.string().trim().min(1).max(500), electronicAvailable: z.boolean() }),
  requirements: z.string().max(10000).nullable().optional(),
  legalBasis: z.array(z.strictObject({ number: z.string().trim().min(1).max(100), title: z.string().trim().min(1).max(1000), date: ZDate, effectiveDate: ZDate.nullable().optional() })).min(1),
  onlineServiceLevel: z.enum(['NONE', 'PARTIAL', 'FULL']),
  eligibleFullOnline: z.boolean().default(false),
  receivedAtOneStop: z.boolean().default(true),
});
export type TProcedureContent = z.infer<typeof ZProcedureContent>;

/** A publication decision with the procedures it publishes, amends, replaces or abolishes. */
export const ZDecisionBody = z.strictObject({
  number: z.string().trim().min(3).max(100),
  signedOn: ZDate,
  issuer: z.string().trim().min(3).max(300),
  note: z.string().trim().max(2000).optional(),
  items: z
    .array(
      z.strictObject({
        kind: z.enum(CHANGE_KINDS),
        code: z.string().trim().regex(PROCEDURE_CODE, 'a procedure code like 1.000948 or 1.000948.H26'),
        fieldCode: z.string().trim().max(32).optional(),
        effectiveFrom: ZDate,
        content: ZProcedureContent.optional(),
      }),
    )
    .min(1)
    .max(500),
});
export type TDecisionBody = z.infer<typeof ZDecisionBody>;

export const ZProcedureListQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  field: z.string().max(32).optional(),
  level: z.enum(['PROVINCE', 'COMMUNE']).optional(),
  onlineLevel: z.enum(['NONE', 'PARTIAL', 'FULL']).optional(),
  status: z.enum(PROCEDURE_STATUSES).optional(),
  at: ZDate.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const ZProcedureSummary = z.object({
  code: z.string(),
  name: z.string(),
  fieldCode: z.string(),
  fieldName: z.string(),
  status: z.enum(PROCEDURE_STATUSES),
  implementationLevel: z.string(),
  onlineServiceLevel: z.string(),
  processingTime: z.object({ value: z.number(), unit: ZTimeUnit }),
  effectiveFrom: z.string(),
  versionId: z.number().int(),
});

export const ZProcedureVersion = z.object({
  id: z.number().int(),
  changeKind: z.enum(CHANGE_KINDS),
  effectiveFrom: z.string(),
  decision: z.object({ id: z.number().int(), number: z.string(), signedOn: z.string(), issuer: z.string() }),
  content: z.unknown(),
});
