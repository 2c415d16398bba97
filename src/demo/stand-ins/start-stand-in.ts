import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createStandInRequestHandler } from './handle-stand-in-request.ts';
import { mergeUsage } from './merge-usage.ts';
import type { RecordedRequest, StandIn, StandInKind, StandInOptions } from './stand-in-options.ts';
import { STAND_IN_RESPONDERS } from './stand-in-responders.ts';
import { createStandInStorage } from './stand-in-storage.ts';
import { standInTextPieces } from './stand-in-text.ts';

/**
 * Starts a fake provider on 127.0.0.1 at a free port, speaking `options.kind`'s wire format so
 * gateway tests, benchmarks and `demo --live` never call a real provider.
 */
export async function startStandIn<Kind extends StandInKind>(
  options: StandInOptions<Kind>,
): Promise<StandIn> {
  const responder = STAND_IN_RESPONDERS[options.kind];
  const requests: RecordedRequest[] = [];
  const handler = createStandInRequestHandler({
    responder,
    usage: mergeUsage(responder.defaultUsage, options.usage ?? {}, responder.usageFields, 'usage'),
    usageFields: responder.usageFields,
    chunkDelayMs: options.chunkDelayMs ?? 0,
    latencyMs: options.latencyMs ?? 0,
    pieces: standInTextPieces(options.chunks ?? 3),
    requests: options.record === false ? undefined : requests,
    scenarios: options.scenarios ?? {},
    storage: createStandInStorage(options.batchPolls ?? 0),
  });
  const server = createServer((request, response) => void handler(request, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Idle keep-alive sockets and hanging calls would otherwise hold close() open.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
