/**
 * Logins are an e-mail address or a mobile number. They are stored normalised (e-mail
 * lower-cased, phone in E.164) so `Li@Example.com` and `li@example.com`, or `138 0013 8000` and
 * `+86 13800138000`, are the same account.
 */
export type Login = { kind: 'email'; value: string } | { kind: 'phone'; value: string };

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,}$/;

export function normalizeEmail(input: string): string | undefined {
  const value = input.trim().toLowerCase();
  return EMAIL.test(value) && value.length <= 254 ? value : undefined;
}

/** Mainland mobile numbers may be written without +86; other numbers need their country code. */
export function normalizePhone(input: string): string | undefined {
  const compact = input.trim().replace(/[\s\-().]/g, '');
  if (/^1[3-9]\d{9}$/.test(compact)) return `+86${compact}`;
  const intl = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  if (!/^\+[1-9]\d{6,14}$/.test(intl)) return undefined;
  if (intl.startsWith('+86') && !/^\+861[3-9]\d{9}$/.test(intl)) return undefined;
  return intl;
}

export function parseLogin(input: string): Login | undefined {
  if (input.includes('@')) {
    const value = normalizeEmail(input);
    return value ? { kind: 'email', value } : undefined;
  }
  const value = normalizePhone(input);
  return value ? { kind: 'phone', value } : undefined;
}
