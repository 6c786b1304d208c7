import { z } from 'zod';
import { DOSSIER_STATES, DOSSIER_TRANSITIONS, DOSSIER_UNITS } from './dossier-workflow';

const ZText = (max: number) => z.string().trim().min(1).max(max);
const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const ZInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/, 'expected an ISO 8601 date-time');
const ZProcedureCode = z.string().trim().regex(/^\d\.\d{6}(\.[0-9A-Z]{1,10})*$/, 'a procedure code like 2.000591.H26');
const ZComponent = z.strictObject({ name: ZText(1000), originals: z.number().int().min(0).max(99), copies: z.number().int().min(0).max(99) });

export const ZDraftBody = z.strictObject({
  procedureCode: ZProcedureCode,
  requestSummary: ZText(2000),
  applicantName: ZText(300).optional(),
  applicantIdNumber: z.string().trim().max(30).nullable().optional(),
  applicantAddress: ZText(500).optional(),
  applicantPhone: z.string().trim().max(30).nullable().optional(),
  applicantEmail: z.string().trim().email().max(200).nullable().optional(),
});

export const ZDeskBody = z.strictObject({
  procedureCode: ZProcedureCode,
  channel: z.enum(['DIRECT', 'POSTAL']),
  requestSummary: ZText(2000),
  applicantName: ZText(300),
  applicantIdNumber: z.string().trim().max(30).nullable().optional(),
  applicantAddress: ZText(500),
  applicantPhone: z.string().trim().max(30).nullable().optional(),
  applicantEmail: z.string().trim().email().max(200).nullable().optional(),
  /** When the dossier was received (default now); never in the future. */
  receivedAt: ZInstant.optional(),
  components: z.array(ZComponent).min(1).max(50).optional(),
});

export const ZTransitionBody = z.strictObject({
  transition: z.enum(DOSSIER_TRANSITIONS),
  reason: z.string().trim().max(2000).optional(),
  attachmentIds: z.array(z.number().int().positive()).max(50).optional(),
  receivedAt: ZInstant.optional(),
  unitCode: z.enum(DOSSIER_UNITS).optional(),
  assigneeId: z.number().int().positive().optional(),
  stepDays: z.number().int().min(1).max(365).optional(),
  items: z.array(z.string().trim().max(500)).max(30).optional(),
  feeVnd: z.number().int().min(0).max(1e12).optional(),
  paidOnline: z.boolean().optional(),
});

export const ZRescheduleBody = z.strictObject({ newDueDate: ZDate, reason: ZText(2000) });

export const ZAssignBody = z.strictObject({ assigneeId: z.number().int().positive(), stepDays: z.number().int().min(1).max(365).optional(), reason: z.string().trim().max(2000).optional() });

export const ZCommentBody = z.strictObject({ visibility: z.enum(['INTERNAL', 'PUBLIC']), body: ZText(4000) });

export const ZEvaluationBody = z.strictObject({
  contactsCount: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  agenciesContacted: z.enum(['NONE', 'ONE_STOP_ONLY', 'SEVERAL']),
  hadComplaint: z.boolean(),
  satisfaction: z.enum(['SATISFIED', 'NEUTRAL', 'DISSATISFIED']),
  comment: z.string().trim().max(2000).optional(),
});

