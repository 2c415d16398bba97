import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMapColumn } from './parse-map-column.ts';

describe('parseMapColumn', () => {
  it('reads JSON objects, brace-less EA tags and DuckDB map text', () => {
    assert.deepEqual(parseMapColumn('{"user_team":"search","n":2,"flag":true,"gone":null}'), {
      user_team: 'search',
      n: '2',
      flag: 'true',
    });
    assert.deepEqual(parseMapColumn('"team": "search","env": "prod"'), {
      team: 'search',
      env: 'prod',
    });
    assert.deepEqual(parseMapColumn("{user_team=search, 'odd=key'='a, b', it''s=NULL}"), {
      user_team: 'search',
      'odd=key': 'a, b',
    });
    assert.deepEqual(parseMapColumn('{}'), {});
  });

  it('is undefined for text that is neither form', () => {
    for (const text of ['team=search', '[1,2]', '{"a":{"b":1}}', "{'unterminated=1}", '{a}']) {
      assert.equal(parseMapColumn(text), undefined, text);
    }
  });
});
