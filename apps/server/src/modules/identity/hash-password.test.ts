import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCRYPT,
  hashPassword,
  needsRehash,
  parsePasswordHash,
  verifyPassword,
} from './hash-password.ts';

const fast = { logN: 10, r: 8, p: 1 };

describe('password hashing', () => {
  it('stores scrypt with its parameters and a random salt', async () => {
    const a = await hashPassword('demo1234', fast);
    const b = await hashPassword('demo1234', fast);
    expect(a).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(a).not.toBe(b);
    expect(parsePasswordHash(a)?.key.length).toBe(32);
  });

  it('verifies the right password only', async () => {
    const stored = await hashPassword('correct horse', fast);
    expect(await verifyPassword('correct horse', stored)).toBe(true);
    expect(await verifyPassword('correct horsf', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('uses N = 2^15, r = 8, p = 1 by default', async () => {
    expect(DEFAULT_SCRYPT).toEqual({ logN: 15, r: 8, p: 1 });
    const stored = await hashPassword('密码密码1234');
    expect(stored.startsWith('$scrypt$ln=15,r=8,p=1$')).toBe(true);
    expect(await verifyPassword('密码密码1234', stored)).toBe(true);
  });

  it('never verifies a malformed stored hash', async () => {
    for (const stored of [
      '',
      'plain',
      '$scrypt$ln=99,r=8,p=1$AAAA$BBBB',
      '$argon2id$v=19$m=1,t=1,p=1$AAAA$BBBB',
    ]) {
      expect(await verifyPassword('x', stored)).toBe(false);
    }
  });

  it('asks for a rehash when the stored parameters are weaker than the defaults', async () => {
    expect(needsRehash(await hashPassword('x', fast))).toBe(true);
    expect(needsRehash('$scrypt$ln=15,r=8,p=1$AAAA$BBBB')).toBe(false);
    expect(needsRehash('garbage')).toBe(true);
  });
});
