import { readBearerToken } from '../shared/read-bearer-token.ts';
import type { ProviderGateway } from '../wire-protocol.ts';
import { matchOpenAiPath } from './match-openai-path.ts';

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
  };
}

export const openAiGateway: ProviderGateway = createOpenAiGateway({
  defaultBaseUrl: 'https://api.openai.com',
  anyPathPrefix: false,
});
