/**
 * The reporting frame shared by the IIP and the value indicators: enterprises as integer
 * indices, their active months (§3 "missing enterprise") and their scopes (ALL + scope keys).
 */
import { StatsInputError } from './stats-errors';
import { isPeriod, parsePeriod } from './stats-periods';
import { ALL_SCOPE, type TStatsEnterprise, type TStatsSurvey } from './stats.types';

export type TFrame = {
  entityCount: number;
  ids: string[];
  indexOf: Map<string, number>;
  /** Per entity: first active month (−Infinity = always). */
  activeFrom: Float64Array;
  /** Per entity: last active month (+Infinity = still active). */
  activeTo: Float64Array;
  /** Output scopes: ALL first, then the scope keys sorted. */
  scopes: string[];
  /** CSR: scope indices of entity e are `entityScopes[entityScopeStart[e] … entityScopeStart[e+1]−1]`. */
  entityScopeStart: Int32Array;
  entityScopes: Int32Array;
};

const ENTERPRISES_SOURCE = 'enterprises.csv';

const compareScopes = (a: string, b: string): number => (a === b ? 0 : a === ALL_SCOPE ? -1 : b === ALL_SCOPE ? 1 : a < b ? -1 : 1);

/** Sorts scopes in output order: ALL first, then by code. */
export const sortScopes = (scopes: Iterable<string>): string[] => [...new Set(scopes)].sort(compareScopes);

const parseOptionalPeriod = (text: string | null, column: string, id: string): number | null => {
  if (text === null || text === '') return null;
  if (!isPeriod(text)) throw new StatsInputError({ file: ENTERPRISES_SOURCE, column }, `enterprise ${id}: expected a YYYY-MM period, got "${text}"`);
  return parsePeriod(text);
};

/** Scope keys of an enterprise besides ALL: `scopes` if given, else `[area]` (empty area: none). */
export const getScopeKeys = (enterprise: TStatsEnterprise): string[] =>
  (enterprise.scopes ?? [enterprise.area]).filter((key) => key !== '' && key !== ALL_SCOPE);

export type TBuildFrameOptions = {
  enterprises: readonly TStatsEnterprise[];
  /** The survey being computed: enterprises not expected to report to it are never imputed. */
  survey: TStatsSurvey;
  /** Limits the scopes computed (default: all). */
  requestedScopes?: readonly string[];
};

/**
 * Indexes the enterprises of a survey's frame.
 * Throws {@link StatsInputError} for a duplicate id or a malformed period.
 */
export const buildFrame = ({ enterprises, survey, requestedScopes }: TBuildFrameOptions): TFrame => {
  const entityCount = enterprises.length;
  const indexOf = new Map<string, number>();
  const activeFrom = new Float64Array(entityCount);
  const activeTo = new Float64Array(entityCount);
  const keys = new Set<string>();
  const keysOf: string[][] = new Array<string[]>(entityCount);
  enterprises.forEach((enterprise, e) => {
    if (indexOf.has(enterprise.id)) throw new StatsInputError({ file: ENTERPRISES_SOURCE, column: 'enterprise_id' }, `duplicate enterprise "${enterprise.id}"`);
    indexOf.set(enterprise.id, e);
    const inSurvey = enterprise.surveys === undefined || enterprise.surveys.includes(survey);
    // Outside the survey's frame: never active, so never imputed (its rows still count).
    activeFrom[e] = inSurvey ? (parseOptionalPeriod(enterprise.activeFrom, 'active_from', enterprise.id) ?? Number.NEGATIVE_INFINITY) : Number.POSITIVE_INFINITY;
    activeTo[e] = parseOptionalPeriod(enterprise.activeTo, 'active_to', enterprise.id) ?? Number.POSITIVE_INFINITY;
    keysOf[e] = getScopeKeys(enterprise);
    for (const key of keysOf[e]) keys.add(key);
  });
  const allScopes = sortScopes([ALL_SCOPE, ...keys]);
  const wanted = requestedScopes ? new Set(requestedScopes) : null;
  const scopes = wanted ? allScopes.filter((scope) => wanted.has(scope)) : allScopes;
  const scopeIndex = new Map(scopes.map((scope, i) => [scope, i]));

  const entityScopeStart = new Int32Array(entityCount + 1);
  const list: number[] = [];
  const allIndex = scopeIndex.get(ALL_SCOPE);
  keysOf.forEach((ownKeys, e) => {
    const start = list.length;
    if (allIndex !== undefined) list.push(allIndex);
    for (const key of ownKeys) {
      const index = scopeIndex.get(key);
      if (index !== undefined && list.indexOf(index, start) < 0) list.push(index);
    }
    entityScopeStart[e + 1] = list.length;
  });
  return {
    entityCount,
    ids: enterprises.map((enterprise) => enterprise.id),
    indexOf,
    activeFrom,
    activeTo,
    scopes,
    entityScopeStart,
    entityScopes: Int32Array.from(list),
  };
};
