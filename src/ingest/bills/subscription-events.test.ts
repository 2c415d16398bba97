import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BillingLine } from '../../domain/billing-line.ts';
import { subscriptionEvents } from './subscription-events.ts';

const line = (overrides: Partial<BillingLine>): BillingLine => ({
  id: 'abc',
  format: 'subscription',
  role: 'invoice',
  provider: 'cursor',
  billedClass: 'seat',
  periodStart: Date.UTC(2026, 2, 1),
  periodEnd: Date.UTC(2026, 3, 1),
  quantity: 25,
  cost: 499.75,
  currency: 'USD',
  tags: { team: 'developer-productivity', cost_center: 'r&d' },
  ...overrides,
});

describe('subscriptionEvents', () => {
  it('turns seat and overage lines into events with the billed amount as their cost', () => {
    const events = subscriptionEvents([
      line({}),
      line({ id: 'def', billedClass: 'other', cost: 42.5, quantity: undefined }),
    ]);
    assert.deepEqual(
      events.map((event) => [
        event.id,
        event.model,
        event.givenCost,
        event.tags.team,
        event.timestamp,
      ]),
      [
        ['subscription-abc', 'seats', 499.75, 'developer-productivity', Date.UTC(2026, 2, 1)],
        ['subscription-def', 'overage', 42.5, 'developer-productivity', Date.UTC(2026, 2, 1)],
      ],
    );
    assert.deepEqual(events[0]?.tags.extra, { cost_center: 'r&d' });
    assert.equal(events[0]?.tokens.input, 0);
  });

  it('leaves lines of other formats alone', () => {
    assert.deepEqual(subscriptionEvents([line({ format: 'aws-cur' })]), []);
  });
});
