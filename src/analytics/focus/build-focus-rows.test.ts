import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ClassCosts } from '../../domain/money.ts';
import { ZERO_TOKENS, type TokenCounts } from '../../domain/token-classes.ts';
import type { Tags } from '../../domain/tags.ts';
import type { UsageEvent } from '../../domain/usage-event.ts';
import { createPricer, defaultPriceOverrides } from '../../pricing/index.ts';
import { createProviderRegistry } from '../../providers/index.ts';
import type { UsageGroup } from '../../store/store.ts';
import { buildFocusRows } from './build-focus-rows.ts';
import { createLongContextLookup } from './create-long-context-lookup.ts';
import { FOCUS_COLUMNS, type FocusRow } from './focus-columns.ts';
import type { FocusAccount, FocusOptions } from './focus-options.ts';

// A copy of shared/fixtures/focus-example.csv kept beside the test.
const FIXTURE = join(import.meta.dirname, '__fixtures__', 'focus-example.csv');
const HOUR_MS = 3_600_000;

const pricer = createPricer({
  registry: createProviderRegistry([]),
  // The fixture's Anthropic rows carry a 10 % negotiated discount.
  overrides: { ...defaultPriceOverrides(), rules: [{ provider: 'anthropic', discount: 0.1 }] },
});

/** One priced call as the store hands it to the export: a group of one event in its hour. */
function eventGroup(event: Omit<UsageEvent, 'source' | 'status' | 'attempt'>): UsageGroup {
  const pricing = pricer.price(event);
  assert.ok(pricing.list && pricing.effective, `${event.model} is priced`);
  const periodStart = Math.floor(event.timestamp / HOUR_MS) * HOUR_MS;
  return {
    periodStart,
    periodEnd: periodStart + HOUR_MS,
    provider: event.provider,
    model: event.model,
    serviceTier: event.serviceTier,
    contextTier: pricing.contextTier,
    currency: pricing.currency,
    source: 'gateway',
    tags: event.tags,
    events: 1,
    tokens: event.tokens,
    list: pricing.list,
    effective: pricing.effective,
    eventId: event.id,
  };
}

function tokens(counts: Partial<TokenCounts>): TokenCounts {
  return { ...ZERO_TOKENS, ...counts };
}

// openai-chat-completion.json: 3,200 prompt (2,048 cached), 920 completion (640 reasoning).
const openAiCall = eventGroup({
  id: 'evt_01JPKZ8W3M4Q7R2T5V9X1Y3B6C',
  timestamp: Date.parse('2026-03-10T14:05:12Z'),
  provider: 'openai',
  model: 'o4-mini-2025-04-16',
  serviceTier: 'standard',
  tokens: tokens({ input: 3200, cacheRead: 2048, output: 920, reasoning: 640 }),
  tags: { team: 'search', service: 'answer-api', feature: 'refund-explainer', environment: 'prod' },
});

// anthropic-message.json: 1,250 uncached + 18,432 read + 2,100 five-minute write; 540 output.
const anthropicCall = eventGroup({
  id: 'evt_01JPKZ9A7D2F5H8K1M4N6P9R2S',
  timestamp: Date.parse('2026-03-10T14:21:40Z'),
  provider: 'anthropic',
  model: 'claude-sonnet-4-5-20250929',
  serviceTier: 'standard',
  tokens: tokens({ input: 21_782, cacheRead: 18_432, cacheWrite: 2100, output: 540 }),
  tags: {
    team: 'legal',
    service: 'contract-review',
    feature: 'clause-qa',
    environment: 'prod',
    customer: 'cust_4471',
  },
});

