import { BlockList, isIP } from 'node:net';
import { UserInputError } from '../errors';
import type { HubMode } from '../hub-mode';

/**
 * Where a webhook may not point in production: loopback, private, link-local (cloud metadata at
 * 169.254.169.254), carrier-grade NAT, multicast and reserved ranges. A webhook is a request the
 * hub makes on a partner's behalf; without this it would reach the hub's own network (SSRF).
 */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
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
  PRIVATE.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
  ['64:ff9b::', 96],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv6');
}

/** True for an address a production webhook must not reach (IPv4-mapped IPv6 addresses included). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1]!, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const MAX_URL_LENGTH = 2000;

/**
 * A webhook endpoint's URL, checked: https in production, to a public host (no IP literal of a
 * private range, no localhost, no credentials in the URL); in development also http://localhost,
 * so a developer can receive on their machine. Hostnames are checked again, resolved, when each
 * delivery is made (a name may resolve to a private address).
 */
export function webhookUrl(value: string, mode: HubMode, field = 'url'): string {
  const text = value.trim();
  if (!text) throw new UserInputError(`${field} must not be empty`, field);
  if (text.length > MAX_URL_LENGTH) throw new UserInputError(`${field} must be at most ${MAX_URL_LENGTH} characters (got ${text.length})`, field);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UserInputError(`${field} must be an absolute https:// URL (got ${JSON.stringify(text)})`, field);
  }
  if (url.username || url.password) throw new UserInputError(`${field} must not carry credentials: the hub signs every delivery instead`, field);
  if (url.hash) throw new UserInputError(`${field} must not have a #fragment`, field);
  const local = LOCAL_HOSTS.has(url.hostname.toLowerCase());
  if (mode === 'production') {
    if (url.protocol !== 'https:') throw new UserInputError(`${field} must be an https:// URL`, field);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (local || host.toLowerCase().endsWith('.localhost') || (isIP(host) !== 0 && isPrivateAddress(host))) {
      throw new UserInputError(`${field} must point to a public host: loopback, private and link-local addresses are refused`, field);
    }
  } else if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new UserInputError(`${field} must be an https:// URL (http:// only for localhost in development)`, field);
  }
  return url.toString();
}
