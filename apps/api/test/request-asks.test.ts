/**
 * What a request asks, and of whom (issue 11): the Bidang chosen at registration or changed until
 * the format is sent, ad-hoc indicators for one request, and the requester's deadline with the
 * warning when the SOP's remaining standard times would miss it. Refusals leave everything as it
 * was.
 */
import ExcelJS from 'exceljs';
import { errorCode, fieldsOf, startTestApp, type GqlResult, type TestApp } from './harness';
import { makeBidang, makeUser } from './factories';
import {
  acceptSubmission,
  callSaveSubmission,
  callSubmissionAction,
  compileData,
  disposeToKasubbag,
  disposeToStaff,
  forwardCollection,
  getSubmission,
  register,
  requestAt,
  saveAnalysis,
  sendFormat,
  setupOffice,
  snapshot,
  type FlowOffice,
} from './flow';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const ASK_FIELDS = `id status version requesterDeadline asksEditable requesterDeadlineEditable
  bidang { id name } indicators { id code name satuan polarity bidangId adHoc targets { year triwulan target targetUpper } }
  completeness { bidangTotal perBidang { bidang { id } } }
  scheduleWarning { projectedEndAt deadlinePassed message messageEn }`;

const q = (t: TestApp, token: string, id: string) => t.gql(`query($id: UUID!) { dataRequest(id: $id) { ${ASK_FIELDS} } }`, { id }, token);
const ok = (r: GqlResult, field: string) => {
  if (r.errors?.length) throw new Error(`${field} refused: ${JSON.stringify(r.errors)}`);
  return r.data[field];
};

const setBidang = (token: string, input: Record<string, unknown>) =>
  t.gql(`mutation($i: SetRequestBidangInput!) { setRequestBidang(input: $i) { ${ASK_FIELDS} } }`, { i: input }, token);
const addAdHoc = (token: string, input: Record<string, unknown>) =>
  t.gql(`mutation($i: AddAdHocIndicatorInput!) { addAdHocIndicator(input: $i) { ${ASK_FIELDS} } }`, { i: input }, token);
const removeAdHoc = (token: string, input: Record<string, unknown>) =>
  t.gql(`mutation($i: RemoveAdHocIndicatorInput!) { removeAdHocIndicator(input: $i) { ${ASK_FIELDS} } }`, { i: input }, token);
const setDeadline = (token: string, input: Record<string, unknown>) =>
  t.gql(`mutation($i: SetRequesterDeadlineInput!) { setRequesterDeadline(input: $i) { ${ASK_FIELDS} } }`, { i: input }, token);

/** Everything a refused change of a request's asks must leave as it was. */
async function askSnapshot(requestId: string) {
  return {
    ...(await snapshot(t, requestId)),
    bidang: (await t.db.dataRequestBidang.findMany({ where: { requestId }, orderBy: { bidangId: 'asc' } })).map((b) => b.bidangId),
    indicators: (await t.db.dataRequestIndicator.findMany({ where: { requestId }, orderBy: { indicatorId: 'asc' } })).map((i) => i.indicatorId),
    adHoc: await t.db.indicator.count({ where: { adHocRequestId: requestId } }),
    deadline: (await t.db.dataRequest.findUniqueOrThrow({ where: { id: requestId } })).requesterDeadline,
  };
}

async function expectRefused(code: string, requestId: string, call: () => Promise<GqlResult>) {
  const before = await askSnapshot(requestId);
  const r = await call();
  expect(errorCode(r)).toBe(code);
  expect(r.data ?? null).toBeNull();
  expect(await askSnapshot(requestId)).toEqual(before);
  return r;
}

/** Saves every requested indicator of the submission with `realisasi` and submits it (no documents are asked). */
async function answer(token: string, submissionId: string, values: Record<string, number>) {
  const s = await getSubmission(t, token, submissionId);
  const saved = ok(await callSaveSubmission(t, token, {
    submissionId,
    expectedVersion: s.version,
    values: s.values.map((v: { indicatorId: string }) => ({ indicatorId: v.indicatorId, realisasi: values[v.indicatorId] ?? 1 })),
  }), 'saveSubmission');
  return ok(await callSubmissionAction(t, 'submitSubmission', token, { submissionId, expectedVersion: saved.version }), 'submitSubmission');
}

