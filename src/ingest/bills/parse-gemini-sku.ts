import { TOKEN_BILLED_CLASSES, type BillingLine } from '../../domain/billing-line.ts';

export type GeminiSku = Pick<BillingLine, 'model' | 'billedClass' | 'serviceTier' | 'contextTier'>;

/** Words that end the model's name in a SKU description and start what it meters. */
const METER_WORDS = new Set([
  'text',
  'audio',
  'image',
  'video',
  'input',
  'output',
  'thinking',
  'cached',
  'caching',
  'tokens',
  'characters',
  'long',
  'batch',
]);
/** Release and routing words inside the model part that are not part of the model's id. */
const QUALIFIERS = new Set(['ga', 'preview', 'global', 'regional']);

/**
 * A Gemini SKU description of the GCP billing export, e.g. "Gemini 2.5 Flash GA Thinking Text
 * Output - Predictions", as model, class and tiers. The model is written the way the API names
 * it (`gemini-2.5-flash`) so billed lines meet metered events. SKU wording is Google's and
 * partly unconfirmed ("(Long)" for the long-context price point), so matching is by keyword:
 * caching storage (per token-hour) is `storage`, "Caching"/"Cached" is a cache read,
 * "Thinking" is reasoning (billed at the output rate, counted apart from output), and an
 * unrecognised SKU is `other` with its description kept.
 */
export function parseGeminiSku(description: string): GeminiSku {
  const meter = description.split(' - ')[0] ?? description;
  const words = meter.split(/\s+/).filter((word) => word !== '');
  const end = words.findIndex((word) => METER_WORDS.has(word.replace(/[()]/g, '').toLowerCase()));
  const modelWords = (end === -1 ? words : words.slice(0, end)).filter(
    (word) => !QUALIFIERS.has(word.toLowerCase()),
  );
  const lower = meter.toLowerCase();
  const billedClass = /storage/.test(lower)
    ? 'storage'
    : /cach(ed|ing)/.test(lower)
      ? 'cache_read'
      : /thinking|reasoning/.test(lower)
        ? 'reasoning'
        : /\boutput\b/.test(lower)
          ? 'output'
          : /\binput\b/.test(lower)
            ? 'input'
            : 'other';
  const sku: GeminiSku = { billedClass };
  if (modelWords.length > 0) sku.model = modelWords.join('-').toLowerCase();
  if (!TOKEN_BILLED_CLASSES.includes(billedClass)) return sku;
  sku.serviceTier = /\bbatch\b/.test(lower)
    ? 'batch'
    : /\bpriority\b/.test(lower)
      ? 'priority'
      : 'standard';
  sku.contextTier = /\(long\)|long context/.test(lower) ? 'long' : 'standard';
  return sku;
}
