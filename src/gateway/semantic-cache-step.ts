import type { UsageEvent } from '../domain/usage-event.ts';
import { asksCacheBypass, semanticPartitionKey, type CachedResponse } from '../optimize/index.ts';
import type { HeaderMap } from '../providers/wire-protocol.ts';
import { cachedResponseOf, type CapturedAnswer } from './cached-response-of.ts';
import { embedThroughGateway } from './embed-through-gateway.ts';
import type { CacheDecision } from './exact-cache-step.ts';
import type { GatewayContext } from './gateway-context.ts';
import type { CallOrigin } from './metered-call.ts';
import type { CallPlan } from './plan-call.ts';
import type { GatewayMeteredRequest } from './prepare-metered-request.ts';

/** What the semantic cache does with one call: nothing, a bypass, or a lookup by meaning. */
export type SemanticDecision =
  | { outcome: 'bypass' }
  | { outcome: 'lookup'; partition: string; text: string; threshold: number }
  | undefined;

/** A lookup's result: the near answer, or the call's vector to keep its own answer under. */
export type SemanticLookup = { hit: CachedResponse } | { vector: Float32Array } | undefined;

/**
 * Whether the call is in a semantic scope and its conversation can be read as text; if so its
 * partition (everything but the words: provider, path, stream, the six tags, the scope, the
 * body's other fields) and the words to embed. Cheap checks first: out of scope costs one scan.
 */
export function decideSemanticCache(
  context: GatewayContext,
  plan: CallPlan,
  metered: GatewayMeteredRequest,
  headers: HeaderMap,
): SemanticDecision {
  const semantic = context.optimizer?.semantic;
  const body = plan.first.keyBody;
  if (!semantic || body === undefined) return undefined;
  const scope = semantic.scope(plan.tags, metered.facts.model);
  const split = scope && plan.first.route.protocol.editor?.splitConversation?.(body);
  if (!scope || !split) return undefined;
  const control = headers['cache-control'];
  if (asksCacheBypass(Array.isArray(control) ? control.join(',') : control)) {
    return { outcome: 'bypass' };
  }
  const partition = semanticPartitionKey({
    provider: plan.first.upstream.name,
    path: plan.first.path,
    stream: metered.facts.stream,
    tags: plan.tags,
    scope: scope.index,
    rest: split.rest,
  });
  return { outcome: 'lookup', partition, text: split.text, threshold: scope.threshold };
}

/** Embeds the conversation (through the gateway) and finds the nearest answer in its partition. */
export async function lookupSemanticCache(
  context: GatewayContext,
  decision: { partition: string; text: string; threshold: number },
  plan: CallPlan,
  origin: CallOrigin,
  headers: HeaderMap,
): Promise<SemanticLookup> {
  const semantic = context.optimizer?.semantic;
  if (!semantic) return undefined;
  const vector = await embedThroughGateway(context, {
    text: decision.text,
    tags: plan.tags,
    origin,
    callerHeaders: headers,
    callUpstream: plan.first.upstream,
  });
  if (!vector) return undefined;
  const near = semantic.index.nearest(decision.partition, vector, decision.threshold);
  return near ? { hit: near.entry } : { vector };
}

/** Keeps a complete 2xx answer under the vector of the conversation that asked for it. */
export function writeSemanticCache(
  context: GatewayContext,
  partition: string,
  vector: Float32Array,
  answer: CapturedAnswer,
  event: UsageEvent,
): void {
  const semantic = context.optimizer?.semantic;
  if (!semantic || answer.body.length > semantic.maxEntryBytes) return;
  semantic.index.add(partition, vector, cachedResponseOf(answer, event), semantic.ttlMs);
}

/**
 * The outcome a call's header and event carry when neither cache answered: a miss when either
 * looked, a bypass when the caller asked for a fresh answer, nothing when neither applies.
 */
export function cacheOutcomeOf(
  exact: CacheDecision,
  semantic: SemanticDecision,
): 'miss' | 'bypass' | undefined {
  const outcomes = [exact?.outcome, semantic?.outcome];
  if (outcomes.includes('lookup')) return 'miss';
  return outcomes.includes('bypass') ? 'bypass' : undefined;
}
