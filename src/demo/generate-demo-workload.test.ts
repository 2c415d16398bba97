import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findTokenProblems } from '../domain/token-classes.ts';
import { generateDemoWorkload } from './generate-demo-workload.ts';
import { planDemoWorkload } from './plan-demo-workload.ts';
import { DAY_MS, utcDayOfWeek } from './seasonality.ts';

/** Monday 6 October 2025, 00:00 UTC: a week before it holds five weekdays and a weekend. */
const END = Date.UTC(2025, 9, 6);
const SMALL = { days: 3, seed: 42, end: END, eventsPerDay: 2000 };
const WEEK = { days: 7, seed: 7, end: END, eventsPerDay: 10_000 };
const week = [...generateDemoWorkload(WEEK, 5000)].flat();

describe('generateDemoWorkload', () => {
  it('is byte-identical for the same seed and differs for another', () => {
    const first = JSON.stringify([...generateDemoWorkload(SMALL, 1000)]);
    assert.equal(JSON.stringify([...generateDemoWorkload(SMALL, 1000)]), first);
    assert.notEqual(JSON.stringify([...generateDemoWorkload({ ...SMALL, seed: 43 }, 1000)]), first);
  });

  it('yields exactly the planned number of events in batches of the asked size', () => {
    const batches = [...generateDemoWorkload(SMALL, 700)];
    const total = batches.reduce((sum, batch) => sum + batch.length, 0);
    assert.equal(total, planDemoWorkload(SMALL).totalEvents);
    assert.ok(batches.slice(0, -1).every((batch) => batch.length === 700));
    assert.equal(week.length, planDemoWorkload(WEEK).totalEvents);
  });

  it('keeps every event inside [end − days, end), in time order, with unique ids', () => {
    const start = END - WEEK.days * DAY_MS;
    assert.ok(week.every((event) => event.timestamp >= start && event.timestamp < END));
    assert.ok(week.every((event, index) => event.timestamp >= (week[index - 1]?.timestamp ?? 0)));
    assert.equal(new Set(week.map((event) => event.id)).size, week.length);
    assert.equal(new Set(week.map((event) => event.requestId)).size, week.length);
  });

  it('normalises every token count', () => {
    const faulty = week.filter((event) => findTokenProblems(event.tokens).length > 0);
    assert.deepEqual(faulty, []);
    assert.ok(week.every((event) => event.source === 'demo' && event.cacheOutcome === undefined));
  });

  it('sends about three times more calls on a weekday than on a weekend day', () => {
    let weekday = 0;
    let weekend = 0;
    for (const event of week) {
      const day = utcDayOfWeek(event.timestamp);
      if (day === 0 || day === 6) weekend++;
      else weekday++;
    }
    const ratio = weekday / 5 / (weekend / 2);
    assert.ok(ratio > 2.4 && ratio < 3.6, `weekday/weekend ${ratio}`);
  });

  it('leaves 6–10 % of events with no tags at all', () => {
    // Every tag key is present in one shape, so no tags means every value undefined.
    const untagged = week.filter((event) =>
      Object.values(event.tags).every((value) => value === undefined),
    );
    const share = untagged.length / week.length;
    assert.ok(share > 0.06 && share < 0.1, `untagged ${share}`);
  });

  it('uses four providers, a priced catalogue of models and one private fine-tune', () => {
    assert.deepEqual([...new Set(week.map((event) => event.provider))].sort(), [
      'anthropic',
      'bedrock',
      'gemini',
      'openai',
    ]);
    const models = new Set(week.map((event) => event.model));
    assert.ok(models.size >= 10, `${models.size} models`);
    const fineTuned = week.filter((event) => event.model.startsWith('ft:')).length / week.length;
    assert.ok(fineTuned > 0.0003 && fineTuned < 0.003, `fine-tune share ${fineTuned}`);
  });

  it('mixes tiers, errors with retries, aborted streams and long prompts', () => {
    const count = (test: (event: (typeof week)[number]) => boolean): number =>
      week.filter(test).length;
    assert.ok(count((event) => event.serviceTier === 'batch') > 0);
    assert.ok(count((event) => event.serviceTier === 'flex') > 0);
    for (const kind of ['rate_limit', 'server_error', 'timeout']) {
      assert.ok(count((event) => event.status === 'error' && event.errorKind === kind) > 0, kind);
    }
    assert.ok(count((event) => event.status === 'aborted') > 0);
    assert.ok(count((event) => event.tokens.input > 200_000) > 0);
    const requestIds = new Set(week.map((event) => event.requestId));
    const retries = week.filter((event) => event.attempt > 1);
    assert.ok(retries.length > 0);
    assert.ok(
      retries.every((event) => event.retryOf !== undefined && requestIds.has(event.retryOf)),
    );
  });

  it('reports outcomes with per-feature success rates and scores between 0 and 1', () => {
    const chat = week.filter((event) => event.tags.feature === 'support-chat' && event.outcome);
    const successRate = chat.filter((event) => event.outcome === 'success').length / chat.length;
    assert.ok(successRate > 0.65 && successRate < 0.9, `support-chat success ${successRate}`);
    const scores = week.flatMap((event) => (event.score === undefined ? [] : [event.score]));
    assert.ok(scores.length > 0 && scores.every((score) => score >= 0 && score <= 1));
    assert.ok(week.every((event) => event.tags.feature !== 'embedding-pipeline' || !event.outcome));
  });

  it('refuses a batch size below one', () => {
    assert.throws(() => generateDemoWorkload(SMALL, 0).next(), RangeError);
  });
});
