import type { TagScope } from '../../domain/tags.ts';

/** Where an attempt goes; what is left out stays as the caller (or the rule) had it. */
export interface RouteTarget {
  provider?: string;
  model?: string;
}

export interface SplitVariant extends RouteTarget {
  /** Recorded on each event as the free tag `variant`. */
  variant: string;
  percent: number;
}

/** One `routing[]` entry of tokenops.yaml, as the config schema checked it. */
export interface RoutingRule {
  name?: string;
  match: TagScope;
  model?: string;
  provider?: string;
  fallbacks: readonly RouteTarget[];
  timeoutMs?: number;
  split?: readonly SplitVariant[];
}
