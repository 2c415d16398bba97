import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

/** Answers a GET or HEAD for a dashboard path (anything the API and gateway did not claim). */
export type DashboardHandler = (
  pathname: string,
  request: IncomingMessage,
  response: ServerResponse,
) => Promise<void>;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

// Off the event loop: the gateway shares this process.
const gzipAsync = promisify(gzip);
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.txt']);

// Vite names every file under assets/ by its content hash, so a name never changes meaning.
const IMMUTABLE = 'public, max-age=31536000, immutable';

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>tokenops</title></head>
<body><h1>tokenops</h1><p>The dashboard is not built. Run <code>npm run build:web</code>, then reload.
The API is at <a href="/api/openapi.json">/api/openapi.json</a>.</p></body></html>
`;

/**
 * Serves the built dashboard (web/dist): files as they are, hashed assets cached for a year,
 * and index.html for any other path so the dashboard's own routes survive a reload.
 */
export function serveDashboard(directory: string): DashboardHandler {
  const root = resolve(directory);
  const compressed = new Map<string, { mtimeMs: number; body: Buffer }>();
  // The bundle is mostly text: gzip shrinks it about threefold, and it is compressed once.
  const gzipped = async (file: string): Promise<Buffer> => {
    const { mtimeMs } = await stat(file);
    const cached = compressed.get(file);
    if (cached?.mtimeMs === mtimeMs) return cached.body;
    const body = await gzipAsync(await readFile(file));
    compressed.set(file, { mtimeMs, body });
    return body;
  };
  return async (pathname, request, response) => {
    const method = request.method ?? 'GET';
    const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const file = resolve(join(root, decodePath(pathname)));
    const inside = file.startsWith(root + sep);
    if (inside && extname(file) !== '' && (await isFile(file))) {
      const cache = pathname.startsWith('/assets/') ? IMMUTABLE : 'no-cache';
      if (acceptsGzip && COMPRESSIBLE.has(extname(file))) {
        send(response, method, 200, await gzipped(file), contentType(file), cache, 'gzip');
      } else {
        send(response, method, 200, await readFile(file), contentType(file), cache);
      }
      return;
    }
    // A missing script or stylesheet must not come back as HTML the browser then misreads.
    if (pathname.startsWith('/assets/')) {
      send(response, method, 404, Buffer.from('not found\n'), CONTENT_TYPES['.txt'], 'no-cache');
      return;
    }
    const index = join(root, 'index.html');
    const body = (await isFile(index)) ? await readFile(index) : Buffer.from(NOT_BUILT);
    send(response, method, 200, body, CONTENT_TYPES['.html'], 'no-cache');
  };
}

function decodePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname; // malformed escapes name no file; the fallback answers
  }
}

function contentType(file: string): string {
  return CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (found) => found.isFile(),
    () => false,
  );
}

function send(
  response: ServerResponse,
  method: string,
  status: number,
  body: Buffer,
  type: string | undefined,
  cache: string,
  encoding?: 'gzip',
): void {
  response.writeHead(status, {
    'content-type': type ?? 'application/octet-stream',
    'content-length': body.length,
    'cache-control': cache,
    'x-content-type-options': 'nosniff',
    vary: 'accept-encoding',
    ...(encoding ? { 'content-encoding': encoding } : {}),
  });
  response.end(method === 'HEAD' ? undefined : body);
}
