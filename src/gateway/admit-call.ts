import type { CallPermit, GovernRefusal } from '../govern/index.ts';
import type { GatewayContext } from './gateway-context.ts';
import type { GatewayMeteredRequest } from './prepare-metered-request.ts';

/** Budgets, policies and rate limits before forwarding; no governor means every call passes. */
export async function admitCall(
  context: GatewayContext,
  provider: string,
  metered: GatewayMeteredRequest,
  virtualKey: string | undefined,
): Promise<{ permit: CallPermit } | { refusal: GovernRefusal } | undefined> {
  if (!context.governor) return undefined;
  const { facts } = metered;
  return context.governor.admit({
    provider,
    ...(facts.model === undefined ? {} : { model: facts.model }),
    tags: metered.tags,
    ...(virtualKey === undefined ? {} : { virtualKey }),
    serviceTier: facts.requestedServiceTier ?? 'standard',
    ...(facts.maxOutputTokens === undefined ? {} : { maxOutputTokens: facts.maxOutputTokens }),
    countPromptTokens: () => context.countTokens(facts.promptText()),
  });
}
