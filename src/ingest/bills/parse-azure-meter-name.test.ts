import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAzureMeterName } from './parse-azure-meter-name.ts';

describe('parseAzureMeterName', () => {
  it('reads model, class and tier from abbreviated meter names', () => {
    const cases: [string, object][] = [
      [
        'gpt 4o 1120 Inp glbl Tokens',
        { model: 'gpt-4o-1120', billedClass: 'input', serviceTier: 'standard' },
      ],
      [
        'gpt 4.1 nano cached Inp glbl Tokens',
        { model: 'gpt-4.1-nano', billedClass: 'cache_read', serviceTier: 'standard' },
      ],
      [
        'o4-mini 0416 Inp glbl Tokens',
        { model: 'o4-mini-0416', billedClass: 'input', serviceTier: 'standard' },
      ],
      [
        'gpt 4o 1120 Outp glbl Tokens',
        { model: 'gpt-4o-1120', billedClass: 'output', serviceTier: 'standard' },
      ],
      [
        'gpt 4o 0806 Inp DZone Tokens',
        { model: 'gpt-4o-0806', billedClass: 'input', serviceTier: 'standard' },
      ],
      ['5.4 inp Gl 1M Tokens', { model: 'gpt-5.4', billedClass: 'input', serviceTier: 'standard' }],
      [
        'gpt-4o-mini-0718-Outp-regnl Tokens',
        { model: 'gpt-4o-mini-0718', billedClass: 'output', serviceTier: 'standard' },
      ],
      [
        'gpt 4.1 Batch Outp glbl Tokens',
        { model: 'gpt-4.1', billedClass: 'output', serviceTier: 'batch' },
      ],
    ];
    for (const [meterName, expected] of cases) {
      assert.deepEqual(parseAzureMeterName(meterName), expected, meterName);
    }
  });

  it('files meters that are not tokens as other, claiming no model', () => {
    assert.deepEqual(parseAzureMeterName('Provisioned Managed Global Unit'), {
      billedClass: 'other',
    });
    assert.deepEqual(parseAzureMeterName('gpt 4o mini Fine Tuning Training Hours'), {
      billedClass: 'other',
    });
  });
});
