import { describe, expect, it } from 'vitest';
import { isEventTypePattern, matchesEventType, selectedEventTypes } from './match-event-type.ts';

const KNOWN = [
  'catalog.version_published',
  'catalog.configuration_saved',
  'ordering.order_placed',
  'ordering.order_locked',
  'production.order_locked',
];

describe('event type patterns', () => {
  it('accepts a type, a module wildcard, a name wildcard and everything; refuses the rest', () => {
    for (const ok of ['*', 'ordering.*', '*.order_locked', 'ordering.order_locked', '*.*']) {
      expect(isEventTypePattern(ok), ok).toBe(true);
    }
    for (const bad of [
      '',
      'ordering',
      'ord*',
      'ordering.order*',
      'Ordering.x',
      'a.b.c',
      '**',
      'ordering.',
      '.x',
      'a .b',
    ]) {
      expect(isEventTypePattern(bad), bad).toBe(false);
    }
  });

  it('matches whole parts only', () => {
    expect(matchesEventType('*', 'ordering.order_locked')).toBe(true);
    expect(matchesEventType('ordering.*', 'ordering.order_locked')).toBe(true);
    expect(matchesEventType('ordering.*', 'orderingx.order_locked')).toBe(false);
    expect(matchesEventType('ordering.*', 'production.order_locked')).toBe(false);
    expect(matchesEventType('*.order_locked', 'production.order_locked')).toBe(true);
    expect(matchesEventType('*.order_locked', 'production.order_locked_late')).toBe(false);
    expect(matchesEventType('ordering.order_locked', 'ordering.order_locked')).toBe(true);
    expect(matchesEventType('ordering.order_locked', 'ordering.order_placed')).toBe(false);
  });

  it('selects the known types of a list of patterns, in catalogue order', () => {
    expect(selectedEventTypes(['ordering.*', '*.order_locked'], KNOWN)).toEqual([
      'ordering.order_placed',
      'ordering.order_locked',
      'production.order_locked',
    ]);
    expect(selectedEventTypes(['catalog.version_published'], KNOWN)).toEqual(['catalog.version_published']);
    expect(selectedEventTypes(['nothing.*'], KNOWN)).toEqual([]);
    expect(selectedEventTypes(['*'], KNOWN)).toEqual(KNOWN);
  });
});
