import type { WorkloadContext } from './workload-context.ts';

/**
 * Emitters write a request (its retries, or a whole agent chain) with timestamps relative to
 * its start; this moves it to a random start inside the current hour, where it fits, so the
 * hours can be emitted in order without sorting the whole stream.
 */
export function placeInHour(context: WorkloadContext, firstIndex: number): void {
  const { sink, hourStart, hourEnd } = context;
  const duration = sink.length > firstIndex ? (sink[sink.length - 1]?.timestamp ?? 0) : 0;
  const start = hourStart + context.random.below(Math.max(1, hourEnd - hourStart - duration));
  const last = hourEnd - 1;
  for (let index = firstIndex; index < sink.length; index++) {
    const event = sink[index];
    if (event === undefined) continue;
    const timestamp = start + event.timestamp;
    event.timestamp = timestamp < last ? timestamp : last;
  }
}
