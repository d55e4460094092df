/**
 * LKjIP Bab III "Akuntabilitas Kinerja" (issue 14 §3): the rules that turn the year's frozen
 * analyses into the chapter's tables. Pure: no database, no clock.
 *
 * - A.  per Sasaran strategis: No | Sasaran | Indikator | Satuan | Target | Realisasi | Capaian |
 *       Kategori for the report year, the same indicator in every earlier year of the Renstra
 *       period, this year against last year, and realisasi to date against the Renstra end-period
 *       target. Every capaian is computed here with computeCapaian and categorised with the one
 *       scale of the report year's analysis (so one table speaks one scale).
 * - B.  realisasi anggaran per programme: pagu, realisasi and the percentage, with totals.
 *
 * Which analysis is a year's: the SUBMITTED (frozen) analysis of the year's annual request; when
 * the office had none, that of its Triwulan IV request (chooseYearSource). Numbers are never typed
 * into the draft: only the narratives and Bab III B are entered.
 */
import { averageWithCap, computeCapaian, roundCapaian, type CapaianResult, type Polarity } from './capaian';
import { checkDeviation, type Trend } from './deviation';
import type { Role } from './roles';
import { categorize, type CategoryScale } from './scales';

/** Who writes the draft: the Kasubbag Program dan Evaluasi, and the Penyusun who drafts reports for him. */
export const LKJIP_EDITORS: readonly Role[] = ['KASUBBAG', 'PENYUSUN'];
/** Who reads it: the editors and the office's leadership. Bidang do not (it holds every Bidang's figures). */
export const LKJIP_READERS: readonly Role[] = ['KASUBBAG', 'PENYUSUN', 'SEKRETARIS', 'KEPALA_DINAS'];

/** Longest narrative field (characters): a few pages of a report. */
export const MAX_LKJIP_TEXT = 20_000;
export const MAX_BUDGET_ROWS = 200;
export const MAX_PROGRAMME_NAME = 500;
/** Largest pagu/realisasi (rupiah): well above any kabupaten's whole budget. */
export const MAX_BUDGET_AMOUNT = 1e15;

/* ------------------------------------------------------------------ the year's source */

export interface SourceCandidate {
  /** null = an annual request; 1–4 = a Triwulan request. */
  triwulan: number | null;
  /** When the analysis was frozen (step 6 finished). */
  submittedAt: Date | string;
}

/**
 * The analysis that speaks for a year: the annual request's, else Triwulan IV's (it closes the
 * year); among several of one kind the latest frozen. Earlier Triwulan are never taken: they
 * would state a part of the year as the year. null when none fits.
 */
export function chooseYearSource<T extends SourceCandidate>(candidates: readonly T[]): T | null {
  const latest = (xs: T[]) => xs.sort((a, b) => new Date(b.submittedAt).getTime() - new Date(a.submittedAt).getTime())[0] ?? null;
  return latest(candidates.filter((c) => c.triwulan === null)) ?? latest(candidates.filter((c) => c.triwulan === 4));
}

/* ------------------------------------------------------------------ Bab III A */

export interface LkjipValue {
  target: number | null;
  /** RANGE indicators: the upper bound (target is then the lower bound). */
  targetUpper: number | null;
  realisasi: number | null;
}

export interface LkjipIndicatorInput {
  indicatorId: string;
  code: string;
  name: string;
  satuan: string;
  polarity: Polarity;
  /** The end-of-Renstra-period target (null = none set). */
  renstraTarget: number | null;
  /** The indicator's value in each year's frozen analysis; a year absent = not in that analysis. */
  years: ({ year: number } & LkjipValue)[];
}

export interface LkjipSasaranInput {
  sasaranId: string;
  code: string;
  name: string;
  indicators: LkjipIndicatorInput[];
}

export interface CategoryCell {
  code: string;
  label: string;
  labelEn: string;
}

export interface LkjipYearCell extends LkjipValue {
  year: number;
  capaian: number | null;
  capaianStatus: CapaianResult['status'];
  category: CategoryCell | null;
}

export interface LkjipIndicatorRow extends LkjipYearCell {
  /** "1.2": the Sasaran's number and the indicator's. */
  no: string;
  indicatorId: string;
  code: string;
  name: string;
  satuan: string;
  polarity: Polarity;
  /** The same indicator last year (null when last year had no source or no value). */
  lastYear: LkjipYearCell | null;
  /** capaian this year − capaian last year, percentage points. */
  differenceFromLastYear: number | null;
  trend: Trend | null;
  /** Every year of the Renstra period up to the report year, oldest first (cells without data included). */
  history: LkjipYearCell[];
  renstraTarget: number | null;
  renstraEndYear: number;
  /** Realisasi to date (the report year's) against the Renstra end-period target. */
  renstraCapaian: number | null;
  renstraCapaianStatus: CapaianResult['status'];
}

