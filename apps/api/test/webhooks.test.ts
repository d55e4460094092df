/**
 * Outgoing webhooks (report.final) over the real HTTP API on a real PostgreSQL, against receivers
 * on loopback: timestamped signatures, retries with jittered backoff, the SSRF guard at
 * registration and at every delivery, no redirects, a capped response read, and the receiver of
 * examples/ run as it ships.
 *
 * The receivers listen on 127.0.0.1, which the guard refuses like any loopback address: this file
 * allows exactly that address (WEBHOOK_ALLOWED_HOSTS), as an office allows its intranet receiver.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebhookDispatcher, signatureHeader } from '../src/webhook/dispatcher';
import type { Resolver } from '../src/webhook/url-guard';
import { WebhookService } from '../src/webhook/webhook.service';
import { acknowledge, requestAt, setupOffice, type FlowOffice } from './flow';
import { errorCode, startTestApp, type TestApp } from './harness';
import { until } from './wait';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ WEBHOOK_RETRY_BASE_MS: '20', WEBHOOK_TIMEOUT_MS: '2000', WEBHOOK_MAX_ATTEMPTS: '4', WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' });
});
afterAll(() => t.close());

interface Hit { path: string; headers: http.IncomingHttpHeaders; body: string }
const hits: Hit[] = [];
const hitsOn = (p: string) => hits.filter((h) => h.path === p);
let flakyFailures = 0;
let receiver: http.Server;
let base: string;
let port: number;
beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const p = req.url ?? '';
      hits.push({ path: p, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (p === '/flaky' && flakyFailures < 2) {
        flakyFailures++;
        res.writeHead(500).end('not yet');
      } else if (p.startsWith('/fail')) {
        res.writeHead(500).end('no');
      } else if (p.startsWith('/redirect')) {
        res.writeHead(302, { location: `${base}/redirected` }).end();
      } else if (p.startsWith('/endless')) {
        // 200, then a body that never ends: the dispatcher must stop reading, not wait it out.
        res.writeHead(200, { 'content-type': 'text/plain' });
        const chunk = Buffer.alloc(16 * 1024, 'x');
        const pump = () => {
          while (!res.destroyed && res.write(chunk));
          if (!res.destroyed) res.once('drain', pump);
        };
        pump();
      } else {
        res.writeHead(204).end();
      }
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  port = (receiver.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(() => {
  receiver.closeAllConnections();
  return new Promise((r) => receiver.close(r));
});

const REGISTER = 'mutation($i: RegisterWebhookInput!) { registerWebhookEndpoint(input: $i) { secret endpoint { id url active } } }';
async function register(o: FlowOffice, path: string) {
  const r = await t.gql(REGISTER, { i: { url: `${base}${path}` } }, o.tok.admin);
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data.registerWebhookEndpoint as { secret: string; endpoint: { id: string } };
}

/** A first attempt written as enqueueReportFinal writes it, without running a whole SOP. */
async function enqueue(endpointId: string) {
  const eventId = crypto.randomUUID();
  return t.db.webhookDelivery.create({
    data: { endpointId, eventId, event: 'report.final', payload: { id: eventId, event: 'report.final', note: 'uji' }, attempt: 1, nextAttemptAt: new Date() },
  });
}

/** A dispatcher over the same database with other settings, randomness or DNS. */
function dispatcher(over: Partial<TestApp['config']> = {}, opts: ConstructorParameters<typeof WebhookDispatcher>[2] = {}) {
  return new WebhookDispatcher(t.db, { ...t.config, ...over }, opts);
}

const DOCS = fs.readFileSync(path.resolve(__dirname, '../../../docs/api.md'), 'utf8');
const EXAMPLE = path.resolve(__dirname, '../../../examples/webhook-receiver.mjs');

type Verify = (secret: string, rawBody: string | Buffer, header: string | undefined, o?: { toleranceSeconds?: number; nowMs?: number }) => boolean;
/**
 * The receiver's check exactly as docs/api.md shows it: the documented code block itself is run
 * (t and v1 from the header, HMAC-SHA256 of `${t}.${rawBody}`, constant-time compare, refused when
 * |now − t| > 5 minutes).
 */
