import type { SeededFuzz } from '../seeded-fuzz.ts';

export type WireEvent = Record<string, unknown>;

const PROVIDERS = ['openai', 'anthropic', 'gemini', 'bedrock'] as const;
const MODELS = ['gpt-4o-mini', 'claude-sonnet-4-5-20250929', 'gemini-2.5-flash', 'nova-lite'];

/** A valid wire event (PRODUCT.md §9) with seeded counts, tags and time. */
export function validEvent(fuzz: SeededFuzz, id: string): WireEvent {
  const input = 1 + fuzz.below(50_000);
  const output = fuzz.below(4_000);
  return {
    id,
    timestamp: new Date(Date.UTC(2026, 2, 1 + fuzz.below(28), fuzz.below(24))).toISOString(),
    provider: fuzz.pick(PROVIDERS),
    model: fuzz.pick(MODELS),
    input_tokens: input,
    output_tokens: output,
    cache_read_tokens: fuzz.below(input),
    reasoning_tokens: fuzz.below(output + 1),
    tags: { team: fuzz.pick(['search', 'support', 'ads']), feature: `f${fuzz.below(5)}` },
  };
}

/** A nested value `depth` levels deep: `{"a":{"a":…}}`. */
function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level += 1) value = { a: value };
  return value;
}

/**
 * Field mutations that each make an event invalid under the documented contract, so a test
 * knows exactly which events of a batch must be refused. Each returns the field the refusal
 * must name (a prefix of it: `tags` for `tags.team`).
 */
export const INVALID_MUTATIONS: readonly {
  name: string;
  apply: (event: WireEvent, fuzz: SeededFuzz) => string;
}[] = [
  ...['input_tokens', 'output_tokens', 'cache_read_tokens', 'reasoning_tokens'].flatMap((field) =>
    [-1, 1.5, '12', 1e300, 2 ** 31, null, true].map((value) => ({
      name: `${field} = ${JSON.stringify(value)}`,
      apply: (event: WireEvent) => {
        event[field] = value;
        return field;
      },
    })),
  ),
  { name: 'unknown provider', apply: (event) => ((event.provider = 'openia'), 'provider') },
  ...['2026-02-30T00:00:00Z', 'yesterday', '2026-03-09T10:00:00', '', 1773151600].map((value) => ({
    name: `timestamp = ${JSON.stringify(value)}`,
    apply: (event: WireEvent) => ((event.timestamp = value), 'timestamp'),
  })),
  { name: 'empty model', apply: (event) => ((event.model = ''), 'model') },
  { name: 'huge model', apply: (event) => ((event.model = 'm'.repeat(100_000)), 'model') },
  { name: 'numeric model', apply: (event) => ((event.model = 42), 'model') },
  { name: 'missing id', apply: (event) => (delete event.id, 'id') },
  { name: 'huge tag', apply: (event) => ((event.tags = { team: 't'.repeat(300) }), 'tags') },
  { name: 'numeric tag', apply: (event) => ((event.tags = { team: 7 }), 'tags') },
  { name: 'tags as text', apply: (event) => ((event.tags = 'team=search'), 'tags') },
  { name: 'deep tag', apply: (event) => ((event.tags = { team: nested(2_000) }), 'tags') },
  { name: 'unknown key', apply: (event) => ((event.surprise = 1), '(event)') },
  {
    name: 'cache reads above input',
    apply: (event) => ((event.cache_read_tokens = Number(event.input_tokens) + 1), 'input_tokens'),
  },
  {
    name: 'reasoning above output',
    apply: (event) => ((event.reasoning_tokens = Number(event.output_tokens) + 1), 'reasoning'),
  },
  { name: 'negative cost', apply: (event) => ((event.cost = -1), 'cost') },
  { name: 'cost past the money column', apply: (event) => ((event.cost = 1e7), 'cost') },
  { name: 'attempt past 32 bits', apply: (event) => ((event.attempt = 2 ** 40), 'attempt') },
  { name: 'score as text', apply: (event) => ((event.score = 'high'), 'score') },
  { name: 'lone surrogate', apply: (event) => ((event.model = 'gpt-\ud800'), 'model') },
];
