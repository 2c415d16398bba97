import type { Alert } from '../../domain/alert.ts';

/** The JSON a webhook channel receives; `id` is stable, so a receiver can drop repeats. */
export function webhookPayload(alert: Alert): Record<string, unknown> {
  return {
    id: alert.key,
    source: 'tokenops',
    kind: alert.kind,
    severity: alert.severity,
    title: alert.title,
    text: alert.text,
    scope: alert.scope,
    link: alert.link ?? null,
    created_at: new Date(alert.createdAt).toISOString(),
    data: alert.data,
  };
}

/** A Slack incoming-webhook message: `text` for notifications, blocks for the layout. */
export function slackPayload(alert: Alert): Record<string, unknown> {
  const scope = Object.entries(alert.scope)
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
  const context = [alert.link ? `<${alert.link}|Evidence>` : '', scope, alert.severity]
    .filter(Boolean)
    .join(' · ');
  return {
    text: `${alert.title}: ${alert.text}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${alert.title}*\n${alert.text}` } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: context }] },
    ],
  };
}
