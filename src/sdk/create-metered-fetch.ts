import { randomBytes, randomUUID } from 'node:crypto';
import { mergeTags } from '../domain/merge-tags.ts';
import { readHeaderTags } from '../domain/read-header-tags.ts';
import type { Tags } from '../domain/tags.ts';
import type { UsageEvent } from '../domain/usage-event.ts';
import type { ProviderAdapter } from '../providers/index.ts';
import {
  buildCallEvent,
  type MeteredCall,
  type MeteredCallEnd,
} from '../providers/metering/build-call-event.ts';
import { readAttempt } from '../providers/metering/read-attempt.ts';
import {
  readMeteredRequest,
  type MeteredRequest,
} from '../providers/metering/read-metered-request.ts';
import type { GatewayRoute } from '../providers/wire-protocol.ts';
import { meterStreamBody } from './meter-stream-body.ts';
import type { PromptMeasurer } from './prompt-meter.ts';

export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface MeteredFetchOptions {
  adapter: ProviderAdapter;
  /** The path of the client's base URL: endpoints are also matched relative to it. */
  basePath: string;
  tags: Tags;
  loadMeasurer: () => Promise<PromptMeasurer>;
  record: (event: UsageEvent) => void;
  report: (error: Error) => void;
  /** Holds work still to finish recording a call, so a flush can wait for it. */
  track: (work: Promise<unknown>) => void;
  fetch: Fetch;
}

type CallEnd = Omit<MeteredCallEnd, 'latencyMs' | 'estimateInputTokens'>;

interface PreparedCall {
  call: MeteredCall;
  metered: MeteredRequest;
  headers: Headers;
  route: GatewayRoute;
}

/**
 * A fetch for a provider client that meters each call the way the gateway does — the same
 * request reading, stream readers and event builder — and hands the event to the sender.
 * Metering never fails or holds up the call: a problem in it is reported and the call goes
 * on unmetered; the prompt is measured after the answer, off the caller's path.
 */
export function createMeteredFetch(options: MeteredFetchOptions): Fetch {
  return async function meteredFetch(input, init) {
    const started = performance.now();
    let prepared: PreparedCall | undefined;
    try {
      prepared = prepare(options, input, init);
    } catch (error) {
      options.report(new Error(`tokenops: a call went unmetered: ${String(error)}`));
    }
    if (!prepared) return options.fetch(input, init);
    const { call, metered, headers, route } = prepared;
    const record = (end: CallEnd): void => {
      const latencyMs = performance.now() - started;
      options.track(
        recordCall(options, call, metered, { ...end, latencyMs }).catch((error: unknown) =>
          options.report(new Error(`tokenops: could not record a call: ${String(error)}`)),
        ),
      );
    };
    const body = metered.body ? JSON.stringify(metered.body) : init?.body;
    let response: Response;
    try {
      response = await options.fetch(input, { ...init, headers, ...(body ? { body } : {}) });
    } catch (error) {
      const failure = init?.signal?.aborted ? 'client-gone' : 'upstream-unreachable';
      record({ reading: { outputCharacters: 0 }, failure });
      throw error;
    }
    const httpStatus = response.status;
    if (response.ok && response.body && (metered.facts.stream || route.streamByPath)) {
      const reader = route.protocol.createStreamReader({
        hideUsageFromCaller: metered.hideUsageFromCaller,
        contentType: response.headers.get('content-type') ?? '',
      });
      const meteredBody = meterStreamBody(response.body, reader, started, (end) => {
        const { cut, ...rest } = end;
        record({ httpStatus, ...rest, ...(cut ? { failure: cut } : {}) });
      });
      return new Response(meteredBody, {
        status: httpStatus,
        statusText: response.statusText,
        headers: response.headers,
      });
    }
    // The caller reads the body; a copy is read alongside it for the usage.
    options.track(
      response
        .clone()
        .text()
        .then(
          (text) => {
            const headerMap = Object.fromEntries(response.headers);
            const reading = route.protocol.readResponseUsage(parseJson(text), headerMap);
            record({ httpStatus, reading });
          },
          () => record({ httpStatus, reading: { outputCharacters: 0 }, failure: 'upstream-gone' }),
        ),
    );
    return response;
  };
}

/** Reads the call before it is sent; undefined when its endpoint is not one that is metered. */
function prepare(
  options: MeteredFetchOptions,
  input: string | URL | Request,
  init: RequestInit | undefined,
): PreparedCall | undefined {
  // The official clients pass a URL and an init with a string body; a Request is passed on as is.
  if (input instanceof Request) return undefined;
  const url = new URL(String(input));
  const route = matchRoute(options, init?.method ?? 'GET', url.pathname);
  if (!route) return undefined;
  const headers = new Headers(init?.headers);
  const tags = mergeTags(readHeaderTags(Object.fromEntries(headers)), options.tags);
  for (const name of [...headers.keys()]) {
    if (name.startsWith('x-tokenops-')) headers.delete(name);
  }
  const metered = readMeteredRequest(route, parseJson(init?.body), tags);
  const call: MeteredCall = {
    source: 'sdk',
    id: randomUUID(),
    requestId: `req_${randomUUID().replaceAll('-', '')}`,
    timestamp: Date.now(),
    provider: options.adapter.name,
    adapter: options.adapter,
    facts: metered.facts,
    tags: metered.tags,
    attempt: readAttempt(headers.get('x-stainless-retry-count')),
    spanId: randomBytes(8).toString('hex'),
  };
  return { call, metered, headers, route };
}

async function recordCall(
  options: MeteredFetchOptions,
  call: MeteredCall,
  metered: MeteredRequest,
  end: CallEnd & { latencyMs: number },
): Promise<void> {
  const measurer = await options.loadMeasurer();
  const prompt = measurer.measure(call.facts, metered.encoding);
  const event = buildCallEvent(prompt ? { ...call, prompt } : call, {
    ...end,
    estimateInputTokens: () => measurer.countTokens(call.facts.promptText()),
  });
  options.record(event);
}

/** The endpoint by the URL's path, else relative to the client's base path (custom prefixes). */
function matchRoute(
  options: MeteredFetchOptions,
  method: string,
  path: string,
): GatewayRoute | undefined {
  const { gateway } = options.adapter;
  const direct = gateway.matchPath(method, path);
  const base = options.basePath.replace(/\/+$/, '');
  if (direct || !base || !path.startsWith(`${base}/`)) return direct;
  const relative = path.slice(base.length);
  return gateway.matchPath(method, relative) ?? gateway.matchPath(method, `/v1${relative}`);
}

function parseJson(body: unknown): unknown {
  if (typeof body !== 'string' || body.length === 0) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    // Not JSON: the provider answers it; the event still records the call.
    return undefined;
  }
}
