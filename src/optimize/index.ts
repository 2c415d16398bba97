export { runWhatIf, type WhatIfRow, type WhatIfSpec } from './what-if/run-what-if.ts';
export { parseWhatIfRequest, type WhatIfRequest } from './what-if/parse-what-if-request.ts';
export { applyScenario, type WhatIfScenario } from './what-if/what-if-scenario.ts';
