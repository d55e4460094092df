/**
 * Issue 11: the Kepala Bidang's sign-off inside step 4, and every hand-in kept as a version
 * (re-uploads supersede, submitted files are never deleted, two versions compared).
 */
import { makeUser } from './factories';
import {
  callSaveSubmission,
  callSubmissionAction,
  getSubmission,
  requestAt,
  setupOffice,
  snapshot,
  uploadDocument,
  type FlowOffice,
} from './flow';
import { errorCode, startTestApp, type GqlResult, type TestApp } from './harness';

let t: TestApp;
let o: FlowOffice;
let head2: string;
beforeAll(async () => {
  t = await startTestApp();
  o = await setupOffice(t);
  await t.db.office.update({ where: { id: o.office.id }, data: { requireHeadApproval: true } });
  // The Kepala Bidang of the other Bidang: may not sign off Bidang Satu's data.
  const u = await makeUser(t.db, o.office.id, ['BIDANG_HEAD'], o.bidang[1].id);
  head2 = await t.login(u.username);
});
afterAll(async () => {
  await t.close();
});

const FIELDS = 'id status version editable firstSubmittedAt headApprovedAt headNote reviews { action reason actor { id } } documents { id kind filename }';
const sub = async (token: string, id: string) => (await t.gql(`query($id: UUID!) { submission(id: $id) { ${FIELDS} } }`, { id }, token)).data.submission;
const act = (name: string, token: string, input: Record<string, unknown>) => {
  const type = name === 'headReturnSubmission' ? 'HeadReturnSubmissionInput' : name === 'returnSubmission' ? 'ReturnSubmissionInput' : 'SubmissionActionInput';
  return t.gql(`mutation($i: ${type}!) { ${name}(input: $i) { ${FIELDS} } }`, { i: input }, token);
};
function ok(r: GqlResult, field: string) {
  if (r.errors?.length) throw new Error(`${field}: ${JSON.stringify(r.errors)}`);
  return r.data[field];
}
/** The request's snapshot, plus what this feature adds: versions and the documents' state. */
async function state(requestId: string) {
  const subs = await t.db.bidangSubmission.findMany({ where: { requestId }, select: { id: true, headApprovedAt: true, firstSubmittedAt: true } });
  return {
    ...(await snapshot(t, requestId)),
    subs,
    versions: await t.db.submissionVersion.count({ where: { submissionId: { in: subs.map((s) => s.id) } } }),
    docs: await t.db.storedDocument.findMany({ where: { requestId }, orderBy: { id: 'asc' }, select: { id: true, supersededById: true, withdrawnAt: true } }),
  };
}
async function expectRefused(code: string, requestId: string, call: () => Promise<GqlResult>) {
  const before = await state(requestId);
  const r = await call();
  expect(errorCode(r)).toBe(code);
  expect(r.data ?? null).toBeNull();
  expect(await state(requestId)).toEqual(before);
  return r;
}

/** Bidang Satu's submission of a new request at step 4: value saved and the three documents attached. */
async function filled(realisasi = 75) {
  const req = await requestAt(t, o, 'COLLECTING');
  const id = req.submissions[0]!;
  const s = await getSubmission(t, o.tok.op1, id);
  ok(await callSaveSubmission(t, o.tok.op1, { submissionId: id, expectedVersion: s.version, narrative: 'Sesuai rencana.', values: [{ indicatorId: o.indicators[0].id, realisasi }] }), 'saveSubmission');
  for (const kind of ['LHP', 'LHE', 'TL_HP']) expect((await uploadDocument(t, o.tok.op1, { submissionId: id, kind })).status).toBe(201);
  return { req, id, version: (await sub(o.tok.op1, id)).version as number };
}
const inbox = async (token: string, submissionId: string) =>
  (await t.gql('{ myInbox { kind title submissionId } }', {}, token)).data.myInbox.filter((i: any) => i.submissionId === submissionId);

