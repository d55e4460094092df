/**
 * The kabupaten rollup (issue 15): every figure of the league tables recomputed here by hand from
 * the rows this file seeds (factories + plain inserts, at a clock the test chooses), frozen
 * analyses only, and isolation: another pemda sees nothing of this one, an office's own staff and
 * machine clients cannot read the rollup, and a refusal changes nothing.
 */
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Db } from '../src/db/prisma';
import { makeBidang, makeOffice, makePemda, makeUser } from './factories';
import { errorCode, startTestApp, type TestApp } from './harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const at = (s: string) => new Date(`${s}+07:00`);
const NOW = at('2026-07-01T09:00');
const SOMEONE = crypto.randomUUID();

interface StepSeed { step: number; startedAt: string; dueAt: string; completedAt: string | null }
interface RequestSeed {
  year: number;
  triwulan: number | null;
  status?: 'AT_SEKRETARIS' | 'COLLECTING' | 'COMPILING' | 'DONE' | 'CANCELLED';
  steps: StepSeed[];
  /** One entry per Bidang asked: its submission's status and first hand-in (null = none yet). */
  bidang: { status: 'DRAFT' | 'SUBMITTED' | 'ACCEPTED' | 'WAIVED' | null; firstSubmittedAt: string | null }[];
  /** Analysis versions in order: capaian and status (with the category the analysis stored). */
  analyses?: { capaian: number; status: 'SUBMITTED' | 'DRAFT'; category: string; submittedAt?: string; cap?: number | null; scaleCode?: string }[];
}

/** Seven steps starting at `day` (local), each due after an hour; `late` finish two hours after start. */
function steps(day: string, opts: { late?: number[]; upTo?: number; openFrom?: number; dueOpen?: string } = {}): StepSeed[] {
  const out: StepSeed[] = [];
  for (let s = 1; s <= (opts.upTo ?? 7); s++) {
    const start = at(`${day}T08:00`).getTime() + (s - 1) * 3 * 3_600_000;
    const open = opts.openFrom !== undefined && s >= opts.openFrom;
    out.push({
      step: s,
      startedAt: new Date(start).toISOString(),
      dueAt: open && opts.dueOpen ? at(opts.dueOpen).toISOString() : new Date(start + 3_600_000).toISOString(),
      completedAt: open ? null : new Date(start + (opts.late?.includes(s) ? 2 : 0.5) * 3_600_000).toISOString(),
    });
  }
  return out;
}

let letter = 0;
async function seedRequest(db: Db, officeId: string, bidangIds: string[], r: RequestSeed) {
  const req = await db.dataRequest.create({
    data: {
      officeId,
      year: r.year,
      triwulan: r.triwulan,
      letterNumber: `050/${++letter}/${crypto.randomBytes(3).toString('hex')}`,
      letterDate: new Date(`${r.year}-04-01T00:00:00Z`),
      sender: 'Bappeda',
      subject: 'Permintaan data kinerja',
      status: r.status ?? 'DONE',
      currentStep: 7,
      stepStartedAt: new Date(r.steps[0]!.startedAt),
      createdById: SOMEONE,
    },
  });
  await db.requestStep.createMany({
    data: r.steps.map((s) => ({ requestId: req.id, step: s.step, startedAt: new Date(s.startedAt), dueAt: new Date(s.dueAt), completedAt: s.completedAt ? new Date(s.completedAt) : null })),
  });
  for (const [i, b] of r.bidang.entries()) {
    const bidangId = bidangIds[i]!;
    await db.dataRequestBidang.create({ data: { requestId: req.id, bidangId } });
    if (b.status) await db.bidangSubmission.create({ data: { requestId: req.id, bidangId, status: b.status, firstSubmittedAt: b.firstSubmittedAt ? at(b.firstSubmittedAt) : null } });
  }
  const analyses = [];
  for (const [i, a] of (r.analyses ?? []).entries()) {
    const office = { key: 'office', label: 'Dinas', average: a.capaian, averageUncapped: a.capaian, category: { code: a.category, label: a.category.replace('_', ' '), labelEn: a.category }, indicatorCount: 1, missingCount: 0, flaggedCount: 0 };
    analyses.push(
      await db.performanceAnalysis.create({
        data: {
          requestId: req.id,
          version: i + 1,
          status: a.status,
          scaleCode: a.scaleCode ?? 'LKJIP_5',
          scaleVersion: 1,
          officeCapaian: a.capaian,
          results: { office, perBidang: [], perSasaran: [], indicators: [], bidang: [], completeness: null, cap: a.cap ?? null },
          createdById: SOMEONE,
          submittedAt: a.status === 'SUBMITTED' ? at(a.submittedAt ?? '2026-06-30T10:00') : null,
        },
      }),
    );
  }
  return { request: req, analyses };
}

