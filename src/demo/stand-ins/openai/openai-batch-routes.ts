import type { StandInHandler } from '../stand-in-responder.ts';
import {
  respondOpenAiBatchCreate,
  respondOpenAiBatchRetrieve,
} from './openai-batches-responder.ts';
import { respondOpenAiFileContent, respondOpenAiFileUpload } from './openai-files-responder.ts';

const BATCH = /^\/v1\/batches\/([^/]+)$/;
const FILE_CONTENT = /^\/v1\/files\/([^/]+)\/content$/;

/** The Files and Batch API routes, some with an id in the path. */
export function routeOpenAiBatch(method: string, pathname: string): StandInHandler | undefined {
  if (method === 'POST' && pathname === '/v1/files') return respondOpenAiFileUpload;
  if (method === 'POST' && pathname === '/v1/batches') return respondOpenAiBatchCreate;
  if (method !== 'GET') return undefined;
  const batchId = BATCH.exec(pathname)?.[1];
  if (batchId !== undefined)
    return (call) => respondOpenAiBatchRetrieve(call, decodeURIComponent(batchId));
  const fileId = FILE_CONTENT.exec(pathname)?.[1];
  if (fileId !== undefined)
    return (call) => respondOpenAiFileContent(call, decodeURIComponent(fileId));
  return undefined;
}
