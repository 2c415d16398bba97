import type { ApiErrorBody } from './api-types.ts';

const TOKEN_KEY = 'tokenops.adminToken';

/** An API answer that was not 2xx, or no answer at all: the message and the fix to show. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly fix: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** The admin token lives for the browser tab only: closing it forgets the token. */
export function readToken(): string {
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function saveToken(token: string): void {
  if (token === '') sessionStorage.removeItem(TOKEN_KEY);
  else sessionStorage.setItem(TOKEN_KEY, token);
}

/** GET /api/v1/PATH with the query; repeated keys (where) come from array values. */
export async function getApi<T>(
  path: string,
  query: Record<string, string | readonly string[] | undefined>,
  signal?: AbortSignal,
): Promise<T> {
  const url = new URL(`/api/v1/${path}`, window.location.origin);
  for (const [name, value] of Object.entries(query)) {
    for (const one of typeof value === 'string' ? [value] : (value ?? [])) {
      if (one !== '') url.searchParams.append(name, one);
    }
  }
  const token = readToken();
  let response: Response;
  try {
    response = await fetch(url, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('the server did not answer', 'check that tokenops start is running', 0);
  }
  if (response.ok) return (await response.json()) as T;
  const body = (await response.json().catch(() => undefined)) as ApiErrorBody | undefined;
  throw new ApiError(
    body?.error.message ?? `the server answered ${response.status}`,
    body?.error.fix ?? 'see the server log',
    response.status,
  );
}