const documentedVerify: Verify = (() => {
  const block = /```js\n(import crypto from 'node:crypto';\n[\s\S]*?export function verifySipedakiSignature[\s\S]*?)```/.exec(DOCS)?.[1];
  if (!block) throw new Error('docs/api.md: the verifySipedakiSignature block is missing');
  const code = block.replace(/^import .*$/m, '').replace('export function', 'function');
  return new Function('crypto', `${code}\nreturn verifySipedakiSignature;`)(crypto) as Verify;
})();
const verify = (secret: string, rawBody: string, header: string | undefined, nowMs = Date.now()) => documentedVerify(secret, rawBody, header, { nowMs });

describe('delivery and signature', () => {
  it('posts a report.final event signed over `${t}.${body}`; a tampered body, a stale or moved timestamp, another secret fail', async () => {
    const o = await setupOffice(t);
    const { secret, endpoint } = await register(o, `/ok-${o.office.id}`);
    expect(secret).toMatch(/^whsec_/);
    const listed = await t.gql('query { webhookEndpoints { id url recentDeliveries { id } } }', {}, o.tok.admin);
    expect(JSON.stringify(listed.data)).not.toContain(secret);
    const req = await requestAt(t, o, 'AT_KEPALA');
    // Raised is not final: the Kepala has not signed yet.
    expect(await t.db.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(0);
    await acknowledge(t, o, req.id);
    const before = Date.now();
    await t.services.webhookDispatcher.drain();
    const mine = hitsOn(`/ok-${o.office.id}`);
    expect(mine).toHaveLength(1);
    const hit = mine[0]!;
    expect(hit.headers['x-sipedaki-event']).toBe('report.final');
    const header = hit.headers['x-sipedaki-signature'] as string;
    expect(header).toMatch(/^t=\d{10},v1=[0-9a-f]{64}$/);
    const ts = Number(/^t=(\d+)/.exec(header)![1]);
    expect(Math.abs(ts - before / 1000)).toBeLessThan(5);

    expect(verify(secret, hit.body, header)).toBe(true);
    expect(verify(secret, hit.body.replace('"DONE"', '"DONE" '), header)).toBe(false);
    expect(verify(secret, hit.body.replace(req.id, crypto.randomUUID()), header)).toBe(false);
    expect(verify('whsec_wrong', hit.body, header)).toBe(false);
    // Replay: the same delivery 5 minutes later is refused; within the tolerance it is accepted.
    expect(verify(secret, hit.body, header, ts * 1000 + 299_000)).toBe(true);
    expect(verify(secret, hit.body, header, ts * 1000 + 301_000)).toBe(false);
    // Moving t forward to look fresh breaks the signature.
    expect(verify(secret, hit.body, header.replace(`t=${ts}`, `t=${ts + 600}`), (ts + 600) * 1000)).toBe(false);
    // The old body-only signature is gone: the timestamp is part of what is signed.
    expect(header).not.toContain(crypto.createHmac('sha256', secret).update(hit.body).digest('hex'));

    const payload = JSON.parse(hit.body);
    expect(payload).toMatchObject({ event: 'report.final', office: { id: o.office.id }, request: { id: req.id, status: 'DONE' } });
    expect(hit.headers['x-sipedaki-delivery']).toBe(payload.id);
    const rows = await t.db.webhookDelivery.findMany({ where: { endpointId: endpoint.id } });
    expect(rows.map((r) => [r.attempt, r.status, r.responseStatus])).toEqual([[1, 'DELIVERED', 204]]);
  });

  it('signs each attempt with its own time, so a retry is never stale', async () => {
    const o = await setupOffice(t);
    const { secret, endpoint } = await register(o, '/flaky');
    const req = await requestAt(t, o, 'AT_KEPALA');
    await acknowledge(t, o, req.id);
    await t.services.webhookDispatcher.drain();
    const rows = await t.db.webhookDelivery.findMany({ where: { endpointId: endpoint.id }, orderBy: { attempt: 'asc' } });
    expect(rows.map((r) => [r.attempt, r.status, r.responseStatus])).toEqual([
      [1, 'FAILED', 500],
      [2, 'FAILED', 500],
      [3, 'DELIVERED', 204],
    ]);
    expect(new Set(rows.map((r) => r.eventId)).size).toBe(1);
    // Backoff doubles (less at most 20 % jitter): attempt 3 was claimed ≥ 0.8 × 2 × base after attempt 2.
    expect(rows[2]!.nextAttemptAt.getTime() - rows[1]!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(32);
    const flaky = hitsOn('/flaky');
    expect(flaky).toHaveLength(3);
    expect(flaky.map((h) => h.headers['x-sipedaki-attempt'])).toEqual(['1', '2', '3']);
    expect(flaky.every((h) => verify(secret, h.body, h.headers['x-sipedaki-signature'] as string))).toBe(true);
  });

  it('sends again an attempt left SENDING by a process that died, once its lease has run out', async () => {
    const o = await setupOffice(t);
    const { endpoint } = await register(o, `/orphan-${o.office.id}`);
    const eventId = crypto.randomUUID();
    // As a crashed dispatcher leaves it: claimed, lease already expired, never answered.
    const orphan = await t.db.webhookDelivery.create({
      data: { endpointId: endpoint.id, eventId, event: 'report.final', payload: { id: eventId, event: 'report.final' }, attempt: 1, status: 'SENDING', nextAttemptAt: new Date(Date.now() - 1000) },
    });
    await t.services.webhookDispatcher.drain();
    expect(hitsOn(`/orphan-${o.office.id}`)).toHaveLength(1);
    expect((await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: orphan.id } })).status).toBe('DELIVERED');
  });

  it('gives up after WEBHOOK_MAX_ATTEMPTS against an unreachable receiver', async () => {
    const o = await setupOffice(t);
    const dead = http.createServer();
    await new Promise<void>((r) => dead.listen(0, '127.0.0.1', r));
    const deadPort = (dead.address() as AddressInfo).port;
    await new Promise((r) => dead.close(r));
    const r = await t.gql(REGISTER, { i: { url: `http://127.0.0.1:${deadPort}/gone` } }, o.tok.admin);
    const req = await requestAt(t, o, 'AT_KEPALA');
    await acknowledge(t, o, req.id);
    await t.services.webhookDispatcher.drain();
    const rows = await t.db.webhookDelivery.findMany({ where: { endpointId: r.data.registerWebhookEndpoint.endpoint.id }, orderBy: { attempt: 'asc' } });
    expect(rows.map((x) => x.status)).toEqual(['FAILED', 'FAILED', 'FAILED', 'FAILED']);
    expect(rows[0]!.error).toMatch(/ECONNREFUSED/);
  });

  it('sends nothing when the transaction that made the report final rolls back', async () => {
    const o = await setupOffice(t);
    const { endpoint } = await register(o, `/rollback-${o.office.id}`);
    const req = await requestAt(t, o, 'AT_KEPALA');
    const original = t.services.webhooks.enqueueReportFinal.bind(t.services.webhooks);
    let enqueued = 0;
    // The deliveries are written, then the transaction fails after them.
    t.services.webhooks.enqueueReportFinal = async (tx, id, now) => {
      enqueued = await original(tx, id, now);
      throw new Error('simulated failure after enqueue');
    };
    try {
      const r = await t.gql('mutation($id: UUID!) { acknowledgeReport(requestId: $id) { id } }', { id: req.id }, o.tok.kepala);
      expect(errorCode(r)).toBe('INTERNAL_ERROR');
    } finally {
      t.services.webhooks.enqueueReportFinal = original;
    }
    expect(enqueued).toBe(1);
    expect((await t.db.dataRequest.findUniqueOrThrow({ where: { id: req.id } })).status).toBe('AT_KEPALA');
    expect(await t.db.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(0);
    await t.services.webhookDispatcher.drain();
    expect(hitsOn(`/rollback-${o.office.id}`)).toHaveLength(0);
  });

  it('a removed endpoint gets nothing; only an administrator manages endpoints', async () => {
    const o = await setupOffice(t);
    const { endpoint } = await register(o, `/removed-${o.office.id}`);
    expect(errorCode(await t.gql(REGISTER, { i: { url: `${base}/x` } }, o.tok.sekretaris))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(REGISTER, { i: { url: 'ftp://example.org/x' } }, o.tok.admin))).toBe('VALIDATION_FAILED');
    const rm = await t.gql('mutation($id: UUID!) { removeWebhookEndpoint(id: $id) { active } }', { id: endpoint.id }, o.tok.admin);
    expect(rm.data.removeWebhookEndpoint.active).toBe(false);
    const req = await requestAt(t, o, 'AT_KEPALA');
    await acknowledge(t, o, req.id);
    await t.services.webhookDispatcher.drain();
    expect(await t.db.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(0);
    expect(hitsOn(`/removed-${o.office.id}`)).toHaveLength(0);
  });
});

