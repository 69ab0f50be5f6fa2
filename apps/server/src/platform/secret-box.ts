import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Secrets the server must be able to read again (e.g. a partner key's HMAC signing secret: the
 * signature is recomputed on every request, so a one-way hash is of no use), sealed at rest
 * with AES-256-GCM. The key is derived (HKDF-SHA256) from the server secret in config and a
 * purpose, so it is never stored in the database: a copy of the database alone does not reveal
 * the secrets. The additional data binds a sealed value to its record (e.g. the key id), so it
 * cannot be moved to another row. Changing the server secret makes sealed values unreadable
 * (`open` returns undefined): the records must then be issued again.
 */
export type SecretBox = {
  seal(plaintext: string, boundTo: string): string;
  /** The plaintext, or undefined when the value was sealed with another key or tampered with. */
  open(sealed: string, boundTo: string): string | undefined;
};

const VERSION = 'v1';

export function createSecretBox(serverSecret: string, purpose: string): SecretBox {
  const key = Buffer.from(hkdfSync('sha256', serverSecret, 'openc2b-secret-box', purpose, 32));
  return {
    seal(plaintext, boundTo) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(boundTo, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${VERSION}.${iv.toString('base64url')}.${body.toString('base64url')}`;
    },
    open(sealed, boundTo) {
      const [version, ivText, bodyText] = sealed.split('.');
      if (version !== VERSION || !ivText || !bodyText) return undefined;
      const iv = Buffer.from(ivText, 'base64url');
      const body = Buffer.from(bodyText, 'base64url');
      if (iv.length !== 12 || body.length < 16) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv);
        decipher.setAAD(Buffer.from(boundTo, 'utf8'));
        decipher.setAuthTag(body.subarray(body.length - 16));
        return Buffer.concat([
          decipher.update(body.subarray(0, body.length - 16)),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        return undefined;
      }
    },
  };
}
