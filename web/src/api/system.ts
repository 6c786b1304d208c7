import { api } from './client';
import type { THealth } from './types';

export const getHealth = (signal?: AbortSignal) => api.get<THealth>('/api/health', undefined, signal);
