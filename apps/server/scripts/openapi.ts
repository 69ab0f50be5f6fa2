/**
 * Writes apps/server/openapi.json from the route schemas, or with --check fails when the
 * committed file differs from what the code generates (CI runs the check).
 * No database is needed: routes only register at start-up; the handlers never run here.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { API_VERSION, createApp, integrationFor } from '../src/app.ts';
import { systemClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createEventBus } from '../src/platform/events/event-bus.ts';
import { buildOpenApiDocument } from '../src/platform/http/openapi.ts';
import { createJobQueue } from '../src/platform/jobs/job-queue.ts';
import { createLogger } from '../src/platform/log.ts';

const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, '../openapi.json');

export function generateOpenApi(): string {
  // biome-ignore lint/suspicious/noExplicitAny: the root db type
  const db = new Kysely<any>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
      createDriver: () => ({
        init: async () => {},
        acquireConnection: async () => {
          throw new Error('no database while generating the OpenAPI document');
        },
        beginTransaction: async () => {},
        commitTransaction: async () => {},
        rollbackTransaction: async () => {},
        releaseConnection: async () => {},
        destroy: async () => {},
      }),
    },
  });
  const log = createLogger('silent');
  const config = { ...loadConfig({ NODE_ENV: 'test' }), webDist: '/nonexistent' };
  const events = createEventBus({ db, log, clock: systemClock });
  const app = createApp({
    db,
    dialect: 'postgres',
    config,
    log,
    clock: systemClock,
    events,
    jobs: createJobQueue({ db, log, clock: systemClock }),
    integration: integrationFor({ db, log, clock: systemClock, config, events }),
  });
  return `${JSON.stringify(buildOpenApiDocument(app, API_VERSION), null, 2)}\n`;
}

if (import.meta.main) {
  const generated = generateOpenApi();
  const name = relative(process.cwd(), target);
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(target, 'utf8');
    } catch {
      // missing counts as different
    }
    if (committed !== generated) {
      console.error(`${name} is out of date with the route schemas: run \`npm run openapi\` and commit it.`);
      process.exit(1);
    }
    console.log(`${name} is up to date.`);
  } else {
    writeFileSync(target, generated);
    console.log(`wrote ${name}`);
  }
}
