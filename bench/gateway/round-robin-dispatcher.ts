import { Dispatcher } from 'undici';

/**
 * A load balancer in front of gateway replicas, seen by the load generator as one pool: each
 * call goes to the next replica's pool in turn. `sent` counts the calls each replica was given.
 * Closing stays with the replicas' own pools.
 */
export class RoundRobinDispatcher extends Dispatcher {
  readonly sent: number[];
  readonly #replicas: readonly Dispatcher[];
  #next = 0;

  constructor(replicas: readonly Dispatcher[]) {
    super();
    this.#replicas = replicas;
    this.sent = replicas.map(() => 0);
  }

  override dispatch(
    options: Dispatcher.DispatchOptions,
    handler: Dispatcher.DispatchHandler,
  ): boolean {
    const index = this.#next;
    this.#next = (index + 1) % this.#replicas.length;
    this.sent[index] = (this.sent[index] ?? 0) + 1;
    return (this.#replicas[index] as Dispatcher).dispatch(options, handler);
  }
}
