import { readBearerToken } from '../shared/read-bearer-token.ts';
import { readHeader } from '../shared/read-header.ts';
import { trimRequestPath } from '../shared/trim-request-path.ts';
import type { ProviderGateway } from '../wire-protocol.ts';
import { anthropicMessagesProtocol } from './anthropic-messages-protocol.ts';

/**
 * Anthropic's API takes its key in `x-api-key`; OAuth tokens come as a Bearer. Only
 * `POST /v1/messages` is metered: count_tokens and batches cost nothing per call or are
 * billed through their results.
 */
export const anthropicGateway: ProviderGateway = {
  defaultBaseUrl: 'https://api.anthropic.com',
  credentialHeaders: ['x-api-key', 'authorization'],
  credentialFor: (key) => ({ 'x-api-key': key }),
  readCallerCredential: (headers) => readHeader(headers, 'x-api-key') ?? readBearerToken(headers),
  matchPath: (method, path) =>
    method.toUpperCase() === 'POST' && trimRequestPath(path) === '/v1/messages'
      ? { protocol: anthropicMessagesProtocol, streamByPath: false }
      : undefined,
};
