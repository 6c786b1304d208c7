/**
 * Reference data of the indicator engine (statistics officers): basket products, weight versions,
 * deflators, official Tết windows, report form settings and the survey frame. Server contract:
 * src/modules/basket/basket.routes.ts.
 */
import { api, apiUrl } from './client';

export type TBasketProduct = {
  code: string;
  nameVi: string;
  nameEn: string;
  unit: string;
  vsic4: string;
  activeFrom: string | null;
  activeTo: string | null;
  weightVersions: number[];
};
export type TProductBody = Omit<TBasketProduct, 'code' | 'weightVersions'>;

export type TImportError = { row: number | null; column: string | null; message: string };
export type TImportResult = { dryRun: boolean; rows: number; inserted: number; updated: number; unchanged: number; errors: TImportError[]; recomputeMs: number | null };
export type TWeightImportResult = {
  dryRun: boolean;
  rows: number;
  versions: { version: number; scope: string; validFrom: string; rows: number; replacedRows: number }[];
  errors: TImportError[];
  recomputeMs: number | null;
};

export type TWeightLevel = 'PRODUCT' | 'VSIC4' | 'VSIC2' | 'SECTION';
export type TWeightVersion = {
  version: number;
  validFrom: string;
  status: 'IN_FORCE' | 'SCHEDULED' | 'SUPERSEDED';
  scopes: { scope: string; counts: Record<TWeightLevel, number> }[];
};
export type TWeightNode = {
  key: string;
  parentKey: string | null;
  level: 'TOTAL' | TWeightLevel;
  code: string;
  nameVi: string;
  nameEn: string;
  unit: string | null;
  weight: number | null;
  isInherited: boolean;
  share: number | null;
  baseAnnualQty: number | null;
  hasData: boolean;
  isMissing: boolean;
};
export type TWeightTree = { version: number; validFrom: string; scope: string; scopes: string[]; nodes: TWeightNode[]; unweighted: string[] };

export const DEFLATOR_INDICATORS = ['RETAIL_GOODS', 'ACCOM_FOOD', 'TRAVEL', 'OTHER_SERVICES', 'RETAIL_TOTAL', 'EXPORT'] as const;
export type TDeflatorIndicator = (typeof DEFLATOR_INDICATORS)[number];
export type TDeflatorTable = { year: number; years: number[]; rows: { period: string; values: Partial<Record<TDeflatorIndicator, number>> }[] };

export type TTetYear = { year: number; dayOne: string; defaultStart: string | null; defaultEnd: string | null; start: string | null; end: string | null };

export type TFormSettings = {
  code: string;
  kind: string;
  nameVi: string;
  nameEn: string;
  deadlineDay: number;
  expiryDays: number;
  remindBeforeDays: number;
  remindAfterDays: number;
  frameActive: number;
  frameTotal: number;
};
export type TFormSettingsBody = Pick<TFormSettings, 'deadlineDay' | 'expiryDays' | 'remindBeforeDays' | 'remindAfterDays'>;
export type TFrameMember = { enterpriseId: number; taxCode: string; nameVi: string; area: string | null; activeFrom: string; activeTo: string | null };
export type TLockException = { id: number; enterpriseId: number; taxCode: string; nameVi: string; period: string; until: string; reason: string; grantedBy: string | null; grantedAt: string; isActive: boolean };

type TRecompute = { recomputeMs: number | null };

const upload = <T>(url: string, file: File, dryRun: boolean) => {
  const form = new FormData();
  form.append('file', file);
  return api.postForm<T>(`${url}?dryRun=${dryRun}`, form);
};

export const listBasketProducts = (q: string, signal?: AbortSignal) => api.get<{ items: TBasketProduct[] }>('/api/basket/products', { q }, signal);
export const createBasketProduct = (body: TProductBody & { code: string }) => api.post<TBasketProduct>('/api/basket/products', body);
export const updateBasketProduct = (code: string, body: TProductBody) => api.put<TBasketProduct & TRecompute>(`/api/basket/products/${encodeURIComponent(code)}`, body);
export const importBasketProducts = (file: File, dryRun: boolean) => upload<TImportResult>('/api/basket/products/import', file, dryRun);
export const basketProductsCsvUrl = () => apiUrl('/api/basket/products/export');

export const listWeightVersions = (signal?: AbortSignal) => api.get<{ items: TWeightVersion[] }>('/api/basket/weights', undefined, signal);
export const getWeightTree = (version: number, scope: string, signal?: AbortSignal) => api.get<TWeightTree>(`/api/basket/weights/${version}`, { scope }, signal);
export const importWeights = (file: File, dryRun: boolean) => upload<TWeightImportResult>('/api/basket/weights/import', file, dryRun);
export const weightsCsvUrl = (version: number) => apiUrl(`/api/basket/weights/${version}/export`);
export const activateWeightVersion = (version: number, validFrom: string) => api.patch<{ version: number; validFrom: string } & TRecompute>(`/api/basket/weights/${version}`, { validFrom });

export const getDeflators = (year: number | undefined, signal?: AbortSignal) => api.get<TDeflatorTable>('/api/basket/deflators', { year }, signal);
export const setDeflator = (body: { period: string; indicator: TDeflatorIndicator; priceIndex: number }) => api.put<TRecompute>('/api/basket/deflators', body);
export const deleteDeflator = (indicator: TDeflatorIndicator, period: string) => api.delete<TRecompute>(`/api/basket/deflators/${indicator}/${period}`);
export const importDeflators = (file: File, dryRun: boolean) => upload<TImportResult>('/api/basket/deflators/import', file, dryRun);

export const listTetYears = (signal?: AbortSignal) => api.get<{ items: TTetYear[] }>('/api/basket/tet-windows', undefined, signal);
export const setTetWindow = (year: number, body: { start: string; end: string }) => api.put<TRecompute>(`/api/basket/tet-windows/${year}`, body);
export const deleteTetWindow = (year: number) => api.delete<TRecompute>(`/api/basket/tet-windows/${year}`);
export const importTetWindows = (file: File, dryRun: boolean) => upload<TImportResult>('/api/basket/tet-windows/import', file, dryRun);

export const listFormSettings = (signal?: AbortSignal) => api.get<{ items: TFormSettings[] }>('/api/basket/forms', undefined, signal);
export const updateFormSettings = (code: string, body: TFormSettingsBody) => api.patch<TFormSettings>(`/api/basket/forms/${code}`, body);
export const getFrame = (code: string, query: { q?: string; activeIn?: string; page: number; pageSize: number }, signal?: AbortSignal) =>
  api.get<{ total: number; items: TFrameMember[] }>(`/api/basket/forms/${code}/frame`, query, signal);
export const addFrameMember = (code: string, body: { taxCode: string; activeFrom: string; activeTo: string | null }) => api.post<{ enterpriseId: number } & TRecompute>(`/api/basket/forms/${code}/frame`, body);
export const changeFrameMember = (code: string, enterpriseId: number, body: { activeFrom: string; activeTo: string | null }) => api.patch<TRecompute>(`/api/basket/forms/${code}/frame/${enterpriseId}`, body);
export const importFrame = (code: string) => (file: File, dryRun: boolean) => upload<TImportResult>(`/api/basket/forms/${code}/frame/import`, file, dryRun);
export const listLockExceptions = (code: string, signal?: AbortSignal) => api.get<{ items: TLockException[] }>(`/api/basket/forms/${code}/lock-exceptions`, undefined, signal);
export const grantLockException = (body: { formCode: string; enterpriseId: number; period: string; until: string; reason: string }) => api.post<{ id: number }>('/api/reports/lock-exceptions', body);
