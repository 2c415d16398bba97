import type { IncomingMessage, ServerResponse } from 'node:http';
import { TokenopsError } from '../../domain/errors/index.ts';
import {
  encodeProtobufTraceResponse,
  ingestEvents,
  readOtlpTraces,
  type OtlpEncoding,
  type RejectedSpan,
} from '../../ingest/index.ts';
import type { Pricer } from '../../pricing/index.ts';
import type { Store } from '../../store/store.ts';
import { sendJson } from '../http-errors.ts';
import { readBodyBytes } from '../read-body.ts';

const BODY_LIMIT = 64 * 2 ** 20;

class UnsupportedMediaTypeError extends TokenopsError {
  readonly code = 'unsupported_media_type';
  readonly httpStatus = 415;
}

export interface OtlpTracesRouteOptions {
  store: Store;
  pricer: () => Promise<Pricer>;
  providers: readonly string[];
  /** Attribute name → tag name (config `otlp.tagAttributes`). */
  tagAttributes: Readonly<Record<string, string>>;
}

/**
 * POST /v1/traces, the OTLP/HTTP path exporters post to: JSON or protobuf, gzip accepted.
 * Model-call spans become priced events (idempotent by trace and span id); the answer is an
 * ExportTraceServiceResponse in the request's encoding, rejected spans as a partial success
 * so exporters do not retry them. It writes the answer itself: protobuf is not JSON.
 */
export function otlpTracesRoute(
  options: OtlpTracesRouteOptions,
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  return async (request, response) => {
    const encoding = encodingOf(request.headers['content-type']);
    const batch = readOtlpTraces(await readBodyBytes(request, BODY_LIMIT), encoding, {
      knownProviders: options.providers,
      tagAttributes: options.tagAttributes,
    });
    await ingestEvents(options.store, await options.pricer(), batch.events);
    const errorMessage = describeRejected(batch.rejected);
    if (encoding === 'json') {
      const rejectedSpans = batch.rejected.length;
      sendJson(
        response,
        200,
        rejectedSpans > 0 ? { partialSuccess: { rejectedSpans, errorMessage } } : {},
      );
      return;
    }
    const body = encodeProtobufTraceResponse(batch.rejected.length, errorMessage);
    response.writeHead(200, {
      'content-type': 'application/x-protobuf',
      'content-length': body.byteLength,
    });
    response.end(body);
  };
}

function encodingOf(contentType: string | undefined): OtlpEncoding {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') return 'json';
  if (type === 'application/x-protobuf' || type === 'application/protobuf') return 'protobuf';
  throw new UnsupportedMediaTypeError(
    `OTLP traces cannot be read from Content-Type "${contentType ?? ''}"`,
    'send Content-Type: application/json or application/x-protobuf (the OTLP/HTTP encodings)',
  );
}

/** One line for the exporter's log: how many, and the first few reasons. */
function describeRejected(rejected: readonly RejectedSpan[]): string {
  if (rejected.length === 0) return '';
  const shown = rejected.slice(0, 3).map((item) => `${item.path}: ${item.reason}`);
  const more = rejected.length > shown.length ? `; and ${rejected.length - shown.length} more` : '';
  return `${rejected.length} span(s) not recorded: ${shown.join('; ')}${more}`;
}
