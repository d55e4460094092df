/**
 * Issue 11, "papers ready to sign": the kop surat per office (set by an administrator, validated,
 * audited, its refusals changing nothing), the printed recap / disposition sheet / format with the
 * kop, Indonesian labels, name + NIP + jabatan under every signature ("Plh." when acting), the
 * hand-over to the Sekretaris as step 7, one issued copy per content, and each PDF rendered to PNG
 * (copies in apps/api/test-results/papers/ for people to look at).
 */
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { formatNip } from '@sipedaki/sop';
import { demoLogoPng, encodePng } from '../src/db/demo-logo';
import { attacks } from './attacks';
import { advance, callSubmissionAction, fillAndSubmit, getSubmission, requestAt, saveAnalysis, setupOffice, type FlowOffice, type FlowRequest } from './flow';
import { makeUser } from './factories';
import { errorCode, fieldsOf, startTestApp, type TestApp } from './harness';

let t: TestApp;
let o: FlowOffice;

const RESULTS = path.resolve(__dirname, '../test-results/papers');
const LETTERHEAD = `letterhead { government agency address phone email website city configured logo { documentId mimeType size sha256 dataUrl } }`;
const SET = `mutation($i: SetLetterheadInput!) { setLetterhead(input: $i) { id ${LETTERHEAD} } }`;
const KOP = {
  government: 'Pemerintah Kabupaten Nganjuk',
  agency: 'Dinas Pemberdayaan Masyarakat dan Desa',
  address: 'Jalan Dermojoyo Nomor 17, Nganjuk, Jawa Timur 64411',
  phone: '(0358) 321417',
  email: 'dpmd@nganjukkab.go.id',
  website: 'dpmd.nganjukkab.go.id',
  city: 'Nganjuk',
};
const LOGO = demoLogoPng();

beforeAll(async () => {
  fs.rmSync(RESULTS, { recursive: true, force: true });
  t = await startTestApp();
  o = await setupOffice(t);
  // Names as people have them, so the rendered pages read like the real thing.
  const names: Partial<Record<keyof FlowOffice['users'], string>> = {
    kepala: 'Drs. Bambang Setiawan, M.Si.',
    sekretaris: 'Sri Wahyuni, S.Sos., M.M.',
    kasubbag: 'Agus Priyanto, S.E.',
    penyusun: 'Dewi Lestari, S.Kom.',
    head1: 'Ir. Hadi Santoso',
  };
  for (const [k, name] of Object.entries(names)) await t.db.user.update({ where: { id: o.users[k as keyof typeof names].id }, data: { name } });
  await t.db.user.update({ where: { id: o.users.kasubbag.id }, data: { jabatan: 'Kepala Sub Bagian Program dan Evaluasi' } });
});
afterAll(async () => {
  await t?.close();
});

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

async function get(p: string, token: string) {
  const res = await fetch(`${t.url}${p}`, { headers: { authorization: `Bearer ${token}` } });
  const bytes = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`${p}: ${res.status} ${bytes.toString()}`);
  return { id: res.headers.get('x-document-id')!, code: res.headers.get('x-verification-code')!, bytes };
}

function run(script: string, args: string[], input: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [path.join(__dirname, script), ...args], { maxBuffer: 20 * 1024 * 1024 }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
    child.stdin!.end(input);
  });
}
const pdfText = (bytes: Buffer) => run('pdf-text.cjs', [], bytes);
/** Every page as PNG under test-results/papers/<name>-<page>.png. */
async function pdfPng(bytes: Buffer, name: string): Promise<{ file: string; width: number; height: number }[]> {
  return JSON.parse(await run('pdf-png.cjs', [path.join(RESULTS, name)], bytes));
}

async function officeRow() {
  const office = await t.db.office.findUniqueOrThrow({ where: { id: o.office.id } });
  const { createdAt: _c, ...rest } = office;
  return rest;
}
/** What a refused kop change must leave untouched: the office row, its documents and the audit. */
async function kopSnapshot() {
  return {
    office: await officeRow(),
    documents: await t.db.storedDocument.count({ where: { officeId: o.office.id } }),
    // A FORBIDDEN answer leaves its own auth.refused row after the refused operation; counted apart.
    audit: await t.db.auditEvent.count({ where: { officeId: o.office.id, NOT: { action: 'auth.refused' } } }),
  };
}

