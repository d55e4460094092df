/**
 * Issue 11, "history that a dispute with the Inspektorat needs": the Riwayat of a request and of a
 * submission (who, when, what, old → new, in Indonesian) and the office-wide audit search with its
 * XLSX export for the administrator and the Sekretaris.
 */
import ExcelJS from 'exceljs';
import { describeAudit } from '../src/history/history.format';
import { makeOfficeWithStaff } from './factories';
import { callSaveSubmission, callSubmissionAction, fillAndSubmit, getSubmission, requestAt, setupOffice, type FlowOffice } from './flow';
import { errorCode, startTestApp, type TestApp } from './harness';

let t: TestApp;
let o: FlowOffice;
beforeAll(async () => {
  t = await startTestApp();
  o = await setupOffice(t);
});
afterAll(async () => {
  await t.close();
});

const ENTRY = 'id at action label labelEn entityType entityTypeLabel entityId bidangName actor { id name } changes { field label before after }';
const submissionHistory = (token: string, id: string) => t.gql(`query($id: UUID!) { submissionHistory(submissionId: $id) { ${ENTRY} } }`, { id }, token);
const requestHistory = (token: string, id: string) => t.gql(`query($id: UUID!) { requestHistory(requestId: $id) { ${ENTRY} } }`, { id }, token);
const search = (token: string, filter: Record<string, unknown> = {}, page = 1, pageSize = 50) =>
  t.gql(`query($f: AuditFilterInput, $p: Int, $s: Int) { auditEvents(filter: $f, page: $p, pageSize: $s) { total page pageSize items { ${ENTRY} } } }`, { f: filter, p: page, s: pageSize }, token);
const changesOf = (e: any) => e.changes.map((c: any) => [c.label, c.before, c.after]);

describe('Riwayat of a submission', () => {
  it('every save shows realisasi old → new; hand-in, return and re-send read in Indonesian', async () => {
    const req = await requestAt(t, o, 'SUBMITTED');
    const id = req.submissions[0]!;
    const s = await getSubmission(t, o.tok.penyusun, id);
    const back = await callSubmissionAction(t, 'returnSubmission', o.tok.penyusun, { submissionId: id, expectedVersion: s.version, reason: 'Realisasi belum sesuai BPS.' });
    expect(back.errors).toBeUndefined();
    const saved = await callSaveSubmission(t, o.tok.op1, { submissionId: id, expectedVersion: back.data.returnSubmission.version, values: [{ indicatorId: o.indicators[0].id, realisasi: 1250.5, note: 'Data BPS terbaru' }] });
    expect(saved.errors).toBeUndefined();

    const h = await submissionHistory(o.tok.op1, id);
    expect(h.errors).toBeUndefined();
    const entries = h.data.submissionHistory;
    expect(entries.map((e: any) => e.label)).toEqual([
      'Draf disimpan',
      'Dokumen diunggah', 'Dokumen diunggah', 'Dokumen diunggah',
      'Dikirim',
      'Dikembalikan untuk perbaikan',
      'Draf disimpan',
    ]);
    const code = o.indicators[0].code;
    expect(changesOf(entries[0])).toEqual([['Narasi', null, 'Capaian sesuai rencana.'], [`Realisasi ${code}`, null, '75']]);
    expect(changesOf(entries[1])).toEqual([['Jenis dokumen', null, 'LHP'], ['Berkas', null, 'LHP.pdf']]);
    expect(changesOf(entries[4])).toEqual([['Status', 'Draf', 'Dikirim, menunggu pemeriksaan'], ['Versi kiriman', null, '1']]);
    expect(changesOf(entries[5])).toEqual([
      ['Status', 'Dikirim, menunggu pemeriksaan', 'Dikembalikan untuk perbaikan'],
      ['Alasan / catatan', null, 'Realisasi belum sesuai BPS.'],
      ['Alasan pengembalian', null, 'Realisasi belum sesuai BPS.'],
    ]);
    expect(changesOf(entries[6])).toEqual([[`Realisasi ${code}`, '75', '1.250,5'], [`Keterangan ${code}`, null, 'Data BPS terbaru']]);
    expect(entries[5].actor.id).toBe(o.users.penyusun.id);
    expect(entries.every((e: any, i: number) => i === 0 || e.at >= entries[i - 1].at)).toBe(true);
  });

  it('another Bidang’s operator may not read it; another office does not find it', async () => {
    const req = await requestAt(t, o, 'COLLECTING');
    expect(errorCode(await submissionHistory(o.tok.op2, req.submissions[0]!))).toBe('FORBIDDEN');
    const other = await makeOfficeWithStaff(t.db);
    const stranger = await t.login(other.users.sekretaris.username);
    expect(errorCode(await submissionHistory(stranger, req.submissions[0]!))).toBe('NOT_FOUND');
    expect(errorCode(await requestHistory(stranger, req.id))).toBe('NOT_FOUND');
  });
});

