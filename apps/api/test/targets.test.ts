/**
 * Issue 12 §2–§3 through the API: Renstra periods and Sasaran managed by the Kasubbag and the
 * Penyusun (not the Bidang), annual (Perjanjian Kinerja) and Triwulan targets, the targets frozen
 * into a request at step 3 (an annual and a Triwulan request, then the master targets edited:
 * the submission view, the analysis and performanceData keep the frozen ones), impossible values
 * refused naming the indicator with nothing changed, and the reviewer's flags at step 4.
 */
import { makeIndicator, makeOffice, makeUser, sasaranOf } from './factories';
import { advance, callSaveSubmission, getSubmission, requestAt, saveAnalysis, setupOffice, snapshot, type FlowOffice, type FlowRequest } from './flow';
import { errorCode, fieldsOf, startTestApp, type TestApp } from './harness';

let t: TestApp;
let o: FlowOffice;

beforeAll(async () => {
  t = await startTestApp();
  o = await setupOffice(t);
});
afterAll(() => t?.close());

const UPSERT_INDICATOR = `mutation($i: UpsertIndicatorInput!) { upsertIndicator(input: $i) {
  id code sasaran sasaranId renstraPeriodId valueKind effectiveValueKind allowAbove100 targetMode renstraTarget targets { year triwulan target targetUpper } } }`;

describe('Renstra periods, Sasaran and indicators', () => {
  it('the Kasubbag sets up a five-year Renstra period, the Penyusun a Sasaran and an indicator with annual and Triwulan targets', async () => {
    const p = await t.gql('mutation($i: UpsertRenstraPeriodInput!) { upsertRenstraPeriod(input: $i) { id name startYear endYear sasaran { id } } }', { i: { name: 'Renstra 2030–2034', startYear: 2030 } }, o.tok.kasubbag);
    expect(p.errors).toBeUndefined();
    expect(p.data.upsertRenstraPeriod).toMatchObject({ name: 'Renstra 2030–2034', startYear: 2030, endYear: 2034, sasaran: [] });
    const s = await t.gql('mutation($i: UpsertSasaranInput!) { upsertSasaran(input: $i) { id code name renstraPeriodId } }', {
      i: { renstraPeriodId: p.data.upsertRenstraPeriod.id, code: 'S1', name: 'Meningkatnya kemandirian desa' },
    }, o.tok.penyusun);
    expect(s.data.upsertSasaran).toMatchObject({ code: 'S1', renstraPeriodId: p.data.upsertRenstraPeriod.id });
    const i = await t.gql(UPSERT_INDICATOR, {
      i: {
        code: 'IKU-R1', bidangId: o.bidang[0].id, sasaranId: s.data.upsertSasaran.id, name: 'Jumlah desa mandiri', satuan: 'desa', polarity: 'HIGHER_IS_BETTER',
        targetMode: 'PER_QUARTER', renstraTarget: 120,
        targets: [{ year: 2030, triwulan: 0, target: 80 }, { year: 2030, triwulan: 1, target: 20 }],
      },
    }, o.tok.penyusun);
    expect(i.errors).toBeUndefined();
    expect(i.data.upsertIndicator).toMatchObject({
      sasaran: 'Meningkatnya kemandirian desa', sasaranId: s.data.upsertSasaran.id, renstraPeriodId: p.data.upsertRenstraPeriod.id,
      valueKind: null, effectiveValueKind: 'COUNT', targetMode: 'PER_QUARTER', renstraTarget: 120,
      targets: [{ year: 2030, triwulan: 0, target: 80, targetUpper: null }, { year: 2030, triwulan: 1, target: 20, targetUpper: null }],
    });
    const list = await t.gql('{ renstraPeriods { name startYear sasaran { code name } } }', {}, o.tok.op1);
    expect(list.data.renstraPeriods.map((r: any) => r.startYear)).toEqual([2030, 2025]);
  });

  // This office's rows only: other test files write to the same database at the same time.
  const officeCounts = async () => {
    const officeId = o.office.id;
    return {
      periods: await t.db.renstraPeriod.count({ where: { officeId } }),
      sasaran: await t.db.sasaran.count({ where: { officeId } }),
      indicators: await t.db.indicator.count({ where: { officeId } }),
      written: await t.db.auditEvent.count({ where: { officeId, action: { in: ['renstra.created', 'sasaran.created', 'indicator.created'] } } }),
    };
  };

  it('an overlapping period is refused, and a Bidang operator manages nothing; nothing is written', async () => {
    const before = await officeCounts();
    const overlap = await t.gql('mutation($i: UpsertRenstraPeriodInput!) { upsertRenstraPeriod(input: $i) { id } }', { i: { name: 'Renstra 2032–2036', startYear: 2032 } }, o.tok.kasubbag);
    expect(errorCode(overlap)).toBe('VALIDATION_FAILED');
    expect(fieldsOf(overlap)[0]!.field).toBe('startYear');
    const byOperator = await t.gql('mutation($i: UpsertRenstraPeriodInput!) { upsertRenstraPeriod(input: $i) { id } }', { i: { name: 'Renstra 2040–2044', startYear: 2040 } }, o.tok.op1);
    expect(errorCode(byOperator)).toBe('FORBIDDEN');
    const indicatorByOperator = await t.gql(UPSERT_INDICATOR, {
      i: { code: 'IKU-OP', bidangId: o.bidang[0].id, sasaran: 'Sasaran uji', name: 'Indikator operator', satuan: 'desa', polarity: 'HIGHER_IS_BETTER', targets: [] },
    }, o.tok.op1);
    expect(errorCode(indicatorByOperator)).toBe('FORBIDDEN');
    expect(await officeCounts()).toEqual(before);
  });

  it('an impossible target is refused naming the indicator (a percentage of 120, a count of 2.5)', async () => {
    const r = await t.gql(UPSERT_INDICATOR, {
      i: {
        code: 'IKU-BAD', bidangId: o.bidang[0].id, sasaran: 'Sasaran uji', name: 'Persentase desa berstatus maju', satuan: '%', polarity: 'HIGHER_IS_BETTER',
        targets: [{ year: 2026, triwulan: 0, target: 120 }],
      },
    }, o.tok.kasubbag);
    expect(errorCode(r)).toBe('VALIDATION_FAILED');
    expect(fieldsOf(r)).toEqual([{ field: 'targets.2026-0', message: 'Target indikator "IKU-BAD Persentase desa berstatus maju" (%): 120 tidak mungkin — persentase paling tinggi 100.' }]);
    expect(await t.db.indicator.findFirst({ where: { code: 'IKU-BAD' } })).toBeNull();
  });
});

