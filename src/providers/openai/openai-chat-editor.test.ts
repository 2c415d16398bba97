import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openAiChatEditor as editor } from './openai-chat-editor.ts';

const body = {
  model: 'gpt-4o',
  messages: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'Where is my order?' },
    {
      role: 'assistant',
      content: null,
      tool_calls: [
        { id: 'call_9', type: 'function', function: { name: 'find', arguments: '{"id":1}' } },
      ],
    },
    { role: 'tool', tool_call_id: 'call_9', content: 'shipped' },
    { role: 'developer', content: 'Answer in English.' },
    { role: 'user', content: 'Thanks' },
  ],
};

describe('openAiChatEditor', () => {
  it('reads every message but system and developer ones as a turn', () => {
    assert.deepEqual(editor.readTurns?.(body), [
      { text: 'Where is my order?', opensConversation: true, toolCallIds: [], toolResultIds: [] },
      { text: '{"id":1}', opensConversation: false, toolCallIds: ['call_9'], toolResultIds: [] },
      { text: 'shipped', opensConversation: false, toolCallIds: [], toolResultIds: ['call_9'] },
      { text: 'Thanks', opensConversation: true, toolCallIds: [], toolResultIds: [] },
    ]);
  });

  it('drops the oldest turns and keeps system messages where they stand', () => {
    const trimmed = editor.dropTurns?.(body, 3);
    assert.deepEqual(trimmed?.messages, [body.messages[0], body.messages[4], body.messages[5]]);
    assert.equal(trimmed?.model, 'gpt-4o');
  });

  it('sets the model and the output cap in the caller’s field', () => {
    assert.equal(editor.withModel?.(body, 'gpt-4o-mini').model, 'gpt-4o-mini');
    assert.deepEqual(editor.withMaxOutputTokens?.({ max_tokens: 9000 }, 500), { max_tokens: 500 });
    assert.deepEqual(editor.withMaxOutputTokens?.({}, 500), { max_completion_tokens: 500 });
  });
});
