import type { z } from 'zod';
import type { Ctx } from '../context.ts';

/**
 * A background job: a name, a zod payload schema, a handler, and how hard to retry.
 * Modules declare theirs in `jobs.ts`; app.ts registers them with the worker.
 */
export type JobInfo = { id: string; attempts: number; maxAttempts: number };

export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  name: string;
  payload: S;
  handler: (ctx: Ctx, payload: z.infer<S>, job: JobInfo) => Promise<void>;
  maxAttempts: number;
  /** First retry delay; doubles with each attempt. */
  backoffMs: number;
};

const JOB_NAME = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;

export function defineJob<S extends z.ZodType>(job: {
  name: string;
  payload: S;
  handler: JobDefinition<S>['handler'];
  maxAttempts?: number;
  backoffMs?: number;
}): JobDefinition<S> {
  if (!JOB_NAME.test(job.name)) throw new Error(`job name must be <module>.<snake_case>: ${job.name}`);
  const maxAttempts = job.maxAttempts ?? 5;
  const backoffMs = job.backoffMs ?? 5000;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1)
    throw new Error(`${job.name}: maxAttempts must be >= 1`);
  if (!Number.isInteger(backoffMs) || backoffMs < 0) throw new Error(`${job.name}: backoffMs must be >= 0`);
  return { name: job.name, payload: job.payload, handler: job.handler, maxAttempts, backoffMs };
}

/** Delay before the next attempt after `attempts` failed ones: backoff * 2^(attempts-1), capped at an hour. */
export function retryDelayMs(backoffMs: number, attempts: number): number {
  return Math.min(60 * 60_000, backoffMs * 2 ** Math.max(0, attempts - 1));
}
