/**
 * A dispatcher process for the kill-and-restart test (modules/integration/kill-restart.int.test.ts):
 * opens the test's database, runs the outbox dispatcher (with NATS when CHILD_NATS_URL is set)
 * and the webhook worker as main.ts does, and exits 0 once every event is through everywhere.
 * The test SIGKILLs it in the middle of a batch and starts it again.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import { createIntegration } from '../modules/integration/index.ts';
import { systemClock } from '../platform/clock.ts';
import { createPGlite, createPostgres } from '../platform/db/create-database.ts';
import { defineEvent } from '../platform/events/define-event.ts';
import { createEventBus } from '../platform/events/event-bus.ts';
import { createNatsTransport } from '../platform/events/nats-transport.ts';
import { createLogger } from '../platform/log.ts';

/** The event the test publishes (the child defines the same one). */
export const stepRecorded = defineEvent(
  'killtest.vehicle_step_recorded',
  z.strictObject({ vehicleId: z.string(), step: z.number().int() }),
);

async function main() {
  const env = process.env;
  const database = env['CHILD_DATABASE_URL']
    ? await createPostgres(env['CHILD_DATABASE_URL'])
    : await createPGlite(env['CHILD_PGLITE_DIR'] ?? '');
  const log = createLogger((env['CHILD_LOG_LEVEL'] as 'silent' | undefined) ?? 'silent');
  const clock = systemClock;
  const bus = createEventBus({ db: database.db, log, clock, pollMs: 50, retryBaseMs: 50, retryMaxMs: 200 });
  if (env['CHILD_NATS_URL']) {
    bus.addTransport(
      createNatsTransport({
        url: env['CHILD_NATS_URL'],
        log,
        subjectPrefix: env['CHILD_NATS_SUBJECT_PREFIX'] ?? 'openc2b_kill',
        streamPrefix: env['CHILD_NATS_STREAM_PREFIX'] ?? 'OPENC2B_KILL',
      }),
    );
  }
  const integration = createIntegration({
    db: database.db,
    log,
    clock,
    bus,
    events: [stepRecorded],
    allowPrivateNetworks: true,
    worker: {
      timeoutMs: 1000,
      // A killed worker's leases run out quickly, so the restarted one takes its deliveries over.
      leaseMs: 1500,
      backoff: { baseMs: 50, maxMs: 200 },
      minDelayMs: 20,
      pollMs: 50,
    },
  });
  integration.subscribe();
  bus.start();
  integration.worker.start();
  process.stdout.write('started\n');
  for (;;) {
    const left = await sql<{ n: string }>`
      select (select count(*) from platform.outbox where processed_at is null)
           + (select count(*) from integration.webhook_deliveries where status <> 'delivered') as n`.execute(
      database.db,
    );
    if (Number(left.rows[0]?.n ?? 1) === 0) break;
    // Polling the database for "all done" is this process's own exit condition, not a test's
    // synchronisation: the test waits for its exit.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await integration.worker.stop();
  await bus.stop();
  await database.close();
  process.stdout.write('done\n');
  process.exit(0);
}

if (import.meta.main) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
