/**
 * The root of the small family of typed errors. `message` says what went wrong, `fix` what to
 * do; neither ever holds a key, a prompt or a bound value. The CLI and the HTTP server each
 * turn these into output in exactly one place.
 */
export abstract class TokenopsError extends Error {
  abstract readonly code: string;
  /** The HTTP status the server answers with. */
  abstract readonly httpStatus: number;
  readonly fix: string;

  constructor(message: string, fix: string) {
    super(message);
    this.name = new.target.name;
    this.fix = fix;
  }
}
