import { describe, expect, it } from 'vitest';
import { normalizeEmail, normalizePhone, parseLogin } from './normalize-login.ts';

describe('login normalisation', () => {
  it('lower-cases and trims e-mail addresses', () => {
    expect(normalizeEmail('  Li.Na@Example.COM ')).toBe('li.na@example.com');
    expect(normalizeEmail('not-an-email')).toBeUndefined();
    expect(normalizeEmail('a@b')).toBeUndefined();
  });

  it('writes phone numbers in E.164, mainland mobiles without +86 too', () => {
    expect(normalizePhone('138 0013 8000')).toBe('+8613800138000');
    expect(normalizePhone('+86 138-0013-8000')).toBe('+8613800138000');
    expect(normalizePhone('008613800138000')).toBe('+8613800138000');
    expect(normalizePhone('+44 20 7946 0958')).toBe('+442079460958');
    expect(normalizePhone('12345')).toBeUndefined();
    expect(normalizePhone('+86 12345678')).toBeUndefined();
  });

  it('tells e-mail from phone logins', () => {
    expect(parseLogin('Customer@Example.com')).toEqual({ kind: 'email', value: 'customer@example.com' });
    expect(parseLogin('13800138000')).toEqual({ kind: 'phone', value: '+8613800138000' });
    expect(parseLogin('nobody')).toBeUndefined();
  });
});
