import { api } from './client';
import type { TLoginResponse, TSession } from './types';

export const getSession = (signal?: AbortSignal) => api.get<TSession>('/api/auth/session', undefined, signal);
export const login = (username: string, password: string) => api.post<TLoginResponse>('/api/auth/login', { username, password });
export const logout = () => api.post<void>('/api/auth/logout');
export const changePassword = (currentPassword: string, newPassword: string) =>
  api.post<void>('/api/auth/password', { currentPassword, newPassword });
