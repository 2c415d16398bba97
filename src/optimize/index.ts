export { runWhatIf, type WhatIfRow, type WhatIfSpec } from './what-if/run-what-if.ts';
export { parseWhatIfRequest, type WhatIfRequest } from './what-if/parse-what-if-request.ts';
export { type WhatIfScenario } from './what-if/what-if-scenario.ts';
export { periodHours, recommend } from './recommendations/recommend.ts';
export {
  parseRecommendRequest,
  type RecommendRequest,
} from './recommendations/parse-recommend-request.ts';
export type { Recommendation } from './recommendations/recommendation.ts';
export type { RoutingRule } from './routing-rules/routing-rule.ts';
export { createRoutePlanner, type RoutePlan, type RouteStep } from './routing-rules/plan-route.ts';
export { createRuleFinder } from './call-match/compile-call-match.ts';
export type { ContextRule, OutputRule } from './context/context-rules.ts';
export { capOutputTokens } from './context/cap-output-tokens.ts';
export { trimTurns } from './context/trim-turns.ts';
export type { CachedResponse, ResponseCache } from './caches/response-cache.ts';
export { createMemoryResponseCache } from './caches/memory-response-cache.ts';
export { createRedisResponseCache } from './caches/redis-response-cache.ts';
export { exactCacheKey } from './caches/exact-cache-key.ts';
export { asksCacheBypass, createCacheScopeFinder } from './caches/cache-scope.ts';
export { createSemanticIndex, type SemanticIndex } from './caches/semantic-index.ts';
export { semanticPartitionKey } from './caches/semantic-partition-key.ts';
export { toUnitVector } from './caches/unit-vector.ts';
export {
  createSemanticScopeFinder,
  type SemanticScope,
  type SemanticScopeChoice,
} from './caches/semantic-cache-scope.ts';
export { parseExperimentRequest } from './experiments/parse-experiment-request.ts';
export { showExperiment } from './experiments/show-experiment.ts';
export type { ExperimentRow } from './experiments/experiment-row.ts';
