/**
 * The request lists without N+1 (session 6): the fields a list shows per request — the Bidang it
 * is asked of, completeness, the latest analysis, who cancelled it — load for the whole page in a
 * fixed set of statements (common/loaders.ts), so the Kepala Dinas's home page and the request
 * list cost the same number of SQL statements for 3 requests as for 6.
 */
import { countStatements } from './statements';
import { register, requestAt, setupOffice, type FlowOffice } from './flow';
import { startTestApp, type TestApp } from './harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 120_000);
afterAll(async () => {
  await t?.close();
});

/** The Kepala Dinas's home page (apps/web KepalaOverview + RequestSummary) and the list's Bidang. */
const SUMMARY = `id letterNumber letterDate subject sender status statusLabel statusLabelEn currentStep dueAt overdue acknowledgedAt createdAt
  period { label } completeness { bidangTotal accepted submitted } latestAnalysis { id office { average category { code label labelEn } } }
  bidang { id name } cancelReason cancelledAt cancelledBy { id name nip }`;
const KEPALA_HOME = `query { recent: dataRequests(first: 10) { totalCount edges { node { ${SUMMARY} } } }
  all: dataRequests(first: 100) { totalCount edges { node { id status overdue } } } }`;
const CANCEL = 'mutation($i: CancelRequestInput!) { cancelDataRequest(input: $i) { id status } }';
const LIST = `query { dataRequests(first: 20) { totalCount edges { node { ${SUMMARY} analyses { id version } scheduleWarning { message } requesterDeadline asksEditable } } } }`;

/** An office with `each` requests analysed, `each` collecting and `each` cancelled while collecting. */
async function officeWith(each: number): Promise<FlowOffice> {
  const o = await setupOffice(t);
  for (let i = 0; i < each; i++) {
    await requestAt(t, o, 'ANALYSED');
    await requestAt(t, o, 'COLLECTING');
    const c = await requestAt(t, o, 'COLLECTING');
    const cancel = await t.gql(CANCEL, { i: { requestId: c.id, reason: 'Surat ditarik kembali oleh pengirim.' } }, o.tok.sekretaris);
    expect(cancel.errors).toBeUndefined();
  }
  // A request still at step 1: no Bidang work, no analysis.
  await register(t, o);
  return o;
}

async function statementsOf(query: string, o: FlowOffice, rows: number, token: string) {
  const warm = await t.gql(query, {}, token);
  expect(warm.errors).toBeUndefined();
  const edges = (warm.data.recent ?? warm.data.dataRequests).edges;
  expect(edges).toHaveLength(rows);
  // Every field is really there: the cancelled ones name their Sekretaris, the analysed ones their analysis.
  const cancelled = edges.filter((e: any) => e.node.status === 'CANCELLED');
  expect(cancelled.length).toBeGreaterThan(0);
  expect(cancelled.every((e: any) => e.node.cancelledBy?.id === o.users.sekretaris.id && e.node.cancelledAt)).toBe(true);
  expect(edges.filter((e: any) => e.node.latestAnalysis).length).toBe(cancelled.length);
  expect(edges.filter((e: any) => e.node.bidang.length === 2).length).toBe(rows);
  return countStatements(() => t.gql(query, {}, token));
}

describe('request lists load in a fixed number of statements', () => {
  let small: FlowOffice;
  let large: FlowOffice;
  beforeAll(async () => {
    small = await officeWith(1); // 4 requests
    large = await officeWith(2); // 7 requests
  }, 600_000);

  it.each([
    ['the Kepala Dinas home page', KEPALA_HOME, 'kepala'],
    ['the request list with its Bidang and analyses', LIST, 'kasubbag'],
  ] as const)('%s: as many statements for 7 requests as for 4', async (_name, query, who) => {
    const few = await statementsOf(query, small, 4, small.tok[who]);
    const many = await statementsOf(query, large, 7, large.tok[who]);
    process.stdout.write(`[request-lists] ${_name}: 4 requests -> ${few} statements, 7 requests -> ${many}\n`);
    expect(many).toBe(few);
  }, 120_000);
});
