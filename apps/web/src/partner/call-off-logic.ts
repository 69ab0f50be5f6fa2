// A supplier's call-offs, pure: the list filter as a query, the items in the order they are
// needed, totals, and what a supplier may still do with one.
import type { ResponseOf } from '../api/types.ts';

export type CallOff = ResponseOf<'/partner/call-offs/{callOffId}', 'get'>;
export type CallOffItem = CallOff['items'][number];
export type CallOffStatus = CallOff['status'];

export const STATUS_FILTERS = ['all', 'open', 'delayed', 'shipped'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export type CallOffFilter = { day: string; status: StatusFilter };

export function isStatusFilter(value: unknown): value is StatusFilter {
  return typeof value === 'string' && (STATUS_FILTERS as readonly string[]).includes(value);
}

/** The filter as the API's query: one due date (from = to) and a status, or nothing. */
export function callOffQuery(filter: CallOffFilter): {
  status?: CallOffStatus;
  dueFrom?: string;
  dueTo?: string;
} {
  return {
    ...(filter.status !== 'all' ? { status: filter.status } : {}),
    ...(filter.day ? { dueFrom: filter.day, dueTo: filter.day } : {}),
  };
}

/** The filter from the page's URL (`?day=2026-12-09&status=open`), tolerating anything typed there. */
export function filterFromSearch(params: URLSearchParams): CallOffFilter {
  const day = params.get('day') ?? '';
  const status = params.get('status');
  return {
    day: /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : '',
    status: isStatusFilter(status) ? status : 'all',
  };
}

export function searchOf(filter: CallOffFilter): string {
  const params = new URLSearchParams();
  if (filter.day) params.set('day', filter.day);
  if (filter.status !== 'all') params.set('status', filter.status);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/**
 * Items in the order the line needs them: just-in-sequence items by their place in the day's
 * sequence, daily totals by part number.
 */
export function itemsInOrder(callOff: Pick<CallOff, 'kind' | 'items'>): CallOffItem[] {
  const items = [...callOff.items];
  if (callOff.kind === 'sequenced') {
    return items.sort((a, b) => (a.sequencePosition ?? 0) - (b.sequencePosition ?? 0) || a.itemNo - b.itemNo);
  }
  return items.sort((a, b) => a.partNumber.localeCompare(b.partNumber) || a.itemNo - b.itemNo);
}

export type VehicleItems = {
  sequencePosition: number | null;
  vehicleId: string | null;
  items: CallOffItem[];
};

/** Just-in-sequence items as the line takes them: one entry per car, in line order, with its parts. */
export function itemsByVehicle(callOff: Pick<CallOff, 'kind' | 'items'>): VehicleItems[] {
  const groups: VehicleItems[] = [];
  for (const item of itemsInOrder({ ...callOff, kind: 'sequenced' })) {
    const last = groups.at(-1);
    if (last && last.vehicleId === item.vehicleId && last.sequencePosition === item.sequencePosition) {
      last.items.push(item);
    } else {
      groups.push({ sequencePosition: item.sequencePosition, vehicleId: item.vehicleId, items: [item] });
    }
  }
  return groups;
}

export type CallOffTotals = { lines: number; quantity: number; vehicles: number; parts: number };

/** Totals: item lines, pieces, cars served (distinct cars for JIS, the largest count for daily totals), distinct parts. */
export function callOffTotals(callOff: Pick<CallOff, 'kind' | 'items'>): CallOffTotals {
  const parts = new Set(callOff.items.map((i) => i.partId)).size;
  const quantity = callOff.items.reduce((n, i) => n + i.quantity, 0);
  const vehicles =
    callOff.kind === 'sequenced'
      ? new Set(callOff.items.map((i) => i.vehicleId)).size
      : Math.max(0, ...callOff.items.map((i) => i.vehicles));
  return { lines: callOff.items.length, quantity, vehicles, parts };
}

/** A shipped call-off is done; open and delayed ones can still be shipped or (re)reported late. */
export function canRespond(callOff: Pick<CallOff, 'status'>): boolean {
  return callOff.status !== 'shipped';
}

export type DelayCheck =
  | { ok: true }
  | { ok: false; field: 'newDate' | 'reason'; problem: 'required' | 'not_later' };

/** A reported delay needs a date after the due date and a reason (the server says the same). */
export function checkDelay(input: { newDate: string; reason: string }, dueDate: string): DelayCheck {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.newDate)) return { ok: false, field: 'newDate', problem: 'required' };
  if (input.newDate <= dueDate) return { ok: false, field: 'newDate', problem: 'not_later' };
  if (input.reason.trim() === '') return { ok: false, field: 'reason', problem: 'required' };
  return { ok: true };
}

/** Call-offs grouped by due date, soonest first (the list page's sections). */
export function groupByDueDate<T extends Pick<CallOff, 'dueDate'>>(
  callOffs: readonly T[],
): { dueDate: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const c of [...callOffs].sort((a, b) =>
    a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0,
  )) {
    groups.set(c.dueDate, [...(groups.get(c.dueDate) ?? []), c]);
  }
  return [...groups].map(([dueDate, items]) => ({ dueDate, items }));
}

const UNITS = ['pc', 'set', 'pair', 'kg', 'l', 'm'] as const;

/** The catalogue key of a part unit (bom.unit.*), or undefined for a unit the web does not know. */
export function unitKey(unit: string): `bom.unit.${(typeof UNITS)[number]}` | undefined {
  return (UNITS as readonly string[]).includes(unit)
    ? (`bom.unit.${unit}` as `bom.unit.${(typeof UNITS)[number]}`)
    : undefined;
}
