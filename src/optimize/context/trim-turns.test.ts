import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { capOutputTokens } from './cap-output-tokens.ts';
import { trimTurns, type WeighedTurn } from './trim-turns.ts';

const user = (tokens: number): WeighedTurn => ({
  tokens,
  opensConversation: true,
  toolCallIds: [],
  toolResultIds: [],
});
const reply = (tokens: number, calls: string[] = []): WeighedTurn => ({
  tokens,
  opensConversation: false,
  toolCallIds: calls,
  toolResultIds: [],
});
const result = (tokens: number, of: string): WeighedTurn => ({
  tokens,
  opensConversation: false,
  toolCallIds: [],
  toolResultIds: [of],
});

describe('trimTurns', () => {
  it('leaves a prompt that fits', () => {
    assert.equal(trimTurns(10, [user(20), reply(20)], 50), undefined);
    assert.equal(trimTurns(10, [user(20), reply(20)], 49)?.firstKept, undefined);
  });

  it('drops the oldest turns until the rest fits, cutting only where a user speaks', () => {
    const turns = [user(100), reply(100), user(100), reply(100), user(100)];
    assert.deepEqual(trimTurns(50, turns, 350), {
      firstKept: 2,
      trimmedTokens: 200,
      keptTokens: 350,
    });
    // 250 would fit from turn 3, but a reply cannot start the conversation.
    assert.equal(trimTurns(50, turns, 250)?.firstKept, 4);
  });

  it('never starts after a tool call and before its result', () => {
    const turns = [
      user(10),
      reply(10, ['c1']),
      { ...user(10), toolResultIds: ['c1'] },
      reply(10),
      user(10),
    ];
    // Turn 2 opens in name but answers c1: a cut there orphans the result.
    assert.equal(trimTurns(0, turns, 30)?.firstKept, 4);
    assert.equal(
      trimTurns(0, [user(10), reply(10, ['x']), result(10, 'x'), user(5)], 15)?.firstKept,
      3,
    );
  });

  it('keeps the newest turn even when nothing fits, dropping all it can', () => {
    assert.deepEqual(trimTurns(100, [user(50), reply(50), user(50)], 10), {
      firstKept: 2,
      trimmedTokens: 100,
      keptTokens: 150,
    });
    assert.equal(trimTurns(100, [reply(50), reply(50)], 10), undefined, 'no place to start');
  });
});

describe('capOutputTokens', () => {
  const rule = { match: {}, defaultMaxTokens: 256, maxTokensCeiling: 1024 };
  it('sets the default when the caller set none, and lowers a larger cap', () => {
    assert.equal(capOutputTokens(undefined, rule), 256);
    assert.equal(capOutputTokens(4000, rule), 1024);
  });
  it('leaves a cap at or under the ceiling alone', () => {
    assert.equal(capOutputTokens(100, rule), undefined);
    assert.equal(capOutputTokens(1024, rule), undefined);
  });
  it('applies a lone ceiling to calls that set no cap', () => {
    assert.equal(capOutputTokens(undefined, { match: {}, maxTokensCeiling: 500 }), 500);
    assert.equal(capOutputTokens(undefined, { match: {}, defaultMaxTokens: 64 }), 64);
    assert.equal(capOutputTokens(9000, { match: {}, defaultMaxTokens: 64 }), undefined);
  });
});
