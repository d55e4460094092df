/**
 * Issue 14 §3: the LKjIP Bab III draft. Two years of requests are replayed through the real
 * services with the clock passed in (monitoring/history.ts): the 2025 annual request; in 2026 a
 * Triwulan III request (never the year's source), a Triwulan IV request whose report is returned
 * once by the Sekretaris and then re-submitted (the year's source: its latest frozen version), and
 * an annual request whose analysis is still a draft (not frozen, so not taken). Every number of
 * the table is then recomputed here by hand from the recorded rows (the frozen targets of each
 * request and the accepted realisasi), with the capaian formulas written out again. Then: the
 * narratives gathered from the Kasubbag's step-6 texts, saving (new versions, the old kept),
 * refusals that change nothing, and a conflict.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import type { Actor } from '../src/auth/actor';
import { seedReference } from '../src/db/seed';
import { type HistoryEvent, replayRequest } from '../src/monitoring/history';
import { toLkjipDraft } from '../src/lkjip/lkjip.resolver';
import { actorOf, makeIndicator, makeOfficeWithStaff, makeUser, sasaranOf } from './factories';
import { servicesOnTestDb } from './services';

const { db, services } = servicesOnTestDb('lkjip', { PUBLIC_BASE_URL: 'https://sipedaki.test.go.id' });

const wib = (local: string) => new Date(`${local}:00+07:00`);

type Staff = Awaited<ReturnType<typeof makeOfficeWithStaff>>;
let o: Staff;
let kasubbag: Actor;
let penyusun: Actor;
let sekretaris: Actor;
let kepala: Actor;
let rangeIndicator: { id: string };
const req: Record<string, string> = {};

/** Registration → accepted hand-ins of both Bidang → compiled; the analysis and the report follow by hand. */
function collect(day: string): [string, HistoryEvent['do'], Record<string, unknown>?][] {
  return [
    [`${day}T08:10`, 'DISPOSE_TO_KASUBBAG'],
    [`${day}T08:12`, 'DISPOSE_TO_STAFF'],
    [`${day}T08:20`, 'SEND_FORMAT'],
    [`${day}T10:00`, 'SUBMIT', { bidang: 0 }],
    [`${day}T11:00`, 'SUBMIT', { bidang: 1 }],
    [`${day}T13:00`, 'ACCEPT', { bidang: 0 }],
    [`${day}T13:05`, 'ACCEPT', { bidang: 1 }],
    [`${day}T14:00`, 'FORWARD_COLLECTION'],
    [`${day}T15:00`, 'COMPILE'],
  ];
}

async function replay(key: string, year: number, triwulan: number | null, day: string) {
  req[key] = await replayRequest(db, services, { sekretaris, kasubbag, penyusun }, [actorOf(o.users.op1), actorOf(o.users.op2)], {
    year, triwulan, letterNumber: `${key}/${o.office.code}`, letterDate: day, sender: 'Bappeda', subject: `Data kinerja ${key}`, registeredAt: wib(`${day}T08:00`),
  }, collect(day).map(([at, what, extra]) => ({ at: wib(at), do: what, ...extra }) as HistoryEvent));
  return req[key]!;
}

const narrativesOf = (texts: [string | null, string | null, string | null][]) =>
  o.bidang.map((b, i) => ({ bidangId: b.id, achievements: texts[i]?.[0] ?? null, obstacles: texts[i]?.[1] ?? null, solutions: texts[i]?.[2] ?? null }));

async function analyseAndSubmit(id: string, at: string, texts: [string | null, string | null, string | null][]) {
  await services.analyses.save(kasubbag, id, 'Narasi umum.', wib(at), narrativesOf(texts));
  await services.transitions.transition(kasubbag, id, 'SUBMIT_REPORT', { note: null, instruction: null }, wib(at.replace(/T(\d\d)/, (_m, h) => `T${String(Number(h) + 1).padStart(2, '0')}`)));
}

