import { matchOpenAiPath } from '../openai/match-openai-path.ts';
import { openAiChatProtocol } from '../openai/openai-chat-protocol.ts';
import { openAiEmbeddingsProtocol } from '../openai/openai-embeddings-protocol.ts';
import { createOpenAiEmbeddingsEndpoint } from '../openai/openai-embeddings-endpoint.ts';
import { createOpenAiCompatibleAdapter } from '../openai-compatible/create-openai-compatible-adapter.ts';
import type { ProviderAdapter } from '../provider-adapter.ts';
import { decodePathSegment } from '../shared/decode-path-segment.ts';
import { readBearerToken } from '../shared/read-bearer-token.ts';
import { readHeader } from '../shared/read-header.ts';
import { trimRequestPath } from '../shared/trim-request-path.ts';
import type { GatewayRoute, ProviderGateway } from '../wire-protocol.ts';

/** The classic data-plane path: the deployment, not the body, names what runs. */
const DEPLOYMENT_PATH = /^\/openai\/deployments\/([^/]+)\/(chat\/completions|embeddings)$/;

/**
 * Azure OpenAI takes its key in `api-key` (or a Microsoft Entra token as a Bearer). Besides
 * the OpenAI paths under `/openai/v1/…`, it serves `/openai/deployments/{deployment}/…`,
 * where the deployment name is the only model the request names.
 */
const azureGateway: ProviderGateway = {
  defaultBaseUrl: '',
  credentialHeaders: ['api-key', 'authorization'],
  credentialFor: (key) => ({ 'api-key': key }),
  readCallerCredential: (headers) => readHeader(headers, 'api-key') ?? readBearerToken(headers),
  matchPath: (method, path) =>
    matchDeploymentPath(method, path) ?? matchOpenAiPath(method, path, { anyPrefix: true }),
  // The v1 API, where the body's model names the deployment.
  embeddings: createOpenAiEmbeddingsEndpoint('/openai/v1/embeddings'),
};

function matchDeploymentPath(method: string, path: string): GatewayRoute | undefined {
  if (method.toUpperCase() !== 'POST') return undefined;
  const match = DEPLOYMENT_PATH.exec(trimRequestPath(path));
  if (match === null) return undefined;
  const [, deployment = '', endpoint] = match;
  return {
    protocol: endpoint === 'embeddings' ? openAiEmbeddingsProtocol : openAiChatProtocol,
    pathModel: decodePathSegment(deployment),
    streamByPath: false,
  };
}

/**
 * Azure OpenAI returns OpenAI's usage object unchanged, so it is the OpenAI-compatible base
 * with Azure's own catalog prices (which can differ from OpenAI's by a fraction of a cent).
 * Global Batch deployments are half price; deployment names map to base models through the
 * `modelAliases` price override.
 */
export const azureAdapter: ProviderAdapter = {
  ...createOpenAiCompatibleAdapter('azure', 'azure'),
  gateway: azureGateway,
};
