/**
 * The inbox as a phone shows it: short actions instead of the SOP's sentences, the Bidang named
 * on every card about a submission, and no hand-over addressed to the person who takes it.
 */
import { acceptSubmission, fillAndSubmit, requestAt, setupOffice, type FlowOffice } from './flow';
import { startTestApp, type TestApp } from './harness';

let t: TestApp;
let o: FlowOffice;
beforeAll(async () => {
  t = await startTestApp();
  o = await setupOffice(t);
}, 120_000);
afterAll(() => t.close());

const ITEM = '{ kind title titleEn step submissionId bidang { id name } request { id } }';
async function inboxOf(token: string, requestId: string) {
  const r = await t.gql(`{ myInbox ${ITEM} }`, {}, token);
  expect(r.errors).toBeUndefined();
  return (r.data.myInbox as any[]).filter((i) => i.request.id === requestId);
}

it('each review card names its Bidang; the operator sees his own Bidang; titles are short actions', async () => {
  const req = await requestAt(t, o, 'COLLECTING');
  const [b1, b2] = o.bidang;
  // Both Bidang send: the Kasubbag (and the Penyusun) get one card per Bidang, each naming it.
  await fillAndSubmit(t, o, req.submissions[0]!, 0);
  await fillAndSubmit(t, o, req.submissions[1]!, 1);
  const review = await inboxOf(o.tok.kasubbag, req.id);
  expect(review.map((i) => [i.kind, i.submissionId, i.bidang?.id, i.title, i.titleEn]).sort()).toEqual(
    [
      ['REVIEW_SUBMISSION', req.submissions[0], b1.id, `Periksa data ${b1.name}`, `Review the data of ${b1.name}`],
      ['REVIEW_SUBMISSION', req.submissions[1], b2.id, `Periksa data ${b2.name}`, `Review the data of ${b2.name}`],
    ].sort(),
  );
  // Two cards, two different titles: never the same sentence twice.
  expect(new Set(review.map((i) => i.title)).size).toBe(2);
  expect(await inboxOf(o.tok.op1, req.id)).toEqual([]);
});

it('a draft and a returned submission: the operator is told to fill or to fix, with his Bidang', async () => {
  const req = await requestAt(t, o, 'COLLECTING');
  const [b1] = o.bidang;
  expect(await inboxOf(o.tok.op1, req.id)).toEqual([
    expect.objectContaining({ kind: 'FILL_SUBMISSION', title: `Isi data ${b1.name}`, bidang: { id: b1.id, name: b1.name } }),
  ]);
  await fillAndSubmit(t, o, req.submissions[0]!, 0);
  const r = await t.gql('mutation($i: ReturnSubmissionInput!) { returnSubmission(input: $i) { status } }', { i: { submissionId: req.submissions[0], expectedVersion: await version(req.submissions[0]!), reason: 'Lampiran LHP belum ditandatangani' } }, o.tok.kasubbag);
  expect(r.data?.returnSubmission.status).toBe('RETURNED');
  expect(await inboxOf(o.tok.op1, req.id)).toEqual([
    expect.objectContaining({ kind: 'FILL_SUBMISSION', title: `Perbaiki data ${b1.name} yang dikembalikan` }),
  ]);
});

it('closing the collection: the Penyusun forwards it to the Kasubbag; the Kasubbag is never told to forward it to himself', async () => {
  const req = await requestAt(t, o, 'SUBMITTED');
  for (const id of req.submissions) await acceptSubmission(t, o, id);
  const penyusun = await inboxOf(o.tok.penyusun, req.id);
  expect(penyusun).toEqual([expect.objectContaining({ kind: 'REQUEST_STEP', step: 4, title: 'Teruskan data terkumpul ke Kasubbag', bidang: null })]);
  const kasubbag = await inboxOf(o.tok.kasubbag, req.id);
  expect(kasubbag).toEqual([expect.objectContaining({ kind: 'REQUEST_STEP', step: 4, title: 'Tutup pengumpulan data Bidang', titleEn: 'Close the collection of Bidang data' })]);
  expect(kasubbag[0].title).not.toMatch(/Kasubbag/);
});

it('request steps read as actions, not as the SOP activity sentences', async () => {
  const req = await requestAt(t, o, 'REGISTERED');
  expect(await inboxOf(o.tok.sekretaris, req.id)).toEqual([expect.objectContaining({ kind: 'REQUEST_STEP', step: 1, title: 'Disposisikan ke Kasubbag', titleEn: 'Dispose to the Kasubbag' })]);
  const compiled = await requestAt(t, o, 'COMPILING');
  expect(await inboxOf(o.tok.kasubbag, compiled.id)).toEqual([expect.objectContaining({ step: 5, title: 'Himpun data yang terkumpul' })]);
});

async function version(submissionId: string): Promise<number> {
  return (await t.db.bidangSubmission.findUniqueOrThrow({ where: { id: submissionId } })).version;
}