describe('the Bidang a request is asked of', () => {
  let o: FlowOffice;
  beforeAll(async () => {
    o = await setupOffice(t);
  });

  it('defaults to every active Bidang; a chosen one alone gets the format, the submission and the count', async () => {
    const all = await register(t, o);
    const allView = ok(await q(t, o.tok.sekretaris, all.id), 'dataRequest');
    expect(allView.bidang.map((b: { id: string }) => b.id).sort()).toEqual(o.bidang.map((b) => b.id).sort());

    const one = await register(t, o, { bidangIds: [o.bidang[1]!.id], requestedDocuments: [] });
    const view = ok(await q(t, o.tok.kasubbag, one.id), 'dataRequest');
    expect(view.bidang.map((b: { id: string }) => b.id)).toEqual([o.bidang[1]!.id]);
    expect(view.completeness.bidangTotal).toBe(1);
    // Only the chosen Bidang's master indicator is asked.
    expect(view.indicators.map((i: { id: string }) => i.id)).toEqual([o.indicators[1]!.id]);

    await disposeToKasubbag(t, o, one.id);
    await disposeToStaff(t, o, one.id);
    await sendFormat(t, o, one.id);
    const subs = await t.db.bidangSubmission.findMany({ where: { requestId: one.id } });
    expect(subs.map((s) => s.bidangId)).toEqual([o.bidang[1]!.id]);
    // (The format's notifications follow the submissions: notification.service.ts, SEND_FORMAT.)
    // The other Bidang has no format to download.
    const format = await fetch(`${t.url}/api/requests/${one.id}/format.xlsx?bidangId=${o.bidang[0]!.id}`, { headers: { authorization: `Bearer ${o.tok.penyusun}` } });
    expect(format.status).toBe(404);

    // One accepted submission is the whole collection.
    await answer(o.tok.op2, subs[0]!.id, { [o.indicators[1]!.id]: 8 });
    await acceptSubmission(t, o, subs[0]!.id);
    expect((await forwardCollection(t, o, one.id)).status).toBe('COMPILING');
  });

  it('is changed by the Sekretaris or the Kasubbag until the format is sent, then refused', async () => {
    const r = await register(t, o);
    const [b1, b2] = o.bidang;
    const changed = ok(await setBidang(o.tok.sekretaris, { requestId: r.id, bidangIds: [b1!.id], expectedVersion: r.version }), 'setRequestBidang');
    expect(changed.bidang.map((b: { id: string }) => b.id)).toEqual([b1!.id]);
    expect(changed.version).toBe(r.version + 1);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: r.id, action: 'request.bidang_set' } });
    expect(audit.after).toMatchObject({ bidangIds: [b1!.id] });

    await disposeToKasubbag(t, o, r.id);
    const back = ok(await setBidang(o.tok.kasubbag, { requestId: r.id, bidangIds: [b1!.id, b2!.id] }), 'setRequestBidang');
    expect(back.bidang).toHaveLength(2);

    // Refusals, nothing changed: the Penyusun, a stale version, no Bidang, another office's Bidang.
    await expectRefused('FORBIDDEN', r.id, () => setBidang(o.tok.penyusun, { requestId: r.id, bidangIds: [b1!.id] }));
    await expectRefused('CONFLICT', r.id, () => setBidang(o.tok.kasubbag, { requestId: r.id, bidangIds: [b1!.id], expectedVersion: r.version }));
    const empty = await expectRefused('VALIDATION_FAILED', r.id, () => setBidang(o.tok.kasubbag, { requestId: r.id, bidangIds: [] }));
    expect(fieldsOf(empty)[0]).toMatchObject({ field: 'bidangIds' });
    const elsewhere = await makeBidang(t.db, (await setupOffice(t)).office.id);
    const foreign = await expectRefused('VALIDATION_FAILED', r.id, () => setBidang(o.tok.kasubbag, { requestId: r.id, bidangIds: [elsewhere.id] }));
    expect(fieldsOf(foreign)[0]!.field).toBe(`bidangIds.${elsewhere.id}`);

    await disposeToStaff(t, o, r.id);
    await sendFormat(t, o, r.id);
    const late = await expectRefused('WRONG_STEP', r.id, () => setBidang(o.tok.kasubbag, { requestId: r.id, bidangIds: [b1!.id] }));
    expect(late.errors![0]!.message).toContain('sebelum format dikirim (langkah 3)');
  });

  it('another office cannot change the choice (it does not see the request)', async () => {
    const r = await register(t, o);
    const other = await setupOffice(t);
    await expectRefused('NOT_FOUND', r.id, () => setBidang(other.tok.sekretaris, { requestId: r.id, bidangIds: [other.bidang[0]!.id] }));
  });

  it('a chosen Bidang deactivated before step 3 gets no submission and leaves the choice', async () => {
    const extra = await makeBidang(t.db, o.office.id, 'Bidang Tiga');
    const r = await register(t, o, { bidangIds: [o.bidang[0]!.id, extra.id] });
    await t.db.bidang.update({ where: { id: extra.id }, data: { active: false } });
    await disposeToKasubbag(t, o, r.id);
    await disposeToStaff(t, o, r.id);
    await sendFormat(t, o, r.id);
    expect((await t.db.bidangSubmission.findMany({ where: { requestId: r.id } })).map((s) => s.bidangId)).toEqual([o.bidang[0]!.id]);
    expect((await t.db.dataRequestBidang.findMany({ where: { requestId: r.id } })).map((s) => s.bidangId)).toEqual([o.bidang[0]!.id]);
  });
});