export interface LkjipSasaranTable {
  no: number;
  sasaranId: string;
  code: string;
  name: string;
  indicators: LkjipIndicatorRow[];
  /** Mean capaian of the Sasaran's indicators this year, each capped by the scale's cap. */
  average: number | null;
  category: CategoryCell | null;
}

function category(scale: CategoryScale, capaian: number | null): CategoryCell | null {
  const band = categorize(scale, capaian);
  return band ? { code: band.code, label: band.label.id, labelEn: band.label.en } : null;
}

/** One year's cell: its target and realisasi as frozen, its capaian and category. */
export function yearCell(scale: CategoryScale, polarity: Polarity, year: number, v: LkjipValue | null | undefined): LkjipYearCell {
  const value: LkjipValue = { target: v?.target ?? null, targetUpper: v?.targetUpper ?? null, realisasi: v?.realisasi ?? null };
  const c = computeCapaian({ polarity, ...value });
  return { year, ...value, capaian: c.value, capaianStatus: c.status, category: category(scale, c.value) };
}

/** A cell that has nothing to compare (no source that year, or the indicator was not in it). */
const hasData = (c: LkjipYearCell) => c.realisasi !== null || c.target !== null;

/**
 * The Bab III A table: per Sasaran (in the order given, numbered from 1), per indicator (in the
 * order given), the report year's row with its history, last year and the Renstra comparison.
 */
export function buildLkjipTable(input: {
  year: number;
  renstraStartYear: number;
  renstraEndYear: number;
  sasaran: readonly LkjipSasaranInput[];
  scale: CategoryScale;
}): LkjipSasaranTable[] {
  const { year, scale } = input;
  const years: number[] = [];
  for (let y = Math.max(input.renstraStartYear, year - 20); y <= year; y++) years.push(y);
  return input.sasaran.map((s, si) => {
    const indicators = s.indicators.map((i, ii): LkjipIndicatorRow => {
      const valueOf = (y: number) => i.years.find((v) => v.year === y) ?? null;
      const history = years.map((y) => yearCell(scale, i.polarity, y, valueOf(y)));
      const now = yearCell(scale, i.polarity, year, valueOf(year));
      const before = valueOf(year - 1) ? yearCell(scale, i.polarity, year - 1, valueOf(year - 1)) : null;
      const lastYear = before && hasData(before) ? before : null;
      const d = lastYear ? checkDeviation({ current: now.capaian, previous: lastYear.capaian, thresholdPoints: Number.POSITIVE_INFINITY }) : null;
      // Realisasi to date vs the end-period target: the report year's realisasi (IKU are levels,
      // rates and indexes, not sums), with the indicator's own formula and no upper bound.
      const renstra = computeCapaian({ polarity: i.polarity === 'RANGE' ? 'HIGHER_IS_BETTER' : i.polarity, target: i.renstraTarget, realisasi: now.realisasi });
      return {
        ...now,
        no: `${si + 1}.${ii + 1}`,
        indicatorId: i.indicatorId,
        code: i.code,
        name: i.name,
        satuan: i.satuan,
        polarity: i.polarity,
        lastYear,
        differenceFromLastYear: d?.difference ?? null,
        trend: d?.trend ?? null,
        history,
        renstraTarget: i.renstraTarget,
        renstraEndYear: input.renstraEndYear,
        renstraCapaian: renstra.value,
        renstraCapaianStatus: renstra.status,
      };
    });
    const { average } = averageWithCap(indicators.map((r) => r.capaian), scale.cap);
    return { no: si + 1, sasaranId: s.sasaranId, code: s.code, name: s.name, indicators, average, category: category(scale, average) };
  });
}

/* ------------------------------------------------------------------ narratives */

export interface BidangNarrativeText {
  bidangName: string;
  achievements: string | null;
  obstacles: string | null;
  solutions: string | null;
}

export interface GatheredNarrative {
  /** Causes of success or failure: from the Kasubbag's "capaian / keberhasilan" per Bidang. */
  causes: string | null;
  obstacles: string | null;
  solutions: string | null;
}

/**
 * The starting text of a Sasaran's causes, obstacles and solutions: the Kasubbag's step-6
 * narratives of the Bidang that own its indicators, one paragraph per Bidang ("Bidang X: …"),
 * in the order given; null when no Bidang wrote one.
 */
