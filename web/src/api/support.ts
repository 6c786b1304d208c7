/** Enterprise support: agencies and petition categories, PCI and action plans, dialogue conferences. */
import { api, apiUrl } from './client';

export type TAgencyKind = 'DIVISION' | 'CITY_DEPARTMENT' | 'COMMUNE' | 'CENTRAL' | 'UTILITY' | 'OTHER';
export const AGENCY_KINDS: readonly TAgencyKind[] = ['DIVISION', 'CITY_DEPARTMENT', 'COMMUNE', 'CENTRAL', 'UTILITY', 'OTHER'];
export type TPetitionCategory = 'ADMIN_PROCEDURES' | 'LAND_PREMISES' | 'TAX' | 'ELECTRICITY' | 'MARKET_TRADE' | 'FINANCE_CREDIT' | 'WORKFORCE' | 'OTHER';
export const PETITION_CATEGORIES: readonly TPetitionCategory[] = ['ADMIN_PROCEDURES', 'LAND_PREMISES', 'TAX', 'ELECTRICITY', 'MARKET_TRADE', 'FINANCE_CREDIT', 'WORKFORCE', 'OTHER'];
export type TActionStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED';
export const ACTION_STATUSES: readonly TActionStatus[] = ['NOT_STARTED', 'IN_PROGRESS', 'DONE', 'CANCELLED'];
export type TCommitmentStatus = 'OPEN' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED';
export const COMMITMENT_STATUSES: readonly TCommitmentStatus[] = ['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'];

export type TAgency = {
  id: number;
  code: string;
  kind: TAgencyKind;
  name: string;
  moduleCode: string | null;
  adminUnitCode: string | null;
  contactName: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  isActive: boolean;
  deadlines: { category: TPetitionCategory; workingDays: number }[];
};
export type TAgencyBody = Omit<TAgency, 'id'>;

export type TCategory = {
  code: TPetitionCategory;
  nameVi: string;
  nameEn: string;
  deadlineWorkingDays: number;
  defaultAgency: { id: number; name: string } | null;
  pciSubindices: string[];
};
export type TCategoryBody = { deadlineWorkingDays: number; defaultAgencyId: number | null; pciSubindices: string[] };

export type TPciSubindex = { code: string; nameVi: string; nameEn: string };
export type TPciYear = {
  year: number;
  composite: number | null;
  rank: number | null;
  nProvinces: number | null;
  methodologyVersion: string;
  source: string | null;
  subindices: { code: string; score: number | null; rank: number | null }[];
  lowest: string[];
};
export type TPci = { provinceCode: string; subindices: TPciSubindex[]; years: TPciYear[] };
export type TPciYearBody = {
  composite: number | null;
  rank: number | null;
  nProvinces: number | null;
  source?: string | null;
  subindices: { code: string; score: number | null; rank: number | null }[];
};

export type TAction = {
  id: number;
  planId: number;
  subindexCode: string;
  content: string;
  owner: { id: number; name: string };
  deadline: string;
  status: TActionStatus;
  progressPct: number;
  note: string | null;
  isOverdue: boolean;
};
export type TActionBody = { subindexCode: string; content: string; ownerAgencyId: number; deadline: string; status: TActionStatus; progressPct: number; note?: string | null };
export type TPlan = { id: number; year: number; title: string; documentRef: string | null; actions: TAction[] };
export type TPlanBody = { year: number; title: string; documentRef?: string | null };

export type TCommitment = {
  id: number;
  conferenceId: number;
  content: string;
  owner: { id: number; name: string };
  deadline: string;
  status: TCommitmentStatus;
  progressNote: string | null;
  isOverdue: boolean;
};
export type TCommitmentBody = { content: string; ownerAgencyId: number; deadline: string; status: TCommitmentStatus; progressNote?: string | null };
export type TConferenceSummary = {
  id: number;
  heldOn: string;
  topic: string;
  chair: string;
  location: string | null;
  enterprises: number;
  commitments: number;
  openCommitments: number;
  overdueCommitments: number;
};
export type TConference = {
  id: number;
  heldOn: string;
  topic: string;
  chair: string;
  location: string | null;
  summary: string | null;
  enterprises: { id: number; name: string; taxCode: string }[];
  agencies: { id: number; name: string }[];
  commitments: TCommitment[];
};
export type TConferenceBody = { heldOn: string; topic: string; chair: string; location?: string | null; summary?: string | null; enterpriseIds: number[]; agencyIds: number[] };

export const listAgencies = (signal?: AbortSignal) => api.get<{ items: TAgency[] }>('/api/support/agencies', undefined, signal);
export const createAgency = (body: TAgencyBody) => api.post<TAgency>('/api/support/agencies', body);
export const updateAgency = (id: number, body: TAgencyBody) => api.put<TAgency>(`/api/support/agencies/${id}`, body);
export const listCategories = (signal?: AbortSignal) => api.get<{ items: TCategory[] }>('/api/support/categories', undefined, signal);
export const updateCategory = (code: TPetitionCategory, body: TCategoryBody) => api.put<TCategory>(`/api/support/categories/${code}`, body);

export const getPci = (signal?: AbortSignal) => api.get<TPci>('/api/pci', undefined, signal);
export const savePciYear = (year: number, body: TPciYearBody) => api.put<TPciYear>(`/api/pci/years/${year}`, body);
export type TPciImportResult = { dryRun: boolean; years: number[]; rows: number; errors: { row: number; column: string | null; message: string }[] };
export const importPci = (file: File) => {
  const form = new FormData();
  form.append('file', file);
  return api.postForm<TPciImportResult>('/api/pci/import', form);
};
export const listPlans = (signal?: AbortSignal) => api.get<{ items: TPlan[] }>('/api/pci/plans', undefined, signal);
export const createPlan = (body: TPlanBody) => api.post<TPlan>('/api/pci/plans', body);
export const addAction = (planId: number, body: TActionBody) => api.post<TPlan>(`/api/pci/plans/${planId}/actions`, body);
export const updateAction = (id: number, body: TActionBody) => api.put<TPlan>(`/api/pci/actions/${id}`, body);

export const listConferences = (signal?: AbortSignal) => api.get<{ items: TConferenceSummary[] }>('/api/support/conferences', undefined, signal);
export const getConference = (id: number, signal?: AbortSignal) => api.get<TConference>(`/api/support/conferences/${id}`, undefined, signal);
export const createConference = (body: TConferenceBody & { commitments: TCommitmentBody[] }) => api.post<TConference>('/api/support/conferences', body);
export const updateConference = (id: number, body: TConferenceBody) => api.put<TConference>(`/api/support/conferences/${id}`, body);
export const addCommitment = (conferenceId: number, body: TCommitmentBody) => api.post<TConference>(`/api/support/conferences/${conferenceId}/commitments`, body);
export const updateCommitment = (id: number, body: TCommitmentBody) => api.put<TConference>(`/api/support/commitments/${id}`, body);
/** Sends the reminders of commitments and PCI actions due soon or overdue now (once per item and day). */
export const sendSupportReminders = () => api.post<{ day: string; lastDay: string; dueSoon: number; overdue: number }>('/api/support/reminders');
export const minutesUrl = (id: number, query: { number?: string; secretary?: string } = {}) => apiUrl(`/api/support/conferences/${id}/minutes`, query);
