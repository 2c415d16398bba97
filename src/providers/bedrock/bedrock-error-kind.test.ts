import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bedrockErrorKind } from './bedrock-error-kind.ts';

test('each documented Bedrock runtime exception has its kind', () => {
  const cases: [string, string][] = [
    ['ThrottlingException', 'rate_limit'],
    ['ServiceQuotaExceededException', 'rate_limit'],
    ['ServiceUnavailableException', 'overloaded'],
    ['ModelNotReadyException', 'overloaded'],
    ['InternalServerException', 'server_error'],
    ['ModelStreamErrorException', 'server_error'],
    ['ModelErrorException', 'server_error'],
    ['ValidationException', 'invalid_request'],
    ['AccessDeniedException', 'permission'],
    ['ResourceNotFoundException', 'not_found'],
    ['ModelTimeoutException', 'timeout'],
    ['UnrecognizedClientException', 'authentication'],
  ];
  for (const [name, kind] of cases) assert.equal(bedrockErrorKind(name), kind, name);
});

test('every spelling of a name: stream, __type with namespace, header with URL', () => {
  assert.equal(bedrockErrorKind('throttlingException'), 'rate_limit');
  assert.equal(
    bedrockErrorKind('com.amazonaws.bedrockruntime#ValidationException'),
    'invalid_request',
  );
  assert.equal(
    bedrockErrorKind('AccessDeniedException:http://internal.amazon.com/coral/com.amazon.bedrock/'),
    'permission',
  );
});

test('unknown names and non-strings are undefined', () => {
  for (const name of ['SomethingNew', '', undefined, 42, null]) {
    assert.equal(bedrockErrorKind(name), undefined);
  }
});
