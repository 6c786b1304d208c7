/**
 * The petition (kiến nghị, phản ánh) as a case type of the engine (domain spec §6.1): filed by an
 * enterprise or recorded by an officer, routed by a coordinator to a Department division or an
 * external agency (the answer deadline starts then), answered by a reply drafted by the handling
 * officer and approved by a leader, rated by the enterprise (reopened when unsatisfied).
 * Pure declarations; the petition service applies them through the case engine.
 */
import { defineCaseType } from '../../domain/cases/state-machine';
import { hasPermission, type TActor } from '../auth/auth.policy';

export const PETITION_CASE_TYPE = 'PETITION';

export const PETITION_STATES = ['RECEIVED', 'IN_PROGRESS', 'REPLY_DRAFTED', 'ANSWERED', 'CLOSED', 'REJECTED', 'TRANSFERRED_OUT'] as const;
export type TPetitionState = (typeof PETITION_STATES)[number];

export const PETITION_TRANSITIONS = ['assign', 'transfer', 'draft_reply', 'return_draft', 'approve_reply', 'accept', 'reopen', 'reject', 'transfer_out'] as const;
export type TPetitionTransition = (typeof PETITION_TRANSITIONS)[number];

/** How a petition reached the Department (spec §6.1 channels). */
export const PETITION_CHANNELS = ['PORTAL', 'LETTER', 'CONFERENCE', 'HOTLINE', 'VPCP', 'VCCI', 'OTHER'] as const;
export type TPetitionChannel = (typeof PETITION_CHANNELS)[number];

/** States in which the enterprise sees an approved reply. */
export const ANSWERED_STATES: readonly string[] = ['ANSWERED', 'CLOSED'];

/**
 * Relations: PETITIONER (the enterprise's users), COORDINATOR (officers who manage enterprise
 * support: route, transfer, reject, publish), HANDLER (officers of the division the petition is
 * routed to; for an external agency the coordinators follow it up), LEADER (approves replies),
 * STAFF (reads). Administrators hold every staff relation.
 */
export const petitionCaseType = defineCaseType<TPetitionState>({
  type: PETITION_CASE_TYPE,
  states: PETITION_STATES,
  initial: 'RECEIVED',
  finalStates: ['CLOSED', 'REJECTED', 'TRANSFERRED_OUT'],
  transitions: [
    { name: 'assign', from: ['RECEIVED'], to: 'IN_PROGRESS', roles: ['COORDINATOR'], clock: { kind: 'START' }, isPublic: true },
    { name: 'transfer', from: ['IN_PROGRESS'], to: 'IN_PROGRESS', roles: ['COORDINATOR', 'HANDLER'], requiresReason: true, isPublic: true },
    { name: 'draft_reply', from: ['IN_PROGRESS'], to: 'REPLY_DRAFTED', roles: ['HANDLER', 'COORDINATOR'] },
    { name: 'return_draft', from: ['REPLY_DRAFTED'], to: 'IN_PROGRESS', roles: ['LEADER'], requiresReason: true },
    { name: 'approve_reply', from: ['REPLY_DRAFTED'], to: 'ANSWERED', roles: ['LEADER'], isPublic: true },
    { name: 'accept', from: ['ANSWERED'], to: 'CLOSED', roles: ['PETITIONER'], clock: { kind: 'STOP' }, outcome: 'SATISFIED', isPublic: true },
    { name: 'reopen', from: ['ANSWERED'], to: 'IN_PROGRESS', roles: ['PETITIONER'], requiresReason: true, clock: { kind: 'START' }, isPublic: true },
    { name: 'reject', from: ['RECEIVED', 'IN_PROGRESS'], to: 'REJECTED', roles: ['COORDINATOR'], requiresReason: true, clock: { kind: 'STOP' }, outcome: 'OUT_OF_SCOPE', isPublic: true },
    // Outside the city's competence (spec §6.1 TRANSFERRED_OUT): sent to a ministry or central agency; the enterprise is told.
    { name: 'transfer_out', from: ['RECEIVED', 'IN_PROGRESS'], to: 'TRANSFERRED_OUT', roles: ['COORDINATOR'], requiresReason: true, clock: { kind: 'STOP' }, outcome: 'TRANSFERRED_OUT', isPublic: true },
  ],
});

/** The engine's unit code for an agency: the division's module, or EXT:<code> for an external agency. */
export const unitCodeOfAgency = (agency: { code: string; moduleCode: string | null }): string => agency.moduleCode ?? `EXT:${agency.code}`;

/** Relations of an actor to a petition case. */
export const petitionRelationsOf = (actor: TActor | null, row: { enterpriseId: number | null; unitCode: string | null; assigneeId: number | null }): Set<string> => {
  const relations = new Set<string>();
  if (!actor) return relations;
  if (actor.role === 'ENTERPRISE') {
    if (row.enterpriseId !== null && actor.enterpriseIds.includes(row.enterpriseId)) relations.add('PETITIONER');
    return relations;
  }
  if (actor.role === 'ADMIN') return new Set(['COORDINATOR', 'HANDLER', 'LEADER', 'STAFF']);
  if (!hasPermission(actor, 'support.read')) return relations;
  relations.add('STAFF');
  if (actor.role === 'LEADER') relations.add('LEADER');
  const isCoordinator = hasPermission(actor, 'support.manage');
  if (isCoordinator) relations.add('COORDINATOR');
  const unit = row.unitCode;
  if (unit !== null && ((actor.modules as string[]).includes(unit) || (isCoordinator && unit.startsWith('EXT:')))) relations.add('HANDLER');
  if (row.assigneeId !== null && row.assigneeId === actor.userId) relations.add('HANDLER');
  return relations;
};
