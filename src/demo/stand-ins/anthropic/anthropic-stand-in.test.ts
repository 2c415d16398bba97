import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startStandIn, type StandIn } from '../index.ts';

/** A nested field of parsed JSON, read without trusting its shape. */
function at(value: unknown, ...path: (string | number)[]): unknown {
  return path.reduce<unknown>(
    (current, key) => (current as Record<string | number, unknown> | null | undefined)?.[key],
    value,
  );
}

function parseSse(text: string): { event: string; data: unknown }[] {
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => ({
      event: /^event: (.*)$/m.exec(block)?.[1] ?? '',
      data: JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null') as unknown,
    }));
}

describe('Anthropic stand-in', () => {
  let standIn: StandIn;
  const post = async (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${standIn.url}/v1/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'anthropic-version': '2023-06-01',
        ...headers,
      },
      body: JSON.stringify(body),
    });

  before(async () => {
    standIn = await startStandIn({
      kind: 'anthropic',
      usage: {
        input_tokens: 1250,
        output_tokens: 540,
        cache_read_input_tokens: 18432,
        cache_creation_5m: 2100,
        cache_creation_1h: 300,
      },
    });
  });
  after(() => standIn.close());

  it('answers a message with the configured usage', async () => {
    const response = await post({ model: 'claude-haiku-4-5', max_tokens: 100, messages: [] });
    assert.equal(response.status, 200);
    const message: unknown = await response.json();
    assert.equal(at(message, 'type'), 'message');
    assert.equal(at(message, 'model'), 'claude-haiku-4-5');
    assert.equal(at(message, 'content', 0, 'text'), 'This is a');
    assert.equal(at(message, 'stop_reason'), 'end_turn');
    assert.deepEqual(at(message, 'usage'), {
      input_tokens: 1250,
      cache_creation_input_tokens: 2400,
      cache_read_input_tokens: 18432,
      cache_creation: { ephemeral_5m_input_tokens: 2100, ephemeral_1h_input_tokens: 300 },
      output_tokens: 540,
      service_tier: 'standard',
    });
  });

  it('streams named events: input side in message_start, cumulative usage in message_delta', async () => {
    const response = await post({ model: 'claude-haiku-4-5', stream: true });
    assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
    const events = parseSse(await response.text());
    assert.deepEqual(
      events.map((event) => event.event),
      [
        'message_start',
        'content_block_start',
        'ping',
        'content_block_delta',
        'content_block_delta',
        'content_block_delta',
        'content_block_stop',
        'message_delta',
        'message_stop',
      ],
    );
    for (const event of events) assert.equal(at(event.data, 'type'), event.event);
    assert.deepEqual(at(events[0]?.data, 'message', 'usage'), {
      input_tokens: 1250,
      cache_creation_input_tokens: 2400,
      cache_read_input_tokens: 18432,
      cache_creation: { ephemeral_5m_input_tokens: 2100, ephemeral_1h_input_tokens: 300 },
      output_tokens: 1,
      service_tier: 'standard',
    });
    assert.equal(at(events[3]?.data, 'delta', 'type'), 'text_delta');
    assert.deepEqual(at(events[7]?.data, 'usage'), {
      input_tokens: 1250,
      cache_creation_input_tokens: 2400,
      cache_read_input_tokens: 18432,
      output_tokens: 540,
    });
  });

  it('reports thinking tokens and a service tier when asked', async () => {
    const headers = {
      'x-stand-in-usage': JSON.stringify({ output_tokens: 700, thinking_tokens: 400 }),
      'x-stand-in-service-tier': 'priority',
    };
    const message: unknown = await (await post({ model: 'claude-sonnet-4-5' }, headers)).json();
    assert.equal(at(message, 'usage', 'output_tokens'), 700);
    assert.deepEqual(at(message, 'usage', 'output_tokens_details'), { thinking_tokens: 400 });
    assert.equal(at(message, 'usage', 'service_tier'), 'priority');
    const events = parseSse(await (await post({ stream: true }, headers)).text());
    const delta = events.find((event) => event.event === 'message_delta');
    assert.deepEqual(at(delta?.data, 'usage', 'output_tokens_details'), { thinking_tokens: 400 });
    assert.equal(at(events[0]?.data, 'message', 'usage', 'service_tier'), 'priority');
  });

  it('answers unknown paths in the Anthropic error shape', async () => {
    const response = await fetch(`${standIn.url}/v1/complete`, { method: 'POST', body: '{}' });
    assert.equal(response.status, 404);
    const body: unknown = await response.json();
    assert.equal(at(body, 'type'), 'error');
    assert.equal(at(body, 'error', 'type'), 'not_found_error');
  });
});
