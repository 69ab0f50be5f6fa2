import { createHash, randomBytes } from 'node:crypto';

/**
 * Session tokens and API keys: 32 random bytes (256 bits), base64url. Only `hashSecret` of them
 * is stored: plain sha256 is enough for secrets this long, and it lets a presented token be
 * looked up by its hash in one indexed query.
 */
export function generateSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** API keys carry a recognisable prefix so secret scanners and people can tell what they are. */
export const API_KEY_PREFIX = 'c2bk_';
