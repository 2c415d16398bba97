import type { Alert } from '../../domain/alert.ts';
import type { AlertChannel } from './alert-channel.ts';
import { slackPayload, webhookPayload } from './alert-payload.ts';

export type PostResult = { delivered: true } | { delivered: false; error: string };

/** Posts one alert to one channel; any 2xx is delivered, anything else an error to retry. */
export async function postAlert(
  channel: AlertChannel,
  alert: Alert,
  timeoutMs = 10_000,
): Promise<PostResult> {
  const body = channel.kind === 'slack' ? slackPayload(alert) : webhookPayload(alert);
  try {
    const response = await fetch(channel.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tokenops-alert-id': alert.key },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    return response.ok
      ? { delivered: true }
      : { delivered: false, error: `HTTP ${response.status}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return {
      delivered: false,
      error: cause ?? (error instanceof Error ? error.message : String(error)),
    };
  }
}
