import { type JetStreamClient, type JetStreamManager, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { Logger } from '../log.ts';
import { type EventEnvelope, moduleOf } from './define-event.ts';
import type { EventTransport } from './event-bus.ts';

/**
 * Publishes outbox events to NATS JetStream: subject `openc2b.<type>` (e.g.
 * `openc2b.ordering.order_locked`), one stream per module (`OPENC2B_ORDERING` holding
 * `openc2b.ordering.>`), `Nats-Msg-Id` = event id so a re-send after a crash is dropped by the
 * stream's duplicate window.
 */
export type NatsTransportOptions = {
  url: string;
  log: Logger;
  /** Subject prefix, `openc2b`; tests use their own to stay apart. */
  subjectPrefix?: string;
  /** Stream name prefix, `OPENC2B`. */
  streamPrefix?: string;
  /** How long JetStream remembers message ids for de-duplication. */
  duplicateWindowMs?: number;
};

export type NatsTransport = EventTransport & {
  subjectOf(type: string): string;
  streamOf(type: string): string;
  connection: NatsConnection;
};

export async function createNatsTransport(options: NatsTransportOptions): Promise<NatsTransport> {
  const subjectPrefix = options.subjectPrefix ?? 'openc2b';
  const streamPrefix = options.streamPrefix ?? 'OPENC2B';
  const duplicateWindowMs = options.duplicateWindowMs ?? 10 * 60_000;
  const log = options.log.child({ transport: 'nats' });
  const nc = await connect({ servers: options.url, name: 'openc2b-server', maxReconnectAttempts: -1 });
  const js: JetStreamClient = jetstream(nc);
  const jsm: JetStreamManager = await jetstreamManager(nc);
  const ensured = new Map<string, Promise<void>>();

  const subjectOf = (type: string) => `${subjectPrefix}.${type}`;
  const streamOf = (type: string) => `${streamPrefix}_${moduleOf(type).toUpperCase()}`;

  // Streams are created on first use, so a new module needs no deployment step.
  function ensureStream(type: string): Promise<void> {
    const name = streamOf(type);
    let pending = ensured.get(name);
    if (!pending) {
      pending = (async () => {
        try {
          await jsm.streams.info(name);
        } catch {
          await jsm.streams.add({
            name,
            subjects: [`${subjectPrefix}.${moduleOf(type)}.>`],
            duplicate_window: duplicateWindowMs * 1_000_000, // nanoseconds
          });
          log.info('created JetStream stream', { stream: name });
        }
      })();
      pending.catch(() => ensured.delete(name));
      ensured.set(name, pending);
    }
    return pending;
  }

  log.info('connected to NATS', { server: nc.getServer() });
  return {
    name: 'transport.nats',
    connection: nc,
    subjectOf,
    streamOf,
    async send(event: EventEnvelope) {
      await ensureStream(event.type);
      await js.publish(subjectOf(event.type), JSON.stringify(event), { msgID: event.id });
    },
    async close() {
      await nc.drain();
    },
  };
}
