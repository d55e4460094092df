/**
 * Step 6 through the API: the capaian formulas on a table of cases (read back from saveAnalysis),
 * the averages per Sasaran / Bidang / office, the comparison with the previous Triwulan and the
 * same period last year (with the deviation flag), completeness and timeliness per Bidang, and
 * the Kasubbag's narrative per Bidang.
 */
import { averageCapaian } from '@sipedaki/sop';
import { makeIndicator } from './factories';
import {
  advance,
  callSaveSubmission,
  callSubmissionAction,
  fillAndSubmit,
  getSubmission,
  REQUIRED_DOCUMENTS,
  requestAt,
  setupOffice,
  uploadDocument,
  type FlowOffice,
} from './flow';
import { errorCode, startTestApp, type TestApp } from './harness';

interface Case {
  name: string;
  polarity: 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER' | 'RANGE';
  target: number;
  targetUpper?: number;
  realisasi: number | null;
  capaian: number | null;
  status: string;
  category: string | null;
}

const CASES: Case[] = [
  { name: 'higher is better, under target', polarity: 'HIGHER_IS_BETTER', target: 80, realisasi: 60, capaian: 75, status: 'OK', category: 'CUKUP' },
  { name: 'higher is better, over-achieved (no cap)', polarity: 'HIGHER_IS_BETTER', target: 80, realisasi: 100, capaian: 125, status: 'OK', category: 'SANGAT_BAIK' },
  { name: 'lower is better, worse than target', polarity: 'LOWER_IS_BETTER', target: 10, realisasi: 12, capaian: 80, status: 'OK', category: 'BAIK' },
  { name: 'range, inside the range', polarity: 'RANGE', target: 10, targetUpper: 20, realisasi: 15, capaian: 100, status: 'OK', category: 'SANGAT_BAIK' },
  { name: 'range, above the upper bound', polarity: 'RANGE', target: 10, targetUpper: 20, realisasi: 25, capaian: 75, status: 'OK', category: 'CUKUP' },
  { name: 'range, below the lower bound', polarity: 'RANGE', target: 10, targetUpper: 20, realisasi: 6, capaian: 60, status: 'OK', category: 'KURANG' },
  { name: 'target 0, higher is better', polarity: 'HIGHER_IS_BETTER', target: 0, realisasi: 5, capaian: 100, status: 'TARGET_ZERO', category: 'SANGAT_BAIK' },
  { name: 'target 0, lower is better, missed', polarity: 'LOWER_IS_BETTER', target: 0, realisasi: 3, capaian: 0, status: 'TARGET_ZERO', category: 'SANGAT_KURANG' },
  { name: 'missing realisasi is null, not 0', polarity: 'HIGHER_IS_BETTER', target: 80, realisasi: null, capaian: null, status: 'MISSING_REALISASI', category: null },
  { name: 'negative result clamped to 0', polarity: 'LOWER_IS_BETTER', target: 10, realisasi: 25, capaian: 0, status: 'CLAMPED', category: 'SANGAT_KURANG' },
];

const ANALYSIS_FIELDS = `id version status deviationThreshold previousPeriod samePeriodLastYear
  office { average category { code } indicatorCount missingCount flaggedCount }
  perBidang { key average missingCount }
  perSasaran { key average indicatorCount }
  completeness { bidangTotal accepted onTime late percentAccepted percentOnTime }
  bidang { bidangId bidangName submissionStatus late returnCount achievements obstacles solutions capaian { average } }
  indicators { indicatorId indicatorCode capaian capaianStatus realisasi category { code } flagged flagReasons
    previous { label year triwulan realisasi capaian difference trend flagged }
    lastYear { label year triwulan realisasi capaian difference trend flagged } }`;

let t: TestApp;
let o: FlowOffice;
let requestId: string;
let analysis: any;
const caseIndicator = new Map<string, string>();

async function saveAnalysis(input: Record<string, unknown>) {
  return t.gql(`mutation($i: SaveAnalysisInput!) { saveAnalysis(input: $i) { ${ANALYSIS_FIELDS} } }`, { i: { requestId, ...input } }, o.tok.kasubbag);
}

/** A request for `triwulan` (of `year`) over the two factory indicators, accepted with these realisasi. */
async function acceptedEarlier(year: number, triwulan: number, realisasi: [number, number]) {
  const req = await requestAt(t, o, 'COLLECTING', { year, triwulan, indicatorIds: o.indicators.map((i) => i.id) });
  await fillAndSubmit(t, o, req.submissions[0]!, 0, realisasi[0]);
  await fillAndSubmit(t, o, req.submissions[1]!, 1, realisasi[1]);
  await advance(t, o, req, 'SUBMITTED', 'ACCEPTED');
}

