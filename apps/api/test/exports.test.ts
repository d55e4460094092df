/**
 * Softcopy and hardcopy over HTTP: the format as XLSX filled with exceljs and imported back
 * (round trip; malformed file and bad row refused with nothing saved), the compiled data set and
 * the recap as XLSX, the recap / disposition sheet / format as PDF (text extracted with pdf-parse)
 * and the verification of an issued PDF by its code and hash (a tampered copy fails).
 */
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { getSubmission, requestAt, setupOffice, snapshot, type FlowOffice, type FlowRequest } from './flow';
import { errorCode, startTestApp, type TestApp } from './harness';

let t: TestApp;
let o: FlowOffice;
let collecting: FlowRequest;
let analysed: FlowRequest;

beforeAll(async () => {
  t = await startTestApp({}, { poolMax: 1 }); // one connection, as the embedded PGlite (see harness);
  o = await setupOffice(t);
  collecting = await requestAt(t, o, 'COLLECTING');
  analysed = await requestAt(t, o, 'ANALYSED');
});
afterAll(async () => {
  await t?.close();
});

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

async function get(path: string, token?: string) {
  const res = await fetch(`${t.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

async function importXlsx(submissionId: string, token: string, bytes: Buffer, expectedVersion?: number) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), 'format.xlsx');
  if (expectedVersion !== undefined) form.append('expectedVersion', String(expectedVersion));
  const res = await fetch(`${t.url}/api/submissions/${submissionId}/import.xlsx`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: res.status, body: (await res.json()) as any };
}

async function workbook(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

async function pdfText(bytes: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [path.join(__dirname, 'pdf-text.cjs')], { maxBuffer: 10 * 1024 * 1024 }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
    child.stdin!.end(bytes);
  });
}

/** The format of Bidang Satu, downloaded as its operator, with the indicator's row located. */
async function format() {
  const { res, bytes } = await get(`/api/requests/${collecting.id}/format.xlsx?bidangId=${o.bidang[0]!.id}`, o.tok.op1);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('spreadsheetml');
  const wb = await workbook(bytes);
  const ws = wb.getWorksheet('Format')!;
  let row = 0;
  ws.eachRow((r, n) => {
    if (r.getCell(2).value === o.indicators[0]!.code) row = n;
  });
  expect(row).toBeGreaterThan(0);
  return { wb, ws, row };
}

describe('XLSX format and import', () => {
  it('the format has the hidden metadata row, the indicator with its target and empty Realisasi/Keterangan', async () => {
    const { ws, row } = await format();
    const sub = await t.db.bidangSubmission.findUniqueOrThrow({ where: { id: collecting.submissions[0] } });
    expect(ws.getRow(1).hidden).toBe(true);
    expect(ws.getRow(1).values).toEqual([undefined, 'SIPEDAKI-FORMAT-1', collecting.id, o.bidang[0]!.id, sub.id, sub.version]);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((c) => ws.getCell(6, c).value)).toEqual(['No', 'Kode Indikator', 'Sasaran', 'Indikator', 'Satuan', 'Target', 'Realisasi', 'Keterangan']);
    expect([2, 3, 4, 5, 6, 7, 8].map((c) => ws.getCell(row, c).value)).toEqual([o.indicators[0]!.code, 'Sasaran uji', 'Indikator uji', 'nilai', 80, null, null]);
    expect(ws.getCell(row, 7).protection?.locked).toBe(false);
    expect(ws.getCell(row, 2).protection?.locked).not.toBe(false);
  });

  it('round trip: fill the cells with exceljs, import, the submission holds the values (one audit row, version + 1)', async () => {
    const { wb, ws, row } = await format();
    ws.getCell(row, 7).value = 88.5;
    ws.getCell(row, 8).value = 'Sumber: laporan bulanan';
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const before = await getSubmission(t, o.tok.op1, collecting.submissions[0]!);
    const audits = await t.db.auditEvent.count({ where: { entityId: collecting.submissions[0]!, action: 'submission.saved' } });
    const r = await importXlsx(collecting.submissions[0]!, o.tok.op1, bytes, before.version);
    expect(r.status).toBe(200);
    expect(r.body.submission.version).toBe(before.version + 1);
    const after = await getSubmission(t, o.tok.op1, collecting.submissions[0]!);
    expect(after.values).toEqual([{ indicatorId: o.indicators[0]!.id, realisasi: 88.5, note: 'Sumber: laporan bulanan' }]);
    expect(await t.db.auditEvent.count({ where: { entityId: collecting.submissions[0]!, action: 'submission.saved' } })).toBe(audits + 1);

    // "75,5" typed as text (Indonesian decimal comma) is a number too; without expectedVersion
    // the version written in the downloaded format applies.
    const again = await format();
    again.ws.getCell(again.row, 7).value = '75,5';
    const r2 = await importXlsx(collecting.submissions[0]!, o.tok.op1, Buffer.from(await again.wb.xlsx.writeBuffer()));
    expect(r2.status).toBe(200);
    expect(r2.body.readings).toEqual([]);
    expect((await getSubmission(t, o.tok.op1, collecting.submissions[0]!)).values[0].realisasi).toBe(75.5);

    // "1.250" typed as text is one thousand two hundred fifty (Indonesian), and the answer says
    // what it was read as, because English would read 1,25.
    const third = await format();
    third.ws.getCell(third.row, 7).value = '1.250';
    const r3 = await importXlsx(collecting.submissions[0]!, o.tok.op1, Buffer.from(await third.wb.xlsx.writeBuffer()));
    expect(r3.status).toBe(200);
    expect(r3.body.readings).toEqual([
      { row: third.row, column: 'Realisasi', message: 'Teks "1.250" dibaca 1.250, bukan 1,25.', messageEn: 'The text "1.250" was read as 1,250 (Indonesian convention), not 1.25.' },
    ]);
    expect((await getSubmission(t, o.tok.op1, collecting.submissions[0]!)).values[0].realisasi).toBe(1250);
  });

  it('a malformed file is refused and nothing is saved (version unchanged, no audit row)', async () => {
    const before = await snapshot(t, collecting.id);
    const sub = await getSubmission(t, o.tok.op1, collecting.submissions[0]!);
    const r = await importXlsx(collecting.submissions[0]!, o.tok.op1, Buffer.concat([Buffer.from('PK\u0003\u0004'), crypto.randomBytes(500)]), sub.version);
    expect(r.status).toBe(415);
    expect(r.body.error.code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(await snapshot(t, collecting.id)).toEqual(before);
  });

  it('a workbook that is not our format is refused with the metadata cell named', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['Kode', 'Realisasi']);
    const before = await snapshot(t, collecting.id);
    const r = await importXlsx(collecting.submissions[0]!, o.tok.op1, Buffer.from(await wb.xlsx.writeBuffer()), 1);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'VALIDATION_FAILED', cells: [{ row: 1, column: 'Metadata', message: 'Baris metadata tidak ditemukan', messageEn: 'No metadata row' }] });
    expect(await snapshot(t, collecting.id)).toEqual(before);
  });

  it('one bad row → its row/cell error, and nothing saved', async () => {
    const { wb, ws, row } = await format();
    ws.getCell(row, 7).value = 'tujuh puluh';
    ws.addRow([9, 'IKU-TIDAK-ADA', '', '', '', '', 5, '']);
    const unknownRow = ws.rowCount;
    const before = await snapshot(t, collecting.id);
    const sub = await getSubmission(t, o.tok.op1, collecting.submissions[0]!);
    const r = await importXlsx(collecting.submissions[0]!, o.tok.op1, Buffer.from(await wb.xlsx.writeBuffer()), sub.version);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect(r.body.error.message).toContain('Tidak ada data yang disimpan');
    expect(r.body.error.cells).toEqual([
      { row, column: 'Realisasi', message: '"tujuh puluh": Bukan angka.', messageEn: '"tujuh puluh": Not a number.' },
      { row: unknownRow, column: 'Kode Indikator', message: 'Indikator tidak diminta dari Bidang ini', messageEn: 'Indicator not requested from this Bidang' },
    ]);
    expect(r.body.error.fields).toContainEqual({ field: `R${row}.Realisasi`, message: '"tujuh puluh": Bukan angka.', messageEn: '"tujuh puluh": Not a number.' });
    expect(await snapshot(t, collecting.id)).toEqual(before);
  });

  it('"72.5" typed as text is not an Indonesian number: refused with a hint, never guessed; nothing saved', async () => {
    const { wb, ws, row } = await format();
    ws.getCell(row, 7).value = '72.5';
    const before = await snapshot(t, collecting.id);
    const sub = await getSubmission(t, o.tok.op1, collecting.submissions[0]!);
    const r = await importXlsx(collecting.submissions[0]!, o.tok.op1, Buffer.from(await wb.xlsx.writeBuffer()), sub.version);
    expect(r.status).toBe(400);
    expect(r.body.error.cells).toEqual([
      {
        row,
        column: 'Realisasi',
        message: '"72.5": Gunakan titik untuk ribuan dan koma untuk desimal, misalnya 1.250 atau 72,5.',
        messageEn: '"72.5": Use a comma for thousands and a point for decimals, e.g. 1,250 or 72.5.',
      },
    ]);
    expect(await snapshot(t, collecting.id)).toEqual(before);
  });

  it('a stale expectedVersion → 409 CONFLICT, nothing saved', async () => {
    const { wb } = await format();
    const before = await snapshot(t, collecting.id);
    const r = await importXlsx(collecting.submissions[0]!, o.tok.op1, Buffer.from(await wb.xlsx.writeBuffer()), 1);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('CONFLICT');
    expect(await snapshot(t, collecting.id)).toEqual(before);
  });

  it('another Bidang may neither download this format nor import into this submission', async () => {
    const { res } = await get(`/api/requests/${collecting.id}/format.xlsx?bidangId=${o.bidang[0]!.id}`, o.tok.op2);
    expect(res.status).toBe(403);
    const { wb } = await format();
    const before = await snapshot(t, collecting.id);
    const r = await importXlsx(collecting.submissions[0]!, o.tok.op2, Buffer.from(await wb.xlsx.writeBuffer()), 5);
    expect(r.status).toBe(403);
    expect(await snapshot(t, collecting.id)).toEqual(before);
    expect((await get(`/api/requests/${collecting.id}/format.xlsx?bidangId=${o.bidang[0]!.id}`)).res.status).toBe(401);
  });
});

describe('data set and recap as XLSX', () => {
  it('the compiled data set holds every accepted value; secretariat only', async () => {
    const { res, bytes } = await get(`/api/requests/${analysed.id}/dataset.xlsx`, o.tok.penyusun);
    expect(res.status).toBe(200);
    const ws = (await workbook(bytes)).getWorksheet('Kompilasi')!;
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const data = rows.filter((r) => o.indicators.some((i) => i.code === r[1]));
    expect(data.map((r) => [r[1], r[6], r[8], r[9]])).toEqual(
      expect.arrayContaining([
        [o.indicators[0]!.code, 80, 75, 93.75],
        [o.indicators[1]!.code, 10, 75, 0],
      ]),
    );
    expect(data).toHaveLength(2);
    for (const token of [o.tok.op1, o.tok.kepala, o.tok.admin]) expect((await get(`/api/requests/${analysed.id}/dataset.xlsx`, token)).res.status).toBe(403);
  });

  it('the recap XLSX carries the latest analysis; none yet → ANALYSIS_MISSING', async () => {
    const { res, bytes } = await get(`/api/requests/${analysed.id}/recap.xlsx`, o.tok.kasubbag);
    expect(res.status).toBe(200);
    const ws = (await workbook(bytes)).getWorksheet('Rekap')!;
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows).toContainEqual(['Dinas', 'Dinas', 46.88, 46.88, 'Sangat Kurang', 2, 0, 0]);
    const missing = await get(`/api/requests/${collecting.id}/recap.xlsx`, o.tok.kasubbag);
    expect(missing.res.status).toBe(400);
    expect(JSON.parse(missing.bytes.toString()).error.code).toBe('ANALYSIS_MISSING');
  });
});

describe('PDF documents with verification', () => {
  let recap: { bytes: Buffer; code: string; docId: string };

  beforeAll(async () => {
    const { res, bytes } = await get(`/api/requests/${analysed.id}/recap.pdf`, o.tok.kasubbag);
    expect(res.status).toBe(200);
    recap = { bytes, code: res.headers.get('x-verification-code')!, docId: res.headers.get('x-document-id')! };
  });

  it('the recap PDF holds the figures, the chart titles and its verification code; stored as REPORT with its sha256', async () => {
    expect(recap.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(recap.bytes);
    expect(text).toContain('REKAP CAPAIAN KINERJA');
    expect(text).toContain('Capaian Dinas: 46,88%');
    expect(text).toContain('Grafik capaian per Bidang');
    expect(text).toContain('93,75%');
    expect(text).toContain(o.indicators[0]!.code);
    expect(text).toContain('Capaian baik; kendala anggaran; solusi percepatan.');
    expect(text).toContain(`Kode verifikasi: ${recap.code}`);
    expect(recap.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const doc = await t.db.storedDocument.findUniqueOrThrow({ where: { id: recap.docId } });
    expect(doc).toMatchObject({ kind: 'REPORT', requestId: analysed.id, sha256: sha256(recap.bytes), size: recap.bytes.length, verificationCode: recap.code.replace(/-/g, '') });
    // The stored softcopy is downloadable like any request document.
    const dl = await get(`/api/documents/${recap.docId}`, o.tok.sekretaris);
    expect(dl.bytes.equals(recap.bytes)).toBe(true);
    expect(await t.db.auditEvent.count({ where: { entityId: recap.docId, action: 'document.issued' } })).toBe(1);
  });

  it('verifyDocument confirms the stored copy and refuses a tampered one (public)', async () => {
    const q = 'query($c: String!, $h: String!) { verifyDocument(code: $c, sha256: $h) { found matches kind sha256 } }';
    const good = await t.gql(q, { c: recap.code.toLowerCase(), h: sha256(recap.bytes) });
    expect(good.data.verifyDocument).toEqual({ found: true, matches: true, kind: 'REPORT', sha256: sha256(recap.bytes) });
    const tampered = Buffer.from(recap.bytes);
    const at = tampered.indexOf('46,88');
    tampered.write('99', at > 0 ? at : tampered.length - 20);
    const bad = await t.gql(q, { c: recap.code, h: sha256(tampered) });
    expect(bad.data.verifyDocument).toMatchObject({ found: true, matches: false });
    const unknown = await t.gql(q, { c: 'AAAA-BBBB-CCCC', h: sha256(recap.bytes) });
    expect(unknown.data.verifyDocument).toMatchObject({ found: false, matches: false });
    expect(errorCode(await t.gql(q, { c: recap.code, h: 'not-a-hash' }))).toBe('VALIDATION_FAILED');
  });

  it('the public /verify page answers in Indonesian: registered, matching upload, tampered upload, unknown code', async () => {
    const page = await get(`/verify/${recap.code}`);
    expect(page.res.status).toBe(200);
    expect(page.res.headers.get('content-type')).toContain('text/html');
    expect(page.bytes.toString()).toContain('Dokumen ini <strong>terdaftar</strong>');
    expect(page.bytes.toString()).toContain(sha256(recap.bytes));
    const upload = async (bytes: Buffer) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)]), 'salinan.pdf');
      return (await fetch(`${t.url}/verify/${recap.code}`, { method: 'POST', body: form })).text();
    };
    expect(await upload(recap.bytes)).toContain('Salinan COCOK');
    const tampered = Buffer.concat([recap.bytes, Buffer.from('\n% diubah\n')]);
    expect(await upload(tampered)).toContain('Salinan TIDAK COCOK');
    expect((await get(`/verify/${recap.code}?sha256=${sha256(tampered)}`)).bytes.toString()).toContain('Salinan TIDAK COCOK');
    const unknown = await get('/verify/ZZZZ-ZZZZ-ZZZZ');
    expect(unknown.res.status).toBe(404);
    expect(unknown.bytes.toString()).toContain('Kode verifikasi tidak terdaftar');
  });

  it('the disposition sheet lists the dispositions with signature and paraf blocks', async () => {
    const { res, bytes } = await get(`/api/requests/${analysed.id}/disposition.pdf`, o.tok.sekretaris);
    expect(res.status).toBe(200);
    const text = await pdfText(bytes);
    expect(text).toContain('LEMBAR DISPOSISI');
    expect(text).toContain('Mohon segera ditindaklanjuti.');
    expect(text).toContain('Bappeda Kabupaten Nganjuk');
    expect(text).toContain(o.users.sekretaris.name);
    expect(text).toMatch(/Tanda tangan/);
    expect(text).toMatch(/Paraf/);
    expect(text).toContain(`Kode verifikasi: ${res.headers.get('x-verification-code')}`);
    const doc = await t.db.storedDocument.findUniqueOrThrow({ where: { id: res.headers.get('x-document-id')! } });
    expect(doc).toMatchObject({ kind: 'DISPOSITION', sha256: sha256(bytes) });
    expect((await get(`/api/requests/${analysed.id}/disposition.pdf`, o.tok.op1)).res.status).toBe(403);
  });

  it('the format PDF lists the Bidang indicators with their target', async () => {
    const { res, bytes } = await get(`/api/requests/${collecting.id}/format.pdf?bidangId=${o.bidang[1]!.id}`, o.tok.op2);
    expect(res.status).toBe(200);
    const text = await pdfText(bytes);
    expect(text).toContain('FORMAT PERMINTAAN DATA KINERJA');
    expect(text).toContain(o.bidang[1]!.name);
    expect(text).toContain(o.indicators[1]!.code);
    expect(text).not.toContain(o.indicators[0]!.code);
    const doc = await t.db.storedDocument.findUniqueOrThrow({ where: { id: res.headers.get('x-document-id')! } });
    expect(doc).toMatchObject({ kind: 'FORMAT', sha256: sha256(bytes) });
  });
});
