import type { UpstreamSignal } from './caller-abort.ts';
import type {
  HeaderMap,
  RequestFacts,
  UsageReading,
  WireProtocol,
} from '../providers/wire-protocol.ts';
import type { PromptMeasure } from '../providers/metering/measure-prompt.ts';
import { forwardUpstream, type ForwardFailure } from './forward-upstream.ts';
import type { GatewayContext } from './gateway-context.ts';
import { meteredCall, newRequestId, type CallAttempt, type CallOrigin } from './metered-call.ts';
import type { AttemptTarget, CallPlan } from './plan-call.ts';
import { spoolCallEvent } from './spool-call-event.ts';
import { upstreamHeaders } from './upstream-headers.ts';
import type { UpstreamResponse } from './send-upstream-request.ts';

export type Forwarded =
  { response: UpstreamResponse } | { failure: ForwardFailure; detail: string };

export interface FinalAttempt extends CallAttempt {
  target: AttemptTarget;
  started: number;
  /** The request id of the attempt this one replaced. */
  retryOf?: string;
  forwarded: Forwarded;
}

/** Bodies of error answers are small; more than this is not worth reading for an error kind. */
const ERROR_BODY_LIMIT = 64 * 1024;

/**
 * Sends the call to the plan's first target and, while an attempt fails in a way another
 * might not (429, 5xx, no answer in time, no connection) and fallbacks remain, to the next.
 * Each failed attempt is spooled as its own event; the last one is returned to be relayed.
 */
export async function forwardAttempts(options: {
  context: GatewayContext;
  plan: CallPlan;
  origin: CallOrigin;
  facts: RequestFacts;
  /** The prompt's measure, taken while the first attempt is on its way (see GatewayMeteredRequest). */
  prompt: () => PromptMeasure | undefined;
  method: string;
  search: URLSearchParams;
  headers: HeaderMap;
  signal: UpstreamSignal;
}): Promise<FinalAttempt> {
  const { context, plan, origin, facts } = options;
  let target = plan.first;
  let attempt: FinalAttempt | undefined;
  for (let index = 0; ; index += 1) {
    const first = index === 0;
    const started = first ? origin.started : performance.now();
    const forwarding = forwardUpstream({
      dispatcher: context.dispatcher,
      upstream: target.upstream,
      path: target.path,
      search: options.search,
      method: options.method,
      headers: upstreamHeaders(options.headers, target.upstream, true),
      body: target.body,
      timeoutMs: context.upstreamTimeoutMs,
      ...(plan.timeoutMs === undefined ? {} : { headersTimeoutMs: plan.timeoutMs }),
      signal: options.signal,
    });
    if (first) setImmediate(measureMeanwhile, options.prompt);
    const forwarded = await forwarding;
    const retryOf = attempt?.requestId;
    attempt = {
      upstream: target.upstream,
      requestId: first ? origin.requestId : newRequestId(),
      index,
      timestamp: first ? origin.timestamp : Date.now(),
      target,
      started,
      ...(retryOf === undefined ? {} : { retryOf }),
      forwarded,
    };
    const next =
      fallsBack(forwarded) && !options.signal.aborted ? plan.fallbacks.next() : undefined;
    if (!next || next.done === true) return attempt;
    const end =
      'failure' in forwarded
        ? { failure: forwarded.failure }
        : {
            httpStatus: forwarded.response.statusCode,
            reading: await readErrorAnswer(forwarded.response, target.route.protocol),
          };
    const call = meteredCall(origin, attempt, attemptFacts(facts, target), {
      tags: plan.tags,
      prompt: options.prompt(),
      ...(facts.model === undefined ? {} : { requestedModel: facts.model }),
    });
    await spoolCallEvent(context, call, end, started, retryOf === undefined ? {} : { retryOf });
    target = next.value;
  }
}

/**
 * Counts the prompt while the provider works on the call: undici writes the request in the
 * event loop's next turn, and a new 8 KB system prompt takes ~1.3 ms to count here, which
 * would otherwise come before the request leaves. A failure is not lost: the measure is
 * taken again, in the call's own flow, when its event is built.
 */
function measureMeanwhile(prompt: () => PromptMeasure | undefined): void {
  try {
    prompt();
  } catch {
    return;
  }
}

/** The facts an attempt's event is built from: the caller's, with the model it was sent to. */
export function attemptFacts(facts: RequestFacts, target: AttemptTarget): RequestFacts {
  return target.model === facts.model ? facts : { ...facts, model: target.model };
}

function fallsBack(forwarded: Forwarded): boolean {
  if ('failure' in forwarded) return forwarded.failure !== 'client-gone';
  const status = forwarded.response.statusCode;
  return status === 429 || status >= 500;
}

/** Reads a failed attempt's error body for its kind (`overloaded`, `rate_limit`…). */
async function readErrorAnswer(
  response: UpstreamResponse,
  protocol: WireProtocol,
): Promise<UsageReading> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body) {
      size += chunk.length;
      if (size <= ERROR_BODY_LIMIT) chunks.push(chunk);
    }
    return protocol.readResponseUsage(
      JSON.parse(Buffer.concat(chunks).toString('utf8')),
      response.headers,
    );
  } catch {
    // Not JSON, or cut: the status alone says what happened.
    return { outputCharacters: 0 };
  }
}
