/** alerts[] of tokenops.yaml, each with the name its deliveries are kept under. */
export interface AlertChannel {
  name: string;
  kind: 'webhook' | 'slack';
  url: string;
}

/** Names as configured, else `webhook-1`, `slack-2`… by position. */
export function nameAlertChannels(
  configured: readonly { name?: string; kind: 'webhook' | 'slack'; url: string }[],
): AlertChannel[] {
  return configured.map((channel, index) => ({
    name: channel.name ?? `${channel.kind}-${index + 1}`,
    kind: channel.kind,
    url: channel.url,
  }));
}
