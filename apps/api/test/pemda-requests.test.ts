/**
 * The requester's side (issue 15): a Bappeda analyst issues one data request to chosen offices of
 * the pemda; each office receives it registered at step 1; the analyst reads per office the
 * current step, the late steps and, once DONE, the final report and its frozen figures. Every
 * refusal across pemdas and offices leaves the database as it was.
 */
import type { Role } from '@sipedaki/sop';
import { makeOffice, makePemda, makeUser } from './factories';
import { advance, callStep, setupOffice, snapshot, type FlowOffice } from './flow';
import { errorCode, startTestApp, type TestApp } from './harness';
import { until } from './wait';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({}, { jobs: true });
});
afterAll(() => t.close());

const ISSUE = `mutation($i: IssuePemdaRequestInput!) { issuePemdaRequest(input: $i) { id letterNumber officeCount doneCount issuingOffice { id name } period { label } } }`;
const READ = `query($id: UUID!) { pemdaRequest(id: $id) { id officeCount doneCount offices {
  office { id name } requestId status currentStep currentActivity notStarted overdue dueAt pastDeadline
  lateSteps { step completed overdueWorkingMinutes }
  report { id filename downloadPath verificationCode }
  figures { analysisVersion officeCapaian category scale indicatorCount indicators { code capaian realisasi target } } } } }`;

let seq = 0;
const issueInput = (officeIds: string[], over: Record<string, unknown> = {}) => ({
  letterNumber: `050/${process.pid}-${++seq}/Bappeda/2026`,
  letterDate: '2026-11-02',
  subject: 'Permintaan data capaian kinerja Triwulan III 2026',
  year: 2026,
  triwulan: 3,
  officeIds,
  items: ['Jumlah desa mandiri', 'Realisasi Dana Desa'],
  requestedDocuments: ['LHP', 'LHE', 'TL_HP'],
  deadline: new Date(Date.now() + 10 * 86_400_000).toISOString(),
  ...over,
});

/** A pemda with a Bappeda (its analyst, viewer and admin) and three offices with their staff. */
async function kabupaten() {
  const pemda = await makePemda(t.db);
  const bappeda = await makeOffice(t.db, { pemdaId: pemda.id, allDay: true });
  const people = async (roles: Role[]) => t.login((await makeUser(t.db, bappeda.id, roles)).username);
  const tok = { analyst: await people(['PEMDA_ANALYST']), viewer: await people(['PEMDA_VIEWER']), admin: await people(['PEMDA_ADMIN']) };
  const offices = [await setupOffice(t, { pemdaId: pemda.id }), await setupOffice(t, { pemdaId: pemda.id }), await setupOffice(t, { pemdaId: pemda.id })] as [FlowOffice, FlowOffice, FlowOffice];
  return { pemda, bappeda, tok, offices };
}

async function issue(token: string, input: Record<string, unknown>) {
  const r = await t.gql(ISSUE, { i: input }, token);
  if (!r.data?.issuePemdaRequest) throw new Error(JSON.stringify(r.errors));
  return r.data.issuePemdaRequest as { id: string; letterNumber: string; officeCount: number };
}

/** What a refused issue must leave untouched in these offices. */
async function officeState(officeIds: string[]) {
  return {
    requests: await t.db.dataRequest.count({ where: { officeId: { in: officeIds } } }),
    steps: await t.db.requestStep.count({ where: { request: { officeId: { in: officeIds } } } }),
    audit: await t.db.auditEvent.count({ where: { officeId: { in: officeIds }, NOT: { action: { startsWith: 'auth.' } } } }),
    pemdaRequests: await t.db.pemdaRequest.count({ where: { pemda: { offices: { some: { id: { in: officeIds } } } } } }),
  };
}

