import { describe, expect, it } from 'vitest';
import type { Db } from './context.ts';
import { notifyCommitted } from './db/after-commit.ts';
import { createLogger } from './log.ts';
import { createWakeLoop } from './wake-loop.ts';

const silent = createLogger('silent');

/** A pass that waits until the test lets it finish. */
function gatedWork() {
  const passes: { signal: AbortSignal; finish: () => void }[] = [];
  const started: (() => void)[] = [];
  const work = (signal: AbortSignal) =>
    new Promise<number>((resolve) => {
      passes.push({ signal, finish: () => resolve(passes.length) });
      started.shift()?.();
    });
  const nextStart = () => new Promise<void>((resolve) => started.push(resolve));
  return { passes, work, nextStart };
}

describe('wake loop', () => {
  it('runs one pass at a time and one more pass for any number of wake-ups during a pass', async () => {
    const db = {} as Db;
    const g = gatedWork();
    const loop = createWakeLoop({ name: 'test', db, log: silent, pollMs: 3_600_000, work: g.work });
    const first = g.nextStart();
    loop.start();
    await first;
    loop.wake();
    notifyCommitted(db);
    loop.wake();
    expect(g.passes).toHaveLength(1);
    const second = g.nextStart();
    g.passes[0]?.finish();
    await second;
    expect(g.passes).toHaveLength(2);
    g.passes[1]?.finish();
    // A run() waits for the pass in progress, then runs on its own.
    const third = g.nextStart();
    const explicit = loop.run();
    await third;
    g.passes[2]?.finish();
    expect(await explicit).toBe(3);
    expect(g.passes).toHaveLength(3);
    await loop.stop();
  });

  it('aborts the signal of its own pass on stop, never that of an explicit run, and does not wake when stopped', async () => {
    const db = {} as Db;
    const g = gatedWork();
    const loop = createWakeLoop({ name: 'test', db, log: silent, pollMs: 3_600_000, work: g.work });
    const first = g.nextStart();
    loop.start();
    await first;
    const stopped = loop.stop();
    expect(g.passes[0]?.signal.aborted).toBe(true);
    g.passes[0]?.finish();
    await stopped;
    expect(loop.started).toBe(false);
    notifyCommitted(db);
    loop.wake();
    expect(g.passes).toHaveLength(1);
    const second = g.nextStart();
    const explicit = loop.run();
    await second;
    expect(g.passes[1]?.signal.aborted).toBe(false);
    g.passes[1]?.finish();
    await explicit;
  });
});
