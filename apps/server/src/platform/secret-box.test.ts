import { describe, expect, it } from 'vitest';
import { createSecretBox } from './secret-box.ts';

const SECRET = 'x'.repeat(64);

describe('secret box', () => {
  it('opens what it sealed, for the same record only', () => {
    const box = createSecretBox(SECRET, 'test');
    const sealed = box.seal('c2bs_hello', 'key_1');
    expect(sealed).not.toContain('hello');
    expect(box.open(sealed, 'key_1')).toBe('c2bs_hello');
    expect(box.open(sealed, 'key_2')).toBeUndefined();
  });

  it('seals the same text differently each time (random nonce)', () => {
    const box = createSecretBox(SECRET, 'test');
    expect(box.seal('a', 'k')).not.toBe(box.seal('a', 'k'));
  });

  it('cannot open with another server secret or purpose, or a tampered value', () => {
    const sealed = createSecretBox(SECRET, 'test').seal('secret', 'k');
    expect(createSecretBox('y'.repeat(64), 'test').open(sealed, 'k')).toBeUndefined();
    expect(createSecretBox(SECRET, 'other').open(sealed, 'k')).toBeUndefined();
    const [v, iv, body = ''] = sealed.split('.');
    const flipped = `${body.slice(0, 2)}${body[2] === 'A' ? 'B' : 'A'}${body.slice(3)}`;
    expect(createSecretBox(SECRET, 'test').open(`${v}.${iv}.${flipped}`, 'k')).toBeUndefined();
    expect(createSecretBox(SECRET, 'test').open('garbage', 'k')).toBeUndefined();
  });
});