describe('ad-hoc indicators', () => {
  let o: FlowOffice;
  beforeAll(async () => {
    o = await setupOffice(t);
  });

  it('asked of two chosen Bidang: both answer, the recap and performanceData include it; master lists never show it', async () => {
    const r = await register(t, o, { requestedDocuments: [] });
    const [b1, b2] = o.bidang;
    const added = ok(await addAdHoc(o.tok.sekretaris, {
      requestId: r.id, name: 'Jumlah desa yang menyusun RKPDes tepat waktu', satuan: 'desa', polarity: 'HIGHER_IS_BETTER', target: 40, bidangIds: [b1!.id, b2!.id],
    }), 'addAdHocIndicator');
    const adHoc = added.indicators.filter((i: { adHoc: boolean }) => i.adHoc);
    expect(adHoc).toHaveLength(2);
    expect(adHoc.map((i: { bidangId: string }) => i.bidangId).sort()).toEqual([b1!.id, b2!.id].sort());
    expect(adHoc[0]).toMatchObject({ name: 'Jumlah desa yang menyusun RKPDes tepat waktu', satuan: 'desa', targets: [{ year: 2026, triwulan: 3, target: 40, targetUpper: null }] });
    expect(adHoc[0].code).toMatch(/^KHUSUS-\d+-/);
    // And one without a target, asked of Bidang Dua only.
    const noTarget = ok(await addAdHoc(o.tok.kasubbag, {
      requestId: r.id, name: 'Jumlah pengaduan masyarakat desa', satuan: 'aduan', polarity: 'LOWER_IS_BETTER', bidangIds: [b2!.id],
    }), 'addAdHocIndicator');
    const untargeted = noTarget.indicators.find((i: { name: string }) => i.name === 'Jumlah pengaduan masyarakat desa');
    expect(untargeted).toMatchObject({ adHoc: true, bidangId: b2!.id, targets: [] });

    // The master list never shows them, nor does the next request's default.
    const master = ok(await t.gql('{ indicators { id } }', {}, o.tok.kasubbag), 'indicators');
    expect(master.map((i: { id: string }) => i.id).sort()).toEqual(o.indicators.map((i) => i.id).sort());
    const next = await register(t, o);
    expect((await t.db.dataRequestIndicator.findMany({ where: { requestId: next.id } })).map((i) => i.indicatorId).sort()).toEqual(o.indicators.map((i) => i.id).sort());
    const stolen = await t.gql('mutation($i: RegisterDataRequestInput!) { registerDataRequest(input: $i) { id } }', {
      i: { year: 2026, letterNumber: `X/${Date.now()}`, letterDate: '2026-10-01', sender: 'Inspektorat', subject: 'Uji', indicatorIds: [adHoc[0].id], requestedDocuments: [] },
    }, o.tok.sekretaris);
    expect(errorCode(stolen)).toBe('VALIDATION_FAILED');
    // The administrator's master-list editing does not reach them.
    const edit = await t.gql('mutation($i: UpsertIndicatorInput!) { upsertIndicator(input: $i) { id } }', {
      i: { id: adHoc[0].id, code: adHoc[0].code, bidangId: b1!.id, sasaran: 'Sasaran', name: 'Diubah', satuan: 'desa', polarity: 'HIGHER_IS_BETTER', targets: [] },
    }, o.tok.admin);
    expect(errorCode(edit)).toBe('NOT_FOUND');

    // A Bidang still asked an ad-hoc indicator cannot leave the request.
    const leave = await expectRefused('VALIDATION_FAILED', r.id, () => setBidang(o.tok.sekretaris, { requestId: r.id, bidangIds: [b1!.id] }));
    expect(fieldsOf(leave)[0]!.field).toBe(`bidangIds.${b2!.id}`);

    await disposeToKasubbag(t, o, r.id);
    await disposeToStaff(t, o, r.id);
    await sendFormat(t, o, r.id);
    const rowOf = (b: string) => adHoc.find((i: { bidangId: string }) => i.bidangId === b).id;
    const rowOfCode = (b: string) => adHoc.find((i: { bidangId: string }) => i.bidangId === b).code;
    // After step 3: no more ad-hoc indicators, none removed.
    await expectRefused('WRONG_STEP', r.id, () => addAdHoc(o.tok.kasubbag, { requestId: r.id, name: 'Terlambat', satuan: 'desa', polarity: 'HIGHER_IS_BETTER', bidangIds: [b1!.id] }));
    await expectRefused('WRONG_STEP', r.id, () => removeAdHoc(o.tok.kasubbag, { requestId: r.id, indicatorId: adHoc[0].id }));

    // The format of Bidang Dua (softcopy) asks both: the ad-hoc row with its target, the untargeted one.
    const xlsx = await fetch(`${t.url}/api/requests/${r.id}/format.xlsx?bidangId=${b2!.id}`, { headers: { authorization: `Bearer ${o.tok.op2}` } });
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value)))));
    expect(cells).toEqual(expect.arrayContaining(['Jumlah desa yang menyusun RKPDes tepat waktu', 'Jumlah pengaduan masyarakat desa', rowOfCode(b2!.id)]));

    // Both Bidang answer it (Bidang Dua also the untargeted one), the reviewer accepts.
    const subs = await t.db.bidangSubmission.findMany({ where: { requestId: r.id } });
    const subOf = (b: string) => subs.find((s) => s.bidangId === b)!.id;

    const form = await getSubmission(t, o.tok.op1, subOf(b1!.id));
    expect(form.values.map((v: { indicatorId: string }) => v.indicatorId).sort()).toEqual([o.indicators[0]!.id, rowOf(b1!.id)].sort());
    await answer(o.tok.op1, subOf(b1!.id), { [rowOf(b1!.id)]: 30 });
    await answer(o.tok.op2, subOf(b2!.id), { [rowOf(b2!.id)]: 44, [untargeted.id]: 7 });
    for (const s of subs) await acceptSubmission(t, o, s.id);
    await forwardCollection(t, o, r.id);
    await compileData(t, o, r.id);
    await saveAnalysis(t, o, r.id);

    const recap = ok(await t.gql('query($id: UUID!) { dataRequest(id: $id) { latestAnalysis { indicators { indicatorId sasaran realisasi target capaian } perSasaran { label indicatorCount missingCount } } } }', { id: r.id }, o.tok.kasubbag), 'dataRequest');
    const rows = recap.latestAnalysis.indicators;
    expect(rows).toEqual(expect.arrayContaining([
      expect.objectContaining({ indicatorId: rowOf(b1!.id), realisasi: 30, target: 40, capaian: 75 }),
      expect.objectContaining({ indicatorId: rowOf(b2!.id), realisasi: 44, target: 40, capaian: 110 }),
      // No target: capaian not computed.
      expect.objectContaining({ indicatorId: untargeted.id, realisasi: 7, target: null, capaian: null }),
    ]));
    expect(recap.latestAnalysis.perSasaran).toEqual(expect.arrayContaining([{ label: 'Indikator khusus (di luar IKU)', indicatorCount: 3, missingCount: 1 }]));

    const perf = ok(await t.gql('query { performanceData(filter: { year: 2026, triwulan: 3 }, first: 100) { edges { node { requestId indicatorId adHoc capaian } } } }', {}, o.tok.kasubbag), 'performanceData');
    const mine = perf.edges.map((e: { node: unknown }) => e.node).filter((n: { requestId: string }) => n.requestId === r.id);
    expect(mine.filter((n: { adHoc: boolean }) => n.adHoc)).toHaveLength(3);
    expect(mine.find((n: { indicatorId: string }) => n.indicatorId === o.indicators[0]!.id)).toMatchObject({ adHoc: false });
  });

  it('refuses a Bidang outside the request, a RANGE without its upper bound, twice the same name; removes one Bidang’s row', async () => {
    const r = await register(t, o, { bidangIds: [o.bidang[0]!.id] });
    const base = { requestId: r.id, name: 'Persentase desa dengan Perdes APBDes', satuan: '%', polarity: 'HIGHER_IS_BETTER' };
    const outside = await expectRefused('VALIDATION_FAILED', r.id, () => addAdHoc(o.tok.kasubbag, { ...base, bidangIds: [o.bidang[1]!.id] }));
    expect(fieldsOf(outside)[0]!.field).toBe(`bidangIds.${o.bidang[1]!.id}`);
    const range = await expectRefused('VALIDATION_FAILED', r.id, () => addAdHoc(o.tok.kasubbag, { ...base, polarity: 'RANGE', target: 10, bidangIds: [o.bidang[0]!.id] }));
    expect(fieldsOf(range)[0]!.field).toBe('targetUpper');
    await expectRefused('VALIDATION_FAILED', r.id, () => addAdHoc(o.tok.kasubbag, { ...base, name: '  ', bidangIds: [o.bidang[0]!.id] }));
    await expectRefused('FORBIDDEN', r.id, () => addAdHoc(o.tok.penyusun, { ...base, bidangIds: [o.bidang[0]!.id] }));

    const added = ok(await addAdHoc(o.tok.kasubbag, { ...base, polarity: 'RANGE', target: 10, targetUpper: 20, bidangIds: [o.bidang[0]!.id] }), 'addAdHocIndicator');
    const row = added.indicators.find((i: { adHoc: boolean }) => i.adHoc);
    expect(row.targets).toEqual([{ year: 2026, triwulan: 3, target: 10, targetUpper: 20 }]);
    await expectRefused('DUPLICATE', r.id, () => addAdHoc(o.tok.kasubbag, { ...base, name: 'persentase desa dengan perdes apbdes', bidangIds: [o.bidang[0]!.id] }));
    // Another request's ad-hoc indicator cannot be removed through this one.
    const other = await register(t, o);
    await expectRefused('NOT_FOUND', other.id, () => removeAdHoc(o.tok.kasubbag, { requestId: other.id, indicatorId: row.id }));

    const removed = ok(await removeAdHoc(o.tok.sekretaris, { requestId: r.id, indicatorId: row.id }), 'removeAdHocIndicator');
    expect(removed.indicators.some((i: { adHoc: boolean }) => i.adHoc)).toBe(false);
    expect(await t.db.indicator.count({ where: { id: row.id } })).toBe(0);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: r.id, action: 'request.ad_hoc_indicator_removed' } });
    expect(audit.before).toMatchObject({ name: 'Persentase desa dengan Perdes APBDes', targets: [{ target: 10, targetUpper: 20 }] });
  });
});

