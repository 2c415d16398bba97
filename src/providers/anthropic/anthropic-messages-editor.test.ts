import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { anthropicMessagesEditor as editor } from './anthropic-messages-editor.ts';

describe('anthropicMessagesEditor', () => {
  const body = {
    model: 'claude-sonnet-4-5',
    max_tokens: 1000,
    system: [{ type: 'text', text: 'Be brief.' }],
    messages: [
      { role: 'user', content: 'Weather?' },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Looking.' },
          { type: 'tool_use', id: 'tu_1', name: 'weather', input: { city: 'Oslo' } },
        ],
      },
      {
        role: 'user',
        content: [{ type: 'tool_result', tool_use_id: 'tu_1', content: 'rain' }],
      },
    ],
  };

  it('pairs tool_use ids with tool_result blocks; a result cannot open a conversation', () => {
    assert.deepEqual(editor.readTurns?.(body), [
      { text: 'Weather?', opensConversation: true, toolCallIds: [], toolResultIds: [] },
      {
        text: 'Looking.\n{"city":"Oslo"}',
        opensConversation: false,
        toolCallIds: ['tu_1'],
        toolResultIds: [],
      },
      { text: 'rain', opensConversation: false, toolCallIds: [], toolResultIds: ['tu_1'] },
    ]);
  });

  it('drops turns, keeps the top-level system, and caps max_tokens', () => {
    const trimmed = editor.dropTurns?.(body, 2);
    assert.deepEqual(trimmed?.messages, [body.messages[2]]);
    assert.deepEqual(trimmed?.system, body.system);
    assert.equal(editor.withMaxOutputTokens?.(body, 300).max_tokens, 300);
    assert.equal(editor.withModel?.(body, 'claude-haiku-4-5').model, 'claude-haiku-4-5');
  });
});