/** A count indicator of Bidang Satu with annual (PK) and cumulative Triwulan targets for 2026. */
async function countIndicator(code: string, name: string) {
  const sasaran = await sasaranOf(t.db, o.office.id, 'Sasaran uji');
  return t.db.indicator.create({
    data: {
      officeId: o.office.id, bidangId: o.bidang[0].id, code, sasaranId: sasaran.id, name, satuan: 'BUMDes',
      targets: { create: [[0, 200], [1, 40], [2, 100], [3, 150], [4, 190]].map(([triwulan, target]) => ({ year: 2026, triwulan: triwulan!, target: target! })) },
    },
  });
}

const ANALYSIS_Q = 'query($id: UUID!) { dataRequest(id: $id) { analyses { office { average averageUncapped } indicators { indicatorId target targetFrozen capaian capaianCapped } } } }';
const PERFORMANCE_Q = 'query($f: PerformanceFilter) { performanceData(filter: $f, first: 10) { edges { node { requestId target targetFrozen capaian } } } }';
const VALUES_Q = 'query($id: UUID!) { submission(id: $id) { values { indicatorId target targetFrozen capaian valueKind } } }';

describe('targets frozen when the format is sent (step 3)', () => {
  let indicator: { id: string };
  let annual: FlowRequest;
  let quarter: FlowRequest;

  /** What every capaian view says of the indicator in request `r`. */
  async function views(r: FlowRequest) {
    const s = await t.gql(VALUES_Q, { id: r.submissions[0] }, o.tok.kasubbag);
    const a = await t.gql(ANALYSIS_Q, { id: r.id }, o.tok.kasubbag);
    const p = await t.gql(PERFORMANCE_Q, { f: { indicatorId: indicator.id } }, o.tok.kasubbag);
    return {
      submission: s.data.submission.values.find((v: any) => v.indicatorId === indicator.id),
      analysis: a.data.dataRequest.analyses[0].indicators.find((v: any) => v.indicatorId === indicator.id),
      performance: p.data.performanceData.edges.map((e: any) => e.node).find((n: any) => n.requestId === r.id),
    };
  }

  async function collectedWith(triwulan: number | null, realisasi: number) {
    const r = await requestAt(t, o, 'COLLECTING', { triwulan, indicatorIds: [o.indicators[0].id, o.indicators[1].id, indicator.id] });
    const s = await getSubmission(t, o.tok.op1, r.submissions[0]!);
    const saved = await callSaveSubmission(t, o.tok.op1, { submissionId: s.id, expectedVersion: s.version, values: [{ indicatorId: indicator.id, realisasi }] });
    expect(saved.errors).toBeUndefined();
    return advance(t, o, r, 'COLLECTING', 'ANALYSED');
  }

  beforeAll(async () => {
    indicator = await countIndicator('IKU-FZ', 'Jumlah BUMDes maju');
    annual = await collectedWith(null, 150);
    quarter = await collectedWith(2, 150);
  });

  it('an annual request takes the Perjanjian Kinerja target, a Triwulan request its own, in every view', async () => {
    const frozen = await t.db.dataRequestIndicator.findMany({ where: { indicatorId: indicator.id, requestId: { in: [annual.id, quarter.id] } } });
    expect(frozen.map((f) => [f.requestId, Number(f.target), f.targetFrozenAt !== null]).sort()).toEqual([[annual.id, 200, true], [quarter.id, 100, true]].sort());
    expect(await views(annual)).toEqual({
      submission: { indicatorId: indicator.id, target: 200, targetFrozen: true, capaian: 75, valueKind: 'COUNT' },
      analysis: { indicatorId: indicator.id, target: 200, targetFrozen: true, capaian: 75, capaianCapped: 75 },
      performance: { requestId: annual.id, target: 200, targetFrozen: true, capaian: 75 },
    });
    expect(await views(quarter)).toEqual({
      submission: { indicatorId: indicator.id, target: 100, targetFrozen: true, capaian: 150, valueKind: 'COUNT' },
      analysis: { indicatorId: indicator.id, target: 100, targetFrozen: true, capaian: 150, capaianCapped: 150 },
      performance: { requestId: quarter.id, target: 100, targetFrozen: true, capaian: 150 },
    });
  });

  it('editing the targets afterwards changes neither request, even when the analysis is saved again; a new request takes the new target', async () => {
    const before = { annual: await views(annual), quarter: await views(quarter) };
    const edit = await t.gql(UPSERT_INDICATOR, {
      i: {
        id: indicator.id, code: 'IKU-FZ', bidangId: o.bidang[0].id, sasaran: 'Sasaran uji', name: 'Jumlah BUMDes maju', satuan: 'BUMDes', polarity: 'HIGHER_IS_BETTER',
        targets: [{ year: 2026, triwulan: 0, target: 400 }, { year: 2026, triwulan: 2, target: 300 }, { year: 2026, triwulan: 4, target: 380 }],
      },
    }, o.tok.kasubbag);
    expect(edit.errors).toBeUndefined();
    await saveAnalysis(t, o, annual.id);
    await saveAnalysis(t, o, quarter.id);
    expect({ annual: await views(annual), quarter: await views(quarter) }).toEqual(before);

    // The control: the same reads of a request sent after the edit show the new target.
    const later = await requestAt(t, o, 'COLLECTING', { triwulan: null, indicatorIds: [indicator.id] });
    const s = await t.gql(VALUES_Q, { id: later.submissions[0] }, o.tok.kasubbag);
    expect(s.data.submission.values[0]).toMatchObject({ target: 400, targetFrozen: true });
  });
});

