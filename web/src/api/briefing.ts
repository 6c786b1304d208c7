/** The monthly briefing (server: src/modules/briefing/briefing.routes.ts). */
import { api, apiUrl } from './client';

export type TBriefingDraft = { period: string; paragraphs: string[]; figures: unknown };
export type TBriefingDocx = {
  period: string;
  /** Document number like "05/BC-SCT". */
  number: string;
  paragraphs: string[];
  signingAuthority: string;
  signerTitle: string;
  signerName: string;
};

export const briefingApi = {
  draft: (period: string | undefined, locale: 'vi' | 'en', signal?: AbortSignal) => api.get<TBriefingDraft>('/api/briefings/draft', { period, locale }, signal),
  docx: (body: TBriefingDocx) => api.postBlob('/api/briefings/docx', body),
  annexUrl: (period: string) => apiUrl('/api/briefings/annex', { period }),
};
