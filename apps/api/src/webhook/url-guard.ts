/**
 * The SSRF guard of outgoing webhooks. A webhook URL is typed by an office administrator, and the
 * server POSTs to it: without a guard that is a way to make a government server send requests
 * into its own network (databases, admin panels, the cloud metadata service). The guard refuses
 * addresses that are not on the public internet unless the server's operator allows them
 * (WEBHOOK_ALLOWED_HOSTS, how an office allows its own intranet receiver).
 *
 * It runs at registration and again at every delivery: DNS can change after registration, so the
 * dispatcher hands `lookup` to the HTTP client and the check happens on the very addresses the
 * socket connects to (no gap between checking and connecting, i.e. no DNS-rebinding window).
 */
import type { Bilingual } from '../common/errors';
import dns from 'node:dns';
import net from 'node:net';

export interface ResolvedAddress {
  address: string;
  family: number;
}
/** Host name → every address it resolves to. Injectable so tests can play DNS. */
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = (host) => dns.promises.lookup(host, { all: true, verbatim: true });

export interface WebhookUrlPolicy {
  /** Accept http:// (otherwise https:// only). */
  allowHttp: boolean;
  /** Host names (exact), IP addresses and CIDRs allowed even though they are not public. */
  allowedHosts: readonly string[];
}

/** The address a URL resolved to is not public and not allowed: nothing may be sent to it. */
export class WebhookAddressRefused extends Error {
  readonly code = 'WEBHOOK_URL_NOT_ALLOWED';
  constructor(
    readonly host: string,
    readonly address: string,
    /** Which range refused it (for the server log, not for the client). */
    readonly range: string,
  ) {
    super(`alamat penerima ${host} mengarah ke jaringan internal`);
    this.name = 'WebhookAddressRefused';
  }
}

// ---------------------------------------------------------------------------------------------
// Addresses as bytes, CIDR matching

interface Cidr {
  bytes: Uint8Array;
  prefix: number;
}

function ipv4Bytes(ip: string): Uint8Array {
  return Uint8Array.from(ip.split('.').map(Number));
}

