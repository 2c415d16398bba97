import type { BillingLine } from '../../domain/billing-line.ts';
import { tagsFromFlat, type Tags } from '../../domain/tags.ts';
import type { UsageEvent } from '../../domain/usage-event.ts';

/**
 * Seat-priced tools have no calls to meter, so their bill lines also become usage events
 * with the billed amount as a given cost: seats and overage then sit beside API spend in
 * every report (by team, chargeback, unit economics). The event id is the line's, so a second
 * import adds nothing; the model names what was bought (`seats`, `overage`).
 */
export function subscriptionEvents(lines: readonly BillingLine[]): UsageEvent[] {
  return lines
    .filter((line) => line.format === 'subscription' && line.cost !== undefined)
    .map((line) => ({
      id: `subscription-${line.id}`,
      timestamp: line.periodStart,
      source: 'import',
      provider: line.provider,
      model: line.billedClass === 'seat' ? 'seats' : 'overage',
      operation: 'subscription',
      serviceTier: 'standard',
      tokens: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, cacheWrite1h: 0, reasoning: 0 },
      status: 'ok',
      attempt: 1,
      tags: tagsOf(line.tags),
      givenCost: line.cost ?? 0,
    }));
}

function tagsOf(flat: Record<string, string> | undefined): Tags {
  return tagsFromFlat(Object.entries(flat ?? {}));
}
