/**
 * Monthly reports: entry, review, completeness, XLSX template and the bulk CSV feed. Server
 * contract in src/modules/reporting/reporting.routes.ts.
 */
import { api, apiUrl } from './client';

export type TReportStatus = 'NOT_STARTED' | 'DRAFT' | 'SUBMITTED' | 'ACCEPTED' | 'RETURNED';
export const REPORT_STATUSES: readonly TReportStatus[] = ['NOT_STARTED', 'DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED'];

export type TReportForm = { code: string; kind: string; nameVi: string; nameEn: string; deadlineDay: number; expiryDays: number };
export type TReportKey = { formCode: string; enterpriseId: number; period: string };

export type TReportItem = {
  item: string;
  labelVi: string;
  labelEn: string;
  unit: string;
  isRequired: boolean;
  value: number | null;
  acceptedValue: number | null;
  comment: string | null;
  previousMonth: number | null;
  sameMonthLastYear: number | null;
};

export type TReport = {
  form: { code: string; kind: string; nameVi: string; nameEn: string };
  enterprise: { id: number; taxCode: string; nameVi: string };
  period: string;
  status: TReportStatus;
  revision: number;
  acceptedRevision: number | null;
  returnReason: string | null;
  submittedAt: string | null;
  deadline: string;
  locksAt: string;
  isLocked: boolean;
  lockExceptionUntil: string | null;
  items: TReportItem[];
  abilities: { canEdit: boolean; canReview: boolean };
  /** Soft-rule warnings of the working values. */
  warnings: TCellIssue[];
};

/** A rule problem of one cell: path "cells.<item>", rule code, message. */
export type TCellIssue = { path: string; rule: string; message: string };
export type TReportState = { id: number; status: TReportStatus; revision: number; acceptedRevision: number | null };
export type TSaveResult = { report: TReportState; warnings: TCellIssue[] };
export type TCellInput = { item: string; value: number; comment?: string | null };

export type TAssignment = {
  formCode: string;
  formNameVi: string;
  formNameEn: string;
  enterpriseId: number;
  taxCode: string;
  nameVi: string;
  period: string;
  status: TReportStatus;
  submittedAt: string | null;
  returnReason: string | null;
  deadline: string;
  locksAt: string;
  isLocked: boolean;
  lockExceptionUntil: string | null;
  isOverdue: boolean;
};

export type TReportRow = {
  id: number;
  formCode: string;
  enterpriseId: number;
  taxCode: string;
  nameVi: string;
  period: string;
  status: TReportStatus;
  revision: number;
  acceptedRevision: number | null;
  submittedAt: string | null;
  decidedAt: string | null;
};

export type THistoryEntry = { item: string; oldValue: number | null; newValue: number | null; comment: string | null; actorName: string; at: string };

export type TCompleteness = {
  formCode: string;
  period: string;
  deadline: string;
  counts: { expected: number; submitted: number; onTime: number; accepted: number; returned: number; drafts: number };
  rates: { submitted: number | null; onTime: number | null; accepted: number | null };
  nonReporters: { enterpriseId: number; taxCode: string; nameVi: string; email: string | null; status: TReportStatus | null }[];
};

export type TImportError = { row: number | null; column: string | null; message: string };
export type TImportResult = { dryRun: boolean; period: string | null; rows: number; reportsNew: number; reportsUpdated: number; cells: number; errors: TImportError[]; recomputeMs: number | null };

const base = (k: TReportKey) => `/api/reports/${encodeURIComponent(k.formCode)}/${k.enterpriseId}/${k.period}`;

export const reportsApi = {
  forms: (signal?: AbortSignal) => api.get<{ items: TReportForm[] }>('/api/report-forms', undefined, signal),
  assignments: (enterpriseId?: number, signal?: AbortSignal) => api.get<{ items: TAssignment[] }>('/api/reports/assignments', { enterpriseId }, signal),
  list: (q: { formCode?: string; period?: string; status?: string; q?: string; page: number; pageSize: number }, signal?: AbortSignal) =>
    api.get<{ total: number; items: TReportRow[] }>('/api/reports', q, signal),
  get: (k: TReportKey, signal?: AbortSignal) => api.get<TReport>(base(k), undefined, signal),
  save: (k: TReportKey, cells: TCellInput[]) => api.put<TSaveResult>(base(k), { cells }),
  submit: (k: TReportKey) => api.post<TSaveResult & { isOnTime: boolean }>(`${base(k)}/submit`),
  accept: (k: TReportKey) => api.post<{ report: TReportState; recomputeMs: number }>(`${base(k)}/accept`),
  return: (k: TReportKey, reason: string) => api.post<TReportState>(`${base(k)}/return`, { reason }),
  history: (k: TReportKey, signal?: AbortSignal) => api.get<{ items: THistoryEntry[] }>(`${base(k)}/history`, undefined, signal),
  templateUrl: (k: TReportKey, lang: 'vi' | 'en') => apiUrl(`${base(k)}/template.xlsx`, { lang }),
  uploadTemplate: (k: TReportKey, file: File, lang: 'vi' | 'en') => {
    const form = new FormData();
    form.append('file', file);
    return api.postForm<TSaveResult & { cells: number }>(`${base(k)}/template`, form, { lang });
  },
  completeness: (q: { formCode: string; period: string }, signal?: AbortSignal) => api.get<TCompleteness>('/api/reports/completeness', q, signal),
  nonReportersUrl: (q: { formCode: string; period: string }, lang: 'vi' | 'en') => apiUrl('/api/reports/completeness.xlsx', { ...q, lang }),
  remind: (body: { formCode: string; period: string; kind: 'BEFORE_DEADLINE' | 'AFTER_DEADLINE' }) => api.post<{ enterprises: number; messages: number }>('/api/reports/reminders', body),
  grantLockException: (body: TReportKey & { until: string; reason: string }) => api.post<{ id: number }>('/api/reports/lock-exceptions', body),
  importCsv: (file: File, dryRun: boolean) => {
    const form = new FormData();
    form.append('file', file);
    return api.postForm<TImportResult>('/api/reports/import', form, { dryRun });
  },
};

/** The last ended month (Vietnam time), the default period of the report pages. */
export const lastEndedMonth = (now = new Date()): string => {
  const vn = new Date(now.getTime() + 7 * 3600_000);
  const index = vn.getUTCFullYear() * 12 + vn.getUTCMonth() - 1;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};