describe('impossible values', () => {
  it('are refused by the API naming the indicator, and nothing changes', async () => {
    const count = await countIndicator('IKU-IMP', 'Jumlah BUMDes mandiri');
    const percent = await makeIndicator(t.db, o.office.id, o.bidang[0].id, { satuan: '%', target: 80 });
    const r = await requestAt(t, o, 'COLLECTING', { triwulan: 2, indicatorIds: [count.id, percent.id] });
    const s = await getSubmission(t, o.tok.op1, r.submissions[0]!);
    const before = await snapshot(t, r.id);
    for (const [values, fields] of [
      [[{ indicatorId: count.id, realisasi: -3 }], [`values.${count.id}`]],
      [[{ indicatorId: count.id, realisasi: 1.25 }], [`values.${count.id}`]],
      [[{ indicatorId: percent.id, realisasi: 120 }, { indicatorId: count.id, realisasi: 10 }], [`values.${percent.id}`]],
    ] as const) {
      const res = await callSaveSubmission(t, o.tok.op1, { submissionId: s.id, expectedVersion: s.version, values: [...values] });
      expect(errorCode(res)).toBe('VALIDATION_FAILED');
      expect(fieldsOf(res).map((f) => f.field)).toEqual(fields);
      expect(await snapshot(t, r.id)).toEqual(before);
    }
    const negative = await callSaveSubmission(t, o.tok.op1, { submissionId: s.id, expectedVersion: s.version, values: [{ indicatorId: count.id, realisasi: -3 }] });
    expect(negative.errors?.[0]?.message).toBe('Realisasi indikator "IKU-IMP Jumlah BUMDes mandiri" (BUMDes): -3 tidak mungkin — jumlah tidak boleh negatif.');
    const fine = await callSaveSubmission(t, o.tok.op1, { submissionId: s.id, expectedVersion: s.version, values: [{ indicatorId: count.id, realisasi: 1250 }, { indicatorId: percent.id, realisasi: 100 }] });
    expect(fine.errors).toBeUndefined();
  });
});

