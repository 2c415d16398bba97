import type { SeededFuzz } from '../seeded-fuzz.ts';

/** A tokenops.yaml using most sections, the starting point of every corruption. */
export const VALID_CONFIG = `store:
  url: duckdb:./.tokenops/tokenops.duckdb
tags:
  untagged: accept
providers:
  openai:
    apiKeyEnv: OPENAI_API_KEY
    baseUrl: https://api.openai.com
  groq:
    kind: openai-compatible
    baseUrl: https://api.groq.com/openai
pricing:
  currency: USD
  overrides:
    - provider: anthropic
      discount: 0.10
      effectiveFrom: 2026-03-01
    - provider: openai
      model: "ft:gpt-4o-mini:acme:*"
      prices: { inputPerMTok: 0.30, outputPerMTok: 1.20 }
allocation:
  sharedScopes:
    - name: embedding pipeline
      scope: { feature: embedding-pipeline }
gateway:
  upstreamTimeoutMs: 60000
  maxRequestBytes: 1048576
  flushIntervalMs: 200
redis:
  url: redis://127.0.0.1:6379
budgets:
  - name: search-monthly
    scope: { team: search }
    period: month
    limitUsd: 500
    hard: true
    thresholds: [0.5, 0.8, 1]
policies:
  - name: no-frontier-in-dev
    match: { environment: dev }
    denyModels: ["gpt-4.5*"]
alerts:
  - kind: slack
    url: https://hooks.slack.example/services/T000/B000/XXXX
governance:
  evaluateIntervalMs: 30000
objectives:
  support-chat: { latencyMs: 4000 }
routing:
  - name: summaries-to-mini
    match: { feature: summarize }
    model: gpt-4o-mini
    fallbacks:
      - { model: gpt-4o }
cache:
  exact:
    enabled: true
    ttlSeconds: 3600
`;

const VALUES = [
  '',
  '-1',
  '0',
  '.nan',
  '.inf',
  '1e999',
  'yes',
  'null',
  '~',
  '[]',
  '{}',
  '10s',
  'not a url',
  'http://',
  '*missing',
  '&anchor',
  '!!binary AAAA',
  '"\\u0000"',
  '{{',
  '- x',
];
const CHARACTERS = [
  '\t',
  ':',
  '"',
  "'",
  '[',
  '{',
  '-',
  '#',
  '&',
  '*',
  '!',
  '%',
  '@',
  '`',
  '|',
  '>',
];

/** One seeded corruption: cut short, a value or key changed, a line shifted, a stray character. */
export function corruptYaml(fuzz: SeededFuzz, text: string): string {
  const lines = text.split('\n');
  const at = fuzz.below(lines.length);
  const change = (line: string) => [...lines.slice(0, at), line, ...lines.slice(at + 1)].join('\n');
  const line = lines[at] ?? '';
  return fuzz.pick([
    () => text.slice(0, fuzz.below(text.length)),
    () => change(line.replace(/:\s.*$/, `: ${fuzz.pick(VALUES)}`)),
    () => change(line.replace(/(\w+):/, '$1x:')),
    () => change(` ${line}`),
    () => change(line.trimStart()),
    () => fuzz.insert(text, fuzz.pick(CHARACTERS)),
    () => `${text}${fuzz.pick(['---\n', '...\n', '%YAML 1.1\n', 'tags: {}\n'])}`,
  ])();
}
