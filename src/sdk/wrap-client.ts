import type { Fetch } from './create-metered-fetch.ts';

/**
 * What the official OpenAI and Anthropic clients share: a base URL and `withOptions`, which
 * copies the client with some options replaced.
 */
export interface ProviderClient {
  baseURL: string;
  withOptions(options: { fetch: Fetch }): unknown;
}

/**
 * A copy of the client whose requests go through a metered fetch wrapping the client's own
 * (a custom `fetch` the caller gave it is kept underneath); the caller's client is untouched.
 */
export function wrapClient<Client extends ProviderClient>(
  client: Client,
  meter: (fetch: Fetch, basePath: string) => Fetch,
): Client {
  // The clients keep their fetch in a TypeScript-private field; it is a plain property at runtime.
  const own = Reflect.get(client, 'fetch') as Fetch | undefined;
  const fetch = own ?? globalThis.fetch.bind(globalThis);
  return client.withOptions({ fetch: meter(fetch, new URL(client.baseURL).pathname) }) as Client;
}