// What a usage group cannot know: the accounts and the virtual key the calls came through.
const ACCOUNTS: Record<string, FocusAccount> = {
  openai: {
    billingAccountId: 'org-7Qb2XcLrT9mVdK4sN1pYw8Ez',
    billingAccountName: 'Acme Corp',
    subAccountId: 'proj_Fq8sYt2LkW9xNcB3vR7mZ1aH',
    subAccountName: 'search',
    subAccountType: 'Project',
  },
  anthropic: {
    billingAccountId: '8c2f4e1a-6b3d-4f7e-9a10-2d5c8e7b4f31',
    billingAccountName: 'Acme Corp',
    subAccountId: 'wrkspc_01HtQ3cY8mVx2KdR7pLs9NbA',
    subAccountName: 'legal-assistant',
    subAccountType: 'Workspace',
  },
};
const VIRTUAL_KEYS: Record<string, string> = { search: 'vk_search_prod', legal: 'vk_legal_prod' };

const fixtureOptions: FocusOptions = {
  account: (group) => ACCOUNTS[group.provider] ?? { billingAccountId: group.provider },
  longContextStart: createLongContextLookup(pricer),
  derivedTags: (group) => ({ virtual_key: VIRTUAL_KEYS[group.tags.team ?? ''] ?? '' }),
};

