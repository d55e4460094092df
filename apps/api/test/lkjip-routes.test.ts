/**
 * The LKjIP draft over HTTP and GraphQL: a year with a frozen annual analysis is generated and
 * its files taken by the readers; others are refused; a bad query names its field; an import by a
 * reader or with a stale version writes nothing.
 */
import ExcelJS from 'exceljs';
import { requestAt, setupOffice, type FlowOffice } from './flow';
import { errorCode, startTestApp, type TestApp } from './harness';

let t: TestApp;
let o: FlowOffice;
let version: number;
beforeAll(async () => {
  t = await startTestApp();
  o = await setupOffice(t);
  await requestAt(t, o, 'REPORT_AT_SEKRETARIS', { triwulan: null }); // 2026, the annual request, frozen
  const r = await t.gql('mutation($i: GenerateLkjipDraftInput!) { generateLkjipDraft(input: $i) { version sources { year triwulan } } }', { i: { year: 2026, expectedVersion: 0 } }, o.tok.kasubbag);
  expect(r.errors).toBeUndefined();
  expect(r.data.generateLkjipDraft.sources).toEqual([{ year: 2026, triwulan: null }]);
  version = r.data.generateLkjipDraft.version;
}, 120_000);
afterAll(async () => {
  await t?.close();
});

async function call(method: 'GET' | 'POST', path: string, token?: string, body?: FormData) {
  const res = await fetch(`${t.url}${path}`, { method, headers: token ? { authorization: `Bearer ${token}` } : {}, body });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), code: res.headers.get('x-verification-code'), bytes };
}
const errorOf = (b: Buffer) => JSON.parse(b.toString()).error as { code: string; fields?: { field: string }[] };

it('the readers take the DOCX, the PDF and the sheet; Bidang, the administrator and strangers do not', async () => {
  for (const who of ['kasubbag', 'penyusun', 'sekretaris', 'kepala'] as const) {
    const docx = await call('GET', '/api/lkjip/bab3.docx?year=2026', o.tok[who]);
    expect([who, docx.status, docx.bytes.subarray(0, 2).toString(), docx.disposition]).toEqual([who, 200, 'PK', `attachment; filename*=UTF-8''lkjip-bab3-2026-v${version}.docx`]);
  }
  const pdf = await call('GET', `/api/lkjip/bab3.pdf?year=2026&version=${version}`, o.tok.kepala);
  expect([pdf.status, pdf.type, pdf.bytes.subarray(0, 5).toString()]).toEqual([200, 'application/pdf', '%PDF-']);
  expect(pdf.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const xlsx = await call('GET', '/api/lkjip/budget.xlsx?year=2026', o.tok.sekretaris);
  expect([xlsx.status, xlsx.bytes.subarray(0, 2).toString()]).toEqual([200, 'PK']);
  for (const who of ['op1', 'head1', 'admin'] as const) {
    const r = await call('GET', '/api/lkjip/bab3.docx?year=2026', o.tok[who]);
    expect([who, r.status, errorOf(r.bytes).code]).toEqual([who, 403, 'FORBIDDEN']);
    const q = await t.gql('query { lkjipDraft(year: 2026) { version } }', {}, o.tok[who]);
    expect([who, errorCode(q)]).toEqual([who, 'FORBIDDEN']);
  }
  expect((await call('GET', '/api/lkjip/bab3.docx?year=2026')).status).toBe(401);
});

it('a bad year or version names its field; a version that does not exist is NOT_FOUND', async () => {
  const bad = await call('GET', '/api/lkjip/bab3.pdf?year=20x6', o.tok.kasubbag);
  expect([bad.status, errorOf(bad.bytes).fields?.map((f) => f.field)]).toEqual([400, ['year']]);
  const none = await call('GET', '/api/lkjip/bab3.docx', o.tok.kasubbag);
  expect(errorOf(none.bytes).fields?.map((f) => f.field)).toEqual(['year']);
  const missing = await call('GET', `/api/lkjip/bab3.docx?year=2026&version=${version + 5}`, o.tok.kasubbag);
  expect([missing.status, errorOf(missing.bytes).code]).toEqual([404, 'NOT_FOUND']);
});

it('an import by a reader, or against a stale version, writes nothing; the Penyusun’s import is a new version', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Anggaran');
  ws.addRow(['No', 'Program', 'Pagu', 'Realisasi']);
  ws.addRow([1, 'Program Pemberdayaan Masyarakat Desa', '2.000.000.000', '1.500.000.000']);
  const file = Buffer.from(await wb.xlsx.writeBuffer());
  const form = () => {
    const f = new FormData();
    f.append('file', new Blob([file]), 'anggaran.xlsx');
    return f;
  };
  const count = () => t.db.lkjipDraft.count({ where: { officeId: o.office.id } });
  const before = await count();
  const reader = await call('POST', `/api/lkjip/budget.xlsx?year=2026&expectedVersion=${version}`, o.tok.sekretaris, form());
  expect([reader.status, errorOf(reader.bytes).code]).toEqual([403, 'FORBIDDEN']);
  const stale = await call('POST', `/api/lkjip/budget.xlsx?year=2026&expectedVersion=${version - 1}`, o.tok.kasubbag, form());
  expect([stale.status, errorOf(stale.bytes).code]).toEqual([409, 'CONFLICT']);
  expect(await count()).toBe(before);
  const ok = await call('POST', `/api/lkjip/budget.xlsx?year=2026&expectedVersion=${version}`, o.tok.penyusun, form());
  expect([ok.status, JSON.parse(ok.bytes.toString())]).toEqual([200, { version: version + 1, rows: 1 }]);
  const r = await t.gql('query { lkjipDraft(year: 2026) { version change budget { rows { pagu realisasi percent } totalPercent } } }', {}, o.tok.kepala);
  expect(r.data.lkjipDraft).toEqual({ version: version + 1, change: 'BUDGET_IMPORTED', budget: { rows: [{ pagu: 2_000_000_000, realisasi: 1_500_000_000, percent: 75 }], totalPercent: 75 } });
});