describe('the Kepala Bidang signs off (office setting on)', () => {
  it('operator → Kepala Bidang returns with a note → operator fixes → Kepala Bidang approves → secretariat', async () => {
    const { id, version } = await filled();
    const sent = ok(await act('submitSubmission', o.tok.op1, { submissionId: id, expectedVersion: version }), 'submitSubmission');
    expect(sent).toMatchObject({ status: 'AWAITING_HEAD', editable: false, firstSubmittedAt: null, headApprovedAt: null });
    // It waits in the Kepala Bidang's inbox, not in the reviewers' and not in the other Kabid's.
    expect(await inbox(o.tok.head1, id)).toEqual([expect.objectContaining({ kind: 'APPROVE_SUBMISSION', title: `Setujui data ${o.bidang[0].name}` })]);
    expect(await inbox(o.tok.penyusun, id)).toEqual([]);
    expect(await inbox(head2, id)).toEqual([]);
    expect(await t.db.submissionVersion.count({ where: { submissionId: id } })).toBe(0);

    const back = ok(await act('headReturnSubmission', o.tok.head1, { submissionId: id, expectedVersion: sent.version, note: 'Realisasi IKU belum sesuai data BPS.' }), 'headReturnSubmission');
    expect(back).toMatchObject({ status: 'DRAFT', editable: true, headNote: 'Realisasi IKU belum sesuai data BPS.' });
    expect((await sub(o.tok.op1, id)).headNote).toBe('Realisasi IKU belum sesuai data BPS.');
    expect(await inbox(o.tok.op1, id)).toEqual([expect.objectContaining({ kind: 'FILL_SUBMISSION' })]);

    const saved = ok(await callSaveSubmission(t, o.tok.op1, { submissionId: id, expectedVersion: back.version, values: [{ indicatorId: o.indicators[0].id, realisasi: 78 }] }), 'saveSubmission');
    const again = ok(await act('submitSubmission', o.tok.op1, { submissionId: id, expectedVersion: saved.version }), 'submitSubmission');
    expect(again.status).toBe('AWAITING_HEAD');
    const approved = ok(await act('approveSubmission', o.tok.head1, { submissionId: id, expectedVersion: again.version }), 'approveSubmission');
    expect(approved).toMatchObject({ status: 'SUBMITTED', headNote: null });
    expect(approved.headApprovedAt).not.toBeNull();
    // Timeliness counts the hand-in to the secretariat: the approval, not the operator's send.
    expect(approved.firstSubmittedAt).toBe(approved.headApprovedAt);
    expect(approved.reviews.map((r: any) => r.action)).toEqual(['SUBMIT', 'HEAD_RETURN', 'SUBMIT', 'HEAD_APPROVE']);
    expect(await inbox(o.tok.penyusun, id)).toEqual([expect.objectContaining({ kind: 'REVIEW_SUBMISSION' })]);
    expect(await inbox(o.tok.head1, id)).toEqual([]);

    const versions = await t.db.submissionVersion.findMany({ where: { submissionId: id } });
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ number: 1, headApprovedById: o.users.head1.id, submittedById: o.users.head1.id });
    expect(versions[0]!.values).toEqual([expect.objectContaining({ indicatorId: o.indicators[0].id, realisasi: 78 })]);
    const audits = await t.db.auditEvent.findMany({ where: { entityId: id, action: { in: ['submission.head_return', 'submission.head_approve'] } }, orderBy: { id: 'asc' } });
    expect(audits.map((a) => [a.action, (a.after as any).status])).toEqual([['submission.head_return', 'DRAFT'], ['submission.head_approve', 'SUBMITTED']]);
  });

  it('a Kepala Bidang’s own submit goes straight to the secretariat, signed', async () => {
    const { id, version } = await filled();
    const s = ok(await act('submitSubmission', o.tok.head1, { submissionId: id, expectedVersion: version }), 'submitSubmission');
    expect(s.status).toBe('SUBMITTED');
    expect(s.headApprovedAt).not.toBeNull();
    expect((await t.db.submissionVersion.findFirstOrThrow({ where: { submissionId: id } })).headApprovedById).toBe(o.users.head1.id);
  });

  it('the notifications: to the Kepala Bidang, and his return back to the operator', async () => {
    const { id, version } = await filled();
    const jobsBefore = await t.db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${await jobsTable()} WHERE payload->>'event' IN ('SUBMISSION_AWAITING_HEAD','SUBMISSION_HEAD_RETURNED') AND payload->>'key' LIKE $1`, `${id}%`);
    expect(jobsBefore[0]!.n).toBe(0);
    const sent = ok(await act('submitSubmission', o.tok.op1, { submissionId: id, expectedVersion: version }), 'submitSubmission');
    ok(await act('headReturnSubmission', o.tok.head1, { submissionId: id, expectedVersion: sent.version, note: 'Lampiran LHE salah berkas.' }), 'headReturnSubmission');
    const jobs = await t.db.$queryRawUnsafe<{ event: string; targets: unknown }[]>(`SELECT payload->>'event' AS event, payload->'targets' AS targets FROM ${await jobsTable()} WHERE payload->>'key' LIKE $1 ORDER BY id`, `${id}%`);
    expect(jobs).toEqual([
      { event: 'SUBMISSION_AWAITING_HEAD', targets: [{ role: 'BIDANG_HEAD', bidangId: o.bidang[0].id }] },
      { event: 'SUBMISSION_HEAD_RETURNED', targets: [{ role: 'BIDANG_OPERATOR', bidangId: o.bidang[0].id }] },
    ]);
  });
});

/** graphile-worker's jobs table of this test app (its schema is configured). */
async function jobsTable() {
  const rows = await t.db.$queryRawUnsafe<{ s: string }[]>(`SELECT table_schema AS s FROM information_schema.tables WHERE table_name = '_private_jobs' ORDER BY table_schema LIMIT 1`);
  return `"${rows[0]!.s}"._private_jobs`;
}

describe('sign-off refusals (nothing changes)', () => {
  it('the operator may not approve; the other Bidang’s head may not; a reviewer may not accept before the sign-off', async () => {
    const { req, id, version } = await filled();
    const sent = ok(await act('submitSubmission', o.tok.op1, { submissionId: id, expectedVersion: version }), 'submitSubmission');
    const input = { submissionId: id, expectedVersion: sent.version };
    await expectRefused('FORBIDDEN', req.id, () => act('approveSubmission', o.tok.op1, input));
    await expectRefused('FORBIDDEN', req.id, () => act('approveSubmission', head2, input));
    await expectRefused('FORBIDDEN', req.id, () => act('headReturnSubmission', o.tok.kasubbag, { ...input, note: 'Tidak boleh.' }));
    await expectRefused('WRONG_STEP', req.id, () => act('acceptSubmission', o.tok.penyusun, input));
    await expectRefused('WRONG_STEP', req.id, () => act('submitSubmission', o.tok.op1, input));
    await expectRefused('NOT_EDITABLE', req.id, () => callSaveSubmission(t, o.tok.op1, { submissionId: id, expectedVersion: sent.version, values: [{ indicatorId: o.indicators[0].id, realisasi: 1 }] }));
    const before = await state(req.id);
    const refusedUpload = await uploadDocument(t, o.tok.op1, { submissionId: id, kind: 'LHE' });
    expect([refusedUpload.status, refusedUpload.text]).toEqual([400, expect.stringContaining('NOT_EDITABLE')]);
    expect(await state(req.id)).toEqual(before);
    const r = await expectRefused('VALIDATION_FAILED', req.id, () => act('headReturnSubmission', o.tok.head1, { ...input, note: '  ok  ' }));
    expect(r.errors?.[0]?.extensions?.fields).toEqual([expect.objectContaining({ field: 'note', message: expect.stringContaining('Catatan pengembalian wajib diisi') })]);
    await expectRefused('CONFLICT', req.id, () => act('approveSubmission', o.tok.head1, { ...input, expectedVersion: sent.version - 1 }));
  });

  it('approving a draft is the wrong moment', async () => {
    const { req, id, version } = await filled();
    await expectRefused('WRONG_STEP', req.id, () => act('approveSubmission', o.tok.head1, { submissionId: id, expectedVersion: version }));
  });
});

describe('the office setting', () => {
  const set = (token: string, required: boolean) => t.gql('mutation($r: Boolean!) { setHeadApprovalRequired(required: $r) { requireHeadApproval } }', { r: required }, token);

  it('only the administrator switches it; off: the operator hands in straight to the secretariat', async () => {
    const r = await set(o.tok.sekretaris, false);
    expect(errorCode(r)).toBe('FORBIDDEN');
    expect((await t.db.office.findUniqueOrThrow({ where: { id: o.office.id } })).requireHeadApproval).toBe(true);
    try {
      expect(ok(await set(o.tok.admin, false), 'setHeadApprovalRequired')).toEqual({ requireHeadApproval: false });
      const { id, version } = await filled();
      const s = ok(await act('submitSubmission', o.tok.op1, { submissionId: id, expectedVersion: version }), 'submitSubmission');
      expect(s).toMatchObject({ status: 'SUBMITTED', headApprovedAt: null });
      const audit = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: o.office.id, action: 'office.head_approval' }, orderBy: { id: 'desc' } });
      expect([audit.before, audit.after]).toEqual([{ requireHeadApproval: true }, { requireHeadApproval: false }]);
    } finally {
      await set(o.tok.admin, true);
    }
  });
});

describe('versions: every hand-in kept, re-uploads supersede, compare', () => {
  const VERSION = 'number submittedBy { id } headApprovedBy { id } narrative values { code realisasi note } documents { id kind filename downloadUrl }';
  const versions = async (token: string, submissionId: string) => (await t.gql(`query($s: UUID!) { submissionVersions(submissionId: $s) { ${VERSION} } }`, { s: submissionId }, token));
  const compare = (token: string, submissionId: string, extra = '') =>
    t.gql(`query($s: UUID!) { compareSubmissionVersions(submissionId: $s${extra}) { from { number } to { number } values { code before after noteBefore noteAfter } documents { kind change sameContent before { id filename } after { id filename } } narrativeChanged narrativeBefore narrativeAfter } }`, { s: submissionId }, token);

  it('returned, fixed and handed in again: two versions; the reviewer sees what changed; the first LHE stays', async () => {
    const { id, version } = await filled(75);
    const s1 = ok(await act('submitSubmission', o.tok.head1, { submissionId: id, expectedVersion: version }), 'submitSubmission');
    const firstLhe = s1.documents.find((d: any) => d.kind === 'LHE');
    const back = ok(await act('returnSubmission', o.tok.penyusun, { submissionId: id, expectedVersion: s1.version, reason: 'LHE salah tahun; realisasi dicek lagi.' }), 'returnSubmission');
    // No second version yet: comparing needs two.
    expect(errorCode(await compare(o.tok.penyusun, id))).toBe('NOT_FOUND');

    // The operator re-uploads LHE: it replaces the first one, no second LHE appears.
    const up = await uploadDocument(t, o.tok.op1, { submissionId: id, kind: 'LHE' }, { filename: 'LHE-2026-perbaikan.pdf', bytes: Buffer.from('%PDF-1.4\n% perbaikan\n%%EOF\n') });
    expect(up.status).toBe(201);
    const now = await sub(o.tok.op1, id);
    expect(now.documents.filter((d: any) => d.kind === 'LHE')).toEqual([expect.objectContaining({ id: up.body.id, filename: 'LHE-2026-perbaikan.pdf' })]);
    expect(await t.db.storedDocument.findUniqueOrThrow({ where: { id: firstLhe.id } })).toMatchObject({ supersededById: up.body.id });
    const saved = ok(await callSaveSubmission(t, o.tok.op1, { submissionId: id, expectedVersion: now.version, narrative: 'Sesuai rencana, LHE diperbaiki.', values: [{ indicatorId: o.indicators[0].id, realisasi: 82 }] }), 'saveSubmission');
    ok(await act('submitSubmission', o.tok.head1, { submissionId: id, expectedVersion: saved.version }), 'submitSubmission');

    const list = ok(await versions(o.tok.penyusun, id), 'submissionVersions');
    expect(list.map((v: any) => [v.number, v.values[0].realisasi, v.documents.find((d: any) => d.kind === 'LHE').id])).toEqual([[1, 75, firstLhe.id], [2, 82, up.body.id]]);
    // The superseded file is still there for whoever reads version 1.
    const res = await fetch(`${t.url}${list[0].documents.find((d: any) => d.kind === 'LHE').downloadUrl}`, { headers: { authorization: `Bearer ${o.tok.penyusun}` } });
    expect(res.status).toBe(200);

    const c = ok(await compare(o.tok.penyusun, id), 'compareSubmissionVersions');
    expect(c).toMatchObject({ from: { number: 1 }, to: { number: 2 }, narrativeChanged: true, narrativeBefore: 'Sesuai rencana.', narrativeAfter: 'Sesuai rencana, LHE diperbaiki.' });
    expect(c.values).toEqual([{ code: o.indicators[0].code, before: 75, after: 82, noteBefore: null, noteAfter: null }]);
    expect(c.documents).toEqual([{ kind: 'LHE', change: 'REPLACED', sameContent: false, before: { id: firstLhe.id, filename: 'LHE.pdf' }, after: { id: up.body.id, filename: 'LHE-2026-perbaikan.pdf' } }]);
    expect(ok(await compare(o.tok.penyusun, id, ', from: 2, to: 2'), 'compareSubmissionVersions').values).toEqual([]);
    expect(errorCode(await compare(o.tok.penyusun, id, ', from: 1, to: 3'))).toBe('NOT_FOUND');
    // Another Bidang's operator reads neither the versions nor the comparison.
    expect(errorCode(await versions(o.tok.op2, id))).toBe('FORBIDDEN');
    expect(errorCode(await compare(o.tok.op2, id))).toBe('FORBIDDEN');
    expect(back.status).toBe('RETURNED');
  });

  it('removing a submitted file keeps it for its version; a file never handed in is deleted', async () => {
    const { id, version } = await filled();
    const extra = await uploadDocument(t, o.tok.op1, { submissionId: id, kind: 'OTHER' }, { filename: 'foto-kegiatan.pdf' });
    const s1 = ok(await act('submitSubmission', o.tok.head1, { submissionId: id, expectedVersion: version }), 'submitSubmission');
    ok(await act('returnSubmission', o.tok.penyusun, { submissionId: id, expectedVersion: s1.version, reason: 'Foto tidak diperlukan.' }), 'returnSubmission');
    const draftOnly = await uploadDocument(t, o.tok.op1, { submissionId: id, kind: 'OTHER' }, { filename: 'salah-unggah.pdf', bytes: Buffer.from('%PDF-1.4\n% salah\n%%EOF\n') });
    const remove = (docId: string) => t.gql('mutation($id: UUID!) { removeDocument(id: $id) }', { id: docId }, o.tok.op1);
    expect((await remove(extra.body.id)).data.removeDocument).toBe(true);
    expect((await remove(draftOnly.body.id)).data.removeDocument).toBe(true);
    expect(await t.db.storedDocument.findUnique({ where: { id: extra.body.id } })).toMatchObject({ withdrawnAt: expect.any(Date) });
    expect(await t.db.storedDocument.findUnique({ where: { id: draftOnly.body.id } })).toBeNull();
    expect((await sub(o.tok.op1, id)).documents.map((d: any) => d.kind).sort()).toEqual(['LHE', 'LHP', 'TL_HP']);
    const v1 = (await t.db.submissionVersion.findFirstOrThrow({ where: { submissionId: id } })).documents as { id: string }[];
    expect(v1.map((d) => d.id)).toContain(extra.body.id);
    // Removing it again finds nothing to remove.
    expect(errorCode(await remove(extra.body.id))).toBe('NOT_FOUND');
    expect(await t.db.auditEvent.count({ where: { entityId: extra.body.id, action: 'document.withdrawn' } })).toBe(1);
  });

  it('a version row cannot be changed, even by SQL', async () => {
    const { id, version } = await filled();
    ok(await act('submitSubmission', o.tok.head1, { submissionId: id, expectedVersion: version }), 'submitSubmission');
    await expect(t.db.$executeRawUnsafe(`UPDATE "SubmissionVersion" SET narrative = 'diubah' WHERE "submissionId" = $1::uuid`, id)).rejects.toThrow(/cannot be changed/);
  });
});
