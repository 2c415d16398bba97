import { asJsonObject } from './as-json-object.ts';
import { joinText } from './join-text.ts';

/**
 * The text of message content given either as a string or as an array of parts, where
 * text parts carry a string `text` field (images, audio and files carry none and are skipped).
 */
export function readPartsText(content: unknown): string | undefined {
  if (typeof content === 'string') return content.length > 0 ? content : undefined;
  if (!Array.isArray(content)) return undefined;
  return joinText(
    content.map((part) => {
      const text = asJsonObject(part)?.['text'];
      return typeof text === 'string' ? text : undefined;
    }),
  );
}
