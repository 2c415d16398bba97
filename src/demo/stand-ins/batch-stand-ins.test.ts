import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { startStandIn } from './start-stand-in.ts';

const openai = await startStandIn({ kind: 'openai' });
const anthropic = await startStandIn({ kind: 'anthropic', batchPolls: 1 });
after(() => Promise.all([openai.close(), anthropic.close()]));

async function call(
  url: string,
  init: RequestInit = {},
): Promise<[number, Record<string, unknown>]> {
  const response = await fetch(url, init);
  return [response.status, (await response.json()) as Record<string, unknown>];
}

function upload(content: string): FormData {
  const form = new FormData();
  form.append('purpose', 'batch');
  form.append('file', new Blob([content]), 'batch.jsonl');
  return form;
}

test('OpenAI: a file whose url does not match the endpoint fails validation, naming the line', async () => {
  const line = (url: string) =>
    JSON.stringify({
      custom_id: url,
      method: 'POST',
      url,
      body: { model: 'gpt-4o-mini', messages: [] },
    });
  const content = [line('/v1/chat/completions'), line('/v1/embeddings')].join('\n');
  const [, file] = await call(`${openai.url}/v1/files`, { method: 'POST', body: upload(content) });
  const create = {
    input_file_id: file.id,
    endpoint: '/v1/chat/completions',
    completion_window: '24h',
  };
  const [status, batch] = await call(`${openai.url}/v1/batches`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(create),
  });
  assert.deepEqual([status, batch.status], [200, 'validating']);
  const [, polled] = await call(`${openai.url}/v1/batches/${String(batch.id)}`);
  assert.equal(polled.status, 'failed');
  assert.deepEqual((polled.errors as { data: { line: number }[] }).data[0]?.line, 2);
  const [missing, error] = await call(`${openai.url}/v1/batches/batch_nope`);
  assert.equal(missing, 404);
  assert.match(JSON.stringify(error), /No batch found with id 'batch_nope'/);
});

test('Anthropic: results are refused until the batch has ended', async () => {
  const requests = [
    { custom_id: 'a', params: { model: 'claude-haiku-4-5', max_tokens: 8, messages: [] } },
  ];
  const [, batch] = await call(`${anthropic.url}/v1/messages/batches`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ requests }),
  });
  const results = `${anthropic.url}/v1/messages/batches/${String(batch.id)}/results`;
  assert.equal((await fetch(results)).status, 400);
  const [, first] = await call(`${anthropic.url}/v1/messages/batches/${String(batch.id)}`);
  const [, second] = await call(`${anthropic.url}/v1/messages/batches/${String(batch.id)}`);
  assert.deepEqual([first.processing_status, second.processing_status], ['in_progress', 'ended']);
  assert.equal(second.results_url, results);
  const lines = (await (await fetch(results)).text()).trim().split('\n');
  assert.equal(lines.length, 1);
  assert.match(lines[0] ?? '', /"type":"succeeded".*"service_tier":"batch"/);
});
