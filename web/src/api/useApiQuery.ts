import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { ApiError } from './client';

export type TQueryState<T> = { data: T | undefined; error: ApiError | null; loading: boolean; reload: () => void };

const asApiError = (error: unknown): ApiError =>
  error instanceof ApiError ? error : new ApiError(0, 'CLIENT_ERROR', error instanceof Error ? error.message : String(error));

/**
 * Loads data with `load` whenever `key` changes (or reload() is called); aborts the previous request.
 * `key` must identify the parameters used by `load` (e.g. JSON of the query). Nothing is loaded
 * while `enabled` is false.
 */
export const useApiQuery = <T>(key: string, load: (signal: AbortSignal) => Promise<T>, enabled = true): TQueryState<T> => {
  const loadRef = useRef(load);
  useLayoutEffect(() => {
    loadRef.current = load;
  });
  const [state, setState] = useState<{ data: T | undefined; error: ApiError | null; loading: boolean }>({
    data: undefined,
    error: null,
    loading: enabled,
  });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!enabled) {
      setState((previous) => (previous.loading ? { ...previous, loading: false } : previous));
      return undefined;
    }
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, error: null, loading: false });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState((previous) => ({ data: previous.data, error: asApiError(error), loading: false }));
      },
    );
    return () => controller.abort();
  }, [key, generation, enabled]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { ...state, reload };
};
