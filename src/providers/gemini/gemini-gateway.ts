import { decodePathSegment } from '../shared/decode-path-segment.ts';
import { readHeader } from '../shared/read-header.ts';
import { trimRequestPath } from '../shared/trim-request-path.ts';
import type { ProviderGateway } from '../wire-protocol.ts';
import { geminiProtocol } from './gemini-protocol.ts';

const API_KEY_HEADER = 'x-goog-api-key';
const API_KEY_PARAMETER = 'key';

/** `/{version}/models/{model}:{method}`; the model is everything up to the last colon. */
const METERED_PATH =
  /^\/(?:v1|v1beta|v1alpha)\/models\/([^/]+):(generateContent|streamGenerateContent)$/;

/**
 * The Gemini API (AI Studio keys). The key travels in `x-goog-api-key` or the `key` query
 * parameter; the gateway strips both and sends the configured key as the header, which keeps
 * keys out of upstream URLs and logs.
 */
export const geminiGateway: ProviderGateway = {
  defaultBaseUrl: 'https://generativelanguage.googleapis.com',
  credentialHeaders: [API_KEY_HEADER],
  credentialQueryParameter: API_KEY_PARAMETER,
  credentialFor: (key) => ({ [API_KEY_HEADER]: key }),
  readCallerCredential(headers, query) {
    const parameter = query.get(API_KEY_PARAMETER)?.trim();
    return readHeader(headers, API_KEY_HEADER) ?? (parameter ? parameter : undefined);
  },
  matchPath(method, path) {
    if (method.toUpperCase() !== 'POST') return undefined;
    const match = METERED_PATH.exec(trimRequestPath(path));
    if (!match?.[1]) return undefined;
    return {
      protocol: geminiProtocol,
      pathModel: decodePathSegment(match[1]),
      streamByPath: match[2] === 'streamGenerateContent',
    };
  },
  pathWithModel(path, model) {
    const match = METERED_PATH.exec(trimRequestPath(path));
    if (!match?.[1]) return undefined;
    return path.replace(`/models/${match[1]}:`, `/models/${encodeURIComponent(model)}:`);
  },
};
