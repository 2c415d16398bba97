import { capOutputTokens, trimTurns, type ContextRule } from '../optimize/index.ts';
import type { GatewayRoute, JsonBody, RequestEditor } from '../providers/wire-protocol.ts';
import type { GatewayContext } from './gateway-context.ts';
import type { GatewayMeteredRequest } from './prepare-metered-request.ts';

export interface ShapedBody {
  /** The changed body; undefined when no rule changed anything (the caller's bytes go). */
  body?: JsonBody;
  /** Prompt tokens the context ceiling dropped, counted locally. */
  trimmedTokens?: number;
  /** The prompt's local count once trimmed (for budget estimates). */
  keptPromptTokens?: number;
  /** The output cap now asked for, when a rule changed it. */
  maxOutputTokens?: number;
}

/**
 * The scope's context ceiling and output rule applied to the parsed body: the oldest turns
 * dropped until the prompt fits, then max_tokens defaulted or lowered. Protocols without an
 * editor for a change keep the body as it was.
 */
export function shapeRequestBody(
  context: GatewayContext,
  route: GatewayRoute,
  metered: GatewayMeteredRequest,
  parsed: JsonBody,
): ShapedBody {
  const optimizer = context.optimizer;
  const editor = route.protocol.editor;
  if (!optimizer || !editor) return {};
  const { facts, tags } = metered;
  const shaped: ShapedBody = {};
  let body = parsed;
  const ceiling = optimizer.contextRule(tags, facts.model);
  if (ceiling) {
    const trimmed = trimBody(context, editor, metered, body, ceiling);
    if (trimmed) {
      body = trimmed.body;
      shaped.trimmedTokens = trimmed.trimmedTokens;
      shaped.keptPromptTokens = trimmed.keptTokens;
    }
  }
  const outputRule = optimizer.outputRule(tags, facts.model);
  const cap = outputRule && capOutputTokens(facts.maxOutputTokens, outputRule);
  if (cap !== undefined && editor.withMaxOutputTokens) {
    body = editor.withMaxOutputTokens(body, cap);
    shaped.maxOutputTokens = cap;
  }
  if (body !== parsed) shaped.body = body;
  return shaped;
}

function trimBody(
  context: GatewayContext,
  editor: RequestEditor,
  metered: GatewayMeteredRequest,
  body: JsonBody,
  rule: ContextRule,
): { body: JsonBody; trimmedTokens: number; keptTokens: number } | undefined {
  const turns = editor.readTurns?.(body);
  if (!turns || turns.length < 2 || !editor.dropTurns) return undefined;
  const count = (text: string) => context.countTokensIn(metered.encoding, text);
  // System prompt and tool definitions are counted once per fingerprint already.
  const composition = metered.prompt()?.composition;
  const fixed = (composition?.systemPromptTokens ?? 0) + (composition?.toolDefinitionTokens ?? 0);
  const weighed = turns.map((turn) => ({ ...turn, tokens: turn.text ? count(turn.text) : 0 }));
  const result = trimTurns(fixed, weighed, rule.maxInputTokens);
  if (!result) return undefined;
  return {
    body: editor.dropTurns(body, result.firstKept),
    trimmedTokens: result.trimmedTokens,
    keptTokens: result.keptTokens,
  };
}
