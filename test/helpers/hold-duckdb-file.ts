import { spawn } from 'node:child_process';

/** Another process with the DuckDB file open (as a running `tokenops start` would have it). */
export async function holdDuckDbFile(
  file: string,
): Promise<{ pid: number; release: () => Promise<void> }> {
  const holder = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const { DuckDBInstance } = await import('@duckdb/node-api'); await DuckDBInstance.create(${JSON.stringify(file)}); console.log('held'); setInterval(() => {}, 1000);`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
  return {
    pid: holder.pid ?? 0,
    release: async () => {
      holder.kill();
      await new Promise((resolve) => holder.once('exit', resolve));
    },
  };
}