describe('the requester’s deadline', () => {
  let o: FlowOffice;
  beforeAll(async () => {
    // Real office hours (Mon–Fri 08:00–16:00 WIB): the SOP's 4 working days and 30 minutes.
    o = await setupOffice(t);
    await t.db.office.update({ where: { id: o.office.id }, data: { officeHours: { 1: { start: '08:00', end: '16:00' }, 2: { start: '08:00', end: '16:00' }, 3: { start: '08:00', end: '16:00' }, 4: { start: '08:00', end: '16:00' }, 5: { start: '08:00', end: '16:00' } } } });
  });

  it('a far deadline gives no warning; one the SOP would miss warns, in both languages; kept editable until DONE', async () => {
    const far = new Date(Date.now() + 60 * 86_400_000);
    const r = await register(t, o, { requesterDeadline: far.toISOString(), letterDate: new Date().toISOString().slice(0, 10) });
    const view = ok(await q(t, o.tok.sekretaris, r.id), 'dataRequest');
    expect(new Date(view.requesterDeadline).toISOString()).toBe(far.toISOString());
    expect(view.scheduleWarning).toBeNull();
    expect(view.requesterDeadlineEditable).toBe(true);

    // Tomorrow: four working days of SOP cannot fit.
    const soon = new Date(Date.now() + 86_400_000);
    const warned = ok(await setDeadline(o.tok.kasubbag, { requestId: r.id, requesterDeadline: soon.toISOString() }), 'setRequesterDeadline');
    expect(warned.scheduleWarning).toMatchObject({ deadlinePassed: false });
    expect(new Date(warned.scheduleWarning.projectedEndAt).getTime()).toBeGreaterThan(soon.getTime());
    expect(warned.scheduleWarning.message).toMatch(/^Menurut waktu baku SOP permintaan ini baru selesai \d+ \w+ \d{4} \d\d\.\d\d WIB, setelah batas waktu dari pengirim/);
    expect(warned.scheduleWarning.messageEn).toMatch(/after the requester’s deadline/);
    // The Sekretaris's inbox carries it on the request.
    const inbox = ok(await t.gql('{ myInbox { request { id scheduleWarning { message } } } }', {}, o.tok.sekretaris), 'myInbox');
    expect(inbox.find((i: { request: { id: string } }) => i.request.id === r.id).request.scheduleWarning.message).toBe(warned.scheduleWarning.message);

    // Before the letter date: refused, nothing changed; the Penyusun may not.
    const before = await expectRefused('VALIDATION_FAILED', r.id, () => setDeadline(o.tok.kasubbag, { requestId: r.id, requesterDeadline: '2020-01-01T00:00:00Z' }));
    expect(fieldsOf(before)[0]!.field).toBe('requesterDeadline');
    await expectRefused('FORBIDDEN', r.id, () => setDeadline(o.tok.penyusun, { requestId: r.id, requesterDeadline: far.toISOString() }));

    // Removed: no warning.
    const cleared = ok(await setDeadline(o.tok.sekretaris, { requestId: r.id, requesterDeadline: null }), 'setRequesterDeadline');
    expect(cleared).toMatchObject({ requesterDeadline: null, scheduleWarning: null });
  });

  it('refused once the request is DONE, nothing changed', async () => {
    const done = await requestAt(t, o, 'DONE');
    const view = ok(await q(t, o.tok.sekretaris, done.id), 'dataRequest');
    expect(view).toMatchObject({ requesterDeadlineEditable: false, asksEditable: false });
    await expectRefused('WRONG_STEP', done.id, () => setDeadline(o.tok.sekretaris, { requestId: done.id, requesterDeadline: new Date().toISOString() }));
  });

  it('a deadline before the letter date is refused at registration', async () => {
    const r = await t.gql('mutation($i: RegisterDataRequestInput!) { registerDataRequest(input: $i) { id } }', {
      i: { year: 2026, letterNumber: `D/${Date.now()}`, letterDate: '2026-10-01', sender: 'Bappeda', subject: 'Uji', indicatorIds: [], requestedDocuments: [], requesterDeadline: '2026-09-30T09:00:00Z' },
    }, o.tok.sekretaris);
    expect(errorCode(r)).toBe('VALIDATION_FAILED');
    expect(fieldsOf(r)[0]!.field).toBe('requesterDeadline');
  });
});

