import type { Db } from './context.ts';
import { onAfterCommit } from './db/after-commit.ts';
import type { Logger } from './log.ts';

/**
 * The background loop shared by the outbox dispatcher, the job worker and the webhook worker:
 * woken after every commit on `db` and by a poll timer, it runs `work` one pass at a time; a
 * wake-up during a pass asks for exactly one more pass afterwards (wake-ups are not queued).
 *
 * `run()` is the same pass on demand (tests call it instead of starting the loop). Passes never
 * overlap: a `run()` waits for the pass in progress. The signal given to `work` is aborted by
 * `stop()` for passes the loop started, so a pass can end after the item in hand; a pass
 * started with `run()` is never aborted (a test's explicit call runs to its end).
 */
export type WakeLoop<T> = {
  run(): Promise<T>;
  /** Starts polling and listening for commits, and runs a first pass. */
  start(): void;
  wake(): void;
  /** Stops waking, aborts the loop's pass in progress after its current item and waits for it. */
  stop(): Promise<void>;
  readonly started: boolean;
};

export type WakeLoopOptions<T> = {
  name: string;
  db: Db;
  log: Logger;
  pollMs: number;
  work: (signal: AbortSignal) => Promise<T>;
};

const NEVER = new AbortController().signal;

export function createWakeLoop<T>(options: WakeLoopOptions<T>): WakeLoop<T> {
  const { db, log, pollMs, work } = options;
  let timer: NodeJS.Timeout | undefined;
  let unlisten: (() => void) | undefined;
  let stopping: AbortController | undefined;
  let current: Promise<unknown> = Promise.resolve();
  let busy = false;
  let again = false;

  function enqueue(signal: AbortSignal): Promise<T> {
    const next = current.catch(() => undefined).then(() => work(signal));
    current = next;
    return next;
  }

  function wake() {
    if (!timer || !stopping) return;
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    enqueue(stopping.signal)
      .catch((err) => log.error(`${options.name} failed`, { err }))
      .finally(() => {
        busy = false;
        if (again) {
          again = false;
          wake();
        }
      });
  }

  return {
    run: () => enqueue(NEVER),
    start() {
      if (timer) return;
      stopping = new AbortController();
      timer = setInterval(wake, pollMs);
      timer.unref();
      unlisten = onAfterCommit(db, wake);
      wake();
    },
    wake,
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      unlisten?.();
      unlisten = undefined;
      stopping?.abort();
      again = false;
      await current.catch(() => undefined);
    },
    get started() {
      return timer !== undefined;
    },
  };
}
