/**
 * LKjIP Bab III draft (issue 14 §3): a versioned draft per office and year. The numbers are
 * computed from the year's FROZEN analyses (packages/sop lkjip.ts does every number) and frozen
 * into each version; people enter only the narratives per Sasaran and Bab III B. Every generation
 * or save writes the next version (one transaction with its audit record); old versions stay.
 */
import {
  budgetTable,
  buildLkjipTable,
  checkBudgetRows,
  chooseYearSource,
  gatherNarrative,
  LKJIP_EDITORS,
  LKJIP_READERS,
  periodLabel,
  periodOf,
  type BudgetRowInput,
  type CategoryScale,
  type GatheredNarrative,
  type LkjipSasaranInput,
  type LkjipSasaranTable,
  type Polarity,
} from '@sipedaki/sop';
import { Prisma, type LkjipChange } from '../generated/prisma/client';
import type { Actor } from '../auth/actor';
import { hasAnyRole } from '../auth/actor';
import { audit } from '../audit/audit.service';
import { fail, fieldProblem, type Bilingual, type FieldProblem } from '../common/errors';
import { isPrismaError } from '../common/found';
import { toNumber } from '../common/format';
import type { Db } from '../db/prisma';
import type { AnalysisResults } from '../analysis/analysis.service';
import type { ScaleService } from '../analysis/scale.service';

export interface LkjipSourceJson {
  year: number;
  requestId: string;
  letterNumber: string;
  triwulan: number | null;
  label: string;
  analysisId: string;
  analysisVersion: number;
  submittedAt: string;
}

/** What a version holds as computed: never typed, copied unchanged by text saves. */
export interface LkjipComputed {
  year: number;
  renstra: { id: string; name: string; startYear: number; endYear: number };
  scale: { code: string; version: number; name: string; cap: number | null };
  sources: LkjipSourceJson[];
  yearsWithoutSource: number[];
  sasaran: (LkjipSasaranTable & { gathered: GatheredNarrative })[];
}

export interface LkjipNarrativeJson {
  sasaranId: string;
  causes: string | null;
  obstacles: string | null;
  solutions: string | null;
  efficiency: string | null;
  programmes: string | null;
}

export interface LkjipPreviewYearView {
  year: number;
  source: LkjipSourceJson | null;
  notCounted: (Omit<LkjipSourceJson, 'submittedAt'> & { status: 'DRAFT' | 'SUBMITTED'; reason: string })[];
}

export interface LkjipPreviewView {
  year: number;
  renstraName: string;
  /** The report year has a frozen analysis: generation will not be refused. */
  ready: boolean;
  years: LkjipPreviewYearView[];
}

export interface LkjipVersionView {
  version: number;
  change: LkjipChange;
  createdAt: Date;
  createdByName: string | null;
}

export interface LkjipDraftView {
  id: string;
  year: number;
  version: number;
  latest: boolean;
  change: LkjipChange;
  createdAt: Date;
  createdByName: string | null;
  generatedAt: Date;
  computed: LkjipComputed;
  narratives: LkjipNarrativeJson[];
  budgetRows: BudgetRowInput[];
  editable: boolean;
  versions: LkjipVersionView[];
}

export interface SaveLkjipInput {
  year: number;
  expectedVersion: number;
  narratives?: { sasaranId: string; causes?: string | null; obstacles?: string | null; solutions?: string | null; efficiency?: string | null; programmes?: string | null }[] | null;
  budget?: { programme: string; pagu: number | null; realisasi: number | null }[] | null;
}

const NOT_EDITOR: Bilingual = { id: 'Hanya Kasubbag Program dan Evaluasi dan Penyusun yang menyusun draf LKjIP.', en: 'Only the Kasubbag Program dan Evaluasi and the Penyusun write the LKjIP draft.' };
const NOT_READER: Bilingual = { id: 'Draf LKjIP hanya untuk Kasubbag, Penyusun, Sekretaris dan Kepala Dinas.', en: 'The LKjIP draft is for the Kasubbag, the Penyusun, the Sekretaris and the Kepala Dinas only.' };
const NO_DRAFT: Bilingual = { id: 'Draf LKjIP tahun ini belum disusun: buat draf dari analisis lebih dulu.', en: 'This year’s LKjIP draft has not been made yet: generate it from the analyses first.' };

const clean = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);
const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue;

export function checkYear(year: number): number {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    fail('VALIDATION_FAILED', { id: 'Tahun harus antara 2000 dan 2100.', en: 'The year must be between 2000 and 2100.' }, { fields: [fieldProblem('year', { id: 'Antara 2000 dan 2100', en: 'Between 2000 and 2100' })] });
  }
  return year;
}

