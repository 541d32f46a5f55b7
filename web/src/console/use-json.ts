import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from './api.ts';
import { getJson } from './api.ts';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** Fetches the same URL again, e.g. after a change made on this page. */
  reload(): void;
}

/** GET a JSON resource of the API, again whenever the URL changes; null fetches nothing. */
export function useJson<T>(url: string | null): Loaded<T> {
  const [state, setState] = useState<{ url: string | null; data?: T; error?: ApiError; loading: boolean }>({ url, loading: Boolean(url) });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!url) return;
    let current = true;
    setState((s) => ({ ...s, url, loading: true }));
    getJson<T>(url).then(
      (data) => current && setState({ url, data, loading: false }),
      (error: ApiError) => current && setState({ url, error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [url, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
