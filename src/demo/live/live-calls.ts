import type { StandInKind } from '../stand-ins/index.ts';

/** One kind of call `demo --live` makes through the gateway. */
export interface LiveCall {
  kind: StandInKind;
  /** The gateway path, prefix included. */
  path: string;
  body: Record<string, unknown>;
}

const system = 'You are a support assistant for an online shop. Answer briefly and politely.';
const question = 'Where is my order #1042? It was due yesterday.';
const claude = 'claude-sonnet-4-5-20250929';
const bedrockModel = encodeURIComponent('us.anthropic.claude-sonnet-4-20250514-v1:0');

/** Every wire format the gateway meters, JSON and streamed. */
export const LIVE_CALLS: readonly LiveCall[] = [
  ...[false, true].flatMap((stream): LiveCall[] => [
    {
      kind: 'openai',
      path: '/openai/v1/chat/completions',
      body: {
        model: 'gpt-4o-mini',
        stream,
        messages: [
          { role: 'system', content: system },
          { role: 'user', content: question },
        ],
      },
    },
    {
      kind: 'openai',
      path: '/openai/v1/responses',
      body: { model: 'gpt-4.1-mini', stream, instructions: system, input: question },
    },
    {
      kind: 'anthropic',
      path: '/anthropic/v1/messages',
      body: {
        model: claude,
        max_tokens: 400,
        stream,
        system,
        messages: [{ role: 'user', content: question }],
      },
    },
    {
      kind: 'bedrock',
      path: `/bedrock/model/${bedrockModel}/${stream ? 'converse-stream' : 'converse'}`,
      body: {
        system: [{ text: system }],
        messages: [{ role: 'user', content: [{ text: question }] }],
      },
    },
  ]),
  ...['generateContent', 'streamGenerateContent?alt=sse'].map((method): LiveCall => ({
    kind: 'gemini',
    path: `/gemini/v1beta/models/gemini-2.5-flash:${method}`,
    body: {
      systemInstruction: { parts: [{ text: system }] },
      contents: [{ role: 'user', parts: [{ text: question }] }],
    },
  })),
];