function ipv6Bytes(ip: string): Uint8Array {
  let s = ip;
  let v4: Uint8Array | null = null;
  const last = s.lastIndexOf(':');
  if (s.slice(last + 1).includes('.')) {
    v4 = ipv4Bytes(s.slice(last + 1));
    s = `${s.slice(0, last + 1)}0:0`;
  }
  const [head, tail] = s.includes('::') ? s.split('::') : [s, undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  const out = new Uint8Array(16);
  groups.forEach((g, i) => {
    const v = parseInt(g, 16);
    out[2 * i] = v >> 8;
    out[2 * i + 1] = v & 0xff;
  });
  if (v4) out.set(v4, 12);
  return out;
}

/** 4 bytes (IPv4) or 16 (IPv6), or null when `ip` is not an IP address. A zone id is dropped. */
export function ipBytes(ip: string): Uint8Array | null {
  const bare = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = net.isIP(bare);
  return family === 4 ? ipv4Bytes(bare) : family === 6 ? ipv6Bytes(bare) : null;
}

function parseCidr(s: string): Cidr | null {
  const [addr, bits, ...rest] = s.split('/');
  if (rest.length) return null;
  const bytes = ipBytes(addr ?? '');
  if (!bytes) return null;
  const max = bytes.length * 8;
  const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : NaN;
  return prefix >= 0 && prefix <= max ? { bytes, prefix } : null;
}

function inCidr(bytes: Uint8Array, c: Cidr): boolean {
  if (bytes.length !== c.bytes.length) return false;
  for (let bit = 0; bit < c.prefix; bit += 8) {
    const n = Math.min(8, c.prefix - bit);
    const mask = (0xff << (8 - n)) & 0xff;
    if ((bytes[bit / 8]! & mask) !== (c.bytes[bit / 8]! & mask)) return false;
  }
  return true;
}

/** A range written in this file: a typo is a programming error, found when the module loads. */
function knownCidr(s: string): Cidr {
  const c = parseCidr(s);
  if (!c) throw new Error(`url-guard: not a CIDR: ${s}`);
  return c;
}

const ranges = (list: [string, string][]) => list.map(([cidr, label]) => ({ ...knownCidr(cidr), label }));

/** Not the public internet (IANA special-purpose registries); the label goes to the log. */
const DENIED_V4 = ranges([
  ['0.0.0.0/8', '0.0.0.0/8 (jaringan ini)'],
  ['10.0.0.0/8', '10.0.0.0/8 (privat)'],
  ['100.64.0.0/10', '100.64.0.0/10 (CGNAT)'],
  ['127.0.0.0/8', '127.0.0.0/8 (loopback)'],
  ['169.254.0.0/16', '169.254.0.0/16 (link-local, metadata cloud)'],
  ['172.16.0.0/12', '172.16.0.0/12 (privat)'],
  ['192.0.0.0/24', '192.0.0.0/24 (protokol IETF)'],
  ['192.168.0.0/16', '192.168.0.0/16 (privat)'],
  ['198.18.0.0/15', '198.18.0.0/15 (benchmark)'],
  ['224.0.0.0/4', '224.0.0.0/4 (multicast)'],
  ['240.0.0.0/4', '240.0.0.0/4 (cadangan, broadcast)'],
]);
const DENIED_V6 = ranges([
  ['::/128', ':: (tidak ditentukan)'],
  ['::1/128', '::1 (loopback)'],
  ['::/96', '::/96 (IPv4-compatible, usang)'],
  ['64:ff9b:1::/48', '64:ff9b:1::/48 (NAT64 lokal)'],
  ['100::/64', '100::/64 (discard)'],
  // Teredo tunnels to an IPv4 address hidden (bit-inverted) in the low bits; no receiver needs it.
  ['2001::/32', '2001::/32 (Teredo)'],
  ['fc00::/7', 'fc00::/7 (unique local)'],
  ['fe80::/10', 'fe80::/10 (link-local)'],
  ['fec0::/10', 'fec0::/10 (site-local, usang)'],
  ['ff00::/8', 'ff00::/8 (multicast)'],
]);
/** IPv6 forms that carry an IPv4 address a packet ends up at: judged by that IPv4 address. */
const EMBEDDING_V4 = [
  { ...knownCidr('::ffff:0:0/96'), at: 12 }, // IPv4-mapped
  { ...knownCidr('64:ff9b::/96'), at: 12 }, // NAT64 well-known prefix
  { ...knownCidr('2002::/16'), at: 2 }, // 6to4
];

/** The IPv4 address inside an IPv4-mapped, NAT64 or 6to4 IPv6 address, if any. */
function embeddedV4(bytes: Uint8Array): Uint8Array | null {
  if (bytes.length !== 16) return null;
  const e = EMBEDDING_V4.find((c) => inCidr(bytes, c));
  return e ? bytes.slice(e.at, e.at + 4) : null;
}

/** Why `ip` is not a public address (its range), or null when it is public. */
export function nonPublicRange(ip: string): string | null {
  const bytes = ipBytes(ip);
  if (!bytes) return 'bukan alamat IP';
  const inner = embeddedV4(bytes);
  for (const b of inner ? [bytes, inner] : [bytes]) {
    const hit = (b.length === 4 ? DENIED_V4 : DENIED_V6).find((c) => inCidr(b, c));
    if (hit) return inner && b === inner ? `${hit.label} dalam ${ip}` : hit.label;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The allow-list and the guard

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?)*$/;

/** URL host → the form compared with the allow-list: lower case, no brackets, no trailing dot. */
export const normalizeHost = (host: string) => host.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');

/**
 * One WEBHOOK_ALLOWED_HOSTS entry: an IP address or CIDR (allows the addresses in it), or a host
 * name (allows that exact name whatever it resolves to). Null when it is neither.
 */
export function parseAllowEntry(entry: string): { cidr: Cidr } | { host: string } | null {
  const e = entry.trim().toLowerCase();
  if (e.includes('/') || net.isIP(e.replace(/^\[|\]$/g, ''))) {
    const cidr = parseCidr(e.replace(/^\[|\](?=\/|$)/g, ''));
    return cidr ? { cidr } : null;
  }
  const host = normalizeHost(e);
  return HOST_NAME.test(host) ? { host } : null;
}

export class WebhookUrlGuard {
  private readonly hosts = new Set<string>();
  private readonly cidrs: Cidr[] = [];

  constructor(
    private readonly policy: WebhookUrlPolicy,
    private readonly resolve: Resolver = systemResolver,
  ) {
    for (const raw of policy.allowedHosts) {
      const e = parseAllowEntry(raw);
      if (!e) throw new Error(`WEBHOOK_ALLOWED_HOSTS: not a host name, IP address or CIDR: ${raw}`);
      if ('host' in e) this.hosts.add(e.host);
      else this.cidrs.push(e.cidr);
    }
  }

  /** The URL if its form is acceptable (scheme, no credentials), otherwise why not (both languages). */
  parse(raw: string): URL | Bilingual {
    let url: URL;
    try {
      url = new URL(raw.trim());
    } catch {
      return { id: 'Alamat URL tidak valid', en: 'Not a valid URL' };
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && this.policy.allowHttp)) {
      if (url.protocol === 'http:') return { id: 'Alamat URL harus https:// (http:// tidak diizinkan di server ini)', en: 'The URL must be https:// (http:// is not allowed on this server)' };
      return this.policy.allowHttp
        ? { id: 'Alamat URL harus http:// atau https://', en: 'The URL must be http:// or https://' }
        : { id: 'Alamat URL harus https://', en: 'The URL must be https://' };
    }
    if (url.username || url.password) return { id: 'Alamat URL tidak boleh memuat nama pengguna/sandi', en: 'The URL must not hold a user name or password' };
    return url;
  }

  /** Why this address may not be contacted (its range), or null when it may. */
  refusal(address: string): string | null {
    const bytes = ipBytes(address);
    if (!bytes) return 'bukan alamat IP';
    const inner = embeddedV4(bytes);
    if (this.cidrs.some((c) => inCidr(bytes, c) || (inner !== null && inCidr(inner, c)))) return null;
    return nonPublicRange(address);
  }

  /**
   * Every address of `host` (an IP literal is its own address), or WebhookAddressRefused when any
   * of them is not allowed: one private answer among public ones is still refused.
   */
  async resolveChecked(rawHost: string): Promise<ResolvedAddress[]> {
    const host = normalizeHost(rawHost);
    const family = net.isIP(host);
    const addresses = family ? [{ address: host, family }] : await this.resolve(host);
    if (!addresses.length) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    if (this.hosts.has(host)) return addresses;
    for (const a of addresses) {
      const range = this.refusal(a.address);
      if (range) throw new WebhookAddressRefused(host, a.address, range);
    }
    return addresses;
  }

  /**
   * `lookup` for node:http(s)/net: the socket connects only to addresses that passed the check.
   * (An IP-literal host never reaches a lookup: check it with resolveChecked before connecting.)
   */
  readonly lookup: net.LookupFunction = (hostname, options, callback) => {
    this.resolveChecked(hostname).then(
      (all) => {
        const want = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : Number(options.family ?? 0);
        const usable = want ? all.filter((a) => a.family === want) : all;
        const [first] = usable;
        if (!first) {
          callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
        } else if (options.all) {
          callback(null, usable.map((a) => ({ address: a.address, family: a.family })));
        } else {
          callback(null, first.address, first.family);
        }
      },
      (err: NodeJS.ErrnoException) => callback(err, '', 0),
    );
  };
}
