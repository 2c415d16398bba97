import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface ServerMetrics {
  readonly registry: Registry;
  /** One answered request: `route` is the route key (never a raw path with ids in it). */
  observeRequest(route: string, status: number, seconds: number): void;
  /** What one events batch did, by the door it came through. */
  countEvents(
    door: string,
    result: { accepted: number; duplicates: number; refused: number },
  ): void;
}

/**
 * Prometheus metrics for /metrics, in a registry of this server's own (no global state).
 * `spoolLost` reads the spool's count of events that reached neither disk nor store.
 */
export function createServerMetrics(spoolLost?: () => number): ServerMetrics {
  const registry = new Registry();
  if (spoolLost) {
    // Read at scrape time: the spool owns the count.
    new Gauge({
      name: 'tokenops_spool_lost_events',
      help: 'Gateway events lost since start: refused by a full or failing disk while the store was down',
      registers: [registry],
      collect() {
        this.set(spoolLost());
      },
    });
  }
  collectDefaultMetrics({ register: registry, prefix: 'tokenops_' });
  const requests = new Counter({
    name: 'tokenops_http_requests_total',
    help: 'HTTP requests answered, by route and status',
    labelNames: ['route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'tokenops_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route',
    labelNames: ['route'] as const,
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 2, 5],
    registers: [registry],
  });
  const events = new Counter({
    name: 'tokenops_events_total',
    help: 'Usage events received, by door and what became of them (accepted, duplicate, refused)',
    labelNames: ['door', 'result'] as const,
    registers: [registry],
  });
  return {
    registry,
    observeRequest(route, status, seconds) {
      requests.inc({ route, status: String(status) });
      duration.observe({ route }, seconds);
    },
    countEvents(door, result) {
      events.inc({ door, result: 'accepted' }, result.accepted);
      events.inc({ door, result: 'duplicate' }, result.duplicates);
      events.inc({ door, result: 'refused' }, result.refused);
    },
  };
}