describe('impossible values in a filled format (XLSX import)', () => {
  it('refuse the whole file, each row named; nothing is saved', async () => {
    const ExcelJS = require('exceljs');
    const count = await countIndicator('IKU-XL', 'Jumlah lembaga kemasyarakatan aktif');
    const r = await requestAt(t, o, 'COLLECTING', { triwulan: 2, indicatorIds: [count.id, o.indicators[0].id] });
    const res = await fetch(`${t.url}/api/requests/${r.id}/format.xlsx?bidangId=${o.bidang[0].id}`, { headers: { authorization: `Bearer ${o.tok.op1}` } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()));
    const ws = wb.getWorksheet('Format');
    const rowOf: Record<string, number> = {};
    ws.eachRow((row: any, n: number) => (rowOf[String(row.getCell(2).value)] = n));
    ws.getCell(rowOf['IKU-XL']!, 7).value = -5;
    ws.getCell(rowOf[o.indicators[0].code]!, 7).value = 70;
    const before = await snapshot(t, r.id);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(Buffer.from(await wb.xlsx.writeBuffer()))]), 'format.xlsx');
    const up = await fetch(`${t.url}/api/submissions/${r.submissions[0]}/import.xlsx`, { method: 'POST', headers: { authorization: `Bearer ${o.tok.op1}` }, body: form });
    const body = (await up.json()) as any;
    expect(up.status).toBe(400);
    expect(body.error.cells).toEqual([
      { row: rowOf['IKU-XL'], column: 'Realisasi', message: 'Realisasi indikator "IKU-XL Jumlah lembaga kemasyarakatan aktif" (BUMDes): -5 tidak mungkin — jumlah tidak boleh negatif.', messageEn: expect.any(String) },
    ]);
    expect(await snapshot(t, r.id)).toEqual(before);
  });
});

