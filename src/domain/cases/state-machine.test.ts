import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineCaseType, listAllowedTransitions, planTransition, TransitionError, type TCaseSnapshot } from './state-machine';

const def = defineCaseType({
  type: 'TEST',
  states: ['NEW', 'OPEN', 'WAITING', 'DONE'],
  initial: 'NEW',
  finalStates: ['DONE'],
  transitions: [
    { name: 'open', from: ['NEW'], to: 'OPEN', roles: ['CLERK'], clock: { kind: 'START' } },
    { name: 'wait', from: ['OPEN'], to: 'WAITING', roles: ['HANDLER'], requiresReason: true, clock: { kind: 'PAUSE', pauseKind: 'SUPPLEMENT', rule: 'RESTART' } },
    { name: 'resume', from: ['WAITING'], to: 'OPEN', roles: ['APPLICANT'], requiresAttachments: 1, clock: { kind: 'RESUME' } },
    { name: 'close', from: ['OPEN'], to: 'DONE', roles: ['HANDLER'], guard: (s) => (s.unitCode === 'X' ? null : 'only unit X closes'), outcome: 'OK' },
  ],
});
const snap = (state: string, unitCode: string | null = 'X'): TCaseSnapshot => ({ state, unitCode, assigneeId: null, rescheduleCount: 0, pausedAt: null });
const roles = (...r: string[]) => new Set(r);

const refusal = (fn: () => unknown): TransitionError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof TransitionError) return e;
    throw e;
  }
  assert.fail('expected a TransitionError');
};

describe('case state machine', () => {
  it('rejects declarations with undeclared states, duplicates, exits from final states or no roles', () => {
    assert.throws(() => defineCaseType({ type: 'B', states: ['A'], initial: 'A', finalStates: [], transitions: [{ name: 'x', from: ['A'], to: 'Z' as 'A', roles: ['R'] }] }), /undeclared state Z/);
    assert.throws(() => defineCaseType({ type: 'B', states: ['A', 'B'], initial: 'A', finalStates: ['B'], transitions: [{ name: 'x', from: ['B'], to: 'A', roles: ['R'] }] }), /leaves a final state/);
    assert.throws(
      () => defineCaseType({ type: 'B', states: ['A'], initial: 'A', finalStates: [], transitions: [{ name: 'x', from: ['A'], to: 'A', roles: ['R'] }, { name: 'x', from: ['A'], to: 'A', roles: ['R'] }] }),
      /declared twice/,
    );
    assert.throws(() => defineCaseType({ type: 'B', states: ['A'], initial: 'A', finalStates: [], transitions: [{ name: 'x', from: ['A'], to: 'A', roles: [] }] }), /names no role/);
  });

  it('plans an allowed transition', () => {
    assert.equal(planTransition(def, snap('NEW'), { transition: 'open', relations: roles('CLERK') }).to, 'OPEN');
  });

  it('an impossible transition names the ones allowed from the state for this actor', () => {
    const e = refusal(() => planTransition(def, snap('OPEN'), { transition: 'open', relations: roles('HANDLER') }));
    assert.equal(e.code, 'INVALID_TRANSITION');
    assert.deepEqual(e.allowed, ['wait', 'close']);
    assert.match(e.message, /not possible in state OPEN; allowed: wait, close/);
    const unknown = refusal(() => planTransition(def, snap('DONE'), { transition: 'fly', relations: roles('HANDLER') }));
    assert.match(unknown.message, /Unknown transition "fly" in state DONE; allowed: none/);
  });

  it('checks roles, reason, attachments and guards in that order', () => {
    assert.equal(refusal(() => planTransition(def, snap('OPEN'), { transition: 'wait', relations: roles('CLERK') })).code, 'FORBIDDEN');
    assert.equal(refusal(() => planTransition(def, snap('OPEN'), { transition: 'wait', relations: roles('HANDLER'), reason: '  ' })).code, 'REASON_REQUIRED');
    assert.equal(planTransition(def, snap('OPEN'), { transition: 'wait', relations: roles('HANDLER'), reason: 'thiếu giấy tờ' }).name, 'wait');
    assert.equal(refusal(() => planTransition(def, snap('WAITING'), { transition: 'resume', relations: roles('APPLICANT'), attachmentCount: 0 })).code, 'ATTACHMENTS_REQUIRED');
    assert.equal(planTransition(def, snap('WAITING'), { transition: 'resume', relations: roles('APPLICANT'), attachmentCount: 2 }).name, 'resume');
    const guard = refusal(() => planTransition(def, snap('OPEN', 'Y'), { transition: 'close', relations: roles('HANDLER') }));
    assert.equal(guard.code, 'GUARD_FAILED');
    assert.equal(guard.message, 'only unit X closes');
  });

  it('lists the transitions an actor may take now, guards included', () => {
    assert.deepEqual(listAllowedTransitions(def, snap('OPEN'), roles('HANDLER')), ['wait', 'close']);
    assert.deepEqual(listAllowedTransitions(def, snap('OPEN', 'Y'), roles('HANDLER')), ['wait']);
    assert.deepEqual(listAllowedTransitions(def, snap('OPEN'), roles('APPLICANT')), []);
    assert.deepEqual(listAllowedTransitions(def, snap('DONE'), roles('HANDLER', 'CLERK', 'APPLICANT')), []);
  });
});
