/**
 * Machine clients (tracker issue 5): service-account tokens, the performanceData connection, and
 * signed webhooks for report.final — over the real HTTP API on a real PostgreSQL.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { requestAt, raiseToKepala, setupOffice, type FlowOffice } from './flow';
import { errorCode, startTestApp, type TestApp } from './harness';
import { makeCollectingRequest } from './scenario';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ WEBHOOK_RETRY_BASE_MS: '20', WEBHOOK_TIMEOUT_MS: '2000', WEBHOOK_MAX_ATTEMPTS: '4' });
});
afterAll(() => t.close());

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
const CREATE = 'mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token apiToken { id prefix scopes active } } }';

async function createToken(admin: string, scopes = ['READ_REQUESTS', 'READ_PERFORMANCE', 'READ_ANALYSES'], expiresAt = inDays(30)) {
  const r = await t.gql(CREATE, { i: { name: 'Dashboard Bappeda', scopes, expiresAt } }, admin);
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data.createApiToken as { token: string; apiToken: { id: string; prefix: string; scopes: string[]; active: boolean } };
}

const LIST = 'query { dataRequests(first: 100) { totalCount edges { node { id letterNumber } } } }';

describe('service tokens', () => {
  let o: FlowOffice;
  beforeAll(async () => {
    o = await setupOffice(t);
  });

  it('shows the plain token once and stores only its sha256', async () => {
    const { token, apiToken } = await createToken(o.tok.admin);
    expect(token).toMatch(/^spdk_[A-Za-z0-9_-]{43}$/);
    expect(token.startsWith(apiToken.prefix)).toBe(true);
    const row = await t.db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    expect(row.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token.slice(5));
    // The list shows the prefix, never the secret; the audit row does not hold it either.
    const list = await t.gql('query { apiTokens { id prefix name scopes active expiresAt } }', {}, o.tok.admin);
    expect(list.data.apiTokens.map((x: { id: string }) => x.id)).toContain(apiToken.id);
    expect(JSON.stringify(list)).not.toContain(token.slice(5));
    const audits = await t.db.auditEvent.findMany({ where: { entityType: 'ApiToken', entityId: apiToken.id } });
    expect(audits.map((a) => a.action)).toEqual(['api_token.created']);
    expect(JSON.stringify(audits, (_k, v) => (typeof v === 'bigint' ? String(v) : v))).not.toContain(token.slice(5));
  });

  it('refuses an expiry beyond API_TOKEN_MAX_DAYS, in the past, or a non-admin creator', async () => {
    const far = await t.gql(CREATE, { i: { name: 'Terlalu lama', scopes: ['READ_REQUESTS'], expiresAt: inDays(400) } }, o.tok.admin);
    expect(errorCode(far)).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(far.errors?.[0]?.extensions?.fields)).toContain('expiresAt');
    const past = await t.gql(CREATE, { i: { name: 'Lampau', scopes: ['READ_REQUESTS'], expiresAt: inDays(-1) } }, o.tok.admin);
    expect(errorCode(past)).toBe('VALIDATION_FAILED');
    const notAdmin = await t.gql(CREATE, { i: { name: 'Bukan admin', scopes: ['READ_REQUESTS'], expiresAt: inDays(1) } }, o.tok.sekretaris);
    expect(errorCode(notAdmin)).toBe('FORBIDDEN');
  });

  it('reads its own office with the token, and nothing of another office', async () => {
    const mine = await requestAt(t, o, 'REGISTERED');
    const other = await setupOffice(t);
    const theirs = await requestAt(t, other, 'REGISTERED');
    const { token } = await createToken(o.tok.admin, ['READ_REQUESTS']);
    const r = await t.gql(LIST, {}, token);
    expect(r.errors).toBeUndefined();
    const ids = r.data.dataRequests.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    expect(errorCode(await t.gql('query($id: ID!) { dataRequest(id: $id) { id } }', { id: theirs.id }, token))).toBe('NOT_FOUND');
    // lastUsedAt is recorded.
    const row = await t.db.apiToken.findFirstOrThrow({ where: { tokenHash: sha256(token) } });
    expect(row.lastUsedAt).not.toBeNull();
  });

  it('refuses every mutation (FORBIDDEN, HTTP 403) and changes nothing; files and exports are refused too', async () => {
    const req = await requestAt(t, o, 'REGISTERED');
    const { token } = await createToken(o.tok.admin);
    const before = await t.db.dataRequest.findUniqueOrThrow({ where: { id: req.id } });
    const r = await t.gql('mutation($i: DisposeInput!) { disposeToKasubbag(input: $i) { id } }', { i: { requestId: req.id, instruction: 'Segera.' } }, token);
    expect(errorCode(r)).toBe('FORBIDDEN');
    expect(r.status).toBe(403);
    expect(r.errors?.[0]?.message).toMatch(/hanya dapat membaca/);
    expect(await t.db.dataRequest.findUniqueOrThrow({ where: { id: req.id } })).toEqual(before);
    // A public mutation is refused as well: a service token never writes.
    expect(errorCode(await t.gql('mutation { login(input: { login: "x", password: "y" }) { token } }', {}, token))).toBe('FORBIDDEN');
    const file = await fetch(`${t.url}/api/requests/${req.id}/disposition.pdf`, { headers: { authorization: `Bearer ${token}` } });
    expect(file.status).toBe(403);
  });

  it('refuses queries outside its scopes', async () => {
    const { token } = await createToken(o.tok.admin, ['READ_PERFORMANCE']);
    const r = await t.gql(LIST, {}, token);
    expect(errorCode(r)).toBe('FORBIDDEN');
    expect(r.errors?.[0]?.message).toContain('READ_REQUESTS');
    expect(errorCode(await t.gql('query { users { id } }', {}, token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql('query { me { user { id } } }', {}, token))).toBe('FORBIDDEN');
    expect((await t.gql('query { performanceData { totalCount } }', {}, token)).errors).toBeUndefined();
  });

  it('is refused once expired or revoked (UNAUTHENTICATED)', async () => {
    const expired = await createToken(o.tok.admin);
    expect((await t.gql(LIST, {}, expired.token)).errors).toBeUndefined();
    await t.db.apiToken.update({ where: { id: expired.apiToken.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(errorCode(await t.gql(LIST, {}, expired.token))).toBe('UNAUTHENTICATED');

    const revoked = await createToken(o.tok.admin);
    expect((await t.gql(LIST, {}, revoked.token)).errors).toBeUndefined();
    const rv = await t.gql('mutation($id: ID!) { revokeApiToken(id: $id) { active revokedAt } }', { id: revoked.apiToken.id }, o.tok.admin);
    expect(rv.data.revokeApiToken.active).toBe(false);
    expect(errorCode(await t.gql(LIST, {}, revoked.token))).toBe('UNAUTHENTICATED');
    // A token that never existed, with the right prefix, is just as unknown.
    expect(errorCode(await t.gql(LIST, {}, `spdk_${crypto.randomBytes(32).toString('base64url')}`))).toBe('UNAUTHENTICATED');
    // Another office's administrator cannot revoke it.
    const other = await setupOffice(t);
    const mine = await createToken(o.tok.admin);
    expect(errorCode(await t.gql('mutation($id: ID!) { revokeApiToken(id: $id) { id } }', { id: mine.apiToken.id }, other.tok.admin))).toBe('NOT_FOUND');
  });
});

describe('performanceData', () => {
  const Q = `query($f: PerformanceFilter, $first: Int, $after: String) {
    performanceData(filter: $f, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { id year triwulan bidangId indicatorId target realisasi capaian categoryCode } }
    } }`;

  it('caps the page at 100, pages with the cursor without gaps or repeats, and filters by Bidang and indicator', async () => {
    const s = await makeCollectingRequest(t.db, t.services, { bidang: 2, indicatorsPerBidang: 60, year: 2026, triwulan: 3 });
    await t.db.bidangSubmission.updateMany({ where: { requestId: s.requestId }, data: { status: 'ACCEPTED', reviewedAt: new Date() } });
    const admin = await t.db.user.create({ data: { officeId: s.office.id, username: `adm${crypto.randomBytes(4).toString('hex')}`, name: 'Admin', roles: ['ADMIN'], passwordHash: (await t.db.user.findFirstOrThrow({ where: { officeId: s.office.id } })).passwordHash } });
    const { token } = await createToken(await t.login(admin.username), ['READ_PERFORMANCE']);

    const first = await t.gql(Q, { f: { year: 2026, triwulan: 3 }, first: 500 }, token);
    expect(first.errors).toBeUndefined();
    const p1 = first.data.performanceData;
    expect(p1.totalCount).toBe(120);
    expect(p1.edges).toHaveLength(100);
    expect(p1.pageInfo.hasNextPage).toBe(true);
    const second = (await t.gql(Q, { f: { year: 2026, triwulan: 3 }, first: 500, after: p1.pageInfo.endCursor }, token)).data.performanceData;
    expect(second.edges).toHaveLength(20);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const ids = [...p1.edges, ...second.edges].map((e: { node: { id: string } }) => e.node.id);
    expect(new Set(ids).size).toBe(120);
    // Target, realisasi, capaian and category come with each value.
    const n = p1.edges[0].node;
    expect(n.target).toBeGreaterThan(0);
    expect(n.capaian).toBeCloseTo((n.realisasi / n.target) * 100, 1);
    expect(n.categoryCode).toMatch(/^[A-Z_]+$/);

    const byBidang = (await t.gql(Q, { f: { bidangId: s.bidang[0]!.id }, first: 100 }, token)).data.performanceData;
    expect(byBidang.totalCount).toBe(60);
    expect(byBidang.edges.every((e: { node: { bidangId: string } }) => e.node.bidangId === s.bidang[0]!.id)).toBe(true);
    const oneIndicator = n.indicatorId;
    const byIndicator = (await t.gql(Q, { f: { indicatorId: oneIndicator } }, token)).data.performanceData;
    expect(byIndicator.totalCount).toBe(1);
    expect((await t.gql(Q, { f: { year: 2025 } }, token)).data.performanceData.totalCount).toBe(0);
    // A forged cursor is the client's mistake.
    expect(errorCode(await t.gql(Q, { after: 'bm90LWEtdXVpZA' }, token))).toBe('BAD_REQUEST');
  });

  it('does not count values of submissions that are not accepted', async () => {
    const s = await makeCollectingRequest(t.db, t.services, { bidang: 1, indicatorsPerBidang: 3 });
    const r = await t.services.performance.list({ kind: 'service', userId: s.office.id, officeId: s.office.id, name: 'x', roles: [], bidangIds: [], sessionId: 'x', scopes: ['READ_PERFORMANCE'] }, null, 10);
    expect(r.totalCount).toBe(0);
  });
});

describe('webhooks (report.final)', () => {
  interface Hit { path: string; headers: http.IncomingHttpHeaders; body: string }
  const hits: Hit[] = [];
  let flakyFailures = 0;
  let receiver: http.Server;
  let base: string;
  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        hits.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        if (req.url === '/flaky' && flakyFailures < 2) {
          flakyFailures++;
          res.writeHead(500).end('not yet');
          return;
        }
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => receiver.close(r)));

  const REGISTER = 'mutation($i: RegisterWebhookInput!) { registerWebhookEndpoint(input: $i) { secret endpoint { id url active } } }';
  async function register(o: FlowOffice, path: string) {
    const r = await t.gql(REGISTER, { i: { url: `${base}${path}` } }, o.tok.admin);
    if (!r.data) throw new Error(JSON.stringify(r.errors));
    return r.data.registerWebhookEndpoint as { secret: string; endpoint: { id: string } };
  }

  /** The receiver side, as docs/api.md shows it: HMAC over the raw body, constant-time compare. */
  function verify(secret: string, rawBody: string, header: string | undefined): boolean {
    const expected = Buffer.from(`sha256=${crypto.createHmac('sha256', secret).update(rawBody).digest('hex')}`);
    const given = Buffer.from(header ?? '');
    return given.length === expected.length && crypto.timingSafeEqual(given, expected);
  }

  it('posts a signed report.final event after the report is raised to the Kepala Dinas', async () => {
    const o = await setupOffice(t);
    const { secret, endpoint } = await register(o, `/ok-${o.office.id}`);
    expect(secret).toMatch(/^whsec_/);
    const listed = await t.gql('query { webhookEndpoints { id url recentDeliveries { id } } }', {}, o.tok.admin);
    expect(JSON.stringify(listed.data)).not.toContain(secret);
    const req = await requestAt(t, o, 'REPORT_AT_SEKRETARIS');
    await raiseToKepala(t, o, req.id);
    await t.services.webhookDispatcher.drain();
    const mine = hits.filter((h) => h.path === `/ok-${o.office.id}`);
    expect(mine).toHaveLength(1);
    const hit = mine[0]!;
    expect(hit.headers['x-sipedaki-event']).toBe('report.final');
    expect(verify(secret, hit.body, hit.headers['x-sipedaki-signature'] as string)).toBe(true);
    expect(verify('whsec_wrong', hit.body, hit.headers['x-sipedaki-signature'] as string)).toBe(false);
    const payload = JSON.parse(hit.body);
    expect(payload).toMatchObject({ event: 'report.final', office: { id: o.office.id }, request: { id: req.id, status: 'DONE' } });
    expect(hit.headers['x-sipedaki-delivery']).toBe(payload.id);
    const rows = await t.db.webhookDelivery.findMany({ where: { endpointId: endpoint.id } });
    expect(rows.map((r) => [r.attempt, r.status, r.responseStatus])).toEqual([[1, 'DELIVERED', 204]]);
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
    expect(hits.filter((h) => h.path === `/orphan-${o.office.id}`)).toHaveLength(1);
    expect((await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: orphan.id } })).status).toBe('DELIVERED');
  });

  it('retries a failing receiver with backoff and logs every attempt (fails twice, then succeeds: 3 rows)', async () => {
    const o = await setupOffice(t);
    const { secret, endpoint } = await register(o, '/flaky');
    const req = await requestAt(t, o, 'REPORT_AT_SEKRETARIS');
    await raiseToKepala(t, o, req.id);
    await t.services.webhookDispatcher.drain();
    const rows = await t.db.webhookDelivery.findMany({ where: { endpointId: endpoint.id }, orderBy: { attempt: 'asc' } });
    expect(rows.map((r) => [r.attempt, r.status, r.responseStatus])).toEqual([
      [1, 'FAILED', 500],
      [2, 'FAILED', 500],
      [3, 'DELIVERED', 204],
    ]);
    expect(new Set(rows.map((r) => r.eventId)).size).toBe(1);
    // Backoff doubles: attempt 3 was due at least 2 × base after attempt 2 was recorded.
    expect(rows[2]!.nextAttemptAt.getTime() - rows[1]!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(40);
    const flaky = hits.filter((h) => h.path === '/flaky');
    expect(flaky).toHaveLength(3);
    expect(flaky.every((h) => verify(secret, h.body, h.headers['x-sipedaki-signature'] as string))).toBe(true);
  });

  it('gives up after WEBHOOK_MAX_ATTEMPTS against an unreachable receiver', async () => {
    const o = await setupOffice(t);
    const dead = http.createServer();
    await new Promise<void>((r) => dead.listen(0, '127.0.0.1', r));
    const port = (dead.address() as AddressInfo).port;
    await new Promise((r) => dead.close(r));
    const r = await t.gql(REGISTER, { i: { url: `http://127.0.0.1:${port}/gone` } }, o.tok.admin);
    const req = await requestAt(t, o, 'REPORT_AT_SEKRETARIS');
    await raiseToKepala(t, o, req.id);
    await t.services.webhookDispatcher.drain();
    const rows = await t.db.webhookDelivery.findMany({ where: { endpointId: r.data.registerWebhookEndpoint.endpoint.id }, orderBy: { attempt: 'asc' } });
    expect(rows.map((x) => x.status)).toEqual(['FAILED', 'FAILED', 'FAILED', 'FAILED']);
    expect(rows[0]!.error).toBeTruthy();
  });

  it('sends nothing when the transaction that made the report final rolls back', async () => {
    const o = await setupOffice(t);
    const { endpoint } = await register(o, `/rollback-${o.office.id}`);
    const req = await requestAt(t, o, 'REPORT_AT_SEKRETARIS');
    const original = t.services.webhooks.enqueueReportFinal.bind(t.services.webhooks);
    let enqueued = 0;
    // The deliveries are written, then the transaction fails after them.
    t.services.webhooks.enqueueReportFinal = async (tx, id, now) => {
      enqueued = await original(tx, id, now);
      throw new Error('simulated failure after enqueue');
    };
    try {
      const r = await t.gql('mutation($i: AdvanceInput!) { raiseToKepala(input: $i) { id } }', { i: { requestId: req.id } }, o.tok.sekretaris);
      expect(errorCode(r)).toBe('INTERNAL_ERROR');
    } finally {
      t.services.webhooks.enqueueReportFinal = original;
    }
    expect(enqueued).toBe(1);
    expect((await t.db.dataRequest.findUniqueOrThrow({ where: { id: req.id } })).status).toBe('REPORT_AT_SEKRETARIS');
    expect(await t.db.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(0);
    await t.services.webhookDispatcher.drain();
    expect(hits.filter((h) => h.path === `/rollback-${o.office.id}`)).toHaveLength(0);
  });

  it('a removed endpoint gets nothing; only an administrator manages endpoints', async () => {
    const o = await setupOffice(t);
    const { endpoint } = await register(o, `/removed-${o.office.id}`);
    expect(errorCode(await t.gql(REGISTER, { i: { url: `${base}/x` } }, o.tok.sekretaris))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(REGISTER, { i: { url: 'ftp://example.org/x' } }, o.tok.admin))).toBe('VALIDATION_FAILED');
    const rm = await t.gql('mutation($id: ID!) { removeWebhookEndpoint(id: $id) { active } }', { id: endpoint.id }, o.tok.admin);
    expect(rm.data.removeWebhookEndpoint.active).toBe(false);
    const req = await requestAt(t, o, 'REPORT_AT_SEKRETARIS');
    await raiseToKepala(t, o, req.id);
    await t.services.webhookDispatcher.drain();
    expect(await t.db.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(0);
    expect(hits.filter((h) => h.path === `/removed-${o.office.id}`)).toHaveLength(0);
  });
});
