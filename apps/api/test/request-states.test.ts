/**
 * Issue 11, the request's states: the Kepala Dinas's desk (sign with an arahan, or return with a
 * reason, each return a new round), the waiver of a Bidang that never submits, a cancelled
 * request, a disposition to a named officer, and `availableActions` with its blocked reasons.
 * Every refusal leaves the request, its submissions, steps, dispositions and audit as they were.
 */
import ExcelJS from 'exceljs';
import {
  acceptSubmission,
  acknowledge,
  advance,
  callSaveSubmission,
  callStep,
  fillAndSubmit,
  getSubmission,
  raiseToKepala,
  requestAt,
  setupOffice,
  snapshot,
  type FlowOffice,
} from './flow';
import { makeUser } from './factories';
import { errorCode, fieldsOf, startTestApp, type GqlResult, type TestApp } from './harness';

let t: TestApp;
let o: FlowOffice;
beforeAll(async () => {
  t = await startTestApp();
  o = await setupOffice(t);
});
afterAll(() => t.close());

async function expectRefused(code: string, requestId: string, call: () => Promise<GqlResult>) {
  const before = await snapshot(t, requestId);
  const r = await call();
  expect(errorCode(r)).toBe(code);
  expect(r.data ?? null).toBeNull();
  expect(await snapshot(t, requestId)).toEqual(before);
  return r;
}

const FIELDS = 'id status statusLabel currentStep version dueAt overdue arahan acknowledgedAt cancelReason';
const ACTIONS = 'availableActions { action label blockedReason blockedMessage textKind textRequired receiverRole namedReceiver targets }';
const read = async (id: string, token: string) => (await t.gql(`query($id: UUID!) { dataRequest(id: $id) { ${FIELDS} ${ACTIONS} } }`, { id }, token)).data.dataRequest;
const kepalaReturn = (id: string, to: 'SEKRETARIS' | 'KASUBBAG', reason: string, token = o.tok.kepala) =>
  t.gql(`mutation($i: KepalaReturnInput!) { kepalaReturnReport(input: $i) { ${FIELDS} } }`, { i: { requestId: id, to, reason } }, token);
const ack = (id: string, arahan: string | null, token = o.tok.kepala) =>
  t.gql(`mutation($id: UUID!, $a: String) { acknowledgeReport(requestId: $id, arahan: $a) { ${FIELDS} } }`, { id, a: arahan }, token);
const cancel = (id: string, reason: string, token = o.tok.sekretaris) =>
  t.gql(`mutation($i: CancelRequestInput!) { cancelDataRequest(input: $i) { ${FIELDS} } }`, { i: { requestId: id, reason } }, token);
const close = (id: string, waivedBidangIds: string[], note: string, token = o.tok.kasubbag) =>
  t.gql(`mutation($i: CloseCollectionInput!) { closeCollection(input: $i) { ${FIELDS} } }`, { i: { requestId: id, waivedBidangIds, note } }, token);
const inbox = async (token: string) =>
  (await t.gql('{ myInbox { kind request { id } actions assignedToMe } }', {}, token)).data.myInbox as { kind: string; request: { id: string }; actions: string[]; assignedToMe: boolean }[];

