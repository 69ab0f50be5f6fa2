import { Worker } from 'node:worker_threads';
import type { Progress } from '@openc2b/sequencer';
import type { SequenceEvaluation } from './describe-sequence.ts';
import type { WorkerRequest } from './sequence-worker.ts';

export type WorkerOutcome = { order: string[]; before: SequenceEvaluation; after: SequenceEvaluation };

// Past its own time limit the solver stops by itself; this only catches a worker that hangs.
const GRACE_MS = 30_000;

/**
 * Runs one sequencing request in a fresh worker thread (the solver blocks its thread for its
 * whole time limit). `onProgress` gets every progress message; it must not throw.
 */
export function runInWorker(
  request: WorkerRequest,
  onProgress: (progress: Progress) => void,
): Promise<WorkerOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./sequence-worker.ts', import.meta.url), { workerData: request });
    let outcome: WorkerOutcome | undefined;
    const timer = setTimeout(
      () => {
        void worker.terminate();
        reject(
          new Error(`sequencing worker did not finish within ${request.seconds}s + ${GRACE_MS / 1000}s`),
        );
      },
      request.seconds * 1000 + GRACE_MS,
    );
    timer.unref();
    worker.on(
      'message',
      (message: { type: 'progress'; progress: Progress } | ({ type: 'done' } & WorkerOutcome)) => {
        if (message.type === 'progress') onProgress(message.progress);
        else outcome = { order: message.order, before: message.before, after: message.after };
      },
    );
    worker.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    worker.on('exit', (code) => {
      clearTimeout(timer);
      if (outcome) resolve(outcome);
      else reject(new Error(`sequencing worker exited with code ${code} and no result`));
    });
  });
}
