import { api } from './client';
import type { TLineage, TUnit, TUnitLevel } from './types';

export type TUnitQuery = { at: string; level?: TUnitLevel; parent?: string };
export const listUnits = (query: TUnitQuery, signal?: AbortSignal) => api.get<{ items: TUnit[] }>('/api/units', query, signal);
export const listLineage = (signal?: AbortSignal) => api.get<{ items: TLineage[] }>('/api/units/lineage', undefined, signal);
