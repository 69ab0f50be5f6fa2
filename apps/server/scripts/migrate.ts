/** `npm run migrate`: applies pending migrations to the configured database (DATABASE_URL or PGlite in DATA_DIR). */
import { ConfigError, loadConfig, redactUrl } from '../src/platform/config.ts';
import { createDatabase } from '../src/platform/db/create-database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { createLogger } from '../src/platform/log.ts';

try {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const database = await createDatabase(config, { log });
  try {
    const result = await migrate(database.db);
    log.info('migrations applied', {
      database: config.databaseUrl ? redactUrl(config.databaseUrl) : `pglite:${config.dataDir}`,
      applied: result.applied,
      alreadyApplied: result.alreadyApplied,
    });
  } finally {
    await database.close();
  }
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}
