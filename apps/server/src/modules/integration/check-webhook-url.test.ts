import { describe, expect, it } from 'vitest';
import { checkWebhookTarget, checkWebhookUrl, isPrivateAddress } from './check-webhook-url.ts';

const strict = { allowPrivate: false };
const open = { allowPrivate: true };
const reason = (r: ReturnType<typeof checkWebhookUrl>) => (r.ok ? 'ok' : r.reason);

describe('webhook URL checks', () => {
  it('accepts http(s) only, without credentials, whatever the network policy', () => {
    expect(reason(checkWebhookUrl('https://erp.example.com/hooks/c2b', strict))).toBe('ok');
    expect(reason(checkWebhookUrl('http://erp.example.com:8080/in', strict))).toBe('ok');
    for (const policy of [strict, open]) {
      expect(reason(checkWebhookUrl('ftp://erp.example.com/x', policy))).toBe('scheme');
      expect(reason(checkWebhookUrl('file:///etc/passwd', policy))).toBe('scheme');
      expect(reason(checkWebhookUrl('javascript:alert(1)', policy))).toBe('scheme');
      expect(reason(checkWebhookUrl('gopher://127.0.0.1:6379/_x', policy))).toBe('scheme');
      expect(reason(checkWebhookUrl('https://user:pw@erp.example.com/', policy))).toBe('credentials');
      expect(reason(checkWebhookUrl('not a url', policy))).toBe('invalid');
      expect(reason(checkWebhookUrl(`https://erp.example.com/${'x'.repeat(2100)}`, policy))).toBe('invalid');
    }
  });

  it('refuses loopback, private, link-local, metadata and localhost unless private networks are allowed', () => {
    for (const url of [
      'http://127.0.0.1:3000/',
      'http://10.1.2.3/',
      'http://172.20.0.5/',
      'http://192.168.1.10/',
      'http://169.254.169.254/latest/meta-data/',
      'http://100.64.0.1/',
      'http://0.0.0.0/',
      'http://[::1]/',
      'http://[fd00::1]/',
      'http://[fe80::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://[::ffff:a9fe:a9fe]/',
      'http://localhost:8080/',
      'http://api.localhost/',
      'http://LOCALHOST./',
    ]) {
      expect(reason(checkWebhookUrl(url, strict)), url).toBe('private_address');
      expect(reason(checkWebhookUrl(url, open)), url).toBe('ok');
    }
    expect(reason(checkWebhookUrl('http://8.8.8.8/', strict))).toBe('ok');
    expect(reason(checkWebhookUrl('http://[2606:4700::1111]/', strict))).toBe('ok');
  });

  it('classifies addresses', () => {
    expect(isPrivateAddress('172.15.255.255')).toBe(false);
    expect(isPrivateAddress('172.16.0.0')).toBe(true);
    expect(isPrivateAddress('172.31.255.255')).toBe(true);
    expect(isPrivateAddress('172.32.0.0')).toBe(false);
    expect(isPrivateAddress('::ffff:8.8.8.8')).toBe(false);
    expect(isPrivateAddress('example.com')).toBe(false);
  });

  it('checks every address a name resolves to before sending', async () => {
    const resolver = (answers: Record<string, string[]>) => async (host: string) => {
      const found = answers[host];
      if (!found) throw new Error('ENOTFOUND');
      return found;
    };
    const resolve = resolver({
      'erp.example.com': ['93.184.215.14'],
      'sneaky.example.com': ['93.184.215.14', '10.0.0.7'],
      'empty.example.com': [],
    });
    const target = (url: string, allowPrivate = false) => checkWebhookTarget(url, { allowPrivate, resolve });
    expect(reason(await target('https://erp.example.com/in'))).toBe('ok');
    expect(reason(await target('https://sneaky.example.com/in'))).toBe('private_address');
    expect(reason(await target('https://sneaky.example.com/in', true))).toBe('ok');
    expect(reason(await target('https://missing.example.com/in'))).toBe('unresolvable');
    expect(reason(await target('https://empty.example.com/in'))).toBe('unresolvable');
    expect(reason(await target('https://8.8.8.8/in'))).toBe('ok');
  });
});
