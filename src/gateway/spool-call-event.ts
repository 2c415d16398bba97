import type { UsageEvent } from '../domain/usage-event.ts';
import {
  buildCallEvent,
  type MeteredCall,
  type MeteredCallEnd,
} from '../providers/metering/build-call-event.ts';
import type { GatewayContext } from './gateway-context.ts';

export type CallEndParts = Partial<Omit<MeteredCallEnd, 'latencyMs' | 'estimateInputTokens'>>;

/** What the gateway's optimizations add to an event. */
export type OptimizationNotes = Partial<
  Pick<UsageEvent, 'retryOf' | 'cacheOutcome' | 'avoidedCost' | 'trimmedTokens'>
>;

/** Builds the call's event and appends it to the spool; resolves once it is safe there. */
export async function spoolCallEvent(
  context: GatewayContext,
  call: MeteredCall,
  end: CallEndParts,
  started: number,
  notes: OptimizationNotes = {},
): Promise<UsageEvent> {
  const event = buildCallEvent(call, {
    reading: { outputCharacters: 0 },
    ...end,
    latencyMs: performance.now() - started,
    estimateInputTokens: () => context.countTokens(call.facts.promptText()),
  });
  for (const [key, value] of Object.entries(notes)) {
    if (value !== undefined) Object.assign(event, { [key]: value });
  }
  try {
    await context.record(event);
  } catch (error) {
    // The caller still gets their answer; the loss is logged loudly rather than failing them.
    context.log(`gateway: could not spool event ${event.id}: ${String(error)}`);
  }
  return event;
}