/** By hand, from the seeds: what the league table must say for one office and period. */
function expected(seeds: RequestSeed[], now: Date) {
  const live = seeds.filter((r) => r.status !== 'CANCELLED');
  const allSteps = live.flatMap((r) => r.steps);
  const onTime = allSteps.filter((s) => s.completedAt && new Date(s.completedAt) <= new Date(s.dueAt)).length;
  const late = allSteps.filter((s) => (s.completedAt ? new Date(s.completedAt) > new Date(s.dueAt) : new Date(s.dueAt) < now)).length;
  const asked = live.reduce((n, r) => n + r.bidang.length, 0);
  const handed = live.reduce((n, r) => n + r.bidang.filter((b) => b.firstSubmittedAt && b.status !== 'WAIVED').length, 0);
  const frozen = live.flatMap((r) => (r.analyses ?? []).filter((a) => a.status === 'SUBMITTED')).sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? '')).at(-1);
  return {
    requests: live.length,
    capaian: frozen?.capaian ?? null,
    stepsOnTime: onTime,
    stepsLate: late,
    timeliness: onTime + late ? Math.round((onTime / (onTime + late)) * 10000) / 100 : null,
    bidangAsked: asked,
    bidangHandedIn: handed,
    completeness: asked ? Math.round((handed / asked) * 10000) / 100 : null,
  };
}

const ROLLUP = `query($year: Int!, $triwulan: Int, $sortBy: RollupMeasure) {
  kabupatenRollup(year: $year, triwulan: $triwulan, sortBy: $sortBy) {
    pemdaName periodLabel sortBy
    offices { officeId officeName requests capaian category { code } analysisId stepsOnTime stepsLate stepsOpen timeliness bidangAsked bidangHandedIn bidangWaived completeness rankCapaian rankTimeliness rankCompleteness }
    summary { averageCapaian officesWithCapaian officesAsked timeliness completeness }
    trend { year triwulan label averageCapaian officesWithCapaian }
  } }`;

