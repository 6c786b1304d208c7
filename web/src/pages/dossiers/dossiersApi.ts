/** API of the one-stop dossiers (server: src/modules/dossiers). */
import { api, apiUrl } from '../../api/client';

export type TDossierState =
  | 'DRAFT'
  | 'SUBMITTED'
  | 'RECEIVED'
  | 'REJECTED_AT_INTAKE'
  | 'PROCESSING'
  | 'SUPPLEMENT_REQUESTED'
  | 'AWAITING_PAYMENT'
  | 'WITHDRAWAL_REQUESTED'
  | 'STOPPED'
  | 'PROCESSED'
  | 'RETURNED';
export type TUrgency = 'OVERDUE' | 'DUE_SOON' | 'ON_TRACK' | 'PAUSED' | 'NO_DEADLINE';
export type TDossierUnit = 'ONE_STOP' | 'INDUSTRY' | 'TRADE' | 'PLANNING_STATS';
export const DOSSIER_UNITS: readonly TDossierUnit[] = ['ONE_STOP', 'INDUSTRY', 'TRADE', 'PLANNING_STATS'];
export type TTransition =
  | 'submit'
  | 'receive'
  | 'refuse_intake'
  | 'transfer'
  | 'request_supplement'
  | 'complete_supplement'
  | 'request_payment'
  | 'confirm_payment'
  | 'approve'
  | 'refuse'
  | 'return_result'
  | 'request_withdrawal'
  | 'confirm_withdrawal'
  | 'stop';

export type TDossierSummary = {
  id: number;
  code: string | null;
  state: TDossierState;
  nationalStatus: number | null;
  title: string;
  applicantName: string;
  channel: 'DIRECT' | 'ONLINE' | 'POSTAL';
  unitCode: string | null;
  assigneeId: number | null;
  submittedAt: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  rescheduledDueAt: string | null;
  stepDueAt: string | null;
  finishedAt: string | null;
  result: string | null;
  timelinessLegal: string | null;
  timelinessPortal: string | null;
  urgency: TUrgency | null;
};

export type TDossierEvent = { id: number; at: string; kind: string; transition: string | null; fromState: string | null; toState: string | null; actorName: string; unitCode: string | null; reason: string | null };
export type TAttachment = { id: number; purpose: string; label: string | null; fileName: string; contentType: string; sizeBytes: number; uploadedAt: string };

export type TDossierDetail = TDossierSummary & {
  procedureCode: string;
  suggestedUnitCode: TDossierUnit | null;
  procedureVersionId: number | null;
  agencyCode: string;
  applicant: { name: string; idNumber: string | null; address: string; phone: string | null; email: string | null };
  requestSummary: string;
  components: { name: string; originals: number; copies: number }[];
  assigneeName: string | null;
  firstDueAt: string | null;
  legalTime: { value: number; unit: string } | null;
  feeVnd: number;
  paidAt: string | null;
  supplementCount: number;
  apology: { at: string; reason: string } | null;
  allowedTransitions: TTransition[];
  canReschedule: boolean;
  canAssign: boolean;
  isApplicant: boolean;
  canEvaluate: boolean;
  slips: { receipt: boolean; supplement: boolean; apology: boolean; refusal: boolean; control: boolean };
  events: TDossierEvent[];
  steps: { seq: number; unitCode: string; startedAt: string; dueAt: string | null; finishedAt: string | null }[];
  pauses: { id: number; kind: string; rule: string; reason: string | null; items: string[]; startedAt: string; endedAt: string | null }[];
  attachments: TAttachment[];
  comments: { id: number; visibility: 'INTERNAL' | 'PUBLIC'; body: string; authorName: string; createdAt: string }[];
  evaluation: { evaluatedAt: string; contactsCount: number; agenciesContacted: string; hadComplaint: boolean; satisfaction: string; comment: string | null; scores: Record<string, number | null> } | null;
};

