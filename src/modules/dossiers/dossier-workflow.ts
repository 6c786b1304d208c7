/**
 * The one-stop-shop dossier as a case type of the engine (spec procedures-and-calendar §1.2):
 * states, transitions, who may take them, the clock rules, and the national status codes.
 * Pure declarations; the dossier service applies them through the case engine.
 */
import { defineCaseType } from '../../domain/cases/state-machine';
import type { TActor } from '../auth/auth.policy';

export const DOSSIER_CASE_TYPE = 'DOSSIER';

export const DOSSIER_STATES = [
  'DRAFT',
  'SUBMITTED',
  'RECEIVED',
  'REJECTED_AT_INTAKE',
  'PROCESSING',
  'SUPPLEMENT_REQUESTED',
  'AWAITING_PAYMENT',
  'WITHDRAWAL_REQUESTED',
  'STOPPED',
  'PROCESSED',
  'RETURNED',
] as const;
export type TDossierState = (typeof DOSSIER_STATES)[number];

/** National status code (1–10) of each state; a draft has none (spec §1.2). */
export const NATIONAL_STATUS: Record<TDossierState, number | null> = {
  DRAFT: null,
  SUBMITTED: 1,
  RECEIVED: 2,
  REJECTED_AT_INTAKE: 3,
  PROCESSING: 4,
  SUPPLEMENT_REQUESTED: 5,
  AWAITING_PAYMENT: 6,
  WITHDRAWAL_REQUESTED: 7,
  STOPPED: 8,
  PROCESSED: 9,
  RETURNED: 10,
};

/** Vietnamese labels of the national status codes (shown on the public lookup). */
export const NATIONAL_STATUS_LABEL_VI: Record<number, string> = {
  1: 'Mới đăng ký',
  2: 'Được tiếp nhận',
  3: 'Không được tiếp nhận',
  4: 'Đang xử lý',
  5: 'Yêu cầu bổ sung giấy tờ',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  7: 'Công dân yêu cầu rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã xử lý xong',
  10: 'Đã trả kết quả',
};

export const DOSSIER_TRANSITIONS = [
  'submit',
  'receive',
  'refuse_intake',
  'transfer',
  'request_supplement',
  'complete_supplement',
  'request_payment',
  'confirm_payment',
  'approve',
  'refuse',
  'return_result',
  'request_withdrawal',
  'confirm_withdrawal',
  'stop',
] as const;
export type TDossierTransition = (typeof DOSSIER_TRANSITIONS)[number];

/**
 * Relations: APPLICANT (the submitting account or its enterprise), INTAKE (one-stop desk
 * officers), HANDLER (officers of the unit handling the dossier, or its assignee), LEADER
 * (Department leaders approve and refuse). Administrators hold the staff relations.
 */
