import { TOKEN_BILLED_CLASSES, type BilledClass } from '../../domain/billing-line.ts';
import type { ServiceTier } from '../../domain/usage-event.ts';

export interface OpenAiLineItem {
  model?: string;
  billedClass: BilledClass;
  serviceTier?: ServiceTier;
}

/**
 * The costs API's `line_item`, a free string. The wording `"<model>, <kind>"` with kinds like
 * `input`, `cached input`, `output`, `batch input` is unconfirmed, so this reads it
 * defensively: the model is whatever precedes the last comma, the class and tier are found by
 * keywords, and anything unrecognised is an `other` line (its raw text stays the line's
 * description, so nothing billed is lost, only left unclassified).
 */
export function parseOpenAiLineItem(lineItem: string | undefined): OpenAiLineItem {
  if (lineItem === undefined) return { billedClass: 'other' };
  const comma = lineItem.lastIndexOf(',');
  const model = comma > 0 ? lineItem.slice(0, comma).trim() : undefined;
  const kind = (comma > 0 ? lineItem.slice(comma + 1) : lineItem).trim().toLowerCase();
  const billedClass = classOf(kind);
  const parsed: OpenAiLineItem = { ...(model ? { model } : {}), billedClass };
  // A tier is a price point of tokens; web searches and storage have none.
  return TOKEN_BILLED_CLASSES.includes(billedClass)
    ? { ...parsed, serviceTier: tierOf(kind) }
    : parsed;
}

function classOf(kind: string): BilledClass {
  // OpenAI reports cache writes without a time to live; its default retention is minutes,
  // so they are filed with the 5-minute writes.
  if (/cache(d)? (write|creation)/.test(kind)) return 'cache_write_5m';
  if (/cached|cache read/.test(kind)) return 'cache_read';
  if (kind.includes('reasoning')) return 'reasoning';
  if (kind.includes('input')) return 'input';
  if (kind.includes('output')) return 'output';
  if (kind.includes('web search')) return 'web_search';
  if (kind.includes('storage')) return 'storage';
  return 'other';
}

function tierOf(kind: string): ServiceTier {
  if (kind.includes('batch')) return 'batch';
  if (kind.includes('flex')) return 'flex';
  if (kind.includes('priority')) return 'priority';
  return 'standard';
}
