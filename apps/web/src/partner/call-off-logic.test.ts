import { describe, expect, it } from 'vitest';
import {
  type CallOff,
  callOffQuery,
  callOffTotals,
  canRespond,
  checkDelay,
  filterFromSearch,
  groupByDueDate,
  itemsByVehicle,
  itemsInOrder,
  searchOf,
} from './call-off-logic.ts';

const item = (over: Partial<CallOff['items'][number]>): CallOff['items'][number] => ({
  itemNo: 1,
  sequencePosition: null,
  vehicleId: null,
  partId: 'prt_1',
  partNumber: 'D90-SEAT-R-7',
  name: { 'zh-CN': '二三排座椅', en: 'Rear seats' },
  quantity: 1,
  unit: 'set',
  station: 'assembly',
  vehicles: 1,
  ...over,
});

const sequenced: Pick<CallOff, 'kind' | 'items'> = {
  kind: 'sequenced',
  items: [
    item({ itemNo: 1, sequencePosition: 3, vehicleId: 'V3' }),
    item({ itemNo: 2, sequencePosition: 1, vehicleId: 'V1', partId: 'prt_2' }),
    item({ itemNo: 3, sequencePosition: 1, vehicleId: 'V1' }),
    item({ itemNo: 4, sequencePosition: 2, vehicleId: 'V2' }),
  ],
};

describe('call-off list filter', () => {
  it('asks for one due date and a status, or everything', () => {
    expect(callOffQuery({ day: '', status: 'all' })).toEqual({});
    expect(callOffQuery({ day: '2026-12-09', status: 'open' })).toEqual({
      status: 'open',
      dueFrom: '2026-12-09',
      dueTo: '2026-12-09',
    });
  });

  it('round-trips through the URL and ignores what it cannot read', () => {
    const filter = { day: '2026-12-09', status: 'delayed' as const };
    expect(filterFromSearch(new URLSearchParams(searchOf(filter)))).toEqual(filter);
    expect(searchOf({ day: '', status: 'all' })).toBe('');
    expect(filterFromSearch(new URLSearchParams('day=tomorrow&status=lost'))).toEqual({
      day: '',
      status: 'all',
    });
  });

  it('groups by due date, soonest first', () => {
    const groups = groupByDueDate([
      { id: 'b', dueDate: '2026-12-09' },
      { id: 'a', dueDate: '2026-12-08' },
      { id: 'c', dueDate: '2026-12-09' },
    ]);
    expect(groups.map((g) => [g.dueDate, g.items.map((i) => i.id)])).toEqual([
      ['2026-12-08', ['a']],
      ['2026-12-09', ['b', 'c']],
    ]);
  });
});

describe('a call-off', () => {
  it('lists just-in-sequence items in line order, daily totals by part number', () => {
    expect(itemsInOrder(sequenced).map((i) => `${i.sequencePosition}:${i.itemNo}`)).toEqual([
      '1:2',
      '1:3',
      '2:4',
      '3:1',
    ]);
    const daily = {
      kind: 'daily' as const,
      items: [
        item({ itemNo: 1, partNumber: 'TYRE-B', vehicles: 9 }),
        item({ itemNo: 2, partNumber: 'TYRE-A' }),
      ],
    };
    expect(itemsInOrder(daily).map((i) => i.partNumber)).toEqual(['TYRE-A', 'TYRE-B']);
  });

  it('groups just-in-sequence items per car, in line order', () => {
    const groups = itemsByVehicle(sequenced);
    expect(groups.map((g) => [g.sequencePosition, g.vehicleId, g.items.map((i) => i.itemNo)])).toEqual([
      [1, 'V1', [2, 3]],
      [2, 'V2', [4]],
      [3, 'V3', [1]],
    ]);
  });

  it('adds up lines, pieces, cars and parts', () => {
    expect(callOffTotals(sequenced)).toEqual({ lines: 4, quantity: 4, vehicles: 3, parts: 2 });
    const daily = {
      kind: 'daily' as const,
      items: [
        item({ partId: 'p1', quantity: 36, vehicles: 9 }),
        item({ partId: 'p2', quantity: 12, vehicles: 12 }),
      ],
    };
    expect(callOffTotals(daily)).toEqual({ lines: 2, quantity: 48, vehicles: 12, parts: 2 });
  });

  it('can be shipped or reported late until it is shipped', () => {
    expect(canRespond({ status: 'open' })).toBe(true);
    expect(canRespond({ status: 'delayed' })).toBe(true);
    expect(canRespond({ status: 'shipped' })).toBe(false);
  });

  it('takes a delay only with a later date and a reason', () => {
    expect(checkDelay({ newDate: '2026-12-10', reason: 'Mould repair' }, '2026-12-09')).toEqual({ ok: true });
    expect(checkDelay({ newDate: '2026-12-09', reason: 'x' }, '2026-12-09')).toEqual({
      ok: false,
      field: 'newDate',
      problem: 'not_later',
    });
    expect(checkDelay({ newDate: '', reason: 'x' }, '2026-12-09')).toMatchObject({
      field: 'newDate',
      problem: 'required',
    });
    expect(checkDelay({ newDate: '2026-12-11', reason: '  ' }, '2026-12-09')).toMatchObject({
      field: 'reason',
    });
  });
});
