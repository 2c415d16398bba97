import assert from 'node:assert/strict';
import { test } from 'node:test';
import { trimRequestPath } from './trim-request-path.ts';

test('drops the query string and a trailing slash', () => {
  assert.equal(trimRequestPath('/v1/messages'), '/v1/messages');
  assert.equal(trimRequestPath('/v1/messages/'), '/v1/messages');
  assert.equal(trimRequestPath('/v1/messages?beta=true'), '/v1/messages');
  assert.equal(trimRequestPath('/v1/messages/?beta=true'), '/v1/messages');
  assert.equal(trimRequestPath('/'), '/');
});
