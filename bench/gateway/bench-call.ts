/** The one chat call every run sends: short prompt, so the proxy's own cost dominates. */
const MESSAGES = [
  { role: 'system', content: 'You are terse.' },
  { role: 'user', content: 'hi' },
];

export type BenchVariant = 'json' | 'stream';

export const BENCH_VARIANTS: readonly BenchVariant[] = ['json', 'stream'];

/** Encoded once: a load generator that re-serialises per request measures itself. */
export const BENCH_BODIES: Readonly<Record<BenchVariant, Buffer>> = {
  json: Buffer.from(JSON.stringify({ model: 'gpt-4o-mini', messages: MESSAGES })),
  stream: Buffer.from(JSON.stringify({ model: 'gpt-4o-mini', messages: MESSAGES, stream: true })),
};

export const BENCH_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'application/json',
  'x-tokenops-team': 'bench',
};
