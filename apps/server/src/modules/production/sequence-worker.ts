/**
 * Worker-thread entry of a sequencing run: the local search is CPU-bound for its whole time
 * limit, so it runs here and not on the thread that serves HTTP. Receives the day as
 * `workerData`, posts progress about once a second and the result at the end. No database, no
 * I/O: the main thread stores what it posts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type DayInput, sequenceDay } from '@openc2b/sequencer';
import { evaluateOrder } from './describe-sequence.ts';

export type WorkerRequest = { input: DayInput; seconds: number; seed: number; maxIterations?: number };

const port = parentPort;
if (!port) throw new Error('sequence-worker.ts runs as a worker thread');
const request = workerData as WorkerRequest;
const result = sequenceDay(request.input, {
  seconds: request.seconds,
  seed: request.seed,
  ...(request.maxIterations !== undefined ? { maxIterations: request.maxIterations } : {}),
  onProgress: (progress) => port.postMessage({ type: 'progress', progress }),
});
port.postMessage({
  type: 'done',
  order: result.order,
  before: evaluateOrder(
    request.input,
    request.input.cars.map((c) => c.id),
  ),
  after: evaluateOrder(request.input, result.order),
});
