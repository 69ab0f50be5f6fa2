import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  healthOf,
  outboxLetterKey,
  parsePatterns,
  previewPatterns,
  replayBody,
} from './integration-logic.ts';

const KNOWN = ['catalog.version_published', 'catalog.configuration_saved', 'ordering.order_locked'];

describe('integration page logic', () => {
  it('says a lag in the two largest units', () => {
    expect(formatDuration(0, 'en')).toBe('0 s');
    expect(formatDuration(0.7, 'en')).toBe('0 s');
    expect(formatDuration(45, 'en')).toBe('45 s');
    expect(formatDuration(200, 'en')).toBe('3 min 20 s');
    expect(formatDuration(3600, 'en')).toBe('1 h');
    expect(formatDuration(7500, 'en')).toBe('2 h 5 min');
    expect(formatDuration(3 * 86_400 + 4 * 3600 + 59, 'en')).toBe('3 d 4 h');
    expect(formatDuration(86_400 + 30, 'en')).toBe('1 d');
    expect(formatDuration(200, 'zh-CN')).toBe('3 分 20 秒');
    expect(formatDuration(-5, 'zh-CN')).toBe('0 秒');
  });

  it('reads patterns separated by commas (also full-width), spaces and lines, and keeps the bad ones apart', () => {
    expect(parsePatterns('catalog.*, ordering.order_locked\n*.order_locked，catalog.*')).toEqual({
      patterns: ['catalog.*', 'ordering.order_locked', '*.order_locked'],
      invalid: [],
    });
    expect(parsePatterns('ord* Catalog.x a.b.c *')).toEqual({
      patterns: ['*'],
      invalid: ['ord*', 'Catalog.x', 'a.b.c'],
    });
    expect(parsePatterns('   ')).toEqual({ patterns: [], invalid: [] });
  });

  it('previews the selected types and flags patterns that select nothing', () => {
    expect(previewPatterns(['catalog.*', 'catalgo.*'], KNOWN)).toEqual({
      selected: ['catalog.version_published', 'catalog.configuration_saved'],
      matchingNothing: ['catalgo.*'],
    });
    expect(previewPatterns(['*.order_locked'], KNOWN).selected).toEqual(['ordering.order_locked']);
  });

  it('ranks health: paused, down, dead letters, retrying, lagging, ok', () => {
    const base = { dead: 0, retrying: 0, lagSeconds: 0 };
    expect(healthOf({ ...base, active: false, dead: 3 })).toBe('paused');
    expect(healthOf({ ...base, ready: false, dead: 3 })).toBe('down');
    expect(healthOf({ ...base, dead: 1, retrying: 2 })).toBe('dead_letters');
    expect(healthOf({ ...base, retrying: 2, lagSeconds: 999 })).toBe('retrying');
    expect(healthOf({ ...base, lagSeconds: 61 })).toBe('lagging');
    expect(healthOf({ ...base, lagSeconds: 60, ready: true, active: true })).toBe('ok');
  });

  it('turns a selection into the replay request', () => {
    const key = outboxLetterKey({ eventId: 'evt_2', target: 'transport.nats' });
    expect(
      replayBody(
        new Set(['whd_b', 'whd_a']),
        new Set([key, outboxLetterKey({ eventId: 'evt_1', target: 'a.b' })]),
      ),
    ).toEqual({
      webhookDeliveryIds: ['whd_a', 'whd_b'],
      outbox: [
        { eventId: 'evt_1', target: 'a.b' },
        { eventId: 'evt_2', target: 'transport.nats' },
      ],
    });
  });
});