describe('reviewer flags at step 4', () => {
  it('show a value far above target to the reviewer before it is accepted', async () => {
    const i = await countIndicator('IKU-FLAG', 'Jumlah BUMDes aktif');
    const r = await requestAt(t, o, 'COLLECTING', { triwulan: 1, indicatorIds: [i.id, o.indicators[0].id] });
    const s = await getSubmission(t, o.tok.op1, r.submissions[0]!);
    await callSaveSubmission(t, o.tok.op1, { submissionId: s.id, expectedVersion: s.version, values: [{ indicatorId: i.id, realisasi: 86 }, { indicatorId: o.indicators[0].id, realisasi: 70 }] });
    const flags = await t.gql('query($id: UUID!) { submission(id: $id) { reviewFlags { indicatorCode capaian farAboveTarget flagged reasons } } }', { id: s.id }, o.tok.penyusun);
    expect(flags.errors).toBeUndefined();
    // 86 against Triwulan I's 40 is 215 %: flagged; the factory indicator at 70/80 is not.
    expect(flags.data.submission.reviewFlags).toEqual([
      { indicatorCode: 'IKU-FLAG', capaian: 215, farAboveTarget: true, flagged: true, reasons: ['Capaian 215% jauh di atas target (lebih dari 150%): periksa kembali realisasinya.'] },
    ]);
  });
});

