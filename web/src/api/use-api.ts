import { useEffect, useState } from 'react';
import { ApiError, getApi } from './api-client.ts';

export type ApiState<T> =
  { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; data: T };

type Query = Record<string, string | readonly string[] | undefined>;

/** Fetches one API answer, again whenever the path or the query's values change. */
export function useApi<T>(path: string, query: Query): ApiState<T> {
  // A query object is made anew each render; its text says when it really changed.
  const key = JSON.stringify([path, query]);
  const [answer, setAnswer] = useState<{ key: string; state: ApiState<T> } | undefined>();
  useEffect(() => {
    const [keyPath, keyQuery] = JSON.parse(key) as [string, Query];
    const controller = new AbortController();
    getApi<T>(keyPath, keyQuery, controller.signal).then(
      (data) => setAnswer({ key, state: { status: 'ready', data } }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const shown =
          error instanceof ApiError ? error : new ApiError(String(error), 'reload the page', 0);
        setAnswer({ key, state: { status: 'error', error: shown } });
      },
    );
    return () => controller.abort();
  }, [key]);
  // An answer to an earlier query is not shown while the new one loads.
  return answer?.key === key ? answer.state : { status: 'loading' };
}

/** Several API answers fetched together (one per week, say): ready when all are. */
export function useApiAll<T>(requests: readonly { path: string; query: Query }[]): ApiState<T[]> {
  const key = JSON.stringify(requests);
  const [answer, setAnswer] = useState<{ key: string; state: ApiState<T[]> } | undefined>();
  useEffect(() => {
    const parsed = JSON.parse(key) as { path: string; query: Query }[];
    const controller = new AbortController();
    Promise.all(parsed.map((one) => getApi<T>(one.path, one.query, controller.signal))).then(
      (data) => setAnswer({ key, state: { status: 'ready', data } }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const shown =
          error instanceof ApiError ? error : new ApiError(String(error), 'reload the page', 0);
        setAnswer({ key, state: { status: 'error', error: shown } });
      },
    );
    return () => controller.abort();
  }, [key]);
  return answer?.key === key ? answer.state : { status: 'loading' };
}
