import { decodePathSegment } from '../shared/decode-path-segment.ts';
import { readBearerToken } from '../shared/read-bearer-token.ts';
import { trimRequestPath } from '../shared/trim-request-path.ts';
import type { ProviderGateway, WireProtocol } from '../wire-protocol.ts';
import { bedrockConverseProtocol } from './bedrock-converse-protocol.ts';
import { bedrockInvokeProtocol } from './bedrock-invoke-protocol.ts';

/** `/model/{modelId}/{operation}`; an ARN model id arrives with its slashes as `%2F`. */
const METERED_PATH =
  /^\/model\/([^/]+)\/(converse|converse-stream|invoke|invoke-with-response-stream)$/;

const OPERATIONS: Readonly<Record<string, { protocol: WireProtocol; streamByPath: boolean }>> = {
  converse: { protocol: bedrockConverseProtocol, streamByPath: false },
  'converse-stream': { protocol: bedrockConverseProtocol, streamByPath: true },
  invoke: { protocol: bedrockInvokeProtocol, streamByPath: false },
  'invoke-with-response-stream': { protocol: bedrockInvokeProtocol, streamByPath: true },
};

/**
 * The Bedrock runtime, authenticated with Bedrock API keys (`Authorization: Bearer …`).
 * SigV4 cannot be proxied: its signature covers the Host header (the gateway's, not AWS's) and
 * re-signing would need the caller's secret key, so only bearer keys are read and sent. The
 * default endpoint is us-east-1; set the provider's baseUrl for another region.
 */
export const bedrockGateway: ProviderGateway = {
  defaultBaseUrl: 'https://bedrock-runtime.us-east-1.amazonaws.com',
  credentialHeaders: ['authorization'],
  credentialFor: (key) => ({ authorization: `Bearer ${key}` }),
  readCallerCredential: (headers) => readBearerToken(headers),
  matchPath(method, path) {
    if (method.toUpperCase() !== 'POST') return undefined;
    const match = METERED_PATH.exec(trimRequestPath(path));
    const operation = match?.[2] === undefined ? undefined : OPERATIONS[match[2]];
    if (!match?.[1] || !operation) return undefined;
    return { ...operation, pathModel: decodePathSegment(match[1]) };
  },
  pathWithModel(path, model) {
    // Converse only: an invoke body is written for one model family and would not fit another.
    const match = METERED_PATH.exec(trimRequestPath(path));
    if (!match?.[1] || !match[2]?.startsWith('converse')) return undefined;
    return path.replace(`/model/${match[1]}/`, `/model/${encodeURIComponent(model)}/`);
  },
};
