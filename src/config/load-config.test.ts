import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';
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

describe('parseConfigText', () => {
  it('gives every default for an empty file', () => {
    const config = parseConfigText('', 'tokenops.yaml');
    assert.equal(config.tags.untagged, 'accept');
    assert.equal(config.pricing.currency, 'USD');
    assert.deepEqual(config.pricing.overrides, []);
  });

  it('reads providers, deployments and price overrides', () => {
    const config = parseConfigText(
      [
        'providers:',
        '  azure:',
        '    baseUrl: https://acme.openai.azure.com',
        '    apiKeyEnv: AZURE_OPENAI_KEY',
        '    deployments:',
        '      support-gpt4o: gpt-4o',
        'pricing:',
        '  overrides:',
        '    - provider: anthropic',
        '      discount: 0.1',
        '      effectiveFrom: 2026-03-01',
      ].join('\n'),
      'tokenops.yaml',
    );
    assert.equal(config.providers.azure?.deployments?.['support-gpt4o'], 'gpt-4o');
    assert.equal(config.pricing.overrides[0]?.discount, 0.1);
  });

  it('names the line of a YAML syntax error', () => {
    assert.match(refusal('store:\n  url: "duckdb:x\ntags: {'), /^tokenops\.yaml:\d+: /);
  });

  it('names the line and key of a bad value', () => {
    const message = refusal(
      'tags:\n  untagged: accept\npricing:\n  overrides:\n    - model: gpt-4o\n      discount: 15\n',
    );
    assert.match(message, /^tokenops\.yaml:6: pricing\.overrides\.0\.discount is a fraction/);
  });

  it('names an unknown key and its line', () => {
    assert.match(
      refusal('store:\n  url: duckdb:/tmp/x.duckdb\nbudgetz: []\n'),
      /^tokenops\.yaml:3: unknown key "budgetz"/,
    );
  });

  it('refuses an override that sets no price', () => {
    assert.match(
      refusal('pricing:\n  overrides:\n    - model: gpt-4o\n'),
      /needs one of discount, prices or selfHosted/,
    );
  });
});

test('a team token needs its team, and only a team token has one', () => {
  const hash = `sha256:${'a'.repeat(64)}`;
  assert.throws(
    () =>
      parseConfigText(
        `auth:\n  tokens:\n    - { name: t, role: team, hash: "${hash}" }\n`,
        'x.yaml',
      ),
    /auth\.tokens\.0\.team.*needs the team/,
  );
  assert.throws(
    () =>
      parseConfigText(
        `auth:\n  tokens:\n    - { name: f, role: finance, team: search, hash: "${hash}" }\n`,
        'x.yaml',
      ),
    /reads every team/,
  );
  const config = parseConfigText(
    `auth:\n  tokens:\n    - { name: t, role: team, team: search, hash: "${hash}" }\n`,
    'x.yaml',
  );
  assert.equal(config.auth.tokens[0]?.team, 'search');
});
