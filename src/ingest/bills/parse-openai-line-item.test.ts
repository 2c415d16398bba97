import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseOpenAiLineItem } from './parse-openai-line-item.ts';

describe('parseOpenAiLineItem', () => {
  it('reads "<model>, <kind>" line items defensively', () => {
    const cases: [string | undefined, object][] = [
      [
        'o4-mini-2025-04-16, input',
        { model: 'o4-mini-2025-04-16', billedClass: 'input', serviceTier: 'standard' },
      ],
      [
        'o4-mini-2025-04-16, cached input',
        { model: 'o4-mini-2025-04-16', billedClass: 'cache_read', serviceTier: 'standard' },
      ],
      [
        'gpt-4o-mini-2024-07-18, batch output',
        { model: 'gpt-4o-mini-2024-07-18', billedClass: 'output', serviceTier: 'batch' },
      ],
      [
        'gpt-5, cache write input',
        { model: 'gpt-5', billedClass: 'cache_write_5m', serviceTier: 'standard' },
      ],
      [
        'gpt-5, priority output',
        { model: 'gpt-5', billedClass: 'output', serviceTier: 'priority' },
      ],
      ['web search tool calls', { billedClass: 'web_search' }],
      ['vector store storage', { billedClass: 'storage' }],
      ['gpt-image-1, image generation', { model: 'gpt-image-1', billedClass: 'other' }],
      [undefined, { billedClass: 'other' }],
    ];
    for (const [lineItem, expected] of cases) {
      assert.deepEqual(parseOpenAiLineItem(lineItem), expected, lineItem);
    }
  });
});
