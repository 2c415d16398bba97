/** A call the gateway answers itself, without forwarding it. */
export interface GatewayRefusal {
  status: number;
  type: string;
  message: string;
  fix: string;
  /** Sent as Retry-After: seconds until a limit frees up. */
  retryAfterSeconds?: number;
  /** Structured facts beside the message, e.g. a budget's spend and reset time. */
  details?: Record<string, unknown>;
}