it('a Plt Sekretaris may change the choice (acting roles count)', async () => {
  const o = await setupOffice(t);
  const plt = await makeUser(t.db, o.office.id, ['PENYUSUN']);
  await t.db.actingAssignment.create({ data: { userId: plt.id, role: 'SEKRETARIS', kind: 'PLT', validFrom: new Date(Date.now() - 60_000), validUntil: new Date(Date.now() + 86_400_000), grantedById: o.users.admin.id } });
  const r = await register(t, o);
  const token = await t.login(plt.username);
  expect(ok(await setBidang(token, { requestId: r.id, bidangIds: [o.bidang[0]!.id] }), 'setRequestBidang').bidang).toHaveLength(1);
});

it('a change of Bidang racing the sending of the format: one of them is refused, never a submission outside the choice', async () => {
  const o = await setupOffice(t);
  for (let round = 0; round < 3; round++) {
    const r = await register(t, o);
    await disposeToKasubbag(t, o, r.id);
    await disposeToStaff(t, o, r.id);
    const [choice, format] = await Promise.all([
      setBidang(o.tok.kasubbag, { requestId: r.id, bidangIds: [o.bidang[0]!.id] }),
      t.gql('mutation($i: AdvanceInput!) { sendFormat(input: $i) { id } }', { i: { requestId: r.id } }, o.tok.penyusun),
    ]);
    const codes = [errorCode(choice) ?? 'OK', errorCode(format) ?? 'OK'];
    // The choice first (the step then saw a changed version, or ran after it with the new choice),
    // or the format first (the choice came too late). Never both changing the same version.
    expect([['OK', 'CONFLICT'], ['OK', 'OK'], ['WRONG_STEP', 'OK']]).toContainEqual(codes);
    const chosen = (await t.db.dataRequestBidang.findMany({ where: { requestId: r.id } })).map((b) => b.bidangId).sort();
    const submitted = (await t.db.bidangSubmission.findMany({ where: { requestId: r.id } })).map((s) => s.bidangId).sort();
    if (codes[1] === 'OK') expect(submitted).toEqual(chosen);
    else expect(submitted).toEqual([]);
  }
});