beforeAll(async () => {
  await seedReference(db);
  o = await makeOfficeWithStaff(db, { allDay: false, requireHeadApproval: false });
  kasubbag = actorOf(o.users.kasubbag);
  penyusun = actorOf(o.users.penyusun);
  sekretaris = actorOf(o.users.sekretaris);
  kepala = actorOf(o.users.kepala);
  // Two Sasaran with fixed codes (the factory's codes are random): S1 holds the two factory
  // indicators, S2 a range indicator of Bidang Satu. Renstra end-period targets on each.
  rangeIndicator = await makeIndicator(db, o.office.id, o.bidang[0]!.id, { polarity: 'RANGE', target: 70, targetUpper: 80, sasaran: 'Sasaran dua' });
  const s1 = await sasaranOf(db, o.office.id, 'Sasaran uji');
  await db.sasaran.update({ where: { id: s1.id }, data: { code: 'S1', name: 'Meningkatnya kemandirian desa' } });
  const s2 = await sasaranOf(db, o.office.id, 'Sasaran dua');
  await db.sasaran.update({ where: { id: s2.id }, data: { code: 'S2', name: 'Meningkatnya tata kelola keuangan desa' } });
  const [i1, i2] = o.indicators;
  await db.indicator.update({ where: { id: i1!.id }, data: { code: 'IKU-01', name: 'Persentase desa mandiri', satuan: '%', renstraTarget: 90 } });
  await db.indicator.update({ where: { id: i2!.id }, data: { code: 'IKU-02', name: 'Jumlah aduan masyarakat yang terlambat ditangani', satuan: 'aduan', renstraTarget: 6 } });
  await db.indicator.update({ where: { id: rangeIndicator.id }, data: { code: 'IKU-03', name: 'Indeks tata kelola keuangan desa', renstraTarget: 75 } });
  // The year's (PK) targets: 2025 and 2026 differ, so each year's capaian has its own target.
  const pk: [string, number, number, number | null][] = [
    [i1!.id, 2025, 60, null], [i2!.id, 2025, 14, null], [rangeIndicator.id, 2025, 60, 70],
    [i1!.id, 2026, 75, null], [i2!.id, 2026, 12, null], [rangeIndicator.id, 2026, 72, 78],
  ];
  for (const [indicatorId, year, target, targetUpper] of pk) {
    await db.indicatorTarget.upsert({
      where: { indicatorId_year_triwulan: { indicatorId, year, triwulan: 0 } },
      create: { indicatorId, year, triwulan: 0, target, targetUpper },
      update: { target, targetUpper },
    });
  }

  // 2025, the annual request (asked in January 2026).
  await replay('Y2025', 2025, null, '2026-01-12');
  // The replay hands in 85–110 % of each target the same way every year; 2025's realisasi are
  // set apart here (before the analysis freezes them) so that the years' capaian differ.
  for (const [indicatorId, realisasi] of [[i1!.id, 54], [i2!.id, 15], [rangeIndicator.id, 72]] as const) {
    await db.submissionValue.updateMany({ where: { indicatorId, submission: { requestId: req.Y2025! } }, data: { realisasi } });
  }
  await analyseAndSubmit(req.Y2025!, '2026-01-13T09:00', [['Pendampingan desa berjalan.', 'Anggaran terlambat.', 'Percepatan pencairan.'], [null, 'Data aduan tidak lengkap.', null]]);
  // 2026 Triwulan III: frozen, but never the year's source.
  await replay('TW3', 2026, 3, '2026-10-05');
  await analyseAndSubmit(req.TW3!, '2026-10-06T09:00', [['Triwulan III.', null, null], [null, null, null]]);
  // 2026 Triwulan IV: submitted, returned by the Sekretaris, re-analysed with new texts, submitted again.
  await replay('TW4', 2026, 4, '2026-12-14');
  await analyseAndSubmit(req.TW4!, '2026-12-15T09:00', [['Versi pertama.', null, null], [null, null, null]]);
  await services.transitions.transition(sekretaris, req.TW4!, 'RETURN_REPORT', { note: 'Narasi kendala belum ada.', instruction: null }, wib('2026-12-15T13:00'));
  await analyseAndSubmit(req.TW4!, '2026-12-16T09:00', [
    ['Target desa mandiri terlampaui berkat pendampingan.', 'Keterlambatan dana desa.', 'Koordinasi dengan BPKAD.'],
    ['Aduan ditangani tepat waktu.', 'Kanal aduan belum dikenal warga.', 'Sosialisasi kanal aduan.'],
  ]);
  // 2026 annual: analysed but not submitted (a draft analysis is not frozen).
  await replay('Y2026draft', 2026, null, '2026-12-21');
  await services.analyses.save(kasubbag, req.Y2026draft!, 'Belum final.', wib('2026-12-22T09:00'));
}, 180_000);

/* ------------------------------------------------------------------ hand recomputation */

