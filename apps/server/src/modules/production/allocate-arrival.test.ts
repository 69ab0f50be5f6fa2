import { describe, expect, it } from 'vitest';
import { allocateArrival } from './allocate-arrival.ts';
import type { CallOffItem } from './types.ts';

const item = (
  itemNo: number,
  partNumber: string,
  quantity: number,
  extra: Partial<CallOffItem> = {},
): CallOffItem => ({
  itemNo,
  sequencePosition: null,
  vehicleId: null,
  partId: `prt_${partNumber}`,
  partNumber,
  name: { 'zh-CN': partNumber, en: partNumber },
  quantity,
  unit: 'pc',
  station: null,
  vehicles: 1,
  received: 0,
  ...extra,
});

describe('allocating an arrival to call-offs', () => {
  it('fills the soonest call-off first, then the next, and reports the rest', () => {
    const callOffs = [
      { id: 'cof_1', items: [item(1, 'A', 4), item(2, 'B', 9)] },
      { id: 'cof_2', items: [item(1, 'A', 4)] },
    ];
    expect(allocateArrival(6, 'A', callOffs)).toEqual({
      allocated: [
        { callOffId: 'cof_1', itemNo: 1, quantity: 4 },
        { callOffId: 'cof_2', itemNo: 1, quantity: 2 },
      ],
      unallocated: 0,
    });
    expect(allocateArrival(10, 'A', callOffs).unallocated).toBe(2);
    expect(allocateArrival(3, 'C', callOffs)).toEqual({ allocated: [], unallocated: 3 });
  });

  it('counts what already arrived, and serves cars in line order', () => {
    const jis = {
      id: 'cof_s',
      items: [
        item(1, 'SEAT', 1, { sequencePosition: 3, vehicleId: 'v3' }),
        item(2, 'SEAT', 1, { sequencePosition: 1, vehicleId: 'v1', received: 1 }),
        item(3, 'SEAT', 1, { sequencePosition: 2, vehicleId: 'v2' }),
      ],
    };
    expect(allocateArrival(1, 'SEAT', [jis]).allocated).toEqual([
      { callOffId: 'cof_s', itemNo: 3, quantity: 1 },
    ]);
    expect(allocateArrival(5, 'SEAT', [jis])).toEqual({
      allocated: [
        { callOffId: 'cof_s', itemNo: 3, quantity: 1 },
        { callOffId: 'cof_s', itemNo: 1, quantity: 1 },
      ],
      unallocated: 3,
    });
  });

  it('never allocates more than arrived', () => {
    for (let q = 0; q <= 12; q++) {
      const { allocated, unallocated } = allocateArrival(q, 'A', [
        { id: 'c1', items: [item(1, 'A', 5), item(2, 'A', 3)] },
        { id: 'c2', items: [item(1, 'A', 2)] },
      ]);
      expect(allocated.reduce((n, a) => n + a.quantity, 0) + unallocated).toBe(q);
      expect(allocated.every((a) => a.quantity > 0)).toBe(true);
    }
  });
});
