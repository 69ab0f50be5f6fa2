import { describe, expect, it } from 'vitest';
import { CHECKLIST_ITEMS, checklistState } from './handover-checklist.ts';
import { isOpenOn, parseOpeningHours, slotStarts, slotWithinHours, weekdayOf } from './opening-hours.ts';

describe('opening hours', () => {
  it('reads the directory subset of the OSM syntax; a later rule replaces an earlier one', () => {
    const hours = parseOpeningHours('Mo-Fr 09:30-19:00; Sa,Su 09:00-20:00; We off');
    expect(hours?.Mo).toEqual([{ from: 570, to: 1140 }]);
    expect(hours?.We).toEqual([]);
    expect(hours?.Su).toEqual([{ from: 540, to: 1200 }]);
    expect(parseOpeningHours('Sa-Mo 10:00-12:00,14:00-18:00')?.Mo).toHaveLength(2);
    expect(parseOpeningHours('Mo-Fr 9-18')).toBeUndefined();
    expect(parseOpeningHours('Xy 09:00-18:00')).toBeUndefined();
    expect(parseOpeningHours(null)).toBeUndefined();
  });

  it('knows the weekday of a date and whether the dealer is open (unknown hours: open)', () => {
    expect(weekdayOf('2026-12-03')).toBe('Th');
    expect(weekdayOf('2026-12-06')).toBe('Su');
    const weekdays = parseOpeningHours('Mo-Fr 08:00-17:00');
    expect(isOpenOn(weekdays, '2026-12-05')).toBe(false);
    expect(isOpenOn(weekdays, '2026-12-04')).toBe(true);
    expect(isOpenOn(undefined, '2026-12-05')).toBe(true);
  });

  it('fits a one-hour slot inside the hours, on the half hour', () => {
    const hours = parseOpeningHours('Mo-Su 09:00-20:00');
    expect(slotWithinHours(hours, '2026-12-03', '19:00', 60)).toBe(true);
    expect(slotWithinHours(hours, '2026-12-03', '19:30', 60)).toBe(false);
    expect(slotWithinHours(hours, '2026-12-03', '08:30', 60)).toBe(false);
    const starts = slotStarts(hours, '2026-12-03', 60);
    expect(starts[0]).toBe('09:00');
    expect(starts.at(-1)).toBe('19:00');
    expect(starts).toHaveLength(21);
    expect(slotStarts(parseOpeningHours('Mo-Fr 08:00-17:00'), '2026-12-05', 60)).toEqual([]);
  });
});

describe('pre-delivery checklist', () => {
  it('counts the latest entry per item; complete when every item is checked', () => {
    const at = new Date('2026-12-03T02:00:00Z');
    const entry = (item: (typeof CHECKLIST_ITEMS)[number], checked: boolean) => ({
      item,
      checked,
      note: null,
      at,
      by: null,
    });
    expect(checklistState([]).left).toEqual([...CHECKLIST_ITEMS]);
    const all = CHECKLIST_ITEMS.map((i) => entry(i, true));
    expect(checklistState(all).complete).toBe(true);
    const unchecked = checklistState([...all, entry('keys', false)]);
    expect(unchecked).toMatchObject({ complete: false, left: ['keys'] });
  });
});