export const ZQueueQuery = z.strictObject({
  scope: z.enum(['mine', 'unit']).default('unit'),
  unit: z.enum(DOSSIER_UNITS).optional(),
  urgency: z.enum(['OVERDUE', 'DUE_SOON']).optional(),
  state: z.enum(DOSSIER_STATES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const ZPageQuery = z.strictObject({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(20) });

export const ZIdParams = z.strictObject({ id: z.coerce.number().int().positive() });

const ZUrgency = z.enum(['OVERDUE', 'DUE_SOON', 'ON_TRACK', 'PAUSED', 'NO_DEADLINE']);
const ZTimeliness = z.string().nullable();

export const ZDossierSummary = z.object({
  id: z.number().int(),
  code: z.string().nullable(),
  state: z.enum(DOSSIER_STATES),
  nationalStatus: z.number().int().nullable(),
  title: z.string(),
  applicantName: z.string(),
  channel: z.string(),
  unitCode: z.string().nullable(),
  assigneeId: z.number().int().nullable(),
  submittedAt: z.string().nullable(),
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  rescheduledDueAt: z.string().nullable(),
  stepDueAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  result: z.string().nullable(),
  timelinessLegal: ZTimeliness,
  timelinessPortal: ZTimeliness,
  urgency: ZUrgency.nullable(),
});

export const ZDossierDetail = ZDossierSummary.extend({
  procedureCode: z.string(),
  /** The unit that usually handles the procedure's field (pre-selected for a transfer). */
  suggestedUnitCode: z.string().nullable(),
  procedureVersionId: z.number().int().nullable(),
  agencyCode: z.string(),
  applicant: z.object({ name: z.string(), idNumber: z.string().nullable(), address: z.string(), phone: z.string().nullable(), email: z.string().nullable() }),
  requestSummary: z.string(),
  components: z.array(z.object({ name: z.string(), originals: z.number(), copies: z.number() })),
  assigneeName: z.string().nullable(),
  firstDueAt: z.string().nullable(),
  legalTime: z.object({ value: z.number(), unit: z.string() }).nullable(),
  feeVnd: z.number(),
  paidAt: z.string().nullable(),
  supplementCount: z.number().int(),
  apology: z.object({ at: z.string(), reason: z.string() }).nullable(),
  allowedTransitions: z.array(z.string()),
  canReschedule: z.boolean(),
  canAssign: z.boolean(),
  isApplicant: z.boolean(),
  canEvaluate: z.boolean(),
  slips: z.object({ receipt: z.boolean(), supplement: z.boolean(), apology: z.boolean(), refusal: z.boolean(), control: z.boolean() }),
  events: z.array(
    z.object({
      id: z.number().int(),
      at: z.string(),
      kind: z.string(),
      transition: z.string().nullable(),
      fromState: z.string().nullable(),
      toState: z.string().nullable(),
      actorName: z.string(),
      unitCode: z.string().nullable(),
      reason: z.string().nullable(),
    }),
  ),
  steps: z.array(z.object({ seq: z.number().int(), unitCode: z.string(), startedAt: z.string(), dueAt: z.string().nullable(), finishedAt: z.string().nullable() })),
  pauses: z.array(z.object({ id: z.number().int(), kind: z.string(), rule: z.string(), reason: z.string().nullable(), items: z.array(z.string()), startedAt: z.string(), endedAt: z.string().nullable() })),
  attachments: z.array(z.object({ id: z.number().int(), purpose: z.string(), label: z.string().nullable(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), uploadedAt: z.string() })),
  comments: z.array(z.object({ id: z.number().int(), visibility: z.enum(['INTERNAL', 'PUBLIC']), body: z.string(), authorName: z.string(), createdAt: z.string() })),
  evaluation: z
    .object({
      evaluatedAt: z.string(),
      contactsCount: z.number().int(),
      agenciesContacted: z.string(),
      hadComplaint: z.boolean(),
      satisfaction: z.string(),
      comment: z.string().nullable(),
      scores: z.record(z.string(), z.number().int().nullable()),
    })
    .nullable(),
});

/** The public lookup: no applicant, no officer names, no reasons. */
export const ZLookup = z.object({
  code: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  fieldName: z.string().nullable(),
  state: z.enum(DOSSIER_STATES),
  nationalStatus: z.number().int().nullable(),
  statusLabel: z.string(),
  unitCode: z.string().nullable(),
  unitName: z.string().nullable(),
  channel: z.string(),
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  currentDueAt: z.string().nullable(),
  rescheduledDueAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  result: z.string().nullable(),
  resultAvailable: z.boolean(),
  history: z.array(z.object({ at: z.string(), transition: z.string(), state: z.string().nullable(), nationalStatus: z.number().int().nullable(), unitName: z.string().nullable() })),
});
