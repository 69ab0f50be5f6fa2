import { describe, expect, it } from 'vitest';
import {
  checkoutPath,
  codeFromInput,
  compareCodes,
  comparePath,
  configurePath,
  sharePath,
  shareUrl,
  specPath,
} from './share-link.ts';

describe('share links', () => {
  it('builds the paths of a configuration', () => {
    expect(sharePath('A1B2C3D4')).toBe('/c/A1B2C3D4');
    expect(specPath('A1B2C3D4')).toBe('/c/A1B2C3D4/spec');
    expect(checkoutPath('A1B2 C3')).toBe('/checkout/A1B2%20C3');
    expect(shareUrl('https://shop.example/', 'A1B2C3D4')).toBe('https://shop.example/c/A1B2C3D4');
    expect(configurePath('qc-d90-pro')).toBe('/configure/qc-d90-pro');
    expect(configurePath('qc-d90-pro', 'A1B')).toBe('/configure/qc-d90-pro?code=A1B');
  });

  it('round-trips compare links', () => {
    const path = comparePath('AAA', 'BBB');
    expect(path).toBe('/compare?a=AAA&b=BBB');
    expect(compareCodes(path.slice('/compare'.length))).toEqual({ a: 'AAA', b: 'BBB' });
    expect(compareCodes('?a=%20&b=X')).toEqual({ a: undefined, b: 'X' });
  });

  it('reads a code from a pasted link or code', () => {
    expect(codeFromInput(' https://shop.example/c/A1B2C3?x=1 ')).toBe('A1B2C3');
    expect(codeFromInput('/configure/x?code=ZZ9')).toBe('ZZ9');
    expect(codeFromInput('a1b2-c3')).toBe('a1b2-c3');
    expect(codeFromInput('')).toBeUndefined();
    expect(codeFromInput('<script>')).toBeUndefined();
  });
});
