import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateDemoWorkload } from './generate-demo-workload.ts';
import { DAY_MS, WEEK_MS } from './seasonality.ts';

const END = Date.UTC(2025, 9, 27);
const START = END - 21 * DAY_MS;

describe('PromptVersions', () => {
  it('grows the support chat system prompt about 15 % a week, a new fingerprint each week', () => {
    const tokensByWeek = new Map<number, Set<number>>();
    const fingerprintsByWeek = new Map<number, Set<string>>();
    const workload = generateDemoWorkload(
      { days: 21, seed: 3, end: END, eventsPerDay: 1000 },
      5000,
    );
    for (const event of [...workload].flat()) {
      if (event.tags.feature !== 'support-chat') continue;
      const week = Math.floor((event.timestamp - START) / WEEK_MS);
      const tokens = tokensByWeek.get(week) ?? new Set();
      tokens.add(event.prompt?.systemPromptTokens ?? 0);
      tokensByWeek.set(week, tokens);
      const fingerprints = fingerprintsByWeek.get(week) ?? new Set();
      fingerprints.add(event.promptFingerprint ?? '');
      fingerprintsByWeek.set(week, fingerprints);
    }
    const weekly = [0, 1, 2].map((week) => [...(tokensByWeek.get(week) ?? [])]);
    assert.deepEqual(weekly, [[1800], [2070], [2380]]);
    const fingerprints = [0, 1, 2].map((week) => [...(fingerprintsByWeek.get(week) ?? [])]);
    assert.ok(fingerprints.every((names) => names.length === 1));
    assert.equal(new Set(fingerprints.flat()).size, 3);
  });
});
