import { allocateDemoEvents } from './allocate-demo-events.ts';
import type { DemoOptions, DemoPlan } from './demo-options.ts';

/** The exact size of a workload before generating it, for a progress bar. */
export function planDemoWorkload(options: DemoOptions): DemoPlan {
  return { totalEvents: allocateDemoEvents(options).totalEvents };
}
