/**
 * The pages' calls in one place. useCall loads data (loading, the typed error of a refusal, a
 * retry) and keeps only the newest reply: a reply that arrives after a newer call was made, or
 * after the page went away, is dropped, so a slow answer never overwrites a fresh one. useBusy
 * guards an action (save, revoke, load more): while it runs, a second tap does nothing and
 * `busy` drives the button's loading state.
 */
import { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { ApiError, ApiResult } from '../../types/api';

export interface Call<T> {
  /** The newest reply's data; null until the first reply (and after a refusal on the first load). */
  data: T | null;
  /** The newest call's refusal, or null. */
  error: ApiError | null;
  /** A call is out. */
  loading: boolean;
  /** Calls again; resolves when the reply has been applied (or dropped as stale). */
  reload: () => Promise<void>;
  /** Changes the data in place (after a save that returns the new row, say). */
  setData: (next: T | null | ((current: T | null) => T | null)) => void;
}

export interface CallOptions {
  /** When the call runs by itself: on mount (default), each time the page shows, or never (manual). */
  when?: 'mount' | 'show' | 'manual';
  /** Keep the data of the last success while a refusal shows (default: false, data stays as it was). */
  clearOnError?: boolean;
}

export function useCall<T>(
  fetcher: () => Promise<ApiResult<T>>,
  deps: DependencyList,
  { when = 'mount', clearOnError = false }: CallOptions = {},
): Call<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(when !== 'manual');
  const latest = useRef(0);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names the fetcher's inputs
  const run = useCallback(fetcher, deps);

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    setLoading(true);
    setError(null);
    let res: ApiResult<T>;
    try {
      res = await run();
    } catch (thrown) {
      res = { ok: false, error: { code: 'INTERNAL', message: messageOf(thrown), retryable: true } };
    }
    if (!mounted.current || ticket !== latest.current) return;
    setLoading(false);
    if (res.ok) setData(res.data);
    else {
      setError(res.error);
      if (clearOnError) setData(null);
    }
  }, [run, clearOnError]);

  useEffect(() => {
    if (when === 'mount') void reload();
  }, [when, reload]);
  useDidShow(() => {
    if (when === 'show') void reload();
  });

  return { data, error, loading, reload, setData };
}

function messageOf(thrown: unknown): string {
  return thrown instanceof Error && thrown.message ? thrown.message : '网络不太稳定，请稍后重试';
}

export interface Busy {
  busy: boolean;
  /** Runs the action unless one is running already (then resolves undefined at once). */
  run: <R>(action: () => Promise<R>) => Promise<R | undefined>;
}

export function useBusy(): Busy {
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = useCallback(async <R>(action: () => Promise<R>): Promise<R | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(true);
    try {
      return await action();
    } finally {
      running.current = false;
      if (mounted.current) setBusy(false);
    }
  }, []);
  return { busy, run };
}
