/**
 * Issue 15 "Scale, measured": no hot query may read a table that grows with offices or years from
 * end to end. Every SQL statement the API sends for the hot operations is recorded (a hook on
 * pg's Client.query, so Prisma's statements and the hand-written ones alike), then EXPLAINed with
 * the same parameters under `SET enable_seqscan = off`: the planner then takes any index that can
 * serve the statement, and a Seq Scan left in the plan means there is none — on a database of
 * 22,000 offices that statement reads every office's rows. A failure names the operation, the
 * table and the statement.
 *
 * The hot operations: the Kasubbag's board (bench/dashboard's query), the request list with
 * filters, `performanceData` pages with filters and a cursor, both inboxes, the notification list
 * and its unread count, the office-wide audit search, the request's Riwayat, sign-in and `me`.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { TEST_DATABASE_URL } from './db-url';
import { makeUser } from './factories';
import { startTestApp, type TestApp } from './harness';
import { DASHBOARD_QUERY, makeCollectingRequest } from './scenario';

/**
 * Tables that do not grow with offices or years, where reading the whole table is fine: the
 * national category scales (a few versions) and the live job workers (one row per API process).
 * Every other table of the public schema grows with offices (Office itself: 22,000 rows) or years.
 */
const SMALL_GLOBAL_TABLES = new Set(['CategoryScale', 'JobWorker', '_prisma_migrations']);

interface Recorded {
  text: string;
  values: unknown[];
}

let recording: Recorded[] | null = null;
const originalQuery = pg.Client.prototype.query;

beforeAll(() => {
  // Prisma's adapter and db/sql.ts both send through pg.Client#query (a config object or text + values).
  pg.Client.prototype.query = function (this: pg.Client, ...args: any[]) {
    if (recording) {
      const [a, b] = args;
      const text = typeof a === 'string' ? a : a?.text;
      const values = (typeof a === 'string' ? b : a?.values) ?? [];
      if (typeof text === 'string') recording.push({ text, values: Array.isArray(values) ? values : [] });
    }
    return (originalQuery as any).apply(this, args);
  } as any;
});
afterAll(() => {
  pg.Client.prototype.query = originalQuery;
});

let t: TestApp;
let explain: pg.Client;
let s: Awaited<ReturnType<typeof makeCollectingRequest>>;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  explain = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await explain.connect();
  await explain.query('SET enable_seqscan = off');
  s = await makeCollectingRequest(t.db, t.services, { bidang: 2, indicatorsPerBidang: 3 });
  // Accept one Bidang's submission so that performanceData has rows to page through.
  await t.db.bidangSubmission.update({ where: { id: s.submissionIds[0] }, data: { status: 'ACCEPTED', reviewedAt: new Date() } });
  const admin = await makeUser(t.db, s.office.id, ['ADMIN']);
  const operator = await makeUser(t.db, s.office.id, ['BIDANG_OPERATOR'], s.bidang[0].id);
  for (const [k, u] of Object.entries({ ...s.users, admin, operator })) tokens[k] = await t.login(u.username);
});
afterAll(async () => {
  await explain?.end();
  await t?.close();
});

/** Every statement sent while `run` runs. */
async function statementsOf(run: () => Promise<unknown>): Promise<Recorded[]> {
  recording = [];
  try {
    await run();
    return recording;
  } finally {
    recording = null;
  }
}

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; Schema?: string; 'Index Name'?: string; 'Index Cond'?: string; Plans?: PlanNode[] };
/**
 * Whole-table reads: a Seq Scan, and also an index scan without an index condition — with
 * seqscan off the planner walks a whole index instead (e.g. the primary key in ORDER BY id,
 * filtering every row), which reads every office's rows just the same.
 */
function seqScans(node: PlanNode, out: string[] = []): string[] {
  const table = node['Relation Name'];
  if (table && (node.Schema ?? 'public') === 'public') {
    if (node['Node Type'] === 'Seq Scan') out.push(table);
    if ((node['Node Type'] === 'Index Scan' || node['Node Type'] === 'Index Only Scan') && !node['Index Cond']) out.push(`${table} (whole index ${node['Index Name']})`);
  }
  for (const child of node.Plans ?? []) seqScans(child, out);
  return out;
}

function scans(node: PlanNode, out: string[] = []): string[] {
  if (node['Relation Name']) out.push(`${node['Node Type']} ${node['Relation Name']}${node['Index Name'] ? ` via ${node['Index Name']}${node['Index Cond'] ? '' : ' (no cond)'}` : ''}`);
  for (const child of node.Plans ?? []) scans(child, out);
  return out;
}

/** The tables a statement reads end to end (those that grow), or the plan error. */
async function growingSeqScans(st: Recorded): Promise<string[]> {
  const plan = await explain.query(`EXPLAIN (FORMAT JSON, VERBOSE) ${st.text}`, st.values);
  const root = (plan.rows[0]['QUERY PLAN'] as { Plan: PlanNode }[])[0].Plan;
  // EXPLAIN_PRINT=1 prints every scan of every plan (what the check saw).
  if (process.env.EXPLAIN_PRINT) process.stdout.write(`[explain] ${scans(root).join(' | ')} <= ${st.text.replace(/\s+/g, ' ').slice(0, 160)}\n`);
  return seqScans(root).filter((table) => !SMALL_GLOBAL_TABLES.has(table.split(' ')[0]));
}