describe('a pemda of four offices and a neighbour', () => {
  let w: Awaited<ReturnType<typeof world>>;

  async function world() {
    const db = t.db;
    const pemda = await makePemda(db, 'Kabupaten Rollup');
    const neighbour = await makePemda(db, 'Kabupaten Tetangga');
    // A scale of another time: stricter bands (Sangat Baik from 95) and a cap of 120. A's analysis
    // was made with it, so A's 92,5 is "Baik" in the rollup, whatever the default scale says today.
    const strict = await db.categoryScale.create({
      data: {
        code: `STRICT-${crypto.randomBytes(3).toString('hex')}`, version: 1, name: 'Skala ketat (uji)', validFrom: new Date('2020-01-01T00:00:00Z'), cap: 120,
        bands: [
          { min: 95, code: 'SANGAT_BAIK', label: { id: 'Sangat Baik', en: 'Very good' } },
          { min: 80, code: 'BAIK', label: { id: 'Baik', en: 'Good' } },
          { min: 0, code: 'KURANG', label: { id: 'Kurang', en: 'Poor' } },
        ],
      },
    });
    const mk = async (name: string, pemdaId: string) => {
      const o = await makeOffice(db, { pemdaId });
      await db.office.update({ where: { id: o.id }, data: { name } });
      const bidang = [await makeBidang(db, o.id), await makeBidang(db, o.id), await makeBidang(db, o.id)];
      return { ...o, name, bidangIds: bidang.map((b) => b.id) };
    };
    const a = await mk('Dinas Kesehatan', pemda.id);
    const b = await mk('Dinas Pendidikan', pemda.id);
    const c = await mk('Dinas Sosial', pemda.id);
    const bappeda = await mk('Bappeda', pemda.id);
    const x = await mk('Dinas Tetangga', neighbour.id);

    const seeds = {
      a: [
        // Triwulan II: all on time but step 4; both Bidang handed in; frozen at 92,5.
        { year: 2026, triwulan: 2, steps: steps('2026-04-06', { late: [4] }), bidang: [{ status: 'ACCEPTED', firstSubmittedAt: '2026-04-07T09:00' }, { status: 'ACCEPTED', firstSubmittedAt: '2026-04-07T10:00' }], analyses: [{ capaian: 92.5, status: 'SUBMITTED', category: 'BAIK', cap: 120, scaleCode: strict.code }] },
        // Cancelled: its late steps and missing Bidang must not count.
        { year: 2026, triwulan: 2, status: 'CANCELLED', steps: steps('2026-05-04', { late: [1, 2, 3] }), bidang: [{ status: null, firstSubmittedAt: null }] },
        // Earlier periods for the trend.
        { year: 2026, triwulan: 1, steps: steps('2026-01-12'), bidang: [{ status: 'ACCEPTED', firstSubmittedAt: '2026-01-13T09:00' }], analyses: [{ capaian: 80, status: 'SUBMITTED', category: 'BAIK' }] },
        { year: 2025, triwulan: null, steps: steps('2025-02-03'), bidang: [{ status: 'ACCEPTED', firstSubmittedAt: '2025-02-04T09:00' }], analyses: [{ capaian: 85, status: 'SUBMITTED', category: 'BAIK' }] },
      ] as RequestSeed[],
      b: [
        // Two requests in Triwulan II: the later-submitted frozen analysis is the office's word; a draft after it does not count.
        { year: 2026, triwulan: 2, steps: steps('2026-04-13', { late: [4, 6] }), bidang: [{ status: 'ACCEPTED', firstSubmittedAt: '2026-04-14T09:00' }, { status: 'WAIVED', firstSubmittedAt: null }, { status: 'ACCEPTED', firstSubmittedAt: '2026-04-14T11:00' }],
          analyses: [{ capaian: 60, status: 'SUBMITTED', category: 'KURANG', submittedAt: '2026-04-20T10:00' }] },
        { year: 2026, triwulan: 2, status: 'COMPILING', steps: steps('2026-06-01', { openFrom: 5, upTo: 5, dueOpen: '2026-07-10T16:00' }), bidang: [{ status: 'SUBMITTED', firstSubmittedAt: '2026-06-02T09:00' }, { status: 'DRAFT', firstSubmittedAt: null }],
          analyses: [{ capaian: 70, status: 'SUBMITTED', category: 'CUKUP', submittedAt: '2026-06-20T10:00' }, { capaian: 99, status: 'DRAFT', category: 'SANGAT_BAIK' }] },
      ] as RequestSeed[],
      // Asked, never started: step 1 open and past due, nothing handed in, no analysis.
      c: [{ year: 2026, triwulan: 2, status: 'AT_SEKRETARIS', steps: steps('2026-06-22', { upTo: 1, openFrom: 1, dueOpen: '2026-06-22T08:05' }), bidang: [{ status: null, firstSubmittedAt: null }, { status: null, firstSubmittedAt: null }] }] as RequestSeed[],
      x: [{ year: 2026, triwulan: 2, steps: steps('2026-04-06'), bidang: [{ status: 'ACCEPTED', firstSubmittedAt: '2026-04-07T09:00' }], analyses: [{ capaian: 100, status: 'SUBMITTED', category: 'SANGAT_BAIK' }] }] as RequestSeed[],
    };
    const made: Record<string, Awaited<ReturnType<typeof seedRequest>>[]> = {};
    for (const [key, office] of [['a', a], ['b', b], ['c', c], ['x', x]] as const) {
      made[key] = [];
      for (const r of seeds[key]) made[key].push(await seedRequest(db, office.id, office.bidangIds, r));
    }
    const users = {
      analyst: await makeUser(db, bappeda.id, ['PEMDA_ANALYST']),
      viewer: await makeUser(db, bappeda.id, ['PEMDA_VIEWER']),
      pemdaAdmin: await makeUser(db, bappeda.id, ['PEMDA_ADMIN']),
      kasubbagA: await makeUser(db, a.id, ['KASUBBAG']),
      kepalaA: await makeUser(db, a.id, ['KEPALA_DINAS']),
      neighbourAnalyst: await makeUser(db, x.id, ['PEMDA_ANALYST']),
    };
    const tok = await t.loginAll(users);
    return { pemda, neighbour, strict, offices: { a, b, c, bappeda, x }, seeds, made, users, tok };
  }

  beforeAll(async () => {
    w = await world();
  });

  const analystActor = () => ({ kind: 'user' as const, userId: w.users.analyst.id, officeId: w.offices.bappeda.id, name: 'Analis', roles: ['PEMDA_ANALYST' as const], bidangIds: [], sessionId: 's', scopes: [] });

  it('every office of the pemda, each figure as recomputed by hand from the seeded rows (Triwulan II 2026, clock injected)', async () => {
    const v = await t.services.rollup.rollup(analystActor(), { year: 2026, triwulan: 2 }, 'CAPAIAN', NOW);
    expect(v.pemdaName).toBe(w.pemda.name);
    expect(v.periodLabel).toBe('Triwulan II 2026');
    const row = (id: string) => v.offices.find((o) => o.officeId === id)!;
    const tw2 = (seeds: RequestSeed[]) => seeds.filter((r) => r.year === 2026 && r.triwulan === 2);
    for (const key of ['a', 'b', 'c'] as const) {
      const got = row(w.offices[key].id);
      expect([key, { requests: got.requests, capaian: got.capaian, stepsOnTime: got.stepsOnTime, stepsLate: got.stepsLate, timeliness: got.timeliness, bidangAsked: got.bidangAsked, bidangHandedIn: got.bidangHandedIn, completeness: got.completeness }]).toEqual([key, expected(tw2(w.seeds[key]), NOW)]);
    }
    // The numbers themselves, so a shared mistake in expected() cannot hide: A 6 of 7 steps on time
    // (step 4 late; the cancelled request left out), B 5 + 4 on time, 2 late, 1 open (step 5, due 10 July).
    expect(row(w.offices.a.id)).toMatchObject({ capaian: 92.5, category: { code: 'BAIK', label: 'Baik' }, scaleCode: w.strict.code, scaleVersion: 1, cap: 120, stepsOnTime: 6, stepsLate: 1, timeliness: 85.71, completeness: 100 });
    expect(row(w.offices.b.id)).toMatchObject({ capaian: 70, category: { code: 'CUKUP', label: 'Cukup' }, cap: null, stepsOnTime: 9, stepsLate: 2, stepsOpen: 1, timeliness: 81.82, bidangAsked: 5, bidangHandedIn: 3, bidangWaived: 1, completeness: 60 });
    expect(row(w.offices.c.id)).toMatchObject({ requests: 1, capaian: null, analysisId: null, stepsOnTime: 0, stepsLate: 1, timeliness: 0, bidangAsked: 2, bidangHandedIn: 0, completeness: 0 });
    expect(row(w.offices.bappeda.id)).toMatchObject({ requests: 0, capaian: null, timeliness: null, completeness: null, rankCapaian: null });
    // B's analysis that counts is the frozen one submitted last, not its later draft.
    expect(row(w.offices.b.id).analysisId).toBe(w.made.b![1]!.analyses[0]!.id);

    // League order by capaian: A, B, then the unranked alphabetically (Bappeda, Dinas Sosial).
    expect(v.offices.map((o) => [o.officeName, o.rankCapaian])).toEqual([['Dinas Kesehatan', 1], ['Dinas Pendidikan', 2], ['Bappeda', null], ['Dinas Sosial', null]]);
    // The pemda's point: capaian averaged over offices with a frozen analysis, steps and Bidang pooled.
    expect(v.summary).toMatchObject({ averageCapaian: 81.25, officesWithCapaian: 2, officesAsked: 3, timeliness: 78.95, completeness: 55.56 });
    // No trace of the neighbour's office.
    expect(v.offices.map((o) => o.officeId)).not.toContain(w.offices.x.id);
  });

  it('the clock decides an open step: not yet due → open, past due → late', async () => {
    const later = await t.services.rollup.rollup(analystActor(), { year: 2026, triwulan: 2 }, 'TIMELINESS', at('2026-07-11T09:00'));
    const b = later.offices.find((o) => o.officeId === w.offices.b.id)!;
    expect([b.stepsOnTime, b.stepsLate, b.stepsOpen, b.timeliness]).toEqual([9, 3, 0, 75]);
    // Sorted by timeliness: A 85,71 > B 75 > C 0, Bappeda unranked.
    expect(later.offices.map((o) => [o.officeName, o.rankTimeliness])).toEqual([['Dinas Kesehatan', 1], ['Dinas Pendidikan', 2], ['Dinas Sosial', 3], ['Bappeda', null]]);
  });

  it('trend: Triwulan and years, each point averaging the frozen capaian of that period', async () => {
    const v = await t.services.rollup.rollup(analystActor(), { year: 2026, triwulan: 2 }, 'CAPAIAN', NOW);
    const point = (label: string) => v.trend.find((p) => p.label === label)!;
    expect(v.trend).toHaveLength(25);
    expect([point('Triwulan I 2026').averageCapaian, point('Triwulan II 2026').averageCapaian, point('Tahun 2025').averageCapaian, point('Tahun 2024').averageCapaian]).toEqual([80, 81.25, 85, null]);
    expect(point('Triwulan II 2026').officesWithCapaian).toBe(2);
  });

  it('over GraphQL: the three pemda roles read it, sorted as asked; completeness order puts A first', async () => {
    for (const who of ['analyst', 'viewer', 'pemdaAdmin'] as const) {
      const r = await t.gql(ROLLUP, { year: 2026, triwulan: 2, sortBy: 'COMPLETENESS' }, w.tok[who]);
      expect(r.errors).toBeUndefined();
      expect([who, r.data.kabupatenRollup.sortBy, r.data.kabupatenRollup.offices.map((o: { officeName: string; rankCompleteness: number | null }) => [o.officeName, o.rankCompleteness])]).toEqual([
        who,
        'COMPLETENESS',
        [['Dinas Kesehatan', 1], ['Dinas Pendidikan', 2], ['Dinas Sosial', 3], ['Bappeda', null]],
      ]);
    }
  });

  it('another pemda sees only its own offices, and none of this pemda’s analyses', async () => {
    const r = await t.gql(ROLLUP, { year: 2026, triwulan: 2 }, w.tok.neighbourAnalyst);
    expect(r.data.kabupatenRollup.offices.map((o: { officeId: string; capaian: number }) => [o.officeId, o.capaian])).toEqual([[w.offices.x.id, 100]]);
    const analysisOfA = w.made.a![0]!.analyses[0]!.id;
    const refused = await t.gql('query($id: UUID!) { kabupatenAnalysis(analysisId: $id) { officeName } }', { id: analysisOfA }, w.tok.neighbourAnalyst);
    expect(errorCode(refused)).toBe('NOT_FOUND');
  });

  it('drill-down: a frozen analysis of an office of the pemda, read-only; a draft is not found', async () => {
    const analysisOfA = w.made.a![0]!.analyses[0]!.id;
    const q = 'query($id: UUID!) { kabupatenAnalysis(analysisId: $id) { officeName periodLabel letterNumber analysis { status office { average category { code } } } } }';
    const ok = await t.gql(q, { id: analysisOfA }, w.tok.viewer);
    expect(ok.data.kabupatenAnalysis).toMatchObject({ officeName: 'Dinas Kesehatan', periodLabel: 'Triwulan II 2026', analysis: { status: 'SUBMITTED', office: { average: 92.5, category: { code: 'BAIK' } } } });
    const draft = w.made.b![1]!.analyses[1]!.id;
    expect(errorCode(await t.gql(q, { id: draft }, w.tok.analyst))).toBe('NOT_FOUND');
  });

  it('an office’s own staff cannot read the rollup or a drill-down, and the refusals change nothing', async () => {
    const count = () => Promise.all([
      // Refusals are security events (auth.refused, counted below); nothing else may be written.
      t.db.auditEvent.count({ where: { officeId: { in: [w.offices.a.id, w.offices.bappeda.id] }, action: { not: 'auth.refused' } } }),
      t.db.performanceAnalysis.count({ where: { request: { officeId: w.offices.a.id } } }),
      t.db.dataRequest.count({ where: { officeId: w.offices.a.id } }),
    ]);
    const before = await count();
    const refusedBefore = await t.db.auditEvent.count({ where: { officeId: w.offices.a.id, action: 'auth.refused' } });
    for (const who of ['kasubbagA', 'kepalaA'] as const) {
      expect(errorCode(await t.gql(ROLLUP, { year: 2026, triwulan: 2 }, w.tok[who]))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql('query($id: UUID!) { kabupatenAnalysis(analysisId: $id) { officeName } }', { id: w.made.a![0]!.analyses[0]!.id }, w.tok[who]))).toBe('FORBIDDEN');
    }
    expect(errorCode(await t.gql(ROLLUP, { year: 2026 }))).toBe('UNAUTHENTICATED');
    // The service's own check, for a caller that slipped past the role gate.
    await expect(t.services.rollup.rollup({ ...analystActor(), roles: ['KASUBBAG'] }, { year: 2026, triwulan: 2 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(t.services.rollup.rollup({ ...analystActor(), kind: 'service' }, { year: 2026, triwulan: 2 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await count()).toEqual(before);
    expect(await t.db.auditEvent.count({ where: { officeId: w.offices.a.id, action: 'auth.refused' } })).toBe(refusedBefore + 4);
  });

  async function file(p: string, token?: string) {
    const res = await fetch(`${t.url}${p}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: res.status, disposition: res.headers.get('content-disposition'), bytes: Buffer.from(await res.arrayBuffer()) };
  }
  const run = (script: string, args: string[], input: Buffer) =>
    new Promise<string>((resolve, reject) => {
      const child = execFile(process.execPath, [path.join(__dirname, script), ...args], { maxBuffer: 20 * 1024 * 1024 }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
      child.stdin!.end(input);
    });

  it('XLSX: the league table as on screen, one row per office, and the trend; each export audited', async () => {
    const audits = () => t.db.auditEvent.count({ where: { entityType: 'Pemda', entityId: w.pemda.id, action: 'rollup.exported' } });
    const before = await audits();
    const r = await file('/api/rollup/kabupaten.xlsx?year=2026&triwulan=2&sortBy=TIMELINESS', w.tok.analyst);
    expect([r.status, r.bytes.subarray(0, 2).toString(), r.disposition]).toEqual([200, 'PK', "attachment; filename*=UTF-8''peringkat-kabupaten-2026-tw2.xlsx"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.bytes as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Peringkat')!;
    const header = sheet.getRow(5).values as unknown[];
    const col = (name: string) => header.indexOf(name);
    const rows = [6, 7, 8, 9].map((n) => sheet.getRow(n));
    expect(rows.map((row) => [row.getCell(col('Perangkat Daerah')).value, row.getCell(col('Ketepatan waktu (%)')).value, row.getCell(col('Peringkat ketepatan')).value])).toEqual([
      ['Dinas Kesehatan', 85.71, 1],
      // The route counts at the real clock (after 10 July): B's open step 5 is late by now, 9 / 12.
      ['Dinas Pendidikan', 75, 2],
      ['Dinas Sosial', 0, 3],
      ['Bappeda', null, null],
    ]);
    expect(wb.getWorksheet('Tren')!.rowCount).toBe(4 + 25);
    expect(await audits()).toBe(before + 1);
  });

  it('PDF: the league table under the kop of the printing office, rendered to PNG for a look', async () => {
    const r = await file('/api/rollup/kabupaten.pdf?year=2026&triwulan=2', w.tok.viewer);
    expect([r.status, r.bytes.subarray(0, 5).toString()]).toEqual([200, '%PDF-']);
    const text = await run('pdf-text.cjs', [], r.bytes);
    for (const s of ['PERINGKAT KINERJA PERANGKAT DAERAH', 'Triwulan II 2026', 'Dinas Kesehatan', '92,5%', 'Baik', 'Belum ada analisis final', 'Tidak ada permintaan', 'bukan dokumen terbit']) expect(text).toContain(s);
    expect(text).not.toContain('Dinas Tetangga');
    const pages = JSON.parse(await run('pdf-png.cjs', [path.join(__dirname, '../test-results/papers/rollup')], r.bytes));
    expect(pages.length).toBeGreaterThanOrEqual(1);
  });

  it('the files refuse an office’s staff and a bad period like the query does', async () => {
    const refused = await file('/api/rollup/kabupaten.xlsx?year=2026&triwulan=2', w.tok.kasubbagA);
    expect([refused.status, JSON.parse(refused.bytes.toString()).error.code]).toEqual([403, 'FORBIDDEN']);
    expect((await file('/api/rollup/kabupaten.pdf?year=2026')).status).toBe(401);
    const bad = await file('/api/rollup/kabupaten.xlsx?year=2026&sortBy=SPEED', w.tok.analyst);
    expect([bad.status, JSON.parse(bad.bytes.toString()).error.fields.map((f: { field: string }) => f.field)]).toEqual([400, ['sortBy']]);
  });

  it('a bad period names its field', async () => {
    const r = await t.gql(ROLLUP, { year: 2026, triwulan: 5 }, w.tok.analyst);
    expect([errorCode(r), (r.errors![0]!.extensions!.fields as { field: string }[]).map((f) => f.field)]).toEqual(['VALIDATION_FAILED', ['triwulan']]);
    const y = await t.gql(ROLLUP, { year: 1990 }, w.tok.analyst);
    expect((y.errors![0]!.extensions!.fields as { field: string }[]).map((f) => f.field)).toEqual(['year']);
  });
});
