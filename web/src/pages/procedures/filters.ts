import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  IMPLEMENTATION_LEVELS,
  ONLINE_LEVELS,
  PROCEDURE_STATUSES,
  type TImplementationLevel,
  type TOnlineLevel,
  type TProcedureFilter,
  type TProcedureStatus,
} from '../../api/procedures';

const FILTER_KEYS = ['q', 'field', 'level', 'onlineLevel', 'status', 'at'] as const;
export const PAGE_SIZES = [10, 20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 20;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const oneOf = <T extends string>(values: readonly T[], raw: string | null): T | undefined => values.find((value) => value === raw);

const positive = (raw: string | null, fallback: number) => {
  const value = Number(raw);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

/** The catalogue filters written in the URL; values the API would refuse are ignored. */
export const readProcedureFilter = (params: URLSearchParams): TProcedureFilter => {
  const q = params.get('q')?.trim().slice(0, 200);
  const field = params.get('field')?.trim().slice(0, 32);
  const at = params.get('at');
  const filter: TProcedureFilter = {
    q: q || undefined,
    field: field || undefined,
    level: oneOf<TImplementationLevel>(IMPLEMENTATION_LEVELS, params.get('level')),
    onlineLevel: oneOf<TOnlineLevel>(ONLINE_LEVELS, params.get('onlineLevel')),
    status: oneOf<TProcedureStatus>(PROCEDURE_STATUSES, params.get('status')),
    at: at && ISO_DATE.test(at) ? at : undefined,
  };
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)) as TProcedureFilter;
};

export type TProcedureListPatch = { filter?: TProcedureFilter; page?: number; pageSize?: number };

/** Filters and paging of the catalogue, kept in the URL so that a link reproduces the view; a filter change goes back to page 1. */
export const useProcedureSearchParams = () => {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const state = useMemo(() => {
    const current = new URLSearchParams(key);
    const pageSize = positive(current.get('pageSize'), DEFAULT_PAGE_SIZE);
    return {
      filter: readProcedureFilter(current),
      page: positive(current.get('page'), 1),
      pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
    };
  }, [key]);

  const update = useCallback(
    (patch: TProcedureListPatch) => {
      const filter = patch.filter ?? state.filter;
      const page = patch.filter ? 1 : (patch.page ?? state.page);
      const pageSize = patch.pageSize ?? state.pageSize;
      const next = new URLSearchParams();
      for (const name of FILTER_KEYS) {
        const value = filter[name];
        if (value !== undefined && value !== '') next.set(name, value);
      }
      if (page > 1) next.set('page', String(page));
      if (pageSize !== DEFAULT_PAGE_SIZE) next.set('pageSize', String(pageSize));
      setParams(next);
    },
    [setParams, state],
  );

  return { ...state, update };
};

export const hasProcedureFilter = (filter: TProcedureFilter): boolean => Object.values(filter).some((value) => value !== undefined && value !== '');
