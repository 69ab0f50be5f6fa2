import { describe, expect, it } from 'vitest';
import { Mutex } from './mutex.ts';

describe('Mutex', () => {
  it('lets holders in one at a time, first come first served', async () => {
    const mutex = new Mutex();
    const order: string[] = [];
    const hold = async (name: string) => {
      const release = await mutex.acquire();
      order.push(`${name}+`);
      await Promise.resolve();
      await Promise.resolve();
      order.push(`${name}-`);
      release();
      release(); // a second release is harmless
    };
    await Promise.all([hold('a'), hold('b'), hold('c')]);
    expect(order).toEqual(['a+', 'a-', 'b+', 'b-', 'c+', 'c-']);
    expect(mutex.locked).toBe(false);
  });
});
