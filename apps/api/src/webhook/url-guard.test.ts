/** The SSRF guard's address rules, allow-list, URL form and lookup hook (pure; DNS is played). */
import type { LookupAddress } from 'node:dns';
import { loadConfig } from '../config';
import { MAX_RETRY_DELAY_MS, retryDelay, signatureHeader } from './dispatcher';
import { ipBytes, nonPublicRange, parseAllowEntry, WebhookAddressRefused, WebhookUrlGuard, type Resolver } from './url-guard';

describe('nonPublicRange', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.1.2.3', 'privat'],
    ['172.16.0.1', 'privat'],
    ['172.31.255.255', 'privat'],
    ['192.168.1.10', 'privat'],
    ['169.254.169.254', 'metadata'],
    ['100.64.0.1', 'CGNAT'],
    ['100.127.255.255', 'CGNAT'],
    ['0.0.0.0', 'jaringan ini'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['::1', 'loopback'],
    ['::', 'tidak ditentukan'],
    ['fc00::1', 'unique local'],
    ['fd12:3456:789a::1', 'unique local'],
    ['fe80::1', 'link-local'],
    ['febf:ffff::1', 'link-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'privat'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['64:ff9b::a9fe:a9fe', 'metadata'],
    ['2002:c0a8:0101::1', 'privat'],
    ['::127.0.0.1', 'IPv4-compatible'],
    ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'Teredo'],
  ])('%s is refused (%s)', (ip, label) => {
    expect(nonPublicRange(ip)).toContain(label);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '172.15.255.255', '100.128.0.1', '100.63.255.255', '192.169.0.1', '203.0.113.9', '2001:4860:4860::8888', '2606:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808', 'fbff::1', '2400::1'])(
    '%s is public',
    (ip) => {
      expect(nonPublicRange(ip)).toBeNull();
    },
  );

  it('parses IPv6 forms to the same bytes', () => {
    expect(Array.from(ipBytes('::ffff:127.0.0.1')!)).toEqual(Array.from(ipBytes('0:0:0:0:0:ffff:7f00:0001')!));
    expect(Array.from(ipBytes('[fe80::1%eth0]')!)).toEqual([0xfe, 0x80, ...Array(13).fill(0), 1]);
    expect(ipBytes('example.org')).toBeNull();
  });
});

