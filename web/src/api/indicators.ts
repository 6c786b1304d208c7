/**
 * Published economic indicators (IIP, retail sales, exports): see the server contract in
 * src/modules/statistics/statistics.routes.ts. Every route is a public GET.
 *
 * Indices are "100 = the comparison period" (107.14 → growth of 7.14%). Amounts: retail in
 * million VND, exports in thousand USD.
 */
import { api } from './client';
import type { TVsicEntry } from './types';

/** Comparisons of the IIP tree. BASE_LINKED is the base-year index linked across base years. */
export type TIipComparison = 'YOY' | 'MOM' | 'YTD' | 'QOY' | 'BASE' | 'BASE_LINKED';
/** Comparisons of the value indicators and of the breakdowns. */
export type TValueComparison = 'YOY' | 'MOM' | 'YTD' | 'QOY';
export type TTrendIndicator = 'IIP' | 'RETAIL_TOTAL' | 'EXPORT';
export type TValueIndicator = 'RETAIL_GOODS' | 'ACCOM_FOOD' | 'TRAVEL' | 'OTHER_SERVICES' | 'RETAIL_TOTAL' | 'EXPORT';
/** Ownership groups: state, non-state, foreign-invested; ALL = every group. */
export type TOwnershipGroup = 'ALL' | 'NN' | 'NNN' | 'FDI';
export type TIipLevel = 'TOTAL' | 'SECTION' | 'VSIC2' | 'VSIC4' | 'PRODUCT';

export const RETAIL_COMPONENTS = ['RETAIL_GOODS', 'ACCOM_FOOD', 'TRAVEL', 'OTHER_SERVICES'] as const;
export const OWNERSHIP_GROUPS = ['NN', 'NNN', 'FDI'] as const;

export type TCompleteness = {
  formCode: string;
  kind: string;
  nameVi: string;
  nameEn: string;
  expected: number;
  received: number;
  accepted: number;
  onTime: number;
};

export type TIndicatorDashboard = {
  period: string;
  /** Time of the latest accepted report used. */
  dataAsOf: string | null;
  computedAt: string | null;
  /** Set when the Tết holiday fell in a different month than in the comparison month. */
  tetShift: { tetDaysCur: number; tetDaysCmp: number; twoMonthPeriod: string | null } | null;
  iip: { yoy: number | null; ytd: number | null; mom: number | null; imputedShare: number | null; weightCoverage: number | null };
  retail: {
    valueCur: number | null;
    yoy: number | null;
    ytd: number | null;
    ytdValue: number | null;
    realYoy: number | null;
    realYtd: number | null;
    imputedShare: number | null;
  };
  exports: { valueCur: number | null; yoy: number | null; ytd: number | null; ytdValue: number | null; imputedShare: number | null };
  completeness: TCompleteness[];
};

export type TTrendPoint = { period: string; yoy: number | null; level: number | null; realYoy: number | null };
export type TTrend = { indicator: TTrendIndicator; from: string; to: string; points: TTrendPoint[] };

export type TIipRow = {
  level: TIipLevel;
  code: string;
  version: number;
  index: number | null;
  contribParentPp: number | null;
  contribTotalPp: number | null;
  nUsed: number | null;
  nBasket: number | null;
  weightCoverage: number | null;
  imputedShare: number | null;
  qCur: number | null;
  qCmp: number | null;
  tetDaysCur: number;
  tetDaysCmp: number | null;
};
export type TIipTable = { period: string; comparison: TIipComparison; scope: string; rows: TIipRow[] };

export type TValueRow = {
  indicator: TValueIndicator;
  grp: TOwnershipGroup;
  comparison: TValueComparison;
  valueCur: number | null;
  valueCmp: number | null;
  index: number | null;
  realIndex: number | null;
  imputedShare: number | null;
  tetDaysCur: number;
  tetDaysCmp: number | null;
};
export type TValueTable = { period: string; scope: string; rows: TValueRow[] };

/** Scopes: 'ALL', former district codes, 'OWN:NN' | 'OWN:NNN' | 'OWN:FDI'. */
export type TBreakdown = {
  period: string;
  comparison: TValueComparison;
  iip: { scope: string; index: number | null; imputed_share: number | null }[];
  values: { scope: string; indicator: 'RETAIL_TOTAL' | 'EXPORT'; grp: TOwnershipGroup; value_cur: number | null; index: number | null }[];
};

export const getIndicatorDashboard = (period: string | undefined, signal?: AbortSignal) =>
  api.get<TIndicatorDashboard>('/api/indicators/dashboard', { period }, signal);

export const getIndicatorTrend = (query: { indicator: TTrendIndicator; months: number; to?: string }, signal?: AbortSignal) =>
  api.get<TTrend>('/api/indicators/trend', query, signal);

export const getIipTable = (query: { period: string; comparison: TIipComparison }, signal?: AbortSignal) =>
  api.get<TIipTable>('/api/indicators/iip', query, signal);

export const getValueTable = (period: string, signal?: AbortSignal) => api.get<TValueTable>('/api/indicators/values', { period }, signal);

export const getIndicatorBreakdown = (query: { period: string; comparison: TValueComparison }, signal?: AbortSignal) =>
  api.get<TBreakdown>('/api/indicators/breakdown', query, signal);

/** VSIC sections and divisions (names of the IIP table rows). */
export const getVsicReference = (signal?: AbortSignal) => api.get<{ items: TVsicEntry[] }>('/api/reference/vsic', undefined, signal);
