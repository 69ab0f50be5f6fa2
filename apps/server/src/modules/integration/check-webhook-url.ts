import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * SSRF care for webhook URLs. Always: http or https only, no user:password in the URL, at most
 * 2048 characters. Unless private networks are allowed (the default outside production; in
 * production only with WEBHOOK_ALLOW_PRIVATE_NETWORKS=true): no loopback, private, link-local
 * (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast or reserved address, and no
 * `localhost`. The URL is checked when registered and every host name is resolved and checked
 * again before each delivery (a name can change what it points to); redirects are never
 * followed. A name that resolves differently between the check and the connection (DNS
 * rebinding) is not covered: that needs the connection itself pinned to the checked address.
 */
export type UrlCheck = { ok: true; url: URL } | { ok: false; reason: UrlProblem };
export type UrlProblem = 'invalid' | 'scheme' | 'credentials' | 'private_address' | 'unresolvable';

export const MAX_URL_LENGTH = 2048;

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

/** True for addresses that are not on the public internet. */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 4) return blocked.check(bare, 'ipv4');
  if (family === 6) {
    // IPv4-mapped (::ffff:10.0.0.1) and IPv4-compatible forms reach the IPv4 address.
    const mapped = /^::(ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
    if (mapped?.[2]) return blocked.check(mapped[2], 'ipv4');
    const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(bare);
    if (hexMapped?.[1] && hexMapped[2]) {
      const hi = Number.parseInt(hexMapped[1], 16);
      const lo = Number.parseInt(hexMapped[2], 16);
      return blocked.check(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`, 'ipv4');
    }
    return blocked.check(bare, 'ipv6');
  }
  return false;
}

/** The checks that need no network: for registration and before each delivery. */
export function checkWebhookUrl(raw: string, options: { allowPrivate: boolean }): UrlCheck {
  if (raw.length > MAX_URL_LENGTH) return { ok: false, reason: 'invalid' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'scheme' };
  if (url.username || url.password) return { ok: false, reason: 'credentials' };
  if (!url.hostname) return { ok: false, reason: 'invalid' };
  if (!options.allowPrivate) {
    const host = url.hostname.toLowerCase().replace(/\.$/, '');
    if (host === 'localhost' || host.endsWith('.localhost')) return { ok: false, reason: 'private_address' };
    if (isPrivateAddress(host)) return { ok: false, reason: 'private_address' };
  }
  return { ok: true, url };
}

export type Resolver = (host: string) => Promise<string[]>;

const systemResolver: Resolver = async (host) => (await lookup(host, { all: true })).map((a) => a.address);

/** checkWebhookUrl, then (private networks not allowed) every address the host resolves to. */
export async function checkWebhookTarget(
  raw: string,
  options: { allowPrivate: boolean; resolve?: Resolver },
): Promise<UrlCheck> {
  const checked = checkWebhookUrl(raw, options);
  if (!checked.ok || options.allowPrivate) return checked;
  const host = checked.url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return checked;
  let addresses: string[];
  try {
    addresses = await (options.resolve ?? systemResolver)(host);
  } catch {
    return { ok: false, reason: 'unresolvable' };
  }
  if (addresses.length === 0) return { ok: false, reason: 'unresolvable' };
  if (addresses.some(isPrivateAddress)) return { ok: false, reason: 'private_address' };
  return checked;
}
