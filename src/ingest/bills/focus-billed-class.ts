import { BILLED_CLASSES, type BilledClass } from '../../domain/billing-line.ts';

/**
 * The class of a FOCUS row: `x_TokenClass` when the file has it (tokenops' own exports and
 * others following the same convention), else read from `SkuMeter` ("Input Tokens",
 * "Cached Input Tokens", "Cache Write Tokens (1h)", "Reasoning Tokens"…). A row that is not a
 * Usage charge (Tax, Credit, Adjustment, Purchase) is always `other`.
 */
export function focusBilledClass(
  chargeCategory: string | undefined,
  tokenClass: string | undefined,
  skuMeter: string | undefined,
): BilledClass {
  if (chargeCategory !== undefined && chargeCategory.toLowerCase() !== 'usage') return 'other';
  if (tokenClass && (BILLED_CLASSES as readonly string[]).includes(tokenClass)) {
    return tokenClass as BilledClass;
  }
  const meter = (skuMeter ?? '').toLowerCase();
  if (meter.includes('reasoning') || meter.includes('thinking')) return 'reasoning';
  if (/cache (write|creation)/.test(meter))
    return /1h|1 hour/.test(meter) ? 'cache_write_1h' : 'cache_write_5m';
  if (/cached|cache read/.test(meter)) return 'cache_read';
  if (meter.includes('input')) return 'input';
  if (meter.includes('output')) return 'output';
  if (meter.includes('web search')) return 'web_search';
  return 'other';
}
