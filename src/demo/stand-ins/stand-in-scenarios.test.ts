import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EventStreamCodec } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';
import { startStandIn, type StandIn, type StandInKind } from './index.ts';

/** A nested field of parsed JSON, read without trusting its shape. */
function at(value: unknown, ...path: (string | number)[]): unknown {
  return path.reduce<unknown>(
    (current, key) => (current as Record<string | number, unknown> | null | undefined)?.[key],
    value,
  );
}

interface KindCase {
  /** a streaming call that reports usage */
  readonly streamPath: string;
  readonly streamBody: unknown;
  readonly jsonPath: string;
  /** what only the end of a complete stream contains: the final usage or the terminator */
  readonly streamEnd: RegExp;
  /** the error type each error scenario should name, by status */
  readonly errorTypes: Readonly<Record<number, string>>;
  readonly errorType: (body: unknown, headers: Headers) => unknown;
}

const CASES: Readonly<Record<StandInKind, KindCase>> = {
  openai: {
    streamPath: '/v1/chat/completions',
    streamBody: { model: 'gpt-4o-mini', stream: true, stream_options: { include_usage: true } },
    jsonPath: '/v1/chat/completions',
    streamEnd: /"usage":\{|\[DONE\]|finish_reason":"stop"/,
    errorTypes: { 429: 'rate_limit_exceeded', 500: 'server_error', 400: 'invalid_request_error' },
    errorType: (body) => at(body, 'error', 'type'),
  },
  anthropic: {
    streamPath: '/v1/messages',
    streamBody: { model: 'claude-haiku-4-5', stream: true },
    jsonPath: '/v1/messages',
    streamEnd: /message_delta|message_stop|content_block_stop/,
    errorTypes: { 429: 'rate_limit_error', 500: 'api_error', 400: 'invalid_request_error' },
    errorType: (body) => (at(body, 'type') === 'error' ? at(body, 'error', 'type') : undefined),
  },
  gemini: {
    streamPath: '/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
    streamBody: { contents: [] },
    jsonPath: '/v1beta/models/gemini-2.5-flash:generateContent',
    streamEnd: /finishReason/,
    errorTypes: { 429: 'RESOURCE_EXHAUSTED', 500: 'INTERNAL', 400: 'INVALID_ARGUMENT' },
    errorType: (body) => at(body, 'error', 'status'),
  },
  bedrock: {
    streamPath: '/model/amazon.nova-lite-v1%3A0/converse-stream',
    streamBody: { messages: [] },
    jsonPath: '/model/amazon.nova-lite-v1%3A0/converse',
    streamEnd: /metadata|messageStop|contentBlockStop/,
    errorTypes: {
      429: 'ThrottlingException',
      500: 'InternalServerException',
      400: 'ValidationException',
    },
    errorType: (body, headers) =>
      typeof at(body, 'message') === 'string'
        ? headers.get('x-amzn-errortype')?.split(':')[0]
        : undefined,
  },
};

const KINDS = Object.keys(CASES) as StandInKind[];

/** Reads a body until it ends or breaks, keeping what arrived before a break. */
async function readUntilBroken(response: Response): Promise<{ text: string; error: unknown }> {
  const reader = response.body?.getReader();
  assert.ok(reader);
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const { done, value } = (await reader.read()) as {
        done: boolean;
        value?: Uint8Array;
      };
      if (done) return { text, error: undefined };
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    return { text, error };
  }
}

function eventPayloads(bytes: Uint8Array): { type: unknown; payload: string }[] {
  const codec = new EventStreamCodec(toUtf8, fromUtf8);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const events: { type: unknown; payload: string }[] = [];
  for (let offset = 0; offset < bytes.length; offset += view.getUint32(offset)) {
    const message = codec.decode(bytes.subarray(offset, offset + view.getUint32(offset)));
    events.push({ type: message.headers[':event-type']?.value, payload: toUtf8(message.body) });
  }
  return events;
}