/** The capaian formulas written out again (DOMAIN.md), rounded half away from zero to 2 decimals. */
function handCapaian(polarity: string, t: number | null, hi: number | null, r: number | null): number | null {
  if (r === null || t === null) return null;
  const round = (x: number) => Math.round(x * 100 + 1e-9) / 100;
  const higher = (tt: number) => round(Math.max(0, (r / tt) * 100));
  const lower = (tt: number) => round(Math.max(0, ((2 * tt - r) / tt) * 100));
  if (polarity === 'HIGHER_IS_BETTER') return higher(t);
  if (polarity === 'LOWER_IS_BETTER') return lower(t);
  if (hi === null) return null;
  return r > hi ? lower(hi) : r < t ? higher(t) : 100;
}
const handCategory = (c: number | null) => (c === null ? null : c >= 91 ? 'SANGAT_BAIK' : c >= 76 ? 'BAIK' : c >= 66 ? 'CUKUP' : c >= 51 ? 'KURANG' : 'SANGAT_KURANG');

/** What the database recorded for a request: per indicator the frozen target and the accepted realisasi. */
async function recorded(requestId: string) {
  const frozen = await db.dataRequestIndicator.findMany({ where: { requestId }, include: { indicator: true } });
  const values = await db.submissionValue.findMany({ where: { submission: { requestId, status: 'ACCEPTED' } } });
  return new Map(frozen.map((f) => {
    const v = values.find((x) => x.indicatorId === f.indicatorId);
    return [f.indicatorId, {
      polarity: f.indicator.polarity as string,
      target: f.target === null ? null : Number(f.target),
      targetUpper: f.targetUpper === null ? null : Number(f.targetUpper),
      realisasi: v?.realisasi == null ? null : Number(v.realisasi),
    }] as const;
  }));
}

describe('preview: what a draft will use, before it is generated', () => {
  it('per year of the period: the chosen frozen analysis, and the annual/Triwulan IV analyses that will not count with why; writes nothing', async () => {
    const before = await db.auditEvent.count({ where: { officeId: o.office.id } });
    const p = await services.lkjip.preview(kasubbag, 2026);
    expect([p.year, p.ready, p.years.map((y) => y.year)]).toEqual([2026, true, [2025, 2026]]);
    const [y2025, y2026] = p.years;
    expect([y2025!.source?.requestId, y2025!.source?.label, y2025!.notCounted]).toEqual([req.Y2025, 'Tahun 2025', []]);
    // The same choice generate() makes (Triwulan IV, its latest frozen version); Triwulan III never appears.
    expect([y2026!.source?.requestId, y2026!.source?.triwulan, y2026!.source?.analysisVersion]).toEqual([req.TW4, 4, 2]);
    expect(y2026!.notCounted.map((n) => [n.requestId, n.analysisVersion, n.status, n.label]).sort()).toEqual([
      [req.TW4, 1, 'SUBMITTED', 'Triwulan IV 2026'],
      [req.Y2026draft, 1, 'DRAFT', 'Tahun 2026'],
    ].sort());
    expect(y2026!.notCounted.find((n) => n.status === 'DRAFT')!.reason).toMatch(/draf/i);
    expect(await db.auditEvent.count({ where: { officeId: o.office.id } })).toBe(before);
    expect(await db.lkjipDraft.count({ where: { officeId: o.office.id, year: 2026 } })).toBe(0);
  });

  it('a year with no frozen analysis is not ready and says so; readers only; a year outside Renstra is refused', async () => {
    const p = await services.lkjip.preview(kepala, 2027);
    expect([p.ready, p.years.map((y) => [y.year, y.source === null])]).toEqual([false, [[2025, false], [2026, false], [2027, true]]]);
    await expect(services.lkjip.preview(actorOf(o.users.op1), 2026)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(services.lkjip.preview(kasubbag, 2031)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'year' }] } });
  });
});

