import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRoutePlanner } from './plan-route.ts';
import { pickVariant, stickyDraw } from './pick-variant.ts';
import type { RoutingRule } from './routing-rule.ts';

const rule = (fields: Partial<RoutingRule>): RoutingRule => ({
  match: {},
  fallbacks: [],
  ...fields,
});

describe('createRoutePlanner', () => {
  it('takes the first rule whose tags and model glob the call carries', () => {
    const plan = createRoutePlanner([
      rule({ name: 'other-team', match: { team: 'ads' }, model: 'a' }),
      rule({ name: 'summaries', match: { feature: 'summarize', model: 'gpt-4o*' }, model: 'b' }),
      rule({ name: 'catch-all', model: 'c' }),
    ]);
    const call = { tags: { team: 'search', feature: 'summarize' }, provider: 'openai' };
    assert.equal(plan({ ...call, model: 'gpt-4o-2024-08-06' })?.rule, 'summaries');
    assert.deepEqual(plan({ ...call, model: 'gpt-4o' })?.steps, [
      { provider: 'openai', model: 'b' },
    ]);
    assert.equal(plan({ ...call, model: 'o3' })?.rule, 'catch-all');
    assert.equal(
      plan({ ...call })?.rule,
      'catch-all',
      'a model glob never matches a call naming none',
    );
  });

  it('gives no plan when no rule matches, and names unnamed rules by position', () => {
    const plan = createRoutePlanner([
      rule({ match: { team: 'ads' }, model: 'x' }),
      rule({ model: 'y' }),
    ]);
    assert.equal(plan({ tags: { team: 'ads' }, provider: 'openai' })?.rule, 'routing[0]');
    assert.equal(createRoutePlanner([])({ tags: {}, provider: 'openai' }), undefined);
  });

  it('lets fallbacks inherit the rule’s provider and model, each overriding its own part', () => {
    const plan = createRoutePlanner([
      rule({
        provider: 'groq',
        model: 'llama-70b',
        timeoutMs: 500,
        fallbacks: [{ model: 'llama-8b' }, { provider: 'openai', model: 'gpt-4o-mini' }],
      }),
    ]);
    const result = plan({ tags: {}, provider: 'openai', model: 'gpt-4o' });
    assert.deepEqual(result?.steps, [
      { provider: 'groq', model: 'llama-70b' },
      { provider: 'groq', model: 'llama-8b' },
      { provider: 'openai', model: 'gpt-4o-mini' },
    ]);
    assert.equal(result?.timeoutMs, 500);
  });

  it('splits by the draw, and records the experiment and variant', () => {
    let draw = 0.2;
    const plan = createRoutePlanner(
      [
        rule({
          name: 'trial',
          split: [
            { variant: 'control', percent: 30 },
            { variant: 'mini', percent: 70, model: 'gpt-4o-mini' },
          ],
          fallbacks: [{ model: 'gpt-4o' }],
        }),
      ],
      () => draw,
    );
    const call = { tags: {}, provider: 'openai', model: 'gpt-4o' };
    assert.deepEqual(plan(call)?.experiment, { name: 'trial', variant: 'control' });
    assert.equal(plan(call)?.steps[0]?.model, 'gpt-4o');
    draw = 0.3;
    assert.deepEqual(plan(call)?.experiment, { name: 'trial', variant: 'mini' });
    assert.equal(plan(call)?.steps[0]?.model, 'gpt-4o-mini');
    assert.equal(
      plan(call)?.steps[1]?.model,
      'gpt-4o',
      'fallbacks follow the rule, not the variant',
    );
  });

  it('keeps a user on one variant whatever the dice say', () => {
    let dice = 0;
    const plan = createRoutePlanner(
      [
        rule({
          name: 't',
          split: [
            { variant: 'a', percent: 50 },
            { variant: 'b', percent: 50 },
          ],
        }),
      ],
      () => (dice = 1 - dice) * 0.999,
    );
    const seen = new Set<string | undefined>();
    for (let call = 0; call < 10; call += 1) {
      seen.add(plan({ tags: { user: 'u-7' }, provider: 'openai' })?.experiment?.variant);
    }
    assert.equal(seen.size, 1);
  });
});

describe('pickVariant and stickyDraw', () => {
  it('lays the variants end to end by percent', () => {
    const variants = [
      { variant: 'a', percent: 10 },
      { variant: 'b', percent: 90 },
    ];
    assert.equal(pickVariant(variants, 0.0999).variant, 'a');
    assert.equal(pickVariant(variants, 0.1).variant, 'b');
    assert.equal(pickVariant(variants, 0.99999999).variant, 'b');
  });

  it('spreads users evenly over [0, 1)', () => {
    const draws = Array.from({ length: 4000 }, (_, index) => stickyDraw(`exp\u0000user-${index}`));
    assert.ok(draws.every((draw) => draw >= 0 && draw < 1));
    const low = draws.filter((draw) => draw < 0.5).length;
    assert.ok(low > 1800 && low < 2200, `${low} of 4000 below 0.5`);
  });
});
