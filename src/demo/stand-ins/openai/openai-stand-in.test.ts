import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startStandIn, type StandIn } from '../index.ts';

interface SseEvent {
  event?: string;
  data: string;
}

function parseSse(text: string): SseEvent[] {
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1] ?? '';
      return event === undefined ? { data } : { event, data };
    });
}

/** A nested field of parsed JSON, read without trusting its shape. */
function at(value: unknown, ...path: (string | number)[]): unknown {
  return path.reduce<unknown>(
    (current, key) => (current as Record<string | number, unknown> | null | undefined)?.[key],
    value,
  );
}

describe('OpenAI stand-in', () => {
  let standIn: StandIn;
  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${standIn.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const postJson = async (
    path: string,
    body: unknown,
    headers?: Record<string, string>,
  ): Promise<unknown> => (await post(path, body, headers)).json();
  const streamChunks = async (body: unknown): Promise<{ done: string; chunks: unknown[] }> => {
    const events = parseSse(await (await post('/v1/chat/completions', body)).text());
    const chunks = events.slice(0, -1).map((event) => JSON.parse(event.data) as unknown);
    return { done: events.at(-1)?.data ?? '', chunks };
  };

  before(async () => {
    standIn = await startStandIn({
      kind: 'openai',
      usage: {
        prompt_tokens: 500,
        completion_tokens: 80,
        cached_tokens: 200,
        reasoning_tokens: 20,
      },
    });
  });
  after(() => standIn.close());

  it('answers a chat completion with the configured usage and the requested model', async () => {
    const response = await post('/v1/chat/completions', { model: 'gpt-4o', messages: [] });
    assert.equal(response.status, 200);
    const completion: unknown = await response.json();
    assert.equal(at(completion, 'object'), 'chat.completion');
    assert.equal(at(completion, 'model'), 'gpt-4o');
    assert.equal(at(completion, 'service_tier'), 'default');
    assert.equal(at(completion, 'choices', 0, 'message', 'content'), 'This is a');
    assert.deepEqual(at(completion, 'usage'), {
      prompt_tokens: 500,
      completion_tokens: 80,
      total_tokens: 580,
      prompt_tokens_details: { cached_tokens: 200, audio_tokens: 0 },
      completion_tokens_details: {
        reasoning_tokens: 20,
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
    });
  });

  it('streams the usage chunk only with include_usage, every other chunk usage: null', async () => {
    const response = await post('/v1/chat/completions', {
      model: 'gpt-4o-mini',
      stream: true,
      stream_options: { include_usage: true },
    });
    assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
    const events = parseSse(await response.text());
    assert.equal(events.at(-1)?.data, '[DONE]');
    const chunks = events.slice(0, -1).map((event) => JSON.parse(event.data) as unknown);
    assert.equal(chunks.length, 1 + 3 + 1 + 1); // role, content ×3, finish, usage
    assert.equal(at(chunks[0], 'object'), 'chat.completion.chunk');
    assert.equal(at(chunks[0], 'choices', 0, 'delta', 'role'), 'assistant');
    assert.equal(at(chunks[4], 'choices', 0, 'finish_reason'), 'stop');
    for (const chunk of chunks.slice(0, -1)) assert.equal(at(chunk, 'usage'), null);
    const usageChunk = chunks.at(-1);
    assert.deepEqual(at(usageChunk, 'choices'), []);
    assert.equal(at(usageChunk, 'usage', 'prompt_tokens'), 500);
    assert.equal(at(usageChunk, 'usage', 'total_tokens'), 580);
    assert.equal(at(usageChunk, 'usage', 'prompt_tokens_details', 'cached_tokens'), 200);
    assert.equal(at(usageChunk, 'usage', 'completion_tokens_details', 'reasoning_tokens'), 20);
  });

  it('streams no usage at all without include_usage', async () => {
    const { done, chunks } = await streamChunks({ model: 'gpt-4o-mini', stream: true });
    assert.equal(done, '[DONE]');
    assert.equal(chunks.length, 5);
    assert.ok(chunks.every((chunk) => at(chunk, 'usage') === undefined));
    const text = chunks.map((chunk) => at(chunk, 'choices', 0, 'delta', 'content')).join('');
    assert.equal(text, 'This is a');
  });

  it('takes usage, model and service tier overrides from request headers', async () => {
    const completion = await postJson(
      '/v1/chat/completions',
      { model: 'gpt-4o', messages: [] },
      {
        'x-stand-in-usage': JSON.stringify({ prompt_tokens: 9, cache_write_tokens: 4 }),
        'x-stand-in-model': 'gpt-4o-2024-08-06',
        'x-stand-in-service-tier': 'flex',
      },
    );
    assert.equal(at(completion, 'model'), 'gpt-4o-2024-08-06');
    assert.equal(at(completion, 'service_tier'), 'flex');
    assert.equal(at(completion, 'usage', 'prompt_tokens'), 9);
    assert.equal(at(completion, 'usage', 'completion_tokens'), 80);
    assert.deepEqual(at(completion, 'usage', 'prompt_tokens_details'), {
      cached_tokens: 200,
      cache_write_tokens: 4,
      audio_tokens: 0,
    });
  });

  it('reports the requested service tier, and priority for fast', async () => {
    const tierOf = async (tier: string) =>
      at(await postJson('/v1/chat/completions', { service_tier: tier }), 'service_tier');
    assert.equal(await tierOf('flex'), 'flex');
    assert.equal(await tierOf('fast'), 'priority');
    assert.equal(await tierOf('auto'), 'default');
  });

  it('answers the Responses API with its usage names', async () => {
    const body = await postJson('/v1/responses', { model: 'o4-mini', input: 'hi' });
    assert.equal(at(body, 'object'), 'response');
    assert.equal(at(body, 'status'), 'completed');
    assert.equal(at(body, 'output', 0, 'content', 0, 'text'), 'This is a');
    assert.deepEqual(at(body, 'usage'), {
      input_tokens: 500,
      input_tokens_details: { cached_tokens: 200 },
      output_tokens: 80,
      output_tokens_details: { reasoning_tokens: 20 },
      total_tokens: 580,
    });
  });

  it('streams Responses events with the usage in response.completed', async () => {
    const response = await post('/v1/responses', { model: 'o4-mini', input: 'hi', stream: true });
    const events = parseSse(await response.text());
    assert.deepEqual(
      events.map((event) => event.event),
      [
        'response.created',
        'response.output_text.delta',
        'response.output_text.delta',
        'response.output_text.delta',
        'response.completed',
      ],
    );
    const data = events.map((event) => JSON.parse(event.data) as unknown);
    assert.deepEqual(
      data.map((event) => at(event, 'sequence_number')),
      [0, 1, 2, 3, 4],
    );
    assert.equal(at(data[0], 'response', 'usage'), null);
    assert.equal(at(data[1], 'delta'), 'This');
    assert.equal(at(data[4], 'type'), 'response.completed');
    assert.equal(at(data[4], 'response', 'usage', 'input_tokens'), 500);
    assert.equal(at(data[4], 'response', 'usage', 'output_tokens_details', 'reasoning_tokens'), 20);
  });

  it('answers embeddings as floats, or as base64 float32 the way the SDK asks', async () => {
    const floats = await postJson('/v1/embeddings', { input: ['a', 'b'] });
    assert.equal(at(floats, 'data', 'length'), 2);
    assert.equal(at(floats, 'data', 0, 'embedding', 'length'), 8);
    assert.deepEqual(at(floats, 'usage'), { prompt_tokens: 500, total_tokens: 500 });
    const encoded = await postJson('/v1/embeddings', {
      input: 'a a',
      encoding_format: 'base64',
      dimensions: 4,
    });
    const bytes = Buffer.from(String(at(encoded, 'data', 0, 'embedding')), 'base64');
    const vector = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
    // One word, twice: all its weight in one of the 4 dimensions, scaled to length 1.
    assert.deepEqual(
      Array.from(vector).sort((x, y) => x - y),
      [0, 0, 0, 1],
    );
  });

  it('gives texts with the same words the same vector, and near wordings a near one', async () => {
    const embed = async (input: string[]) => {
      const body = await postJson('/v1/embeddings', { input, dimensions: 256 });
      return [0, 1, 2].map((index) => at(body, 'data', index, 'embedding') as number[]);
    };
    const [memo, reordered, longer] = await embed([
      'Summarise the memo.',
      'the MEMO, summarise',
      'Summarise the memo today.',
    ]);
    const cosine = (x: number[], y: number[]) =>
      x.reduce((sum, value, i) => sum + value * y[i]!, 0);
    assert.deepEqual(reordered, memo);
    // Three shared words of four: 3 / (√3 · √4) = 0.866.
    assert.ok(Math.abs(cosine(memo!, longer!) - 3 / Math.sqrt(12)) < 1e-9);
  });

  it('lists models', async () => {
    const body: unknown = await (await fetch(`${standIn.url}/v1/models`)).json();
    assert.equal(at(body, 'object'), 'list');
    assert.equal(at(body, 'data', 0, 'object'), 'model');
  });

  it('answers unknown paths and bad JSON in the OpenAI error shape', async () => {
    const missing = await post('/v1/nothing', {});
    assert.equal(missing.status, 404);
    assert.equal(at(await missing.json(), 'error', 'type'), 'invalid_request_error');
    const broken = await fetch(`${standIn.url}/v1/chat/completions`, { method: 'POST', body: '{' });
    assert.equal(broken.status, 400);
    const body: unknown = await broken.json();
    assert.equal(at(body, 'error', 'type'), 'invalid_request_error');
    assert.match(String(at(body, 'error', 'message')), /not valid JSON/);
  });
});
