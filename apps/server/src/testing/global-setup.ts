import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createPGlite, createPostgres, IN_MEMORY } from '../platform/db/create-database.ts';
import { migrate } from '../platform/db/migrate.ts';
import { adminQuery, type PgTemplate, withDatabase } from './test-database.ts';

/**
 * Migrates once per test run. PGlite: one instance, saved with dumpDataDir() to a temporary
 * file that each test file loads. PostgreSQL (DATABASE_URL): a migrated template database that
 * each test file copies with CREATE DATABASE ... TEMPLATE.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string | undefined;
    pgTemplate: PgTemplate | undefined;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env['DATABASE_URL'];
  if (url) {
    const base = decodeURIComponent(new URL(url).pathname.slice(1)) || 'openc2b_test';
    // Named after the run's database so CI's clean-up (datname like '<db>%') finds leftovers.
    const prefix = base.slice(0, 40);
    const template = `${prefix}_tpl`;
    const adminUrl = withDatabase(url, 'postgres');
    await adminQuery(adminUrl, `drop database if exists "${template}" with (force)`);
    await adminQuery(adminUrl, `create database "${template}"`);
    const db = await createPostgres(withDatabase(url, template));
    try {
      await migrate(db.db);
    } finally {
      await db.close();
    }
    project.provide('pgTemplate', { adminUrl, template, prefix });
    project.provide('pgliteSnapshot', undefined);
    return async () => {
      await adminQuery(adminUrl, `drop database if exists "${template}" with (force)`);
    };
  }

  const dir = mkdtempSync(join(tmpdir(), 'openc2b-snapshot-'));
  const file = join(dir, 'migrated.tar');
  const db = await createPGlite(IN_MEMORY);
  try {
    await migrate(db.db);
    const blob = await db.pglite.dumpDataDir('none');
    writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  } finally {
    await db.close();
  }
  project.provide('pgliteSnapshot', file);
  project.provide('pgTemplate', undefined);
  return async () => {
    rmSync(dir, { recursive: true, force: true });
  };
}
