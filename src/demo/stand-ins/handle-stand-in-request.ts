import type { IncomingMessage, ServerResponse } from 'node:http';
import { isJsonObject, stringField, type JsonObject } from './json-fields.ts';
import { pause } from './pause.ts';
import { isGone } from './play-stream.ts';
import { readRequestBody } from './read-request-body.ts';
import { readStandInControl, type StandInControlDefaults } from './read-stand-in-control.ts';
import { recordRequest } from './record-request.ts';
import type { RecordedRequest } from './stand-in-options.ts';
import { standInError, type StandInErrorKind } from './stand-in-error.ts';
import type { StandInResponder } from './stand-in-responder.ts';
import { StandInRequestError } from './stand-in-request-error.ts';
import type { StandInScenario } from './stand-in-scenario.ts';
import type { StandInStorage } from './stand-in-storage.ts';

export interface StandInSettings extends StandInControlDefaults {
  readonly responder: StandInResponder;
  readonly latencyMs: number;
  readonly pieces: readonly string[];
  /** where requests are recorded; undefined when recording is off */
  readonly requests: RecordedRequest[] | undefined;
  readonly storage: StandInStorage;
}

const ERROR_SCENARIOS: Partial<Record<StandInScenario, StandInErrorKind>> = {
  'error-429': 'rate-limited',
  'error-500': 'server-error',
  'error-400': 'invalid-request',
};

const EMPTY_BODY: JsonObject = Object.freeze({});

/** Builds the server's request listener: record, route, read controls, then let the provider answer. */
export function createStandInRequestHandler(
  settings: StandInSettings,
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const { responder } = settings;
  let sequence = 0;
  return async function handleStandInRequest(request, response) {
    const receivedAt = Date.now();
    let text: string;
    try {
      text = await readRequestBody(request);
    } catch {
      return; // the client left mid-body; there is no one to answer
    }
    if (settings.requests) recordRequest(settings.requests, request, text);
    const method = request.method ?? 'GET';
    const url = request.url ?? '/';
    const queryStart = url.indexOf('?');
    const pathname = queryStart === -1 ? url : url.slice(0, queryStart);
    const handler = responder.route(method, pathname);
    if (handler === undefined) {
      responder.sendError(
        response,
        standInError('not-found', `No route for ${method} ${pathname}`),
      );
      return;
    }
    try {
      const multipart = request.headers['content-type']?.startsWith('multipart/form-data');
      const bodyless = method === 'GET' || method === 'HEAD' || multipart === true;
      const body = bodyless ? EMPTY_BODY : parseBody(text);
      const model = stringField(body, 'model') ?? modelInPath(pathname);
      const control = readStandInControl(request.headers, settings, model);
      await pause(settings.latencyMs);
      if (isGone(response)) return;
      const errorKind = ERROR_SCENARIOS[control.scenario];
      if (errorKind !== undefined) {
        const message = `Stand-in scenario ${control.scenario}`;
        responder.sendError(response, standInError(errorKind, message, control.retryAfterSeconds));
        return;
      }
      if (control.scenario === 'hang') return; // the server's close() cuts the connection
      const query = queryStart === -1 ? '' : url.slice(queryStart + 1);
      const { pieces } = settings;
      await handler({
        request,
        response,
        query,
        body,
        text,
        storage: settings.storage,
        control,
        pieces,
        sequence: ++sequence,
        receivedAt,
      });
    } catch (error) {
      if (response.headersSent) {
        response.destroy();
      } else if (error instanceof StandInRequestError) {
        responder.sendError(response, standInError(error.kind, error.message));
      } else {
        responder.sendError(response, standInError('server-error', String(error)));
      }
    }
  };
}

function parseBody(text: string): JsonObject {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new StandInRequestError('The request body is not valid JSON');
  }
  if (!isJsonObject(body)) throw new StandInRequestError('The request body must be a JSON object');
  return body;
}

/** Gemini's `/models/M:method` and Bedrock's `/model/M/operation` name the model in the path. */
function modelInPath(pathname: string): string | undefined {
  const segment = /\/models?\/([^/:]+)/.exec(pathname)?.[1];
  if (segment === undefined) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
