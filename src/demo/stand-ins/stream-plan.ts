/**
 * The events of one streamed answer, split where the scenarios act: broken-stream cuts inside
 * `content`, malformed-line injects garbage just before `tail[usageIndex]`.
 */
export interface StreamPlan<Event> {
  /** sent at once: the preamble before any content */
  readonly head: readonly Event[];
  /** one event per reply piece, paced by the chunk delay */
  readonly content: readonly Event[];
  /** the finish, usage and terminator events */
  readonly tail: readonly Event[];
  /** the tail event that carries the final usage */
  readonly usageIndex: number;
}

/** Rewraps every event, e.g. Anthropic events into Bedrock `chunk` frames. */
export function mapStreamPlan<From, To>(
  plan: StreamPlan<From>,
  map: (event: From) => To,
): StreamPlan<To> {
  return {
    head: plan.head.map(map),
    content: plan.content.map(map),
    tail: plan.tail.map(map),
    usageIndex: plan.usageIndex,
  };
}
