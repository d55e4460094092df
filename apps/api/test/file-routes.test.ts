/**
 * The file routes (documents, exports, the XLSX import) under their one `authed()` wrapper: an id
 * in the URL that is not a UUID is 404 NOT_FOUND like an unknown one, never a 500 from a `::uuid`
 * cast; a FORBIDDEN answer to a signed-in person or token leaves an `auth.refused` audit row, as
 * on GraphQL (issue 10). Behind them, `findOr404` maps only "not found" to NOT_FOUND.
 */
import crypto from 'node:crypto';
import { AppError } from '../src/common/errors';
import { findOr404 } from '../src/common/found';
import { attacks } from './attacks';
import { requestAt, setupOffice, uploadDocument, type FlowOffice, type FlowRequest } from './flow';
import { startTestApp, type TestApp } from './harness';

let t: TestApp;
let o: FlowOffice;
let req: FlowRequest;
beforeAll(async () => {
  t = await startTestApp();
  o = await setupOffice(t);
  req = await requestAt(t, o, 'COLLECTING');
});
afterAll(async () => {
  await t.close();
});

async function call(method: 'GET' | 'POST', p: string, token: string) {
  const init: RequestInit = { method, headers: { authorization: `Bearer ${token}` } };
  if (method === 'POST') {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(Buffer.from('PK\u0003\u0004 not really a workbook'))]), 'format.xlsx');
    init.body = form;
  }
  const res = await fetch(`${t.url}${p}`, init);
  return { status: res.status, body: (await res.json()) as { error: { code: string } } };
}

