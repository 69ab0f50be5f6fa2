/** Time comes from a clock passed in, so tests can fix or advance it. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(date: Date | string): Clock {
  const at = new Date(date);
  return { now: () => new Date(at) };
}

/** A clock tests can move forward by hand (for retries and backoff without sleeping). */
export type ManualClock = Clock & { set(date: Date | string): void; advance(ms: number): void };

export function manualClock(start: Date | string = '2026-01-01T00:00:00Z'): ManualClock {
  let at = new Date(start).getTime();
  return {
    now: () => new Date(at),
    set: (date) => {
      at = new Date(date).getTime();
    },
    advance: (ms) => {
      at += ms;
    },
  };
}
