// biome-ignore-all lint/suspicious/noExplicitAny: the root db is shared by every module's own table types
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { PGliteDialect } from './pglite-dialect.ts';

export const DIALECTS = ['pglite', 'postgres'] as const;
export type DialectName = (typeof DIALECTS)[number];

export type Database = {
  db: Kysely<any>;
  dialect: DialectName;
  close(): Promise<void>;
};

export type CreateDatabaseOptions = {
  log?: Logger;
  /** PGlite only: start from a `dumpDataDir()` snapshot (tests). */
  loadDataDir?: Blob;
};

/** `dataDir` value that keeps PGlite in memory (tests). */
export const IN_MEMORY = 'memory://';

// Both drivers return the same JavaScript types: int8 and numeric as strings (no silent
// precision loss), date as 'YYYY-MM-DD' (no time-zone shift), json as values, timestamptz as Date.
const OID_INT8 = 20;
const OID_DATE = 1082;
const OID_NUMERIC = 1700;
const asText = (value: string) => value;

export async function createDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  options: CreateDatabaseOptions = {},
): Promise<Database> {
  return config.databaseUrl
    ? createPostgres(config.databaseUrl, options)
    : createPGlite(config.dataDir, options);
}

export type PGliteDatabase = Database & { pglite: PGlite };

export async function createPGlite(
  dataDir: string,
  options: CreateDatabaseOptions = {},
): Promise<PGliteDatabase> {
  let dir: string | undefined;
  if (dataDir !== IN_MEMORY) {
    dir = join(dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
  }
  const pglite = await PGlite.create(dir, {
    parsers: { [OID_INT8]: asText, [OID_DATE]: asText, [OID_NUMERIC]: asText },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const log = options.log;
  const db = new Kysely<any>({
    dialect: new PGliteDialect({
      pglite,
      ...(log
        ? {
            onLongWait: (waitedMs: number) =>
              log.warn('waiting for the PGlite connection; a query on the root db inside a transaction?', {
                waitedMs,
              }),
          }
        : {}),
    }),
  });
  let closed = false;
  return {
    db,
    pglite,
    dialect: 'pglite',
    close: async () => {
      if (closed) return;
      closed = true;
      await db.destroy();
      await pglite.close();
    },
  };
}

export async function createPostgres(url: string, options: CreateDatabaseOptions = {}): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === OID_DATE || oid === OID_NUMERIC
          ? asText
          : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', (err) => options.log?.error('postgres pool error', { err }));
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    db,
    dialect: 'postgres',
    close: async () => {
      if (closed) return;
      closed = true;
      // destroy() ends the pool
      await db.destroy();
    },
  };
}
