/**
 * Process entry: config -> database -> migrations -> demo data -> HTTP -> outbox dispatcher and
 * job worker, all in one process. Stops cleanly on SIGINT/SIGTERM (PGlite must be closed or
 * the process does not exit).
 */
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { type AppDeps, createApp, integrationFor, registerJobsAndSubscribers } from './app.ts';
import { scheduleProductionJobs } from './modules/production/index.ts';
import { systemClock } from './platform/clock.ts';
import { type Config, ConfigError, loadConfig, redactUrl } from './platform/config.ts';
import { systemCtx } from './platform/context.ts';
import { createDatabase } from './platform/db/create-database.ts';
import { migrate } from './platform/db/migrate.ts';
import { createEventBus } from './platform/events/event-bus.ts';
import { createNatsTransport } from './platform/events/nats-transport.ts';
import { createJobQueue } from './platform/jobs/job-queue.ts';
import { createLogger } from './platform/log.ts';
import { seedDemoData } from './seed/index.ts';

const SHUTDOWN_GRACE_MS = 10_000;

type Running = { server?: Server; deps?: AppDeps; close?: () => Promise<void> };
const running: Running = {};
let stopping = false;

async function main(): Promise<void> {
  // Registered first, so a signal during start-up still closes the database properly.
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const log = createLogger(config.logLevel);
  const where = config.databaseUrl ? redactUrl(config.databaseUrl) : `embedded PGlite in ${config.dataDir}`;
  log.info('starting', { nodeEnv: config.nodeEnv, database: where, nats: config.natsUrl ?? 'off' });

  const database = await createDatabase(config, { log });
  running.close = database.close;
  if (stopping) return;
  const { applied } = await migrate(database.db);
  if (applied.length > 0) log.info('migrations applied', { applied });

  const clock = systemClock;
  const events = createEventBus({ db: database.db, log, clock });
  const deps: AppDeps = {
    db: database.db,
    dialect: database.dialect,
    config,
    log,
    clock,
    events,
    jobs: createJobQueue({ db: database.db, log, clock }),
    integration: integrationFor({ db: database.db, log, clock, config, events }),
  };
  running.deps = deps;
  // Connects in the background: an unreachable NATS server delays events, never the start-up.
  if (config.natsUrl) deps.events.addTransport(createNatsTransport({ url: config.natsUrl, log }));
  registerJobsAndSubscribers(deps);
  // production: the hourly freeze of days entering the frozen horizon (one chain per hour)
  await scheduleProductionJobs(systemCtx(deps, 'production'));

  // Demo data is for trying the platform out; a production deployment starts empty.
  const seedLines = config.nodeEnv === 'production' ? [] : await seedDemoData(deps);
  if (stopping) return;

  const app = createApp(deps);
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port }, () => resolve(s as Server));
  });
  running.server = server;
  deps.events.start();
  deps.jobs.start();
  deps.integration.worker.start();

  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const lines = [
    `OpenC2B is running at http://localhost:${port}`,
    `API reference: http://localhost:${port}/docs`,
    ...seedLines,
  ];
  process.stdout.write(`\n${lines.map((l) => `  ${l}`).join('\n')}\n\n`);
}

async function shutdown(signal: string): Promise<void> {
  const log = running.deps?.log ?? createLogger('info');
  if (stopping) {
    log.warn('second signal; exiting now', { signal });
    process.exit(1);
  }
  stopping = true;
  log.info('shutting down', { signal });
  const force = setTimeout(() => {
    log.error('shutdown took too long; exiting');
    process.exit(1);
  }, SHUTDOWN_GRACE_MS);
  force.unref();
  try {
    const { server, deps } = running;
    if (server) {
      // Stop accepting; idle keep-alive connections would otherwise hold close() open.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
    }
    // Let the job in progress finish, then the dispatcher, then close the database.
    await deps?.jobs.stop();
    await deps?.integration.worker.stop();
    await deps?.events.stop();
    await running.close?.();
    log.info('stopped');
    process.exit(0);
  } catch (err) {
    log.error('shutdown failed', { err });
    process.exit(1);
  }
}

main().catch((err) => {
  console.error('OpenC2B failed to start:', err);
  process.exit(1);
});