describe('kop surat per office', () => {
  const attack = attacks('kop surat (pengaturan administrator)');

  it('before it is set, the kop comes from the office name and regency', async () => {
    const r = await t.gql(`query { office { ${LETTERHEAD} } }`, {}, o.tok.kasubbag);
    expect(r.data.office.letterhead).toEqual({
      government: 'Pemerintah Kabupaten Uji', agency: 'Dinas Uji', address: null, phone: null, email: null, website: null, city: 'Uji', configured: false, logo: null,
    });
  });

  it('an administrator sets it with a logo: one office change and one stored logo, each audited', async () => {
    const before = await kopSnapshot();
    const r = await t.gql(SET, { i: { ...KOP, logo: { contentBase64: LOGO.toString('base64') } } }, o.tok.admin);
    expect(r.errors).toBeUndefined();
    const k = r.data.setLetterhead.letterhead;
    expect(k).toMatchObject({ ...KOP, configured: true, logo: { mimeType: 'image/png', size: LOGO.length, sha256: sha256(LOGO) } });
    expect(k.logo.dataUrl).toBe(`data:image/png;base64,${LOGO.toString('base64')}`);
    const after = await kopSnapshot();
    expect(after.documents).toBe(before.documents + 1);
    expect(after.audit).toBe(before.audit + 2);
    const row = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: o.office.id, action: 'office.letterhead_set' }, orderBy: { id: 'desc' } });
    expect(row.actorId).toBe(o.users.admin.id);
    expect(row.before).toMatchObject({ kopGovernment: null, logoDocumentId: null });
    expect(row.after).toMatchObject({ kopGovernment: KOP.government, kopCity: 'Nganjuk', logoDocumentId: k.logo.documentId });
    const logo = await t.db.storedDocument.findUniqueOrThrow({ where: { id: k.logo.documentId } });
    expect(logo).toMatchObject({ officeId: o.office.id, requestId: null, kind: 'OTHER', mimeType: 'image/png', sha256: sha256(LOGO) });
  });

  it('saving the texts again keeps the logo', async () => {
    const before = (await t.db.office.findUniqueOrThrow({ where: { id: o.office.id } })).logoDocumentId;
    const r = await t.gql(SET, { i: { ...KOP, phone: '(0358) 321418' } }, o.tok.admin);
    expect(r.data.setLetterhead.letterhead.phone).toBe('(0358) 321418');
    expect(r.data.setLetterhead.letterhead.logo.documentId).toBe(before);
    await t.gql(SET, { i: KOP }, o.tok.admin);
  });

  const png = (w: number, h: number) => encodePng(w, h, () => [0, 0, 0, 255]);
  /** A PNG whose header says 100 × 100 but whose data inflates to 40 MB: refused without expanding it. */
  function pngBomb(): Buffer {
    const good = png(100, 100);
    const idatAt = good.indexOf('IDAT') - 4;
    const bomb = require('node:zlib').deflateSync(Buffer.alloc(40 * 1024 * 1024), { level: 9 }) as Buffer;
    const len = Buffer.alloc(4);
    len.writeUInt32BE(bomb.length);
    return Buffer.concat([good.subarray(0, idatAt), len, Buffer.from('IDAT'), bomb, Buffer.alloc(4), good.subarray(good.indexOf('IEND') - 4)]);
  }

  it.each<[string, string, Record<string, unknown>, string, string | null]>([
    ['a Kasubbag', 'kasubbag', KOP, 'FORBIDDEN', null],
    ['a Kepala Dinas', 'kepala', KOP, 'FORBIDDEN', null],
    ['an empty government line', 'admin', { ...KOP, government: '   ' }, 'VALIDATION_FAILED', 'government'],
    ['an empty place of signing', 'admin', { ...KOP, city: '' }, 'VALIDATION_FAILED', 'city'],
    ['an e-mail without @', 'admin', { ...KOP, email: 'dpmd.nganjukkab.go.id' }, 'VALIDATION_FAILED', 'email'],
    ['a phone with letters', 'admin', { ...KOP, phone: 'telp 0358' }, 'VALIDATION_FAILED', 'phone'],
    ['a website with spaces', 'admin', { ...KOP, website: 'dpmd nganjuk' }, 'VALIDATION_FAILED', 'website'],
    ['a new logo and removeLogo together', 'admin', { ...KOP, removeLogo: true, logo: { contentBase64: LOGO.toString('base64') } }, 'VALIDATION_FAILED', 'removeLogo'],
    ['a logo that is not base64', 'admin', { ...KOP, logo: { contentBase64: 'bukan base64!' } }, 'VALIDATION_FAILED', 'logo.contentBase64'],
    ['a GIF as logo', 'admin', { ...KOP, logo: { contentBase64: Buffer.from('GIF89a\x01\x00\x01\x00').toString('base64') } }, 'FILE_TYPE_NOT_ALLOWED', 'logo.contentBase64'],
    ['a PDF named as a logo', 'admin', { ...KOP, logo: { contentBase64: Buffer.from('%PDF-1.4 …').toString('base64') } }, 'FILE_TYPE_NOT_ALLOWED', 'logo.contentBase64'],
    ['a logo over 512 KB', 'admin', { ...KOP, logo: { contentBase64: Buffer.concat([LOGO, Buffer.alloc(520 * 1024)]).toString('base64') } }, 'FILE_TOO_LARGE', 'logo.contentBase64'],
    ['a logo of 2001 × 10 pixels', 'admin', { ...KOP, logo: { contentBase64: png(2001, 10).toString('base64') } }, 'VALIDATION_FAILED', 'logo.contentBase64'],
    ['a truncated PNG', 'admin', { ...KOP, logo: { contentBase64: LOGO.subarray(0, 200).toString('base64') } }, 'VALIDATION_FAILED', 'logo.contentBase64'],
    ['a PNG compression bomb', 'admin', { ...KOP, logo: { contentBase64: pngBomb().toString('base64') } }, 'VALIDATION_FAILED', 'logo.contentBase64'],
  ])('refused: %s — nothing changes', (_name, who, input, code, field) =>
    attack(`setLetterhead: ${_name}`, async () => {
      const before = await kopSnapshot();
      const r = await t.gql(SET, { i: input }, o.tok[who as keyof FlowOffice['tok']]);
      expect(errorCode(r)).toBe(code);
      if (field) expect(fieldsOf(r).map((f) => f.field)).toContain(field);
      if (code !== 'FORBIDDEN') expect(r.errors![0]!.message).toMatch(/[a-z]/); // an Indonesian sentence, not a code
      expect(await kopSnapshot()).toEqual(before);
    }));

  it('a compression bomb is stopped while inflating (at the size its header promises), not after', async () => {
    // Inflated in full, it would be refused too, as "does not match its size"; the cap refuses it
    // as damaged data after ~40 KB instead of 40 MB.
    const r = await t.gql(SET, { i: { ...KOP, logo: { contentBase64: pngBomb().toString('base64') } } }, o.tok.admin);
    expect(r.errors![0]!.message).toBe('Logo tidak dapat dibaca: data gambar PNG rusak');
  });
});

