import type { ServiceTier } from '../../domain/usage-event.ts';

/**
 * The tier a response says served the call. `default` and `auto` are standard prices; `scale`
 * (Scale Tier) is prepaid capacity whose tokens are metered at standard rates.
 */
export function readOpenAiServiceTier(value: unknown): ServiceTier | undefined {
  switch (value) {
    case 'flex':
      return 'flex';
    case 'priority':
      return 'priority';
    case 'default':
    case 'scale':
    case 'auto':
      return 'standard';
    default:
      return undefined;
  }
}

/**
 * The tier a request asks for, only when it changes the price: `auto` and `default` leave
 * the choice to OpenAI, whose response then says which tier it used. A request for `fast`
 * is served (and reported) as priority.
 */
export function readOpenAiRequestedServiceTier(value: unknown): ServiceTier | undefined {
  switch (value) {
    case 'flex':
      return 'flex';
    case 'priority':
    case 'fast':
      return 'priority';
    default:
      return undefined;
  }
}
