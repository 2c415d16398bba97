import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBedrockUsageType } from './parse-bedrock-usage-type.ts';

describe('parseBedrockUsageType', () => {
  it('reads model, class and tier from token usage types', () => {
    const cases: [string, string, string, string][] = [
      ['USW2-Claude4.5Sonnet-input-tokens', 'Claude4.5Sonnet', 'input', 'standard'],
      [
        'USW2-Claude4.5Sonnet-cache-write-input-token-count',
        'Claude4.5Sonnet',
        'cache_write_5m',
        'standard',
      ],
      ['USE1-Claude4Sonnet-input-tokens-cross-region-global', 'Claude4Sonnet', 'input', 'standard'],
      [
        'USE1-Claude4Sonnet-cache-read-input-token-count-cross-region-global',
        'Claude4Sonnet',
        'cache_read',
        'standard',
      ],
      ['USE1-Nova2.0Lite-output-tokens', 'Nova2.0Lite', 'output', 'standard'],
      ['USE1-Nova2.0Lite-input-tokens-batch', 'Nova2.0Lite', 'input', 'batch'],
      ['EUC1-Llama4Maverick-output-tokens-flex', 'Llama4Maverick', 'output', 'flex'],
      ['USE1-Claude4.5Haiku-priority-output-tokens', 'Claude4.5Haiku', 'output', 'priority'],
      ['USE1-GptOss120b-mantle-input-tokens-standard', 'GptOss120b', 'input', 'standard'],
    ];
    for (const [usageType, model, billedClass, serviceTier] of cases) {
      assert.deepEqual(
        parseBedrockUsageType(usageType),
        { model, billedClass, serviceTier },
        usageType,
      );
    }
  });

  it('is undefined for usage types that are not token charges', () => {
    assert.equal(
      parseBedrockUsageType('USE1-ProvisionedThroughput-Claude4.5Sonnet-ModelUnits'),
      undefined,
    );
    assert.equal(parseBedrockUsageType('USE1-CustomModelStorage'), undefined);
  });
});
