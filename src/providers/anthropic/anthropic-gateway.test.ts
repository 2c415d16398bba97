import assert from 'node:assert/strict';
import { test } from 'node:test';
import { anthropicGateway } from './anthropic-gateway.ts';
import { anthropicMessagesProtocol } from './anthropic-messages-protocol.ts';

const query = new URLSearchParams();

test('meters POST /v1/messages only', () => {
  assert.deepEqual(anthropicGateway.matchPath('POST', '/v1/messages'), {
    protocol: anthropicMessagesProtocol,
    streamByPath: false,
  });
  assert.equal(
    anthropicGateway.matchPath('POST', '/v1/messages/')?.protocol,
    anthropicMessagesProtocol,
  );
  for (const [method, path] of [
    ['GET', '/v1/messages'],
    ['POST', '/v1/messages/count_tokens'],
    ['POST', '/v1/messages/batches'],
    ['POST', '/v1/complete'],
  ] as const) {
    assert.equal(anthropicGateway.matchPath(method, path), undefined, `${method} ${path}`);
  }
});

test('credentials: x-api-key upstream; the caller may use x-api-key or a Bearer', () => {
  assert.equal(anthropicGateway.defaultBaseUrl, 'https://api.anthropic.com');
  assert.deepEqual(anthropicGateway.credentialHeaders, ['x-api-key', 'authorization']);
  assert.deepEqual(anthropicGateway.credentialFor('sk-ant-1'), { 'x-api-key': 'sk-ant-1' });
  assert.equal(
    anthropicGateway.readCallerCredential({ 'x-api-key': 'sk-ant-2' }, query),
    'sk-ant-2',
  );
  assert.equal(
    anthropicGateway.readCallerCredential({ authorization: 'Bearer tk-3' }, query),
    'tk-3',
  );
  assert.equal(
    anthropicGateway.readCallerCredential(
      { 'x-api-key': 'first', authorization: 'Bearer second' },
      query,
    ),
    'first',
  );
  assert.equal(anthropicGateway.readCallerCredential({}, query), undefined);
});
