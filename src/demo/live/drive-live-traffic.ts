import { LIVE_CALLS } from './live-calls.ts';
import { SeededRandom } from '../seeded-random.ts';

const TEAMS = [
  { team: 'support', service: 'helpdesk', feature: 'reply-draft' },
  { team: 'search', service: 'catalog', feature: 'query-rewrite' },
  { team: 'growth', service: 'onboarding', feature: 'welcome-mail' },
] as const;

export interface LiveTrafficResult {
  sent: number;
  /** Answers by HTTP status. */
  statuses: Record<string, number>;
}

/**
 * Sends `requests` real calls through the gateway at `base`, spread over every wire format,
 * a few teams, and the odd upstream failure (a 429 or a 500 from the stand-in), so the
 * recorded events show success, errors and streaming side by side.
 */
export async function driveLiveTraffic(options: {
  base: string;
  requests: number;
  concurrency: number;
  seed: number;
  onAnswer?: () => void;
}): Promise<LiveTrafficResult> {
  const generator = new SeededRandom(options.seed, 7);
  const random = (): number => generator.next();
  const statuses: Record<string, number> = {};
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < options.requests) {
      next += 1;
      const call = LIVE_CALLS[Math.floor(random() * LIVE_CALLS.length)] ?? LIVE_CALLS[0];
      const tags = TEAMS[Math.floor(random() * TEAMS.length)] ?? TEAMS[0];
      const roll = random();
      const scenario = roll < 0.03 ? 'error-429' : roll < 0.05 ? 'error-500' : 'ok';
      const response = await fetch(`${options.base}${call?.path ?? ''}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-tokenops-team': tags.team,
          'x-tokenops-service': tags.service,
          'x-tokenops-feature': tags.feature,
          'x-tokenops-env': 'demo',
          'x-stand-in-scenario': scenario,
          'x-stand-in-usage': JSON.stringify(usageFor(call?.kind ?? 'openai', random)),
        },
        body: JSON.stringify(call?.body),
      });
      await response.arrayBuffer();
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      options.onAnswer?.();
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, () => worker()));
  return { sent: options.requests, statuses };
}

/** Varied counts, in each provider's own usage fields, so the costs differ call to call. */
function usageFor(kind: string, random: () => number): Record<string, number> {
  const input = 200 + Math.floor(random() * 3000);
  const output = 20 + Math.floor(random() * 600);
  const cached = random() < 0.4 ? Math.floor(input * 0.6) : 0;
  if (kind === 'anthropic') {
    return { input_tokens: input - cached, output_tokens: output, cache_read_input_tokens: cached };
  }
  if (kind === 'gemini') {
    return {
      promptTokenCount: input,
      candidatesTokenCount: output,
      cachedContentTokenCount: cached,
    };
  }
  if (kind === 'bedrock') {
    return { inputTokens: input - cached, outputTokens: output, cacheReadInputTokens: cached };
  }
  return { prompt_tokens: input, completion_tokens: output, cached_tokens: cached };
}
