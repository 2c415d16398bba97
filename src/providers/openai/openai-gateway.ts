import { readBearerToken } from '../shared/read-bearer-token.ts';
import type { ProviderGateway } from '../wire-protocol.ts';
import { matchOpenAiPath } from './match-openai-path.ts';
import { createOpenAiEmbeddingsEndpoint } from './openai-embeddings-endpoint.ts';

/**
 * The gateway side of OpenAI's API, and of every server that copies it: a Bearer key, and
 * chat completions, responses and embeddings metered. Compatible servers have no public
 * endpoint of their own (the config names one) and mount the API under varied prefixes.
 */
export function createOpenAiGateway(options: {
  defaultBaseUrl: string;
  anyPathPrefix: boolean;
}): ProviderGateway {
  return {
    defaultBaseUrl: options.defaultBaseUrl,
    credentialHeaders: ['authorization'],
    credentialFor: (key) => ({ authorization: `Bearer ${key}` }),
    readCallerCredential: (headers) => readBearerToken(headers),
    matchPath: (method, path) =>
      matchOpenAiPath(method, path, { anyPrefix: options.anyPathPrefix }),
    // Compatible servers' base URLs end before `/v1` (Groq's https://api.groq.com/openai).
    embeddings: createOpenAiEmbeddingsEndpoint('/v1/embeddings'),
  };
}

export const openAiGateway: ProviderGateway = createOpenAiGateway({
  defaultBaseUrl: 'https://api.openai.com',
  anyPathPrefix: false,
});
