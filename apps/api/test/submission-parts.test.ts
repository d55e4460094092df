/**
 * The board reads only what its query selects of each submission (graphql/selection.ts,
 * SubmissionParts; issue 15): the lean values must show exactly what the full ones show for the
 * fields asked, on both target paths (frozen at step 3, and the master target when a request's
 * target was never frozen), and the parts not asked are not read at all.
 */
import pg from 'pg';
import { startTestApp, type TestApp } from './harness';
import { DASHBOARD_QUERY, makeCollectingRequest } from './scenario';

let t: TestApp;
let s: Awaited<ReturnType<typeof makeCollectingRequest>>;
let token: string;
beforeAll(async () => {
  t = await startTestApp();
  s = await makeCollectingRequest(t.db, t.services, { bidang: 2, indicatorsPerBidang: 4 });
  // One indicator's target was never frozen: its target then comes from the master targets.
  const one = await t.db.dataRequestIndicator.findFirstOrThrow({ where: { requestId: s.requestId } });
  await t.db.dataRequestIndicator.update({ where: { requestId_indicatorId: { requestId: s.requestId, indicatorId: one.indicatorId } }, data: { targetFrozenAt: null, target: null } });
  token = await t.login(s.users.kasubbag.username);
}, 120_000);
afterAll(() => t?.close());

const LEAN = 'indicatorId indicatorCode polarity target targetUpper targetFrozen realisasi capaian capaianStatus category { code label }';
const query = (valueFields: string) => `query($id: UUID!) { dataRequest(id: $id) { submissions { id missingDocuments headNote values { ${valueFields} } } } }`;

/** The SQL statements a query sends (a hook on pg's Client#query, as test/explain.test.ts). */
async function statementsOf(run: () => Promise<unknown>): Promise<string[]> {
  const texts: string[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: any[]) {
    const [a] = args;
    const text = typeof a === 'string' ? a : a?.text;
    if (typeof text === 'string') texts.push(text);
    return (original as any).apply(this, args);
  } as any;
  try {
    await run();
  } finally {
    pg.Client.prototype.query = original;
  }
  return texts;
}

it('lean values equal the full ones field by field, frozen and master targets alike', async () => {
  const lean = (await t.gql(query(LEAN), { id: s.requestId }, token)).data.dataRequest.submissions;
  const full = (await t.gql(query(`${LEAN} indicatorName sasaran satuan note valueKind`), { id: s.requestId }, token)).data.dataRequest.submissions;
  expect(lean.length).toBe(2);
  const pick = (v: Record<string, unknown>) => Object.fromEntries(Object.entries(v).filter(([k]) => !['indicatorName', 'sasaran', 'satuan', 'note', 'valueKind'].includes(k)));
  expect(lean.map((x: any) => ({ ...x, values: x.values })).length).toBe(full.length);
  for (let i = 0; i < full.length; i++) {
    expect(lean[i].values).toEqual(full[i].values.map(pick));
    expect(lean[i].missingDocuments).toEqual(full[i].missingDocuments);
  }
  const values = full.flatMap((x: any) => x.values);
  expect(values.length).toBe(8);
  expect(values.filter((v: any) => !v.targetFrozen)).toHaveLength(1);
  expect(values.every((v: any) => typeof v.indicatorName === 'string' && v.indicatorName.length > 0)).toBe(true);
  expect(values.every((v: any) => typeof v.target === 'number')).toBe(true);
}, 60_000);

it('the board reads neither the values\' names nor the reviews; a query that asks for them gets them', async () => {
  const board = await statementsOf(() => t.gql(DASHBOARD_QUERY, { id: s.requestId }, token));
  expect(board.some((q) => q.includes('"SubmissionReview" v JOIN "User"'))).toBe(false);
  expect(board.filter((q) => q.includes('FROM "BidangSubmission" s') && q.includes('"DataRequestIndicator" di'))).toHaveLength(1);
  expect(board.some((q) => q.includes('sa.name AS "sasaranName"'))).toBe(false);

  const wide = await statementsOf(() => t.gql(query(`${LEAN} indicatorName`) + '', { id: s.requestId }, token));
  expect(wide.some((q) => q.includes('sa.name AS "sasaranName"'))).toBe(true);
  const withReviews = await statementsOf(() => t.gql('query($id: UUID!) { dataRequest(id: $id) { submissions { id reviews { action } } } }', { id: s.requestId }, token));
  expect(withReviews.some((q) => q.includes('"SubmissionReview" v JOIN "User"'))).toBe(true);
  // Neither values nor documents asked: neither is read.
  expect(withReviews.some((q) => q.includes('"DataRequestIndicator" di'))).toBe(false);
  expect(withReviews.some((q) => q.includes('FROM "StoredDocument" d'))).toBe(false);
}, 60_000);
