/**
 * A key-value column (tags, labels, a product map) as a string map, or undefined when the text
 * is neither form we know. Two forms reach us: JSON object text (CSV exports, FOCUS `Tags`),
 * and the tabular reader's text of a Parquet MAP column, `{user_team=search, 'odd key'=x}`
 * (it hands every value over as text). Some cost exports also drop the outer braces of their
 * JSON (`"team": "search","env": "prod"`), so a brace-less JSON body is accepted too.
 * JSON values that are not strings (FOCUS allows numbers and booleans) become their text.
 */
export function parseMapColumn(text: string): Record<string, string> | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '{}') return {};
  if (trimmed.startsWith('"')) return parseJsonObject(`{${trimmed}}`);
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) return undefined;
  return parseJsonObject(trimmed) ?? parseEngineMap(trimmed.slice(1, -1));
}

function parseJsonObject(text: string): Record<string, string> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const map: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value === 'object' && value !== null) return undefined;
    // A FOCUS key without a value holds `true`; null keeps the key with no value worth keeping.
    if (value !== null) map[key] = String(value);
  }
  return map;
}

/** `key=value, key2=value2`, where a key or value holding `=`, `,` or quotes is single-quoted. */
function parseEngineMap(body: string): Record<string, string> | undefined {
  const map: Record<string, string> = {};
  let index = 0;
  const token = (stop: string): string | undefined => {
    if (body[index] === "'") {
      let value = '';
      for (index += 1; index < body.length; index += 1) {
        if (body[index] === "'" && body[index + 1] === "'") {
          value += "'";
          index += 1;
        } else if (body[index] === "'") {
          index += 1;
          return value;
        } else value += body[index];
      }
      return undefined;
    }
    const end = body.indexOf(stop, index);
    const value = body.slice(index, end === -1 ? body.length : end);
    index += value.length;
    return value;
  };
  while (index < body.length) {
    const key = token('=');
    if (key === undefined || body[index] !== '=') return undefined;
    index += 1;
    const value = token(', ');
    if (value === undefined) return undefined;
    if (value !== 'NULL') map[key.trim()] = value;
    if (index < body.length && !body.startsWith(', ', index)) return undefined;
    index += 2;
  }
  return map;
}
