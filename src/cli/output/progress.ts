import { SingleBar } from 'cli-progress';

export interface Progress {
  increment(count: number): void;
  stop(): void;
}

/**
 * A progress bar on stderr for long work. Where stderr is not a terminal (CI, pipes) it
 * prints a plain line at every tenth instead, so logs show progress without control codes.
 */
export function startProgress(label: string, total: number, unit: string): Progress {
  if (process.stderr.isTTY) {
    const bar = new SingleBar({
      format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {rate}/s | eta {eta_formatted}`,
      stream: process.stderr,
      hideCursor: true,
    });
    const started = Date.now();
    let done = 0;
    bar.start(total, 0, { rate: 0 });
    return {
      increment(count) {
        done += count;
        const seconds = Math.max(0.001, (Date.now() - started) / 1000);
        bar.update(done, { rate: Math.round(done / seconds).toLocaleString('en-US') });
      },
      stop: () => bar.stop(),
    };
  }
  let done = 0;
  let printedTenth = 0;
  return {
    increment(count) {
      done += count;
      const tenth = total > 0 ? Math.min(10, Math.floor((done * 10) / total)) : 10;
      if (tenth > printedTenth) {
        printedTenth = tenth;
        process.stderr.write(
          `${label}: ${tenth * 10}% (${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} ${unit})\n`,
        );
      }
    },
    stop: () => undefined,
  };
}