describe('Riwayat of a request', () => {
  it('each step: status, step and due time old → new, to whom, the instruction; the Bidang’s hand-ins by name', async () => {
    const req = await requestAt(t, o, 'COLLECTING');
    await fillAndSubmit(t, o, req.submissions[0]!, 0);
    await fillAndSubmit(t, o, req.submissions[1]!, 1);
    const h = (await requestHistory(o.tok.sekretaris, req.id)).data.requestHistory;
    expect(h.map((e: any) => e.label)).toEqual([
      'Surat permintaan data didaftarkan',
      'Didisposisikan kepada Kasubbag',
      'Didisposisikan kepada staf (Penyusun)',
      'Format permintaan data dikirim ke Bidang',
      `Dikirim — ${o.bidang[0].name}`,
      `Dikirim — ${o.bidang[1].name}`,
    ]);
    const dispose = h[1];
    // (The due time is shown to the minute: in this round-the-clock test office two 5-minute
    // steps a moment apart may show the same minute, so it is checked in the pure table below.)
    expect(changesOf(dispose).filter((c: string[]) => c[0] !== 'Batas waktu')).toEqual([
      ['Status', 'Menunggu disposisi Sekretaris', 'Menunggu disposisi Kasubbag'],
      ['Langkah', '1', '2'],
      ['Catatan / arahan', null, 'Mohon segera ditindaklanjuti.'],
      ['Sebagai', null, 'Sekretaris'],
      ['Kepada', null, 'Kasubbag'],
    ]);
    expect(changesOf(h[0])).toEqual(expect.arrayContaining([['Perihal', null, 'Permintaan data kinerja Triwulan III'], ['Pengirim', null, 'Bappeda Kabupaten Nganjuk']]));
    // A Bidang operator reads the request's history with his own Bidang's records only.
    const mine = (await requestHistory(o.tok.op1, req.id)).data.requestHistory;
    expect(mine.map((e: any) => e.bidangName).filter(Boolean)).toEqual([o.bidang[0].name]);
  });
});

