import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../domain/errors/index.ts';
import { parseConfigText } from './load-config.ts';

function refusal(text: string): string {
  try {
    parseConfigText(text, 'tokenops.yaml');
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return `${error.message} | ${error.fix}`;
  }
  assert.fail('the config was accepted');
}

describe('routing, cache, context and output in tokenops.yaml', () => {
  it('reads the documented example', () => {
    const config = parseConfigText(
      [
        'routing:',
        '  - name: summaries-to-mini',
        '    match: { feature: summarize, model: "gpt-4o*" }',
        '    model: gpt-4o-mini',
        '    timeoutMs: 20000',
        '    fallbacks:',
        '      - { provider: groq, model: llama-3.3-70b-versatile }',
        '  - name: support-trial',
        '    match: { feature: support-chat }',
        '    split:',
        '      - { variant: control, percent: 50 }',
        '      - { variant: haiku, percent: 50, model: claude-haiku-4-5 }',
        'cache:',
        '  exact:',
        '    enabled: true',
        '    ttlSeconds: 600',
        '    scopes: [{ feature: summarize }]',
        'context:',
        '  - { match: { feature: support-chat }, maxInputTokens: 8000 }',
        'output:',
        '  - { match: { feature: summarize }, defaultMaxTokens: 400, maxTokensCeiling: 1000 }',
      ].join('\n'),
      'tokenops.yaml',
    );
    assert.equal(config.routing[0]?.model, 'gpt-4o-mini');
    assert.deepEqual(config.routing[1]?.fallbacks, []);
    assert.equal(config.cache.exact.maxEntries, 1000);
    assert.equal(config.cache.exact.ttlSeconds, 600);
    assert.equal(config.context[0]?.maxInputTokens, 8000);
    assert.equal(config.output[0]?.maxTokensCeiling, 1000);
  });

  it('defaults to no routing and a disabled cache', () => {
    const config = parseConfigText('', 'tokenops.yaml');
    assert.deepEqual(config.routing, []);
    assert.equal(config.cache.exact.enabled, false);
  });

  it('refuses a split that does not add up, or has no name', () => {
    const split = (percent: number, name = '    name: trial\n') =>
      `routing:\n  - match: {}\n${name}    split:\n      - { variant: a, percent: 50 }\n      - { variant: b, percent: ${percent} }\n`;
    assert.match(refusal(split(40)), /split percentages must add up to 100/);
    assert.match(refusal(split(50, '')), /needs a name/);
  });

  it('refuses a rule that changes nothing and an inverted output rule', () => {
    assert.match(refusal('routing:\n  - match: { team: a }\n'), /needs one of model, provider/);
    assert.match(
      refusal('output:\n  - { defaultMaxTokens: 900, maxTokensCeiling: 100 }\n'),
      /must not be above maxTokensCeiling/,
    );
    assert.match(refusal('cache:\n  exact:\n    ttlSeconds: 0\n'), /cache\.exact\.ttlSeconds/);
  });

  it('reads the semantic cache with its defaults and a threshold per scope', () => {
    const off = parseConfigText('cache:\n  exact: { enabled: true }\n', 'tokenops.yaml');
    assert.equal(off.cache.semantic.enabled, false);
    assert.deepEqual(parseConfigText('', 'tokenops.yaml').cache.semantic, off.cache.semantic);
    const config = parseConfigText(
      [
        'cache:',
        '  semantic:',
        '    enabled: true',
        '    embedding: { dimensions: 512 }',
        '    scopes:',
        '      - { match: { feature: support-chat }, threshold: 0.97 }',
        '      - match: { team: search }',
      ].join('\n'),
      'tokenops.yaml',
    );
    const { semantic } = config.cache;
    assert.deepEqual(semantic.embedding, {
      provider: 'openai',
      model: 'text-embedding-3-small',
      dimensions: 512,
      timeoutMs: 2000,
    });
    assert.equal(semantic.threshold, 0.95);
    assert.equal(semantic.maxEntries, 1000);
    assert.deepEqual(semantic.scopes?.[0], { match: { feature: 'support-chat' }, threshold: 0.97 });
    assert.equal(semantic.scopes?.[1]?.threshold, undefined);
  });

  it('refuses a semantic threshold outside (0, 1], naming the key', () => {
    assert.match(
      refusal('cache:\n  semantic:\n    threshold: 1.2\n'),
      /cache\.semantic\.threshold.*at most 1/,
    );
    assert.match(
      refusal('cache:\n  semantic:\n    scopes: [{ match: {}, threshold: 0 }]\n'),
      /cache\.semantic\.scopes\.0\.threshold/,
    );
    assert.match(
      refusal('cache:\n  semantic:\n    embedding: { timeoutMs: -1 }\n'),
      /cache\.semantic\.embedding\.timeoutMs/,
    );
  });
});