describe('the draft of 2026, every number recomputed from the recorded rows', () => {
  let draft: ReturnType<typeof toLkjipDraft>;
  beforeAll(async () => {
    draft = toLkjipDraft(await services.lkjip.generate(kasubbag, { year: 2026, expectedVersion: 0 }, wib('2027-01-20T09:00')));
  });

  it('takes the annual request of 2025 and Triwulan IV of 2026 (its latest frozen version); never Triwulan III or a draft', async () => {
    const tw4 = await db.performanceAnalysis.findMany({ where: { requestId: req.TW4! }, orderBy: { version: 'asc' } });
    expect(tw4.map((a) => [a.version, a.status])).toEqual([[1, 'SUBMITTED'], [2, 'SUBMITTED']]);
    expect(draft.sources.map((s) => [s.year, s.requestId, s.triwulan, s.label, s.analysisVersion])).toEqual([
      [2025, req.Y2025, null, 'Tahun 2025', 1],
      [2026, req.TW4, 4, 'Triwulan IV 2026', 2],
    ]);
    expect([draft.version, draft.change, draft.renstraStartYear, draft.renstraEndYear, draft.yearsWithoutSource, draft.scale]).toEqual([1, 'GENERATED', 2025, 2029, [], 'LKJIP_5 v1']);
  });

  it('per Sasaran and indicator: target, realisasi, capaian, category, last year, history and the Renstra target', async () => {
    const [y2025, y2026] = [await recorded(req.Y2025!), await recorded(req.TW4!)];
    const ids = { 'IKU-01': o.indicators[0]!.id, 'IKU-02': o.indicators[1]!.id, 'IKU-03': rangeIndicator.id } as Record<string, string>;
    const renstra: Record<string, number> = { 'IKU-01': 90, 'IKU-02': 6, 'IKU-03': 75 };
    expect(draft.sasaran.map((s) => [s.no, s.code, s.indicators.map((i) => `${i.no} ${i.code}`)])).toEqual([
      [1, 'S1', ['1.1 IKU-01', '1.2 IKU-02']],
      [2, 'S2', ['2.1 IKU-03']],
    ]);
    let checked = 0;
    for (const s of draft.sasaran) {
      const caps: number[] = [];
      for (const row of s.indicators) {
        const id = ids[row.code]!;
        const now = y2026.get(id)!;
        const then = y2025.get(id)!;
        // Each request's own target (frozen at its step 3), never re-read from the master.
        expect(now.realisasi).not.toBeNull();
        const c = handCapaian(now.polarity, now.target, now.targetUpper, now.realisasi);
        const cThen = handCapaian(then.polarity, then.target, then.targetUpper, then.realisasi);
        const cRenstra = handCapaian(now.polarity === 'RANGE' ? 'HIGHER_IS_BETTER' : now.polarity, renstra[row.code]!, null, now.realisasi);
        expect({ code: row.code, target: row.target, targetUpper: row.targetUpper, realisasi: row.realisasi, capaian: row.capaian, category: row.category?.code ?? null }).toEqual({
          code: row.code, target: now.target, targetUpper: now.targetUpper, realisasi: now.realisasi, capaian: c, category: handCategory(c),
        });
        expect([row.lastYear?.target, row.lastYear?.realisasi, row.lastYear?.capaian, row.differenceFromLastYear]).toEqual([then.target, then.realisasi, cThen, Math.round((c! - cThen!) * 100) / 100]);
        expect(row.trend).toBe(c! > cThen! ? 'UP' : c! < cThen! ? 'DOWN' : 'FLAT');
        expect(row.history.map((h) => [h.year, h.realisasi, h.capaian])).toEqual([[2025, then.realisasi, cThen], [2026, now.realisasi, c]]);
        expect([row.renstraTarget, row.renstraEndYear, row.renstraCapaian]).toEqual([renstra[row.code], 2029, cRenstra]);
        caps.push(c!);
        checked++;
      }
      const mean = Math.round((caps.reduce((a, b) => a + b, 0) / caps.length) * 100 + 1e-9) / 100;
      expect([s.average, s.category?.code]).toEqual([mean, handCategory(mean)]);
    }
    expect(checked).toBe(3);
    // The 2026 targets are Triwulan IV's, frozen into that request: not the 2026 PK targets typed later.
    expect(draft.sasaran[0]!.indicators[0]!.target).toBe(80);
  });

  it('starts the narratives from the Kasubbag’s step-6 texts of the Bidang owning each Sasaran', async () => {
    const [b1, b2] = o.bidang.map((b) => b.name);
    // In the office's order of its Bidang (sortOrder, then code).
    const order = (await db.bidang.findMany({ where: { officeId: o.office.id }, orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] })).map((b) => b.name);
    const join = (texts: Record<string, string>) => order.map((name) => `${name}: ${texts[name]}`).join('\n\n');
    expect(draft.sasaran[0]!.gathered).toEqual({
      causes: join({ [b1!]: 'Target desa mandiri terlampaui berkat pendampingan.', [b2!]: 'Aduan ditangani tepat waktu.' }),
      obstacles: join({ [b1!]: 'Keterlambatan dana desa.', [b2!]: 'Kanal aduan belum dikenal warga.' }),
      solutions: join({ [b1!]: 'Koordinasi dengan BPKAD.', [b2!]: 'Sosialisasi kanal aduan.' }),
    });
    // S2 belongs to Bidang Satu only.
    expect(draft.sasaran[1]!.gathered.causes).toBe(`${b1}: Target desa mandiri terlampaui berkat pendampingan.`);
    expect(draft.sasaran[0]!.narrative).toEqual({ ...draft.sasaran[0]!.gathered, efficiency: null, programmes: null });
  });
});

