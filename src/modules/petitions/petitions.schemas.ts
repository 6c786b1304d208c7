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
  /** assign / transfer: the agency of the support catalogue it goes to. */
  agencyId: z.number().int().min(1).optional(),
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
  overdue: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TPetitionListQuery = z.infer<typeof ZPetitionListQuery>;

export const ZPetitionSummary = z.object({
  id: z.number().int(),
  code: z.string(),
  subject: z.string(),
  category: z.string(),
  channel: z.string(),
  state: z.enum(PETITION_STATES),
  enterprise: z.object({ id: z.number().int(), name: z.string() }),
  agency: z.object({ id: z.number().int(), name: z.string() }).nullable(),
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
  allowedTransitions: z.array(z.string()),
  attachments: z.array(z.object({ id: z.number().int(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), uploadedAt: z.string() })),
  timeline: z.array(z.object({ at: z.string(), transition: z.string().nullable(), fromState: z.string().nullable(), toState: z.string().nullable(), actorName: z.string(), unitCode: z.string().nullable(), reason: z.string().nullable() })),
});

export const ZQaItem = z.object({ id: z.number().int(), category: z.string(), question: z.string(), answer: z.string(), publishedAt: z.string() });
