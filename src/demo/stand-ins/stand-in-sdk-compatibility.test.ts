import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { startStandIn, type StandIn } from './index.ts';

// The official SDKs are the strictest readers of these wire formats available offline.
describe('stand-ins read by the official SDKs', () => {
  let openAiStandIn: StandIn;
  let anthropicStandIn: StandIn;

  before(async () => {
    openAiStandIn = await startStandIn({ kind: 'openai', usage: { prompt_tokens: 42 } });
    anthropicStandIn = await startStandIn({ kind: 'anthropic', usage: { output_tokens: 17 } });
  });
  after(() => Promise.all([openAiStandIn.close(), anthropicStandIn.close()]));

  it('openai: chat, streamed chat with usage, responses and embeddings', async () => {
    const client = new OpenAI({
      apiKey: 'test',
      baseURL: `${openAiStandIn.url}/v1`,
      defaultHeaders: { 'x-stand-in-service-tier': 'flex' },
    });
    const completion = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [] });
    assert.equal(completion.usage?.prompt_tokens, 42);
    assert.equal(completion.service_tier, 'flex');
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let streamedPrompt: number | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      streamedPrompt = chunk.usage?.prompt_tokens ?? streamedPrompt;
    }
    assert.equal(text, 'This is a');
    assert.equal(streamedPrompt, 42);
    const response = await client.responses.create({ model: 'o4-mini', input: 'hi' });
    assert.equal(response.output_text, 'This is a');
    assert.equal(response.usage?.input_tokens, 42);
    const embeddings = await client.embeddings.create({
      model: 'text-embedding-3-small',
      input: 'a',
    });
    assert.equal(embeddings.data[0]?.embedding.length, 8);
  });

  it('openai: a 429 surfaces as the SDK rate-limit error', async () => {
    const client = new OpenAI({
      apiKey: 'test',
      baseURL: `${openAiStandIn.url}/v1`,
      maxRetries: 0,
      defaultHeaders: { 'x-stand-in-scenario': 'error-429' },
    });
    await assert.rejects(
      client.chat.completions.create({ model: 'gpt-4o-mini', messages: [] }),
      OpenAI.RateLimitError,
    );
  });

  it('anthropic: message and streamed message', async () => {
    const client = new Anthropic({ apiKey: 'test', baseURL: anthropicStandIn.url });
    const parameters = { model: 'claude-haiku-4-5', max_tokens: 50, messages: [] };
    const message = await client.messages.create(parameters);
    assert.equal(message.usage.output_tokens, 17);
    const final = await client.messages.stream(parameters).finalMessage();
    assert.deepEqual(final.content, [{ type: 'text', text: 'This is a' }]);
    assert.equal(final.usage.output_tokens, 17);
  });
});
