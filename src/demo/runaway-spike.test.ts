import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateDemoWorkload } from './generate-demo-workload.ts';
import { findRunawaySpike } from './runaway-spike.ts';
import { DAY_MS, HOUR_MS } from './seasonality.ts';

const END = Date.UTC(2025, 9, 9);
const options = { days: 3, seed: 11, end: END, eventsPerDay: 10_000 };

describe('the runaway coding-agent spike', () => {
  it('runs two hours from 13:00 UTC on the day two thirds into the period', () => {
    const period = { start: END - 3 * DAY_MS, end: END, seed: 1, eventsPerDay: 10_000 };
    const spike = findRunawaySpike(period);
    assert.equal(spike?.start, END - DAY_MS + 13 * HOUR_MS);
    assert.equal(spike?.end, END - DAY_MS + 15 * HOUR_MS);
  });

  it('multiplies the coding agent’s tokens in its hours far above a median hour', () => {
    const tokensPerHour = new Map<number, number>();
    for (const event of [...generateDemoWorkload(options, 5000)].flat()) {
      if (event.tags.feature !== 'coding-agent') continue;
      const hour = Math.floor(event.timestamp / HOUR_MS) * HOUR_MS;
      tokensPerHour.set(
        hour,
        (tokensPerHour.get(hour) ?? 0) + event.tokens.input + event.tokens.output,
      );
    }
    const ordered = [...tokensPerHour.values()].sort((left, right) => left - right);
    const median = ordered[Math.floor(ordered.length / 2)] ?? 0;
    const spikeHour = tokensPerHour.get(END - DAY_MS + 13 * HOUR_MS) ?? 0;
    const sameHourDayBefore = tokensPerHour.get(END - 2 * DAY_MS + 13 * HOUR_MS) ?? 0;
    assert.ok(spikeHour > 10 * median, `spike ${spikeHour}, median ${median}`);
    assert.ok(
      spikeHour > 4 * sameHourDayBefore,
      `spike ${spikeHour}, day before ${sameHourDayBefore}`,
    );
  });
});
