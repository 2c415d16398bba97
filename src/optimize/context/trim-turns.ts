/** One message of a conversation other than the system prompt, as the trimmer weighs it. */
export interface WeighedTurn {
  /** Its text, counted locally. */
  tokens: number;
  /** A conversation may begin here: a user message that is not a tool result. */
  opensConversation: boolean;
  /** Ids of the tool calls this turn makes, and of the calls whose results it carries. */
  toolCallIds: readonly string[];
  toolResultIds: readonly string[];
}

export interface TrimResult {
  /** The first turn kept; every turn before it is dropped. */
  firstKept: number;
  trimmedTokens: number;
  /** The prompt's count once trimmed (may stay above the ceiling: the newest turn is kept). */
  keptTokens: number;
}

/**
 * Sliding-window trimming: drops the oldest turns until `fixedTokens` (system prompt and tool
 * definitions, never dropped) plus the turns left fit under `ceiling`. It only cuts where a
 * conversation may begin and never between a tool call and its result, and always keeps the
 * newest turn. Undefined when the prompt fits already or no cut is possible.
 */
export function trimTurns(
  fixedTokens: number,
  turns: readonly WeighedTurn[],
  ceiling: number,
): TrimResult | undefined {
  const total = turns.reduce((sum, turn) => sum + turn.tokens, fixedTokens);
  if (total <= ceiling) return undefined;
  const cuttable = validCuts(turns);
  let dropped = 0;
  let best: TrimResult | undefined;
  for (let cut = 1; cut < turns.length; cut += 1) {
    dropped += turns[cut - 1]?.tokens ?? 0;
    if (!cuttable[cut]) continue;
    best = { firstKept: cut, trimmedTokens: dropped, keptTokens: total - dropped };
    if (best.keptTokens <= ceiling) return best;
  }
  // Nothing fits: the deepest possible cut, so the provider sees as little as it can.
  return best;
}

/** cuttable[k]: the conversation may start at turn k without orphaning a tool result. */
function validCuts(turns: readonly WeighedTurn[]): boolean[] {
  const callAt = new Map<string, number>();
  turns.forEach((turn, index) => {
    for (const id of turn.toolCallIds) if (!callAt.has(id)) callAt.set(id, index);
  });
  const cuttable = turns.map((turn) => turn.opensConversation);
  turns.forEach((turn, resultIndex) => {
    for (const id of turn.toolResultIds) {
      const call = callAt.get(id);
      // Cutting anywhere after the call and up to its result would separate them.
      if (call === undefined) continue;
      for (let cut = call + 1; cut <= resultIndex; cut += 1) cuttable[cut] = false;
    }
  });
  return cuttable;
}
