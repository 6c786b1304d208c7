import { api, apiUrl, ApiError, type TQuery } from './client';
import type {
  TClassification,
  TEnterpriseAuditEntry,
  TEnterpriseBody,
  TEnterpriseDetail,
  TEnterpriseFilter,
  TEnterpriseImportResult,
  TEnterpriseList,
  TEnterpriseListQuery,
  TEnterpriseStructure,
  TFiguresBody,
  TImportProgress,
  TImportRun,
  TProposal,
  TProposalChanges,
  TProposalStatus,
  TUiLocale,
  TVsicEntry,
  TZone,
} from './types';

export const listEnterprises = (query: TEnterpriseListQuery, signal?: AbortSignal) => api.get<TEnterpriseList>('/api/enterprises', query, signal);

export const getEnterpriseStructure = (filter: TEnterpriseFilter, signal?: AbortSignal) =>
  api.get<TEnterpriseStructure>('/api/enterprises/structure', filter, signal);

/** Download link of the filtered list (the server streams the file). */
export const enterpriseExportUrl = (filter: TEnterpriseFilter, format: 'csv' | 'xlsx', lang: TUiLocale) =>
  apiUrl('/api/enterprises/export', { ...filter, format, lang } satisfies TQuery);

/** Download link of the XLSX import template (drop-down lists in the chosen language). */
export const enterpriseTemplateUrl = (lang: TUiLocale) => apiUrl('/api/enterprises/template', { lang });

/** Download link of the original file of an import run. */
export const importFileUrl = (id: number) => apiUrl(`/api/enterprises/imports/${id}/file`);

export const getEnterprise = (id: number, signal?: AbortSignal) => api.get<TEnterpriseDetail>(`/api/enterprises/${id}`, undefined, signal);

export const getEnterpriseHistory = (id: number, signal?: AbortSignal) =>
  api.get<{ items: TEnterpriseAuditEntry[] }>(`/api/enterprises/${id}/history`, undefined, signal);

export const createEnterprise = (body: TEnterpriseBody) => api.post<TEnterpriseDetail>('/api/enterprises', body);
export const updateEnterprise = (id: number, body: TEnterpriseBody) => api.put<TEnterpriseDetail>(`/api/enterprises/${id}`, body);
export const saveFigures = (id: number, body: TFiguresBody) => api.put<TClassification>(`/api/enterprises/${id}/figures`, body);

export const listImportRuns = (signal?: AbortSignal) => api.get<{ items: TImportRun[] }>('/api/enterprises/imports', undefined, signal);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * Imports a CSV or XLSX file (dry run or real) and reports progress from the NDJSON stream.
 * Resolves with the result; rejects with ApiError (code IMPORT_INVALID with details
 * {errors, …} for a file with errors or a whole-file problem).
 */
export const importEnterprises = async (file: File, dryRun: boolean, onProgress: (progress: TImportProgress) => void): Promise<TEnterpriseImportResult> => {
  const form = new FormData();
  form.append('file', file);
  const outcome: { result?: TEnterpriseImportResult; failure?: ApiError } = {};
  await api.postFormLines(
    '/api/enterprises/import',
    form,
    (line) => {
      if (!isRecord(line)) return;
      if (line.type === 'progress') {
        onProgress({ phase: line.phase as TImportProgress['phase'], done: Number(line.done), total: Number(line.total) });
      } else if (line.type === 'result') {
        const { type: _type, ...rest } = line;
        outcome.result = rest as TEnterpriseImportResult;
      } else if (line.type === 'error') {
        const code = typeof line.code === 'string' ? line.code : 'INTERNAL_ERROR';
        outcome.failure = new ApiError(
          code === 'INTERNAL_ERROR' ? 500 : 400,
          code,
          typeof line.message === 'string' ? line.message : code,
          line.details ?? null,
          typeof line.requestId === 'string' ? line.requestId : null,
        );
      }
    },
    { dryRun: String(dryRun), stream: 'true' },
  );
  if (outcome.failure) throw outcome.failure;
  if (!outcome.result) throw new ApiError(0, 'STREAM_INCOMPLETE', 'The import answer ended without a result');
  return outcome.result;
};

export const listEnterpriseProposals = (enterpriseId: number, signal?: AbortSignal) =>
  api.get<{ items: TProposal[] }>(`/api/enterprises/${enterpriseId}/proposals`, undefined, signal);

export const proposeChanges = (enterpriseId: number, changes: TProposalChanges, note?: string) =>
  api.post<{ id: number; status: TProposalStatus }>(`/api/enterprises/${enterpriseId}/proposals`, { changes, note });

export const listProposals = (status: TProposalStatus | undefined, signal?: AbortSignal) =>
  api.get<{ items: TProposal[] }>('/api/enterprise-proposals', { status }, signal);

export const decideProposal = (id: number, decision: 'ACCEPT' | 'REJECT', reason?: string) =>
  api.post<{ id: number; status: TProposalStatus }>(`/api/enterprise-proposals/${id}/decision`, { decision, reason });

export const listVsic = (signal?: AbortSignal) => api.get<{ items: TVsicEntry[] }>('/api/reference/vsic', undefined, signal);
export const listZones = (signal?: AbortSignal) => api.get<{ items: TZone[] }>('/api/reference/zones', undefined, signal);
