import assert from 'node:assert/strict';
import { it } from 'node:test';
import { addJsonMembers } from './add-json-members.ts';

const added = (text: string, members: Record<string, unknown>) =>
  addJsonMembers(Buffer.from(text), members)?.toString();

it('puts the members first and leaves every other byte as the caller wrote it', () => {
  const caller = '{ "model": "gpt-4o",\n  "seed": 12345678901234567890, "n": 1.0 }';
  const text = added(caller, { stream_options: { include_usage: true } });
  assert.equal(
    text,
    '{"stream_options":{"include_usage":true}, "model": "gpt-4o",\n  "seed": 12345678901234567890, "n": 1.0 }',
  );
  assert.deepEqual(JSON.parse(text ?? ''), {
    stream_options: { include_usage: true },
    ...(JSON.parse(caller) as object),
  });
});

it('adds no comma to an empty object and skips leading whitespace', () => {
  assert.equal(added(' \r\n\t{ }', { a: 1 }), ' \r\n\t{"a":1 }');
  assert.equal(added('{}', { a: 1, b: [2] }), '{"a":1,"b":[2]}');
});

it('gives nothing for bytes that are not an object, and the bytes for no members', () => {
  assert.equal(added('[1]', { a: 1 }), undefined);
  assert.equal(added('', { a: 1 }), undefined);
  assert.equal(added('{"x":1}', {}), '{"x":1}');
});