describe('the Kepala Dinas’s desk', () => {
  it('step 7 ends at AT_KEPALA: not final, no longer overdue, and only the Kepala may act', async () => {
    const req = await requestAt(t, o, 'AT_KEPALA');
    const r = await read(req.id, o.tok.kepala);
    expect(r).toMatchObject({ status: 'AT_KEPALA', statusLabel: 'Menunggu tanda tangan Kepala Dinas', acknowledgedAt: null, dueAt: null, overdue: false });
    expect(r.availableActions.map((a: any) => [a.action, a.blockedReason, a.textKind, a.textRequired])).toEqual([
      ['ACKNOWLEDGE', null, 'ARAHAN', false],
      ['KEPALA_RETURN', null, 'REASON', true],
    ]);
    expect(r.availableActions[1].targets).toEqual(['REPORT_AT_SEKRETARIS', 'ANALYSING']);
    expect((await read(req.id, o.tok.sekretaris)).availableActions.map((a: any) => a.action)).toEqual(['CANCEL']);
    expect((await inbox(o.tok.kepala)).filter((i) => i.request.id === req.id)).toEqual([
      { kind: 'ACKNOWLEDGE_REPORT', request: { id: req.id }, actions: ['ACKNOWLEDGE', 'KEPALA_RETURN'], assignedToMe: false },
    ]);
    // Step 7 is done; nothing is running (no reminders, no overdue).
    const open = await t.db.requestStep.count({ where: { requestId: req.id, completedAt: null } });
    expect(open).toBe(0);
  });

  it('refusals change nothing: the Sekretaris signing, a return without reason, an arahan too long, a return to the Penyusun', async () => {
    const req = await requestAt(t, o, 'AT_KEPALA');
    await expectRefused('FORBIDDEN', req.id, () => ack(req.id, null, o.tok.sekretaris));
    await expectRefused('FORBIDDEN', req.id, () => kepalaReturn(req.id, 'KASUBBAG', 'Analisis kurang lengkap.', o.tok.sekretaris));
    const short = await expectRefused('VALIDATION_FAILED', req.id, () => kepalaReturn(req.id, 'KASUBBAG', ' kur '));
    expect(fieldsOf(short)).toEqual([{ field: 'reason', message: 'Alasan wajib diisi (5–2000 karakter)' }]);
    const long = await expectRefused('VALIDATION_FAILED', req.id, () => ack(req.id, 'a'.repeat(2001)));
    expect(fieldsOf(long)).toEqual([{ field: 'arahan', message: 'Arahan maksimal 2000 karakter.' }]);
    // Only the Sekretaris or the Kasubbag: any other target is refused by the schema.
    await expectRefused('VALIDATION_FAILED', req.id, () => t.gql('mutation($i: KepalaReturnInput!) { kepalaReturnReport(input: $i) { id } }', { i: { requestId: req.id, to: 'PENYUSUN', reason: 'Analisis kurang.' } }, o.tok.kepala));
  });

  it('returned to the Sekretaris with a reason, raised again, signed with an arahan: each round of step 7 kept', async () => {
    const req = await requestAt(t, o, 'AT_KEPALA');
    const round1 = await t.db.requestStep.findFirstOrThrow({ where: { requestId: req.id, step: 7 } });
    const back = await kepalaReturn(req.id, 'SEKRETARIS', 'Mohon ringkasan eksekutif ditambahkan.');
    expect(back.errors).toBeUndefined();
    expect(back.data.kepalaReturnReport).toMatchObject({ status: 'REPORT_AT_SEKRETARIS', currentStep: 7 });
    const d = await t.db.disposition.findFirstOrThrow({ where: { requestId: req.id }, orderBy: { createdAt: 'desc' } });
    expect(d).toMatchObject({ step: 7, fromRole: 'KEPALA_DINAS', toRole: 'SEKRETARIS', mark: 'SIGNATURE', instruction: 'Mohon ringkasan eksekutif ditambahkan.' });
    const steps7 = await t.db.requestStep.findMany({ where: { requestId: req.id, step: 7 }, orderBy: { round: 'asc' } });
    expect(steps7.map((s) => [s.round, !!s.completedAt])).toEqual([[1, true], [2, false]]);
    expect(steps7[0]).toMatchObject({ startedAt: round1.startedAt, completedAt: round1.completedAt, action: 'RAISE_TO_KEPALA' });
    expect((await inbox(o.tok.sekretaris)).some((i) => i.request.id === req.id && i.actions.includes('RAISE_TO_KEPALA'))).toBe(true);

    await raiseToKepala(t, o, req.id);
    const arahan = 'Pertahankan capaian; percepat Bidang yang di bawah target.';
    const signed = await ack(req.id, `  ${arahan}  `);
    expect(signed.errors).toBeUndefined();
    expect(signed.data.acknowledgeReport).toMatchObject({ status: 'DONE', statusLabel: 'Selesai, diterima dan ditandatangani Kepala Dinas', arahan });
    expect(signed.data.acknowledgeReport.acknowledgedAt).toBeTruthy();
    const last = await t.db.disposition.findFirstOrThrow({ where: { requestId: req.id }, orderBy: { createdAt: 'desc' } });
    expect(last).toMatchObject({ fromRole: 'KEPALA_DINAS', toRole: 'SEKRETARIS', mark: 'SIGNATURE', instruction: 'Laporan diterima.' });
    // A repeated tap returns the request unchanged.
    const before = await snapshot(t, req.id);
    const again = await ack(req.id, 'Arahan lain');
    expect(again.data.acknowledgeReport).toMatchObject({ status: 'DONE', arahan });
    expect(await snapshot(t, req.id)).toEqual(before);
    // Out of every inbox, and nothing more to do.
    for (const tok of [o.tok.kepala, o.tok.sekretaris, o.tok.kasubbag]) expect((await inbox(tok)).some((i) => i.request.id === req.id)).toBe(false);
    expect((await read(req.id, o.tok.sekretaris)).availableActions).toEqual([]);
    const tl = await t.gql('query($id: UUID!) { dataRequest(id: $id) { timeline { step round earlierRounds { round action note } } } }', { id: req.id }, o.tok.kepala);
    expect(tl.data.dataRequest.timeline[6]).toEqual({ step: 7, round: 2, earlierRounds: [{ round: 1, action: 'RAISE_TO_KEPALA', note: null }] });
    const audits = await t.db.auditEvent.findMany({ where: { entityId: req.id, action: { in: ['request.kepala_return', 'request.acknowledge'] } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
    expect(audits.map((a) => a.action)).toEqual(['request.kepala_return', 'request.acknowledge']);
  });

  it('returned to the Kasubbag: step 6 opens round 2, the frozen analysis stays, a new version follows', async () => {
    const req = await requestAt(t, o, 'AT_KEPALA');
    const back = await kepalaReturn(req.id, 'KASUBBAG', 'Analisis belum membandingkan dengan tahun lalu.');
    expect(back.data.kepalaReturnReport).toMatchObject({ status: 'ANALYSING', currentStep: 6 });
    const steps6 = await t.db.requestStep.findMany({ where: { requestId: req.id, step: 6 }, orderBy: { round: 'asc' } });
    expect(steps6.map((s) => [s.round, !!s.completedAt])).toEqual([[1, true], [2, false]]);
    const d = await t.db.disposition.findFirstOrThrow({ where: { requestId: req.id }, orderBy: { createdAt: 'desc' } });
    expect(d).toMatchObject({ fromRole: 'KEPALA_DINAS', toRole: 'KASUBBAG' });
    expect((await t.db.performanceAnalysis.findMany({ where: { requestId: req.id } })).map((a) => a.status)).toEqual(['SUBMITTED']);
  });
});

describe('cancel', () => {
  it('the Sekretaris cancels at step 4 with a reason: open step closed, submissions read-only, out of every inbox', async () => {
    const req = await requestAt(t, o, 'COLLECTING');
    await expectRefused('FORBIDDEN', req.id, () => cancel(req.id, 'Surat ditarik oleh pengirim.', o.tok.kasubbag));
    const blank = await expectRefused('VALIDATION_FAILED', req.id, () => cancel(req.id, '  ok '));
    expect(fieldsOf(blank)).toEqual([{ field: 'reason', message: 'Alasan pembatalan wajib diisi (5–2000 karakter)' }]);

    const done = await cancel(req.id, 'Surat ditarik oleh pengirim (surat 005/2026).');
    expect(done.errors).toBeUndefined();
    expect(done.data.cancelDataRequest).toMatchObject({ status: 'CANCELLED', statusLabel: 'Dibatalkan', currentStep: 4, dueAt: null, overdue: false, cancelReason: 'Surat ditarik oleh pengirim (surat 005/2026).' });
    const step4 = await t.db.requestStep.findFirstOrThrow({ where: { requestId: req.id, step: 4 } });
    expect(step4).toMatchObject({ action: 'CANCEL', note: 'Surat ditarik oleh pengirim (surat 005/2026).', completedById: o.users.sekretaris.id });
    expect(step4.completedAt).toBeTruthy();

    // Read-only: a Bidang's save is refused; out of every inbox; no action for anyone.
    const sub = await getSubmission(t, o.tok.op1, req.submissions[0]!);
    expect(sub.editable).toBe(false);
    await expectRefused('WRONG_STEP', req.id, () => callSaveSubmission(t, o.tok.op1, { submissionId: req.submissions[0]!, expectedVersion: sub.version, values: [{ indicatorId: o.indicators[0]!.id, realisasi: 50 }] }));
    for (const tok of Object.values(o.tok)) expect((await inbox(tok)).some((i) => i.request.id === req.id)).toBe(false);
    expect((await read(req.id, o.tok.sekretaris)).availableActions).toEqual([]);
    await expectRefused('WRONG_STEP', req.id, () => cancel(req.id, 'Sekali lagi dibatalkan.'));
    await expectRefused('WRONG_STEP', req.id, () => callStep(t, 'forwardCollection', req.id, o.tok.penyusun));
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: req.id, action: 'request.cancel' } });
    expect(audit.after).toMatchObject({ status: 'CANCELLED', note: 'Surat ditarik oleh pengirim (surat 005/2026).' });
  });

  it('may cancel at the Kepala’s desk, never after DONE', async () => {
    const atKepala = await requestAt(t, o, 'AT_KEPALA');
    expect((await cancel(atKepala.id, 'Kepala Dinas meminta surat baru.')).data.cancelDataRequest.status).toBe('CANCELLED');
    const done = await requestAt(t, o, 'DONE');
    const r = await expectRefused('WRONG_STEP', done.id, () => cancel(done.id, 'Terlambat dibatalkan.'));
    expect(r.errors![0]!.message).toBe('Permintaan ini sudah berakhir (Selesai, diterima dan ditandatangani Kepala Dinas); tidak ada tindakan lagi.');
  });
});

