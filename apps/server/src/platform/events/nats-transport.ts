import { type JetStreamClient, type JetStreamManager, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, headers, type NatsConnection } from '@nats-io/transport-node';
import type { Logger } from '../log.ts';
import { backoffWithJitterMs } from '../retry.ts';
import { type EventEnvelope, moduleOf } from './define-event.ts';
import type { EventTransport } from './event-bus.ts';

/**
 * Publishes outbox events to NATS JetStream: subject `openc2b.<type>` (e.g.
 * `openc2b.ordering.order_locked`), one stream per module (`OPENC2B_ORDERING` holding
 * `openc2b.ordering.>`), `Nats-Msg-Id` = event id so a re-send after a crash is dropped by the
 * stream's duplicate window. The body is the event envelope (JSON); headers repeat the type,
 * version, aggregate id and sequence so a consumer can route without parsing.
 *
 * The transport never stops the process: it connects in the background and keeps trying
 * (backoff with jitter, capped) while the server is unreachable; until it is connected it is
 * not `ready()` and the dispatcher leaves its events in the outbox. Once connected, the client
 * reconnects by itself after a disconnect, again not ready meanwhile.
 */
export type NatsTransportOptions = {
  url: string;
  log: Logger;
  /** Subject prefix, `openc2b`; tests use their own to stay apart. */
  subjectPrefix?: string;
  /** Stream name prefix, `OPENC2B`. */
  streamPrefix?: string;
  /** How long JetStream remembers message ids for de-duplication (default 2 hours). */
  duplicateWindowMs?: number;
  /** First connection retry delay (doubles, with jitter, up to 30 s). */
  retryBaseMs?: number;
  /** Failed sends while connected before a delivery is dead (default 50: hours of retries). */
  maxAttempts?: number;
  /** How long to wait for the stream's acknowledgement of one message. */
  publishTimeoutMs?: number;
};

export type NatsState = 'connecting' | 'connected' | 'reconnecting' | 'closed';

export type NatsTransport = EventTransport & {
  ready(): boolean;
  subjectOf(type: string): string;
  streamOf(type: string): string;
  state(): NatsState;
  /** Resolves once connected (now or later); rejects if closed first. */
  whenReady(): Promise<void>;
  /** The live connection, when there is one. */
  connection(): NatsConnection | undefined;
};

export const NATS_HEADERS = {
  type: 'OpenC2B-Event-Type',
  version: 'OpenC2B-Event-Version',
  aggregateId: 'OpenC2B-Aggregate-Id',
  sequence: 'OpenC2B-Sequence',
} as const;

export function createNatsTransport(options: NatsTransportOptions): NatsTransport {
  const subjectPrefix = options.subjectPrefix ?? 'openc2b';
  const streamPrefix = options.streamPrefix ?? 'OPENC2B';
  const duplicateWindowMs = options.duplicateWindowMs ?? 2 * 60 * 60_000;
  const retry = { baseMs: options.retryBaseMs ?? 500, maxMs: 30_000 };
  const log = options.log.child({ transport: 'nats', server: options.url });
  const ensured = new Map<string, Promise<void>>();
  let state: NatsState = 'connecting';
  let nc: NatsConnection | undefined;
  let js: JetStreamClient | undefined;
  let jsm: JetStreamManager | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let failures = 0;
  const waiters: { resolve: () => void; reject: (err: Error) => void }[] = [];

  const subjectOf = (type: string) => `${subjectPrefix}.${type}`;
  const streamOf = (type: string) => `${streamPrefix}_${moduleOf(type).toUpperCase()}`;

  // A function, not a comparison, because close() may change the state during an await.
  const closed = () => state === 'closed';

  function setState(next: NatsState) {
    state = next;
    if (next === 'connected') for (const w of waiters.splice(0)) w.resolve();
    if (next === 'closed') for (const w of waiters.splice(0)) w.reject(new Error('NATS transport closed'));
  }

  async function attempt(): Promise<void> {
    retryTimer = undefined;
    if (state === 'closed') return;
    try {
      const conn = await connect({
        servers: options.url,
        name: 'openc2b-server',
        // After the first connection the client reconnects by itself, forever.
        maxReconnectAttempts: -1,
        reconnectTimeWait: 1000,
      });
      if (closed()) {
        await conn.close();
        return;
      }
      nc = conn;
      js = jetstream(conn);
      jsm = await jetstreamManager(conn);
      failures = 0;
      setState('connected');
      log.info('connected to NATS', { connectedTo: conn.getServer() });
      void watch(conn);
    } catch (err) {
      if (closed()) return;
      failures++;
      const delay = backoffWithJitterMs(retry, failures) + 100;
      // Loud at first, then only now and then: the outage is already known.
      if (failures <= 3 || failures % 20 === 0) {
        log.warn('NATS is unreachable; events wait in the outbox, retrying', {
          failures,
          retryInMs: delay,
          err,
        });
      }
      retryTimer = setTimeout(() => void attempt(), delay);
      retryTimer.unref();
    }
  }

  async function watch(conn: NatsConnection) {
    for await (const s of conn.status()) {
      if (state === 'closed') return;
      if (s.type === 'disconnect') {
        setState('reconnecting');
        log.warn('disconnected from NATS; reconnecting, events wait in the outbox');
      } else if (s.type === 'reconnect') {
        setState('connected');
        log.info('reconnected to NATS', { connectedTo: s.server });
      }
    }
  }

  // Streams are created on first use, so a new module needs no deployment step.
  function ensureStream(manager: JetStreamManager, type: string): Promise<void> {
    const name = streamOf(type);
    let pending = ensured.get(name);
    if (!pending) {
      pending = (async () => {
        try {
          await manager.streams.info(name);
        } catch {
          await manager.streams.add({
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

  void attempt();

  return {
    name: 'transport.nats',
    maxAttempts: options.maxAttempts ?? 50,
    ready: () => state === 'connected',
    state: () => state,
    connection: () => nc,
    whenReady() {
      if (state === 'connected') return Promise.resolve();
      if (state === 'closed') return Promise.reject(new Error('NATS transport closed'));
      return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
    },
    subjectOf,
    streamOf,
    async send(event: EventEnvelope) {
      if (!js || !jsm || state !== 'connected') throw new Error(`NATS not connected (${state})`);
      await ensureStream(jsm, event.type);
      const h = headers();
      h.set(NATS_HEADERS.type, event.type);
      h.set(NATS_HEADERS.version, String(event.version));
      h.set(NATS_HEADERS.aggregateId, event.aggregateId);
      h.set(NATS_HEADERS.sequence, String(event.sequence));
      await js.publish(subjectOf(event.type), JSON.stringify(event), {
        msgID: event.id,
        headers: h,
        timeout: options.publishTimeoutMs ?? 5000,
      });
    },
    async close() {
      const conn = nc;
      setState('closed');
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = undefined;
      if (conn && !conn.isClosed()) await conn.drain().catch(() => conn.close());
    },
  };
}
