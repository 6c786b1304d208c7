import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  ENTERPRISE_STATUSES,
  OWNERSHIPS,
  SIZE_CLASSES,
  type TEnterpriseFilter,
  type TEnterpriseSort,
  type TEnterpriseStatus,
  type TOwnership,
  type TSizeClass,
  type TSortOrder,
} from '../../api/types';

/** URL parameters of the enterprise filters, shared by the list and the structure page. */
export const FILTER_KEYS = ['q', 'sizeClass', 'section', 'division', 'ownership', 'unit', 'formerDistrict', 'zone', 'status'] as const;
const SORTS: readonly TEnterpriseSort[] = ['relevance', 'name', 'taxCode', 'established', 'updated'];
export const PAGE_SIZES = [10, 20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 20;

const oneOf = <T extends string>(values: readonly T[], raw: string | null): T | undefined => values.find((value) => value === raw);

/** The filters written in the URL; values the API would refuse are ignored. */
export const readFilter = (params: URLSearchParams): TEnterpriseFilter => {
  const text = (name: string, max: number) => {
    const value = params.get(name)?.trim();
    return value ? value.slice(0, max) : undefined;
  };
  const section = params.get('section');
  const division = params.get('division');
  const zone = Number(params.get('zone'));
  const filter: TEnterpriseFilter = {
    q: text('q', 200),
    sizeClass: oneOf<TSizeClass>(SIZE_CLASSES, params.get('sizeClass')),
    section: section && /^[A-U]$/.test(section) ? section : undefined,
    division: division && /^\d{2}$/.test(division) ? division : undefined,
    ownership: oneOf<TOwnership>(OWNERSHIPS, params.get('ownership')),
    unit: text('unit', 32),
    formerDistrict: text('formerDistrict', 32),
    zone: Number.isInteger(zone) && zone > 0 ? zone : undefined,
    status: oneOf<TEnterpriseStatus>(ENTERPRISE_STATUSES, params.get('status')),
  };
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)) as TEnterpriseFilter;
};

export type TListState = { filter: TEnterpriseFilter; page: number; pageSize: number; sort?: TEnterpriseSort; order: TSortOrder };
export type TListPatch = { filter?: TEnterpriseFilter; page?: number; pageSize?: number; sort?: TEnterpriseSort | null; order?: TSortOrder };

const positive = (raw: string | null, fallback: number) => {
  const value = Number(raw);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

/**
 * The filters, paging and sort of the enterprise pages, kept in the URL so that a link reproduces
 * the view. A filter change goes back to the first page.
 */
export const useEnterpriseSearchParams = () => {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const state = useMemo<TListState>(() => {
    const current = new URLSearchParams(key);
    const pageSize = positive(current.get('pageSize'), DEFAULT_PAGE_SIZE);
    return {
      filter: readFilter(current),
      page: positive(current.get('page'), 1),
      pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
      sort: oneOf(SORTS, current.get('sort')),
      order: current.get('order') === 'desc' ? 'desc' : 'asc',
    };
  }, [key]);

  const update = useCallback(
    (patch: TListPatch) => {
      const filter = patch.filter ?? state.filter;
      const page = patch.filter ? 1 : (patch.page ?? state.page);
      const pageSize = patch.pageSize ?? state.pageSize;
      const sort = patch.sort === null ? undefined : (patch.sort ?? state.sort);
      const order = patch.order ?? state.order;
      const next = new URLSearchParams();
      for (const name of FILTER_KEYS) {
        const value = filter[name];
        if (value !== undefined && value !== '') next.set(name, String(value));
      }
      if (page > 1) next.set('page', String(page));
      if (pageSize !== DEFAULT_PAGE_SIZE) next.set('pageSize', String(pageSize));
      if (sort) next.set('sort', sort);
      if (sort && order === 'desc') next.set('order', 'desc');
      setParams(next);
    },
    [setParams, state],
  );

  return { ...state, update };
};

/** True when at least one filter (search included) is set. */
export const hasFilter = (filter: TEnterpriseFilter): boolean => Object.values(filter).some((value) => value !== undefined && value !== '');
