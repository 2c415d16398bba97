import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderClickHouseQuery } from './render-clickhouse-query.ts';

describe('renderClickHouseQuery', () => {
  it('binds text as escaped literals, in one pass', () => {
    const text = renderClickHouseQuery({
      text: 'SELECT {p1:String}, {p2:String}',
      params: ["it's \\ a\ttab\nline", '{p1:String}'],
    });
    assert.equal(text, "SELECT 'it\\'s \\\\ a\\ttab\\nline', '{p1:String}'");
  });

  it('binds timestamps as epoch milliseconds', () => {
    const text = renderClickHouseQuery({
      text: 'ts >= {p1:EpochMs}',
      params: ['2026-03-03 12:00:00.250'],
    });
    assert.equal(text, `ts >= ${Date.UTC(2026, 2, 3, 12, 0, 0, 250)}`);
  });

  it('refuses a missing parameter or a timestamp that is not one', () => {
    assert.throws(() => renderClickHouseQuery({ text: '{p2:String}', params: ['a'] }));
    assert.throws(() => renderClickHouseQuery({ text: '{p1:EpochMs}', params: ["1' OR 1"] }));
  });
});
