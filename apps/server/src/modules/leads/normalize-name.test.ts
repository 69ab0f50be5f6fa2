import { describe, expect, it } from 'vitest';
import { normalizeName } from './upsert-lead.ts';

describe('lead names', () => {
  it('keeps names in any script, tidied', () => {
    expect(normalizeName('  王   小明 ')).toBe('王 小明');
    expect(normalizeName('Li Wei')).toBe('Li Wei');
    expect(normalizeName('阿卜杜·热合曼')).toBe('阿卜杜·热合曼');
    expect(normalizeName("O'Brien-Zhang")).toBe("O'Brien-Zhang");
    // decomposed é becomes the composed one
    expect(normalizeName('Jose\u0301')).toBe('José');
  });

  it('refuses empty, overlong and markup-like names', () => {
    expect(normalizeName('   ')).toBeUndefined();
    expect(normalizeName('王'.repeat(101))).toBeUndefined();
    expect(normalizeName('王'.repeat(100))).toBe('王'.repeat(100));
    expect(normalizeName('<script>')).toBeUndefined();
    expect(normalizeName('a\u0000b')).toBeUndefined();
  });
});
