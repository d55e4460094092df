/**
 * Machine clients (tracker issue 5): service-account tokens and the performanceData connection,
 * over the real HTTP API on a real PostgreSQL. The signed webhooks are in webhooks.test.ts.
 */
import crypto from 'node:crypto';
import { requestAt, setupOffice, type FlowOffice } from './flow';
import { errorCode, startTestApp, type TestApp, fieldsOf } from './harness';
import { SERVICE_TOKEN_REFUSED } from '../src/auth/auth.service';
import { ERROR_CATALOG } from '../src/common/errors';
import { makeCollectingRequest } from './scenario';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
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
    expect(errorCode(await t.gql('query($id: UUID!) { dataRequest(id: $id) { id } }', { id: theirs.id }, token))).toBe('NOT_FOUND');
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
    const rv = await t.gql('mutation($id: UUID!) { revokeApiToken(id: $id) { active revokedAt } }', { id: revoked.apiToken.id }, o.tok.admin);
    expect(rv.data.revokeApiToken.active).toBe(false);
    expect(errorCode(await t.gql(LIST, {}, revoked.token))).toBe('UNAUTHENTICATED');
    // A token that never existed, with the right prefix, is just as unknown.
    expect(errorCode(await t.gql(LIST, {}, `spdk_${crypto.randomBytes(32).toString('base64url')}`))).toBe('UNAUTHENTICATED');
    // Told in words for a machine client (not "sign in again"), on GraphQL and on the file routes.
    const refused = await t.gql(LIST, {}, revoked.token);
    expect(refused.errors![0]).toMatchObject({ message: SERVICE_TOKEN_REFUSED.id, extensions: { code: 'UNAUTHENTICATED', messageEn: SERVICE_TOKEN_REFUSED.en } });
    for (const path of ['/api/documents/00000000-0000-4000-8000-000000000000', `/api/requests/00000000-0000-4000-8000-000000000000/dataset.xlsx`]) {
      const res = await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${revoked.token}` } });
      expect({ path, status: res.status, error: (await res.json()).error }).toEqual({ path, status: 401, error: { code: 'UNAUTHENTICATED', message: SERVICE_TOKEN_REFUSED.id, messageEn: SERVICE_TOKEN_REFUSED.en } });
    }
    // A person's expired session keeps the person's words.
    const session = await t.gql(LIST, {}, 'not-a-session-token');
    expect(session.errors![0]!.message).toBe(ERROR_CATALOG.UNAUTHENTICATED.id);
    // Another office's administrator cannot revoke it.
    const other = await setupOffice(t);
    const mine = await createToken(o.tok.admin);
    expect(errorCode(await t.gql('mutation($id: UUID!) { revokeApiToken(id: $id) { id } }', { id: mine.apiToken.id }, other.tok.admin))).toBe('NOT_FOUND');
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
    // A forged cursor is the client's mistake, named on `after`.
    const forged = await t.gql(Q, { after: 'bm90LWEtdXVpZA' }, token);
    expect(errorCode(forged)).toBe('VALIDATION_FAILED');
    expect(fieldsOf(forged)).toEqual([{ field: 'after', message: expect.stringMatching(/^Kursor halaman tidak valid/) }]);
  });

  it('does not count values of submissions that are not accepted', async () => {
    const s = await makeCollectingRequest(t.db, t.services, { bidang: 1, indicatorsPerBidang: 3 });
    const r = await t.services.performance.list({ kind: 'service', userId: s.office.id, officeId: s.office.id, name: 'x', roles: [], bidangIds: [], sessionId: 'x', scopes: ['READ_PERFORMANCE'] }, null, 10);
    expect(await r.count()).toBe(0);
    expect(r.edges).toEqual([]);
  });
});
