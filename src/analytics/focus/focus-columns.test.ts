import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ZERO_TOKENS, type TokenCounts } from '../../domain/token-classes.ts';
import type { ServiceTier } from '../../domain/usage-event.ts';
import { createPricer, defaultPriceOverrides } from '../../pricing/index.ts';
import { createProviderRegistry } from '../../providers/index.ts';
import type { UsageGroup } from '../../store/store.ts';
import { buildFocusRows } from './build-focus-rows.ts';
import { createLongContextLookup } from './create-long-context-lookup.ts';
import { FOCUS_COLUMNS, type FocusRow } from './focus-columns.ts';

// A copy of shared/reference/focus.md kept beside the test, so it runs in any clone.
const REFERENCE = join(import.meta.dirname, '__fixtures__', 'focus-reference.md');
const reference = readFileSync(REFERENCE, 'utf8');

interface ReferenceColumn {
  name: string;
  level: string;
  nulls: string;
  dataType: string;
}

/** The table of §3: `| Column | Type | Level | Nulls | Data type | Since | Meaning |`. */
function referenceColumns(): Map<string, ReferenceColumn> {
  const section = reference.split(/^## /m).find((part) => part.startsWith('3. '));
  assert.ok(section, 'reference/focus.md has a §3');
  const columns = new Map<string, ReferenceColumn>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const [, name = '', , level = '', nulls = '', dataType = ''] = cells;
    const bare = name.replaceAll('*', '');
    if (!/^[A-Z][A-Za-z]+$/.test(bare) || bare === 'Column') continue;
    columns.set(bare, { name: bare, level, nulls, dataType });
  }
  return columns;
}

