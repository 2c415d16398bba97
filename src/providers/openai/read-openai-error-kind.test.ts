import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readOpenAiErrorKind } from './read-openai-error-kind.ts';

test('the code wins over the type; unknown names are unknown', () => {
  const cases: [unknown, string | undefined][] = [
    [{ type: 'tokens', code: 'rate_limit_exceeded' }, 'rate_limit'],
    [{ type: 'insufficient_quota', code: 'insufficient_quota' }, 'rate_limit'],
    [{ type: 'server_error', code: null }, 'server_error'],
    [{ type: 'invalid_request_error', code: null }, 'invalid_request'],
    [{ type: 'invalid_request_error', code: 'invalid_api_key' }, 'authentication'],
    [{ type: 'invalid_request_error', code: 'model_not_found' }, 'not_found'],
    [{ code: 'invalid_image_url' }, 'invalid_request'],
    [{ code: 'vector_store_timeout' }, 'timeout'],
    // Azure: HTTP statuses and PascalCase names in `code`
    [{ code: '429', message: 'Requests … have exceeded token rate limit' }, 'rate_limit'],
    [{ code: 'DeploymentNotFound' }, 'not_found'],
    // vLLM: a numeric status in `code`
    [{ object: 'error', type: 'BadRequestError', code: 400 }, 'invalid_request'],
    [{ type: 'something_new' }, 'unknown'],
    [null, undefined],
    ['oops', undefined],
  ];
  for (const [error, kind] of cases)
    assert.equal(readOpenAiErrorKind(error), kind, JSON.stringify(error));
});
