/** An attribute value as OTLP's AnyValue carries it, int64 kept exact as a bigint. */
export type AttributeValue =
  | string
  | boolean
  | number
  | bigint
  | readonly AttributeValue[]
  | { readonly [key: string]: AttributeValue };

export type Attributes = ReadonlyMap<string, AttributeValue>;

/** OTLP's span status code 2; 0 (unset) and 1 (ok) both mean the call did not fail. */
export const STATUS_ERROR = 2;

/** One span with its resource and scope, the same whether it came as JSON or protobuf. */
export interface OtlpSpan {
  /** 32 lower-case hex digits. */
  traceId: string;
  /** 16 lower-case hex digits. */
  spanId: string;
  parentSpanId?: string;
  name: string;
  startTimeUnixNano: bigint;
  endTimeUnixNano: bigint;
  statusCode: number;
  attributes: Attributes;
  resource: Attributes;
  scopeName?: string;
}