describe('the office-wide audit search', () => {
  it('the administrator and the Sekretaris search by person, entity, text and day; paged, newest first', async () => {
    const req = await requestAt(t, o, 'AT_KASUBBAG');
    const all = (await search(o.tok.admin, {}, 1, 5)).data.auditEvents;
    expect(all.items).toHaveLength(5);
    expect(all.total).toBeGreaterThan(5);
    expect(Number(all.items[0].id)).toBeGreaterThan(Number(all.items[4].id));
    const page2 = (await search(o.tok.admin, {}, 2, 5)).data.auditEvents;
    expect(Number(page2.items[0].id)).toBeLessThan(Number(all.items[4].id));

    const bySekretaris = (await search(o.tok.sekretaris, { actorId: o.users.sekretaris.id, entityType: 'DataRequest' })).data.auditEvents;
    expect(bySekretaris.items.length).toBeGreaterThan(0);
    expect(bySekretaris.items.every((e: any) => e.actor.id === o.users.sekretaris.id && e.entityType === 'DataRequest' && e.entityTypeLabel === 'Permintaan data')).toBe(true);

    const letter = (await t.db.dataRequest.findUniqueOrThrow({ where: { id: req.id } })).letterNumber;
    const byText = (await search(o.tok.sekretaris, { text: letter })).data.auditEvents;
    expect(byText.items.map((e: any) => [e.entityId, e.label])).toEqual([[req.id, 'Surat permintaan data didaftarkan']]);
    // % and _ are letters here, not wildcards.
    expect((await search(o.tok.admin, { text: '%' })).data.auditEvents.total).toBe(0);

    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    expect((await search(o.tok.admin, { from: today, until: today, text: letter })).data.auditEvents.total).toBe(1);
    expect((await search(o.tok.admin, { from: '2020-01-01', until: '2020-01-31', text: letter })).data.auditEvents.total).toBe(0);
  });

  it('refusals: other roles, unknown entity types, reversed days, page sizes', async () => {
    for (const who of ['kasubbag', 'kepala', 'op1', 'head1'] as const) expect(errorCode(await search(o.tok[who]))).toBe('FORBIDDEN');
    expect(errorCode(await search(o.tok.admin, { entityType: 'Rahasia' }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await search(o.tok.admin, { from: '2026-12-01', until: '2026-11-01' }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await search(o.tok.admin, {}, 1, 101))).toBe('VALIDATION_FAILED');
    expect(errorCode(await search(o.tok.admin, {}, 0))).toBe('VALIDATION_FAILED');
  });

  it('XLSX export: the rows of the search, in Indonesian; audited; refused to other roles', async () => {
    const req = await requestAt(t, o, 'AT_KASUBBAG');
    const letter = (await t.db.dataRequest.findUniqueOrThrow({ where: { id: req.id } })).letterNumber;
    const get = (token: string, qs: string) => fetch(`${t.url}/api/audit.xlsx?${qs}`, { headers: { authorization: `Bearer ${token}` } });
    const res = await get(o.tok.sekretaris, `entityType=DataRequest&text=${encodeURIComponent(req.id)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const ws = wb.getWorksheet('Jejak audit')!;
    const rows: string[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    const header = rows.findIndex((r) => r[0] === 'Waktu');
    expect(rows[header]).toEqual(['Waktu', 'Pengguna', 'Tindakan', 'Jenis data', 'Bidang', 'ID data', 'Perubahan (lama → baru)']);
    const body = rows.slice(header + 1);
    expect(body.map((r) => r[2])).toEqual(['Didisposisikan kepada Kasubbag', 'Surat permintaan data didaftarkan']);
    expect(body[0]![6]).toContain('Status: Menunggu disposisi Sekretaris → Menunggu disposisi Kasubbag');
    expect(body[1]![6]).toContain(`Nomor surat: — → ${letter}`);
    expect(await t.db.auditEvent.count({ where: { action: 'audit.exported', actorId: o.users.sekretaris.id } })).toBeGreaterThan(0);

    expect((await get(o.tok.kasubbag, '')).status).toBe(403);
    expect((await get(o.tok.admin, 'from=kemarin')).status).toBe(400);
  });
});

describe('describeAudit (pure)', () => {
  const ctx = { indicators: new Map([['i1', 'IKU-01']]), offsetMinutes: 420 };
  it.each<[string, string, string]>([
    ['SUBMITTED', 'Dikirim', 'Submitted'],
    ['AWAITING_HEAD', 'Dikirim kepada Kepala Bidang untuk disetujui', 'Sent to the Kepala Bidang for sign-off'],
  ])('a submit to %s reads "%s"', (status, id, en) => {
    const d = describeAudit({ action: 'submission.submit', entityType: 'BidangSubmission', before: { status: 'DRAFT' }, after: { status } }, ctx);
    expect([d.label, d.labelEn]).toEqual([id, en]);
  });

  it.each<[string, Parameters<typeof describeAudit>[0], [string, string | null, string | null][]]>([
    ['unknown fields are left out', { action: 'x.y', entityType: 'DataRequest', before: { storageKey: 'a', version: 1 }, after: { storageKey: 'b', version: 2 } }, []],
    ['unchanged fields are left out', { action: 'request.compile_data', entityType: 'DataRequest', before: { status: 'COMPILING', currentStep: 5 }, after: { status: 'ANALYSING', currentStep: 5 } }, [['Status', 'Penghimpunan data oleh Kasubbag', 'Analisis dan evaluasi data']]],
    ['a value emptied', { action: 'submission.saved', entityType: 'BidangSubmission', before: { values: [{ indicatorId: 'i1', realisasi: '7' }] }, after: { values: [{ indicatorId: 'i1', realisasi: null }] } }, [['Realisasi IKU-01', '7', null]]],
    ['a due time in the office’s time', { action: 'request.dispose_to_staff', entityType: 'DataRequest', before: { dueAt: '2026-11-30T01:05:00.000Z' }, after: { dueAt: '2026-11-30T01:10:00.000Z' } }, [['Batas waktu', '30 November 2026 08.05 WIB', '30 November 2026 08.10 WIB']]],
    ['a year is not an amount', { action: 'request.registered', entityType: 'DataRequest', before: null, after: { year: 2026, triwulan: 3 } }, [['Tahun', null, '2026'], ['Triwulan', null, '3']]],
    ['a setting', { action: 'office.head_approval', entityType: 'Office', before: { requireHeadApproval: true }, after: { requireHeadApproval: false } }, [['Persetujuan Kepala Bidang wajib', 'Ya', 'Tidak']]],
    ['a date-only value reads day first', { action: 'request.registered', entityType: 'DataRequest', before: null, after: { letterDate: '2026-10-01' } }, [['Tanggal surat', null, '1 Oktober 2026']]],
    ['a day kept as midnight UTC', { action: 'request.registered', entityType: 'DataRequest', before: null, after: { letterDate: '2026-10-01T00:00:00.000Z' } }, [['Tanggal surat', null, '1 Oktober 2026']]],
  ])('%s', (_name, row, expected) => {
    expect(describeAudit(row, ctx).changes.map((c) => [c.label, c.before, c.after])).toEqual(expected);
  });
});