describe('closing collection with a Bidang that never submits (waiver)', () => {
  /** Bidang Satu submitted and accepted, Bidang Dua never submitted. */
  async function oneMissing() {
    const req = await requestAt(t, o, 'COLLECTING');
    await fillAndSubmit(t, o, req.submissions[0]!, 0);
    await acceptSubmission(t, o, req.submissions[0]!);
    return req;
  }

  it('availableActions: forward blocked (SUBMISSIONS_INCOMPLETE), the waiver offered to the Kasubbag only', async () => {
    const req = await oneMissing();
    const k = await read(req.id, o.tok.kasubbag);
    expect(k.availableActions.map((a: any) => [a.action, a.blockedReason])).toEqual([['FORWARD_COLLECTION', 'SUBMISSIONS_INCOMPLETE'], ['CLOSE_COLLECTION', null]]);
    // The Kasubbag is not offered a hand-over to himself.
    expect(k.availableActions[0].label).toBe('Selesaikan pengumpulan data (semua Bidang diterima)');
    expect(k.availableActions[0].blockedMessage).toBe('Belum semua Bidang mengirim data yang telah diterima.');
    const p = await read(req.id, o.tok.penyusun);
    expect(p.availableActions.map((a: any) => [a.action, a.label])).toEqual([['FORWARD_COLLECTION', 'Teruskan data terkumpul kepada Kasubbag']]);
    // The server agrees with the blocked reason.
    await expectRefused('SUBMISSIONS_INCOMPLETE', req.id, () => callStep(t, 'forwardCollection', req.id, o.tok.kasubbag));
  });

  it('refusals change nothing: the Penyusun, the accepted Bidang, no note, a Bidang of another request', async () => {
    const req = await oneMissing();
    const [b1, b2] = o.bidang.map((b) => b.id) as [string, string];
    await expectRefused('FORBIDDEN', req.id, () => close(req.id, [b2], 'Bidang Dua tidak menjawab.', o.tok.penyusun));
    const accepted = await expectRefused('VALIDATION_FAILED', req.id, () => close(req.id, [b1, b2], 'Bidang Dua tidak menjawab.'));
    expect(fieldsOf(accepted).map((f) => f.field)).toEqual(['waivedBidangIds']);
    const noNote = await expectRefused('VALIDATION_FAILED', req.id, () => close(req.id, [b2], ' - '));
    expect(fieldsOf(noNote)).toEqual([{ field: 'note', message: 'Catatan wajib diisi (5–2000 karakter)' }]);
    await expectRefused('VALIDATION_FAILED', req.id, () => close(req.id, [], 'Bidang Dua tidak menjawab.'));
    await expectRefused('VALIDATION_FAILED', req.id, () => close(req.id, ['00000000-0000-4000-8000-000000000000'], 'Bidang Dua tidak menjawab.'));
  });

  it('a Bidang that has handed in cannot be waived: it is reviewed first', async () => {
    const req = await requestAt(t, o, 'COLLECTING');
    await fillAndSubmit(t, o, req.submissions[1]!, 1);
    await expectRefused('VALIDATION_FAILED', req.id, () => close(req.id, [o.bidang[1]!.id], 'Bidang Dua terlambat.'));
  });

  it('waives Bidang Dua: WAIVED with the note, on the timeline, "tidak menyerahkan" and late in completeness, the recap and its XLSX', async () => {
    const req = await oneMissing();
    const note = 'Bidang Dua tidak menyerahkan data sampai batas waktu; dilanjutkan tanpa datanya.';
    const done = await close(req.id, [o.bidang[1]!.id], note);
    expect(done.errors).toBeUndefined();
    expect(done.data.closeCollection).toMatchObject({ status: 'COMPILING', currentStep: 5 });
    const waived = await t.db.bidangSubmission.findUniqueOrThrow({ where: { id: req.submissions[1]! } });
    expect(waived).toMatchObject({ status: 'WAIVED', waiverNote: note, waivedById: o.users.kasubbag.id });
    expect(await t.db.auditEvent.count({ where: { entityId: waived.id, action: 'submission.waived' } })).toBe(1);
    const step4 = await t.db.requestStep.findFirstOrThrow({ where: { requestId: req.id, step: 4 } });
    expect(step4).toMatchObject({ action: 'CLOSE_COLLECTION', note });

    const c = (await t.gql(`query($id: UUID!) { dataRequest(id: $id) {
      timeline { step note } completeness { bidangTotal accepted waived late onTime perBidang { bidang { id } status late waived waiverNote } }
      submissions { id status statusLabel editable waiverNote } } }`, { id: req.id }, o.tok.kasubbag)).data.dataRequest;
    expect(c.timeline[3].note).toBe(note);
    expect(c.completeness).toMatchObject({ bidangTotal: 2, accepted: 1, waived: 1, late: 1, onTime: 1 });
    expect(c.completeness.perBidang.find((p: any) => p.bidang.id === o.bidang[1]!.id)).toEqual({ bidang: { id: o.bidang[1]!.id }, status: 'WAIVED', late: true, waived: true, waiverNote: note });
    expect(c.submissions.find((s: any) => s.id === waived.id)).toMatchObject({ status: 'WAIVED', statusLabel: 'Tidak menyerahkan', editable: false, waiverNote: note });

    // The recap: the analysis lists Bidang Dua as not submitted (late); the XLSX says so in Indonesian.
    await advance(t, o, req, 'COMPILING', 'ANALYSED');
    const a = (await t.gql('query($id: UUID!) { dataRequest(id: $id) { latestAnalysis { bidang { bidangId submissionStatus late } completeness { accepted late percentOnTime } } } }', { id: req.id }, o.tok.kasubbag)).data.dataRequest.latestAnalysis;
    expect(a.bidang.find((b: any) => b.bidangId === o.bidang[1]!.id)).toMatchObject({ submissionStatus: 'WAIVED', late: true });
    expect(a.completeness).toMatchObject({ accepted: 1, late: 1, percentOnTime: 50 });
    const res = await fetch(`${t.url}/api/requests/${req.id}/recap.xlsx`, { headers: { authorization: `Bearer ${o.tok.kasubbag}` } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const cells = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String));
    expect(cells).toContain('Tidak menyerahkan');
    expect(cells).not.toContain('WAIVED');
  });

  it('a Bidang deactivated after the format: the board still counts it, as the server does, and it can be waived', async () => {
    const req = await oneMissing();
    await t.db.bidang.update({ where: { id: o.bidang[1]!.id }, data: { active: false } });
    try {
      const c = (await t.gql('query($id: UUID!) { dataRequest(id: $id) { completeness { bidangTotal accepted perBidang { bidang { id active } status } } availableActions { action blockedReason } } }', { id: req.id }, o.tok.kasubbag)).data.dataRequest;
      expect(c.completeness.bidangTotal).toBe(2);
      expect(c.completeness.perBidang.map((p: any) => [p.bidang.active, p.status]).sort()).toEqual([[false, 'DRAFT'], [true, 'ACCEPTED']]);
      expect(c.availableActions).toEqual([{ action: 'FORWARD_COLLECTION', blockedReason: 'SUBMISSIONS_INCOMPLETE' }, { action: 'CLOSE_COLLECTION', blockedReason: null }]);
      await expectRefused('SUBMISSIONS_INCOMPLETE', req.id, () => callStep(t, 'forwardCollection', req.id, o.tok.kasubbag));
      expect((await close(req.id, [o.bidang[1]!.id], 'Bidang Dua dilebur; tidak ada data.')).data.closeCollection.status).toBe('COMPILING');
    } finally {
      await t.db.bidang.update({ where: { id: o.bidang[1]!.id }, data: { active: true } });
    }
  });
});

