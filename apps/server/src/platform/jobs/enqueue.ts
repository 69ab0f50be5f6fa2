import { sql } from 'kysely';
import type { z } from 'zod';
import type { Ctx } from '../context.ts';
import { AppError } from '../errors.ts';
import { newId } from '../ids.ts';
import type { JobDefinition } from './define-job.ts';

export type EnqueueOptions = {
  runAt?: Date;
  /** De-duplication: while a job with this (name, key) is queued or running, enqueue returns its id. */
  key?: string;
};

/** Inserts a job in the caller's transaction (or on its own outside one). Returns the job id. */
export async function enqueue<S extends z.ZodType>(
  ctx: Ctx,
  job: JobDefinition<S>,
  payload: z.input<S>,
  options: EnqueueOptions = {},
): Promise<string> {
  const parsed = job.payload.safeParse(payload);
  if (!parsed.success) {
    throw new AppError('internal', 'platform.invalid_job_payload', `${job.name}: ${parsed.error.message}`);
  }
  const id = newId('job');
  const inserted = await ctx.db
    .insertInto('platform.jobs')
    .values({
      id,
      name: job.name,
      payload: JSON.stringify(parsed.data),
      key: options.key ?? null,
      max_attempts: job.maxAttempts,
      backoff_ms: job.backoffMs,
      run_at: options.runAt ?? ctx.now,
      created_at: ctx.now,
    })
    .onConflict((oc) =>
      oc
        .columns(['name', 'key'])
        .where(sql<boolean>`key is not null and status in ('queued', 'running')`)
        .doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  if (inserted) return id;
  const existing = await ctx.db
    .selectFrom('platform.jobs')
    .select('id')
    .where('name', '=', job.name)
    .where('key', '=', options.key ?? null)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirstOrThrow();
  return existing.id as string;
}
