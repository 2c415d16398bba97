import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { pause } from './pause.ts';
import type { StandInCall } from './stand-in-call.ts';
import type { StreamFormat } from './stream-format.ts';
import type { StreamPlan } from './stream-plan.ts';

/** Streams a plan as a 200 response, acting out the call's broken-stream and malformed-line. */
export async function playStream<Event>(
  call: StandInCall,
  format: StreamFormat<Event>,
  plan: StreamPlan<Event>,
  headers: OutgoingHttpHeaders = {},
): Promise<void> {
  const { response, control } = call;
  response.writeHead(200, { 'content-type': format.contentType, ...headers });
  let written = 0;
  const send = (event: Event, onFlushed?: () => void): void => {
    const prefix = written++ === 0 ? format.opening : format.separator;
    if (prefix) response.write(prefix);
    response.write(format.encode(event), onFlushed);
  };

  for (const event of plan.head) send(event);
  // At least one content chunk arrives before the break, so "some content" is really there.
  const breakAfter = control.scenario === 'broken-stream' ? Math.ceil(plan.content.length / 2) : -1;
  for (const [index, event] of plan.content.entries()) {
    await pause(control.chunkDelayMs);
    if (isGone(response)) return;
    if (index + 1 === breakAfter) {
      // Destroy only once the chunk has left the process, or the break could swallow it.
      send(event, () => response.destroy());
      return;
    }
    send(event);
  }
  for (const [index, event] of plan.tail.entries()) {
    if (index === plan.usageIndex && control.scenario === 'malformed-line' && format.garbage) {
      response.write(format.garbage);
    }
    send(event);
  }
  response.end(format.closing);
}

/** True once the client went away, so a paced stream stops instead of writing into nothing. */
export function isGone(response: ServerResponse): boolean {
  return response.destroyed || response.socket === null || response.socket.destroyed;
}