it('one issue registers the letter at step 1 in each chosen office, in one transaction with its audit, and tells each Sekretaris', async () => {
  const k = await kabupaten();
  const [a, b] = k.offices;
  const p = await issue(k.tok.analyst, issueInput([a.office.id, b.office.id]));
  expect(p.officeCount).toBe(2);
  const rows = await t.db.dataRequest.findMany({ where: { pemdaRequestId: p.id }, include: { steps: true, bidang: true, indicators: true } });
  expect(rows.map((r) => r.officeId).sort()).toEqual([a.office.id, b.office.id].sort());
  for (const r of rows) {
    expect(r).toMatchObject({ status: 'AT_SEKRETARIS', currentStep: 1, letterNumber: p.letterNumber, sender: k.bappeda.name, year: 2026, triwulan: 3 });
    expect(r.requesterDeadline).not.toBeNull();
    expect(r.notes).toContain('1. Jumlah desa mandiri');
    expect(r.steps.map((s) => s.step)).toEqual([1]);
    // Every active Bidang and every master indicator of that office, as a registration without a choice.
    expect(r.bidang).toHaveLength(2);
    expect(r.indicators).toHaveLength(2);
  }
  // The third office was not asked.
  expect(await t.db.dataRequest.count({ where: { officeId: k.offices[2].office.id } })).toBe(0);
  // Audit: the issue in the Bappeda, the registration in each office's own trail.
  expect(await t.db.auditEvent.count({ where: { entityId: p.id, action: 'pemdaRequest.issued', officeId: k.bappeda.id } })).toBe(1);
  for (const r of rows) expect(await t.db.auditEvent.count({ where: { entityId: r.id, action: 'request.registered', officeId: r.officeId } })).toBe(1);
  // The Sekretaris's inbox and notification.
  const inbox = await t.gql('query { dataRequests(first: 10) { edges { node { id letterNumber sender status } } } }', {}, a.tok.sekretaris);
  expect(inbox.data.dataRequests.edges.map((e: any) => e.node)).toEqual([expect.objectContaining({ letterNumber: p.letterNumber, sender: k.bappeda.name, status: 'AT_SEKRETARIS' })]);
  for (const o of [a, b]) {
    await until('REQUEST_RECEIVED for the Sekretaris', async () => (await t.db.notification.count({ where: { userId: o.users.sekretaris.id, event: 'REQUEST_RECEIVED' } })) === 1, 30_000);
    const list = await t.gql('query { notifications(first: 5) { edges { node { event title link } } } }', {}, o.tok.sekretaris);
    const n = list.data.notifications.edges.map((e: any) => e.node).find((x: any) => x.event === 'REQUEST_RECEIVED');
    expect(n.title).toBe(`Permintaan data baru dari ${k.bappeda.name}: surat ${p.letterNumber}`);
    expect(n.link).toBe(`/permintaan/${rows.find((r) => r.officeId === o.office.id)!.id}`);
  }
  // Nobody else of the office is told of the new letter.
  expect(await t.db.notification.count({ where: { userId: a.users.kasubbag.id, event: 'REQUEST_RECEIVED' } })).toBe(0);
});

