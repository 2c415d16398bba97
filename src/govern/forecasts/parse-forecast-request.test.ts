import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseForecastRequest } from './parse-forecast-request.ts';

/** The latest stored event: 2026-03-14 17:05 UTC. */
const fakeStore = () => ({
  timeRange: () =>
    Promise.resolve({ from: Date.UTC(2026, 1, 1), to: Date.UTC(2026, 2, 14, 17, 5), events: 2 }),
});

describe('parseForecastRequest', () => {
  it('defaults to the end of the latest day with data and its month', async () => {
    const request = await parseForecastRequest(
      { by: 'team', where: ['team=search'] },
      fakeStore(),
      Date.UTC(2026, 11, 1),
    );
    assert.equal(request.now, Date.UTC(2026, 2, 15));
    assert.equal(request.month, '2026-03');
    assert.deepEqual(request.where, [{ dimension: 'team', value: 'search' }]);
  });

  it('takes the clock when data is live, and --as-of a day as its end', async () => {
    const clock = Date.UTC(2026, 2, 14, 18);
    assert.equal((await parseForecastRequest({}, fakeStore(), clock)).now, clock);
    const asOf = await parseForecastRequest({ asOf: '2026-02-28' }, fakeStore(), clock);
    assert.equal(asOf.now, Date.UTC(2026, 2, 1));
    assert.equal(asOf.month, '2026-02');
  });

  it('refuses a month that is not YYYY-MM and a date that is not one', async () => {
    await assert.rejects(
      parseForecastRequest({ month: '2026-03-01' }, fakeStore(), 0),
      /not a month/,
    );
    await assert.rejects(parseForecastRequest({ month: '2026-13' }, fakeStore(), 0), /month/);
    await assert.rejects(parseForecastRequest({ asOf: 'soon' }, fakeStore(), 0), /as-of/);
  });
});
