/**
 * The generic case state machine (pure, no I/O). A case type declares its states and its
 * transitions in code: from which states, to which state, who may take it (relations of the
 * actor to the case, e.g. APPLICANT, INTAKE, HANDLER), whether a reason or attachments are
 * required, an optional guard, and what the transition does to the clock. The engine service
 * (src/modules/cases) applies a planned transition in one transaction with its journal row.
 */

/** What a transition does to the case's deadline clock. */
export type TClockEffect =
  /** Start the clock at the transition time (receipt): due = start + the case's limit. */
  | { kind: 'START' }
  /** Stop the clock; when it resumes the limit restarts from zero (ND61 Đ19.4 supplements). */
  | { kind: 'PAUSE'; pauseKind: string; rule: 'RESTART' | 'PAUSE' | 'NONE' }
  /** Close the open pause: RESTART recomputes due from now, PAUSE adds the paused time, NONE keeps due. */
  | { kind: 'RESUME' }
  /** The case is finished: the clock stops for good (closed_at/outcome are set). */
  | { kind: 'STOP' };

/** A transition declared by a case type. `S` is the type's state union. */
export type TTransitionDef<S extends string = string> = {
  name: string;
  from: readonly S[];
  to: S;
  /** Relations of the actor to the case that may take this transition (any of them). */
  roles: readonly string[];
  requiresReason?: boolean;
  /** Minimum number of files that must come with the transition (0 = none). */
  requiresAttachments?: number;
  /** Extra condition on the case; returns a refusal message, or null when allowed. */
  guard?: (snapshot: TCaseSnapshot) => string | null;
  clock?: TClockEffect;
  /** Outcome recorded when the transition ends the case (e.g. APPROVED, REFUSED, WITHDRAWN). */
  outcome?: string;
  /** The journal row of this transition is shown on the public lookup. */
  isPublic?: boolean;
};

/** A case type: its states, initial state, final states and transitions. */
export type TCaseTypeDef<S extends string = string> = {
  type: string;
  states: readonly S[];
  initial: S;
  /** States in which nothing happens any more (work queues skip them). */
  finalStates: readonly S[];
  transitions: readonly TTransitionDef<S>[];
};

/** What a guard may look at. */
export type TCaseSnapshot = {
  state: string;
  unitCode: string | null;
  assigneeId: number | null;
  rescheduleCount: number;
  pausedAt: Date | null;
  data?: Record<string, unknown>;
};

/** Why a transition was refused; the service maps `code` to an HTTP status. */
export class TransitionError extends Error {
  constructor(
    public readonly code: 'INVALID_TRANSITION' | 'FORBIDDEN' | 'REASON_REQUIRED' | 'ATTACHMENTS_REQUIRED' | 'GUARD_FAILED',
    message: string,
    public readonly allowed: string[],
  ) {
    super(message);
    this.name = 'TransitionError';
  }
}

/** Validates a case type declaration (unknown states, duplicate names) and returns it. */
export const defineCaseType = <S extends string>(def: TCaseTypeDef<S>): TCaseTypeDef<S> => {
  const states = new Set<string>(def.states);
  const problems: string[] = [];
  if (!states.has(def.initial)) problems.push(`initial state ${def.initial} is not declared`);
  for (const s of def.finalStates) if (!states.has(s)) problems.push(`final state ${s} is not declared`);
  const names = new Set<string>();
  for (const t of def.transitions) {
    if (names.has(t.name)) problems.push(`transition ${t.name} is declared twice`);
    names.add(t.name);
    for (const s of [...t.from, t.to]) if (!states.has(s)) problems.push(`transition ${t.name} uses undeclared state ${s}`);
    if (t.from.some((s) => def.finalStates.includes(s))) problems.push(`transition ${t.name} leaves a final state`);
    if (t.roles.length === 0) problems.push(`transition ${t.name} names no role`);
  }
  if (problems.length) throw new Error(`case type ${def.type}: ${problems.join('; ')}`);
  return def;
};

/** Transitions that leave `state` (whoever may take them). */
export const listTransitionsFrom = <S extends string>(def: TCaseTypeDef<S>, state: string): TTransitionDef<S>[] =>
  def.transitions.filter((t) => (t.from as readonly string[]).includes(state));

/** Names of the transitions an actor with `relations` may take now (guards included). */
export const listAllowedTransitions = <S extends string>(def: TCaseTypeDef<S>, snapshot: TCaseSnapshot, relations: ReadonlySet<string>): string[] =>
  listTransitionsFrom(def, snapshot.state)
    .filter((t) => t.roles.some((r) => relations.has(r)) && (!t.guard || t.guard(snapshot) === null))
    .map((t) => t.name);

export type TPlanInput = {
  transition: string;
  relations: ReadonlySet<string>;
  reason?: string | null;
  attachmentCount?: number;
};

/**
 * Checks a requested transition against the declaration and returns it. Throws
 * TransitionError: INVALID_TRANSITION (not possible from the current state; names the
 * transitions possible from it), FORBIDDEN (the actor's relations do not allow it),
 * REASON_REQUIRED, ATTACHMENTS_REQUIRED, GUARD_FAILED.
 */
export const planTransition = <S extends string>(def: TCaseTypeDef<S>, snapshot: TCaseSnapshot, input: TPlanInput): TTransitionDef<S> => {
  const possible = listTransitionsFrom(def, snapshot.state);
  const allowedNames = possible.filter((t) => t.roles.some((r) => input.relations.has(r))).map((t) => t.name);
  const transition = possible.find((t) => t.name === input.transition);
  if (!transition) {
    const known = def.transitions.some((t) => t.name === input.transition);
    const list = allowedNames.length ? allowedNames.join(', ') : 'none';
    throw new TransitionError(
      'INVALID_TRANSITION',
      `${known ? `Transition "${input.transition}" is not possible` : `Unknown transition "${input.transition}"`} in state ${snapshot.state}; allowed: ${list}`,
      allowedNames,
    );
  }
  if (!transition.roles.some((r) => input.relations.has(r))) {
    throw new TransitionError('FORBIDDEN', `You may not take the transition "${transition.name}" on this case`, allowedNames);
  }
  if (transition.requiresReason && !(input.reason ?? '').trim()) {
    throw new TransitionError('REASON_REQUIRED', `The transition "${transition.name}" requires a reason`, allowedNames);
  }
  const needed = transition.requiresAttachments ?? 0;
  if ((input.attachmentCount ?? 0) < needed) {
    throw new TransitionError('ATTACHMENTS_REQUIRED', `The transition "${transition.name}" requires at least ${needed} attached file(s)`, allowedNames);
  }
  const refusal = transition.guard?.(snapshot) ?? null;
  if (refusal) throw new TransitionError('GUARD_FAILED', refusal, allowedNames);
  return transition;
};
