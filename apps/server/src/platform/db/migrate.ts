// biome-ignore-all lint/suspicious/noExplicitAny: runs on the root db
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Kysely, sql } from 'kysely';

/**
 * Plain SQL migrations: `NNNN_<name>.sql` files applied in name order, each in its own
 * transaction, recorded in platform.schema_migrations with a checksum. An applied file that
 * changed is an error (write a new migration instead).
 */
export const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../migrations');

const FILE_PATTERN = /^\d{4}_[a-z0-9_]+\.sql$/;
// Serialises concurrent migrators on PostgreSQL (two processes starting at once).
const LOCK_KEY = 7_202_611;

export type MigrationResult = { applied: string[]; alreadyApplied: number };

export async function migrate(db: Kysely<any>, dir: string = MIGRATIONS_DIR): Promise<MigrationResult> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const bad = files.filter((f) => !FILE_PATTERN.test(f));
  if (bad.length > 0) throw new Error(`migration files must be named NNNN_name.sql: ${bad.join(', ')}`);

  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${LOCK_KEY})`.execute(tx);
    await sql`create schema if not exists platform`.execute(tx);
    await sql`create table if not exists platform.schema_migrations (
      name text primary key,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`.execute(tx);
    const rows = await tx.selectFrom('platform.schema_migrations').select(['name', 'checksum']).execute();
    const done = new Map(rows.map((r) => [r.name as string, r.checksum as string]));
    const applied: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(dir, file), 'utf8');
      const checksum = createHash('sha256').update(text).digest('hex');
      const previous = done.get(file);
      if (previous !== undefined) {
        if (previous !== checksum) {
          throw new Error(`migration ${file} was changed after it was applied; add a new migration instead`);
        }
        continue;
      }
      // All files run in one transaction: a failure leaves nothing of the run behind.
      try {
        await sql.raw(text).execute(tx);
      } catch (err) {
        throw new Error(`migration ${file} failed: ${(err as Error).message}`, { cause: err });
      }
      await tx.insertInto('platform.schema_migrations').values({ name: file, checksum }).execute();
      applied.push(file);
    }
    return { applied, alreadyApplied: done.size };
  });
}
