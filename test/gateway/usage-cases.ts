import type { ReportedUsage } from '../../src/domain/token-classes.ts';

/** One call through the gateway, with the usage the stand-in reports and what that means. */
export interface UsageCase {
  name: string;
  provider: string;
  model: string;
  /** The gateway path (prefix included). */
  path: string;
  body: unknown;
  /** What the stand-in reports, in that provider's own fields (x-stand-in-usage). */
  standInUsage: Record<string, number>;
  /** The same counts the way `tokenops prices cost` takes them (the provider's counting). */
  reported: ReportedUsage;
  stream: boolean;
}

const none = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, cacheWrite1h: 0, reasoning: 0 };
const system = 'You are terse. Answer in one sentence.';
const messages = [
  { role: 'system', content: system },
  { role: 'user', content: 'What is the capital of France?' },
];

const OPENAI = {
  cached: {
    usage: { prompt_tokens: 2000, completion_tokens: 500, cached_tokens: 1536 },
    reported: { ...none, input: 2000, output: 500, cacheRead: 1536 },
    model: 'gpt-4o-mini',
  },
  reasoning: {
    usage: { prompt_tokens: 900, completion_tokens: 700, reasoning_tokens: 320 },
    reported: { ...none, input: 900, output: 700, reasoning: 320 },
    model: 'o4-mini',
  },
};
const ANTHROPIC = {
  cached: {
    usage: {
      input_tokens: 300,
      output_tokens: 700,
      cache_read_input_tokens: 5000,
      cache_creation_5m: 1000,
      cache_creation_1h: 2000,
    },
    reported: {
      ...none,
      input: 300,
      output: 700,
      cacheRead: 5000,
      cacheWrite: 3000,
      cacheWrite1h: 2000,
    },
  },
  reasoning: {
    usage: { input_tokens: 1200, output_tokens: 900, thinking_tokens: 600 },
    reported: { ...none, input: 1200, output: 900, reasoning: 600 },
  },
};
const GEMINI = {
  cached: {
    usage: { promptTokenCount: 3000, candidatesTokenCount: 400, cachedContentTokenCount: 2048 },
    reported: { ...none, input: 3000, output: 400, cacheRead: 2048 },
  },
  reasoning: {
    usage: { promptTokenCount: 700, candidatesTokenCount: 400, thoughtsTokenCount: 600 },
    reported: { ...none, input: 700, output: 400, reasoning: 600 },
  },
};
const BEDROCK = {
  cached: {
    usage: {
      inputTokens: 800,
      outputTokens: 250,
      cacheReadInputTokens: 4000,
      cacheWriteInputTokens: 1200,
    },
    reported: { ...none, input: 800, output: 250, cacheRead: 4000, cacheWrite: 1200 },
  },
  // Bedrock reports reasoning inside outputTokens, with no separate count.
  reasoning: {
    usage: { inputTokens: 650, outputTokens: 1800 },
    reported: { ...none, input: 650, output: 1800 },
  },
};
/** invoke reports input and output counts in headers only. */
const BEDROCK_INVOKE = {
  cached: BEDROCK.reasoning,
  reasoning: {
    usage: { inputTokens: 420, outputTokens: 990 },
    reported: { ...none, input: 420, output: 990 },
  },
};

const KINDS = ['cached', 'reasoning'] as const;
const anthropicModel = 'claude-sonnet-4-5-20250929';
const bedrockModel = 'us.anthropic.claude-sonnet-4-20250514-v1:0';
const bedrockPath = `/bedrock/model/${encodeURIComponent(bedrockModel)}`;

export const USAGE_CASES: UsageCase[] = KINDS.flatMap((kind) => [
  ...[false, true].flatMap((stream) => [
    {
      name: `openai chat ${kind} ${stream ? 'stream' : 'json'}`,
      provider: 'openai',
      model: OPENAI[kind].model,
      path: '/openai/v1/chat/completions',
      body: { model: OPENAI[kind].model, messages, stream },
      standInUsage: OPENAI[kind].usage,
      reported: OPENAI[kind].reported,
      stream,
    },
    {
      name: `openai responses ${kind} ${stream ? 'stream' : 'json'}`,
      provider: 'openai',
      model: OPENAI[kind].model,
      path: '/openai/v1/responses',
      body: {
        model: OPENAI[kind].model,
        instructions: system,
        input: 'Capital of France?',
        stream,
      },
      standInUsage: OPENAI[kind].usage,
      reported: OPENAI[kind].reported,
      stream,
    },
    {
      name: `openai-compatible chat ${kind} ${stream ? 'stream' : 'json'}`,
      provider: 'vllm',
      model: OPENAI[kind].model,
      path: '/compat/vllm/v1/chat/completions',
      body: { model: OPENAI[kind].model, messages, stream },
      standInUsage: OPENAI[kind].usage,
      reported: OPENAI[kind].reported,
      stream,
    },
    {
      name: `anthropic messages ${kind} ${stream ? 'stream' : 'json'}`,
      provider: 'anthropic',
      model: anthropicModel,
      path: '/anthropic/v1/messages',
      body: {
        model: anthropicModel,
        max_tokens: 1024,
        system,
        messages: messages.slice(1),
        stream,
      },
      standInUsage: ANTHROPIC[kind].usage,
      reported: ANTHROPIC[kind].reported,
      stream,
    },
    {
      name: `bedrock ${stream ? 'converse-stream' : 'converse'} ${kind}`,
      provider: 'bedrock',
      model: bedrockModel,
      path: `${bedrockPath}/${stream ? 'converse-stream' : 'converse'}`,
      body: {
        system: [{ text: system }],
        messages: [{ role: 'user', content: [{ text: 'Capital of France?' }] }],
      },
      standInUsage: BEDROCK[kind].usage,
      reported: BEDROCK[kind].reported,
      stream,
    },
    {
      name: `bedrock ${stream ? 'invoke-with-response-stream' : 'invoke'} ${kind}`,
      provider: 'bedrock',
      model: bedrockModel,
      path: `${bedrockPath}/${stream ? 'invoke-with-response-stream' : 'invoke'}`,
      body: {
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 512,
        system,
        messages: messages.slice(1),
      },
      standInUsage: BEDROCK_INVOKE[kind].usage,
      reported: BEDROCK_INVOKE[kind].reported,
      stream,
    },
  ]),
  ...['generateContent', 'streamGenerateContent?alt=sse', 'streamGenerateContent'].map(
    (method) => ({
      name: `gemini ${method} ${kind}`,
      provider: 'gemini',
      model: 'gemini-2.5-flash',
      path: `/gemini/v1beta/models/gemini-2.5-flash:${method}`,
      body: {
        systemInstruction: { parts: [{ text: system }] },
        contents: [{ role: 'user', parts: [{ text: 'Capital of France?' }] }],
      },
      standInUsage: GEMINI[kind].usage,
      reported: GEMINI[kind].reported,
      stream: method !== 'generateContent',
    }),
  ),
]);