describe('stand-in scenarios', () => {
  const standIns = new Map<StandInKind, StandIn>();
  const post = async (kind: StandInKind, path: string, body: unknown, scenario: string) => {
    const standIn = standIns.get(kind);
    assert.ok(standIn);
    return fetch(`${standIn.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-stand-in-scenario': scenario },
      body: JSON.stringify(body),
      signal: scenario === 'hang' ? AbortSignal.timeout(200) : null,
    });
  };

  before(async () => {
    for (const kind of KINDS) standIns.set(kind, await startStandIn({ kind }));
  });
  after(() => Promise.all([...standIns.values()].map((standIn) => standIn.close())));

  for (const kind of KINDS) {
    const { streamPath, streamBody, jsonPath, streamEnd, errorTypes, errorType } = CASES[kind];

    it(`${kind}: answers error scenarios with the provider's status and error shape`, async () => {
      for (const status of [429, 500, 400]) {
        const response = await post(kind, jsonPath, {}, `error-${status}`);
        assert.equal(response.status, status);
        assert.equal(errorType(await response.json(), response.headers), errorTypes[status]);
        assert.equal(response.headers.get('retry-after'), status === 429 ? '1' : null);
      }
    });

    it(`${kind}: hang never answers; the client gives up after 200 ms`, async () => {
      await assert.rejects(post(kind, streamPath, streamBody, 'hang'), { name: 'TimeoutError' });
    });

    it(`${kind}: broken-stream sends some content, then cuts the socket`, async () => {
      const response = await post(kind, streamPath, streamBody, 'broken-stream');
      assert.equal(response.status, 200);
      const { text, error } = await readUntilBroken(response);
      assert.ok(error instanceof Error, 'the body should end in a socket error');
      assert.ok(text.includes('This') && text.includes(' is'), text);
      assert.ok(!text.includes(' a'), 'only part of the content arrives');
      assert.doesNotMatch(text, streamEnd);
      const json = await post(kind, jsonPath, {}, 'broken-stream');
      assert.ok((await readUntilBroken(json)).error instanceof Error);
    });
  }

  for (const kind of ['openai', 'anthropic', 'gemini'] as const) {
    it(`${kind}: malformed-line puts one garbage line just before the usage event`, async () => {
      const { streamPath, streamBody } = CASES[kind];
      const text = await (await post(kind, streamPath, streamBody, 'malformed-line')).text();
      assert.equal(text.split('data: {garbage').length, 2);
      const afterGarbage = text.slice(text.indexOf('data: {garbage'));
      const nextEvent = afterGarbage.split(/\r?\n\r?\n/)[1] ?? '';
      assert.match(
        nextEvent,
        /"(usage|usageMetadata)":\{"(prompt_tokens|input_tokens|promptTokenCount)"/,
      );
      assert.match(nextEvent, kind === 'anthropic' ? /^event: message_delta/ : /^data: /);
    });
  }

  it('openai responses: malformed-line goes just before response.completed', async () => {
    const body = { input: 'hi', stream: true };
    const text = await (await post('openai', '/v1/responses', body, 'malformed-line')).text();
    assert.match(text, /data: \{garbage\n\nevent: response\.completed\n/);
  });

  it('bedrock: malformed-line sends one non-JSON frame just before metadata', async () => {
    const { streamPath, streamBody } = CASES.bedrock;
    const response = await post('bedrock', streamPath, streamBody, 'malformed-line');
    const events = eventPayloads(new Uint8Array(await response.arrayBuffer()));
    const garbage = events.findIndex((event) => event.payload === '{garbage');
    assert.equal(events.filter((event) => event.payload === '{garbage').length, 1);
    assert.equal(events[garbage + 1]?.type, 'metadata');
  });

  it('slow-stream spaces the content chunks 50 ms apart', async () => {
    const { streamPath, streamBody } = CASES.openai;
    const started = performance.now();
    const text = await (await post('openai', streamPath, streamBody, 'slow-stream')).text();
    assert.ok(performance.now() - started >= 140, 'three chunks at 50 ms each');
    assert.match(text, /data: \[DONE\]/);
  });
});

describe('scenarios by requested model', () => {
  let standIn: StandIn;
  before(async () => {
    standIn = await startStandIn({
      kind: 'gemini',
      scenarios: { 'gemini-2.5-pro': 'error-429', 'gpt-4o': 'error-500' },
    });
  });
  after(() => standIn.close());

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${standIn.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('fails the named model (in the path or the body) and answers any other', async () => {
    const pro = await post('/v1beta/models/gemini-2.5-pro:generateContent', { contents: [] });
    assert.equal(pro.status, 429);
    const flash = await post('/v1beta/models/gemini-2.5-flash:generateContent', { contents: [] });
    assert.equal(flash.status, 200);
    const byBody = await post('/v1beta/models/x:generateContent', { model: 'gpt-4o' });
    assert.equal(byBody.status, 500);
  });

  it('lets the header override the model’s scenario', async () => {
    const response = await post(
      '/v1beta/models/gemini-2.5-pro:generateContent',
      { contents: [] },
      { 'x-stand-in-scenario': 'ok' },
    );
    assert.equal(response.status, 200);
  });
});
