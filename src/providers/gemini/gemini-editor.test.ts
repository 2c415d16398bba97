import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { geminiEditor as editor } from './gemini-editor.ts';
import { geminiGateway } from './gemini-gateway.ts';

describe('geminiEditor', () => {
  it('reads contents as turns; a functionResponse cannot open a conversation', () => {
    const turns = editor.readTurns?.({
      contents: [
        { role: 'user', parts: [{ text: 'Weather in Oslo?' }] },
        {
          role: 'model',
          parts: [{ functionCall: { id: 'f1', name: 'weather', args: { city: 'Oslo' } } }],
        },
        {
          role: 'user',
          parts: [{ functionResponse: { id: 'f1', name: 'weather', response: { sky: 'rain' } } }],
        },
        { parts: [{ text: 'Thanks' }] },
      ],
    });
    assert.deepEqual(
      turns?.map((turn) => [turn.opensConversation, turn.toolCallIds, turn.toolResultIds]),
      [
        [true, [], []],
        [false, ['f1'], []],
        [false, [], ['f1']],
        [true, [], []],
      ],
    );
    assert.equal(turns?.[1]?.text, '{"city":"Oslo"}');
  });

  it('caps output in the spelling the caller used', () => {
    assert.deepEqual(editor.withMaxOutputTokens?.({ generationConfig: { temperature: 0 } }, 64), {
      generationConfig: { temperature: 0, maxOutputTokens: 64 },
    });
    assert.deepEqual(
      editor.withMaxOutputTokens?.({ generation_config: { max_output_tokens: 900 } }, 64),
      { generation_config: { max_output_tokens: 64 } },
    );
  });

  it('names another model in the path', () => {
    assert.equal(
      geminiGateway.pathWithModel?.(
        '/v1beta/models/gemini-2.5-pro:streamGenerateContent',
        'gemini-2.5-flash',
      ),
      '/v1beta/models/gemini-2.5-flash:streamGenerateContent',
    );
    assert.equal(geminiGateway.pathWithModel?.('/v1beta/models', 'x'), undefined);
  });
});
