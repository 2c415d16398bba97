import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRedactor } from './redact-payload.ts';

test('keys, tokens and emails are redacted before any configured rule', () => {
  const redact = createRedactor([
    { pattern: String.raw`\b\d{4}-\d{4}-\d{4}-\d{4}\b`, replacement: '[CARD]' },
  ]);
  const text = [
    'key sk-proj-abcdefghijklmnop1234 and sk-ant-api03-ZZZZZZZZZZZZZZZZZZZZ',
    'tokenops tok_AAAAAAAAAAAAAAAAAAAAAAAA tka_BBBBBBBBBBBBBBBBBBBBBBBB',
    'aws AKIAIOSFODNN7EXAMPLE, header Bearer abc.def-123456',
    'mail jane.doe+llm@example.co.uk, card 4111-1111-1111-1111, keep gpt-4o-mini',
  ].join('\n');
  assert.equal(
    redact(text),
    [
      'key [REDACTED KEY] and [REDACTED KEY]',
      'tokenops [REDACTED KEY] [REDACTED KEY]',
      'aws [REDACTED KEY], header Bearer [REDACTED]',
      'mail [REDACTED EMAIL], card [CARD], keep gpt-4o-mini',
    ].join('\n'),
  );
});
