import { readMultipartField } from '../read-multipart-file.ts';
import { sendJson } from '../send-json.ts';
import type { StandInCall } from '../stand-in-call.ts';
import { StandInRequestError } from '../stand-in-request-error.ts';

/** POST /v1/files: keeps the uploaded `file` field and answers with a File object. */
export function respondOpenAiFileUpload(call: StandInCall): void {
  const contentType = call.request.headers['content-type'] ?? '';
  const purpose = readMultipartField(call.text, contentType, 'purpose');
  if (purpose !== 'batch') {
    throw new StandInRequestError(`The stand-in only takes purpose "batch", not "${purpose}"`);
  }
  const content = readMultipartField(call.text, contentType, 'file');
  const id = `file-standin${call.sequence}`;
  call.storage.files.set(id, content);
  sendJson(call.response, 200, openAiFile(id, content, Math.floor(call.receivedAt / 1000)));
}

/** GET /v1/files/{id}/content: the file's bytes (uploads, and batch output and error files). */
export function respondOpenAiFileContent(call: StandInCall, id: string): void {
  const content = call.storage.files.get(id);
  if (content === undefined)
    throw new StandInRequestError(`No such File object: ${id}`, 'not-found');
  call.response.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': Buffer.byteLength(content),
  });
  call.response.end(content);
}

function openAiFile(id: string, content: string, createdAt: number): Record<string, unknown> {
  return {
    id,
    object: 'file',
    bytes: Buffer.byteLength(content),
    created_at: createdAt,
    filename: 'batch.jsonl',
    purpose: 'batch',
  };
}
