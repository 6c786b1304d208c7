/** Compliance cost and simplification review of the procedure catalogue (issue 5, item 6). */
import type { TCostBreakdown, TCostModel } from '../../../src/domain/compliance/standard-cost';
import type { TPlanKind, TReviewStatus } from '../../../src/domain/compliance/review-status';
import type { TProcedureStatus } from './procedures';
import { api, apiUrl } from './client';

export type { TCostBreakdown, TCostModel, TPlanKind, TReviewStatus };
export { REVIEW_STATUSES, PLAN_KINDS } from '../../../src/domain/compliance/review-status';

export type TIncomeRate = { id: number; effectiveFrom: string; vndPerHour: number; basis: string; updatedAt: string; updatedBy: string | null };
export type TIncomeRateBody = { effectiveFrom: string; vndPerHour: number; basis: string };

export type TReviewSummary = {
  code: string;
  name: string;
  fieldCode: string;
  fieldName: string;
  catalogueStatus: TProcedureStatus;
  status: TReviewStatus;
  reviewDate: string | null;
  planKind: TPlanKind | null;
  annualBeforeVnd: number | null;
  annualAfterVnd: number | null;
  savingVnd: number | null;
  savingRatePct: number | null;
  statusChangedAt: string | null;
  statusChangedBy: string | null;
  needsAbolition: boolean;
  versionSuperseded: boolean;
};

export type TReviewFiguresDto = {
  before: TCostBreakdown | null;
  plan: TCostBreakdown | null;
  annualAfterVnd: number | null;
  savingVnd: number | null;
  savingRatePct: number | null;
};

export type TReviewDetail = {
  code: string;
  name: string;
  fieldCode: string;
  fieldName: string;
  catalogueStatus: TProcedureStatus;
  abolishedBy: { decision: string; effectiveFrom: string } | null;
  catalogueFeesVnd: number;
  status: TReviewStatus;
  allowedTransitions: { to: TReviewStatus; noteRequired: boolean }[];
  editable: boolean;
  revision: number | null;
  reviewDate: string | null;
  version: { id: number; effectiveFrom: string; changeKind: string; decision: string } | null;
  versionSuperseded: boolean;
  before: TCostModel | null;
  planKind: TPlanKind | null;
  after: TCostModel | null;
  planNote: string | null;
  statusNote: string | null;
  statusChangedAt: string | null;
  statusChangedBy: string | null;
  modelUpdatedAt: string | null;
  modelUpdatedBy: string | null;
  incomeRate: { effectiveFrom: string; vndPerHour: number } | null;
  figures: TReviewFiguresDto;
  events: { fromStatus: TReviewStatus; toStatus: TReviewStatus; note: string | null; actorName: string; at: string }[];
};

export type TCostTotals = { procedures: number; annualBeforeVnd: number; annualAfterVnd: number; savingVnd: number; savingRatePct: number | null };

export type TComplianceDashboard = {
  at: string;
  total: number;
  reviewed: number;
  coveragePct: number | null;
  byStatus: Record<TReviewStatus, number>;
  byField: { fieldCode: string; fieldName: string; fieldNameEn: string; total: number; reviewed: number; coveragePct: number | null; savingVnd: number }[];
  costs: TCostTotals;
  achieved: TCostTotals;
  proposed: TCostTotals;
  top: { code: string; name: string; fieldCode: string; status: TReviewStatus; savingVnd: number; savingRatePct: number | null }[];
  needsAbolition: number;
};

export type TReviewFilter = { field?: string; status?: TReviewStatus; q?: string };

export type TModelBody = { reviewDate: string; before: TCostModel; planKind: TPlanKind | null; after: TCostModel | null; planNote?: string | null; expectedRevision?: number };

export const getComplianceDashboard = (signal?: AbortSignal) => api.get<TComplianceDashboard>('/api/compliance/dashboard', undefined, signal);
export const listReviews = (filter: TReviewFilter, signal?: AbortSignal) => api.get<{ at: string; items: TReviewSummary[] }>('/api/compliance/reviews', filter, signal);
export const getReview = (code: string, signal?: AbortSignal) => api.get<TReviewDetail>(`/api/compliance/reviews/${encodeURIComponent(code)}`, undefined, signal);
export const saveReviewModel = (code: string, body: TModelBody) => api.put<TReviewDetail>(`/api/compliance/reviews/${encodeURIComponent(code)}/model`, body);
export const changeReviewStatus = (code: string, body: { status: TReviewStatus; note?: string; expectedRevision?: number }) =>
  api.post<TReviewDetail>(`/api/compliance/reviews/${encodeURIComponent(code)}/status`, body);
export const listIncomeRates = (signal?: AbortSignal) => api.get<{ items: TIncomeRate[] }>('/api/compliance/income-rates', undefined, signal);
export const createIncomeRate = (body: TIncomeRateBody) => api.post<TIncomeRate>('/api/compliance/income-rates', body);
export const updateIncomeRate = (id: number, body: TIncomeRateBody) => api.put<TIncomeRate>(`/api/compliance/income-rates/${id}`, body);
export const deleteIncomeRate = (id: number) => api.delete<void>(`/api/compliance/income-rates/${id}`);
export const complianceExportUrl = (lang: 'vi' | 'en') => apiUrl('/api/compliance/export', { lang });
