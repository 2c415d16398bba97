export { DEFAULT_EVENTS_PER_DAY, type DemoOptions, type DemoPlan } from './demo-options.ts';
export { generateDemoWorkload } from './generate-demo-workload.ts';
export { planDemoWorkload } from './plan-demo-workload.ts';
export { demoBudgets } from './demo-budgets.ts';
export { loadDemoWorkload, type DemoLoad } from './load-demo-workload.ts';
export { demoColumnBatches, type DemoColumnBatch } from './demo-column-batches.ts';
