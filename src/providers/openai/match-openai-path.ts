import { trimRequestPath } from '../shared/trim-request-path.ts';
import type { GatewayRoute, WireProtocol } from '../wire-protocol.ts';
import { openAiChatProtocol } from './openai-chat-protocol.ts';
import { openAiEmbeddingsProtocol } from './openai-embeddings-protocol.ts';
import { openAiResponsesProtocol } from './openai-responses-protocol.ts';

const PROTOCOL_BY_ENDPOINT = new Map<string, WireProtocol>([
  ['/chat/completions', openAiChatProtocol],
  ['/responses', openAiResponsesProtocol],
  ['/embeddings', openAiEmbeddingsProtocol],
]);

const ENDPOINT = /(\/chat\/completions|\/responses|\/embeddings)$/;

/**
 * The metered OpenAI endpoints: `POST /v1/chat/completions`, `/v1/responses`,
 * `/v1/embeddings`. With `anyPrefix`, the endpoint may follow any prefix: compatible servers
 * mount the same API under their own (`/openai/v1/…` on Groq and Azure, no `/v1` on
 * DeepSeek), and an unmatched path would pass through unmetered.
 */
export function matchOpenAiPath(
  method: string,
  path: string,
  options: { anyPrefix: boolean } = { anyPrefix: false },
): GatewayRoute | undefined {
  if (method.toUpperCase() !== 'POST') return undefined;
  const bare = trimRequestPath(path);
  const endpoint = options.anyPrefix
    ? ENDPOINT.exec(bare)?.[1]
    : bare.startsWith('/v1/')
      ? bare.slice(3)
      : undefined;
  const protocol = endpoint === undefined ? undefined : PROTOCOL_BY_ENDPOINT.get(endpoint);
  return protocol === undefined ? undefined : { protocol, streamByPath: false };
}