/** Refusal of Bab III B rows, every problem named by its field (`budget.<i>.<field>`). */
function refuseBudget(problems: { index: number; field: string; id: string; en: string }[]): never {
  const n = problems.length;
  fail(
    'VALIDATION_FAILED',
    { id: `Bab III B tidak dapat disimpan: ${n} isian bermasalah. Tidak ada yang diubah.`, en: `Chapter III B cannot be saved: ${n} ${n === 1 ? 'entry has a problem' : 'entries have problems'}. Nothing was changed.` },
    { fields: problems.map((p): FieldProblem => fieldProblem(`budget.${p.index}.${p.field}`, { id: p.id, en: p.en })) },
  );
}

export class LkjipService {
  constructor(
    private readonly db: Db,
    private readonly scales: ScaleService,
  ) {}

  assertReader(actor: Actor) {
    if (!hasAnyRole(actor, LKJIP_READERS)) fail('FORBIDDEN', NOT_READER);
  }

  assertEditor(actor: Actor) {
    if (!hasAnyRole(actor, LKJIP_EDITORS)) fail('FORBIDDEN', NOT_EDITOR);
  }

  /**
   * The chapter's numbers for an office and year, from what is recorded now: the Renstra period
   * holding the year, its Sasaran and their indicators (the master list, no ad-hoc indicators),
   * and for each year of the period up to this one its source analysis (chooseYearSource).
   */
  async compute(officeId: string, year: number): Promise<LkjipComputed> {
    const renstra = await this.renstraOf(officeId, year);
    const analyses = await this.db.performanceAnalysis.findMany({
      where: {
        status: 'SUBMITTED',
        submittedAt: { not: null },
        request: { officeId, year: { gte: renstra.startYear, lte: year }, status: { not: 'CANCELLED' }, OR: [{ triwulan: null }, { triwulan: 4 }] },
      },
      select: { id: true, version: true, submittedAt: true, scaleCode: true, scaleVersion: true, results: true, request: { select: { id: true, year: true, triwulan: true, letterNumber: true } } },
    });
    const years: number[] = [];
    for (let y = renstra.startYear; y <= year; y++) years.push(y);
    const chosen = new Map(
      years.flatMap((y) => {
        const c = chooseYearSource(analyses.filter((a) => a.request.year === y).map((a) => ({ ...a, triwulan: a.request.triwulan, submittedAt: a.submittedAt as Date })));
        return c ? [[y, c] as const] : [];
      }),
    );
    const current = chosen.get(year);
    if (!current) {
      fail('ANALYSIS_MISSING', {
        id: `Belum ada analisis capaian tahun ${year} yang sudah dikirim (permintaan tahunan atau Triwulan IV): draf LKjIP disusun dari analisis yang sudah dibekukan.`,
        en: `No submitted analysis of ${year} yet (an annual or Triwulan IV request): the LKjIP draft is made from frozen analyses.`,
      });
    }
    const scale: CategoryScale = await this.scales.byVersion(current.scaleCode, current.scaleVersion);
    const resultsOf = (y: number) => chosen.get(y)?.results as unknown as AnalysisResults | undefined;
    const rowsByYear = new Map(years.map((y) => [y, new Map((resultsOf(y)?.indicators ?? []).map((i) => [i.indicatorId, i] as const))]));
    const currentRows = rowsByYear.get(year)!;
    const inSomeYear = new Set([...rowsByYear.values()].flatMap((m) => [...m.keys()]));

    const sasaranRows = await this.db.sasaran.findMany({
      where: { renstraPeriodId: renstra.id },
      orderBy: { code: 'asc' },
      include: { indicators: { where: { adHocRequestId: null }, orderBy: { code: 'asc' }, select: { id: true, code: true, name: true, satuan: true, polarity: true, active: true, renstraTarget: true, bidangId: true } } },
    });
    // The Bidang's texts in the office's order of its Bidang (as every list of Bidang is shown).
    const order = (await this.db.bidang.findMany({ where: { officeId }, orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }], select: { id: true } })).map((b) => b.id);
    const narrativesOf = [...(resultsOf(year)?.bidang ?? [])].sort((a, b) => order.indexOf(a.bidangId) - order.indexOf(b.bidangId));
    const sasaranInput: (LkjipSasaranInput & { bidangIds: string[] })[] = sasaranRows.map((s) => {
      // An indicator taken off the list still counts for the years it was reported in.
      const indicators = s.indicators.filter((i) => i.active || inSomeYear.has(i.id));
      return {
        sasaranId: s.id,
        code: s.code,
        name: s.name,
        bidangIds: [...new Set(indicators.map((i) => i.bidangId))],
        indicators: indicators.map((i) => ({
          indicatorId: i.id,
          code: i.code,
          name: i.name,
          satuan: i.satuan,
          // The polarity the report year's analysis used (frozen), else the master's.
          polarity: (currentRows.get(i.id)?.polarity ?? i.polarity) as Polarity,
          renstraTarget: toNumber(i.renstraTarget),
          years: years.flatMap((y) => {
            const r = rowsByYear.get(y)?.get(i.id);
            return r ? [{ year: y, target: r.target ?? null, targetUpper: r.targetUpper ?? null, realisasi: r.realisasi ?? null }] : [];
          }),
        })),
      };
    });
    const table = buildLkjipTable({ year, renstraStartYear: renstra.startYear, renstraEndYear: renstra.endYear, sasaran: sasaranInput, scale });
    return {
      year,
      renstra: { id: renstra.id, name: renstra.name, startYear: renstra.startYear, endYear: renstra.endYear },
      scale: { code: scale.code, version: scale.version, name: scale.name, cap: scale.cap ?? null },
      sources: [...chosen.entries()].map(([y, a]) => ({
        year: y,
        requestId: a.request.id,
        letterNumber: a.request.letterNumber,
        triwulan: a.request.triwulan,
        label: periodLabel(periodOf(y, a.request.triwulan)),
        analysisId: a.id,
        analysisVersion: a.version,
        submittedAt: (a.submittedAt as Date).toISOString(),
      })),
      yearsWithoutSource: years.filter((y) => !chosen.has(y)),
      sasaran: table.map((t, k) => ({
        ...t,
        gathered: gatherNarrative(narrativesOf.filter((b) => sasaranInput[k]!.bidangIds.includes(b.bidangId))),
      })),
    };
  }

  /**
   * What a draft of the year would use, before it is generated: per year of the Renstra period up
   * to this one the analysis chooseYearSource picks, and the annual/Triwulan IV analyses that will
   * not count (still DRAFT, or passed over by a later/annual one). Reads only; nothing is written.
   */
  async preview(actor: Actor, year: number): Promise<LkjipPreviewView> {
    this.assertReader(actor);
    checkYear(year);
    const renstra = await this.renstraOf(actor.officeId, year);
    const analyses = await this.db.performanceAnalysis.findMany({
      where: { request: { officeId: actor.officeId, year: { gte: renstra.startYear, lte: year }, status: { not: 'CANCELLED' }, OR: [{ triwulan: null }, { triwulan: 4 }] } },
      orderBy: [{ createdAt: 'asc' }],
      select: { id: true, version: true, status: true, submittedAt: true, request: { select: { id: true, year: true, triwulan: true, letterNumber: true } } },
    });
    const asSource = (a: (typeof analyses)[number]) => ({
      year: a.request.year,
      requestId: a.request.id,
      letterNumber: a.request.letterNumber,
      triwulan: a.request.triwulan,
      label: periodLabel(periodOf(a.request.year, a.request.triwulan)),
      analysisId: a.id,
      analysisVersion: a.version,
    });
    const years: LkjipPreviewYearView[] = [];
    for (let y = renstra.startYear; y <= year; y++) {
      const ofYear = analyses.filter((a) => a.request.year === y);
      const frozen = ofYear.filter((a) => a.status === 'SUBMITTED' && a.submittedAt).map((a) => ({ ...a, triwulan: a.request.triwulan, submittedAt: a.submittedAt as Date }));
      const chosen = chooseYearSource(frozen);
      years.push({
        year: y,
        source: chosen ? { ...asSource(chosen), submittedAt: chosen.submittedAt.toISOString() } : null,
        notCounted: ofYear
          .filter((a) => a.id !== chosen?.id)
          .map((a) => ({
            ...asSource(a),
            status: a.status,
            reason: a.status === 'DRAFT'
              ? 'Masih draf (belum dikirim): tidak dihitung sampai dikirim.'
              : a.request.triwulan === 4 && chosen?.triwulan === null
                ? 'Ada analisis tahunan: Triwulan IV tidak dipakai.'
                : 'Ada analisis yang dikirim lebih baru: yang ini tidak dipakai.',
          })),
      });
    }
    return { year, renstraName: renstra.name, ready: years.at(-1)!.source !== null, years };
  }

  private async renstraOf(officeId: string, year: number) {
    const renstra = await this.db.renstraPeriod.findFirst({ where: { officeId, startYear: { lte: year }, endYear: { gte: year } } });
    if (!renstra) {
      fail('VALIDATION_FAILED', { id: `Tidak ada periode Renstra yang mencakup tahun ${year}.`, en: `No Renstra period covers the year ${year}.` }, {
        fields: [fieldProblem('year', { id: 'Tidak ada periode Renstra', en: 'No Renstra period' })],
      });
    }
    return renstra;
  }

  /** A version of the year's draft (the latest when none is named); null before the first generation. */
  async view(actor: Actor, year: number, version?: number | null): Promise<LkjipDraftView | null> {
    this.assertReader(actor);
    checkYear(year);
    const rows = await this.db.lkjipDraft.findMany({
      where: { officeId: actor.officeId, year },
      orderBy: { version: 'desc' },
      select: { id: true, version: true, change: true, createdAt: true, createdById: true },
    });
    if (!rows.length) {
      if (version !== null && version !== undefined) fail('NOT_FOUND', NO_DRAFT);
      return null;
    }
    const meta = version === null || version === undefined ? rows[0]! : rows.find((r) => r.version === version);
    if (!meta) fail('NOT_FOUND', { id: `Draf LKjIP ${year} versi ${version} tidak ada.`, en: `LKjIP draft ${year} version ${version} does not exist.` });
    const row = await this.db.lkjipDraft.findUniqueOrThrow({ where: { id: meta.id } });
    const users = await this.db.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.createdById))] } }, select: { id: true, name: true } });
    const nameOf = (id: string) => users.find((u) => u.id === id)?.name ?? null;
    const latest = meta.version === rows[0]!.version;
    return {
      id: row.id,
      year: row.year,
      version: row.version,
      latest,
      change: row.change,
      createdAt: row.createdAt,
      createdByName: nameOf(row.createdById),
      generatedAt: row.generatedAt,
      computed: row.computed as unknown as LkjipComputed,
      narratives: row.narratives as unknown as LkjipNarrativeJson[],
      budgetRows: row.budget as unknown as BudgetRowInput[],
      editable: latest && hasAnyRole(actor, LKJIP_EDITORS),
      versions: rows.map((r) => ({ version: r.version, change: r.change, createdAt: r.createdAt, createdByName: nameOf(r.createdById) })),
    };
  }

  /**
   * (Re)computes the numbers from the frozen analyses into a new version. The entered parts of
   * the latest version are carried over; a Sasaran without a narrative yet starts from the text
   * gathered from the Kasubbag's step-6 narratives of its Bidang.
   */
  async generate(actor: Actor, input: { year: number; expectedVersion: number }, now = new Date()): Promise<LkjipDraftView> {
    this.assertEditor(actor);
    const year = checkYear(input.year);
    // Read before the transaction (one pooled connection on the embedded database); what it reads
    // is frozen (SUBMITTED analyses) or master data.
    const computed = await this.compute(actor.officeId, year);
    return this.write(actor, year, input.expectedVersion, 'GENERATED', now, (latest) => {
      const before = new Map(((latest?.narratives ?? []) as unknown as LkjipNarrativeJson[]).map((n) => [n.sasaranId, n] as const));
      const narratives = computed.sasaran.map((s): LkjipNarrativeJson =>
        before.get(s.sasaranId) ?? { sasaranId: s.sasaranId, causes: s.gathered.causes, obstacles: s.gathered.obstacles, solutions: s.gathered.solutions, efficiency: null, programmes: null },
      );
      return { computed, narratives, budget: (latest?.budget ?? []) as unknown as BudgetRowInput[], generatedAt: now };
    });
  }

  /** The editor's narratives and/or Bab III B as a new version; the computed part is copied unchanged. */
  async save(actor: Actor, input: SaveLkjipInput, now = new Date()): Promise<LkjipDraftView> {
    this.assertEditor(actor);
    const year = checkYear(input.year);
    const budget = input.budget ? this.checkBudget(input.budget) : null;
    return this.write(actor, year, input.expectedVersion, 'EDITED', now, (latest) => {
      if (!latest) fail('NOT_FOUND', NO_DRAFT);
      const computed = latest.computed as unknown as LkjipComputed;
      const known = new Set(computed.sasaran.map((s) => s.sasaranId));
      const unknown = (input.narratives ?? []).filter((n) => !known.has(n.sasaranId));
      if (unknown.length) {
        fail('VALIDATION_FAILED', { id: 'Sebagian Sasaran pada narasi tidak ada dalam draf ini.', en: 'Some Sasaran of the narratives are not in this draft.' }, {
          fields: unknown.map((n) => fieldProblem(`narratives.${n.sasaranId}`, { id: 'Sasaran tidak ada dalam draf', en: 'Sasaran not in the draft' })),
        });
      }
      const previous = latest.narratives as unknown as LkjipNarrativeJson[];
      const narratives = previous.map((p) => {
        const given = input.narratives?.find((n) => n.sasaranId === p.sasaranId);
        if (!given) return p;
        // A field left out (undefined) keeps its text; null or empty clears it.
        const pick = (k: keyof Omit<LkjipNarrativeJson, 'sasaranId'>) => (given[k] === undefined ? p[k] : clean(given[k]));
        return { sasaranId: p.sasaranId, causes: pick('causes'), obstacles: pick('obstacles'), solutions: pick('solutions'), efficiency: pick('efficiency'), programmes: pick('programmes') };
      });
      return { computed, narratives, budget: budget ?? (latest.budget as unknown as BudgetRowInput[]), generatedAt: latest.generatedAt };
    });
  }

  /** Bab III B from a checked sheet (lkjip.xlsx.ts): replaces the rows as a new version. */
  async replaceBudget(actor: Actor, year: number, expectedVersion: number, rows: BudgetRowInput[], now = new Date()): Promise<LkjipDraftView> {
    this.assertEditor(actor);
    checkYear(year);
    return this.write(actor, year, expectedVersion, 'BUDGET_IMPORTED', now, (latest) => {
      if (!latest) fail('NOT_FOUND', NO_DRAFT);
      return { computed: latest.computed as unknown as LkjipComputed, narratives: latest.narratives as unknown as LkjipNarrativeJson[], budget: rows, generatedAt: latest.generatedAt };
    });
  }

  /** The rows trimmed, or a refusal naming every problem. */
  private checkBudget(rows: { programme: string; pagu: number | null; realisasi: number | null }[]): BudgetRowInput[] {
    const problems = checkBudgetRows(rows);
    if (problems.length) refuseBudget(problems);
    return rows.map((r) => ({ programme: r.programme.trim(), pagu: r.pagu as number, realisasi: r.realisasi as number }));
  }

  /**
   * One new version: compare-and-set on the latest version number (expectedVersion; 0 = none
   * yet), the row and its audit record in one transaction. Two writers that read the same version:
   * the unique (office, year, version) refuses the second with CONFLICT.
   */
  private async write(
    actor: Actor,
    year: number,
    expectedVersion: number,
    change: LkjipChange,
    now: Date,
    build: (latest: Prisma.LkjipDraftGetPayload<object> | null) => { computed: LkjipComputed; narratives: LkjipNarrativeJson[]; budget: BudgetRowInput[]; generatedAt: Date },
  ): Promise<LkjipDraftView> {
    try {
      await this.db.$transaction(async (tx) => {
        const latest = await tx.lkjipDraft.findFirst({ where: { officeId: actor.officeId, year }, orderBy: { version: 'desc' } });
        // Only a generation may start a year's draft: a save or an import needs one to follow.
        if (!latest && change !== 'GENERATED') fail('NOT_FOUND', NO_DRAFT);
        if ((latest?.version ?? 0) !== expectedVersion) fail('CONFLICT');
        const next = build(latest);
        const saved = await tx.lkjipDraft.create({
          data: {
            officeId: actor.officeId,
            year,
            version: expectedVersion + 1,
            change,
            computed: json(next.computed),
            narratives: json(next.narratives),
            budget: json(next.budget),
            generatedAt: next.generatedAt,
            createdById: actor.userId,
            createdAt: now,
          },
        });
        const budget = budgetTable(next.budget);
        await audit(tx, actor, {
          action: `lkjip.${change.toLowerCase()}`,
          entityType: 'LkjipDraft',
          entityId: saved.id,
          before: latest ? { version: latest.version } : null,
          after: {
            year,
            version: saved.version,
            change,
            sources: next.computed.sources.map((s) => ({ year: s.year, analysisId: s.analysisId })),
            narratives: next.narratives,
            budget: { rows: next.budget.length, totalPagu: budget.totalPagu, totalRealisasi: budget.totalRealisasi },
          },
        });
      });
    } catch (err) {
      if (err instanceof Prisma.PrismaClientKnownRequestError && isPrismaError(err, 'P2002')) fail('CONFLICT');
      throw err;
    }
    return (await this.view(actor, year))!;
  }
}
