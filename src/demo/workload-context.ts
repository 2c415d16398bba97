import type { UsageEvent } from '../domain/usage-event.ts';
import type { DemoIds } from './demo-ids.ts';
import type { PromptVersions } from './prompt-versions.ts';
import type { RequestTagger } from './request-tagger.ts';
import type { SeededRandom } from './seeded-random.ts';

/** What every emitter shares while one hour of the workload is generated. */
export interface WorkloadContext {
  random: SeededRandom;
  ids: DemoIds;
  tagger: RequestTagger;
  prompts: PromptVersions;
  /** Events of the current hour, sorted by time once the hour is complete. */
  sink: UsageEvent[];
  hourStart: number;
  /** Exclusive; the last hour may end before the clock hour does. */
  hourEnd: number;
  /** Whole weeks since the period began (the version of a growing system prompt). */
  week: number;
}
