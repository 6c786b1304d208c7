import { api } from './client';
import type { TAccessToken, TUiLocale } from './types';

export const saveLocale = (locale: TUiLocale) => api.put<void>('/api/me/locale', { locale });

export const listTokens = (signal?: AbortSignal) => api.get<{ items: TAccessToken[] }>('/api/me/tokens', undefined, signal);
export type TTokenInput = { name: string; scopes: string[]; expiresInDays?: number };
export const createToken = (input: TTokenInput) => api.post<{ token: string; item: TAccessToken }>('/api/me/tokens', input);
export const revokeToken = (id: number) => api.delete<void>(`/api/me/tokens/${id}`);
