/**
 * The SOP monitoring's file routes over HTTP: who may take the XLSX and the PDF, and how a bad
 * period is answered (the JSON error of the file routes, naming the field).
 */
import { setupOffice, type FlowOffice } from './flow';
import { startTestApp, type TestApp } from './harness';

let t: TestApp;
let o: FlowOffice;
beforeAll(async () => {
  t = await startTestApp();
  o = await setupOffice(t);
});
afterAll(async () => {
  await t?.close();
});

async function get(path: string, token?: string) {
  const res = await fetch(`${t.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes };
}

it('the Kasubbag, the Sekretaris and the Kepala Dinas take the XLSX; others are refused', async () => {
  for (const who of ['kasubbag', 'sekretaris', 'kepala'] as const) {
    const r = await get('/api/monitoring/sop.xlsx?year=2026&semester=2', o.tok[who]);
    expect([who, r.status, r.bytes.subarray(0, 2).toString(), r.disposition]).toEqual([who, 200, 'PK', "attachment; filename*=UTF-8''monitoring-sop-2026-s2.xlsx"]);
  }
  for (const who of ['penyusun', 'op1', 'admin'] as const) {
    const r = await get('/api/monitoring/sop.xlsx?year=2026&semester=2', o.tok[who]);
    expect([who, r.status, JSON.parse(r.bytes.toString()).error.code]).toEqual([who, 403, 'FORBIDDEN']);
  }
  expect((await get('/api/monitoring/sop.xlsx?year=2026')).status).toBe(401);
});

it('a bad period names its field; the PDF waits for the paraf', async () => {
  const bad = await get('/api/monitoring/sop.xlsx?year=2026&semester=3', o.tok.kasubbag);
  const body = JSON.parse(bad.bytes.toString()).error;
  expect([bad.status, body.code, body.fields.map((f: { field: string }) => f.field)]).toEqual([400, 'VALIDATION_FAILED', ['semester']]);
  const noYear = JSON.parse((await get('/api/monitoring/sop.xlsx', o.tok.kasubbag)).bytes.toString()).error;
  expect([noYear.code, noYear.fields.map((f: { field: string }) => f.field)]).toEqual(['VALIDATION_FAILED', ['year']]);
  const pdf = await get('/api/monitoring/sop.pdf?year=2026&semester=1', o.tok.kasubbag);
  expect([pdf.status, JSON.parse(pdf.bytes.toString()).error.fields[0].field]).toEqual([400, 'signedAt']);
});
