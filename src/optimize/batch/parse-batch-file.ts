import type { BatchRequest } from '../../domain/batch.ts';
import { ValidationError, type FieldIssue } from '../../domain/errors/index.ts';

/** Enough to fix a file in one go without flooding the terminal. */
const MAX_ISSUES = 5;

const FIX =
  'write one JSON object per line: {"custom_id": "…", "method": "POST", "url": "/v1/chat/completions", "body": {…}} or {"custom_id": "…", "params": {…}}';

/**
 * Reads a batch file: JSONL with one request per line, in either provider's shape — OpenAI's
 * `{custom_id, method, url, body}` or Anthropic's `{custom_id, params}` — so one file can go
 * to either provider. Checks what every provider requires (a unique custom_id, a request
 * object naming its model, no streaming); the provider's own rules are checked after. Blank
 * lines are skipped; line numbers count them, as an editor does.
 */
export function parseBatchFile(text: string, file: string): BatchRequest[] {
  const requests: BatchRequest[] = [];
  const issues: FieldIssue[] = [];
  const seen = new Map<string, number>();
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '' || issues.length >= MAX_ISSUES) return;
    const parsed = parseLine(raw);
    if (typeof parsed === 'string') {
      issues.push({ field: `line ${line}`, reason: parsed });
      return;
    }
    const earlier = seen.get(parsed.customId);
    if (earlier !== undefined) {
      issues.push({
        field: `line ${line}`,
        reason: `repeats custom_id "${parsed.customId}" of line ${earlier}`,
      });
      return;
    }
    seen.set(parsed.customId, line);
    requests.push({ ...parsed, line });
  });
  if (issues.length > 0) throw new ValidationError(`invalid batch file ${file}`, issues, FIX);
  if (requests.length === 0) {
    throw new ValidationError(
      `invalid batch file ${file}`,
      [{ field: 'file', reason: 'holds no requests' }],
      FIX,
    );
  }
  return requests;
}

/** The request of one line, or why it is not one. */
function parseLine(raw: string): Omit<BatchRequest, 'line'> | string {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return 'is not JSON';
  }
  if (!isObject(value)) return 'is not a JSON object';
  const { custom_id: customId, method, url, body, params } = value;
  if (typeof customId !== 'string' || customId === '')
    return 'has no custom_id (a non-empty string)';
  const request = body ?? params;
  if (body !== undefined && params !== undefined) return 'has both body and params; keep one';
  if (!isObject(request)) return 'has no request object (body or params)';
  if (method !== undefined && method !== 'POST')
    return `has method ${JSON.stringify(method)}; batch requests are POST`;
  if (url !== undefined && (typeof url !== 'string' || !url.startsWith('/'))) {
    return 'has a url that is not a path such as /v1/chat/completions';
  }
  if (typeof request.model !== 'string' || request.model === '') return 'names no model';
  if (request.stream === true) return 'asks for a stream, which batches cannot answer';
  return url === undefined ? { customId, body: request } : { customId, body: request, url };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
