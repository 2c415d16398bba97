import type { IncomingMessage } from 'node:http';

/** A route answers with a JSON-serialisable value or throws a TokenopsError. */
export type RouteHandler = (url: URL, request: IncomingMessage) => Promise<unknown>;
