/**
 * The tokenops.yaml lines (after the providers) every gateway of the replicas bench runs with:
 * the ClickHouse store, Redis, and shared state that every call uses — a hard budget and a
 * tokens-per-minute limit far above what the run can spend or send (both reserved and settled
 * in Redis on each call, never refusing one), and the exact cache in Redis. `runId` names the
 * budget and the policy, so counters an earlier run left in Redis are not this run's.
 */
export function replicasConfig(options: { storeUrl: string; redisUrl: string; runId: string }): {
  yaml: string;
  budget: string;
  policy: string;
} {
  const budget = `bench-replicas-${options.runId}`;
  const policy = `bench-replicas-rate-${options.runId}`;
  const yaml = [
    'store:',
    `  url: ${options.storeUrl}`,
    'redis:',
    `  url: ${options.redisUrl}`,
    'budgets:',
    `  - { name: ${budget}, scope: { team: bench }, period: month, limitUsd: 1000000, hard: true }`,
    'policies:',
    `  - { name: ${policy}, match: { team: bench }, tokensPerMinute: 1000000000000 }`,
    'cache:',
    '  exact:',
    '    enabled: true',
    // Entries expire soon after the run: each run's bodies are its own, never read again.
    '    ttlSeconds: 300',
  ].join('\n');
  return { yaml, budget, policy };
}
