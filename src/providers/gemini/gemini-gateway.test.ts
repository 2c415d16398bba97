import assert from 'node:assert/strict';
import { test } from 'node:test';
import { geminiAdapter } from './gemini-adapter.ts';
import { geminiGateway } from './gemini-gateway.ts';

test('the adapter carries the gateway', () => {
  assert.equal(geminiAdapter.gateway, geminiGateway);
  assert.equal(geminiGateway.defaultBaseUrl, 'https://generativelanguage.googleapis.com');
});

test('meters generateContent and streamGenerateContent on every API version', () => {
  const plain = geminiGateway.matchPath('POST', '/v1beta/models/gemini-2.5-flash:generateContent');
  assert.equal(plain?.protocol.name, 'gemini');
  assert.equal(plain?.pathModel, 'gemini-2.5-flash');
  assert.equal(plain?.streamByPath, false);

  const stream = geminiGateway.matchPath(
    'post',
    '/v1/models/gemini-2.5-pro:streamGenerateContent?alt=sse',
  );
  assert.equal(stream?.pathModel, 'gemini-2.5-pro');
  assert.equal(stream?.streamByPath, true);

  const alpha = geminiGateway.matchPath(
    'POST',
    '/v1alpha/models/gemini-2.5-flash-preview%2D09-2025:streamGenerateContent',
  );
  assert.equal(alpha?.pathModel, 'gemini-2.5-flash-preview-09-2025', 'the model is URL-decoded');
});

test('the route reads requests with the path model', () => {
  const route = geminiGateway.matchPath('POST', '/v1beta/models/gemini-2.5-flash:generateContent');
  const facts = route?.protocol.readRequest({ contents: [] }, route.pathModel);
  assert.equal(facts?.model, 'gemini-2.5-flash');
  assert.equal(facts?.operation, 'generate_content');
});

test('other paths and methods pass through unmetered', () => {
  for (const [method, path] of [
    ['GET', '/v1beta/models/gemini-2.5-flash:generateContent'],
    ['GET', '/v1beta/models'],
    ['POST', '/v1beta/models/gemini-2.5-flash:countTokens'],
    ['POST', '/v1beta/models/text-embedding-004:embedContent'],
    ['POST', '/v2/models/gemini-2.5-flash:generateContent'],
    ['POST', '/v1beta/models/:generateContent'],
    ['POST', '/v1beta/models/a/b:generateContent'],
    ['POST', '/upload/v1beta/files'],
  ] as const) {
    assert.equal(geminiGateway.matchPath(method, path), undefined, `${method} ${path}`);
  }
});

test('a malformed escape in the model leaves it as sent', () => {
  const route = geminiGateway.matchPath('POST', '/v1beta/models/gemini%E0:generateContent');
  assert.equal(route?.pathModel, 'gemini%E0');
});

test('credentials: the header or the key parameter, sent upstream as the header', () => {
  assert.deepEqual(geminiGateway.credentialHeaders, ['x-goog-api-key']);
  assert.equal(geminiGateway.credentialQueryParameter, 'key');
  assert.deepEqual(geminiGateway.credentialFor('AIza-test'), { 'x-goog-api-key': 'AIza-test' });

  const none = new URLSearchParams();
  assert.equal(geminiGateway.readCallerCredential({ 'x-goog-api-key': 'AIza-1' }, none), 'AIza-1');
  assert.equal(
    geminiGateway.readCallerCredential({ 'x-goog-api-key': ['AIza-2', 'x'] }, none),
    'AIza-2',
  );
  assert.equal(
    geminiGateway.readCallerCredential({}, new URLSearchParams('alt=sse&key=tok_virtual')),
    'tok_virtual',
  );
  assert.equal(
    geminiGateway.readCallerCredential({ 'x-goog-api-key': ' ' }, new URLSearchParams('key=k2')),
    'k2',
    'a blank header falls back to the parameter',
  );
  assert.equal(geminiGateway.readCallerCredential({ authorization: 'Bearer x' }, none), undefined);
});
