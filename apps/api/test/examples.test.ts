/**
 * The API as a client developer meets it: the sample client under examples/ runs as it ships,
 * against a live API (examples/webhook-receiver.mjs runs in webhooks.test.ts), and the documented
 * maximum page (`first: 100`) with every field of each connection's node passes the operation
 * limits — the cost model and the page cap agree.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { getNamedType, getNullableType, isLeafType, isListType, isObjectType, type GraphQLObjectType } from 'graphql';
import { getSchema } from '../src/schema/build-schema';
import { errorCode, startTestApp, type TestApp } from './harness';
import { makeCollectingRequest } from './scenario';

const EXAMPLES = path.resolve(__dirname, '../../../examples');

let t: TestApp;
let token: string;
let kasubbag: string;
let valueCount: number;
beforeAll(async () => {
  t = await startTestApp();
  // 120 accepted values: the sample reads them in two pages (100 + 20).
  const s = await makeCollectingRequest(t.db, t.services, { bidang: 2, indicatorsPerBidang: 60, year: 2026, triwulan: 3 });
  await t.db.bidangSubmission.updateMany({ where: { requestId: s.requestId }, data: { status: 'ACCEPTED', reviewedAt: new Date() } });
  valueCount = await t.db.submissionValue.count({ where: { submission: { requestId: s.requestId } } });
  const passwordHash = (await t.db.user.findFirstOrThrow({ where: { officeId: s.office.id } })).passwordHash;
  const mk = (roles: ('ADMIN' | 'KASUBBAG')[]) =>
    t.db.user.create({ data: { officeId: s.office.id, username: `u${crypto.randomBytes(5).toString('hex')}`, name: 'Contoh', roles, passwordHash } });
  const admin = await t.login((await mk(['ADMIN'])).username);
  kasubbag = await t.login(s.users.kasubbag.username);
  const created = await t.gql(
    'mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token } }',
    { i: { name: 'Dashboard Bappeda', scopes: ['READ_PERFORMANCE'], expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString() } },
    admin,
  );
  token = created.data.createApiToken.token;
});
afterAll(async () => {
  await t.close();
});

function run(script: string, args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(EXAMPLES, script), ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('examples/read-performance.mjs', () => {
  it('reads every accepted value of the period as CSV, page by page, with a service token', async () => {
    const r = await run('read-performance.mjs', ['2026', '3'], { SIPEDAKI_URL: t.url, SIPEDAKI_TOKEN: token });
    expect({ code: r.code, stderr: r.stderr.trim() }).toEqual({ code: 0, stderr: `${valueCount} of ${valueCount} values read` });
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('period,bidangCode,bidangName,indicatorCode,indicatorName,satuan,target,realisasi,capaian,categoryCode');
    expect(lines).toHaveLength(1 + valueCount);
    expect(lines.slice(1).every((l) => l.startsWith('Triwulan III 2026,'))).toBe(true);
  });

  it('stops with a clear message when the token is not accepted', async () => {
    const r = await run('read-performance.mjs', ['2026', '3'], { SIPEDAKI_URL: t.url, SIPEDAKI_TOKEN: `spdk_${'x'.repeat(43)}` });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/UNAUTHENTICATED: Token layanan tidak dikenal/);
  });
});

/**
 * Every field of the node that is a scalar or enum (lists of them too), and every object field
 * (not a list) with its own scalar fields: what a client takes to be "a node with every field".
 * Lists of objects inside a node (a request's timeline, submissions …) are other reads.
 */
function everyField(type: GraphQLObjectType): string {
  const parts: string[] = [];
  for (const f of Object.values(type.getFields())) {
    if (f.args.some((a) => a.type.toString().endsWith('!') && a.defaultValue === undefined)) continue;
    const named = getNamedType(f.type);
    if (isLeafType(named)) parts.push(f.name);
    else if (isObjectType(named) && !isListType(getNullableType(f.type))) {
      const leaves = Object.values(named.getFields()).filter((g) => isLeafType(getNamedType(g.type)) && !g.args.length).map((g) => g.name);
      if (leaves.length) parts.push(`${f.name} { ${leaves.join(' ')} }`);
    }
  }
  return parts.join(' ');
}

describe('the documented maximum page', () => {
  it.each([['dataRequests'], ['performanceData']])('%s(first: 100) with every field of its node passes the limits', async (field) => {
    const schema = await getSchema();
    const conn = getNamedType(schema.getQueryType()!.getFields()[field]!.type) as GraphQLObjectType;
    const edge = getNamedType(conn.getFields().edges!.type) as GraphQLObjectType;
    const node = getNamedType(edge.getFields().node!.type) as GraphQLObjectType;
    const query = `{ ${field}(first: 100) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${everyField(node)} } } } }`;
    const r = await t.gql(query, {}, kasubbag);
    expect({ code: errorCode(r), errors: r.errors }).toEqual({ code: undefined, errors: undefined });
    expect(r.data[field].edges.length).toBeGreaterThan(0);
  });
});
