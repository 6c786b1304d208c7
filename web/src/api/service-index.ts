/** Statistics of administrative-procedure handling: on-time tables, QĐ 766 indicators, TT 01/2018 scores (issue 5, item 5). */
import { api, apiUrl } from './client';

export type TChannel = 'DIRECT' | 'ONLINE' | 'POSTAL';
export type TStatsFilter = { from: string; to: string; channel?: TChannel; unitCode?: string; procedureId?: number };
export type TOnTimeBy = 'procedure' | 'unit' | 'channel' | 'month' | 'quarter' | 'year' | 'all';
export type TPeriodDto = { from: string; to: string; asOf: string };

export type TOnTimeRow = {
  key: string;
  label: string;
  received: number;
  finished: number;
  early: number;
  onTime: number;
  late: number;
  inProgress: number;
  inTime: number;
  overdue: number;
  stopped: number;
  onTimeRate: number | null;
  nationalEarlyOrOnTime: number;
  nationalLate: number;
  nationalOnTimeRate: number | null;
};
export type TOnTime = { period: TPeriodDto; by: TOnTimeBy; rows: TOnTimeRow[]; total: TOnTimeRow };

export type TIndicator766 = {
  id: string;
  group: number;
  applicable: boolean;
  reason: 'NOT_SUPPORTED' | 'NO_DATA' | null;
  numerator: number | null;
  denominator: number | null;
  ratio: number | null;
  value: number | null;
  threshold: number;
  maxPoints: number | null;
  score: number | null;
  weightVerified: boolean;
  detail: Record<string, unknown> | null;
};
export type TIndex766 = {
  period: TPeriodDto;
  variant: 'NATIONAL_PORTAL';
  indicators: TIndicator766[];
  earned: number;
  available: number;
  normalised: number | null;
  groups: { group: number; maxPoints: number; earned: number; available: number }[];
};

export type TTt01Rating = 'EXCELLENT' | 'GOOD' | 'FAIR' | 'AVERAGE' | 'WEAK';
export type TTt01Row = {
  key: string;
  label: string;
  dossiers: number;
  indicators: Record<string, { score: number | null; basis: Record<string, number | boolean | null> | null }>;
  total: number;
  scored: number;
  normalisedTotal: number | null;
  rating: TTt01Rating | null;
  band: 'COMPLETE' | 'PARTLY' | 'BELOW_70' | null;
};
export type TTt01 = { period: TPeriodDto; by: 'agency' | 'unit' | 'officer'; rows: TTt01Row[] };

export type TTt01Dossier = {
  caseId: number;
  code: string | null;
  agencyCode: string | null;
  unitCode: string | null;
  procedureId: number;
  procedureCode: string | null;
  channel: TChannel;
  receivedAt: string;
  finishedAt: string | null;
  legal: string;
  national: string;
  scores: Record<string, number | null>;
  total: number;
  scored: number;
};
export type TTt01Dossiers = { period: TPeriodDto; total: number; page: number; pageSize: number; items: TTt01Dossier[] };

export const getOnTime = (filter: TStatsFilter, by: TOnTimeBy, signal?: AbortSignal) => api.get<TOnTime>('/api/service-index/on-time', { ...filter, by }, signal);
export const getIndex766 = (filter: TStatsFilter, signal?: AbortSignal) => api.get<TIndex766>('/api/service-index/index-766', filter, signal);
export const getTt01 = (filter: TStatsFilter, by: TTt01['by'], signal?: AbortSignal) => api.get<TTt01>('/api/service-index/tt01', { ...filter, by }, signal);
export const getTt01Dossiers = (filter: TStatsFilter, page: number, pageSize: number, signal?: AbortSignal) =>
  api.get<TTt01Dossiers>('/api/service-index/tt01/dossiers', { ...filter, page, pageSize }, signal);
export const serviceIndexExportUrl = (filter: TStatsFilter, lang: 'vi' | 'en') => apiUrl('/api/service-index/export.xlsx', { ...filter, lang });
