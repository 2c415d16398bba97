import { sendJson } from '../send-json.ts';
import { standInErrorHeaders, type StandInErrorKind } from '../stand-in-error.ts';
import type { StandInResponder } from '../stand-in-responder.ts';
import { routeAnthropicBatches } from './anthropic-batches-responder.ts';
import { respondAnthropicMessages } from './anthropic-messages-responder.ts';
import { ANTHROPIC_DEFAULT_USAGE, ANTHROPIC_USAGE_FIELDS } from './anthropic-stand-in-usage.ts';

const ERROR_TYPES: Readonly<Record<StandInErrorKind, string>> = {
  'rate-limited': 'rate_limit_error',
  'server-error': 'api_error',
  'invalid-request': 'invalid_request_error',
  'not-found': 'not_found_error',
};

export const anthropicStandIn: StandInResponder = {
  usageFields: ANTHROPIC_USAGE_FIELDS,
  defaultUsage: ANTHROPIC_DEFAULT_USAGE,
  route: (method, pathname) =>
    method === 'POST' && pathname === '/v1/messages'
      ? respondAnthropicMessages
      : routeAnthropicBatches(method, pathname),
  sendError(response, error) {
    const body = {
      type: 'error',
      error: { type: ERROR_TYPES[error.kind], message: error.message },
    };
    sendJson(response, error.status, body, standInErrorHeaders(error));
  },
};