/** The backticked values of a `- **Column**: …` bullet of §4 (continuation lines included). */
function allowedValues(column: string): string[] {
  const section = reference.split(/^## /m).find((part) => part.startsWith('4. ')) ?? '';
  const bullet = section.split(/^- /m).find((item) => item.startsWith(`**${column}**`)) ?? '';
  return [...bullet.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '');
}

const pricer = createPricer({
  registry: createProviderRegistry([{ name: 'vllm' }]),
  overrides: {
    ...defaultPriceOverrides(),
    rules: [
      { provider: 'anthropic', discount: 0.1 },
      { provider: 'vllm', prices: { inputPerMTok: 0.2, outputPerMTok: 0.6 }, discount: 0.37 },
    ],
  },
});

function group(
  provider: string,
  model: string,
  counts: Partial<TokenCounts>,
  serviceTier: ServiceTier = 'standard',
): UsageGroup {
  const tokens = { ...ZERO_TOKENS, ...counts };
  const periodStart = Date.parse('2026-02-28T23:00:00Z');
  const event = { timestamp: periodStart, serviceTier } as const;
  const pricing = pricer.price({
    ...event,
    provider,
    model,
    tokens,
  });
  assert.ok(pricing.list && pricing.effective, `${provider}/${model} is priced`);
  return {
    periodStart,
    periodEnd: periodStart + 3_600_000,
    provider,
    model,
    serviceTier,
    contextTier: pricing.contextTier,
    currency: pricing.currency,
    source: 'api',
    tags: { team: 'search', extra: { ticket: 'FIN-1' } },
    events: 3,
    tokens,
    list: pricing.list,
    effective: pricing.effective,
  };
}

/** Rows of every shape the export writes: each class, tiers, long context, discounts. */
const rows: FocusRow[] = [
  group('openai', 'o4-mini-2025-04-16', {
    input: 3200,
    cacheRead: 2048,
    output: 920,
    reasoning: 640,
  }),
  group('openai', 'gpt-4o-mini', { input: 90_000, cacheRead: 12_000, output: 4000 }, 'batch'),
  group('anthropic', 'claude-sonnet-4-5-20250929', {
    input: 260_000,
    cacheRead: 100_000,
    cacheWrite: 50_000,
    cacheWrite1h: 20_000,
    output: 3000,
  }),
  group('gemini', 'gemini-2.5-flash', {
    input: 5230,
    cacheRead: 4096,
    output: 1057,
    reasoning: 845,
  }),
  group('vllm', 'llama-3.1-70b', { input: 1_000_003, output: 77 }),
].flatMap((usage) => buildFocusRows(usage, { longContextStart: createLongContextLookup(pricer) }));

describe('FOCUS_COLUMNS against reference/focus.md', () => {
  it('has every mandatory column of §3 (ProviderName and PublisherName included)', () => {
    const ours = new Set<string>(FOCUS_COLUMNS.map((column) => column.name));
    const mandatory = [...referenceColumns().values()].filter((column) => column.level === 'M');
    assert.ok(mandatory.length > 20, 'the §3 table was read');
    for (const column of mandatory) assert.ok(ours.has(column.name), `${column.name} is written`);
  });

  it('gives each FOCUS column the data type and nullability of §3', () => {
    const columns = referenceColumns();
    for (const column of FOCUS_COLUMNS.filter((each) => !each.name.startsWith('x_'))) {
      const specified = columns.get(column.name);
      assert.ok(specified, `${column.name} is a FOCUS column`);
      assert.equal(column.dataType, specified.dataType, `${column.name} data type`);
      // HostProviderName's "(see note)": the note says treat it as non-null.
      assert.equal(column.nullable, specified.nulls === 'yes', `${column.name} nullability`);
    }
  });

  it('puts custom columns, all x_-prefixed, after every FOCUS column', () => {
    const columns = referenceColumns();
    const custom = FOCUS_COLUMNS.map((column) => !columns.has(column.name));
    for (const [index, column] of FOCUS_COLUMNS.entries()) {
      if (custom[index]) assert.match(column.name, /^x_[A-Z][A-Za-z]+$/);
    }
    assert.ok(custom.indexOf(true) > custom.lastIndexOf(false), 'custom columns come last');
  });

  it('uses only the allowed values of §4', () => {
    for (const column of [
      'ChargeCategory',
      'ChargeFrequency',
      'PricingCategory',
      'ServiceCategory',
      'ServiceSubcategory',
    ] as const) {
      const allowed = allowedValues(column);
      assert.ok(allowed.length > 0, `§4 lists values for ${column}`);
      for (const row of rows)
        assert.ok(allowed.includes(String(row[column])), `${column} ${row[column]}`);
    }
  });
});

describe('built rows follow the general rules of §2', () => {
  it('have every column in file order, typed, and null only where allowed', () => {
    for (const row of rows) {
      assert.deepEqual(
        Object.keys(row),
        FOCUS_COLUMNS.map((column) => column.name),
      );
      for (const column of FOCUS_COLUMNS) {
        const value = row[column.name];
        if (value === null) {
          assert.ok(column.nullable, `${column.name} is never null`);
          continue;
        }
        assert.equal(
          typeof value,
          column.dataType === 'Decimal' ? 'number' : 'string',
          column.name,
        );
        assert.notEqual(value, '', `${column.name}: null, never an empty string`);
        if (column.dataType === 'Date/Time') {
          assert.match(String(value), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, column.name);
        }
        if (column.dataType === 'JSON') assertFlatJsonObject(String(value), column.name);
      }
    }
  });

  it('write units as plural names with a whole-number prefix', () => {
    for (const row of rows) {
      for (const unit of [row.ConsumedUnit, row.PricingUnit]) {
        assert.match(String(unit), /^(?:[1-9]\d* )?[A-Z][A-Za-z-]*s$/);
      }
    }
  });

  it('price every row: quantity × unit price = cost, list and contracted', () => {
    for (const row of rows) {
      const quantity = row.PricingQuantity ?? 0;
      const tolerance = 1e-12 * Math.max(1, quantity);
      const where = `${row.SkuPriceId}`;
      assert.ok(Math.abs(quantity * (row.ListUnitPrice ?? 0) - row.ListCost) <= tolerance, where);
      assert.ok(
        Math.abs(quantity * (row.ContractedUnitPrice ?? 0) - row.ContractedCost) <= tolerance,
        where,
      );
      assert.equal(row.EffectiveCost, row.ContractedCost);
      assert.equal(row.BilledCost, row.EffectiveCost);
    }
  });
});

function assertFlatJsonObject(text: string, column: string): void {
  const parsed: unknown = JSON.parse(text);
  assert.ok(parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed), column);
  for (const value of Object.values(parsed)) {
    assert.ok(value === null || ['string', 'number', 'boolean'].includes(typeof value), column);
  }
}