const ARAHAN = 'Pertahankan capaian; percepat Bidang yang masih di bawah target pada Triwulan berikutnya.';

describe('the papers on the Kepala Dinas’s desk', () => {
  let done: FlowRequest;
  const papers: Record<'recap' | 'disposition' | 'format', { bytes: Buffer; text: string }> = {} as never;

  beforeAll(async () => {
    await t.gql(SET, { i: { ...KOP, logo: { contentBase64: LOGO.toString('base64') } } }, o.tok.admin);
    // The Kepala Bidang Satu stands in for the Sekretaris (Plh) while the report is raised.
    const plh = await t.gql(
      'mutation($i: AssignActingInput!) { assignActing(input: $i) { id } }',
      { i: { userId: o.users.head1.id, role: 'SEKRETARIS', kind: 'PLH', validFrom: new Date(Date.now() - 60_000).toISOString(), validUntil: new Date(Date.now() + 86_400_000).toISOString(), decreeNo: '800/12/411.307/2026' } },
      o.tok.admin,
    );
    expect(plh.errors).toBeUndefined();
    const plhToken = await t.login(o.users.head1.username);
    done = await requestAt(t, o, 'REPORT_AT_SEKRETARIS');
    const raised = await t.gql('mutation($i: AdvanceInput!) { raiseToKepala(input: $i) { status } }', { i: { requestId: done.id } }, plhToken);
    expect(raised.data.raiseToKepala.status).toBe('AT_KEPALA');
    const ack = await t.gql('mutation($id: UUID!, $a: String) { acknowledgeReport(requestId: $id, arahan: $a) { status acknowledgedAt arahan } }', { id: done.id, a: ARAHAN }, o.tok.kepala);
    expect(ack.errors).toBeUndefined();
    expect(ack.data.acknowledgeReport).toMatchObject({ status: 'DONE', arahan: ARAHAN });
    const recap = await get(`/api/requests/${done.id}/recap.pdf`, o.tok.kasubbag);
    const disposition = await get(`/api/requests/${done.id}/disposition.pdf`, o.tok.sekretaris);
    const format = await get(`/api/requests/${done.id}/format.pdf?bidangId=${o.bidang[0]!.id}`, o.tok.op1);
    for (const [k, v] of Object.entries({ recap, disposition, format })) papers[k as keyof typeof papers] = { bytes: v.bytes, text: await pdfText(v.bytes) };
  });

  /** Codes people must never read on paper. */
  const RAW = ['ACCEPTED', 'SUBMITTED', 'LKJIP_5', 'HIGHER_IS_BETTER', 'LOWER_IS_BETTER', 'SIGNATURE', 'PARAF', 'KEPALA_DINAS', 'SEKRETARIS', 'TL_HP', 'BIDANG_HEAD'];
  const block = (jabatan: string, u: { name: string; nip: string | null }) => `${jabatan}\n${u.name}\nNIP. ${formatNip(u.nip!)}`;
  const user = (k: keyof FlowOffice['users']) => t.db.user.findUniqueOrThrow({ where: { id: o.users[k].id } });

  it('every paper carries the configured kop, in capitals, with address and contact line', () => {
    for (const p of Object.values(papers)) {
      expect(p.text).toContain('PEMERINTAH KABUPATEN NGANJUK\nDINAS PEMBERDAYAAN MASYARAKAT DAN DESA\nJalan Dermojoyo Nomor 17, Nganjuk, Jawa Timur 64411\n');
      expect(p.text).toContain('Telepon (0358) 321417 · Pos-el dpmd@nganjukkab.go.id · Laman dpmd.nganjukkab.go.id');
    }
  });

  it('Indonesian labels only: submission status, scale name, polarity, document kinds, marks', () => {
    for (const [name, p] of Object.entries(papers)) for (const code of RAW) expect(`${name}: ${p.text}`).not.toContain(code);
    expect(papers.recap.text).toMatch(/Bidang Satu \S+ 93,75% Sangat Baik 1 Diterima Tidak/);
    expect(papers.recap.text).toContain('skala kategori: Skala lima kategori LKjIP (Sangat Baik – Sangat Kurang)');
    expect(papers.recap.text).toContain('Analisis versi 1 (dikirim)');
    expect(papers.format.text).toContain('Semakin tinggi\nsemakin baik');
    expect(papers.format.text).toContain('Dokumen yang dilampirkan: Laporan Hasil Pemeriksaan (LHP), Laporan Hasil Evaluasi (LHE), Tindak Lanjut Hasil Pemeriksaan (TL HP)');
    expect(papers.disposition.text).toMatch(/Mohon segera ditindaklanjuti\. Paraf/);
    expect(papers.disposition.text).toMatch(/Laporan diterima\. Tanda tangan/);
  });

  it('name, NIP and jabatan under every signature; "Plh." for the acting Sekretaris; the real holders without a prefix', async () => {
    const [kepala, kasubbag, head1] = [await user('kepala'), await user('kasubbag'), await user('head1')];
    // Recap: the Kasubbag who made it (his own jabatan), the Plh who raised it, the Kepala who signed it.
    expect(papers.recap.text).toContain(`Paraf (penyusun rekap)\nNganjuk, ${dateToday()}\n${block('Kepala Sub Bagian Program dan\nEvaluasi', kasubbag)}`);
    expect(papers.recap.text).toContain(`Paraf\nNganjuk, ${dateToday()}\n${block('Plh. Sekretaris Dinas', head1)}`);
    expect(papers.recap.text).toContain(`Tanda tangan\nNganjuk, ${dateToday()}\n${block('Kepala Dinas', kepala)}`);
    // Disposition sheet: the same people in the blocks, and the acting one in the "Dari" column.
    expect(papers.disposition.text).toContain(`Tanda tangan\nNganjuk, ${dateToday()}\n${block('Kepala Dinas', kepala)}`);
    expect(papers.disposition.text).toContain(`Paraf\nNganjuk, ${dateToday()}\n${block('Plh. Sekretaris Dinas', head1)}`);
    expect(papers.disposition.text).toContain(`Plh. Sekretaris Dinas\n${head1.name}\nKepala Dinas`);
    expect(papers.disposition.text).not.toMatch(/Plt\.|Plh\. Kepala/);
    // Format: the Kepala Bidang who signs it (not yet signed: the place and dots for the date).
    expect(papers.format.text).toContain(`Tanda tangan\nNganjuk, .............................\n${block(`Kepala ${o.bidang[0]!.name}`, head1)}`);
  });

  it('the Kepala’s arahan is printed on the disposition sheet, under its own heading', () => {
    const flat = papers.disposition.text.replace(/\s+/g, ' ');
    expect(flat).toContain(`Arahan Kepala Dinas ${ARAHAN}`);
  });

  it('the hand-over to the Sekretaris is step 7, on paper as in the API and the timeline', async () => {
    const steps = await t.gql('query($id: UUID!) { dataRequest(id: $id) { dispositions { step fromRole toRole } timeline { step activity } } }', { id: done.id }, o.tok.sekretaris);
    expect(steps.data.dataRequest.dispositions.map((d: any) => `${d.step} ${d.fromRole}>${d.toRole}`)).toEqual([
      '1 SEKRETARIS>KASUBBAG', '2 KASUBBAG>PENYUSUN', '7 KASUBBAG>SEKRETARIS', '7 SEKRETARIS>KEPALA_DINAS', '7 KEPALA_DINAS>SEKRETARIS',
    ]);
    expect(steps.data.dataRequest.timeline[6].activity).toMatch(/^Kasubbag Program dan Evaluasi menyampaikan Laporan Kinerja kepada Sekretaris/);
    const rows = papers.disposition.text.match(/^\d \d+ \w+ \d{4}$/gm)!.map((l) => l.split(' ')[0]);
    expect(rows).toEqual(['1', '2', '7', '7', '7']);
  });

  it('each paper renders to PNG (A4, every page): copies in apps/api/test-results/papers for people to read', async () => {
    for (const [name, p] of Object.entries(papers)) {
      const pages = await pdfPng(p.bytes, name);
      expect(pages.length).toBe(Number(p.text.match(/Halaman 1 dari (\d+)/)![1]));
      for (const page of pages) {
        const png = fs.readFileSync(page.file);
        expect(png.subarray(1, 4).toString()).toBe('PNG');
        // A4 at 1.5 × 72 dpi: 893 × 1263 points, portrait or landscape (the format).
        expect([page.width, page.height].map(Math.round).sort((a, b) => a - b)).toEqual([893, 1263]);
        expect(png.length).toBeGreaterThan(20_000); // drawn, not blank
      }
      fs.writeFileSync(path.join(RESULTS, `${name}.pdf`), p.bytes);
      fs.writeFileSync(path.join(RESULTS, `${name}.txt`), p.text);
    }
  });

  it('the recap XLSX speaks Indonesian too: submission status and scale name', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await get(`/api/requests/${done.id}/recap.xlsx`, o.tok.kasubbag)).bytes as unknown as ArrayBuffer);
    const cells: string[] = [];
    for (const ws of wb.worksheets) ws.eachRow((r) => r.eachCell((c) => cells.push(String(c.value))));
    const all = cells.join('\n');
    for (const code of RAW) expect(all).not.toContain(code);
    expect(all).toContain('skala kategori: Skala lima kategori LKjIP (Sangat Baik – Sangat Kurang)');
    expect(cells.filter((c) => c === 'Diterima')).toHaveLength(2);
  });
});

