import type { UsageEvent } from '../domain/usage-event.ts';
import { allocateDemoEvents } from './allocate-demo-events.ts';
import { COMPANY_FEATURES } from './company-profile.ts';
import { DemoIds } from './demo-ids.ts';
import type { DemoOptions } from './demo-options.ts';
import { emitAgentChain } from './emit-agent-chain.ts';
import { emitSingleRequest } from './emit-single-request.ts';
import { PromptVersions } from './prompt-versions.ts';
import { RequestTagger } from './request-tagger.ts';
import { RunawayAgentLoop } from './runaway-agent-loop.ts';
import { HOUR_MS, WEEK_MS } from './seasonality.ts';
import { SeededRandom } from './seeded-random.ts';
import type { WorkloadContext } from './workload-context.ts';

const EVENTS_STREAM = 2;

/**
 * Yields the demo workload in batches of `batchSize` events (the last may be smaller), in
 * time order. Pure and deterministic: the same options give byte-identical events. Each
 * hour is generated whole, sorted, then cut into batches, so memory stays at one hour.
 */
export function* generateDemoWorkload(
  options: DemoOptions,
  batchSize: number,
): Generator<UsageEvent[]> {
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a whole number above 0 (got ${batchSize})`);
  }
  const allocation = allocateDemoEvents(options);
  const { period, featureEvents } = allocation;
  const ids = new DemoIds(period.seed);
  const context: WorkloadContext = {
    random: new SeededRandom(period.seed, EVENTS_STREAM),
    ids,
    tagger: new RequestTagger(),
    prompts: new PromptVersions(),
    sink: [],
    hourStart: period.start,
    hourEnd: period.start,
    week: 0,
  };
  const runawayFeature = COMPANY_FEATURES.find((feature) => feature.kind === 'agent-chain');
  const runaway =
    allocation.spike !== undefined && runawayFeature !== undefined
      ? new RunawayAgentLoop(allocation.spike, runawayFeature)
      : undefined;
  let batch: UsageEvent[] = [];
  for (let hour = 0; hour < allocation.hours; hour++) {
    const clockHour = allocation.firstHour + hour * HOUR_MS;
    context.hourStart = Math.max(period.start, clockHour);
    context.hourEnd = Math.min(period.end, clockHour + HOUR_MS);
    context.week = Math.floor((context.hourStart - period.start) / WEEK_MS);
    context.sink = [];
    for (let index = 0; index < COMPANY_FEATURES.length; index++) {
      const feature = COMPANY_FEATURES[index];
      if (feature === undefined) continue;
      let remaining = featureEvents[hour * COMPANY_FEATURES.length + index] ?? 0;
      while (remaining > 0) {
        remaining -=
          feature.kind === 'agent-chain'
            ? emitAgentChain(feature, remaining, context)
            : emitSingleRequest(feature, remaining, context);
      }
    }
    runaway?.emitSteps(allocation.runawaySteps[hour] ?? 0, context);
    const events = context.sink.sort(byTimestamp);
    for (const event of events) {
      event.id = ids.nextEventId();
      batch.push(event);
      if (batch.length === batchSize) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}

function byTimestamp(left: UsageEvent, right: UsageEvent): number {
  return left.timestamp - right.timestamp;
}
