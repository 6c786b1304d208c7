import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { TIipComparison, TValueComparison } from '../../api/indicators';
import { PERIOD_PATTERN } from './periods';

/** Comparisons offered by the page (the IIP table follows each; the value tables all but BASE_LINKED). */
export const COMPARISONS: readonly TIipComparison[] = ['YOY', 'MOM', 'YTD', 'QOY', 'BASE_LINKED'];
const DEFAULT_COMPARISON: TIipComparison = 'YOY';
/** An IIP tree node that can be opened: TOTAL, a section letter, a 2-digit division or a 4-digit class. */
const NODE_PATTERN = /^(TOTAL|[A-Z]|\d{2}|\d{4})$/;

export type TIndicatorState = {
  /** The month in the URL; undefined = the latest month with figures. */
  period: string | undefined;
  comparison: TIipComparison;
  /** The IIP node whose components are listed. */
  node: string;
};
export type TIndicatorPatch = { period?: string; comparison?: TIipComparison; node?: string };

/** The comparison of the value tables and breakdowns: the same as the page's, YOY for the base-year index. */
export const valueComparisonOf = (comparison: TIipComparison): TValueComparison =>
  comparison === 'BASE' || comparison === 'BASE_LINKED' ? 'YOY' : comparison;

const toSearch = (state: TIndicatorState): string => {
  const next = new URLSearchParams();
  if (state.period) next.set('period', state.period);
  if (state.comparison !== DEFAULT_COMPARISON) next.set('comparison', state.comparison);
  if (state.node !== 'TOTAL') next.set('node', state.node);
  return next.toString();
};

/**
 * The month, comparison and opened IIP node, kept in the URL (?period=YYYY-MM&comparison=…&node=…)
 * so that a link reproduces the view. Values the API would refuse are ignored.
 */
export const useIndicatorParams = () => {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const state = useMemo<TIndicatorState>(() => {
    const current = new URLSearchParams(key);
    const period = current.get('period') ?? '';
    const comparison = current.get('comparison');
    const node = current.get('node') ?? '';
    return {
      period: PERIOD_PATTERN.test(period) ? period : undefined,
      comparison: COMPARISONS.find((value) => value === comparison) ?? DEFAULT_COMPARISON,
      node: NODE_PATTERN.test(node) ? node : 'TOTAL',
    };
  }, [key]);

  /** The search string (with "?") of the view after `patch`, for links. */
  const searchFor = useCallback((patch: TIndicatorPatch) => `?${toSearch({ ...state, ...patch })}`, [state]);
  const update = useCallback((patch: TIndicatorPatch) => setParams(new URLSearchParams(toSearch({ ...state, ...patch }))), [setParams, state]);

  return { ...state, update, searchFor };
};
