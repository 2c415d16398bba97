import type { Tags } from '../domain/tags.ts';
import type { RouteStep } from '../optimize/index.ts';
import type { GatewayRoute, JsonBody } from '../providers/wire-protocol.ts';
import type { UpstreamMatch } from './find-upstream.ts';
import type { GatewayContext } from './gateway-context.ts';
import type { GatewayUpstream } from './gateway-upstream.ts';
import type { GatewayMeteredRequest } from './prepare-metered-request.ts';
import { shapeRequestBody, type ShapedBody } from './shape-request-body.ts';

/** Where one attempt goes, with the exact bytes to send. */
export interface AttemptTarget {
  upstream: GatewayUpstream;
  route: GatewayRoute;
  path: string;
  /** The model asked of this upstream. */
  model?: string;
  body: Buffer;
  hideUsageFromCaller: boolean;
  /** The body as the call is meant (before usage is asked of a stream): the cache key's. */
  keyBody: JsonBody | undefined;
}

export interface CallPlan {
  /** The caller's tags, plus `experiment` and `variant` when a split picked one. */
  tags: Tags;
  shaped: ShapedBody;
  first: AttemptTarget;
  /** The routing rule's fallbacks, each built only when the attempt before it failed. */
  fallbacks: Iterator<AttemptTarget>;
  /** Headers timeout of each attempt, from the routing rule. */
  timeoutMs?: number;
}

/**
 * Context ceiling and output cap, then the routing rule: the first attempt's target and its
 * fallbacks. Without a rule (or for a body that is not JSON) the call goes where it was sent,
 * and when nothing changed the caller's bytes are forwarded untouched.
 */
export function planCall(
  context: GatewayContext,
  match: UpstreamMatch,
  route: GatewayRoute,
  metered: GatewayMeteredRequest,
  bytes: Buffer,
  method: string,
): CallPlan {
  const parsed = metered.json;
  const shaped = parsed ? shapeRequestBody(context, route, metered, parsed) : {};
  const original = { upstream: match.upstream, route, path: match.path };
  const build = (step: RouteStep | undefined) =>
    buildAttempt(context, original, step, metered, shaped, bytes, method);
  const unrouted = (): CallPlan => ({
    tags: metered.tags,
    shaped,
    // The call as it was sent always has a target: its own upstream, path and model.
    first: build(undefined) as AttemptTarget,
    fallbacks: [][Symbol.iterator](),
  });
  const optimizer = context.optimizer;
  if (!parsed || !optimizer) return unrouted();
  const { model } = metered.facts;
  const plan = optimizer.planRoute({
    tags: metered.tags,
    provider: match.upstream.name,
    ...(model === undefined ? {} : { model }),
  });
  const first = plan?.steps[0] && build(plan.steps[0]);
  if (!plan || first === undefined) return unrouted();
  if (typeof first === 'string') {
    optimizer.warnOnce(`${plan.rule}:0`, `gateway: routing rule ${plan.rule} skipped: ${first}`);
    return unrouted();
  }
  function* fallbacks(steps: readonly RouteStep[], rule: string): Generator<AttemptTarget> {
    for (const [index, step] of steps.entries()) {
      const target = build(step);
      if (typeof target !== 'string') yield target;
      else
        optimizer?.warnOnce(
          `${rule}:${index + 1}`,
          `gateway: routing rule ${rule} fallback ${index + 1} skipped: ${target}`,
        );
    }
  }
  const { experiment } = plan;
  const extra = experiment && { experiment: experiment.name, variant: experiment.variant };
  return {
    tags: extra ? { ...metered.tags, extra: { ...metered.tags.extra, ...extra } } : metered.tags,
    shaped,
    first,
    fallbacks: fallbacks(plan.steps.slice(1), plan.rule),
    ...(plan.timeoutMs === undefined ? {} : { timeoutMs: plan.timeoutMs }),
  };
}

/** The attempt at `step` (undefined: as the caller sent it), or why it cannot be made. */
function buildAttempt(
  context: GatewayContext,
  original: { upstream: GatewayUpstream; route: GatewayRoute; path: string },
  step: RouteStep | undefined,
  metered: GatewayMeteredRequest,
  shaped: ShapedBody,
  bytes: Buffer,
  method: string,
): AttemptTarget | string {
  const upstream = step ? context.upstreams.get(step.provider) : original.upstream;
  if (!upstream) return `provider ${step?.provider} is not configured`;
  const asked = metered.facts.model;
  const model = step?.model ?? asked;
  let body = shaped.body ?? metered.json;
  let path = original.path;
  let bodyChanged = shaped.body !== undefined;
  if (model !== undefined && model !== asked) {
    const withModel = original.route.protocol.editor?.withModel;
    if (withModel && body) {
      body = withModel(body, model);
      bodyChanged = true;
    } else {
      const moved = upstream.gateway.pathWithModel?.(path, model);
      if (moved === undefined)
        return `${original.route.protocol.name} calls cannot be sent to another model`;
      path = moved;
    }
  }
  const same = upstream === original.upstream && path === original.path;
  const route = same ? original.route : upstream.gateway.matchPath(method, path);
  if (route?.protocol.name !== original.route.protocol.name) {
    return `${upstream.name} does not take ${original.route.protocol.name} calls at ${path}`;
  }
  if (upstream !== original.upstream && !upstream.apiKey) {
    return `${upstream.name} has no apiKeyEnv, and the caller's key is not for it`;
  }
  const target = { upstream, route, path, ...(model === undefined ? {} : { model }) };
  if (!bodyChanged || !body) {
    return {
      ...target,
      body: metered.body ?? bytes,
      hideUsageFromCaller: metered.hideUsageFromCaller,
      keyBody: metered.json,
    };
  }
  const usage = metered.facts.stream ? route.protocol.requestStreamUsage?.(body) : undefined;
  return {
    ...target,
    body: Buffer.from(JSON.stringify(usage?.body ?? body)),
    hideUsageFromCaller: usage?.hideUsageFromCaller ?? false,
    keyBody: body,
  };
}