/** Enough CSV for the fixture: quoted fields with doubled quotes, no line breaks inside. */
function parseCsvLine(line: string): string[] {
  return [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map(([, field = '']) =>
    field.startsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field,
  );
}

describe('buildFocusRows on the fixture calls', () => {
  it('gives exactly the rows of focus-example.csv', () => {
    const [header = '', ...lines] = readFileSync(FIXTURE, 'utf8').trim().split(/\r?\n/);
    const names = parseCsvLine(header);
    assert.deepEqual(
      names,
      FOCUS_COLUMNS.map((column) => column.name),
    );
    const rows = [openAiCall, anthropicCall].flatMap((group) =>
      buildFocusRows(group, fixtureOptions),
    );
    assert.equal(rows.length, lines.length);
    rows.forEach((row, index) => {
      const expected = parseCsvLine(lines[index] ?? '');
      for (const [position, column] of FOCUS_COLUMNS.entries()) {
        const want = expected[position] ?? '';
        const actual = row[column.name];
        const where = `row ${index + 1} ${column.name}`;
        if (want === '') assert.equal(actual, null, where);
        else if (column.dataType === 'Decimal') {
          assert.equal(typeof actual, 'number', where);
          assert.ok(
            Math.abs(Number(actual) - Number(want)) <= 1e-12,
            `${where}: ${actual} ≠ ${want}`,
          );
        } else assert.equal(actual, want, where);
      }
    });
  });

  it('adds up to the list totals of the fixture README', () => {
    const listTotal = (group: UsageGroup) =>
      buildFocusRows(group, fixtureOptions).reduce((sum, row) => sum + row.ListCost, 0);
    assert.ok(Math.abs(listTotal(openAiCall) - 0.0058784) < 1e-12);
    assert.ok(Math.abs(listTotal(anthropicCall) - 0.0252546) < 1e-12);
  });
});

describe('buildFocusRows on grouped usage', () => {
  // An hour of calls summed into one group: 5-minute and 1-hour writes, reads, reasoning.
  // Below the long-context threshold prices are linear, so pricing the sum is summing prices.
  const hourly: UsageGroup = {
    ...eventGroup({
      id: 'evt_hour',
      timestamp: Date.parse('2026-03-10T09:00:00Z'),
      provider: 'anthropic',
      model: 'claude-sonnet-4-5-20250929',
      serviceTier: 'standard',
      tokens: tokens({
        input: 57_000,
        cacheRead: 31_000,
        cacheWrite: 9000,
        cacheWrite1h: 7000,
        output: 3200,
        reasoning: 1620,
      }),
      tags: { team: 'legal' },
    }),
    events: 3,
    eventId: undefined,
  };

  it('gives one row per class, adding up to the group', () => {
    const rows = buildFocusRows(hourly, fixtureOptions);
    assert.deepEqual(
      rows.map((row) => row.x_TokenClass),
      ['input', 'cache_write_5m', 'cache_write_1h', 'cache_read', 'output', 'reasoning'],
    );
    const sum = (pick: (row: FocusRow) => number) =>
      rows.reduce((total, row) => total + pick(row), 0);
    assert.equal(
      sum((row) => row.ConsumedQuantity ?? 0),
      hourly.tokens.input + hourly.tokens.output,
    );
    assert.ok(Math.abs(sum((row) => row.ListCost) - hourly.list.total) < 1e-12);
    assert.ok(Math.abs(sum((row) => row.EffectiveCost) - hourly.effective.total) < 1e-12);
    const oneHour = rows.find((row) => row.x_TokenClass === 'cache_write_1h');
    assert.equal(oneHour?.ConsumedQuantity, 7000);
    assert.equal(oneHour?.ListUnitPrice, 6);
    assert.equal(oneHour?.x_EventId, null);
  });

  it('emits no cache rows for a group without cache tokens', () => {
    const plain = eventGroup({
      id: 'evt_plain',
      timestamp: Date.parse('2026-03-10T09:00:00Z'),
      provider: 'openai',
      model: 'o4-mini-2025-04-16',
      serviceTier: 'standard',
      tokens: tokens({ input: 800, output: 120 }),
      tags: {},
    });
    const rows = buildFocusRows(plain);
    assert.deepEqual(
      rows.map((row) => row.x_TokenClass),
      ['input', 'output'],
    );
    assert.equal(rows[0]?.BillingAccountId, 'openai');
    assert.equal(rows[0]?.Tags, null);
  });

  it('names a long-context price point and explains it in the description', () => {
    const long = eventGroup({
      id: 'evt_long',
      timestamp: Date.parse('2026-03-10T09:00:00Z'),
      provider: 'anthropic',
      model: 'claude-sonnet-4-5-20250929',
      serviceTier: 'standard',
      tokens: tokens({ input: 250_000, output: 1000 }),
      tags: {},
    });
    const [input] = buildFocusRows(long, fixtureOptions);
    assert.equal(input?.SkuPriceId, 'anthropic/claude-sonnet-4-5-20250929/input/standard/200k+');
    assert.equal(input?.ListUnitPrice, 6);
    assert.equal(
      input?.ChargeDescription,
      'claude-sonnet-4-5-20250929 input tokens, standard tier, long context 200k+, 6 USD per 1M tokens list',
    );
  });

  it('spreads a cost the source gave over the rows instead of hiding it', () => {
    const given: UsageGroup = {
      ...openAiCall,
      effective: { ...zeroCosts(), total: 0.005 },
    };
    const rows = buildFocusRows(given);
    const effective = rows.map((row) => row.EffectiveCost);
    assert.ok(Math.abs(effective.reduce((sum, cost) => sum + cost, 0) - 0.005) < 1e-12);
    assert.ok(effective.every((cost) => cost > 0));
    // In proportion to list cost: the reasoning row (0.002816 of 0.0058784) gets most.
    assert.ok(Math.abs((rows[3]?.EffectiveCost ?? 0) - (0.005 * 0.002816) / 0.0058784) < 1e-11);
  });

  it('writes user tags unprefixed, derived tags under tokenops/, never (unattributed)', () => {
    const tags: Tags = {
      team: '(unattributed)',
      feature: 'search',
      extra: { region: 'eu', 'tokenops/virtual_key': 'forged' },
    };
    const [row] = buildFocusRows(
      { ...openAiCall, tags },
      { derivedTags: () => ({ virtual_key: 'vk_1' }) },
    );
    assert.equal(row?.Tags, '{"feature":"search","region":"eu","tokenops/virtual_key":"vk_1"}');
  });
});

function zeroCosts(): ClassCosts {
  return {
    input: 0,
    cacheRead: 0,
    cacheWrite: 0,
    cacheWrite1h: 0,
    output: 0,
    reasoning: 0,
    total: 0,
  };
}
