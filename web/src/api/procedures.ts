/** The public catalogue of administrative procedures and the publication decisions of the one-stop desk. */
import { api } from './client';
import type { TPage } from './types';

export type TProcedureStatus = 'PUBLIC' | 'AMENDED' | 'ABOLISHED';
export const PROCEDURE_STATUSES: readonly TProcedureStatus[] = ['PUBLIC', 'AMENDED', 'ABOLISHED'];

export type TChangeKind = 'NEW' | 'AMENDED' | 'REPLACED' | 'ABOLISHED';
export const CHANGE_KINDS: readonly TChangeKind[] = ['NEW', 'AMENDED', 'REPLACED', 'ABOLISHED'];

export type TImplementationLevel = 'PROVINCE' | 'COMMUNE';
export const IMPLEMENTATION_LEVELS: readonly TImplementationLevel[] = ['PROVINCE', 'COMMUNE'];

export type TOnlineLevel = 'NONE' | 'PARTIAL' | 'FULL';
export const ONLINE_LEVELS: readonly TOnlineLevel[] = ['NONE', 'PARTIAL', 'FULL'];

export type TTimeUnit = 'WORKING_DAY' | 'CALENDAR_DAY' | 'WORKING_HOUR';
export const TIME_UNITS: readonly TTimeUnit[] = ['WORKING_DAY', 'CALENDAR_DAY', 'WORKING_HOUR'];

export type TChannel = 'DIRECT' | 'ONLINE' | 'POSTAL';
export const CHANNELS: readonly TChannel[] = ['DIRECT', 'ONLINE', 'POSTAL'];

export type TFeeType = 'PHI' | 'LE_PHI';
export const FEE_TYPES: readonly TFeeType[] = ['PHI', 'LE_PHI'];

export type TSubject = 'CITIZEN' | 'OVERSEAS_VIETNAMESE' | 'FOREIGNER' | 'ENTERPRISE' | 'ORGANISATION' | 'COOPERATIVE' | 'HOUSEHOLD_BUSINESS';
export const SUBJECTS: readonly TSubject[] = ['CITIZEN', 'OVERSEAS_VIETNAMESE', 'FOREIGNER', 'ENTERPRISE', 'ORGANISATION', 'COOPERATIVE', 'HOUSEHOLD_BUSINESS'];

/** National procedure code N.NNNNNN, optionally with suffixes (e.g. 1.000948.H26), as the server checks it. */
export const PROCEDURE_CODE = /^\d\.\d{6}(\.[0-9A-Z]{1,10})*$/;

export type TProcessingTime = { value: number; unit: TTimeUnit };

/** The record of one version of a procedure (ZProcedureContent on the server). */
export type TProcedureContent = {
  name: string;
  implementationLevel: TImplementationLevel;
  agencies: { competent: string; implementing: string; delegated?: string | null; coordinating?: string | null };
  subjects: TSubject[];
  sequence?: string | null;
  methods: { channel: TChannel; processingTime: TProcessingTime; note?: string }[];
  dossierComponents: { name: string; originals: number; copies: number; templateForm?: string | null; reusableFromDatabase?: boolean }[];
  dossierSets?: number;
  processingTime: TProcessingTime;
  fees: { type: TFeeType; amountVnd: number; legalBasis: string; onlineDiscountPct?: number }[];
  result: { name: string; electronicAvailable: boolean };
  requirements?: string | null;
  legalBasis: { number: string; title: string; date: string; effectiveDate?: string | null }[];
  onlineServiceLevel: TOnlineLevel;
  eligibleFullOnline?: boolean;
  receivedAtOneStop?: boolean;
};

export type TProcedureSummary = {
  code: string;
  name: string;
  fieldCode: string;
  /** The field's Vietnamese name (use the fields list for other languages). */
  fieldName: string;
  status: TProcedureStatus;
  implementationLevel: TImplementationLevel;
  onlineServiceLevel: TOnlineLevel;
  processingTime: TProcessingTime;
  effectiveFrom: string;
  versionId: number;
};

