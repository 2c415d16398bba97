import { Pool } from 'undici';

/**
 * A keep-alive pool to one target with more connections than the run has callers, so the
 * client side never queues a call behind another.
 */
export function openBenchPool(url: string, callers: number): Pool {
  return new Pool(url, {
    connections: callers * 2,
    keepAliveTimeout: 30_000,
    headersTimeout: 10_000,
    bodyTimeout: 10_000,
  });
}