describe('an id in a file route’s URL that is not a UUID', () => {
  const malformed = ['not-a-uuid', '1', "x' OR '1'='1", '00000000-0000-0000-0000-00000000000g'];

  it.each<['GET' | 'POST', string]>([
    ['GET', '/api/documents/:id'],
    ['GET', '/api/requests/:id/format.xlsx?bidangId=:bidang'],
    ['GET', '/api/requests/:id/format.pdf?bidangId=:bidang'],
    ['GET', '/api/requests/:id/dataset.xlsx'],
    ['GET', '/api/requests/:id/recap.xlsx'],
    ['GET', '/api/requests/:id/recap.pdf'],
    ['GET', '/api/requests/:id/disposition.pdf'],
    ['POST', '/api/submissions/:id/import.xlsx'],
  ])('%s %s answers 404 NOT_FOUND, not 500', async (method, route) => {
    for (const bad of malformed) {
      const p = route.replace(':id', encodeURIComponent(bad)).replace(':bidang', o.bidang[0].id);
      const token = method === 'POST' ? o.tok.op1 : o.tok.sekretaris;
      const r = await call(method, p, token);
      expect({ bad, status: r.status, code: r.body.error.code }).toEqual({ bad, status: 404, code: 'NOT_FOUND' });
    }
  });

  it('a malformed bidangId of a real request answers 404 NOT_FOUND, not 500', async () => {
    for (const format of ['xlsx', 'pdf']) {
      const r = await call('GET', `/api/requests/${req.id}/format.${format}?bidangId=not-a-uuid`, o.tok.op1);
      expect({ status: r.status, code: r.body.error.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    }
  });
});

describe('findOr404', () => {
  const codeOf = (p: Promise<unknown>) => p.then(() => 'found', (e: unknown) => (e instanceof AppError ? e.code : `other: ${String(e)}`));

  it('a record that exists is returned', async () => {
    expect(await findOr404(t.db.dataRequest.findUnique({ where: { id: req.id } }))).toMatchObject({ id: req.id });
  });

  it('no record (null, or Prisma’s P2025) is NOT_FOUND', async () => {
    expect(await codeOf(findOr404(t.db.dataRequest.findUnique({ where: { id: crypto.randomUUID() } })))).toBe('NOT_FOUND');
    expect(await codeOf(findOr404(t.db.dataRequest.findUniqueOrThrow({ where: { id: crypto.randomUUID() } })))).toBe('NOT_FOUND');
  });

  it('any other database error goes through as it is (to the correlation-id log), not as NOT_FOUND', async () => {
    const failing = findOr404(t.db.$queryRawUnsafe<{ x: number }[]>('SELECT 1 / 0 AS x'));
    await expect(failing).rejects.not.toBeInstanceOf(AppError);
    await expect(failing).rejects.toThrow(/division by zero/);
    // A malformed id is such an error too: the routes check ids before they reach a query.
    expect(await codeOf(findOr404(t.db.dataRequest.findUnique({ where: { id: 'not-a-uuid' } })))).toMatch(/^other: /);
  });
});

describe('a FORBIDDEN answer on a file route is audited (auth.refused)', () => {
  const attack = attacks('audit penolakan rute berkas');
  const refusals = (where: Record<string, unknown>) => t.db.auditEvent.findMany({ where: { action: 'auth.refused', officeId: o.office.id, ...where }, orderBy: { id: 'asc' } });
  const get = (p: string, token?: string) => fetch(`${t.url}${p}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('a Bidang operator refused the compiled data set: 403, one row naming the route', () =>
    attack('data set by a Bidang operator', async () => {
      const before = (await refusals({ actorId: o.users.op1.id })).length;
      const res = await get(`/api/requests/${req.id}/dataset.xlsx`, o.tok.op1);
      expect(res.status).toBe(403);
      const rows = await refusals({ actorId: o.users.op1.id });
      expect(rows).toHaveLength(before + 1);
      expect(rows.at(-1)).toMatchObject({
        entityType: 'Route',
        entityId: 'GET /api/requests/:id/dataset.xlsx',
        after: { path: `/api/requests/${req.id}/dataset.xlsx`, messages: [expect.stringContaining('Sekretariat')], ip: expect.any(String) },
      });
    }));

  it('an upload to another Bidang’s submission: 403, nothing stored, one row', () =>
    attack('upload to another Bidang', async () => {
      const before = (await refusals({ actorId: o.users.op1.id })).length;
      const docs = await t.db.storedDocument.count({ where: { submissionId: req.submissions[1] } });
      const up = await uploadDocument(t, o.tok.op1, { submissionId: req.submissions[1]!, kind: 'LHP' });
      expect(up.status).toBe(403);
      expect(await t.db.storedDocument.count({ where: { submissionId: req.submissions[1] } })).toBe(docs);
      const rows = await refusals({ actorId: o.users.op1.id });
      expect(rows).toHaveLength(before + 1);
      expect(rows.at(-1)).toMatchObject({ entityType: 'Route', entityId: 'POST /api/documents' });
    }));

  it('a service token on a file route: 403, one row with the token (not a user) as the actor', () =>
    attack('service token on a download', async () => {
      const created = await t.gql('mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token apiToken { id } } }', {
        i: { name: 'Dasbor berkas', scopes: ['READ_REQUESTS'], expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
      }, o.tok.admin);
      const { token, apiToken } = created.data.createApiToken;
      const res = await get(`/api/requests/${req.id}/format.xlsx?bidangId=${o.bidang[0].id}`, token);
      expect(res.status).toBe(403);
      const rows = (await refusals({ actorId: null })).filter((r) => (r.after as { apiTokenId?: string }).apiTokenId === apiToken.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ entityType: 'Route', entityId: 'GET /api/requests/:id/format.xlsx' });
    }));

  it('allowed, not found and anonymous requests leave no row', async () => {
    const count = () => t.db.auditEvent.count({ where: { action: 'auth.refused', officeId: o.office.id } });
    const before = await count();
    expect((await get(`/api/requests/${req.id}/format.xlsx?bidangId=${o.bidang[0].id}`, o.tok.op1)).status).toBe(200);
    expect((await get(`/api/documents/${crypto.randomUUID()}`, o.tok.op1)).status).toBe(404);
    expect((await get(`/api/requests/${req.id}/dataset.xlsx`)).status).toBe(401);
    expect(await count()).toBe(before);
  });
});