export type TDecisionRef = { id: number; number: string; signedOn: string; issuer: string };

export type TProcedureVersion = {
  id: number;
  changeKind: TChangeKind;
  effectiveFrom: string;
  decision: TDecisionRef;
  /** A TProcedureContent as stored (an abolished version repeats the last content). */
  content: TProcedureContent;
};

export type TProcedureDetail = {
  code: string;
  fieldCode: string;
  /** Status at the requested date; null when no version was in force yet. */
  status: TProcedureStatus | null;
  current: TProcedureVersion | null;
  /** Every version, oldest first. */
  versions: TProcedureVersion[];
};

export type TProcedureField = { code: string; nameVi: string; nameEn: string };

export type TDecisionSummary = TDecisionRef & { note: string | null; items: number };

/** Filters of the catalogue (they live in the page URL). */
export type TProcedureFilter = {
  q?: string;
  field?: string;
  level?: TImplementationLevel;
  onlineLevel?: TOnlineLevel;
  status?: TProcedureStatus;
  /** In force at this date (YYYY-MM-DD); today when absent. */
  at?: string;
};

export type TProcedureQuery = TProcedureFilter & { page: number; pageSize: number };

/**
 * The search words sent for `q`. Workaround: the server lower-cases the words but compares codes
 * case-sensitively, so a full code with a letter suffix ("2.000001.H26") finds nothing; a query
 * that is a code is sent as its national part ("2.000001"), which may also list its sibling
 * provincial variants.
 */
export const searchWords = (q: string | undefined): string | undefined => {
  const text = q?.trim();
  const code = text ? /^(\d\.\d{6})(\.[0-9A-Za-z]+)+$/.exec(text) : null;
  return code ? code[1] : text || undefined;
};

export const listProcedures = (query: TProcedureQuery, signal?: AbortSignal) =>
  api.get<TPage<TProcedureSummary>>('/api/procedures', { ...query, q: searchWords(query.q) }, signal);

export const listProcedureFields = (signal?: AbortSignal) => api.get<{ items: TProcedureField[] }>('/api/procedures/fields', undefined, signal);

export const listDecisions = (signal?: AbortSignal) => api.get<{ items: TDecisionSummary[] }>('/api/procedures/decisions', undefined, signal);

export const getProcedure = (code: string, at?: string, signal?: AbortSignal) =>
  api.get<TProcedureDetail>(`/api/procedures/${encodeURIComponent(code)}`, { at }, signal);

export type TDecisionItem = {
  kind: TChangeKind;
  code: string;
  /** Required for a NEW procedure. */
  fieldCode?: string;
  effectiveFrom: string;
  /** Required for NEW, AMENDED and REPLACED; absent for ABOLISHED. */
  content?: TProcedureContent;
};

export type TDecisionBody = { number: string; signedOn: string; issuer: string; note?: string; items: TDecisionItem[] };

/** Records a publication decision, all or nothing (400 VALIDATION_ERROR with paths like body.items.1.kind). */
export const publishDecision = (body: TDecisionBody) => api.post<{ id: number; number: string }>('/api/admin/procedure-decisions', body);

/** The answer of a catalogue file import (dry run or recorded). */
export type TCatalogueImportResult = {
  dryRun: boolean;
  decisionId: number | null;
  rows: number;
  counts: Record<TChangeKind, number>;
  errors: { row: number; column: string | null; message: string }[];
  items: { kind: TChangeKind; code: string; name: string | null; effectiveFrom: string }[];
};

/** Records a publication decision whose procedures come from a CSV/XLSX file (one per row). */
export const importDecisionFile = (form: FormData, dryRun: boolean) => api.postForm<TCatalogueImportResult>('/api/admin/procedure-decisions/import', form, { dryRun: String(dryRun) });