describe('the Perjanjian Kinerja annex (No, Sasaran, Indikator, Satuan, Target)', () => {
  const ExcelJS = require('exceljs');
  async function download(token: string, year: number) {
    const res = await fetch(`${t.url}/api/targets/pk.xlsx?year=${year}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
  }
  async function upload(token: string, year: number, bytes: Buffer) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), 'pk.xlsx');
    const res = await fetch(`${t.url}/api/targets/pk.xlsx?year=${year}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    return { status: res.status, body: await res.json() };
  }
  /** The sheet's rows below the header, as [No, Sasaran, Indikator, Satuan, Target]. */
  async function rowsOf(bytes: Buffer) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes);
    const ws = wb.getWorksheet('PK');
    const out: { row: number; values: unknown[] }[] = [];
    ws.eachRow((row: any, n: number) => out.push({ row: n, values: [1, 2, 3, 4, 5].map((c) => row.getCell(c).value) }));
    const head = out.findIndex((r) => r.values[0] === 'No');
    return { wb, ws, rows: out.slice(head + 1) };
  }
  const yearTargets = async (year: number) =>
    (await t.db.indicatorTarget.findMany({ where: { year, triwulan: 0, indicator: { officeId: o.office.id } }, include: { indicator: true }, orderBy: { indicator: { code: 'asc' } } }))
      .map((x) => [x.indicator.code, Number(x.target)]);

  it('round-trips: the exported annex imports unchanged, and an edited Target (typed as text "1.250") sets the annual target', async () => {
    const pct = await makeIndicator(t.db, o.office.id, o.bidang[1].id, { satuan: '%', sasaran: 'Sasaran PK' });
    await t.db.indicator.update({ where: { id: pct.id }, data: { name: 'Persentase desa tertib administrasi' } });
    await countIndicator('IKU-PK', 'Jumlah BUMDes berbadan hukum');
    const exported = await download(o.tok.kasubbag, 2026);
    expect(exported.status).toBe(200);
    const { wb, ws, rows } = await rowsOf(exported.bytes);
    const mine = rows.find((r) => r.values[2] === 'Jumlah BUMDes berbadan hukum')!;
    expect(mine.values.slice(1)).toEqual(['Sasaran uji', 'Jumlah BUMDes berbadan hukum', 'BUMDes', 200]);
    const before = await yearTargets(2026);
    expect(await upload(o.tok.kasubbag, 2026, exported.bytes)).toMatchObject({ status: 200 });
    expect(await yearTargets(2026)).toEqual(before);

    ws.getCell(mine.row, 5).value = '1.250';
    ws.getCell(rows.find((r) => r.values[2] === 'Persentase desa tertib administrasi')!.row, 5).value = 95.5;
    const edited = await upload(o.tok.penyusun, 2026, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(edited).toMatchObject({ status: 200, body: { year: 2026 } });
    const after = new Map(await yearTargets(2026) as [string, number][]);
    expect(after.get('IKU-PK')).toBe(1250);
    expect(after.get(pct.code)).toBe(95.5);
  });

  it('refuses the whole file when one row is impossible or unknown, naming the rows; nothing changes', async () => {
    const exported = await download(o.tok.kasubbag, 2026);
    const { wb, ws, rows } = await rowsOf(exported.bytes);
    const pctRow = rows.find((r) => r.values[2] === 'Persentase desa tertib administrasi')!;
    const countRow = rows.find((r) => r.values[2] === 'Jumlah BUMDes berbadan hukum')!;
    ws.getCell(pctRow.row, 5).value = 120;
    ws.getCell(countRow.row, 5).value = 300;
    ws.addRow([99, 'Sasaran uji', 'Indikator yang tidak ada', 'orang', 5]);
    const before = await yearTargets(2026);
    const res = await upload(o.tok.kasubbag, 2026, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const fields = res.body.error.fields.map((f: any) => f.field);
    expect(fields).toContain(`R${pctRow.row}.Target`);
    expect(fields).toContain(`R${ws.rowCount}.Indikator`);
    expect(res.body.error.fields.find((f: any) => f.field === `R${pctRow.row}.Target`).message).toMatch(/^Target indikator ".*Persentase desa tertib administrasi" \(%\): 120 tidak mungkin/);
    expect(await yearTargets(2026)).toEqual(before);
  });

  it('is for the Kasubbag, the Penyusun and the administrator only', async () => {
    expect((await download(o.tok.op1, 2026)).status).toBe(403);
    const exported = await download(o.tok.kasubbag, 2026);
    const before = await yearTargets(2026);
    expect((await upload(o.tok.op1, 2026, exported.bytes)).status).toBe(403);
    expect(await yearTargets(2026)).toEqual(before);
  });
});

describe('the scale cap as a new scale version of the pemda', () => {
  const SET = 'mutation($i: SetScaleCapInput!) { setScaleCap(input: $i) { code version validFrom cap bands { min code } } }';
  it('the pemda administrator adds a version with a cap; an office administrator and others may not; a cap under 100 is refused', async () => {
    const pemdaAdmin = await t.login((await makeUser(t.db, o.office.id, ['PEMDA_ADMIN'])).username);
    const before = await t.db.categoryScale.count();
    const now = await t.gql('{ categoryScale { code version cap bands { code } } }', {}, o.tok.op1);
    expect(now.data.categoryScale).toMatchObject({ code: 'LKJIP_5', cap: null });
    // A cap counts for every office of the pemda: one office's administrator may not set it.
    expect(errorCode(await t.gql(SET, { i: { cap: 120, validFrom: '2099-01-01' } }, o.tok.admin))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(SET, { i: { cap: 120, validFrom: '2099-01-01' } }, o.tok.kasubbag))).toBe('FORBIDDEN');
    const low = await t.gql(SET, { i: { cap: 99, validFrom: '2099-01-01' } }, pemdaAdmin);
    expect(errorCode(low)).toBe('VALIDATION_FAILED');
    const past = await t.gql(SET, { i: { cap: 120, validFrom: '2026-01-01' } }, pemdaAdmin);
    expect(fieldsOf(past).map((f) => f.field)).toEqual(['validFrom']);
    expect(await t.db.categoryScale.count()).toBe(before);
    const ok = await t.gql(SET, { i: { cap: 120, validFrom: '2099-01-01' } }, pemdaAdmin);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.setScaleCap).toMatchObject({ code: 'LKJIP_5', validFrom: '2099-01-01', cap: 120, bands: now.data.categoryScale.bands.map((b: any) => expect.objectContaining(b)) });
    expect(ok.data.setScaleCap.version).toBeGreaterThan(now.data.categoryScale.version);
    const row = await t.db.categoryScale.findFirstOrThrow({ where: { code: 'LKJIP_5', version: ok.data.setScaleCap.version } });
    expect({ cap: Number(row.cap), pemdaId: row.pemdaId }).toEqual({ cap: 120, pemdaId: o.office.pemdaId });
    // Still the same scale today.
    expect((await t.gql('{ categoryScale { version cap } }', {}, o.tok.op1)).data.categoryScale).toEqual({ version: now.data.categoryScale.version, cap: null });
    // In 2099 the pemda's offices have the cap; an office of another pemda keeps the national scale.
    const other = await makeOffice(t.db);
    const in2099 = new Date('2099-06-01T00:00:00Z');
    expect((await t.services.scales.inForce(in2099, o.office.id)).cap).toBe(120);
    expect((await t.services.scales.inForce(in2099, other.id)).cap).toBeNull();
    expect((await t.services.scales.inForce(in2099, other.id)).version).toBe(now.data.categoryScale.version);
  });
});
