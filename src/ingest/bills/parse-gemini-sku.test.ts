import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseGeminiSku } from './parse-gemini-sku.ts';

describe('parseGeminiSku', () => {
  it('reads model, class and tiers from SKU descriptions', () => {
    const standard = { serviceTier: 'standard', contextTier: 'standard' };
    const cases: [string, object][] = [
      [
        'Gemini 2.5 Flash GA Text Input - Predictions',
        { model: 'gemini-2.5-flash', billedClass: 'input', ...standard },
      ],
      [
        'Gemini 2.5 Flash GA Input Text Caching',
        { model: 'gemini-2.5-flash', billedClass: 'cache_read', ...standard },
      ],
      [
        'Gemini 2.5 Flash GA Thinking Text Output - Predictions',
        { model: 'gemini-2.5-flash', billedClass: 'reasoning', ...standard },
      ],
      [
        'Gemini 2.5 Pro GA Text Output (Long) - Predictions',
        {
          model: 'gemini-2.5-pro',
          billedClass: 'output',
          serviceTier: 'standard',
          contextTier: 'long',
        },
      ],
      [
        'Gemini 3.x Flash Global Text Input - Predictions',
        { model: 'gemini-3.x-flash', billedClass: 'input', ...standard },
      ],
      [
        'Gemini 2.0 Flash Lite Batch Text Input - Predictions',
        {
          model: 'gemini-2.0-flash-lite',
          billedClass: 'input',
          serviceTier: 'batch',
          contextTier: 'standard',
        },
      ],
      [
        'Gemini 2.5 Flash GA Audio Input - Predictions',
        { model: 'gemini-2.5-flash', billedClass: 'input', ...standard },
      ],
    ];
    for (const [description, expected] of cases) {
      assert.deepEqual(parseGeminiSku(description), expected, description);
    }
  });

  it('files caching storage as storage, with no tier', () => {
    assert.deepEqual(parseGeminiSku('Gemini 2.5 Flash GA Text Input Caching Storage'), {
      model: 'gemini-2.5-flash',
      billedClass: 'storage',
    });
  });
});
