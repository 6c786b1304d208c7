import { api } from './client';
import type { TAdminUser, TAuditEntry, TModule, TOutboxMessage, TPage, TRole, TUnitImportResult } from './types';

export type TUserQuery = { q?: string; role?: TRole; page: number; pageSize: number };
export const listUsers = (query: TUserQuery, signal?: AbortSignal) => api.get<TPage<TAdminUser>>('/api/admin/users', query, signal);

export type TUserScope = { modules?: TModule[]; unitCodes?: string[]; enterpriseIds?: number[] };
export type TCreateUserInput = TUserScope & { username: string; displayName: string; email?: string; role: TRole; password: string };
export const createUser = (input: TCreateUserInput) => api.post<TAdminUser>('/api/admin/users', input);

export type TUpdateUserInput = TUserScope & { displayName?: string; email?: string | null; role?: TRole; disabled?: boolean };
export const updateUser = (id: number, input: TUpdateUserInput) => api.patch<TAdminUser>(`/api/admin/users/${id}`, input);
export const resetUserPassword = (id: number, newPassword: string) =>
  api.post<void>(`/api/admin/users/${id}/reset-password`, { newPassword });

export type TAuditQuery = { actor?: string; entity?: string; action?: string; from?: string; to?: string; page: number; pageSize: number };
export const listAudit = (query: TAuditQuery, signal?: AbortSignal) => api.get<TPage<TAuditEntry>>('/api/admin/audit', query, signal);

export const listOutbox = (query: { page: number; pageSize: number }, signal?: AbortSignal) =>
  api.get<TPage<TOutboxMessage>>('/api/admin/outbox', query, signal);

export const importUnits = (file: File, dryRun: boolean) => {
  const form = new FormData();
  form.append('dryRun', String(dryRun));
  form.append('file', file);
  return api.postForm<TUnitImportResult>('/api/admin/units/import', form);
};
