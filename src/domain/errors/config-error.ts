import { TokenopsError } from './tokenops-error.ts';

/** A tokenops.yaml that cannot be used; the message names the file, line and key. */
export class ConfigError extends TokenopsError {
  readonly code = 'invalid_config';
  readonly httpStatus = 500;
}
