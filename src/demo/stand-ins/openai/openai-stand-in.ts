import type { ServerResponse } from 'node:http';
import { sendJson } from '../send-json.ts';
import {
  standInErrorHeaders,
  type StandInError,
  type StandInErrorKind,
} from '../stand-in-error.ts';
import type { StandInHandler, StandInResponder } from '../stand-in-responder.ts';
import { routeOpenAiBatch } from './openai-batch-routes.ts';
import { respondOpenAiChat } from './openai-chat-responder.ts';
import { respondOpenAiEmbeddings } from './openai-embeddings-responder.ts';
import { respondOpenAiModels } from './openai-models-responder.ts';
import { respondOpenAiResponses } from './openai-responses-responder.ts';
import { OPENAI_DEFAULT_USAGE, OPENAI_USAGE_FIELDS } from './openai-stand-in-usage.ts';

const ROUTES: Readonly<Record<string, StandInHandler>> = {
  'POST /v1/chat/completions': respondOpenAiChat,
  'POST /v1/responses': respondOpenAiResponses,
  'POST /v1/embeddings': respondOpenAiEmbeddings,
  'GET /v1/models': respondOpenAiModels,
};

const ERROR_TYPES: Readonly<Record<StandInErrorKind, string>> = {
  'rate-limited': 'rate_limit_exceeded',
  'server-error': 'server_error',
  'invalid-request': 'invalid_request_error',
  'not-found': 'invalid_request_error',
};

const ERROR_CODES: Readonly<Record<StandInErrorKind, string | null>> = {
  'rate-limited': 'rate_limit_exceeded',
  'server-error': null,
  'invalid-request': null,
  'not-found': 'unknown_url',
};

export const openAiStandIn: StandInResponder = {
  usageFields: OPENAI_USAGE_FIELDS,
  defaultUsage: OPENAI_DEFAULT_USAGE,
  route: (method, pathname) =>
    ROUTES[`${method} ${pathname}`] ?? routeOpenAiBatch(method, pathname),
  sendError(response: ServerResponse, error: StandInError) {
    const type = ERROR_TYPES[error.kind];
    const body = {
      error: { message: error.message, type, param: null, code: ERROR_CODES[error.kind] },
    };
    sendJson(response, error.status, body, standInErrorHeaders(error));
  },
};
