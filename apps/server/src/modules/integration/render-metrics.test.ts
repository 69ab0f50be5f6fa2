import { describe, expect, it } from 'vitest';
import type { IntegrationStatus } from './operations.ts';
import { renderMetrics } from './render-metrics.ts';

const at = new Date('2026-09-01T12:00:00Z');
const status: IntegrationStatus = {
  at,
  outbox: { pending: 3, oldestPendingAt: new Date('2026-09-01T11:59:30.500Z') },
  targets: [
    {
      target: 'transport.nats',
      kind: 'transport',
      types: 'all',
      ready: false,
      undelivered: 3,
      retrying: 1,
      dead: 0,
      oldestUndeliveredAt: new Date('2026-09-01T11:59:30.500Z'),
      attempts: { delivered: 10, failed: 4, dead: 0 },
    },
  ],
  webhooks: [
    {
      endpointId: 'whk_1',
      name: 'ERP "主" \\ line\nbreak',
      active: true,
      undelivered: 0,
      retrying: 0,
      dead: 2,
      oldestUndeliveredAt: null,
      lastDeliveredAt: null,
      attempts: { delivered: 1, failed: 30, dead: 2 },
    },
  ],
};

describe('Prometheus rendering', () => {
  it('writes HELP and TYPE once per metric, gauges and counters with escaped labels', () => {
    const text = renderMetrics(status);
    const lines = text.trimEnd().split('\n');
    expect(lines).toContain('# TYPE openc2b_outbox_pending_events gauge');
    expect(lines).toContain('openc2b_outbox_pending_events 3');
    expect(lines).toContain('openc2b_outbox_oldest_pending_age_seconds 29.500');
    expect(lines).toContain('openc2b_event_target_ready{target="transport.nats",kind="transport"} 0');
    expect(lines).toContain('# TYPE openc2b_event_delivery_failures_total counter');
    expect(lines).toContain(
      'openc2b_event_delivery_failures_total{target="transport.nats",kind="transport"} 4',
    );
    expect(lines).toContain(
      'openc2b_webhook_dead_letters{endpoint_id="whk_1",endpoint="ERP \\"主\\" \\\\ line\\nbreak"} 2',
    );
    expect(lines).toContain(
      'openc2b_webhook_lag_seconds{endpoint_id="whk_1",endpoint="ERP \\"主\\" \\\\ line\\nbreak"} 0',
    );
    const types = lines.filter((l) => l.startsWith('# TYPE'));
    expect(new Set(types).size).toBe(types.length);
    // Every sample line is `name{labels} value` or `name value`.
    for (const l of lines.filter((x) => !x.startsWith('#')))
      expect(l).toMatch(/^[a-z0-9_]+(\{.*\})? \d+(\.\d+)?$/);
    expect(text.endsWith('\n')).toBe(true);
  });
});
