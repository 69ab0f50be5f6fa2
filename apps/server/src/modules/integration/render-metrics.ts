import type { IntegrationStatus } from './operations.ts';

/**
 * The integration status in the Prometheus text format (version 0.0.4). Gauges come from the
 * database at scrape time (the same for every process); `_total` counters count this
 * process's attempts since it started (Prometheus handles the reset at a restart).
 */
type Sample = { labels: Record<string, string>; value: number };
type Metric = { name: string; help: string; type: 'gauge' | 'counter'; samples: Sample[] };

const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');

const ageSeconds = (at: Date, since: Date | null) =>
  since ? Math.max(0, (at.getTime() - since.getTime()) / 1000) : 0;

export function renderMetrics(status: IntegrationStatus): string {
  const { at } = status;
  const target = (t: IntegrationStatus['targets'][number]) => ({ target: t.target, kind: t.kind });
  const webhook = (w: IntegrationStatus['webhooks'][number]) => ({
    endpoint_id: w.endpointId,
    endpoint: w.name,
  });
  const metrics: Metric[] = [
    {
      name: 'openc2b_outbox_pending_events',
      help: 'Events in the outbox that some subscriber or transport does not have yet.',
      type: 'gauge',
      samples: [{ labels: {}, value: status.outbox.pending }],
    },
    {
      name: 'openc2b_outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest event some subscriber or transport does not have yet (0 when none).',
      type: 'gauge',
      samples: [{ labels: {}, value: ageSeconds(at, status.outbox.oldestPendingAt) }],
    },
    {
      name: 'openc2b_event_target_lag_seconds',
      help: 'Per subscriber or transport: age of the oldest event it does not have yet.',
      type: 'gauge',
      samples: status.targets.map((t) => ({
        labels: target(t),
        value: ageSeconds(at, t.oldestUndeliveredAt),
      })),
    },
    {
      name: 'openc2b_event_target_undelivered',
      help: 'Per subscriber or transport: events it does not have yet (waiting, retrying or dead).',
      type: 'gauge',
      samples: status.targets.map((t) => ({ labels: target(t), value: t.undelivered })),
    },
    {
      name: 'openc2b_event_target_retrying',
      help: 'Per subscriber or transport: deliveries that failed and wait for their next attempt.',
      type: 'gauge',
      samples: status.targets.map((t) => ({ labels: target(t), value: t.retrying })),
    },
    {
      name: 'openc2b_event_target_dead_letters',
      help: 'Per subscriber or transport: dead deliveries waiting for a replay.',
      type: 'gauge',
      samples: status.targets.map((t) => ({ labels: target(t), value: t.dead })),
    },
    {
      name: 'openc2b_event_target_ready',
      help: 'Per subscriber or transport: 1 when it can send (a transport is connected), else 0.',
      type: 'gauge',
      samples: status.targets.map((t) => ({ labels: target(t), value: t.ready ? 1 : 0 })),
    },
    {
      name: 'openc2b_event_delivery_failures_total',
      help: 'Failed delivery attempts per subscriber or transport, in this process.',
      type: 'counter',
      samples: status.targets.map((t) => ({ labels: target(t), value: t.attempts.failed })),
    },
    {
      name: 'openc2b_event_deliveries_total',
      help: 'Successful deliveries per subscriber or transport, in this process.',
      type: 'counter',
      samples: status.targets.map((t) => ({ labels: target(t), value: t.attempts.delivered })),
    },
    {
      name: 'openc2b_webhook_lag_seconds',
      help: 'Per webhook subscriber: age of its oldest undelivered delivery.',
      type: 'gauge',
      samples: status.webhooks.map((w) => ({
        labels: webhook(w),
        value: ageSeconds(at, w.oldestUndeliveredAt),
      })),
    },
    {
      name: 'openc2b_webhook_undelivered',
      help: 'Per webhook subscriber: deliveries not delivered yet (pending or dead).',
      type: 'gauge',
      samples: status.webhooks.map((w) => ({ labels: webhook(w), value: w.undelivered })),
    },
    {
      name: 'openc2b_webhook_retrying',
      help: 'Per webhook subscriber: pending deliveries that failed at least once.',
      type: 'gauge',
      samples: status.webhooks.map((w) => ({ labels: webhook(w), value: w.retrying })),
    },
    {
      name: 'openc2b_webhook_dead_letters',
      help: 'Per webhook subscriber: dead deliveries waiting for a replay.',
      type: 'gauge',
      samples: status.webhooks.map((w) => ({ labels: webhook(w), value: w.dead })),
    },
    {
      name: 'openc2b_webhook_active',
      help: 'Per webhook subscriber: 1 when active, else 0.',
      type: 'gauge',
      samples: status.webhooks.map((w) => ({ labels: webhook(w), value: w.active ? 1 : 0 })),
    },
    {
      name: 'openc2b_webhook_delivery_failures_total',
      help: 'Failed webhook attempts per subscriber, in this process.',
      type: 'counter',
      samples: status.webhooks.map((w) => ({ labels: webhook(w), value: w.attempts.failed })),
    },
    {
      name: 'openc2b_webhook_deliveries_total',
      help: 'Successful webhook deliveries per subscriber, in this process.',
      type: 'counter',
      samples: status.webhooks.map((w) => ({ labels: webhook(w), value: w.attempts.delivered })),
    },
  ];
  const lines: string[] = [];
  for (const m of metrics) {
    lines.push(`# HELP ${m.name} ${m.help}`, `# TYPE ${m.name} ${m.type}`);
    for (const s of m.samples) {
      const labels = Object.entries(s.labels)
        .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
        .join(',');
      lines.push(
        `${m.name}${labels ? `{${labels}}` : ''} ${Number.isInteger(s.value) ? s.value : s.value.toFixed(3)}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
