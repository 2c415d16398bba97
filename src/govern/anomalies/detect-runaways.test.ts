import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ActivityMinute } from '../../store/activity-spec.ts';
import { detectRunaways } from './detect-runaways.ts';
import { DEFAULT_RUNAWAY_TUNING } from './runaway-tuning.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const FROM = Date.UTC(2026, 10, 9);

const minute = (
  entity: string,
  at: number,
  calls: number,
  tokens: number,
  feature: string | null = 'agent',
): ActivityMinute => ({ entity, feature, minuteStart: at, calls, tokens });

/** 40 earlier traces of the agent feature: 6 calls and 6,000 tokens in two minutes each. */
const history = Array.from({ length: 40 }, (_, index) => {
  const at = FROM - DAY + index * 30 * MINUTE;
  return [minute(`old-${index}`, at, 3, 3_000), minute(`old-${index}`, at + MINUTE, 3, 3_000)];
}).flat();

const detection = {
  entity: 'trace' as const,
  metrics: ['calls_per_minute', 'tokens_per_minute'] as const,
  from: FROM,
  to: FROM + DAY,
  tuning: DEFAULT_RUNAWAY_TUNING,
};

describe('detectRunaways', () => {
  it('flags a trace that keeps calling for an hour, against earlier traces of its feature', () => {
    // Two calls and 60,000 tokens every minute from 10:00 to 10:59.
    const loop = Array.from({ length: 60 }, (_, index) =>
      minute('loop', FROM + 10 * 60 * MINUTE + index * MINUTE, 2, 60_000),
    );
    const normal = [minute('fine', FROM + 9 * 60 * MINUTE, 3, 3_000)];
    const anomalies = detectRunaways([...history, ...loop, ...normal], detection);
    assert.deepEqual(
      anomalies.map((anomaly) => [anomaly.scope, anomaly.metric]),
      [
        [{ trace: 'loop' }, 'calls_per_minute'],
        [{ trace: 'loop' }, 'tokens_per_minute'],
      ],
    );
    const tokens = anomalies[1];
    assert.ok(tokens);
    assert.equal(tokens.start, FROM + 10 * 60 * MINUTE);
    assert.equal(tokens.end, FROM + 11 * 60 * MINUTE);
    // The full hour at 60,000 tokens a minute, against a typical trace's 6,000 tokens / 60: the
    // hour-long window leaps furthest past the history (the 5-minute one also trips).
    assert.equal(tokens.observed, 60_000);
    assert.equal(tokens.expected, 100);
    assert.equal(tokens.windowMinutes, 60);
    assert.equal(tokens.key, 'anomaly:trace=loop:tokens_per_minute:2026-11-09T10:00');
  });

  it("judges a virtual key by its own history, not other keys'", () => {
    // ci-bot calls 5 times a minute every hour for a week; batch calls 500 times, always.
    const keyHistory = Array.from({ length: 7 * 24 }, (_, hour) => [
      minute('ci-bot', FROM - 7 * DAY + hour * 60 * MINUTE, 5, 500, null),
      minute('batch', FROM - 7 * DAY + hour * 60 * MINUTE, 500, 50_000, null),
    ]).flat();
    const today = [
      ...Array.from({ length: 10 }, (_, index) =>
        minute('ci-bot', FROM + index * MINUTE, 400, 40_000, null),
      ),
      minute('batch', FROM, 500, 50_000, null),
    ];
    const anomalies = detectRunaways([...keyHistory, ...today], {
      ...detection,
      entity: 'virtual_key',
    });
    assert.deepEqual(
      [...new Set(anomalies.map((anomaly) => anomaly.scope.virtual_key))],
      ['ci-bot'],
    );
  });
});