describe('retry jitter', () => {
  it('spreads the exponential backoff by ±20 % with the injected randomness', async () => {
    const o = await setupOffice(t);
    const { endpoint } = await register(o, `/fail-${o.office.id}`);
    const base = 10_000;
    const timeout = t.config.WEBHOOK_TIMEOUT_MS;
    // random → factor: 0 → 0.8, 0.5 → 1.0, 0.999 → ~1.2
    for (const [r, factor] of [[0, 0.8], [0.5, 1], [0.999, 1.1996]] as const) {
      const first = await enqueue(endpoint.id);
      await dispatcher({ WEBHOOK_RETRY_BASE_MS: base }, { random: () => r }).tick();
      const failed = await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: first.id } });
      expect(failed.status).toBe('FAILED');
      const next = await t.db.webhookDelivery.findFirstOrThrow({ where: { eventId: first.eventId, attempt: 2 } });
      // The claim's lease was set to claim time + 2 × timeout + 1 s; the retry is due `delay` after
      // the failure was recorded, a few milliseconds after the claim.
      const claimedAt = failed.nextAttemptAt.getTime() - (2 * timeout + 1000);
      const delay = next.nextAttemptAt.getTime() - claimedAt;
      expect(delay).toBeGreaterThanOrEqual(Math.round(base * factor));
      expect(delay).toBeLessThan(Math.round(base * factor) + 1000);
      // Not sent again in this test: later drains must not wait for it.
      await t.db.webhookDelivery.update({ where: { id: next.id }, data: { status: 'CANCELLED', error: 'uji' } });
    }
  });
});