describe('a disposition to a named officer', () => {
  it('lists the holders and the Plt; refuses an officer outside the role; the named one sees it first, the holder still sees it', async () => {
    const plt = await makeUser(t.db, o.office.id, ['PENYUSUN']);
    await t.db.actingAssignment.create({
      data: { userId: plt.id, role: 'KASUBBAG', kind: 'PLT', validFrom: new Date(Date.now() - 60_000), validUntil: new Date(Date.now() + 86_400_000), grantedById: o.users.admin.id },
    });
    const pltToken = await t.login(plt.username);
    const officers = (await t.gql('{ officersForRole(role: KASUBBAG) { user { id } acting } }', {}, o.tok.sekretaris)).data.officersForRole;
    expect(officers).toEqual([{ user: { id: o.users.kasubbag.id }, acting: null }, { user: { id: plt.id }, acting: 'PLT' }]);

    const req = await requestAt(t, o, 'REGISTERED');
    const offered = (await read(req.id, o.tok.sekretaris)).availableActions[0];
    expect(offered).toMatchObject({ action: 'DISPOSE_TO_KASUBBAG', receiverRole: 'KASUBBAG', namedReceiver: true, textKind: 'INSTRUCTION', textRequired: true });
    const wrong = await expectRefused('OFFICER_NOT_IN_ROLE', req.id, () => callStep(t, 'disposeToKasubbag', req.id, o.tok.sekretaris, { toUserId: o.users.penyusun.id }));
    expect(wrong.errors![0]!.message).toMatch(/tidak memegang jabatan Kasubbag Program dan Evaluasi/);
    expect(fieldsOf(wrong).map((f) => f.field)).toEqual(['toUserId']);
    await expectRefused('OFFICER_NOT_IN_ROLE', req.id, () => callStep(t, 'disposeToKasubbag', req.id, o.tok.sekretaris, { toUserId: '00000000-0000-4000-8000-000000000000' }));

    const ok = await callStep(t, 'disposeToKasubbag', req.id, o.tok.sekretaris, { toUserId: plt.id });
    expect(ok.errors).toBeUndefined();
    const d = await t.db.disposition.findFirstOrThrow({ where: { requestId: req.id } });
    expect(d).toMatchObject({ toRole: 'KASUBBAG', toUserId: plt.id });
    const shown = (await t.gql('query($id: UUID!) { dataRequest(id: $id) { dispositions { toRole to { id name } } } }', { id: req.id }, o.tok.sekretaris)).data.dataRequest.dispositions;
    expect(shown).toEqual([{ toRole: 'KASUBBAG', to: { id: plt.id, name: plt.name } }]);

    const pltInbox = await inbox(pltToken);
    expect(pltInbox[0]).toMatchObject({ request: { id: req.id }, assignedToMe: true, actions: ['DISPOSE_TO_STAFF'] });
    const holderInbox = (await inbox(o.tok.kasubbag)).filter((i) => i.request.id === req.id);
    expect(holderInbox).toEqual([{ kind: 'REQUEST_STEP', request: { id: req.id }, actions: ['DISPOSE_TO_STAFF'], assignedToMe: false }]);
  });
});
