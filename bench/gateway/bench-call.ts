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

/** The model the routed gateway's rule sends gpt-4o-mini calls to. */
export const ROUTED_MODEL = 'gpt-4o-mini-2024-07-18';

/**
 * The routed gateway's settings: a rule every bench call matches, and the exact cache on
 * (in process; 10,000 entries, so the miss runs also exercise eviction).
 */
export const ROUTED_CONFIG = [
  'routing:',
  '  - name: bench-route',
  '    match: { team: bench, model: gpt-4o-mini }',
  `    model: ${ROUTED_MODEL}`,
  'cache:',
  '  exact:',
  '    enabled: true',
  '    ttlSeconds: 3600',
  '    maxEntries: 10000',
].join('\n');

/**
 * Bodies that never repeat (a counter in the user message), for runs where every call must
 * miss the cache. Built from two fixed halves around the counter, so the load generator does
 * not serialise JSON per call.
 */
export function uniqueBodies(variant: BenchVariant): () => Buffer {
  const marker = '#N#';
  const template = JSON.stringify({
    model: 'gpt-4o-mini',
    messages: [MESSAGES[0], { role: 'user', content: `hi ${marker}` }],
    ...(variant === 'stream' ? { stream: true } : {}),
  });
  const [head, tail] = template.split(marker).map((part) => Buffer.from(part));
  return () => {
    uniqueCalls += 1;
    return Buffer.concat([head as Buffer, Buffer.from(String(uniqueCalls)), tail as Buffer]);
  };
}

/** One counter for every run, so no two runs send the same body either. */
let uniqueCalls = 0;

/** The same bytes for every call of a run. */
export const sameBody = (variant: BenchVariant) => () => BENCH_BODIES[variant];
