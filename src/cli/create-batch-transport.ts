import { request } from 'undici';
import { UpstreamError } from '../domain/errors/index.ts';
import type { BatchTransport } from '../providers/batch-api.ts';

/**
 * The network side of a provider's batch API: each call goes to `baseUrl` + its path with the
 * configured key. A connection failure is one actionable error, not a stack.
 */
export function createBatchTransport(
  provider: string,
  baseUrl: string,
  credential: Readonly<Record<string, string>>,
): BatchTransport {
  const base = baseUrl.replace(/\/+$/, '');
  return async function sendBatchCall(call) {
    try {
      const response = await request(`${base}${call.path}`, {
        method: call.method,
        headers: { ...call.headers, ...credential },
        ...(call.body === undefined ? {} : { body: call.body }),
      });
      return { status: response.statusCode, text: await response.body.text() };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new UpstreamError(
        `could not reach ${provider} at ${base}: ${reason}`,
        `check providers.${provider}.baseUrl in tokenops.yaml and the network`,
      );
    }
  };
}
