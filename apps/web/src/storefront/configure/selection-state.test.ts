import type { Repair } from '@openc2b/configurator';
import { describe, expect, it } from 'vitest';
import { changedFamilies, configuratorReducer, initialState } from './selection-state.ts';

const start = initialState({ roof: 'roof-glass', rack: 'rack:none' });
const cheapest: Repair = {
  selection: { roof: 'roof:none', rack: 'rack-bars' },
  changed: ['roof'],
  price: { min: 5, max: 5 },
};

describe('configuratorReducer', () => {
  it('applies a compatible pick and can undo it', () => {
    const next = configuratorReducer(start, {
      type: 'pick',
      pick: { family: 'roof', option: 'roof-steel' },
      outcome: { ok: true, selection: { roof: 'roof-steel', rack: 'rack:none' } },
    });
    expect(next.selection['roof']).toBe('roof-steel');
    expect(next.history).toHaveLength(1);
    const undone = configuratorReducer(next, { type: 'undo' });
    expect(undone.selection).toEqual(start.selection);
    expect(undone.history).toHaveLength(0);
    expect(configuratorReducer(undone, { type: 'undo' })).toBe(undone);
  });

  it('holds a conflicting pick until a repair is accepted or it is dismissed', () => {
    const pick = { family: 'rack', option: 'rack-bars' };
    const pending = configuratorReducer(start, {
      type: 'pick',
      pick,
      outcome: { ok: false, reason: 'conflict', fewestChanges: [cheapest], cheapest },
    });
    expect(pending.selection).toEqual(start.selection);
    expect(pending.conflict).toMatchObject({ kind: 'conflict', pick });

    const kept = configuratorReducer(pending, { type: 'dismiss' });
    expect(kept.selection).toEqual(start.selection);
    expect(kept.conflict).toBeNull();

    const accepted = configuratorReducer(pending, { type: 'accept', selection: cheapest.selection });
    expect(accepted.selection).toEqual(cheapest.selection);
    expect(accepted.conflict).toBeNull();
    expect(accepted.history).toEqual([start.selection]);
  });

  it('reports an option no configuration can have', () => {
    const next = configuratorReducer(start, {
      type: 'pick',
      pick: { family: 'rack', option: 'rack-x' },
      outcome: { ok: false, reason: 'impossible' },
    });
    expect(next.conflict?.kind).toBe('impossible');
  });

  it('does not record a replace that changes nothing', () => {
    expect(
      configuratorReducer(start, { type: 'replace', selection: { ...start.selection } }).history,
    ).toHaveLength(0);
    expect(configuratorReducer(start, { type: 'replace', selection: {} }).history).toHaveLength(1);
  });
});

describe('changedFamilies', () => {
  it('lists changed, added and removed families', () => {
    expect(changedFamilies({ a: '1', b: '2', c: '3' }, { a: '1', b: '9', d: '4' }).sort()).toEqual([
      'b',
      'c',
      'd',
    ]);
  });
});
