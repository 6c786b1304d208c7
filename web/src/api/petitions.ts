/** Enterprise petitions (kiến nghị, phản ánh) and the public Q&A. */
import { api, apiUrl } from './client';
import type { TPetitionCategory } from './support';

export type TPetitionState = 'RECEIVED' | 'IN_PROGRESS' | 'REPLY_DRAFTED' | 'ANSWERED' | 'CLOSED' | 'REJECTED' | 'TRANSFERRED_OUT';
export const PETITION_STATES: readonly TPetitionState[] = ['RECEIVED', 'IN_PROGRESS', 'REPLY_DRAFTED', 'ANSWERED', 'CLOSED', 'REJECTED', 'TRANSFERRED_OUT'];
export type TPetitionChannel = 'PORTAL' | 'LETTER' | 'CONFERENCE' | 'HOTLINE' | 'VPCP' | 'VCCI' | 'OTHER';
export const OFFICER_CHANNELS: readonly TPetitionChannel[] = ['LETTER', 'CONFERENCE', 'HOTLINE', 'VPCP', 'VCCI', 'OTHER'];
export type TPetitionTransition = 'assign' | 'transfer' | 'draft_reply' | 'return_draft' | 'approve_reply' | 'accept' | 'reopen' | 'reject' | 'transfer_out';

export type TPetitionSummary = {
  id: number;
  code: string;
  subject: string;
  category: TPetitionCategory;
  channel: TPetitionChannel;
  state: TPetitionState;
  enterprise: { id: number; name: string };
  agency: { id: number; name: string } | null;
  coAgencies: { id: number; name: string }[];
  openedAt: string;
  dueAt: string | null;
  answeredAt: string | null;
  isOverdue: boolean;
  satisfaction: 'SATISFIED' | 'UNSATISFIED' | null;
};

export type TPetition = TPetitionSummary & {
  content: string;
  conference: { id: number; heldOn: string; topic: string } | null;
  reply: string | null;
  draftReply: string | null;
  answeredOnTime: boolean | null;
  satisfactionReason: string | null;
  reopenCount: number;
  pciSubindices: string[];
  publication: { question: string; answer: string; publishedAt: string } | null;
  transferredOut: { agency: { id: number; name: string }; at: string; reason: string } | null;
  coAgencyHistory: { agency: { id: number; name: string }; addedAt: string; removedAt: string | null }[];
  contributions: { id: number; agency: { id: number; name: string }; authorName: string; content: string; createdAt: string }[];
  contributeAs: { id: number; name: string }[];
  allowedTransitions: TPetitionTransition[];
  attachments: { id: number; fileName: string; contentType: string; sizeBytes: number; uploadedAt: string }[];
  timeline: { at: string; transition: string | null; fromState: string | null; toState: string | null; actorName: string; unitCode: string | null; reason: string | null }[];
};

export type TPetitionBody = {
  category: TPetitionCategory;
  subject: string;
  content: string;
  channel?: TPetitionChannel;
  enterpriseId?: number;
  conferenceId?: number | null;
};
export type TPetitionQuery = { state?: TPetitionState; category?: TPetitionCategory; conferenceId?: number; coAgencyId?: number; overdue?: 'true'; mine?: 'true'; page?: number; pageSize?: number };
export type TQaItem = { id: number; category: TPetitionCategory; question: string; answer: string; publishedAt: string };

export const listPetitions = (query: TPetitionQuery, signal?: AbortSignal) => api.get<{ items: TPetitionSummary[]; total: number }>('/api/petitions', query, signal);
export const getPetition = (id: number, signal?: AbortSignal) => api.get<TPetition>(`/api/petitions/${id}`, undefined, signal);
export const filePetition = (body: TPetitionBody) => api.post<TPetition>('/api/petitions', body);
export const movePetition = (id: number, body: { transition: TPetitionTransition; reason?: string; agencyId?: number; coAgencyIds?: number[]; reply?: string }) => api.post<TPetition>(`/api/petitions/${id}/transitions`, body);
export const contributeToPetition = (id: number, body: { agencyId: number; content: string }) => api.post<TPetition>(`/api/petitions/${id}/contributions`, body);
export const petitionListXlsxUrl = (query: Omit<TPetitionQuery, 'page' | 'pageSize'>, lang: 'vi' | 'en') => apiUrl('/api/petitions/export.xlsx', { ...query, lang });
export const publishPetition = (id: number, body: { question: string; answer: string }) => api.post<TPetition>(`/api/petitions/${id}/publication`, body);
export const uploadPetitionFile = (id: number, file: File) => {
  const form = new FormData();
  form.append('file', file);
  return api.postForm<{ id: number; fileName: string; sizeBytes: number }>(`/api/petitions/${id}/attachments`, form);
};
export const petitionFileUrl = (id: number, attachmentId: number) => apiUrl(`/api/petitions/${id}/attachments/${attachmentId}`);
export const listQa = (signal?: AbortSignal) => api.get<{ items: TQaItem[] }>('/api/petitions/qa', undefined, signal);

export type TPetitionGroup = { key: string; name: string; received: number; answered: number; onTime: number; late: number; overdue: number; satisfied: number; unsatisfied: number; transferredOut: number };
export type TPetitionIndicators = { classifiedPct: number | null; onTimePct: number | null; satisfactionPct: number | null };
export type TPetitionStats = {
  from: string;
  to: string;
  total: number;
  transferredOut: number;
  indicators: TPetitionIndicators;
  byMonth: (TPetitionGroup & { indicators: TPetitionIndicators })[];
  byCategory: TPetitionGroup[];
  byAgency: TPetitionGroup[];
  pci: { subindex: string; petitions: number; categories: string[] }[];
};
export const getPetitionStats = (query: { from?: string; to?: string }, signal?: AbortSignal) => api.get<TPetitionStats>('/api/petitions/stats', query, signal);
export const petitionStatsCsvUrl = (query: { from?: string; to?: string }) => apiUrl('/api/petitions/stats.csv', query);
export const petitionStatsXlsxUrl = (query: { from?: string; to?: string }, lang: 'vi' | 'en') => apiUrl('/api/petitions/stats.xlsx', { ...query, lang });
