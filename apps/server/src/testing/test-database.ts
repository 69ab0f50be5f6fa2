import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { createPGlite, createPostgres, type Database, IN_MEMORY } from '../platform/db/create-database.ts';
import { migrate } from '../platform/db/migrate.ts';

/**
 * A database for one test file: a copy of the migrated PGlite snapshot made by the global
 * setup (about 1 s instead of 7 s for a fresh instance), or with DATABASE_URL a fresh
 * PostgreSQL database created from the migrated template.
 */
export type TestDatabase = {
  database: Database;
  /** Where the data is, for a child process to open it: a PGlite directory (persistent) or a URL. */
  location: { pgliteDir: string } | { postgresUrl: string } | { memory: true };
  /** Closes the database (e.g. while a child process has the PGlite directory); reopen() opens it again. */
  close(): Promise<void>;
  /** Closes the database and opens it again on the same data (to simulate a crash and restart). */
  reopen(): Promise<Database>;
  /** Closes it and removes its data. */
  dispose(): Promise<void>;
};

export type TestDatabaseOptions = {
  /** PGlite: keep the data in a temporary directory instead of memory, so reopen() sees it. */
  persistent?: boolean;
};

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const pgTemplate = inject('pgTemplate');
  return pgTemplate ? createFromTemplate(pgTemplate) : createFromSnapshot(options);
}

async function loadSnapshot(): Promise<Blob | undefined> {
  const file = inject('pgliteSnapshot');
  return file ? new Blob([readFileSync(file)]) : undefined;
}

async function createFromSnapshot(options: TestDatabaseOptions): Promise<TestDatabase> {
  const snapshot = await loadSnapshot();
  const dir = options.persistent ? mkdtempSync(join(tmpdir(), 'openc2b-pglite-')) : undefined;
  const open = async (first: boolean) => {
    const db = await createPGlite(dir ?? IN_MEMORY, first && snapshot ? { loadDataDir: snapshot } : {});
    // Without the global setup (a single file run some other way) migrate here instead.
    if (first && !snapshot) await migrate(db.db);
    return db;
  };
  let database = await open(true);
  let closed = false;
  const result: TestDatabase = {
    database,
    location: dir ? { pgliteDir: dir } : { memory: true },
    async close() {
      if (!dir) throw new Error('close() needs createTestDatabase({ persistent: true }) on PGlite');
      if (!closed) await database.close();
      closed = true;
    },
    async reopen() {
      if (!dir) throw new Error('reopen() needs createTestDatabase({ persistent: true }) on PGlite');
      if (!closed) await database.close();
      database = await open(false);
      closed = false;
      result.database = database;
      return database;
    },
    async dispose() {
      if (!closed) await database.close();
      closed = true;
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
  return result;
}

export type PgTemplate = { adminUrl: string; template: string; prefix: string };

async function createFromTemplate(tpl: PgTemplate): Promise<TestDatabase> {
  const name = `${tpl.prefix}_f${randomBytes(4).toString('hex')}`;
  await adminQuery(tpl.adminUrl, `create database "${name}" template "${tpl.template}"`);
  const url = withDatabase(tpl.adminUrl, name);
  let database = await createPostgres(url);
  let closed = false;
  const result: TestDatabase = {
    database,
    location: { postgresUrl: url },
    async close() {
      if (!closed) await database.close();
      closed = true;
    },
    async reopen() {
      if (!closed) await database.close();
      database = await createPostgres(url);
      closed = false;
      result.database = database;
      return database;
    },
    async dispose() {
      if (!closed) await database.close();
      closed = true;
      await adminQuery(tpl.adminUrl, `drop database if exists "${name}" with (force)`);
    },
  };
  return result;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