describe('versions', () => {
  it('a save writes the next version with the same numbers, the earlier stays readable, one audit row each', async () => {
    const v1 = (await services.lkjip.view(kasubbag, 2026))!;
    const s1 = v1.computed.sasaran[0]!.sasaranId;
    const saved = await services.lkjip.save(penyusun, {
      year: 2026,
      expectedVersion: v1.version,
      narratives: [{ sasaranId: s1, causes: '  Penyebab keberhasilan disunting.  ', efficiency: 'Anggaran terserap 95% untuk capaian 101%.', obstacles: null }],
      budget: [
        { programme: 'Program Pemberdayaan Masyarakat Desa', pagu: 1_250_000_000, realisasi: 1_187_500_000 },
        { programme: 'Program Penunjang Urusan Pemerintahan', pagu: 800_000_000.5, realisasi: 640_000_000 },
      ],
    }, wib('2027-01-21T09:00'));
    expect([saved.version, saved.change, saved.latest]).toEqual([v1.version + 1, 'EDITED', true]);
    expect(saved.computed).toEqual(v1.computed);
    const n = saved.narratives.find((x) => x.sasaranId === s1)!;
    const before = v1.narratives.find((x) => x.sasaranId === s1)!;
    expect(n).toEqual({ sasaranId: s1, causes: 'Penyebab keberhasilan disunting.', obstacles: null, solutions: before.solutions, efficiency: 'Anggaran terserap 95% untuk capaian 101%.', programmes: null });
    const g = toLkjipDraft(saved).budget;
    // 1.187.500.000 / 1.250.000.000 = 95 %; 640.000.000 / 800.000.000,5 = 79,99999995 % → 80
    expect(g.rows.map((r) => [r.no, r.percent])).toEqual([[1, 95], [2, 80]]);
    expect([g.totalPagu, g.totalRealisasi, g.totalPercent]).toEqual([2_050_000_000.5, 1_827_500_000, 89.15]);
    const old = (await services.lkjip.view(kasubbag, 2026, v1.version))!;
    expect([old.latest, old.editable, old.narratives]).toEqual([false, false, v1.narratives]);
    expect(saved.versions.map((v) => [v.version, v.change])).toEqual([[2, 'EDITED'], [1, 'GENERATED']]);
    const audits = await db.auditEvent.findMany({ where: { entityType: 'LkjipDraft', officeId: o.office.id }, orderBy: { id: 'asc' } });
    expect(audits.map((a) => a.action)).toEqual(['lkjip.generated', 'lkjip.edited']);
  });

  it('a generation recomputes the numbers and keeps what was written', async () => {
    const latest = (await services.lkjip.view(kasubbag, 2026))!;
    // The Kasubbag's master data changes after the fact: the frozen numbers do not follow it.
    await db.indicatorTarget.updateMany({ where: { indicatorId: o.indicators[0]!.id, year: 2026 }, data: { target: 999 } });
    const g = await services.lkjip.generate(kasubbag, { year: 2026, expectedVersion: latest.version }, wib('2027-01-22T09:00'));
    expect([g.version, g.change]).toEqual([latest.version + 1, 'GENERATED']);
    expect(g.narratives).toEqual(latest.narratives);
    expect(g.budgetRows).toEqual(latest.budgetRows);
    expect(g.computed.sasaran[0]!.indicators[0]!.target).toBe(80);
  });

  it('a stale expectedVersion is a CONFLICT and writes nothing', async () => {
    const before = await db.lkjipDraft.count({ where: { officeId: o.office.id } });
    await expect(services.lkjip.save(kasubbag, { year: 2026, expectedVersion: 1, narratives: [] })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await db.lkjipDraft.count({ where: { officeId: o.office.id } })).toBe(before);
  });
});

