import type { Pricer } from '../../pricing/index.ts';
import {
  createScenarioApplier,
  type ScenarioApplier,
  type WhatIfScenario,
} from './what-if-scenario.ts';

/**
 * A model named without its provider is replayed under the call's own provider when that
 * prices it, else under the first provider that does (claude-haiku-4-5 for an OpenAI call
 * means Anthropic's).
 */
export function createScenarioResolver(
  pricer: Pricer,
  spec: ResolveSpec,
): (provider: string) => WhatIfScenario {
  const { scenario } = spec;
  if (scenario.kind !== 'model' || scenario.provider !== undefined) return () => scenario;
  const at = new Date(spec.to);
  const prices = (provider: string) => pricer.describe(provider, scenario.model, at) !== null;
  const home = spec.providers.find(prices);
  const resolved = new Map<string, WhatIfScenario>();
  return (provider) => {
    let found = resolved.get(provider);
    if (!found) {
      const owner = prices(provider) ? provider : home;
      found = owner ? { ...scenario, provider: owner } : scenario;
      resolved.set(provider, found);
    }
    return found;
  };
}

/** One applier per resolved scenario: a prompt cache remembers what it wrote, in time order. */
export function createApplierResolver(
  pricer: Pricer,
  spec: ResolveSpec,
): (provider: string) => ScenarioApplier {
  const scenarioFor = createScenarioResolver(pricer, spec);
  const appliers = new Map<WhatIfScenario, ScenarioApplier>();
  return (provider) => {
    const scenario = scenarioFor(provider);
    let applier = appliers.get(scenario);
    if (!applier) {
      applier = createScenarioApplier(scenario);
      appliers.set(scenario, applier);
    }
    return applier;
  };
}

/** The parts of a WhatIfSpec resolving needs (run-what-if.ts imports this file). */
interface ResolveSpec {
  scenario: WhatIfScenario;
  /** The replay prices a model at the period's end. */
  to: number;
  providers: readonly string[];
}