it('the analyst sees per office: DONE with the report and frozen figures, late at step 4, not started', async () => {
  const k = await kabupaten();
  const [done, late, idle] = k.offices;
  const p = await issue(k.tok.analyst, issueInput(k.offices.map((o) => o.office.id)));
  const rows = await t.db.dataRequest.findMany({ where: { pemdaRequestId: p.id } });
  const reqOf = (o: FlowOffice) => rows.find((r) => r.officeId === o.office.id)!.id;

  await advance(t, done, { id: reqOf(done), submissions: [] }, 'REGISTERED', 'DONE');
  // The office issues its recap (the final report) as it does today.
  const recap = await fetch(`${t.url}/api/requests/${reqOf(done)}/recap.pdf`, { headers: { authorization: `Bearer ${done.tok.kasubbag}` } });
  expect(recap.status).toBe(200);
  const recapBytes = Buffer.from(await recap.arrayBuffer());

  await advance(t, late, { id: reqOf(late), submissions: [] }, 'REGISTERED', 'COLLECTING');
  // Step 4 started three days ago (its standard is two working days; the office works all day):
  // the recorded timeline is moved back as if it had run that long.
  const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000);
  const twoDaysAfter = new Date(threeDaysAgo.getTime() + 2 * 86_400_000);
  await t.db.requestStep.updateMany({ where: { requestId: reqOf(late), step: 4, completedAt: null }, data: { startedAt: threeDaysAgo, dueAt: twoDaysAfter } });
  await t.db.dataRequest.update({ where: { id: reqOf(late) }, data: { stepStartedAt: threeDaysAgo, dueAt: twoDaysAfter } });

  const r = await t.gql(READ, { id: p.id }, k.tok.analyst);
  expect(r.errors).toBeUndefined();
  const byOffice = new Map<string, any>(r.data.pemdaRequest.offices.map((x: any) => [x.office.id, x]));
  expect(r.data.pemdaRequest).toMatchObject({ officeCount: 3, doneCount: 1 });

  const d = byOffice.get(done.office.id);
  expect(d).toMatchObject({ status: 'DONE', notStarted: false, overdue: false, dueAt: null, lateSteps: [] });
  expect(d.report.downloadPath).toBe(`/api/pemda/reports/${d.report.id}`);
  const analysis = await t.db.performanceAnalysis.findFirstOrThrow({ where: { requestId: reqOf(done), status: 'SUBMITTED' }, orderBy: { version: 'desc' } });
  expect(d.figures.analysisVersion).toBe(analysis.version);
  expect(d.figures.officeCapaian).toBeCloseTo(Number(analysis.officeCapaian), 2);
  expect(d.figures.indicators).toHaveLength(2);
  expect(d.figures.indicators.every((i: any) => typeof i.capaian === 'number')).toBe(true);

  const l = byOffice.get(late.office.id);
  expect(l).toMatchObject({ status: 'COLLECTING', currentStep: 4, notStarted: false, overdue: true, report: null, figures: null });
  expect(l.lateSteps).toEqual([{ step: 4, completed: false, overdueWorkingMinutes: expect.any(Number) }]);
  expect(l.lateSteps[0].overdueWorkingMinutes).toBeGreaterThanOrEqual(23 * 60);

  expect(byOffice.get(idle.office.id)).toMatchObject({ status: 'AT_SEKRETARIS', currentStep: 1, notStarted: true, overdue: false, lateSteps: [], report: null, figures: null });

  // The viewer (Sekda) reads the same; the report downloads as the office issued it.
  const v = await t.gql(READ, { id: p.id }, k.tok.viewer);
  expect(v.data.pemdaRequest.offices).toHaveLength(3);
  const got = await fetch(`${t.url}${d.report.downloadPath}`, { headers: { authorization: `Bearer ${k.tok.viewer}` } });
  expect(got.status).toBe(200);
  expect(Buffer.from(await got.arrayBuffer()).equals(recapBytes)).toBe(true);
  expect(await t.db.auditEvent.count({ where: { entityId: d.report.id, action: 'document.downloaded', officeId: done.office.id, after: { path: ['byPemda'], equals: k.pemda.id } } })).toBe(1);

  // Refused: the office's own staff (not a pemda role) and another pemda's analyst; a document that is not the report.
  const other = await makeOffice(t.db, { allDay: true });
  const stranger = await t.login((await makeUser(t.db, other.id, ['PEMDA_ANALYST'])).username);
  expect((await fetch(`${t.url}${d.report.downloadPath}`, { headers: { authorization: `Bearer ${stranger}` } })).status).toBe(404);
  expect((await fetch(`${t.url}${d.report.downloadPath}`, { headers: { authorization: `Bearer ${done.tok.sekretaris}` } })).status).toBe(403);
  const format = await t.db.storedDocument.findFirst({ where: { requestId: reqOf(done), kind: { not: 'REPORT' } } });
  if (format) expect((await fetch(`${t.url}/api/pemda/reports/${format.id}`, { headers: { authorization: `Bearer ${k.tok.analyst}` } })).status).toBe(404);
});

