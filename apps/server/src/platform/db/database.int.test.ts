import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { migrate } from './migrate.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.dispose();
});

describe('database', () => {
  it('starts migrated, and migrating again applies nothing', async () => {
    const rows = await t.database.db.selectFrom('platform.schema_migrations').select('name').execute();
    expect(rows.map((r) => r.name)).toContain('0001_platform.sql');
    const again = await migrate(t.database.db);
    expect(again.applied).toEqual([]);
  });

  it('returns the same JavaScript types on both drivers', async () => {
    const row = (
      await sql<{
        big: string;
        num: string;
        day: string;
        at: Date;
        doc: unknown;
        arr: string[];
      }>`select 9007199254740993::int8 as big, 1.10::numeric as num, '2026-03-01'::date as day,
        '2026-03-01T12:00:00Z'::timestamptz as at, '{"a":[1,2]}'::jsonb as doc,
        array['x','y']::text[] as arr`.execute(t.database.db)
    ).rows[0];
    expect(row).toEqual({
      big: '9007199254740993',
      num: '1.10',
      day: '2026-03-01',
      at: new Date('2026-03-01T12:00:00Z'),
      doc: { a: [1, 2] },
      arr: ['x', 'y'],
    });
  });

  it('stores JSON passed as a string parameter once-encoded and reads numAffectedRows', async () => {
    const db = t.database.db;
    await db
      .insertInto('platform.audit_log')
      .values({
        id: 'aud_test1',
        at: new Date(),
        actor_kind: 'system',
        action: 'test.done',
        target_type: 'thing',
        target_id: 'x',
        request_id: 'req_1',
        data: JSON.stringify({ list: [1, 'two'] }),
      })
      .execute();
    const row = await db
      .selectFrom('platform.audit_log')
      .select(['data', sql<string>`jsonb_typeof(data)`.as('kind')])
      .where('id', '=', 'aud_test1')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ data: { list: [1, 'two'] }, kind: 'object' });
    const updated = await db
      .updateTable('platform.audit_log')
      .set({ action: 'test.redone' })
      .where('id', '=', 'aud_test1')
      .executeTakeFirst();
    expect(updated.numUpdatedRows).toBe(1n);
    const arr = await sql<{
      n: string;
    }>`select count(*) as n from platform.audit_log where id = any(${['aud_test1', 'b']}::text[])`.execute(
      db,
    );
    expect(arr.rows[0]?.n).toBe('1');
  });

  it('rolls a failed transaction back and serialises concurrent transactions', async () => {
    const db = t.database.db;
    await expect(
      db.transaction().execute(async (tx) => {
        await tx
          .insertInto('platform.audit_log')
          .values({
            id: 'aud_rollback',
            at: new Date(),
            actor_kind: 'system',
            action: 'a.b',
            target_type: 't',
            target_id: 'x',
            request_id: 'r',
          })
          .execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(
      await db.selectFrom('platform.audit_log').where('id', '=', 'aud_rollback').select('id').execute(),
    ).toEqual([]);

    // Two transactions that read-then-write the same counter: with the connection held per
    // transaction (PGlite) or row locks (PostgreSQL) no update is lost.
    await sql`create table if not exists public.counter (id int primary key, n int not null)`.execute(db);
    await sql`insert into public.counter values (1, 0) on conflict do nothing`.execute(db);
    const bump = () =>
      db.transaction().execute(async (tx) => {
        const { rows } = await sql<{
          n: number;
        }>`select n from public.counter where id = 1 for update`.execute(tx);
        await sql`update public.counter set n = ${(rows[0]?.n ?? 0) + 1} where id = 1`.execute(tx);
      });
    await Promise.all(Array.from({ length: 10 }, bump));
    const { rows } = await sql<{ n: number }>`select n from public.counter where id = 1`.execute(db);
    expect(rows[0]?.n).toBe(10);
  });
});
