import { z } from 'zod';
import { MODULES } from '../auth/auth.policy';
import { PETITION_CATEGORIES, SUBINDEX_CODES } from './support-pci';

const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** Kinds of agencies: the Department's divisions and the external agencies petitions go to. */
export const AGENCY_KINDS = ['DIVISION', 'CITY_DEPARTMENT', 'COMMUNE', 'CENTRAL', 'UTILITY', 'OTHER'] as const;
export const ACTION_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;
export const COMMITMENT_STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;

export const ZIdParams = z.strictObject({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

export const ZAgencyBody = z.strictObject({
  code: z.string().trim().regex(/^[A-Z0-9][A-Z0-9_.-]{1,31}$/, '2–32 capital letters, digits, dot, underscore or hyphen'),
  kind: z.enum(AGENCY_KINDS),
  name: z.string().trim().min(3).max(300),
  moduleCode: z.enum(MODULES).nullable().optional(),
  adminUnitCode: optionalText(32),
  contactName: optionalText(200),
  phone: z.string().trim().regex(/^[0-9+() .-]{6,20}$/, 'a phone number').nullable().optional(),
  email: z.email().max(200).nullable().optional(),
  address: optionalText(500),
  isActive: z.boolean().default(true),
  /** Answer deadlines of this agency that differ from the category defaults. */
  deadlines: z.array(z.strictObject({ category: z.enum(PETITION_CATEGORIES), workingDays: z.number().int().min(1).max(90) })).max(20).default([]),
});
export type TAgencyBody = z.infer<typeof ZAgencyBody>;

export const ZAgency = z.object({
  id: z.number().int(),
  code: z.string(),
  kind: z.enum(AGENCY_KINDS),
  name: z.string(),
  moduleCode: z.string().nullable(),
  adminUnitCode: z.string().nullable(),
  contactName: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  isActive: z.boolean(),
  deadlines: z.array(z.object({ category: z.string(), workingDays: z.number().int() })),
});

export const ZCategoryBody = z.strictObject({
  deadlineWorkingDays: z.number().int().min(1).max(90),
  defaultAgencyId: z.number().int().min(1).nullable(),
  pciSubindices: z.array(z.enum(SUBINDEX_CODES)).max(10),
});
export type TCategoryBody = z.infer<typeof ZCategoryBody>;

export const ZCategory = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  deadlineWorkingDays: z.number().int(),
  defaultAgency: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  pciSubindices: z.array(z.string()),
});

export const ZPciYearBody = z.strictObject({
  composite: z.number().min(0).max(100).nullable(),
  rank: z.number().int().min(1).max(100).nullable(),
  nProvinces: z.number().int().min(1).max(100).nullable(),
  methodologyVersion: z.string().trim().regex(/^\d{4}$/, 'a year like 2021').optional(),
  source: optionalText(500),
  subindices: z.array(z.strictObject({ code: z.enum(SUBINDEX_CODES), score: z.number().min(0).max(10).nullable(), rank: z.number().int().min(1).max(100).nullable().optional() })).max(10),
});
export type TPciYearBody = z.infer<typeof ZPciYearBody>;

export const ZPciYear = z.object({
  year: z.number().int(),
  composite: z.number().nullable(),
  rank: z.number().int().nullable(),
  nProvinces: z.number().int().nullable(),
  methodologyVersion: z.string(),
  source: z.string().nullable(),
  subindices: z.array(z.object({ code: z.string(), score: z.number().nullable(), rank: z.number().int().nullable() })),
  /** The lowest-scored sub-indices of the year (three, more on ties). */
  lowest: z.array(z.string()),
});

export const ZPlanBody = z.strictObject({
  year: z.number().int().min(2005).max(2100),
  title: z.string().trim().min(5).max(500),
  documentRef: optionalText(100),
});
export type TPlanBody = z.infer<typeof ZPlanBody>;

export const ZActionBody = z.strictObject({
  subindexCode: z.enum(SUBINDEX_CODES),
  content: z.string().trim().min(5).max(2000),
  ownerAgencyId: z.number().int().min(1),
  deadline: ZDate,
  status: z.enum(ACTION_STATUSES).default('NOT_STARTED'),
  progressPct: z.number().int().min(0).max(100).default(0),
  note: optionalText(2000),
});
export type TActionBody = z.infer<typeof ZActionBody>;

export const ZAction = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  subindexCode: z.string(),
  content: z.string(),
  owner: z.object({ id: z.number().int(), name: z.string() }),
  deadline: z.string(),
  status: z.enum(ACTION_STATUSES),
  progressPct: z.number().int(),
  note: z.string().nullable(),
  isOverdue: z.boolean(),
});

export const ZPlan = z.object({
  id: z.number().int(),
  year: z.number().int(),
  title: z.string(),
  documentRef: z.string().nullable(),
  actions: z.array(ZAction),
});

export const ZCommitmentBody = z.strictObject({
  content: z.string().trim().min(5).max(2000),
  ownerAgencyId: z.number().int().min(1),
  deadline: ZDate,
  status: z.enum(COMMITMENT_STATUSES).default('OPEN'),
  progressNote: optionalText(2000),
});
export type TCommitmentBody = z.infer<typeof ZCommitmentBody>;

export const ZConferenceBody = z.strictObject({
  heldOn: ZDate,
  topic: z.string().trim().min(5).max(500),
  chair: z.string().trim().min(3).max(200),
  location: optionalText(300),
  summary: optionalText(20000),
  enterpriseIds: z.array(z.number().int().min(1)).max(500).default([]),
  agencyIds: z.array(z.number().int().min(1)).max(100).default([]),
});
export type TConferenceBody = z.infer<typeof ZConferenceBody>;

export const ZConferenceCreateBody = ZConferenceBody.extend({ commitments: z.array(ZCommitmentBody).max(200).default([]) });
export type TConferenceCreateBody = z.infer<typeof ZConferenceCreateBody>;

export const ZCommitment = z.object({
  id: z.number().int(),
  conferenceId: z.number().int(),
  content: z.string(),
  owner: z.object({ id: z.number().int(), name: z.string() }),
  deadline: z.string(),
  status: z.enum(COMMITMENT_STATUSES),
  progressNote: z.string().nullable(),
  isOverdue: z.boolean(),
});

export const ZConferenceSummary = z.object({
  id: z.number().int(),
  heldOn: z.string(),
  topic: z.string(),
  chair: z.string(),
  location: z.string().nullable(),
  enterprises: z.number().int(),
  commitments: z.number().int(),
  openCommitments: z.number().int(),
  overdueCommitments: z.number().int(),
});

export const ZConference = z.object({
  id: z.number().int(),
  heldOn: z.string(),
  topic: z.string(),
  chair: z.string(),
  location: z.string().nullable(),
  summary: z.string().nullable(),
  enterprises: z.array(z.object({ id: z.number().int(), name: z.string(), taxCode: z.string() })),
  agencies: z.array(z.object({ id: z.number().int(), name: z.string() })),
  commitments: z.array(ZCommitment),
});

export const ZMinutesQuery = z.strictObject({
  number: z.string().trim().regex(/^\d{1,4}\/[A-ZĐ-]+$/, 'like 12/BB-SCT').optional(),
  secretary: z.string().trim().min(3).max(100).optional(),
});