export function gatherNarrative(bidang: readonly BidangNarrativeText[]): GatheredNarrative {
  const join = (pick: (b: BidangNarrativeText) => string | null) => {
    const parts = bidang.flatMap((b) => {
      const t = pick(b)?.trim();
      return t ? [`${b.bidangName}: ${t}`] : [];
    });
    return parts.length ? parts.join('\n\n') : null;
  };
  return { causes: join((b) => b.achievements), obstacles: join((b) => b.obstacles), solutions: join((b) => b.solutions) };
}

/* ------------------------------------------------------------------ Bab III B */

export interface BudgetRowInput {
  programme: string;
  pagu: number;
  realisasi: number;
}

export interface BudgetRow extends BudgetRowInput {
  no: number;
  /** realisasi / pagu × 100, 2 decimals; null when the pagu is 0. */
  percent: number | null;
}

export interface BudgetTable {
  rows: BudgetRow[];
  totalPagu: number;
  totalRealisasi: number;
  totalPercent: number | null;
}

/** Sum of money amounts to the sen, without binary artefacts (0.1 + 0.2). */
const sumMoney = (xs: number[]) => Math.round(xs.reduce((a, b) => a + Math.round(b * 100), 0)) / 100;
const percentOf = (realisasi: number, pagu: number) => (pagu === 0 ? null : roundCapaian((realisasi / pagu) * 100));

export function budgetTable(rows: readonly BudgetRowInput[]): BudgetTable {
  const out = rows.map((r, i) => ({ no: i + 1, programme: r.programme, pagu: r.pagu, realisasi: r.realisasi, percent: percentOf(r.realisasi, r.pagu) }));
  const totalPagu = sumMoney(rows.map((r) => r.pagu));
  const totalRealisasi = sumMoney(rows.map((r) => r.realisasi));
  return { rows: out, totalPagu, totalRealisasi, totalPercent: percentOf(totalRealisasi, totalPagu) };
}

export type BudgetField = 'programme' | 'pagu' | 'realisasi';
export interface BudgetProblem {
  /** 0-based index of the row. */
  index: number;
  field: BudgetField;
  id: string;
  en: string;
}

const hasMoreThanTwoDecimals = (n: number) => Math.abs(Math.round(n * 100) - n * 100) > 1e-6;

/**
 * Problems of Bab III B's rows, every one of them: a programme named (2–500 characters, once),
 * pagu and realisasi numbers of rupiah from 0, at most two decimals (sen), and realisasi not above
 * the pagu (the APBD cannot spend beyond it; the pagu is the one after the budget change).
 */
export function checkBudgetRows(rows: readonly { programme: string; pagu: number | null; realisasi: number | null }[]): BudgetProblem[] {
  const problems: BudgetProblem[] = [];
  const seen = new Map<string, number>();
  if (rows.length > MAX_BUDGET_ROWS) problems.push({ index: MAX_BUDGET_ROWS, field: 'programme', id: `Paling banyak ${MAX_BUDGET_ROWS} program`, en: `At most ${MAX_BUDGET_ROWS} programmes` });
  rows.forEach((r, index) => {
    const name = r.programme.trim();
    if (name.length < 2 || name.length > MAX_PROGRAMME_NAME) {
      problems.push({ index, field: 'programme', id: `Nama program wajib diisi (2–${MAX_PROGRAMME_NAME} karakter)`, en: `The programme name is required (2–${MAX_PROGRAMME_NAME} characters)` });
    } else {
      const key = name.toLocaleLowerCase('id');
      const first = seen.get(key);
      if (first !== undefined) problems.push({ index, field: 'programme', id: `Program yang sama sudah ada pada baris ${first + 1}`, en: `The same programme is already on row ${first + 1}` });
      else seen.set(key, index);
    }
    const amount = (field: 'pagu' | 'realisasi', label: string, labelEn: string, v: number | null) => {
      if (v === null || !Number.isFinite(v)) problems.push({ index, field, id: `${label} wajib diisi dengan angka`, en: `${labelEn} must be a number` });
      else if (v < 0 || v > MAX_BUDGET_AMOUNT) problems.push({ index, field, id: `${label} harus antara 0 dan 1.000.000.000.000.000`, en: `${labelEn} must be between 0 and 1,000,000,000,000,000` });
      else if (hasMoreThanTwoDecimals(v)) problems.push({ index, field, id: `${label} paling banyak dua angka desimal (sen)`, en: `${labelEn} has at most two decimals (sen)` });
      else return true;
      return false;
    };
    const paguOk = amount('pagu', 'Pagu', 'The pagu', r.pagu);
    const realOk = amount('realisasi', 'Realisasi', 'The realisasi', r.realisasi);
    if (paguOk && realOk && (r.realisasi as number) > (r.pagu as number)) {
      problems.push({ index, field: 'realisasi', id: 'Realisasi melebihi pagu', en: 'The realisasi is above the pagu' });
    }
  });
  return problems;
}
