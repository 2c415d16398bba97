import { UpstreamError } from '../../domain/errors/index.ts';
import type { BatchHttpResponse } from '../batch-api.ts';

/** Long enough for any provider's explanation, short enough for one CLI line. */
const MESSAGE_LIMIT = 300;

/**
 * The JSON of a 2xx batch-API answer; anything else becomes an UpstreamError carrying the
 * provider's own message (read by `readMessage`, which knows the provider's error shape) and
 * a fix for the status.
 */
export function readBatchReply(
  provider: string,
  what: string,
  response: BatchHttpResponse,
  readMessage: (body: unknown) => string | undefined,
): unknown {
  const body = parseJson(response.text);
  if (response.status >= 200 && response.status < 300) {
    if (body === undefined) {
      throw new UpstreamError(
        `${provider} answered ${what} with a body that is not JSON`,
        `check that providers.${provider}.baseUrl points at the provider's API`,
      );
    }
    return body;
  }
  const message = readMessage(body) ?? response.text.trim();
  const said = message === '' ? '' : `: ${message.slice(0, MESSAGE_LIMIT)}`;
  throw new UpstreamError(
    `${provider} answered ${response.status} to ${what}${said}`,
    fixFor(provider, response.status),
  );
}

function fixFor(provider: string, status: number): string {
  if (status === 401 || status === 403) {
    return `check the key in the variable providers.${provider}.apiKeyEnv names in tokenops.yaml`;
  }
  if (status === 404) return 'check the batch id; tokenops batch list shows the batches sent';
  if (status === 429 || status >= 500) return 'try again in a while';
  return "correct what the provider's message names, then try again";
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
