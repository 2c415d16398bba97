/**
 * Ids derived from the seed and a counter (`demo-<seed>-<base 36>`), never from crypto, so
 * the same options give byte-identical events and two seeds never collide in one store.
 */
export class DemoIds {
  private readonly prefix: string;
  private events = 0;
  private requests = 0;
  private traces = 0;
  private spans = 0;

  constructor(seed: number) {
    this.prefix = `demo-${seed}-`;
  }

  nextEventId(): string {
    return this.prefix + (this.events++).toString(36);
  }

  nextRequestId(): string {
    return `${this.prefix}request-${(this.requests++).toString(36)}`;
  }

  nextTraceId(): string {
    return `${this.prefix}trace-${(this.traces++).toString(36)}`;
  }

  nextSpanId(): string {
    return `${this.prefix}span-${(this.spans++).toString(36)}`;
  }
}
