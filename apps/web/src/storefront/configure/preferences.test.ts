import { describe, expect, it } from 'vitest';
import { type Answers, preferenceWeights } from './preferences.ts';

const family = (code: string, options: string[]) => ({ code, options: options.map((c) => ({ code: c })) });
// Option codes as the demo model lines name them.
const model = {
  families: [
    family('seat-layout', ['seats-7', 'seats-5', 'seats-6', 'seats-6-exec']),
    family('drive', ['drive-2wd', 'drive-4wd', 'drive-4wd-lock', 'drive-awd']),
    family('engine', ['eng-gas', 'eng-diesel', 'eng-phev']),
    family('adas', ['adas-l2', 'adas-noa', 'adas-city']),
    family('pack-family', ['pkg-family']),
    family('suspension', ['susp-comfort', 'susp-cdc', 'susp-air']),
    family('paint', ['paint-polar-white']),
  ],
};

const base: Answers = { use: 'family', seats: 'any', budget: undefined, priorities: [] };

describe('preferenceWeights', () => {
  it('weighs the asked-for seat count above everything else', () => {
    const w = preferenceWeights(model, { ...base, seats: '7' });
    expect(w['seats-7']).toBeGreaterThanOrEqual(40);
    expect(w['seats-5']).toBeUndefined();
    const six = preferenceWeights(model, { ...base, seats: '6' });
    expect(six['seats-6']).toBe(40);
    expect(six['seats-6-exec']).toBeGreaterThanOrEqual(40);
  });

  it('maps uses and priorities to option keywords', () => {
    const family = preferenceWeights(model, base);
    expect(family['pkg-family']).toBeGreaterThan(0);
    expect(family['drive-4wd-lock']).toBeUndefined();

    const outdoor = preferenceWeights(model, { ...base, use: 'outdoor', priorities: ['offroad'] });
    expect(outdoor['drive-4wd-lock']).toBeGreaterThan(outdoor['drive-2wd'] ?? 0);
    expect(outdoor['drive-4wd-lock']).toBeGreaterThan(outdoor['drive-awd'] ?? 0);

    const eco = preferenceWeights(model, { ...base, use: 'city', priorities: ['economy'] });
    expect(eco['eng-phev']).toBeGreaterThan(0);
    expect(eco['eng-diesel']).toBeUndefined();

    const tech = preferenceWeights(model, { ...base, priorities: ['technology', 'comfort'] });
    expect(tech['adas-city']).toBeGreaterThan(0);
    expect(tech['susp-air']).toBeGreaterThan(0);
    expect(tech['paint-polar-white']).toBeUndefined();
  });

  it('gives only positive integer weights', () => {
    const w = preferenceWeights(model, {
      use: 'business',
      seats: '8+',
      budget: 1,
      priorities: ['comfort', 'technology', 'economy', 'offroad'],
    });
    for (const value of Object.values(w)) {
      expect(Number.isInteger(value) && value > 0).toBe(true);
    }
  });
});
