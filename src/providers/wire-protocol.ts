import type { ReportedUsage } from '../domain/token-classes.ts';
import type { ServiceTier } from '../domain/usage-event.ts';

/** Header names in lower case, as Node gives them. */
export type HeaderMap = Readonly<Record<string, string | string[] | undefined>>;

/** What the gateway learns from a request body before forwarding it (nothing is stored but counts). */
export interface RequestFacts {
  /** The model asked for: the body's `model`, or the one named in the path (Gemini, Bedrock). */
  model?: string;
  /** Whether the caller asked for a stream (body flag or a streaming path). */
  stream: boolean;
  /** chat, responses, embeddings, messages, generate_content, converse, invoke. */
  operation: string;
  /** OpenAI's `user` field or Anthropic's `metadata.user_id`. */
  user?: string;
  /** The output cap the caller set (max_tokens, max_completion_tokens, maxOutputTokens…). */
  maxOutputTokens?: number;
  /** The service tier asked for, when the request names one the price depends on. */
  requestedServiceTier?: ServiceTier;
  /** The system prompt's text, joined; counted and hashed, never stored. */
  systemPrompt?: string;
  /** Tool definitions as JSON text in the caller's order; counted and hashed, never stored. */
  toolDefinitions?: string;
  /** Every prompt text (system and messages), for estimating input when usage never arrives. */
  promptText(): string;
}

/** What a response body or a stream said about usage, in the provider's own counting. */
export interface UsageReading {
  /** The model that served the call, as the response names it. */
  model?: string;
  /** Counts as the provider reported them; undefined when no usage was seen at all. */
  reported?: ReportedUsage;
  /** The tier the provider says it served the call on (OpenAI `service_tier`, Anthropic's). */
  serviceTier?: ServiceTier;
  /** rate_limit, server_error, overloaded, invalid_request… when the body or stream carried an error. */
  errorKind?: string;
  /** Generated text characters seen in a stream, to estimate output when usage never arrived. */
  outputCharacters: number;
}

/** Watches a response stream for usage as its bytes pass through to the caller. */
export interface StreamUsageReader {
  /**
   * Takes bytes as they arrive, split anywhere, and returns the bytes to pass on: the same
   * chunk unless the reader must hide an event the caller did not ask for (then it passes on
   * whole events only and holds back a partial one until it completes).
   */
  push(chunk: Uint8Array): Uint8Array;
  /** The end of the stream: returns any bytes still held back. */
  end(): Uint8Array;
  /** True once the stream carried a generated token (text, reasoning or a tool call). */
  readonly firstTokenSeen: boolean;
  /**
   * True once the stream carried its protocol's closing event (OpenAI's `data: [DONE]`): the
   * caller needs nothing after it. Readers that cannot tell leave it undefined.
   */
  readonly finished?: boolean;
  /** Lines or events that could not be parsed; they still passed through. */
  readonly malformed: number;
  /** What the stream has said so far. */
  reading(): UsageReading;
}

/** A change to the request so the provider reports usage in a stream (OpenAI's include_usage). */
export interface StreamUsageRequest {
  body: Record<string, unknown>;
  /**
   * Set when `body` is the caller's with only these top-level members added, none of them
   * there before: the gateway then adds them to the caller's bytes rather than re-serialising.
   */
  addedMembers?: Record<string, unknown>;
  /** The caller did not ask for the usage event, so the reader hides it from them. */
  hideUsageFromCaller: boolean;
}

/** One wire format: how its requests, bodies and streams carry model, tier and usage. */
export interface WireProtocol {
  /** openai-chat, openai-responses, openai-embeddings, anthropic-messages, gemini, bedrock-converse… */
  readonly name: string;
  /**
   * The public encoding the provider itself counts this model's tokens with; undefined when
   * its tokenizer is not public (the gateway then estimates with o200k_base).
   */
  localEncoding?(model: string): 'o200k_base' | 'cl100k_base' | undefined;
  /** `body` is the parsed JSON request (anything: callers send junk); `pathModel` the model in the URL. */
  readRequest(body: unknown, pathModel: string | undefined): RequestFacts;
  /** The body to send instead when a stream would not report usage unless asked. */
  requestStreamUsage?(body: Record<string, unknown>): StreamUsageRequest | undefined;
  /** Reads a whole (non-stream) response; Bedrock's invoke reports counts in headers. */
  readResponseUsage(body: unknown, headers: HeaderMap): UsageReading;
  /** A fresh reader per response; `contentType` tells SSE from other stream encodings. */
  createStreamReader(options: {
    hideUsageFromCaller: boolean;
    contentType: string;
  }): StreamUsageReader;
  /** How the gateway may change a request of this format (routing, context ceilings, caps). */
  readonly editor?: RequestEditor;
}