describe('refusals change nothing', () => {
  async function snapshot() {
    const rows = await db.lkjipDraft.findMany({ where: { officeId: o.office.id }, orderBy: { version: 'asc' } });
    const audits = await db.auditEvent.count({ where: { entityType: 'LkjipDraft', officeId: o.office.id } });
    return JSON.stringify({ rows, audits });
  }

  it.each([['SEKRETARIS'], ['KEPALA_DINAS'], ['BIDANG_OPERATOR'], ['BIDANG_HEAD'], ['ADMIN'], ['APIP']] as const)('%s cannot generate or save', async (role) => {
    const u = await makeUser(db, o.office.id, [role], role.startsWith('BIDANG') ? o.bidang[0]!.id : null);
    const a = actorOf(u);
    const before = await snapshot();
    const latest = (await db.lkjipDraft.findFirst({ where: { officeId: o.office.id }, orderBy: { version: 'desc' } }))!.version;
    await expect(services.lkjip.generate(a, { year: 2026, expectedVersion: latest })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(services.lkjip.save(a, { year: 2026, expectedVersion: latest, narratives: [] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await snapshot()).toBe(before);
  });

  it('the Sekretaris and the Kepala Dinas read; Bidang do not', async () => {
    expect((await services.lkjip.view(sekretaris, 2026))?.editable).toBe(false);
    expect((await services.lkjip.view(kepala, 2026))?.year).toBe(2026);
    await expect(services.lkjip.view(actorOf(o.users.op1), 2026)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('another office sees none of it and writes nothing here', async () => {
    const other = await makeOfficeWithStaff(db);
    const theirs = actorOf(other.users.kasubbag);
    const before = await snapshot();
    expect(await services.lkjip.view(theirs, 2026)).toBeNull();
    // Their generation reads their own (empty) year: refused, and ours untouched.
    await expect(services.lkjip.generate(theirs, { year: 2026, expectedVersion: 0 })).rejects.toMatchObject({ code: 'ANALYSIS_MISSING' });
    expect(await snapshot()).toBe(before);
  });

  it('bad narratives and Bab III B rows are refused by field, all or nothing', async () => {
    const before = await snapshot();
    const latest = (await services.lkjip.view(kasubbag, 2026))!;
    await expect(services.lkjip.save(kasubbag, { year: 2026, expectedVersion: latest.version, narratives: [{ sasaranId: '00000000-0000-4000-8000-000000000000', causes: 'x' }] }))
      .rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'narratives.00000000-0000-4000-8000-000000000000' }] } });
    const bad = services.lkjip.save(kasubbag, {
      year: 2026,
      expectedVersion: latest.version,
      budget: [{ programme: 'Program A', pagu: 100, realisasi: 50 }, { programme: 'Program B', pagu: 100, realisasi: 150 }, { programme: '', pagu: -1, realisasi: 1 }],
    });
    await expect(bad).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const fields = await bad.catch((e: { details: { fields: { field: string }[] } }) => e.details.fields.map((f) => f.field));
    expect(fields).toEqual(['budget.1.realisasi', 'budget.2.programme', 'budget.2.pagu']);
    expect(await snapshot()).toBe(before);
  });

  it('a year outside any Renstra period is refused on the year', async () => {
    await expect(services.lkjip.generate(kasubbag, { year: 2031, expectedVersion: 0 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'year' }] } });
  });
});

/* ------------------------------------------------------------------ files */

