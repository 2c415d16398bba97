import type { AddressInfo } from 'node:net';
import type { CliContext } from './cli-context.ts';
import { formatMoney } from './output/format-table.ts';
import { startProgress } from './output/progress.ts';
import { startGateway } from './start-gateway.ts';

const KINDS = ['openai', 'anthropic', 'gemini', 'bedrock'] as const;

/**
 * `tokenops demo --live`: real HTTP calls through the gateway into local provider stand-ins
 * (no provider is ever called), recorded through the spool into the store like any traffic.
 */
export async function runLiveDemo(
  cli: CliContext,
  options: { requests: number; seed: number },
): Promise<void> {
  const { startStandIn } = await import('../demo/stand-ins/index.ts');
  const { driveLiveTraffic } = await import('../demo/live/index.ts');
  const { createApp } = await import('../server/app.ts');
  const standIns = await Promise.all(
    KINDS.map((kind) => startStandIn({ kind, latencyMs: 5, record: false })),
  );
  const store = await cli.openStore();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  try {
    const providers = Object.fromEntries(
      KINDS.map((kind, index) => [kind, { baseUrl: standIns[index]?.url }]),
    );
    const config = { ...cli.config.config, providers };
    const { gateway, spool } = await startGateway({
      config,
      dataDir: cli.dataDir,
      store,
      pricer: () => cli.pricer(),
      log,
    });
    const server = createApp({ store, version: 'demo', gateway, log });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const progress = startProgress('live', options.requests, 'calls');
    const result = await driveLiveTraffic({
      base,
      requests: options.requests,
      concurrency: 8,
      seed: options.seed,
      onAnswer: () => progress.increment(1),
    });
    progress.stop();
    server.close();
    await gateway.close();
    await spool.close();
    const [total] = await store.report({
      dimensions: [],
      metric: 'cost',
      grain: 'none',
      filters: [{ dimension: 'environment', value: 'demo' }],
    });
    const summary = { ...result, events_in_store: total?.requests ?? 0, cost: total?.cost ?? 0 };
    if (cli.format === 'json') {
      process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      return;
    }
    const answers = Object.entries(result.statuses)
      .map(([status, count]) => `${count} × ${status}`)
      .join(', ');
    process.stdout.write(
      `Sent ${result.sent} calls through the gateway into local stand-ins (${answers}).\nThe store now holds ${summary.events_in_store} live-demo events costing ${formatMoney(summary.cost)}.\nTry: tokenops report --by provider,model --where environment=demo\n`,
    );
  } finally {
    await store.close();
    await Promise.all(standIns.map((standIn) => standIn.close()));
  }
}
