import { StoreError } from '../domain/errors/index.ts';

/**
 * Calls a running `tokenops start` (the --server option). The API's own error body is
 * passed through as the message, so the fix it names reaches the user.
 */
export async function fetchApi<T>(
  server: string,
  path: string,
  token?: string,
  send?: { method: 'POST'; body: string | Uint8Array; contentType: string } | { method: 'DELETE' },
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${server}${path}`, {
      method: send?.method ?? 'GET',
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(send && 'contentType' in send ? { 'content-type': send.contentType } : {}),
      },
      ...(send && 'body' in send ? { body: send.body } : {}),
    });
  } catch {
    throw new StoreError(
      `cannot reach the tokenops server at ${server}`,
      'start it with tokenops start, or check the --server URL',
    );
  }
  const body = (await response.json().catch(() => null)) as
    (T & { error?: { message?: string; fix?: string } }) | null;
  if (!response.ok) {
    const error = body?.error;
    throw new StoreError(
      `the server answered ${response.status}: ${error?.message ?? response.statusText}`,
      error?.fix ?? 'check the server log',
    );
  }
  return body as T;
}