/** A parsed JSON request body. */
export type JsonBody = Record<string, unknown>;

/** One message other than the system prompt, as the context trimmer weighs it. */
export interface ConversationTurn {
  /** Its texts (content, tool-call arguments, tool results), to be counted locally. */
  text: string;
  /** A conversation may begin here: a user message that is not a tool result. */
  opensConversation: boolean;
  toolCallIds: readonly string[];
  /** Ids of the tool calls whose results this message carries. */
  toolResultIds: readonly string[];
}

/**
 * Changes the gateway makes to a body only when a rule asks for them; each returns a new body
 * and leaves every field it does not name as the caller sent it.
 */
export interface RequestEditor {
  /** The body asking for another model; absent when the model is named by the path. */
  withModel?: (body: JsonBody, model: string) => JsonBody;
  /** The body with its output cap set, in the field this API names it. */
  withMaxOutputTokens?: (body: JsonBody, tokens: number) => JsonBody;
  /** The turns after the system prompt, oldest first; undefined when the body has none. */
  readTurns?: (body: JsonBody) => ConversationTurn[] | undefined;
  /** The body without its `count` oldest turns; system messages stay wherever they are. */
  dropTurns?: (body: JsonBody, count: number) => JsonBody;
  /** The conversation's text apart from the rest of the body, for the semantic cache. */
  splitConversation?: (body: JsonBody) => ConversationSplit | undefined;
}

/**
 * A request cut in two: the words of its conversation (system prompt and every turn, with
 * their roles), which are embedded, and everything else, which must match exactly.
 */
export interface ConversationSplit {
  text: string;
  /** The body without the conversation's text: model, parameters, tools, the turns' roles. */
  rest: JsonBody;
}

/** How the gateway asks a provider for embeddings of its own (the semantic cache). */
export interface EmbeddingsEndpoint {
  /** The path after the base URL; the gateway meters it like a caller's call there. */
  readonly path: string;
  requestBody(model: string, texts: readonly string[], dimensions?: number): JsonBody;
  /** One vector per text, in order; undefined when the body is not such an answer. */
  readVectors(body: unknown): number[][] | undefined;
}

/** A metered path: which protocol reads it, and the model when the path names it. */
export interface GatewayRoute {
  protocol: WireProtocol;
  /** URL-decoded model id from the path (Gemini `models/M:generateContent`, Bedrock `model/M/…`). */
  pathModel?: string;
  /** The path itself asks for a stream (Gemini streamGenerateContent, Bedrock converse-stream). */
  streamByPath: boolean;
}

/** A provider's side of the gateway: paths, credentials and the protocols that meter them. */
export interface ProviderGateway {
  /** The public endpoint, used when the config sets no baseUrl; paths are appended to it. */
  readonly defaultBaseUrl: string;
  /** Request headers that may carry the caller's credential (lower case). */
  readonly credentialHeaders: readonly string[];
  /** A query parameter that may carry the credential (Gemini's `key`). */
  readonly credentialQueryParameter?: string;
  /** Headers that send the configured key upstream. */
  credentialFor(key: string): Record<string, string>;
  /** The caller's credential (a provider key or a tokenops virtual key), without any scheme. */
  readCallerCredential(headers: HeaderMap, query: URLSearchParams): string | undefined;
  /** The protocol that meters `method path` (the path after the gateway prefix); undefined passes it through unmetered. */
  matchPath(method: string, path: string): GatewayRoute | undefined;
  /** The metered path asking for another model, where the path names it (Gemini, Bedrock). */
  pathWithModel?(path: string, model: string): string | undefined;
  /** Absent when the provider serves no embeddings the gateway knows how to ask for. */
  readonly embeddings?: EmbeddingsEndpoint;
}
