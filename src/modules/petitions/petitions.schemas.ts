import { z } from 'zod';
import { PETITION_CATEGORIES } from '../support/support-pci';
import { PETITION_CHANNELS, PETITION_STATES, PETITION_TRANSITIONS } from './petition-workflow';

export const ZPetitionBody = z.strictObject({
  category: z.enum(PETITION_CATEGORIES),
  subject: z.string().trim().min(5).max(300),
  content: z.string().trim().min(10).max(20000),
  /** Recorded by an officer: the channel it came by (an enterprise files through the portal). */
  channel: z.enum(PETITION_CHANNELS).optional(),
  /** Required when an officer records it; an enterprise files for its own enterprise. */
  enterpriseId: z.number().int().min(1).optional(),
  /** The dialogue conference it was raised at (channel CONFERENCE). */
  conferenceId: z.number().int().min(1).nullable().optional(),
});
export type TPetitionBody = z.infer<typeof ZPetitionBody>;

export const ZTransitionBody = z.strictObject({
  transition: z.enum(PETITION_TRANSITIONS),
  reason: z.string().trim().max(2000).optional(),
  /** assign / transfer: the lead agency of the support catalogue; transfer_out: the ministry or central agency it goes to. */
  agencyId: z.number().int().min(1).optional(),
  /** assign / transfer: the co-agencies (they contribute, the lead replies); on a transfer, omitted keeps the current ones. */
  coAgencyIds: z.array(z.number().int().min(1)).max(20).optional(),
  /** draft_reply: the reply text. */
  reply: z.string().trim().max(20000).optional(),
});
export type TTransitionBody = z.infer<typeof ZTransitionBody>;

export const ZPublicationBody = z.strictObject({
  question: z.string().trim().min(10).max(5000),
  answer: z.string().trim().min(10).max(20000),
});
export type TPublicationBody = z.infer<typeof ZPublicationBody>;

export const ZPetitionListQuery = z.strictObject({
  state: z.enum(PETITION_STATES).optional(),
  category: z.enum(PETITION_CATEGORIES).optional(),
  agencyId: z.coerce.number().int().min(1).optional(),
  conferenceId: z.coerce.number().int().min(1).optional(),
  /** Petitions led by or co-handled with an agency. */
  coAgencyId: z.coerce.number().int().min(1).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** The actor's queue: led by or co-handled with the actor's divisions (coordinators: also external agencies), or assigned to them. */
  mine: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TPetitionListQuery = z.infer<typeof ZPetitionListQuery>;

/** The filters of the list without paging (XLSX export of the filtered list). */
export const ZPetitionExportQuery = ZPetitionListQuery.omit({ page: true, pageSize: true }).extend({ lang: z.enum(['vi', 'en']).default('vi') });
export type TPetitionExportQuery = z.infer<typeof ZPetitionExportQuery>;

export const ZContributionBody = z.strictObject({
  /** The co-agency the contribution is made for (its officers; coordinators for an external agency). */
  agencyId: z.number().int().min(1),
  content: z.string().trim().min(10).max(10000),
});
export type TContributionBody = z.infer<typeof ZContributionBody>;

const ZAgencyRef = z.object({ id: z.number().int(), name: z.string() });

export const ZPetitionSummary = z.object({
  id: z.number().int(),
  code: z.string(),
  subject: z.string(),
  category: z.string(),
  channel: z.string(),
  state: z.enum(PETITION_STATES),
  enterprise: z.object({ id: z.number().int(), name: z.string() }),
  agency: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  coAgencies: z.array(z.object({ id: z.number().int(), name: z.string() })),
  openedAt: z.string(),
  dueAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  isOverdue: z.boolean(),
  satisfaction: z.string().nullable(),
});

export const ZPetition = ZPetitionSummary.extend({
  content: z.string(),
  conference: z.object({ id: z.number().int(), heldOn: z.string(), topic: z.string() }).nullable(),
  /** The reply approved by a leader (what the enterprise sees). */
  reply: z.string().nullable(),
  /** Staff only: the reply being drafted. */
  draftReply: z.string().nullable(),
  answeredOnTime: z.boolean().nullable(),
  satisfactionReason: z.string().nullable(),
  reopenCount: z.number().int(),
  pciSubindices: z.array(z.string()),
  publication: z.object({ question: z.string(), answer: z.string(), publishedAt: z.string() }).nullable(),
  /** Transferred out of the city's competence: where, when and why. */
  transferredOut: z.object({ agency: ZAgencyRef, at: z.string(), reason: z.string() }).nullable(),
  /** Staff only: every co-agency ever named, with when it was added and removed. */
  coAgencyHistory: z.array(z.object({ agency: ZAgencyRef, addedAt: z.string(), removedAt: z.string().nullable() })),
  /** Staff only: the co-agencies' contributions. */
  contributions: z.array(z.object({ id: z.number().int(), agency: ZAgencyRef, authorName: z.string(), content: z.string(), createdAt: z.string() })),
  /** The co-agencies the actor may contribute for (empty when none or the petition is closed). */
  contributeAs: z.array(ZAgencyRef),
  allowedTransitions: z.array(z.string()),
  attachments: z.array(z.object({ id: z.number().int(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), uploadedAt: z.string() })),
  timeline: z.array(z.object({ at: z.string(), transition: z.string().nullable(), fromState: z.string().nullable(), toState: z.string().nullable(), actorName: z.string(), unitCode: z.string().nullable(), reason: z.string().nullable() })),
});

export const ZQaItem = z.object({ id: z.number().int(), category: z.string(), question: z.string(), answer: z.string(), publishedAt: z.string() });
