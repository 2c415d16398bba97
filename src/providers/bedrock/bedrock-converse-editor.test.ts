import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bedrockConverseEditor as editor } from './bedrock-converse-editor.ts';
import { bedrockGateway } from './bedrock-gateway.ts';

describe('bedrockConverseEditor', () => {
  it('pairs toolUse with toolResult by toolUseId', () => {
    const turns = editor.readTurns?.({
      messages: [
        { role: 'user', content: [{ text: 'Weather?' }] },
        { role: 'assistant', content: [{ toolUse: { toolUseId: 't1', name: 'w', input: {} } }] },
        {
          role: 'user',
          content: [{ toolResult: { toolUseId: 't1', content: [{ text: 'rain' }] } }],
        },
      ],
    });
    assert.deepEqual(
      turns?.map((turn) => [turn.opensConversation, turn.toolCallIds, turn.toolResultIds]),
      [
        [true, [], []],
        [false, ['t1'], []],
        [false, [], ['t1']],
      ],
    );
  });

  it('caps inferenceConfig.maxTokens, keeping the other settings', () => {
    assert.deepEqual(editor.withMaxOutputTokens?.({ inferenceConfig: { temperature: 0.2 } }, 128), {
      inferenceConfig: { temperature: 0.2, maxTokens: 128 },
    });
  });

  it('names another model in a Converse path only', () => {
    assert.equal(
      bedrockGateway.pathWithModel?.(
        '/model/anthropic.claude-3-haiku/converse-stream',
        'amazon.nova-lite-v1:0',
      ),
      '/model/amazon.nova-lite-v1%3A0/converse-stream',
    );
    assert.equal(
      bedrockGateway.pathWithModel?.('/model/anthropic.claude-3-haiku/invoke', 'x'),
      undefined,
    );
  });
});
