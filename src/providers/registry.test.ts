import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UnknownProviderError, ValidationError } from '../domain/errors/index.ts';
import { createProviderRegistry } from './registry.ts';

test('the five built-ins and the compatible providers, by name', () => {
  const registry = createProviderRegistry([
    { name: 'vllm' },
    { name: 'groq', catalogProviderId: 'groq' },
  ]);
  assert.deepEqual(registry.names(), [
    'openai',
    'anthropic',
    'gemini',
    'bedrock',
    'azure',
    'vllm',
    'groq',
  ]);
  assert.equal(registry.get('gemini').catalogProviderId, 'google');
  assert.equal(registry.get('bedrock').catalogProviderId, 'aws');
  assert.equal(registry.get('vllm').catalogProviderId, 'vllm');
});

test('an unknown provider names the known ones', () => {
  const registry = createProviderRegistry([{ name: 'vllm' }]);
  assert.throws(
    () => registry.get('mistral'),
    (error: unknown) =>
      error instanceof UnknownProviderError &&
      error.message === 'unknown provider "mistral"' &&
      error.fix.includes('openai, anthropic, gemini, bedrock, azure, vllm'),
  );
});

test('a compatible provider may not take a built-in or repeated name', () => {
  assert.throws(
    () => createProviderRegistry([{ name: 'openai' }, { name: 'x' }, { name: 'x' }]),
    (error: unknown) => error instanceof ValidationError && error.issues.length === 2,
  );
});

test('names() is a copy', () => {
  const registry = createProviderRegistry([]);
  registry.names().push('mutated');
  assert.equal(registry.names().length, 5);
});