describe('SSRF guard', () => {
  const refusedUrls = [
    'http://127.0.0.2:8080/x', // loopback, but not the allowed 127.0.0.1
    'http://169.254.169.254/latest/meta-data/', // cloud metadata
    'http://10.0.0.1/hook',
    'http://172.16.5.4/hook',
    'http://192.168.1.1/hook',
    'http://100.64.0.1/hook',
    'http://0.0.0.0:8080/hook',
    'http://224.0.0.1/hook',
    'http://[::1]:8080/hook',
    'http://[fd00::1]/hook',
    'http://[fe80::1]/hook',
    'http://[::ffff:169.254.169.254]/hook',
    'http://[::ffff:10.0.0.1]/hook',
  ];

  it('refuses at registration every URL that points into the server’s network, and records nothing', async () => {
    const o = await setupOffice(t);
    const audits = () => t.db.auditEvent.count({ where: { officeId: o.office.id, entityType: 'WebhookEndpoint' } });
    for (const url of refusedUrls) {
      const r = await t.gql(REGISTER, { i: { url } }, o.tok.admin);
      expect([url, errorCode(r)]).toEqual([url, 'WEBHOOK_URL_NOT_ALLOWED']);
      expect(r.errors?.[0]?.message).toMatch(/^Alamat webhook ditolak: .*jaringan internal/);
      // The resolved address stays in the server log.
      expect(JSON.stringify(r.errors)).not.toMatch(/169\.254|10\.0\.0\.1|range/);
    }
    // Form problems: scheme, credentials.
    for (const url of ['https://user:sandi@example.org/hook', 'https://user@example.org/hook', 'ftp://example.org/hook', 'file:///etc/passwd', 'gopher://127.0.0.1:70/x']) {
      const r = await t.gql(REGISTER, { i: { url } }, o.tok.admin);
      expect([url, errorCode(r)]).toEqual([url, 'VALIDATION_FAILED']);
    }
    expect(await t.db.webhookEndpoint.count({ where: { officeId: o.office.id } })).toBe(0);
    expect(await audits()).toBe(0);
    // The allowed receiver registers, in one transaction with its audit row.
    const ok = await register(o, '/allowed');
    expect(await t.db.webhookEndpoint.count({ where: { officeId: o.office.id } })).toBe(1);
    expect((await t.db.auditEvent.findMany({ where: { entityId: ok.endpoint.id } })).map((a) => a.action)).toEqual(['webhook.registered']);
  });

  it('refuses a host name that resolves to an internal address, and one that does not resolve', async () => {
    const o = await setupOffice(t);
    const actor = { kind: 'user' as const, userId: o.users.admin.id, officeId: o.office.id, name: 'Admin', roles: ['ADMIN' as const], bidangIds: [], sessionId: 'x', scopes: [] };
    const dns: Resolver = async (host) => {
      if (host === 'intranet.dinas.go.id') return [{ address: '10.20.1.5', family: 4 }];
      if (host === 'mixed.example') return [{ address: '203.0.113.8', family: 4 }, { address: '192.168.0.9', family: 4 }];
      if (host === 'public.example') return [{ address: '203.0.113.7', family: 4 }];
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    };
    const service = new WebhookService(t.db, t.config, { resolve: dns });
    await expect(service.register(actor, { url: 'https://intranet.dinas.go.id/hook' })).rejects.toMatchObject({ code: 'WEBHOOK_URL_NOT_ALLOWED' });
    await expect(service.register(actor, { url: 'https://mixed.example/hook' })).rejects.toMatchObject({ code: 'WEBHOOK_URL_NOT_ALLOWED' });
    await expect(service.register(actor, { url: 'https://nowhere.example/hook' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'url', message: expect.stringContaining('tidak dapat ditemukan') }] },
    });
    // An office's intranet receiver, once the operator allows it by name or by range.
    const byName = new WebhookService(t.db, { ...t.config, WEBHOOK_ALLOWED_HOSTS: ['intranet.dinas.go.id'] }, { resolve: dns });
    await expect(byName.register(actor, { url: 'https://intranet.dinas.go.id/hook' })).resolves.toMatchObject({ endpoint: { url: 'https://intranet.dinas.go.id/hook' } });
    const byRange = new WebhookService(t.db, { ...t.config, WEBHOOK_ALLOWED_HOSTS: ['10.20.0.0/16'] }, { resolve: dns });
    await expect(byRange.register(actor, { url: 'https://intranet.dinas.go.id/hook2' })).resolves.toBeTruthy();
    await expect(service.register(actor, { url: 'https://public.example/hook' })).resolves.toBeTruthy();
    // http:// is refused where it is not allowed (production default).
    const prod = new WebhookService(t.db, { ...t.config, webhookAllowHttp: false }, { resolve: dns });
    await expect(prod.register(actor, { url: 'http://public.example/hook' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await t.db.webhookEndpoint.count({ where: { officeId: o.office.id } })).toBe(3);
  });

  it('checks again at every delivery: a name that now resolves inside, or a literal no longer allowed, fails the attempt and sends nothing', async () => {
    const o = await setupOffice(t);
    const actor = { kind: 'user' as const, userId: o.users.admin.id, officeId: o.office.id, name: 'Admin', roles: ['ADMIN' as const], bidangIds: [], sessionId: 'x', scopes: [] };
    // Registered while the name pointed at a public address …
    const atRegistration = new WebhookService(t.db, t.config, { resolve: async () => [{ address: '203.0.113.7', family: 4 }] });
    const { endpoint, secret } = await atRegistration.register(actor, { url: `http://rebind.test:${port}/rebind-${o.office.id}` });
    const first = await enqueue(endpoint.id);
    // … it now points at the server's loopback, where a receiver listens.
    const rebound: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
    await dispatcher({ WEBHOOK_ALLOWED_HOSTS: [] }, { resolve: rebound }).tick();
    const refused = await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: first.id } });
    expect(refused.status).toBe('FAILED');
    expect(refused.responseStatus).toBeNull();
    expect(refused.error).toMatch(/^WEBHOOK_URL_NOT_ALLOWED: alamat penerima rebind\.test mengarah ke jaringan internal; tidak ada permintaan yang dikirim$/);
    expect(hitsOn(`/rebind-${o.office.id}`)).toHaveLength(0);
    // The same attempt goes through once the operator allows that name: the refusal above was the guard.
    await dispatcher({ WEBHOOK_ALLOWED_HOSTS: ['rebind.test'] }, { resolve: rebound }).drain();
    const rows = await t.db.webhookDelivery.findMany({ where: { endpointId: endpoint.id }, orderBy: { attempt: 'asc' } });
    expect(rows.map((r) => [r.attempt, r.status])).toEqual([[1, 'FAILED'], [2, 'DELIVERED']]);
    const got = hitsOn(`/rebind-${o.office.id}`);
    expect(got).toHaveLength(1);
    expect(verify(secret, got[0]!.body, got[0]!.headers['x-sipedaki-signature'] as string)).toBe(true);

    // An IP-literal URL (no DNS at all) registered under a wider allow-list, sent under a narrower one.
    const { endpoint: literal } = await register(o, `/literal-${o.office.id}`);
    const lit = await enqueue(literal.id);
    await dispatcher({ WEBHOOK_ALLOWED_HOSTS: [], WEBHOOK_MAX_ATTEMPTS: 1 }).tick();
    const row = await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: lit.id } });
    expect([row.status, row.error]).toEqual(['FAILED', 'WEBHOOK_URL_NOT_ALLOWED: alamat penerima 127.0.0.1 mengarah ke jaringan internal; tidak ada permintaan yang dikirim']);
    // http:// no longer allowed (the server went to production without WEBHOOK_ALLOW_HTTP).
    const http2 = await enqueue(literal.id);
    await dispatcher({ webhookAllowHttp: false, WEBHOOK_MAX_ATTEMPTS: 1 }).tick();
    expect((await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: http2.id } })).error).toMatch(/^WEBHOOK_URL_NOT_ALLOWED: Alamat URL harus https:\/\//);
    expect(hitsOn(`/literal-${o.office.id}`)).toHaveLength(0);
  });

  it('does not follow a redirect (a 3xx is a failed attempt)', async () => {
    const o = await setupOffice(t);
    const { endpoint } = await register(o, `/redirect-${o.office.id}`);
    await enqueue(endpoint.id);
    await t.services.webhookDispatcher.drain();
    const rows = await t.db.webhookDelivery.findMany({ where: { endpointId: endpoint.id }, orderBy: { attempt: 'asc' } });
    expect(rows.map((r) => [r.status, r.responseStatus, r.error])).toEqual(Array(4).fill(['FAILED', 302, 'HTTP 302 (pengalihan tidak diikuti)']));
    expect(hitsOn(`/redirect-${o.office.id}`)).toHaveLength(4);
    expect(hitsOn('/redirected')).toHaveLength(0);
  });

  it('reads a capped part of the answer: a body that never ends does not hold the attempt until the timeout', async () => {
    const o = await setupOffice(t);
    const { endpoint } = await register(o, `/endless-${o.office.id}`);
    const d = await enqueue(endpoint.id);
    const started = Date.now();
    await dispatcher({ WEBHOOK_TIMEOUT_MS: 10_000 }).tick();
    expect(Date.now() - started).toBeLessThan(3000);
    const row = await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: d.id } });
    expect([row.status, row.responseStatus]).toEqual(['DELIVERED', 200]);
  });
});

