import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitOpenAiChatConversation as split } from './split-openai-chat-conversation.ts';

describe('splitOpenAiChatConversation', () => {
  it('embeds role: text per message and keeps every other field apart', () => {
    const body = {
      model: 'gpt-4o-mini',
      temperature: 0,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', name: 'ann', content: [{ type: 'text', text: 'Where is my order?' }] },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'call_9', type: 'function', function: { name: 'find', arguments: '{"id":1}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_9', content: 'shipped' },
      ],
    };
    assert.deepEqual(split(body), {
      text: 'system: Be brief.\nuser: Where is my order?\nassistant: find({"id":1})\ntool: shipped',
      rest: {
        model: 'gpt-4o-mini',
        temperature: 0,
        messages: [
          { role: 'system' },
          { role: 'user', name: 'ann' },
          { role: 'assistant' },
          { role: 'tool' },
        ],
      },
    });
  });

  it('gives the same rest for two wordings, and another for other parameters', () => {
    const ask = (content: string, temperature = 0) => ({
      model: 'gpt-4o-mini',
      temperature,
      messages: [{ role: 'user', content }],
    });
    assert.deepEqual(
      split(ask('Summarise the memo.'))?.rest,
      split(ask('Summarize the memo'))?.rest,
    );
    assert.notDeepEqual(split(ask('a'))?.rest, split(ask('a', 1))?.rest);
  });

  it('refuses images, audio and bodies with no text', () => {
    const image = { type: 'image_url', image_url: { url: 'https://example.com/a.png' } };
    const withImage = {
      messages: [{ role: 'user', content: [{ type: 'text', text: 'What is this?' }, image] }],
    };
    assert.equal(split(withImage), undefined);
    assert.equal(split({ messages: [] }), undefined);
    assert.equal(split({ messages: [{ role: 'user', content: '' }] }), undefined);
    assert.equal(split({ messages: 'hi' }), undefined);
    assert.equal(split({ messages: [{ role: 'user', content: 7 }] }), undefined);
  });
});
