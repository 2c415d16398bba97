/**
 * A request the stand-in refuses before answering (bad JSON body, unknown scenario, malformed
 * control header); the request handler turns it into the provider's 400 error shape.
 */
export class StandInRequestError extends Error {
  override readonly name = 'StandInRequestError';
}
