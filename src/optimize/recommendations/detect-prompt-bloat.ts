import type { RecordedCall } from '../../domain/recorded-call.ts';
import { countOutcome, entry, featureOf, percent, successRate } from './event-figures.ts';
import type { Detector, Finding, QualityRisk } from './recommendation.ts';

/** A system prompt that grew this much (and by this many tokens) since its first version. */
const MIN_GROWTH = 0.2;
const MIN_GROWTH_TOKENS = 100;
/** Success may drop this much on the shorter prompt and still count as unchanged. */
const SAME_OUTCOME = 0.02;

interface PromptVersion {
  systemPromptTokens: number;
  firstSeen: number;
  calls: number;
  outcomes: { success: number; total: number };
}

/**
 * Prompt bloat: a feature whose system prompt grew over the period, traced by prompt
 * fingerprint (each version of the prompt has its own). The change trims the system prompt
 * back to its first version's size; the risk compares the outcomes of the first and the
 * latest version, which tells whether the added text bought anything.
 */
export function createPromptBloatDetector(): Detector {
  const features = new Map<string, Map<string, PromptVersion>>();
  return {
    observe(event: RecordedCall) {
      const feature = featureOf(event);
      const system = event.prompt?.systemPromptTokens;
      if (feature === undefined || system === undefined || !event.promptFingerprint) return;
      const versions = entry(features, feature, () => new Map<string, PromptVersion>());
      const version = entry(versions, event.promptFingerprint, () => ({
        systemPromptTokens: system,
        firstSeen: event.timestamp,
        calls: 0,
        outcomes: { success: 0, total: 0 },
      }));
      version.firstSeen = Math.min(version.firstSeen, event.timestamp);
      version.calls += 1;
      countOutcome(version.outcomes, event);
    },
    findings() {
      const found: Finding[] = [];
      for (const [feature, versions] of features) {
        const ordered = [...versions.values()].sort((a, b) => a.firstSeen - b.firstSeen);
        const first = ordered[0];
        const latest = ordered[ordered.length - 1];
        if (first === undefined || latest === undefined) continue;
        const growth = latest.systemPromptTokens / first.systemPromptTokens - 1;
        if (
          growth < MIN_GROWTH ||
          latest.systemPromptTokens - first.systemPromptTokens < MIN_GROWTH_TOKENS
        ) {
          continue;
        }
        found.push({
          kind: 'prompt-bloat',
          scope: { feature },
          title: `Trim the ${feature} system prompt back to ${first.systemPromptTokens} tokens`,
          change: {
            scenario: { kind: 'system-prompt', maxSystemPromptTokens: first.systemPromptTokens },
            where: { feature },
          },
          evidence: {
            versions: ordered.length,
            first_system_prompt_tokens: first.systemPromptTokens,
            latest_system_prompt_tokens: latest.systemPromptTokens,
            growth: percent(growth),
            latest_version_calls: latest.calls,
          },
          quality_risk: versionRisk(first, latest),
        });
      }
      return found;
    },
  };
}

function versionRisk(first: PromptVersion, latest: PromptVersion): QualityRisk {
  const before = successRate(first.outcomes);
  const after = successRate(latest.outcomes);
  if (before === undefined || after === undefined) {
    return {
      level: 'medium',
      reason:
        'no outcomes recorded to tell what the added prompt text bought; trim in an experiment',
    };
  }
  if (after <= before + SAME_OUTCOME) {
    return {
      level: 'low',
      reason: `success rate did not improve as the prompt grew (${percent(before)} on the first version, ${percent(after)} on the latest)`,
    };
  }
  return {
    level: 'medium',
    reason: `success rate rose from ${percent(before)} to ${percent(after)} with the longer prompt: keep the lines that did it`,
  };
}
