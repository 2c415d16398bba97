import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JsonObject } from './json-fields.ts';
import type { StandInControl } from './stand-in-control.ts';
import type { StandInStorage } from './stand-in-storage.ts';

/** Everything a provider handler needs to answer one request. */
export interface StandInCall {
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  /** the query string without its `?`, empty when there is none */
  readonly query: string;
  /** the parsed JSON body; empty for requests without one (GET) and for multipart uploads */
  readonly body: JsonObject;
  /** the raw body, for multipart uploads */
  readonly text: string;
  /** files and batches this stand-in keeps between requests */
  readonly storage: StandInStorage;
  readonly control: StandInControl;
  /** the reply text, one piece per stream content chunk; JSON answers join them */
  readonly pieces: readonly string[];
  /** unique within this stand-in, for response ids */
  readonly sequence: number;
  /** Date.now() when the request arrived, for the latency metrics some providers report */
  readonly receivedAt: number;
}
