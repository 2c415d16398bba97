import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readBearerToken } from './read-bearer-token.ts';

test('reads the token of a Bearer authorization, any case, first of repeated headers', () => {
  assert.equal(readBearerToken({ authorization: 'Bearer sk-test-1' }), 'sk-test-1');
  assert.equal(readBearerToken({ authorization: 'bearer  tok_2 ' }), 'tok_2');
  assert.equal(readBearerToken({ authorization: ['Bearer first', 'Bearer second'] }), 'first');
});

test('other schemes and missing headers give no credential', () => {
  assert.equal(readBearerToken({}), undefined);
  assert.equal(readBearerToken({ authorization: 'Basic dXNlcjpwYXNz' }), undefined);
  assert.equal(readBearerToken({ authorization: 'Bearer' }), undefined);
  assert.equal(readBearerToken({ authorization: '' }), undefined);
});