export type TLookup = {
  code: string;
  procedureCode: string;
  procedureName: string;
  fieldName: string | null;
  state: TDossierState;
  nationalStatus: number | null;
  statusLabel: string;
  unitCode: string | null;
  unitName: string | null;
  channel: string;
  receivedAt: string | null;
  dueAt: string | null;
  currentDueAt: string | null;
  rescheduledDueAt: string | null;
  finishedAt: string | null;
  result: string | null;
  resultAvailable: boolean;
  history: { at: string; transition: string; state: string | null; nationalStatus: number | null; unitName: string | null }[];
};

export type TQueue = { items: TDossierSummary[]; total: number; counts: { total: number; overdue: number; dueSoon: number }; dueSoonBefore: string | null };
export type TUnitInfo = { code: TDossierUnit; nameVi: string; officers: { id: number; displayName: string }[] };

export type TTransitionBody = {
  transition: TTransition;
  reason?: string;
  attachmentIds?: number[];
  receivedAt?: string;
  unitCode?: TDossierUnit;
  assigneeId?: number;
  stepDays?: number;
  items?: string[];
  feeVnd?: number;
  paidOnline?: boolean;
};

export const DOSSIER_CODE_RE = /^\d{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z]\d{2}-\d{6}-\d{4}$/;

export type TSlipKind = 'receipt' | 'supplement' | 'refusal' | 'apology' | 'control';

export const dossiersApi = {
  mine: (page: number, signal?: AbortSignal) => api.get<{ items: TDossierSummary[]; total: number }>('/api/dossiers/mine', { page, pageSize: 20 }, signal),
  queue: (q: { scope: 'mine' | 'unit'; unit?: string; urgency?: string; state?: string; page: number }, signal?: AbortSignal) => api.get<TQueue>('/api/dossiers/queue', { ...q, pageSize: 20 }, signal),
  units: (signal?: AbortSignal) => api.get<{ items: TUnitInfo[] }>('/api/dossiers/units', undefined, signal),
  get: (id: number, signal?: AbortSignal) => api.get<TDossierDetail>(`/api/dossiers/${id}`, undefined, signal),
  createDraft: (body: { procedureCode: string; requestSummary: string; applicantPhone?: string; applicantEmail?: string }) => api.post<TDossierDetail>('/api/dossiers', body),
  desk: (body: Record<string, unknown>) => api.post<TDossierDetail>('/api/dossiers/desk', body),
  transition: (id: number, body: TTransitionBody) => api.post<TDossierDetail>(`/api/dossiers/${id}/transitions`, body),
  reschedule: (id: number, body: { newDueDate: string; reason: string }) => api.post<TDossierDetail>(`/api/dossiers/${id}/reschedule`, body),
  assign: (id: number, body: { assigneeId: number; stepDays?: number; reason?: string }) => api.post<TDossierDetail>(`/api/dossiers/${id}/assign`, body),
  comment: (id: number, body: { visibility: 'INTERNAL' | 'PUBLIC'; body: string }) => api.post<TDossierDetail>(`/api/dossiers/${id}/comments`, body),
  evaluate: (id: number, body: { contactsCount: 0 | 1 | 2; agenciesContacted: string; hadComplaint: boolean; satisfaction: string; comment?: string }) =>
    api.post<TDossierDetail>(`/api/dossiers/${id}/evaluation`, body),
  upload: (id: number, file: File, purpose: string, label?: string) => {
    const form = new FormData();
    form.set('purpose', purpose);
    if (label) form.set('label', label);
    form.set('file', file);
    return api.postForm<TAttachment>(`/api/dossiers/${id}/attachments`, form);
  },
  lookup: (code: string, signal?: AbortSignal) => api.get<TLookup>(`/api/dossiers/lookup/${encodeURIComponent(code)}`, undefined, signal),
  slipUrl: (id: number, kind: TSlipKind) => apiUrl(`/api/dossiers/${id}/slips/${kind}`),
  /** Sổ theo dõi hồ sơ (Mẫu 06) of a range of days, of one unit or all. */
  registerUrl: (q: { from: string; to: string; unitCode?: string }) =>
    apiUrl(`/api/dossiers/register.docx?from=${q.from}&to=${q.to}${q.unitCode ? `&unitCode=${encodeURIComponent(q.unitCode)}` : ''}`),
  attachmentUrl: (id: number, attachmentId: number) => apiUrl(`/api/dossiers/${id}/attachments/${attachmentId}`),
};
