import { TokenopsError } from '../../domain/errors/index.ts';

/** Redis could not be reached or did not answer in time. */
export class LedgerUnavailableError extends TokenopsError {
  readonly code = 'budget_store_unavailable';
  readonly httpStatus = 503;

  constructor(url: string, cause: unknown) {
    super(
      `the shared budget store at ${new URL(url).host} is unavailable (${cause instanceof Error ? cause.message : String(cause)})`,
      'check that Redis is running and redis.url in tokenops.yaml points at it',
    );
  }
}