beforeAll(async () => {
  t = await startTestApp({ ANALYSIS_DEVIATION_PCT: '25' }, { poolMax: 1 }); // one connection, as the embedded PGlite (see harness);
  o = await setupOffice(t);
  // History of indicator 1 (target 80): Triwulan II 2026 at 40 (50 %), Triwulan III 2025 at 70 (87,5 %).
  await t.db.indicatorTarget.create({ data: { indicatorId: o.indicators[0]!.id, year: 2025, triwulan: 3, target: 80 } });
  await t.db.indicatorTarget.create({ data: { indicatorId: o.indicators[1]!.id, year: 2025, triwulan: 3, target: 10 } });
  await acceptedEarlier(2026, 2, [40, 8]);
  await acceptedEarlier(2025, 3, [70, 8]);

  for (const c of CASES) {
    const i = await makeIndicator(t.db, o.office.id, o.bidang[0]!.id, { polarity: c.polarity, target: c.target, targetUpper: c.targetUpper, sasaran: 'Sasaran rumus' });
    caseIndicator.set(c.name, i.id);
  }
  const req = await requestAt(t, o, 'COLLECTING', { year: 2026, triwulan: 3, indicatorIds: [...o.indicators.map((i) => i.id), ...caseIndicator.values()] });
  requestId = req.id;
  // Bidang Satu fills indicator 1 (72 → 90 %) and every case; Bidang Dua fills indicator 2.
  const sub = await getSubmission(t, o.tok.op1, req.submissions[0]!);
  const saved = await callSaveSubmission(t, o.tok.op1, {
    submissionId: sub.id,
    expectedVersion: sub.version,
    values: [
      { indicatorId: o.indicators[0]!.id, realisasi: 72 },
      ...CASES.map((c) => ({ indicatorId: caseIndicator.get(c.name)!, realisasi: c.realisasi, note: c.realisasi === null ? 'Data belum tersedia dari BPS' : null })),
    ],
  });
  expect(saved.errors).toBeUndefined();
  for (const kind of REQUIRED_DOCUMENTS) expect((await uploadDocument(t, o.tok.op1, { submissionId: sub.id, kind })).status).toBe(201);
  const submitted = await callSubmissionAction(t, 'submitSubmission', o.tok.op1, { submissionId: sub.id, expectedVersion: saved.data.saveSubmission.version });
  expect(submitted.errors).toBeUndefined();
  await fillAndSubmit(t, o, req.submissions[1]!, 1, 8);
  await advance(t, o, req, 'SUBMITTED', 'ANALYSING');

  const r = await saveAnalysis({
    narrative: 'Capaian Dinas baik.',
    bidangNarratives: [{ bidangId: o.bidang[0]!.id, achievements: 'Target utama tercapai.', obstacles: 'Anggaran terlambat.', solutions: 'Percepatan kegiatan.' }],
  });
  expect(r.errors).toBeUndefined();
  analysis = r.data.saveAnalysis;
});
afterAll(async () => {
  await t?.close();
});

const rowOf = (indicatorId: string) => analysis.indicators.find((i: any) => i.indicatorId === indicatorId);

describe('capaian formulas through saveAnalysis', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const row = rowOf(caseIndicator.get(c.name)!);
    expect(row).toMatchObject({ realisasi: c.realisasi, capaian: c.capaian, capaianStatus: c.status, category: c.category ? { code: c.category } : null });
    // No history for these indicators: comparisons are null, nothing flagged.
    expect(row).toMatchObject({ previous: null, lastYear: null, flagged: false, flagReasons: [] });
  });

  it('averages per Sasaran, per Bidang and for the office ignore missing values', () => {
    const caseValues = CASES.map((c) => c.capaian);
    const sasaran = analysis.perSasaran.find((s: any) => s.key === 'Sasaran rumus');
    expect(sasaran).toEqual({ key: 'Sasaran rumus', average: averageCapaian(caseValues), indicatorCount: CASES.length });
    const satu = analysis.perBidang.find((b: any) => b.key === o.bidang[0]!.id);
    expect(satu).toEqual({ key: o.bidang[0]!.id, average: averageCapaian([90, ...caseValues]), missingCount: 1 });
    // Indicator 2: lower is better, target 10, realisasi 8 → 120.
    expect(analysis.office).toMatchObject({
      average: averageCapaian([90, 120, ...caseValues]),
      indicatorCount: CASES.length + 2,
      missingCount: 1,
      flaggedCount: 1,
    });
  });
});

