import { describe, expect, it } from 'vitest';
import { composeVin, isValidVin, modelYearCode, vinCheckDigit, vinPartProblem } from './assign-vin.ts';

describe('VIN check digit (ISO 3779, North American method as GB 16735 prescribes)', () => {
  it.each([
    // Published VINs and their check digits (position 9).
    ['1M8GDM9AXKP042788', 'X'], // the standard worked example (49 CFR 565): remainder 10 -> X
    ['1HGCM82633A004352', '3'],
    ['JH4KA7561PC008269', '1'],
    ['5GZCZ43D13S812715', '1'],
    ['LSVAM4187C2184847', '7'],
    ['11111111111111111', '1'],
  ])('%s has check digit %s', (vin, check) => {
    expect(vinCheckDigit(vin)).toBe(check);
    expect(isValidVin(vin)).toBe(true);
  });

  it('catches a wrong check digit, a typo and every single changed character of a valid VIN', () => {
    expect(isValidVin('1M8GDM9A1KP042788')).toBe(false);
    expect(isValidVin('1HGCM82633A004353')).toBe(false);
    const vin = '1HGCM82633A004352';
    const alphabet = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';
    let caught = 0;
    let tried = 0;
    for (let i = 0; i < 17; i++) {
      if (i === 8) continue;
      for (const ch of alphabet) {
        if (ch === vin[i]) continue;
        const changed = `${vin.slice(0, i)}${ch}${vin.slice(i + 1)}`;
        tried++;
        if (!isValidVin(changed)) caught++;
      }
    }
    // Letters that transliterate to the same value as the original (e.g. A and J) cannot be caught.
    expect(caught / tried).toBeGreaterThan(0.9);
  });

  it('refuses I, O and Q, and wrong lengths', () => {
    expect(isValidVin('1HGCM82633A00435')).toBe(false);
    expect(isValidVin('1HGCM82633A0043520')).toBe(false);
    expect(isValidVin('IHGCM82633A004352')).toBe(false);
    expect(() => vinCheckDigit('LQC0000000000000O')).toThrow();
  });
});

describe('composing a VIN', () => {
  it('uses the model year code of the 30-year cycle', () => {
    expect(modelYearCode(1980)).toBe('A');
    expect(modelYearCode(2000)).toBe('Y');
    expect(modelYearCode(2001)).toBe('1');
    expect(modelYearCode(2010)).toBe('A');
    expect(modelYearCode(2026)).toBe('T');
    expect(modelYearCode(2027)).toBe('V');
    expect(modelYearCode(2030)).toBe('Y');
  });

  it('puts WMI, descriptor, check digit, year, plant and serial in their places', () => {
    const vin = composeVin({ wmi: 'LKC', vds: 'D90P1', modelYear: 2027, plantCode: 'N', serial: 1 });
    expect(vin).toBe('LKCD90P13VN000001');
    expect(vin).toHaveLength(17);
    expect(isValidVin(vin)).toBe(true);
    const next = composeVin({ wmi: 'LKC', vds: 'D90P1', modelYear: 2027, plantCode: 'N', serial: 123456 });
    expect(next.slice(11)).toBe('123456');
    expect(isValidVin(next)).toBe(true);
  });

  it('refuses parts that cannot be in a VIN (LQC: Q is not a VIN character)', () => {
    expect(vinPartProblem({ wmi: 'LQC', vds: 'D90P1', plantCode: 'N' })).toMatch(/WMI/);
    expect(vinPartProblem({ wmi: 'LKC', vds: 'D90', plantCode: 'N' })).toMatch(/VDS/);
    expect(vinPartProblem({ wmi: 'LKC', vds: 'D90P1', plantCode: 'O' })).toMatch(/plant/);
    expect(() =>
      composeVin({ wmi: 'LKC', vds: 'D90P1', modelYear: 2027, plantCode: 'N', serial: 0 }),
    ).toThrow();
    expect(() =>
      composeVin({ wmi: 'LKC', vds: 'D90P1', modelYear: 2027, plantCode: 'N', serial: 1_000_000 }),
    ).toThrow();
  });
});