describe('the format’s Kepala Bidang box names the Kabid who approved (session 6)', () => {
  it('before the approval: the holder, the date left open; after it: the approver with the day he signed, even once another holds the post', async () => {
    const s = await setupOffice(t);
    await t.db.office.update({ where: { id: s.office.id }, data: { requireHeadApproval: true } });
    const req = await requestAt(t, s, 'COLLECTING');
    const url = `/api/requests/${req.id}/format.pdf?bidangId=${s.bidang[0]!.id}`;
    const post = `Kepala ${s.bidang[0]!.name}`;
    const head1 = await t.db.user.findUniqueOrThrow({ where: { id: s.users.head1.id } });

    const unsigned = await pdfText((await get(url, s.tok.op1)).bytes);
    expect(unsigned).toMatch(new RegExp(`Tanda tangan\\n.*, \\.{29}\\n${post}\\n${head1.name}\\n`));

    // The operator sends, the Kepala Bidang approves (issue 11's sign-off) …
    const sent = await fillAndSubmit(t, s, req.submissions[0]!, 0);
    expect(sent.status).toBe('AWAITING_HEAD');
    const current = await getSubmission(t, s.tok.head1, req.submissions[0]!);
    const approved = await callSubmissionAction(t, 'approveSubmission' as never, s.tok.head1, { submissionId: current.id, expectedVersion: current.version });
    expect(approved.errors).toBeUndefined();
    // … and then leaves the post: a new Kepala Bidang holds it when the format is printed again.
    await t.db.user.update({ where: { id: head1.id }, data: { active: false } });
    const successor = await makeUser(t.db, s.office.id, ['BIDANG_HEAD'], s.bidang[0]!.id);
    await t.db.user.update({ where: { id: successor.id }, data: { name: 'Drs. Pengganti Kabid' } });

    const signed = await get(url, s.tok.op1);
    const text = await pdfText(signed.bytes);
    expect(text).toMatch(new RegExp(`Tanda tangan\\n\\S+, ${dateToday()}\\n${post}\\n${head1.name}\\nNIP\\. ${formatNip(head1.nip!)}\\n`));
    expect(text).not.toContain('Drs. Pengganti Kabid');
    // Looked at: the box with the approver's name, underlined, and his NIP (test-results/papers/format-approved-1.png).
    const pages = await pdfPng(signed.bytes, 'format-approved');
    expect(pages.length).toBeGreaterThan(0);
    fs.writeFileSync(path.join(RESULTS, 'format-approved.txt'), text);
  });
});