const gqlOk = async (query: string, variables: Record<string, unknown>, token: string) => {
  const r = await t.gql(query, variables, token);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data;
};

const OPERATIONS: { name: string; run: () => Promise<unknown> }[] = [
  { name: 'sign-in', run: () => t.login(s.users.kasubbag.username) },
  { name: 'me', run: () => gqlOk('{ me { __typename } }', {}, tokens.kasubbag) },
  { name: "Kasubbag's board", run: () => gqlOk(DASHBOARD_QUERY, { id: s.requestId }, tokens.kasubbag) },
  {
    name: 'request list (filters)',
    run: () => gqlOk('query($f: DataRequestFilter) { dataRequests(first: 20, filter: $f) { totalCount edges { node { id status currentStep dueAt overdue } } } }', { f: { year: 2026, status: ['COLLECTING'] } }, tokens.sekretaris),
  },
  {
    name: 'performanceData pages (filters, cursor)',
    run: async () => {
      const q = 'query($f: PerformanceFilter, $a: String) { performanceData(first: 2, filter: $f, after: $a) { totalCount pageInfo { endCursor hasNextPage } edges { node { id capaian categoryCode } } } }';
      const indicatorId = (await t.db.submissionValue.findFirstOrThrow({ where: { submissionId: s.submissionIds[0] } })).indicatorId;
      for (const f of [{ year: 2026 }, { year: 2026, triwulan: 3 }, { bidangId: s.bidang[0].id, year: 2026 }, { indicatorId }, {}]) {
        const first = await gqlOk(q, { f }, tokens.kasubbag);
        if (first.performanceData.pageInfo.hasNextPage) await gqlOk(q, { f, a: first.performanceData.pageInfo.endCursor }, tokens.kasubbag);
      }
      // A Bidang user's pages are narrowed to the own Bidang.
      await gqlOk(q, { f: {} }, tokens.operator);
    },
  },
  { name: 'inbox (Kasubbag)', run: () => gqlOk('{ myInbox { __typename } }', {}, tokens.kasubbag) },
  { name: 'inbox (Bidang operator)', run: () => gqlOk('{ myInbox { __typename } }', {}, tokens.operator) },
  { name: 'notification list', run: () => gqlOk('{ notifications(first: 20) { edges { node { id } } } unreadNotificationCount }', {}, tokens.kasubbag) },
  {
    name: 'audit search',
    run: async () => {
      await gqlOk('query($f: AuditFilterInput) { auditEvents(filter: $f) { total } }', { f: {} }, tokens.admin);
      await gqlOk('query($f: AuditFilterInput) { auditEvents(filter: $f) { total } }', { f: { entityType: 'DataRequest', from: '2026-01-01' } }, tokens.admin);
    },
  },
  { name: 'Riwayat of a request', run: () => gqlOk('query($id: UUID!) { requestHistory(requestId: $id) { __typename } }', { id: s.requestId }, tokens.kasubbag) },
];

describe('EXPLAIN of every hot query: no sequential scan on a table that grows with offices or years', () => {
  it.each(OPERATIONS.map((o) => [o.name, o] as const))('%s', async (_name, op) => {
    const statements = (await statementsOf(op.run)).filter((st) => /^\s*(SELECT|WITH|UPDATE|DELETE)\b/i.test(st.text));
    expect(statements.length).toBeGreaterThan(0);
    const offenders: string[] = [];
    for (const st of statements) {
      const tables = await growingSeqScans(st);
      if (tables.length) offenders.push(`Seq Scan on ${[...new Set(tables)].join(', ')} in: ${st.text.replace(/\s+/g, ' ').slice(0, 400)}`);
    }
    process.stdout.write(`[explain] ${op.name}: ${statements.length} statements, ${offenders.length} with a sequential scan\n`);
    expect(offenders).toEqual([]);
  });

  it('performanceData counts its values only when totalCount is selected (the count reads every matching value)', async () => {
    const counts = async (q: string) => (await statementsOf(() => gqlOk(q, { f: {} }, tokens.kasubbag))).filter((st) => /count\(\*\)/i.test(st.text)).length;
    expect(await counts('query($f: PerformanceFilter) { performanceData(first: 2, filter: $f) { edges { node { id } } } }')).toBe(0);
    expect(await counts('query($f: PerformanceFilter) { performanceData(first: 2, filter: $f) { totalCount edges { node { id } } } }')).toBe(1);
  });

  it('the check itself: a statement without a usable index is caught', async () => {
    // "Indicator"."name" has no index: the planner must read the whole table.
    const tables = await growingSeqScans({ text: 'SELECT id FROM "Indicator" WHERE name = $1', values: [crypto.randomUUID()] });
    expect(tables).toEqual(['Indicator']);
  });
});
