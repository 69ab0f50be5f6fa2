import type { CallOff } from './types.ts';

export type Allocation = { callOffId: string; itemNo: number; quantity: number };

/** What of an item is still to come. */
export const outstanding = (item: { quantity: number; received: number }): number =>
  Math.max(0, item.quantity - item.received);

/**
 * Spreads an arrival of `quantity` of one part over call-offs (already in the order to serve:
 * soonest due first), item by item in line order (sequence position, then item number); what
 * no item needs is `unallocated`. Pure: the call-offs are not changed.
 */
export function allocateArrival(
  quantity: number,
  partNumber: string,
  callOffs: readonly Pick<CallOff, 'id' | 'items'>[],
): { allocated: Allocation[]; unallocated: number } {
  let left = quantity;
  const allocated: Allocation[] = [];
  for (const callOff of callOffs) {
    const items = callOff.items
      .filter((i) => i.partNumber === partNumber && outstanding(i) > 0)
      .sort(
        (a, b) => (a.sequencePosition ?? a.itemNo) - (b.sequencePosition ?? b.itemNo) || a.itemNo - b.itemNo,
      );
    for (const item of items) {
      if (left === 0) break;
      const take = Math.min(left, outstanding(item));
      allocated.push({ callOffId: callOff.id, itemNo: item.itemNo, quantity: take });
      left -= take;
    }
  }
  return { allocated, unallocated: left };
}