/** Today as printed under a signature (the flow runs now). */
function dateToday() {
  return new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Jakarta' }).format(new Date());
}

describe('one issued copy per content', () => {
  const docsOf = (requestId: string, kind: 'REPORT' | 'DISPOSITION' | 'FORMAT') => t.db.storedDocument.findMany({ where: { requestId, kind }, orderBy: { createdAt: 'asc' } });

  it('two downloads of the same recap: one stored document, same bytes and code; a new analysis version: a second one', async () => {
    const r = await requestAt(t, o, 'ANALYSED');
    const first = await get(`/api/requests/${r.id}/recap.pdf`, o.tok.kasubbag);
    const again = await get(`/api/requests/${r.id}/recap.pdf`, o.tok.sekretaris);
    expect(again).toEqual(first);
    expect(await docsOf(r.id, 'REPORT')).toHaveLength(1);
    expect(await t.db.auditEvent.count({ where: { entityId: first.id, action: 'document.issued' } })).toBe(1);
    const handedOut = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: first.id, action: 'document.downloaded' }, orderBy: { id: 'desc' } });
    expect(handedOut).toMatchObject({ actorId: o.users.sekretaris.id, after: { storedCopy: true, sha256: sha256(first.bytes) } });
    // Saving the draft again with the same data changes nothing printed: still the same copy.
    await saveAnalysis(t, o, r.id);
    expect((await get(`/api/requests/${r.id}/recap.pdf`, o.tok.kasubbag)).id).toBe(first.id);
    // A different narrative is a different recap.
    await saveAnalysis(t, o, r.id, 'Capaian membaik setelah percepatan triwulan ini.');
    const changed = await get(`/api/requests/${r.id}/recap.pdf`, o.tok.kasubbag);
    expect(changed.id).not.toBe(first.id);
    expect(changed.code).not.toBe(first.code);
    expect(await pdfText(changed.bytes)).toContain('Capaian membaik setelah percepatan triwulan ini.');
    expect(await docsOf(r.id, 'REPORT')).toHaveLength(2);
    // The first copy stays registered: a paper printed from it still verifies.
    const check = await t.gql('query($c: String!, $h: String!) { verifyDocument(code: $c, sha256: $h) { found matches } }', { c: first.code, h: sha256(first.bytes) });
    expect(check.data.verifyDocument).toEqual({ found: true, matches: true });
    // The public page gives the size as people read it, with the exact bytes beside it.
    const page = await (await fetch(`${t.url}/verify/${first.code}`)).text();
    expect(page).toMatch(new RegExp(`\\d+(,\\d)? KB \\(${new Intl.NumberFormat('id-ID').format(first.bytes.length).replace('.', '\\.')} bita\\)`));
  });

  it('simultaneous downloads of new content still issue one copy', async () => {
    const r = await requestAt(t, o, 'COLLECTING');
    const all = await Promise.all([o.tok.op2, o.tok.penyusun, o.tok.kasubbag, o.tok.sekretaris].map((tok) => get(`/api/requests/${r.id}/format.pdf?bidangId=${o.bidang[1]!.id}`, tok)));
    expect(new Set(all.map((x) => x.id)).size).toBe(1);
    expect(new Set(all.map((x) => sha256(x.bytes))).size).toBe(1);
    expect(await docsOf(r.id, 'FORMAT')).toHaveLength(1);
    // Another Bidang's format is another document.
    await get(`/api/requests/${r.id}/format.pdf?bidangId=${o.bidang[0]!.id}`, o.tok.op1);
    expect(await docsOf(r.id, 'FORMAT')).toHaveLength(2);
  });

  it('a change of the kop re-issues the disposition sheet', async () => {
    const r = await requestAt(t, o, 'AT_PENYUSUN');
    const before = await get(`/api/requests/${r.id}/disposition.pdf`, o.tok.sekretaris);
    expect((await get(`/api/requests/${r.id}/disposition.pdf`, o.tok.kasubbag)).id).toBe(before.id);
    await t.gql(SET, { i: { ...KOP, address: 'Jalan Dermojoyo Nomor 19, Nganjuk 64411' } }, o.tok.admin);
    const after = await get(`/api/requests/${r.id}/disposition.pdf`, o.tok.sekretaris);
    expect(after.id).not.toBe(before.id);
    expect(await pdfText(after.bytes)).toContain('Jalan Dermojoyo Nomor 19, Nganjuk 64411');
    expect(await docsOf(r.id, 'DISPOSITION')).toHaveLength(2);
    await t.gql(SET, { i: KOP }, o.tok.admin);
  });
});

