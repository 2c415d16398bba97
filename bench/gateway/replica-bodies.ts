import type { BenchVariant } from './bench-call.ts';

/** How many bodies the repeated calls cycle through. */
const REPEATED_BODIES = 8;

/**
 * The replicas bench's call bodies: a new one each call (the run's id and a counter in the user
 * message, so no call meets a cache entry an earlier run left in Redis), except one call in
 * `repeatEvery`, which sends one of a few bodies again. Those are served from the exact cache
 * the replicas share, whichever replica stored the answer. Built from fixed halves around the
 * varying part, so the load generator does not serialise JSON per call.
 */
export function mixedBodies(
  runId: string,
  repeatEvery: number,
): (variant: BenchVariant) => () => Buffer {
  let calls = 0;
  return (variant) => {
    const marker = '#N#';
    const template = JSON.stringify({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: `hi ${runId} ${marker}` },
      ],
      ...(variant === 'stream' ? { stream: true } : {}),
    });
    const [head, tail] = template.split(marker).map((part) => Buffer.from(part));
    const body = (text: string) =>
      Buffer.concat([head as Buffer, Buffer.from(text), tail as Buffer]);
    const repeated = Array.from({ length: REPEATED_BODIES }, (_, index) => body(`again ${index}`));
    return () => {
      calls += 1;
      return calls % repeatEvery === 0
        ? (repeated[(calls / repeatEvery) % REPEATED_BODIES] as Buffer)
        : body(String(calls));
    };
  };
}
