import type { OpenAPIHono } from '@hono/zod-openapi';
import { type AppDeps, createApp, integrationFor, registerJobsAndSubscribers } from '../app.ts';
import { type Clock, systemClock } from '../platform/clock.ts';
import { type Config, loadConfig } from '../platform/config.ts';
import type { Db } from '../platform/context.ts';
import type { Database } from '../platform/db/create-database.ts';
import { createEventBus } from '../platform/events/event-bus.ts';
import type { AppEnv } from '../platform/http/app-env.ts';
import { createJobQueue } from '../platform/jobs/job-queue.ts';
import { createLogger, type Logger } from '../platform/log.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export type TestApp = {
  app: OpenAPIHono<AppEnv>;
  deps: AppDeps;
  db: Db;
  testDb: TestDatabase;
  close(): Promise<void>;
};

export type TestAppOptions = {
  clock?: Clock;
  log?: Logger;
  config?: Partial<Config>;
  /** Reuse an open test database (e.g. after reopen()); closed by the caller. */
  testDb?: TestDatabase;
  persistent?: boolean;
  /** Start the event dispatcher and job worker loops (off by default: call deps.events.drain() / deps.jobs.runDue()). */
  startWorkers?: boolean;
};

/** Deps for a given database, wired as main.ts does (without starting the loops). */
export function createDeps(
  database: Database,
  options: Omit<TestAppOptions, 'testDb' | 'persistent'> = {},
): AppDeps {
  const config: Config = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: process.env['LOG_LEVEL'] }),
    // No web app in API tests unless a test asks for one.
    webDist: '/nonexistent',
    ...options.config,
  };
  const log = options.log ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const { db } = database;
  const events = createEventBus({ db, log, clock });
  const deps: AppDeps = {
    db,
    dialect: database.dialect,
    config,
    log,
    clock,
    events,
    jobs: createJobQueue({ db, log, clock }),
    integration: integrationFor({ db, log, clock, config, events }),
  };
  registerJobsAndSubscribers(deps);
  return deps;
}

/**
 * The whole app on a fresh copy of the migrated database. Call `close()` in afterAll.
 * HTTP goes through `app.request(...)` (or `jsonRequest`).
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const owned = !options.testDb;
  const testDb = options.testDb ?? (await createTestDatabase({ persistent: options.persistent ?? false }));
  const deps = createDeps(testDb.database, options);
  const app = createApp(deps);
  if (options.startWorkers) {
    deps.events.start();
    deps.jobs.start();
    deps.integration.worker.start();
  }
  return {
    app,
    deps,
    db: deps.db,
    testDb,
    async close() {
      await deps.jobs.stop();
      await deps.integration.worker.stop();
      await deps.events.stop();
      if (owned) await testDb.dispose();
    },
  };
}

type Requester = { request: (input: string, init?: RequestInit) => Response | Promise<Response> };

/** A JSON request through the app (no network). Returns the raw Response. */
export async function jsonRequest(
  app: Requester,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return app.request(path, {
    method,
    headers: {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}
