import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bedrockAdapter } from './bedrock-adapter.ts';
import { bedrockGateway } from './bedrock-gateway.ts';

test('the adapter carries the gateway', () => {
  assert.equal(bedrockAdapter.gateway, bedrockGateway);
  assert.equal(bedrockGateway.defaultBaseUrl, 'https://bedrock-runtime.us-east-1.amazonaws.com');
});

test('meters the four runtime operations, each with its protocol and stream flag', () => {
  const model = 'us.anthropic.claude-sonnet-4-20250514-v1:0';
  const base = `/model/${encodeURIComponent(model)}`;
  const expected: [string, string, boolean][] = [
    ['converse', 'bedrock-converse', false],
    ['converse-stream', 'bedrock-converse', true],
    ['invoke', 'bedrock-invoke', false],
    ['invoke-with-response-stream', 'bedrock-invoke', true],
  ];
  for (const [operation, protocol, streamByPath] of expected) {
    const route = bedrockGateway.matchPath('POST', `${base}/${operation}`);
    assert.equal(route?.protocol.name, protocol, operation);
    assert.equal(route?.pathModel, model);
    assert.equal(route?.streamByPath, streamByPath, operation);
  }
});

test('an ARN model id is URL-decoded', () => {
  const arn = 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4';
  const route = bedrockGateway.matchPath('post', `/model/${encodeURIComponent(arn)}/converse`);
  assert.equal(route?.pathModel, arn);
  const facts = route?.protocol.readRequest({ messages: [] }, route.pathModel);
  assert.equal(facts?.model, arn);
  assert.equal(facts?.operation, 'converse');
});

test('other paths and methods pass through unmetered', () => {
  for (const [method, path] of [
    ['GET', '/model/amazon.nova-lite-v1:0/converse'],
    ['POST', '/model/amazon.nova-lite-v1:0/count-tokens'],
    ['POST', '/model/arn:aws:bedrock:us-east-1:1:application-inference-profile/x/converse'],
    ['POST', '/model//converse'],
    ['POST', '/async-invoke'],
    ['POST', '/guardrail/g1/version/1/apply'],
  ] as const) {
    assert.equal(bedrockGateway.matchPath(method, path), undefined, `${method} ${path}`);
  }
});

test('credentials: Bedrock API keys as bearer tokens; SigV4 is not a credential to pass on', () => {
  assert.deepEqual(bedrockGateway.credentialHeaders, ['authorization']);
  assert.equal(bedrockGateway.credentialQueryParameter, undefined);
  assert.deepEqual(bedrockGateway.credentialFor('ABSKQmVkcm9jaw=='), {
    authorization: 'Bearer ABSKQmVkcm9jaw==',
  });
  const query = new URLSearchParams();
  assert.equal(
    bedrockGateway.readCallerCredential({ authorization: 'Bearer ABSKQmVkcm9jaw==' }, query),
    'ABSKQmVkcm9jaw==',
  );
  assert.equal(
    bedrockGateway.readCallerCredential({ authorization: 'bearer  tok_1 ' }, query),
    'tok_1',
  );
  assert.equal(
    bedrockGateway.readCallerCredential(
      {
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIA/20260310/us-east-1/bedrock/aws4_request, SignedHeaders=host, Signature=abc',
      },
      query,
    ),
    undefined,
  );
  assert.equal(bedrockGateway.readCallerCredential({}, query), undefined);
  assert.equal(bedrockGateway.readCallerCredential({ authorization: 'Bearer' }, query), undefined);
});