const RESULTS = path.resolve(__dirname, '../test-results/lkjip');
const run = (script: string, args: string[], input: Buffer) =>
  new Promise<string>((resolve, reject) => {
    const child = execFile(process.execPath, [path.join(__dirname, script), ...args], { maxBuffer: 20 * 1024 * 1024 }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
    child.stdin!.end(input);
  });

/** One member of a zip archive, found through the central directory (a DOCX is a zip). */
function unzipEntry(zip: Buffer, name: string): Buffer {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = zip.readUInt16LE(eocd + 10); n > 0; n--) {
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const [nameLen, extraLen, commentLen] = [zip.readUInt16LE(p + 28), zip.readUInt16LE(p + 30), zip.readUInt16LE(p + 32)];
    const local = zip.readUInt32LE(p + 42);
    if (zip.toString('utf8', p + 46, p + 46 + nameLen) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 8 ? zlib.inflateRawSync(data) : data;
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  throw new Error(`${name} not in the archive`);
}

/** The names of a zip's entries (its central directory). */
function zipNames(zip: Buffer): string[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const names: string[] = [];
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = zip.readUInt16LE(eocd + 10); n > 0; n--) {
    const [nameLen, extraLen, commentLen] = [zip.readUInt16LE(p + 28), zip.readUInt16LE(p + 30), zip.readUInt16LE(p + 32)];
    names.push(zip.toString('utf8', p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

/**
 * A PNG decoder that is not ours: pngjs, which qrcode (a dependency of the API) brings; reached
 * through qrcode so that no test-only dependency is added.
 */
const { PNG } = createRequire(require.resolve('qrcode'))('pngjs') as { PNG: { sync: { read(b: Buffer): { width: number; height: number; data: Buffer } } } };

/** The text of word/document.xml, paragraph by paragraph (runs joined, XML entities read). */
function docxParagraphs(bytes: Buffer): string[] {
  const xml = unzipEntry(bytes, 'word/document.xml').toString('utf8');
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => unescape([...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))).filter(Boolean);
}

const idNum = (n: number | null) => (n === null ? '–' : new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }).format(n));

describe('files', () => {
  it('DOCX: the headings, every table cell of Bab III A from the draft, the narratives and Bab III B', async () => {
    const f = await services.lkjipPrint.docx(sekretaris, 2026, null);
    const v = toLkjipDraft((await services.lkjip.view(sekretaris, 2026))!);
    expect([f.mimeType, f.filename]).toEqual(['application/vnd.openxmlformats-officedocument.wordprocessingml.document', `lkjip-bab3-2026-v${v.version}.docx`]);
    const text = docxParagraphs(f.bytes);
    fs.mkdirSync(RESULTS, { recursive: true });
    fs.writeFileSync(path.join(RESULTS, 'lkjip-bab3.docx'), f.bytes);
    for (const s of ['BAB III AKUNTABILITAS KINERJA', 'A. Capaian Kinerja Organisasi', 'Sasaran 1: Meningkatnya kemandirian desa', 'B. Realisasi Anggaran', 'Efisiensi penggunaan sumber daya', 'Penyebab keberhasilan disunting.']) {
      expect(text).toContain(s);
    }
    // Each indicator's row of the main table, cell by cell, in the Indonesian number format.
    for (const s of v.sasaran) {
      for (const i of s.indicators) {
        const target = i.targetUpper !== null ? `${idNum(i.target)} – ${idNum(i.targetUpper)}` : idNum(i.target);
        const at = text.indexOf(i.name, text.indexOf(`Tabel 3.${s.no}.a Capaian indikator kinerja Sasaran ${s.no} tahun 2026`));
        expect(text.slice(at, at + 6)).toEqual([i.name, i.satuan, target, idNum(i.realisasi), `${idNum(i.capaian)}%`, i.category!.label]);
      }
    }
    // Bab III B: 1.187.500.000 of 1.250.000.000 = 95 %; the totals.
    expect(text).toEqual(expect.arrayContaining(['Program Pemberdayaan Masyarakat Desa', '1.250.000.000', '1.187.500.000', '95%', 'Jumlah', '800.000.000,50', '2.050.000.000,50', '1.827.500.000', '89,15%']));
  });

  it('DOCX: one chart image per Sasaran (a PNG that decodes at the chart size, the PDF chart’s colours), its title and legend as text', async () => {
    const f = await services.lkjipPrint.docx(kasubbag, 2026, null);
    const v = toLkjipDraft((await services.lkjip.view(kasubbag, 2026))!);
    const media = zipNames(f.bytes).filter((n) => n.startsWith('word/media/'));
    expect(media).toHaveLength(v.sasaran.length);
    expect(media.every((n) => n.endsWith('.png'))).toBe(true);
    const rgbAt = (img: { width: number; data: Buffer }, i: number) => `#${[0, 1, 2].map((k) => img.data[i * 4 + k]!.toString(16).padStart(2, '0')).join('')}`.toUpperCase();
    fs.mkdirSync(RESULTS, { recursive: true });
    for (const [k, name] of media.entries()) {
      const bytes = unzipEntry(f.bytes, name);
      fs.writeFileSync(path.join(RESULTS, `docx-chart-${k + 1}.png`), bytes);
      const img = PNG.sync.read(bytes);
      expect([img.width, img.height]).toEqual([1200, 480]);
      // Two years (2025, 2026): the report year's bar in the office's blue, the year before lighter, the 100 % line red.
      const colours = new Set(Array.from({ length: img.width * img.height }, (_, i) => rgbAt(img, i)));
      expect([...['#2F5597', '#4A86C5', '#C00000'].filter((c) => colours.has(c))]).toEqual(['#2F5597', '#4A86C5', '#C00000']);
    }
    const text = docxParagraphs(f.bytes);
    for (const s of v.sasaran) {
      expect(text).toContain(`Grafik 3.${s.no} Capaian indikator Sasaran ${s.no} per tahun (%)`);
      for (const i of s.indicators) expect(text).toContain(`${i.no} ${i.name}`);
    }
    expect(text).toContain('■ 2025   ■ 2026   - - - 100%');
  });

  it('PDF: an issued document with a verification code, the tables and a chart per Sasaran, rendered to PNG', async () => {
    const first = await services.lkjipPrint.pdf(kasubbag, 2026, null, 'https://sipedaki.test.go.id');
    const again = await services.lkjipPrint.pdf(kepala, 2026, null, 'https://sipedaki.test.go.id');
    expect(first.verificationCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect([again.verificationCode, again.sha256]).toEqual([first.verificationCode, first.sha256]);
    const doc = await db.storedDocument.findUniqueOrThrow({ where: { id: first.documentId! } });
    expect([doc.kind, doc.requestId, doc.officeId]).toEqual(['LKJIP', null, o.office.id]);
    expect(await services.reports.verify(first.verificationCode!)).toMatchObject({ found: true, kindLabel: 'LKjIP Bab III (draf)' });
    const text = (await run('pdf-text.cjs', [], first.bytes)).replace(/\s+/g, ' ');
    for (const s of ['BAB III AKUNTABILITAS KINERJA', 'Grafik 3.1 Capaian indikator Sasaran 1 per tahun', 'Target akhir Renstra 2029', 'Realisasi anggaran per program', '89,15%', 'Kode verifikasi']) {
      expect(text).toContain(s);
    }
    const pages = JSON.parse(await run('pdf-png.cjs', [path.join(RESULTS, 'lkjip-bab3')], first.bytes)) as { file: string }[];
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const p of pages) expect(fs.statSync(p.file).size).toBeGreaterThan(10_000);
  });

  it('Bab III B from Excel: text cells read the Indonesian way, a new version; a sheet with problems changes nothing', async () => {
    const sheet = async (rows: unknown[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Anggaran');
      ws.addRow(['LKjIP Bab III B']);
      ws.addRow([]);
      ws.addRow(['No', 'Program', 'Pagu', 'Realisasi', '%']);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const latest = (await services.lkjip.view(kasubbag, 2026))!;
    const before = JSON.stringify(await db.lkjipDraft.findMany({ where: { officeId: o.office.id } }));
    const bad = services.lkjipPrint.importBudget(kasubbag, 2026, latest.version, await sheet([
      [1, 'Program Satu', '1.250.000,50', 1_000_000],
      [2, 'Program Dua', '1.25', 10], // "1.25" is refused in the Indonesian reading
      [3, 'Program Tiga', 100, 200], // realisasi above pagu
      [4, '', 5, 1],
    ]));
    await expect(bad).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await bad.catch((e: { details: { fields: { field: string }[] } }) => e.details.fields.map((x) => x.field))).toEqual(['R5.Pagu', 'R6.Realisasi', 'R7.Program']);
    expect(JSON.stringify(await db.lkjipDraft.findMany({ where: { officeId: o.office.id } }))).toBe(before);

    const ok = await services.lkjipPrint.importBudget(penyusun, 2026, latest.version, await sheet([
      [1, 'Program Satu', '1.250.000,50', 1_000_000],
      [2, 'Program Dua', 400_000, '399.999,99'],
      ['', 'Jumlah', '1.650.000,50', '1.399.999,99'],
    ]));
    expect(ok).toEqual({ version: latest.version + 1, rows: 2 });
    const v = (await services.lkjip.view(kasubbag, 2026))!;
    expect([v.change, v.budgetRows, v.narratives]).toEqual(['BUDGET_IMPORTED', [{ programme: 'Program Satu', pagu: 1_250_000.5, realisasi: 1_000_000 }, { programme: 'Program Dua', pagu: 400_000, realisasi: 399_999.99 }], latest.narratives]);
    // The sheet SIPEDAKI hands out reads back as the same rows.
    const out = await services.lkjipPrint.budgetXlsx(sekretaris, 2026);
    const again = await services.lkjipPrint.importBudget(kasubbag, 2026, v.version, out.bytes);
    expect((await services.lkjip.view(kasubbag, 2026, again.version))!.budgetRows).toEqual(v.budgetRows);
    // A reader may not import.
    await expect(services.lkjipPrint.importBudget(sekretaris, 2026, again.version, out.bytes)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
