import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalJson } from './canonical-json.ts';

test('sorts keys at every depth, keeps array order, drops undefined fields like JSON does', () => {
  const value = {
    z: [3, { b: 'two', a: null }, [true, 'é"\n']],
    a: { y: undefined, x: 1.5, w: { d: 0, c: -1 } },
    m: 'text',
  };
  assert.equal(
    canonicalJson(value),
    '{"a":{"w":{"c":-1,"d":0},"x":1.5},"m":"text","z":[3,{"a":null,"b":"two"},[true,"é\\"\\n"]]}',
  );
  assert.deepEqual(JSON.parse(canonicalJson(value)), JSON.parse(JSON.stringify(value)));
});

test('gives scalars and empty containers as JSON does', () => {
  assert.equal(canonicalJson('hi'), '"hi"');
  assert.equal(canonicalJson(null), 'null');
  assert.equal(canonicalJson(undefined), 'null');
  assert.equal(canonicalJson({}), '{}');
  assert.equal(canonicalJson([]), '[]');
  assert.equal(canonicalJson({ only: undefined }), '{}');
});