describe('an office without a kop, with a Plt Kepala Dinas', () => {
  it('the default kop from the office name and regency; the Plt named in the Kepala’s block still to be signed', async () => {
    const o2 = await setupOffice(t);
    const r = await requestAt(t, o2, 'AT_KASUBBAG');
    const holder = await get(`/api/requests/${r.id}/disposition.pdf`, o2.tok.sekretaris);
    const kepala = await t.db.user.findUniqueOrThrow({ where: { id: o2.users.kepala.id } });
    const text0 = await pdfText(holder.bytes);
    expect(text0).toContain('PEMERINTAH KABUPATEN UJI\nDINAS UJI\n');
    expect(text0).toContain(`Tanda tangan\nUji, .............................\nKepala Dinas\n${kepala.name}\nNIP. ${formatNip(kepala.nip!)}`);
    // The Kepala is away: the Sekretaris becomes Plt Kepala Dinas. Who signs changed: a new copy.
    const plt = await t.gql(
      'mutation($i: AssignActingInput!) { assignActing(input: $i) { id } }',
      { i: { userId: o2.users.sekretaris.id, role: 'KEPALA_DINAS', kind: 'PLT', validFrom: new Date(Date.now() - 60_000).toISOString(), validUntil: new Date(Date.now() + 86_400_000).toISOString() } },
      o2.tok.admin,
    );
    expect(plt.errors).toBeUndefined();
    const acting = await get(`/api/requests/${r.id}/disposition.pdf`, o2.tok.sekretaris);
    expect(acting.id).not.toBe(holder.id);
    const sek = await t.db.user.findUniqueOrThrow({ where: { id: o2.users.sekretaris.id } });
    const text = await pdfText(acting.bytes);
    expect(text).toContain(`Tanda tangan\nUji, .............................\nPlt. Kepala Dinas\n${sek.name}\nNIP. ${formatNip(sek.nip!)}`);
    // The Sekretaris's own paraf (step 1) stays under his own post, without a prefix.
    expect(text).toContain(`Paraf\nUji, ${dateToday()}\nSekretaris Dinas\n${sek.name}`);
    const pages = await pdfPng(acting.bytes, 'disposition-plt');
    expect(pages).toHaveLength(1);
    fs.writeFileSync(path.join(RESULTS, 'disposition-plt.txt'), text);
  });
});