describe('refusals across pemdas and offices change nothing', () => {
  let k: Awaited<ReturnType<typeof kabupaten>>;
  let p: { id: string; letterNumber: string };
  let strangerAnalyst: string;
  let strangerOffice: { id: string };
  beforeAll(async () => {
    k = await kabupaten();
    p = await issue(k.tok.analyst, issueInput([k.offices[0].office.id]));
    const otherPemda = await makePemda(t.db);
    strangerOffice = await makeOffice(t.db, { pemdaId: otherPemda.id, allDay: true });
    strangerAnalyst = await t.login((await makeUser(t.db, strangerOffice.id, ['PEMDA_ANALYST'])).username);
  });

  it('another pemda\'s analyst cannot read the request, nor see it listed, nor ask this pemda\'s offices', async () => {
    expect(errorCode(await t.gql(READ, { id: p.id }, strangerAnalyst))).toBe('NOT_FOUND');
    const list = await t.gql('query { pemdaRequests { id } }', {}, strangerAnalyst);
    expect(list.data.pemdaRequests.map((x: any) => x.id)).not.toContain(p.id);
    const ids = k.offices.map((o) => o.office.id);
    const before = await officeState(ids);
    const r = await t.gql(ISSUE, { i: issueInput(ids) }, strangerAnalyst);
    expect(errorCode(r)).toBe('VALIDATION_FAILED');
    expect(r.errors![0]!.extensions!.fields).toHaveLength(3);
    expect(await officeState(ids)).toEqual(before);
    expect(await t.db.pemdaRequest.count({ where: { officeId: strangerOffice.id } })).toBe(0);
  });

  it('an issue naming one office outside the pemda, or a letter an office already registered, registers nothing anywhere', async () => {
    const ids = k.offices.map((o) => o.office.id);
    const before = await officeState(ids);
    const outside = await t.gql(ISSUE, { i: issueInput([...ids, strangerOffice.id]) }, k.tok.analyst);
    expect(errorCode(outside)).toBe('VALIDATION_FAILED');
    expect(outside.errors![0]!.extensions!.fields).toEqual([expect.objectContaining({ field: `officeIds.${strangerOffice.id}` })]);
    expect(await officeState(ids)).toEqual(before);
    // The first office registered this letter number by hand already: the whole issue is refused.
    const again = await t.gql(ISSUE, { i: issueInput([k.offices[1].office.id, k.offices[0].office.id], { letterNumber: p.letterNumber + '-x' }) }, k.tok.analyst);
    expect(again.errors).toBeUndefined();
    const after = await officeState(ids);
    const dup = await t.gql(ISSUE, { i: issueInput([k.offices[2].office.id, k.offices[1].office.id], { letterNumber: p.letterNumber + '-x' }) }, k.tok.analyst);
    expect(errorCode(dup)).toBe('DUPLICATE');
    expect(await officeState(ids)).toEqual(after);
  });

  it('only the analyst issues: the viewer, the pemda administrator and office roles are refused, and nothing is written', async () => {
    const ids = [k.offices[1].office.id];
    const before = await officeState(ids);
    for (const token of [k.tok.viewer, k.tok.admin, k.offices[0].tok.sekretaris, k.offices[0].tok.admin, k.offices[0].tok.kepala]) {
      expect(errorCode(await t.gql(ISSUE, { i: issueInput(ids) }, token))).toBe('FORBIDDEN');
    }
    expect(await officeState(ids)).toEqual(before);
  });

  it('an office\'s own staff see only their office: no pemda reads, no sibling office\'s request', async () => {
    const [a, b] = k.offices;
    const reqA = (await t.db.dataRequest.findFirstOrThrow({ where: { pemdaRequestId: p.id, officeId: a.office.id } })).id;
    for (const token of [a.tok.sekretaris, a.tok.kepala, a.tok.admin, a.tok.op1]) {
      expect(errorCode(await t.gql(READ, { id: p.id }, token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql('query { pemdaRequests { id } }', {}, token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql('query { myPemda { id } }', {}, token))).toBe('FORBIDDEN');
    }
    expect(errorCode(await t.gql('query($id: UUID!) { dataRequest(id: $id) { id } }', { id: reqA }, b.tok.sekretaris))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql('query($id: UUID!) { dataRequest(id: $id) { id } }', { id: reqA }, a.tok.sekretaris))).toBeUndefined();
  });

  it('pemda roles cannot act inside an office\'s procedure, nor read its request directly', async () => {
    const reqA = (await t.db.dataRequest.findFirstOrThrow({ where: { pemdaRequestId: p.id, officeId: k.offices[0].office.id } })).id;
    const before = await snapshot(t, reqA);
    for (const token of [k.tok.analyst, k.tok.viewer, k.tok.admin]) {
      expect(errorCode(await callStep(t, 'disposeToKasubbag', reqA, token))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql('mutation($i: CancelRequestInput!) { cancelDataRequest(input: $i) { id } }', { i: { requestId: reqA, reason: 'Tidak jadi diminta.' } }, token))).toBe('FORBIDDEN');
      // Another office's record reads as not found, as across offices today.
      expect(errorCode(await t.gql('query($id: UUID!) { dataRequest(id: $id) { id } }', { id: reqA }, token))).toBe('NOT_FOUND');
    }
    expect(await snapshot(t, reqA)).toEqual(before);
  });
});
