import type { HeaderMap } from '../wire-protocol.ts';
import { readHeader } from './read-header.ts';

const BEARER = /^bearer\s+(\S+)$/i;

/** The token of an `Authorization: Bearer <token>` header; other schemes are not a credential we read. */
export function readBearerToken(headers: HeaderMap): string | undefined {
  const authorization = readHeader(headers, 'authorization');
  return authorization === undefined ? undefined : BEARER.exec(authorization)?.[1];
}
