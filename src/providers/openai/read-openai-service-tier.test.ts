import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  readOpenAiRequestedServiceTier,
  readOpenAiServiceTier,
} from './read-openai-service-tier.ts';

test('response tiers: flex and priority as such, default, scale and auto are standard', () => {
  assert.equal(readOpenAiServiceTier('flex'), 'flex');
  assert.equal(readOpenAiServiceTier('priority'), 'priority');
  for (const standard of ['default', 'scale', 'auto']) {
    assert.equal(readOpenAiServiceTier(standard), 'standard');
  }
  assert.equal(readOpenAiServiceTier(null), undefined);
  assert.equal(readOpenAiServiceTier('turbo'), undefined);
});

test('requested tiers: only those that change the price', () => {
  assert.equal(readOpenAiRequestedServiceTier('flex'), 'flex');
  assert.equal(readOpenAiRequestedServiceTier('priority'), 'priority');
  assert.equal(readOpenAiRequestedServiceTier('fast'), 'priority');
  assert.equal(readOpenAiRequestedServiceTier('auto'), undefined);
  assert.equal(readOpenAiRequestedServiceTier('default'), undefined);
  assert.equal(readOpenAiRequestedServiceTier(undefined), undefined);
});
