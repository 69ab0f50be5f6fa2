import { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { defineJob } from '../../platform/jobs/define-job.ts';
import { enqueue } from '../../platform/jobs/enqueue.ts';
import { executeSequenceRun, freezeDueDays } from './plan-days.ts';

/** Sequences one production day (the run row holds the request, progress and result). */
export const sequenceDayJob = defineJob({
  name: 'production.sequence_day',
  payload: z.object({ runId: z.string() }),
  // A failed solve is stored on the run; a retry only helps when the process died mid-run.
  maxAttempts: 2,
  backoffMs: 1000,
  handler: async (ctx, { runId }) => executeSequenceRun(ctx, runId),
});

const FREEZE_EVERY_MS = 60 * 60_000;

/**
 * Freezes the days that entered their line's frozen horizon, then queues itself for the next
 * hour. The key is the hour the run is due, so however often the process starts there is one
 * chain: a start adds a run for its own hour (nothing if that hour's run is still queued), and
 * that run's next one is found already queued. Freezing is idempotent, so an extra pass is harmless.
 */
export const freezeDueDaysJob = defineJob({
  name: 'production.freeze_due_days',
  payload: z.object({}),
  maxAttempts: 3,
  backoffMs: 60_000,
  handler: async (ctx) => {
    await freezeDueDays(ctx);
    const next = new Date(
      Math.floor(ctx.now.getTime() / FREEZE_EVERY_MS) * FREEZE_EVERY_MS + FREEZE_EVERY_MS,
    );
    await enqueue(ctx, freezeDueDaysJob, {}, { runAt: next, key: hourKey(next) });
  },
});

const hourKey = (at: Date) => at.toISOString().slice(0, 13);

/** Starts the hourly freeze at process start (main.ts). Idempotent per hour. */
export async function scheduleProductionJobs(ctx: Ctx): Promise<void> {
  await enqueue(ctx, freezeDueDaysJob, {}, { runAt: ctx.now, key: hourKey(ctx.now) });
}

export const productionJobs = [sequenceDayJob, freezeDueDaysJob];