describe('examples/webhook-receiver.mjs', () => {
  it('runs the same check as docs/api.md shows', () => {
    const fn = (src: string) =>
      /export function verifySipedakiSignature[\s\S]*?\n}\n/.exec(src)![0].split('\n').filter((l) => !/^\s*\/\//.test(l)).join('\n');
    expect(fn(fs.readFileSync(EXAMPLE, 'utf8'))).toBe(fn(DOCS));
  });

  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill();
    child = undefined;
  });

  it('accepts a real delivery, and refuses a tampered body or a stale timestamp', async () => {
    const o = await setupOffice(t);
    // Register first (the secret is shown once), then start the example with it.
    const dead = http.createServer();
    await new Promise<void>((r) => dead.listen(0, '127.0.0.1', r));
    const examplePort = (dead.address() as AddressInfo).port;
    await new Promise((r) => dead.close(r));
    const r = await t.gql(REGISTER, { i: { url: `http://127.0.0.1:${examplePort}/sipedaki` } }, o.tok.admin);
    const { secret, endpoint } = r.data.registerWebhookEndpoint as { secret: string; endpoint: { id: string } };
    const proc = spawn(process.execPath, [EXAMPLE], {
      env: { ...process.env, SIPEDAKI_WEBHOOK_SECRET: secret, PORT: String(examplePort), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child = proc;
    const lines: string[] = [];
    await new Promise<void>((resolve, reject) => {
      proc.stdout!.setEncoding('utf8').on('data', (s: string) => {
        lines.push(...s.split('\n').filter(Boolean));
        if (lines.some((l) => l.startsWith('listening on'))) resolve();
      });
      proc.on('exit', (code) => reject(new Error(`example exited with ${code}`)));
    });

    const req = await requestAt(t, o, 'AT_KEPALA');
    await acknowledge(t, o, req.id);
    await t.services.webhookDispatcher.drain();
    const rows = await t.db.webhookDelivery.findMany({ where: { endpointId: endpoint.id } });
    expect(rows.map((x) => [x.status, x.responseStatus])).toEqual([['DELIVERED', 204]]);
    // The receiver prints its line after answering: wait for it rather than for a fixed time.
    await until('the example receiver to log the delivery', () => lines.some((l) => l.includes(rows[0]!.eventId)));
    expect(lines.map((l) => (l.startsWith('{') ? JSON.parse(l) : l))).toContainEqual({ received: 'report.final', id: rows[0]!.eventId, request: req.id, status: 'DONE' });

    const post = (body: string, signature: string, delivery = crypto.randomUUID()) =>
      fetch(`http://127.0.0.1:${examplePort}/sipedaki`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sipedaki-delivery': delivery, 'x-sipedaki-signature': signature },
        body,
      }).then((x) => x.status);
    const body = JSON.stringify({ id: crypto.randomUUID(), event: 'report.final' });
    const now = Math.floor(Date.now() / 1000);
    expect(await post(body, signatureHeader(secret, body, now))).toBe(204);
    expect(await post(body.replace('report.final', 'report.fina1'), signatureHeader(secret, body, now))).toBe(401);
    expect(await post(body, signatureHeader(secret, body, now - 301))).toBe(401);
    expect(await post(body, signatureHeader(secret, body, now + 301))).toBe(401);
    expect(await post(body, signatureHeader('whsec_other', body, now))).toBe(401);
    expect(await post(body, `sha256=${crypto.createHmac('sha256', secret).update(body).digest('hex')}`)).toBe(401);
    // The same delivery id again is acknowledged without being processed twice.
    const id = crypto.randomUUID();
    expect(await post(body, signatureHeader(secret, body, now), id)).toBe(204);
    expect(await post(body, signatureHeader(secret, body, now), id)).toBe(200);
  });
});