export const dossierCaseType = defineCaseType<TDossierState>({
  type: DOSSIER_CASE_TYPE,
  states: DOSSIER_STATES,
  initial: 'DRAFT',
  finalStates: ['REJECTED_AT_INTAKE', 'STOPPED', 'RETURNED'],
  transitions: [
    { name: 'submit', from: ['DRAFT'], to: 'SUBMITTED', roles: ['APPLICANT'], requiresAttachments: 1, isPublic: true },
    { name: 'receive', from: ['SUBMITTED'], to: 'RECEIVED', roles: ['INTAKE'], clock: { kind: 'START' }, isPublic: true },
    { name: 'refuse_intake', from: ['SUBMITTED'], to: 'REJECTED_AT_INTAKE', roles: ['INTAKE'], requiresReason: true, clock: { kind: 'STOP' }, outcome: 'REFUSED_AT_INTAKE', isPublic: true },
    { name: 'transfer', from: ['RECEIVED', 'PROCESSING'], to: 'PROCESSING', roles: ['INTAKE', 'HANDLER'], isPublic: true },
    {
      name: 'request_supplement',
      from: ['RECEIVED', 'PROCESSING'],
      to: 'SUPPLEMENT_REQUESTED',
      roles: ['INTAKE', 'HANDLER'],
      requiresReason: true,
      clock: { kind: 'PAUSE', pauseKind: 'SUPPLEMENT', rule: 'RESTART' },
      isPublic: true,
    },
    { name: 'complete_supplement', from: ['SUPPLEMENT_REQUESTED'], to: 'PROCESSING', roles: ['APPLICANT', 'INTAKE'], requiresAttachments: 1, clock: { kind: 'RESUME' }, isPublic: true },
    { name: 'request_payment', from: ['PROCESSING'], to: 'AWAITING_PAYMENT', roles: ['HANDLER'], clock: { kind: 'PAUSE', pauseKind: 'PAYMENT', rule: 'NONE' }, isPublic: true },
    { name: 'confirm_payment', from: ['AWAITING_PAYMENT'], to: 'PROCESSING', roles: ['INTAKE', 'HANDLER'], clock: { kind: 'RESUME' }, isPublic: true },
    { name: 'approve', from: ['PROCESSING'], to: 'PROCESSED', roles: ['HANDLER', 'LEADER'], clock: { kind: 'STOP' }, outcome: 'APPROVED', isPublic: true },
    { name: 'refuse', from: ['PROCESSING'], to: 'PROCESSED', roles: ['HANDLER', 'LEADER'], requiresReason: true, clock: { kind: 'STOP' }, outcome: 'REFUSED', isPublic: true },
    { name: 'return_result', from: ['PROCESSED'], to: 'RETURNED', roles: ['INTAKE'], isPublic: true },
    {
      name: 'request_withdrawal',
      from: ['SUBMITTED', 'RECEIVED', 'PROCESSING', 'SUPPLEMENT_REQUESTED', 'AWAITING_PAYMENT'],
      to: 'WITHDRAWAL_REQUESTED',
      roles: ['APPLICANT'],
      requiresReason: true,
      isPublic: true,
    },
    { name: 'confirm_withdrawal', from: ['WITHDRAWAL_REQUESTED'], to: 'STOPPED', roles: ['INTAKE'], clock: { kind: 'STOP' }, outcome: 'WITHDRAWN', isPublic: true },
    { name: 'stop', from: ['SUPPLEMENT_REQUESTED'], to: 'STOPPED', roles: ['INTAKE', 'HANDLER'], requiresReason: true, clock: { kind: 'STOP' }, outcome: 'SUPPLEMENT_EXPIRED', isPublic: true },
  ],
});

/** The Department's units that handle dossiers (the officer modules). */
export const DOSSIER_UNITS = ['ONE_STOP', 'INDUSTRY', 'TRADE', 'PLANNING_STATS'] as const;
export type TDossierUnit = (typeof DOSSIER_UNITS)[number];

export const UNIT_NAMES_VI: Record<TDossierUnit, string> = {
  ONE_STOP: 'Bộ phận Một cửa',
  INDUSTRY: 'Phòng Quản lý công nghiệp',
  TRADE: 'Phòng Quản lý thương mại',
  PLANNING_STATS: 'Phòng Kế hoạch - Tổng hợp',
};

/** Unit that handles the procedures of a field (design choice of the demo Department; [U]). */
export const UNIT_OF_FIELD: Record<string, TDossierUnit> = {
  ATTP: 'INDUSTRY',
  VLNCN: 'INDUSTRY',
  DIEN: 'INDUSTRY',
  HC: 'INDUSTRY',
  LTHH: 'TRADE',
  XTTM: 'TRADE',
};

/** Relations of an actor to a dossier case. */
export const dossierRelationsOf = (actor: TActor | null, row: { ownerUserId: number | null; enterpriseId: number | null; unitCode: string | null; assigneeId: number | null }): Set<string> => {
  const relations = new Set<string>();
  if (!actor) return relations;
  if (actor.role === 'ENTERPRISE') {
    if (row.ownerUserId === actor.userId || (row.enterpriseId !== null && actor.enterpriseIds.includes(row.enterpriseId))) relations.add('APPLICANT');
    return relations;
  }
  if (actor.role === 'ADMIN') return new Set(['INTAKE', 'HANDLER', 'LEADER', 'STAFF']);
  if (actor.role === 'LEADER') return new Set(['LEADER', 'STAFF']);
  if (actor.role === 'OFFICER') {
    relations.add('STAFF');
    if (actor.modules.includes('ONE_STOP')) relations.add('INTAKE');
    if ((row.unitCode !== null && (actor.modules as string[]).includes(row.unitCode)) || row.assigneeId === actor.userId) relations.add('HANDLER');
  }
  return relations;
};
