import { z } from 'zod';
import { ENTERPRISE_STATUSES, LEGAL_FORMS, OWNERSHIPS, SIZE_CLASSES } from './enterprise-fields';

const keys = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
export const ZLegalForm = z.enum(keys(LEGAL_FORMS));
export const ZOwnership = z.enum(keys(OWNERSHIPS));
export const ZEnterpriseStatus = z.enum(keys(ENTERPRISE_STATUSES));
export const ZSizeClass = z.enum(keys(SIZE_CLASSES));

/** Filters of the enterprise list; they live in the page URL. */
export const ZEnterpriseFilter = z.strictObject({
  q: z.string().trim().max(200).optional(),
  sizeClass: ZSizeClass.optional(),
  section: z.string().regex(/^[A-U]$/, 'a VSIC section letter').optional(),
  division: z.string().regex(/^\d{2}$/, 'a 2-digit VSIC division').optional(),
  ownership: ZOwnership.optional(),
  unit: z.string().max(32).optional(),
  formerDistrict: z.string().max(32).optional(),
  zone: z.coerce.number().int().positive().optional(),
  status: ZEnterpriseStatus.optional(),
});
export type TEnterpriseFilter = z.infer<typeof ZEnterpriseFilter> & { ids?: number[]; scopeUnits?: string[] };

export const ZEnterpriseListQuery = ZEnterpriseFilter.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z.enum(['relevance', 'name', 'taxCode', 'established', 'updated']).optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
});

export const ZEnterpriseSummary = z.object({
  id: z.number().int(),
  taxCode: z.string(),
  nameVi: z.string(),
  shortName: z.string().nullable(),
  legalForm: ZLegalForm,
  ownership: ZOwnership,
  vsicMain: z.string(),
  unitCode: z.string().nullable(),
  formerDistrict: z.string().nullable(),
  zoneId: z.number().int().nullable(),
  status: ZEnterpriseStatus,
  sizeClass: ZSizeClass.nullable(),
  sizeClassYear: z.number().int().nullable(),
});

export const ZEnterpriseList = z.object({
  items: z.array(ZEnterpriseSummary),
  total: z.number().int(),
  /** True when more rows match than `total` (counting stops at 10,000). */
  totalCapped: z.boolean(),
  fuzzy: z.boolean(),
  /** The corrected words the typo-tolerant search used, when it corrected any. */
  correctedQuery: z.string().nullable(),
});

export const ZFigures = z.object({
  year: z.number().int(),
  avgInsuredEmployees: z.string(),
  revenueVnd: z.string().nullable(),
  capitalVnd: z.string(),
  exportUsd: z.string().nullable(),
  sizeClass: z.string(),
  sectorGroup: z.string(),
  ruleVersion: z.string(),
  reason: z.unknown(),
});

export const ZEnterpriseDetail = ZEnterpriseSummary.extend({
  nameIntl: z.string().nullable(),
  vsicOther: z.array(z.string()),
  address: z.string().nullable(),
  establishedOn: z.string().nullable(),
  statusSince: z.string().nullable(),
  legalRep: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  figures: z.array(ZFigures),
  abilities: z.object({ canEdit: z.boolean(), canPropose: z.boolean() }),
});

const ZOptText = (max: number) => z.string().trim().max(max).nullable().optional();
const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** Fields of an enterprise as a form sends them (same rules as a file row). */
export const ZEnterpriseBody = z.strictObject({
  taxCode: z.string().trim(),
  nameVi: z.string().trim().min(1).max(500),
  nameIntl: ZOptText(500),
  shortName: ZOptText(200),
  legalForm: ZLegalForm,
  ownership: ZOwnership,
  vsicMain: z.string().trim(),
  vsicOther: z.array(z.string().trim()).max(200).default([]),
  address: ZOptText(500),
  unitCode: ZOptText(32),
  formerDistrict: ZOptText(32),
  zoneId: z.number().int().positive().nullable().optional(),
  establishedOn: ZDate.nullable().optional(),
  status: ZEnterpriseStatus.default('ACTIVE'),
  statusSince: ZDate.nullable().optional(),
  legalRep: ZOptText(200),
  phone: ZOptText(50),
  email: ZOptText(254),
  website: ZOptText(300),
});
export type TEnterpriseBody = z.infer<typeof ZEnterpriseBody>;

export const ZFiguresBody = z.strictObject({
  year: z.number().int(),
  avgInsuredEmployees: z.union([z.number().nonnegative(), z.string().regex(/^\d+(\.\d+)?$/)]),
  revenueVnd: z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)]).nullable(),
  capitalVnd: z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)]),
  exportUsd: z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)]).nullable().optional(),
});
export type TFiguresBody = z.infer<typeof ZFiguresBody>;

/** Fields an enterprise user may propose to change (the Department keeps the rest). */
export const PROPOSABLE_FIELDS = ['nameIntl', 'shortName', 'address', 'legalRep', 'phone', 'email', 'website', 'vsicOther'] as const;
export const ZProposalBody = z.strictObject({
  changes: z
    .strictObject({
      nameIntl: ZOptText(500),
      shortName: ZOptText(200),
      address: ZOptText(500),
      legalRep: ZOptText(200),
      phone: ZOptText(50),
      email: ZOptText(254),
      website: ZOptText(300),
      vsicOther: z.array(z.string().trim()).max(200).optional(),
    })
    .refine((c) => Object.keys(c).length > 0, 'propose at least one change'),
  note: z.string().trim().max(2000).optional(),
});

export const ZDecisionBody = z.strictObject({ decision: z.enum(['ACCEPT', 'REJECT']), reason: z.string().trim().max(2000).optional() });
