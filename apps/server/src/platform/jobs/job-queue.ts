import { hostname } from 'node:os';
import { sql } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Db } from '../context.ts';
import { newId } from '../ids.ts';
import type { Logger } from '../log.ts';
import { createWakeLoop } from '../wake-loop.ts';
import { type JobDefinition, retryDelayMs } from './define-job.ts';

/**
 * The worker: claims due jobs with `FOR UPDATE SKIP LOCKED` (several workers never take the
 * same job), runs them one at a time, retries failures with exponential backoff and marks a
 * job dead after its last attempt. A job left `running` by a crashed worker is taken again
 * once its lock is older than `lockTimeoutMs`. See docs/decisions/0002-jobs-skip-locked-queue.md.
 */
export type JobQueue = {
  register(...jobs: JobDefinition[]): void;
  /** Runs every job that is due now, one by one; returns how many ran. */
  runDue(): Promise<number>;
  start(): void;
  /** Stops claiming and waits for the job in progress. */
  stop(): Promise<void>;
};

export type JobQueueOptions = {
  db: Db;
  log: Logger;
  clock: Clock;
  pollMs?: number;
  lockTimeoutMs?: number;
  workerId?: string;
};

type JobRow = {
  id: string;
  name: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
  backoff_ms: number;
  run_at: Date;
};

export function createJobQueue(options: JobQueueOptions): JobQueue {
  const { db, log, clock } = options;
  const pollMs = options.pollMs ?? 1000;
  const lockTimeoutMs = options.lockTimeoutMs ?? 5 * 60_000;
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${newId('wrk')}`;
  const jobs = new Map<string, JobDefinition>();

  async function claim(): Promise<JobRow | undefined> {
    if (jobs.size === 0) return undefined;
    const now = clock.now();
    const stale = new Date(now.getTime() - lockTimeoutMs);
    const names = [...jobs.keys()];
    const result = await sql<JobRow>`
      update platform.jobs
         set status = 'running', locked_at = ${now}, locked_by = ${workerId}, attempts = attempts + 1
       where id = (
         select id from platform.jobs
          where name = any(${names}::text[])
            and ((status = 'queued' and run_at <= ${now}) or (status = 'running' and locked_at < ${stale}))
          order by run_at, id
          limit 1
          for update skip locked)
      returning id, name, payload, attempts, max_attempts, backoff_ms, run_at`.execute(db);
    return result.rows[0];
  }

  async function run(row: JobRow): Promise<void> {
    const job = jobs.get(row.name);
    const jlog = log.child({ jobId: row.id, job: row.name, attempt: row.attempts });
    const finish = (status: 'done' | 'dead' | 'queued', error?: string, runAt?: Date) =>
      db
        .updateTable('platform.jobs')
        .set({
          status,
          locked_at: null,
          locked_by: null,
          ...(error !== undefined ? { last_error: error.slice(0, 2000) } : {}),
          ...(runAt ? { run_at: runAt } : {}),
          ...(status === 'queued' ? {} : { finished_at: clock.now() }),
        })
        .where('id', '=', row.id)
        .where('locked_by', '=', workerId)
        .execute();
    if (!job) return;
    const parsed = job.payload.safeParse(row.payload);
    if (!parsed.success) {
      // Retrying cannot fix a payload that does not match the schema.
      jlog.error('job payload invalid; marking dead', { issues: parsed.error.issues });
      await finish('dead', `invalid payload: ${parsed.error.message}`);
      return;
    }
    const requestId = newId('sys');
    try {
      await job.handler(
        {
          db,
          actor: { kind: 'system', name: `job:${row.name}` },
          requestId,
          now: clock.now(),
          log: jlog.child({ requestId }),
        },
        parsed.data,
        { id: row.id, attempts: row.attempts, maxAttempts: row.max_attempts },
      );
      await finish('done');
      jlog.debug('job done');
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (row.attempts >= row.max_attempts) {
        jlog.error('job failed for the last time; marking dead', { err });
        await finish('dead', message);
      } else {
        const retryAt = new Date(clock.now().getTime() + retryDelayMs(row.backoff_ms, row.attempts));
        jlog.warn('job failed; will retry', { err, retryAt: retryAt.toISOString() });
        await finish('queued', message, retryAt);
      }
    }
  }

  async function runDueOnce(signal: AbortSignal): Promise<number> {
    let count = 0;
    for (;;) {
      if (signal.aborted) return count; // stopping: the job in hand has finished
      const row = await claim();
      if (!row) return count;
      await run(row);
      count++;
    }
  }

  const loop = createWakeLoop({ name: 'job worker', db, log, pollMs, work: runDueOnce });

  return {
    register(...defs) {
      for (const def of defs) {
        if (jobs.has(def.name)) throw new Error(`job ${def.name} is already registered`);
        jobs.set(def.name, def);
      }
    },
    runDue: loop.run,
    start() {
      if (loop.started) return;
      log.info('job worker started', { workerId, jobs: [...jobs.keys()] });
      loop.start();
    },
    stop: loop.stop,
  };
}
