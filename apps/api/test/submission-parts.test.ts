/**
 * The board reads only what its query selects of each submission (graphql/selection.ts,
 * SubmissionParts; issue 15): the lean values must show exactly what the full ones show for the
 * fields asked, on both target paths (frozen at step 3, and the master target when a request's
 * target was never frozen), and the parts not asked are not read at all.
 */
import pg from 'pg';
import { startTestApp, type TestApp } from './harness';
import { DASHBOARD_QUERY, makeCollectingRequest } from './scenario';
import { makeBidang, makeIndicator } from './factories';
import { TEST_DATABASE_URL } from './db-url';
import { LEAN_VALUES_OF_SUBMISSIONS, VALUES_OF_SUBMISSIONS } from '../src/submission/submission.sql';

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

/**
 * The values statements join three ranges with FULL JOINs and then drop what only one side had
 * (submission.sql.ts requestedValues): a submission shows exactly its request's asked indicators of
 * its own Bidang — not its Bidang's indicators the request does not ask, not a value saved for one
 * no longer asked, not another Bidang's — each once, with the value it has or none.
 */
it("shows exactly the asked indicators of the submission's own Bidang, with or without a value", async () => {
  const x = await makeCollectingRequest(t.db, t.services, { bidang: 2, indicatorsPerBidang: 3 });
  const [sub0] = await t.db.bidangSubmission.findMany({ where: { id: { in: x.submissionIds }, bidangId: x.bidang[0].id } });
  const asked = await t.db.dataRequestIndicator.findMany({ where: { requestId: x.requestId }, include: { indicator: true } });
  const own = asked.filter((a) => a.indicator.bidangId === x.bidang[0].id).map((a) => a.indicatorId);
  expect(own).toHaveLength(3);
  // An indicator of Bidang 1 the request never asked, with a value saved anyway.
  const notAsked = await makeIndicator(t.db, x.office.id, x.bidang[0].id, { year: 2026, target: 90 });
  await t.db.submissionValue.create({ data: { submissionId: sub0.id, indicatorId: notAsked.id, realisasi: 70 } });
  // One asked indicator that no longer is (its value stays saved), and one whose value was never saved.
  await t.db.dataRequestIndicator.delete({ where: { requestId_indicatorId: { requestId: x.requestId, indicatorId: own[0] } } });
  await t.db.submissionValue.delete({ where: { submissionId_indicatorId: { submissionId: sub0.id, indicatorId: own[1] } } });
  // An indicator asked of a Bidang that has no submission in this request (no Bidang shows it).
  const outside = await makeBidang(t.db, x.office.id, 'Bidang tanpa isian');
  const outsideIndicator = await makeIndicator(t.db, x.office.id, outside.id, { year: 2026, target: 50 });
  await t.db.dataRequestIndicator.create({ data: { requestId: x.requestId, indicatorId: outsideIndicator.id, target: 50, targetFrozenAt: new Date() } });
  const kasubbag = await t.login(x.users.kasubbag.username);
  for (const fields of [LEAN, `${LEAN} indicatorName note`]) {
    const subs = (await t.gql(query(fields), { id: x.requestId }, kasubbag)).data.dataRequest.submissions;
    const mine = subs.find((s: any) => s.id === sub0.id);
    expect(mine.values.map((v: any) => v.indicatorId).sort()).toEqual([own[1], own[2]].sort());
    expect(mine.values.find((v: any) => v.indicatorId === own[1]).realisasi).toBeNull();
    expect(mine.values.find((v: any) => v.indicatorId === own[2]).realisasi).toEqual(expect.any(Number));
    const other = subs.find((s: any) => s.id !== sub0.id);
    const others = asked.filter((a) => a.indicator.bidangId === x.bidang[1].id).map((a) => a.indicatorId);
    expect(other.values.map((v: any) => v.indicatorId).sort()).toEqual(others.sort());
    expect(subs).toHaveLength(2);
  }
  // And the statements themselves return only those rows (the API would also drop a row of no submission).
  const sql = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await sql.connect();
  try {
    for (const stmt of [LEAN_VALUES_OF_SUBMISSIONS, VALUES_OF_SUBMISSIONS]) {
      const rows = (await sql.query(stmt.text, [x.submissionIds])).rows;
      expect(rows.map((r) => `${r.submissionId} ${r.id}`).sort()).toEqual(
        [...[own[1], own[2]].map((i) => `${sub0.id} ${i}`), ...asked.filter((a) => a.indicator.bidangId === x.bidang[1].id).map((a) => `${x.submissionIds.find((id) => id !== sub0.id)} ${a.indicatorId}`)].sort(),
      );
    }
  } finally {
    await sql.end();
  }
}, 60_000);
