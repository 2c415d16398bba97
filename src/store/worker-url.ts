/**
 * The URL to start worker `name` (a module beside the caller, `callerUrl` being its
 * import.meta.url) from. In the bundle (dist/), the worker is the compiled file beside it.
 * From the sources it is TypeScript like the rest: a tiny ES module registers tsx's loader in
 * the new thread (the main thread's registration does not carry over), then loads it.
 */
export function workerUrl(callerUrl: string, name: string): URL {
  if (!callerUrl.endsWith('.ts')) return new URL(`./${name}.js`, callerUrl);
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL(`./${name}.ts`, callerUrl).href;
  const source = `import { register } from ${JSON.stringify(tsx)};\nregister();\nawait import(${JSON.stringify(entry)});\n`;
  return new URL(`data:text/javascript,${encodeURIComponent(source)}`);
}

/**
 * The URL of module `name` beside the caller, for a thread already running (a ThreadHost's) to
 * import: the compiled file in the bundle, the TypeScript one from the sources (a thread
 * `workerUrl` started has tsx's loader registered).
 */
export function guestUrl(callerUrl: string, name: string): URL {
  return new URL(`./${name}.${callerUrl.endsWith('.ts') ? 'ts' : 'js'}`, callerUrl);
}
