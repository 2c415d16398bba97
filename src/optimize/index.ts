export { runWhatIf, type WhatIfRow, type WhatIfSpec } from './what-if/run-what-if.ts';
export { parseWhatIfRequest, type WhatIfRequest } from './what-if/parse-what-if-request.ts';
export { type WhatIfScenario } from './what-if/what-if-scenario.ts';
export { periodHours, recommend } from './recommendations/recommend.ts';
export {
  parseRecommendRequest,
  type RecommendRequest,
} from './recommendations/parse-recommend-request.ts';
export type { Recommendation } from './recommendations/recommendation.ts';
