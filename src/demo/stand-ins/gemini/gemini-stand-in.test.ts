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

const FULL_USAGE = {
  promptTokenCount: 5230,
  candidatesTokenCount: 212,
  cachedContentTokenCount: 4096,
  thoughtsTokenCount: 845,
  totalTokenCount: 6287,
};

describe('Gemini stand-in', () => {
  let standIn: StandIn;
  const post = async (path: string, headers: Record<string, string> = {}) =>
    fetch(`${standIn.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'hi' }] }] }),
    });

  before(async () => {
    standIn = await startStandIn({
      kind: 'gemini',
      usage: {
        promptTokenCount: 5230,
        candidatesTokenCount: 212,
        cachedContentTokenCount: 4096,
        thoughtsTokenCount: 845,
      },
    });
  });
  after(() => standIn.close());

  it('answers generateContent with usageMetadata and the path model as modelVersion', async () => {
    const response = await post('/v1beta/models/gemini-2.5-flash:generateContent');
    assert.equal(response.status, 200);
    const body: unknown = await response.json();
    assert.equal(at(body, 'modelVersion'), 'gemini-2.5-flash');
    assert.equal(at(body, 'candidates', 0, 'content', 'parts', 0, 'text'), 'This is a');
    assert.equal(at(body, 'candidates', 0, 'finishReason'), 'STOP');
    assert.deepEqual(at(body, 'usageMetadata'), FULL_USAGE);
  });

  it('leaves zero cache and thought counts out, as Gemini does', async () => {
    const headers = {
      'x-stand-in-usage': JSON.stringify({ cachedContentTokenCount: 0, thoughtsTokenCount: 0 }),
      'x-stand-in-model': 'gemini-2.5-flash-001',
    };
    const body: unknown = await (
      await post('/v1beta/models/gemini-2.5-flash:generateContent', headers)
    ).json();
    assert.deepEqual(at(body, 'usageMetadata'), {
      promptTokenCount: 5230,
      candidatesTokenCount: 212,
      totalTokenCount: 5442,
    });
    assert.equal(at(body, 'modelVersion'), 'gemini-2.5-flash-001');
  });

  it('streams SSE with CRLF and running usage totals ending at the full usage', async () => {
    const response = await post('/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse');
    assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
    const text = await response.text();
    const blocks = text.split('\r\n\r\n').filter((block) => block !== '');
    const chunks = blocks.map((block) => JSON.parse(block.replace(/^data: /, '')) as unknown);
    assert.equal(chunks.length, 4);
    assert.deepEqual(
      chunks.map((chunk) => at(chunk, 'usageMetadata', 'candidatesTokenCount')),
      [71, 141, 212, 212],
    );
    assert.ok(chunks.every((chunk) => at(chunk, 'usageMetadata', 'promptTokenCount') === 5230));
    assert.deepEqual(at(chunks.at(-1), 'usageMetadata'), FULL_USAGE);
    assert.equal(at(chunks.at(-1), 'candidates', 0, 'finishReason'), 'STOP');
    assert.equal(at(chunks[0], 'candidates', 0, 'finishReason'), undefined);
  });

  it('streams one JSON array without alt=sse', async () => {
    const response = await post('/v1beta/models/gemini-2.5-pro:streamGenerateContent');
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    const chunks: unknown = JSON.parse(await response.text());
    assert.ok(Array.isArray(chunks));
    assert.equal(chunks.length, 4);
    assert.deepEqual(at(chunks.at(-1), 'usageMetadata'), FULL_USAGE);
    assert.equal(at(chunks[0], 'modelVersion'), 'gemini-2.5-pro');
  });

  it('answers unknown paths in the Gemini error shape', async () => {
    const response = await post('/v1beta/models/gemini-2.5-pro:countTokens');
    assert.equal(response.status, 404);
    assert.deepEqual(at(await response.json(), 'error', 'status'), 'NOT_FOUND');
  });
});