describe('comparison with history', () => {
  it('previous Triwulan and same period last year from earlier accepted submissions', () => {
    expect(analysis).toMatchObject({ previousPeriod: 'Triwulan II 2026', samePeriodLastYear: 'Triwulan III 2025', deviationThreshold: 25 });
    const row = rowOf(o.indicators[0]!.id);
    expect(row.capaian).toBe(90);
    expect(row.previous).toEqual({ label: 'Triwulan II 2026', year: 2026, triwulan: 2, realisasi: 40, capaian: 50, difference: 40, trend: 'UP', flagged: true });
    expect(row.lastYear).toEqual({ label: 'Triwulan III 2025', year: 2025, triwulan: 3, realisasi: 70, capaian: 87.5, difference: 2.5, trend: 'UP', flagged: false });
    expect(row.flagged).toBe(true);
    expect(row.flagReasons).toEqual(['Capaian 90% naik 40 poin dibanding Triwulan II 2026 (50%), melebihi ambang 25 poin.']);
  });

  it('an unchanged indicator is compared but not flagged', () => {
    const row = rowOf(o.indicators[1]!.id);
    expect(row).toMatchObject({ capaian: 120, flagged: false, previous: { capaian: 120, difference: 0, trend: 'FLAT', flagged: false }, lastYear: { capaian: 120, difference: 0 } });
  });

  it('the threshold comes from the configuration', async () => {
    const strict = await startTestApp({ ANALYSIS_DEVIATION_PCT: '1' });
    try {
      const row = (await strict.services.analyses.compute(strict.db, requestId, await strict.services.scales.inForce())).indicators.find((i) => i.indicatorId === o.indicators[0]!.id)!;
      expect(row.previous?.flagged).toBe(true);
      expect(row.lastYear).toMatchObject({ difference: 2.5, flagged: true });
      expect(row.flagReasons).toHaveLength(2);
    } finally {
      await strict.close();
    }
  });
});

describe('completeness, timeliness and narratives per Bidang', () => {
  it('counts accepted and on-time Bidang', () => {
    expect(analysis.completeness).toEqual({ bidangTotal: 2, accepted: 2, onTime: 2, late: 0, percentAccepted: 100, percentOnTime: 100 });
    const rows = analysis.bidang.map((b: any) => [b.bidangId, b.submissionStatus, b.late, b.returnCount]).sort();
    expect(rows).toEqual(o.bidang.map((b) => [b.id, 'ACCEPTED', false, 0]).sort());
  });

  it('keeps each Bidang narrative; a later save for another Bidang leaves it', async () => {
    const satu = analysis.bidang.find((b: any) => b.bidangId === o.bidang[0]!.id);
    expect(satu).toMatchObject({ achievements: 'Target utama tercapai.', obstacles: 'Anggaran terlambat.', solutions: 'Percepatan kegiatan.', capaian: { average: averageCapaian([90, ...CASES.map((c) => c.capaian)]) } });
    const r = await saveAnalysis({ bidangNarratives: [{ bidangId: o.bidang[1]!.id, achievements: '  Capaian 120%.  ', obstacles: '', solutions: null }] });
    expect(r.errors).toBeUndefined();
    const again = r.data.saveAnalysis;
    expect(again.version).toBe(analysis.version);
    expect(again.bidang.find((b: any) => b.bidangId === o.bidang[0]!.id)).toMatchObject({ achievements: 'Target utama tercapai.', obstacles: 'Anggaran terlambat.' });
    expect(again.bidang.find((b: any) => b.bidangId === o.bidang[1]!.id)).toMatchObject({ achievements: 'Capaian 120%.', obstacles: null, solutions: null });
  });

  it('a narrative for an unknown Bidang → VALIDATION_FAILED, the draft unchanged', async () => {
    const before = await t.db.performanceAnalysis.findFirstOrThrow({ where: { requestId } });
    const r = await saveAnalysis({ bidangNarratives: [{ bidangId: '00000000-0000-4000-8000-000000000000', achievements: 'x' }] });
    expect(errorCode(r)).toBe('VALIDATION_FAILED');
    expect(r.errors![0]!.extensions!.fields).toEqual([{ field: 'bidangNarratives.00000000-0000-4000-8000-000000000000', message: 'Bidang tidak dikenal', messageEn: 'Unknown Bidang' }]);
    const after = await t.db.performanceAnalysis.findFirstOrThrow({ where: { requestId } });
    expect(after.results).toEqual(before.results);
  });
});
