import type { FeatureProfile } from './feature-profile.ts';
import { MODELS } from './model-profiles.ts';

type FeatureRow = Omit<
  FeatureProfile,
  'streaming' | 'customerFacing' | 'stagingShare' | 'untaggedShare' | 'scored'
> &
  Partial<FeatureProfile>;

function feature(row: FeatureRow): FeatureProfile {
  return {
    streaming: false,
    customerFacing: false,
    stagingShare: 0,
    untaggedShare: 0,
    scored: false,
    ...row,
    // Events share these objects, so nobody may change one through an event.
    extraTags: row.extraTags?.map((tags) => Object.freeze({ ...tags })),
  };
}

const { gpt4oMini, gpt41, o4Mini, gpt5, embeddingSmall, fineTunedTickets } = MODELS;
const { claudeSonnet, claudeHaiku, claudeOpus, geminiFlash, geminiPro, bedrockSonnet, novaLite } =
  MODELS;

/**
 * Acme's six teams and fifteen features, shares of all events summing to 1. About 8 % of
 * events carry no tags: the internal ops tool (6 %) plus clients that forget the headers.
 */
// A table reads better one feature per block than one field per line.
// prettier-ignore
export const COMPANY_FEATURES: readonly FeatureProfile[] = [
  // customer-support
  feature({
    feature: 'support-chat', team: 'customer-support', service: 'support-bot',
    kind: 'rag-chat', share: 0.165, seasonality: 'customer-facing',
    models: [
      { model: claudeSonnet, weight: 0.85, successRate: 0.82 },
      { model: claudeHaiku, weight: 0.15, successRate: 0.74 },
    ],
    input: { median: 60, spread: 0.6 }, output: { median: 230, spread: 0.5 },
    systemPromptTokens: 1800, toolDefinitionTokens: 650, systemPromptWeeklyGrowth: 0.15,
    cachesPrefix: true, streaming: true, customerFacing: true, users: 'customer-users',
    stagingShare: 0.05, scored: true,
    extraTags: [{ channel: 'web' }, { channel: 'mobile' }, { channel: 'email' }],
  }),
  feature({
    feature: 'ticket-triage', team: 'customer-support', service: 'helpdesk-api',
    kind: 'single-call', share: 0.09, seasonality: 'customer-facing',
    models: [
      { model: gpt41, weight: 0.6, successRate: 0.93 },
      { model: claudeOpus, weight: 0.3, successRate: 0.95 },
      { model: fineTunedTickets, weight: 0.012, successRate: 0.9 },
    ],
    input: { median: 380, spread: 0.6 }, output: { median: 12, spread: 0.4 },
    systemPromptTokens: 1100, customerFacing: true, stagingShare: 0.03,
  }),
  feature({
    feature: 'reply-suggestions', team: 'customer-support', service: 'helpdesk-api',
    kind: 'single-call', share: 0.07, seasonality: 'customer-facing',
    models: [{ model: gpt4oMini, weight: 1, successRate: 0.55 }],
    input: { median: 900, spread: 0.5 }, output: { median: 180, spread: 0.5 },
    systemPromptTokens: 600, customerFacing: true, users: 'employees',
    stagingShare: 0.04, untaggedShare: 0.1, scored: true,
  }),
  // documents
  feature({
    feature: 'document-summarisation', team: 'documents', service: 'doc-pipeline',
    kind: 'single-call', share: 0.04, seasonality: 'nightly',
    models: [
      { model: geminiPro, weight: 0.6, successRate: 0.97 },
      { model: geminiFlash, weight: 0.4, successRate: 0.94 },
    ],
    input: { median: 28_000, spread: 0.8 }, output: { median: 900, spread: 0.4 },
    systemPromptTokens: 450, longContextShare: 0.015, batchShare: 0.85, customerFacing: true,
    extraTags: [{ pipeline: 'nightly' }],
  }),
  feature({
    feature: 'contract-extraction', team: 'documents', service: 'contracts-service',
    kind: 'single-call', share: 0.03, seasonality: 'office-hours',
    models: [{ model: bedrockSonnet, weight: 1, successRate: 0.9 }],
    input: { median: 9000, spread: 0.6 }, output: { median: 700, spread: 0.4 },
    systemPromptTokens: 1500, toolDefinitionTokens: 900, cachesPrefix: true, customerFacing: true,
    stagingShare: 0.05, scored: true, extraTags: [{ region: 'eu' }],
  }),
  // developer-productivity
  feature({
    feature: 'coding-agent', team: 'developer-productivity', service: 'code-assistant',
    kind: 'agent-chain', share: 0.14, seasonality: 'office-hours',
    models: [
      { model: claudeSonnet, weight: 0.7, successRate: 0.66 },
      { model: gpt5, weight: 0.2, successRate: 0.6 },
      { model: bedrockSonnet, weight: 0.1, successRate: 0.64 },
    ],
    input: { median: 350, spread: 0.6 }, output: { median: 280, spread: 0.6 },
    systemPromptTokens: 1200, toolDefinitionTokens: 1800, cachesPrefix: true, streaming: true,
    users: 'developers', stagingShare: 0.02,
  }),
  feature({
    feature: 'code-review', team: 'developer-productivity', service: 'ci-review-bot',
    kind: 'single-call', share: 0.04, seasonality: 'office-hours',
    models: [{ model: o4Mini, weight: 1, successRate: 0.8 }],
    input: { median: 4000, spread: 0.7 }, output: { median: 350, spread: 0.6 },
    systemPromptTokens: 900, flexShare: 0.25, users: 'developers', scored: true,
  }),
  // search
  feature({
    feature: 'embedding-pipeline', team: 'search', service: 'indexer',
    kind: 'single-call', share: 0.12, seasonality: 'nightly-bulk',
    models: [{ model: embeddingSmall, weight: 1 }],
    input: { median: 700, spread: 0.7 }, output: { median: 0, spread: 0 },
    batchShare: 0.5, stagingShare: 0.02, untaggedShare: 0.03,
  }),
  feature({
    feature: 'semantic-search', team: 'search', service: 'search-api',
    kind: 'single-call', share: 0.08, seasonality: 'customer-facing',
    models: [{ model: geminiFlash, weight: 1, successRate: 0.7 }],
    input: { median: 2600, spread: 0.5 }, output: { median: 160, spread: 0.5 },
    systemPromptTokens: 500, streaming: true, customerFacing: true, users: 'customer-users',
    stagingShare: 0.05, untaggedShare: 0.05,
  }),
  feature({
    feature: 'query-rewrite', team: 'search', service: 'search-api',
    kind: 'single-call', share: 0.05, seasonality: 'customer-facing',
    models: [{ model: novaLite, weight: 1, successRate: 0.9 }],
    input: { median: 60, spread: 0.5 }, output: { median: 40, spread: 0.4 },
    systemPromptTokens: 350, customerFacing: true, stagingShare: 0.05, untaggedShare: 0.1,
  }),
  // growth
  feature({
    feature: 'product-descriptions', team: 'growth', service: 'catalog-service',
    kind: 'single-call', share: 0.03, seasonality: 'office-hours',
    models: [
      { model: gpt4oMini, weight: 0.7, successRate: 0.88 },
      { model: gpt41, weight: 0.3, successRate: 0.92 },
    ],
    input: { median: 500, spread: 0.5 }, output: { median: 320, spread: 0.4 },
    systemPromptTokens: 700, batchShare: 0.2, stagingShare: 0.08,
    extraTags: [{ locale: 'en-US' }, { locale: 'de-DE' }, { locale: 'fr-FR' }],
  }),
  feature({
    feature: 'email-campaigns', team: 'growth', service: 'marketing-api',
    kind: 'single-call', share: 0.025, seasonality: 'office-hours',
    models: [{ model: claudeHaiku, weight: 1, successRate: 0.85 }],
    input: { median: 800, spread: 0.5 }, output: { median: 450, spread: 0.4 },
    systemPromptTokens: 1300, cachesPrefix: true, streaming: true, users: 'employees',
    stagingShare: 0.05, scored: true,
  }),
  feature({
    feature: 'review-sentiment', team: 'growth', service: 'catalog-service',
    kind: 'single-call', share: 0.03, seasonality: 'customer-facing',
    models: [{ model: novaLite, weight: 1, successRate: 0.95 }],
    input: { median: 220, spread: 0.6 }, output: { median: 6, spread: 0.3 },
    systemPromptTokens: 250, untaggedShare: 0.05,
  }),
  // data-platform
  feature({
    feature: 'analytics-assistant', team: 'data-platform', service: 'bi-assistant',
    kind: 'single-call', share: 0.03, seasonality: 'office-hours',
    models: [
      { model: gpt5, weight: 0.6, successRate: 0.72 },
      { model: gpt41, weight: 0.4, successRate: 0.68 },
    ],
    input: { median: 3500, spread: 0.6 }, output: { median: 400, spread: 0.6 },
    systemPromptTokens: 2200, streaming: true, users: 'employees', stagingShare: 0.03, scored: true,
  }),
  // nobody: an internal tool that never sent a tag
  feature({
    feature: 'internal-ops-tool', kind: 'single-call', share: 0.06, seasonality: 'office-hours',
    models: [{ model: gpt4oMini, weight: 0.8 }, { model: gpt41, weight: 0.2 }],
    input: { median: 1200, spread: 0.8 }, output: { median: 250, spread: 0.6 },
    untaggedShare: 1,
  }),
];
