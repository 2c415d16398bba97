import type { Tags } from '../domain/tags.ts';
import type { CallPermit, GovernRefusal } from '../govern/index.ts';
import type { RequestFacts } from '../providers/wire-protocol.ts';
import type { GatewayContext } from './gateway-context.ts';

/**
 * Budgets, policies and rate limits before forwarding; no governor means every call passes.
 * The call is judged as it will be sent: the routed provider and model, the capped output and,
 * when a context ceiling trimmed it, the trimmed prompt.
 */
export async function admitCall(
  context: GatewayContext,
  call: {
    provider: string;
    facts: RequestFacts;
    tags: Tags;
    maxOutputTokens: number | undefined;
    keptPromptTokens: number | undefined;
  },
  virtualKey: string | undefined,
): Promise<{ permit: CallPermit } | { refusal: GovernRefusal } | undefined> {
  if (!context.governor) return undefined;
  const { facts } = call;
  return context.governor.admit({
    provider: call.provider,
    ...(facts.model === undefined ? {} : { model: facts.model }),
    tags: call.tags,
    ...(virtualKey === undefined ? {} : { virtualKey }),
    serviceTier: facts.requestedServiceTier ?? 'standard',
    ...(call.maxOutputTokens === undefined ? {} : { maxOutputTokens: call.maxOutputTokens }),
    countPromptTokens: () => call.keptPromptTokens ?? context.countTokens(facts.promptText()),
  });
}