describe('WEBHOOK_ALLOWED_HOSTS', () => {
  it('accepts host names, addresses and CIDRs, and stops the start on anything else', () => {
    expect(loadConfig({ WEBHOOK_ALLOWED_HOSTS: ' Intranet.Dinas.go.id , 10.20.0.0/16,127.0.0.1, fd00::/8 ' }).WEBHOOK_ALLOWED_HOSTS).toEqual([
      'intranet.dinas.go.id',
      '10.20.0.0/16',
      '127.0.0.1',
      'fd00::/8',
    ]);
    expect(loadConfig({}).WEBHOOK_ALLOWED_HOSTS).toEqual([]);
    expect(() => loadConfig({ WEBHOOK_ALLOWED_HOSTS: '10.0.0.0/33' })).toThrow(/WEBHOOK_ALLOWED_HOSTS/);
    expect(() => loadConfig({ WEBHOOK_ALLOWED_HOSTS: 'http://x.org' })).toThrow(/WEBHOOK_ALLOWED_HOSTS/);
    expect(parseAllowEntry('*.x.org')).toBeNull();
  });

  it('requires https in production unless WEBHOOK_ALLOW_HTTP', () => {
    expect(loadConfig({ NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://sipedaki.example.go.id' }).webhookAllowHttp).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://sipedaki.example.go.id', WEBHOOK_ALLOW_HTTP: 'true' }).webhookAllowHttp).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development' }).webhookAllowHttp).toBe(true);
  });
});

describe('WebhookUrlGuard', () => {
  const dns: Record<string, string[]> = {
    'public.example': ['203.0.113.7'],
    'intranet.dinas.go.id': ['10.20.1.5'],
    'mixed.example': ['203.0.113.8', '192.168.0.9'],
    'v6.example': ['2001:db8::1', 'fd00::1'],
    localhost: ['127.0.0.1', '::1'],
  };
  const resolve: Resolver = async (host) => {
    const list = dns[host];
    if (!list) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return list.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  const guard = (allowedHosts: string[] = [], allowHttp = false) => new WebhookUrlGuard({ allowHttp, allowedHosts }, resolve);
  const refused = (p: Promise<unknown>) => expect(p).rejects.toBeInstanceOf(WebhookAddressRefused);

  it('refuses other schemes, credentials, and http:// unless allowed', () => {
    expect((guard().parse('ftp://public.example/x') as { id: string }).id).toMatch(/https:\/\//);
    expect((guard().parse('file:///etc/passwd') as { id: string }).id).toMatch(/https:\/\//);
    expect((guard().parse('http://public.example/x') as { id: string }).id).toMatch(/http:\/\/ tidak diizinkan/);
    expect(guard([], true).parse('http://public.example/x')).toBeInstanceOf(URL);
    expect((guard().parse('https://u:p@public.example/x') as { id: string }).id).toMatch(/nama pengguna/);
    expect((guard().parse('https://u@public.example/x') as { id: string }).id).toMatch(/nama pengguna/);
    expect((guard().parse('not a url') as { id: string }).id).toMatch(/tidak valid/);
    expect((guard().parse('https://PUBLIC.example./hook') as URL).hostname).toBe('public.example.');
  });

  it('refuses a host when any of its addresses is not public; IP literals in any spelling', async () => {
    await expect(guard().resolveChecked('public.example')).resolves.toEqual([{ address: '203.0.113.7', family: 4 }]);
    await refused(guard().resolveChecked('intranet.dinas.go.id'));
    await refused(guard().resolveChecked('mixed.example'));
    await refused(guard().resolveChecked('v6.example'));
    await refused(guard().resolveChecked('localhost'));
    await refused(guard().resolveChecked('LOCALHOST.'));
    // WHATWG URL parsing turns the odd IPv4 spellings into dotted quads before the check.
    for (const u of ['https://0x7f.1/', 'https://2130706433/', 'https://017700000001/', 'https://[::ffff:127.0.0.1]/', 'https://[::]/', 'https://0.0.0.0/']) {
      await refused(guard().resolveChecked((guard().parse(u) as URL).hostname));
    }
    await expect(guard().resolveChecked('nowhere.example')).rejects.toMatchObject({ code: 'ENOTFOUND' });
  });

  it('allows what WEBHOOK_ALLOWED_HOSTS lists, and only that', async () => {
    await expect(guard(['intranet.dinas.go.id']).resolveChecked('intranet.dinas.go.id')).resolves.toHaveLength(1);
    await expect(guard(['10.20.0.0/16']).resolveChecked('intranet.dinas.go.id')).resolves.toHaveLength(1);
    await refused(guard(['10.21.0.0/16']).resolveChecked('intranet.dinas.go.id'));
    await refused(guard(['dinas.go.id']).resolveChecked('intranet.dinas.go.id'));
    await expect(guard(['127.0.0.1']).resolveChecked('127.0.0.1')).resolves.toHaveLength(1);
    // A mapped IPv6 spelling of an allowed IPv4 address is the same address.
    await expect(guard(['127.0.0.1']).resolveChecked('::ffff:127.0.0.1')).resolves.toHaveLength(1);
    // localhost also answers ::1, which 127.0.0.1 does not cover.
    await refused(guard(['127.0.0.1']).resolveChecked('localhost'));
    await expect(guard(['127.0.0.0/8', '::1']).resolveChecked('localhost')).resolves.toHaveLength(2);
    await refused(guard(['127.0.0.1']).resolveChecked('169.254.169.254'));
  });

  it('lookup hands the socket only checked addresses, in both callback forms', async () => {
    const lookup = (g: WebhookUrlGuard, host: string, options: { all?: boolean; family?: number }) =>
      new Promise<{ err: NodeJS.ErrnoException | null; address: string | LookupAddress[]; family?: number }>((r) =>
        g.lookup(host, options, (err, address, family) => r({ err, address, family })),
      );
    expect(await lookup(guard(), 'public.example', { all: true })).toEqual({ err: null, address: [{ address: '203.0.113.7', family: 4 }], family: undefined });
    expect(await lookup(guard(), 'public.example', {})).toEqual({ err: null, address: '203.0.113.7', family: 4 });
    expect((await lookup(guard(), 'localhost', { all: true })).err).toBeInstanceOf(WebhookAddressRefused);
    expect((await lookup(guard(['localhost']), 'localhost', { family: 6 })).address).toBe('::1');
  });
});

describe('retry delay and signature', () => {
  it.each([
    [1, 0, 800],
    [1, 0.5, 1000],
    [1, 0.999999, 1200],
    [2, 0, 1600],
    [3, 0.5, 4000],
    [4, 0.25, 8000 * 0.9],
  ])('attempt %i, random %f → %i ms (base 1000, ±20 %%)', (attempt, r, ms) => {
    expect(retryDelay(1000, attempt, () => r)).toBe(ms);
  });

  it('never waits longer than MAX_RETRY_DELAY_MS, however many attempts are configured', () => {
    expect(retryDelay(30_000, 20, () => 0.999999)).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelay(30_000, 1000, () => 0)).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelay(30_000, 5, () => 0.5)).toBe(480_000);
  });

  it('signs `${t}.${body}` (Stripe-style header)', () => {
    // Fixed vector (also in docs/api.md): a receiver in any language can check itself against it.
    expect(signatureHeader('whsec_test', '{"a":1}', 1764000000)).toBe('t=1764000000,v1=c862972147a4361237a5bcb4f74195e2e5d448641115622fe658a65985c5ae8c');
    expect(signatureHeader('whsec_test', '{"a":1}', 1764000000)).not.toBe(signatureHeader('whsec_test', '{"a":1}', 1764000001));
  });
});
