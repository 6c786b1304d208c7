/**
 * IIP drill-down to enterprises and labour productivity (officers; an enterprise sees only its
 * own productivity): see src/modules/statistics/statistics.routes.ts.
 */
import { api } from './client';

export type TDrilldownComparison = 'MOM' | 'YOY' | 'YTD';

export type TProductEnterprise = {
  enterpriseId: number;
  taxCode: string;
  name: string;
  /** Former district code. */
  area: string | null;
  unit: string | null;
  ownership: string;
  qCur: number;
  qCmp: number;
  /** Months of the current span with an accepted report of the product (0: not reported yet). */
  monthsCur: number;
  monthsCmp: number;
  changePct: number | null;
  /** Share of the product total (all reporters) in the current span, %. */
  sharePct: number | null;
};

export type TProductEnterprises = {
  period: string;
  comparison: TDrilldownComparison;
  product: { code: string; vsic4: string; nameVi: string; nameEn: string | null; unit: string };
  spans: { current: { from: string; to: string }; compared: { from: string; to: string } };
  /** AREA: an area officer sees only the enterprises of their areas. */
  scope: 'ALL' | 'AREA';
  totals: { qCur: number; qCmp: number; enterprises: number; reportedQCur: number };
  /** The engine's product row: its quantity includes imputed quantities of non-reporters. */
  published: { qCur: number | null; qCmp: number | null; index: number | null; imputedShare: number | null } | null;
  rows: TProductEnterprise[];
};

export const getProductEnterprises = (query: { period: string; product: string; comparison: TDrilldownComparison }, signal?: AbortSignal) =>
  api.get<TProductEnterprises>('/api/indicators/iip/enterprises', query, signal);

export type TProductivityLevel = 'TOTAL' | 'SECTION' | 'DIVISION';
export type TProductivityPoint = { period: string; level: TProductivityLevel; code: string; enterprises: number; workers: number; output: number; perWorker: number | null; yoy: number | null };
export type TProductivityQuartiles = { division: string; count: number; q1: number | null; median: number | null; q3: number | null };
export type TProductivity = { from: string; to: string; points: TProductivityPoint[]; quartiles: TProductivityQuartiles[]; unvaluedQuantities: number };

export const getProductivity = (query: { to?: string; months: number }, signal?: AbortSignal) => api.get<TProductivity>('/api/indicators/productivity', query, signal);

export type TEnterpriseProductivityMonth = {
  period: string;
  perWorker: number | null;
  workers: number | null;
  /** 1–4; null when the comparison is withheld (fewer than 5 enterprises) or the month is missing. */
  quartile: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  peers: number | null;
};
export type TEnterpriseProductivity = { enterpriseId: number; division: string; period: string; current: TEnterpriseProductivityMonth; history: TEnterpriseProductivityMonth[] };

export const getEnterpriseProductivity = (id: number, period: string | undefined, signal?: AbortSignal) =>
  api.get<TEnterpriseProductivity>(`/api/enterprises/${id}/productivity`, { period }, signal);
