/**
 * How each demo model behaves: which provider serves it, how fast it answers, how often it
 * fails, how it caches and how much it reasons. Ids are ones the price catalog knows, except
 * the fine-tune, which is there on purpose so unpriced calls show up flagged.
 */
export interface ModelProfile {
  provider: 'openai' | 'anthropic' | 'gemini' | 'bedrock';
  model: string;
  operation: string;
  timeToFirstTokenMs: number;
  outputTokensPerSecond: number;
  /** Chance that a first attempt fails (rate limit, server error or timeout). */
  errorRate: number;
  /**
   * `explicit`: the caller marks cache breakpoints and pays for writes (Anthropic, Bedrock);
   * `automatic`: the provider reuses long prefixes by itself (OpenAI, Gemini implicit caching);
   * `none`: embeddings and models without prompt caching.
   */
  caching: 'explicit' | 'automatic' | 'none';
  /** Share of calls that think, and hidden reasoning per visible output token when they do. */
  reasoningShare: number;
  reasoningPerOutputToken: number;
}

function model(
  provider: ModelProfile['provider'],
  id: string,
  operation: string,
  speed: Pick<ModelProfile, 'timeToFirstTokenMs' | 'outputTokensPerSecond' | 'errorRate'>,
  caching: ModelProfile['caching'],
  reasoningShare = 0,
  reasoningPerOutputToken = 0,
): ModelProfile {
  return {
    provider,
    model: id,
    operation,
    ...speed,
    caching,
    reasoningShare,
    reasoningPerOutputToken,
  };
}

const fast = { timeToFirstTokenMs: 350, outputTokensPerSecond: 110, errorRate: 0.015 };
const medium = { timeToFirstTokenMs: 700, outputTokensPerSecond: 70, errorRate: 0.025 };
const slow = { timeToFirstTokenMs: 1400, outputTokensPerSecond: 40, errorRate: 0.03 };

export const MODELS = {
  gpt4oMini: model('openai', 'gpt-4o-mini-2024-07-18', 'chat', fast, 'automatic'),
  gpt41: model('openai', 'gpt-4.1', 'chat', medium, 'automatic'),
  o4Mini: model('openai', 'o4-mini', 'responses', medium, 'automatic', 1, 2.5),
  gpt5: model('openai', 'gpt-5', 'responses', slow, 'automatic', 1, 1.6),
  embeddingSmall: model('openai', 'text-embedding-3-small', 'embeddings', fast, 'none'),
  fineTunedTickets: model('openai', 'ft:gpt-4o-mini:acme:tickets:abc123', 'chat', fast, 'none'),
  claudeSonnet: model('anthropic', 'claude-sonnet-4-5-20250929', 'messages', medium, 'explicit'),
  claudeHaiku: model('anthropic', 'claude-haiku-4-5', 'messages', fast, 'explicit'),
  claudeOpus: model('anthropic', 'claude-opus-4-1', 'messages', slow, 'none'),
  geminiFlash: model('gemini', 'gemini-2.5-flash', 'generate_content', fast, 'automatic', 0.5, 0.6),
  geminiPro: model('gemini', 'gemini-2.5-pro', 'generate_content', slow, 'automatic', 1, 1.2),
  bedrockSonnet: model(
    'bedrock',
    'global.anthropic.claude-sonnet-4-5-20250929-v1:0',
    'converse',
    medium,
    'explicit',
  ),
  novaLite: model('bedrock', 'amazon.nova-lite-v1:0', 'converse', fast, 'none'),
} as const satisfies Record<string, ModelProfile>;
