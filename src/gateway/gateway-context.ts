import type { PayloadLog } from './payloads/payload-log.ts';
import type { Dispatcher } from 'undici';
import type { UsageEvent } from '../domain/usage-event.ts';
import type { RequestFacts } from '../providers/wire-protocol.ts';
import type { GatewayUpstream } from './gateway-upstream.ts';
import type { LocalEncoding, PromptMeasure } from '../providers/metering/measure-prompt.ts';
import type { VirtualKeyIndex } from './virtual-keys.ts';
import type { CallGovernor } from '../govern/index.ts';
import type { GatewayOptimizer } from './gateway-optimization.ts';

/** Everything a gateway request needs, built once at start. */
export interface GatewayContext {
  upstreams: ReadonlyMap<string, GatewayUpstream>;
  /** tags.untagged: reject refuses a call that carries no team. */
  untagged: 'accept' | 'reject';
  virtualKeys: VirtualKeyIndex;
  /** Resolves once the event is safe in the spool. */
  record: (event: UsageEvent) => Promise<void>;
  dispatcher: Dispatcher;
  upstreamTimeoutMs: number;
  maxRequestBytes: number;
  measurePrompt: (facts: RequestFacts, encoding: LocalEncoding) => PromptMeasure | undefined;
  countTokens: (text: string) => number;
  countTokensIn: (encoding: LocalEncoding, text: string) => number;
  /** Budgets, policies and rate limits; undefined when none are configured. */
  governor?: CallGovernor;
  /** Routing, the exact cache, context ceilings and output caps; undefined when none are set. */
  optimizer?: GatewayOptimizer;
  /** Streaming calls open now, and how many may be (limits.concurrentStreams; 0: no cap). */
  streams: { open: number; max: number };
  /** Prompts and answers, redacted; only when logging.payloads.enabled. */
  payloadLog?: PayloadLog;
  log: (line: string) => void;
}
