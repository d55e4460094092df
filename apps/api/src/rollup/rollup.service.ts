/**
 * The kabupaten rollup (issue 15): for the pemda roles, every office of their pemda in league
 * tables by capaian (frozen analyses only), SOP timeliness and completeness, the pemda's trend over
 * Triwulan and years, and a drill-down into one office's frozen analysis. Read-only. The counting
 * is one set-based statement (rollup.sql.ts); ranks, percentages and pemda points are the pure
 * rules of packages/sop rollup.ts.
 */
import {
  categorize,
  DEFAULT_SCALE,
  EMPTY_COUNTS,
  leagueOrder,
  measuresOf,
  measureValue,
  pemdaPoint,
  periodKey,
  periodLabel,
  rankValues,
  ROLLUP_MEASURES,
  ROLLUP_TREND_YEARS,
  trendPeriods,
  type OfficePeriodCounts,
  type PemdaPoint,
  type RollupMeasure,
} from '@sipedaki/sop';
import type { Actor } from '../auth/actor';
import { toAnalysisModel } from '../analysis/analysis.service';
import type { ScaleService } from '../analysis/scale.service';
import { fail, fieldProblem } from '../common/errors';
import { sqlOf, type Db } from '../db/prisma';
import type { Sql } from '../db/sql';
import type { PemdaScopeService } from '../pemda/pemda-scope.service';
import { ROLLUP_COUNTS, ROLLUP_OFFICES, type RollupCountsRow } from './rollup.sql';

export interface RollupPeriod {
  year: number;
  /** 1–4, or null for the whole year. */
  triwulan: number | null;
}

export interface RollupOfficeView {
  officeId: string;
  officeCode: string;
  officeName: string;
  requests: number;
  requestsDone: number;
  capaian: number | null;
  category: { code: string; label: string } | null;
  scaleCode: string | null;
  scaleVersion: number | null;
  cap: number | null;
  analysisId: string | null;
  requestId: string | null;
  stepsOnTime: number;
  stepsLate: number;
  stepsOpen: number;
  timeliness: number | null;
  bidangAsked: number;
  bidangHandedIn: number;
  bidangWaived: number;
  completeness: number | null;
  rankCapaian: number | null;
  rankTimeliness: number | null;
  rankCompleteness: number | null;
}

export interface RollupTrendPoint extends PemdaPoint {
  year: number;
  triwulan: number | null;
  label: string;
}

export interface RollupView {
  pemdaId: string;
  pemdaName: string;
  year: number;
  triwulan: number | null;
  periodLabel: string;
  sortBy: RollupMeasure;
  computedAt: Date;
  offices: RollupOfficeView[];
  summary: PemdaPoint;
  trend: RollupTrendPoint[];
}

/** The period of the filters; a bad one names its field. */
export function checkRollupPeriod(year: number, triwulan: number | null): RollupPeriod {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    fail('VALIDATION_FAILED', { id: 'Tahun harus antara 2000 dan 2100.', en: 'The year must be between 2000 and 2100.' }, { fields: [fieldProblem('year', { id: 'Antara 2000 dan 2100', en: 'Between 2000 and 2100' })] });
  }
  if (triwulan !== null && ![1, 2, 3, 4].includes(triwulan)) {
    fail('VALIDATION_FAILED', { id: 'Triwulan harus 1 sampai 4 (kosong = setahun).', en: 'The Triwulan must be 1 to 4 (empty = the whole year).' }, { fields: [fieldProblem('triwulan', { id: '1 sampai 4', en: '1 to 4' })] });
  }
  return { year, triwulan };
}

export function checkMeasure(m: string | null | undefined): RollupMeasure {
  if (m === null || m === undefined || m === '') return 'CAPAIAN';
  if (!(ROLLUP_MEASURES as readonly string[]).includes(m)) {
    fail('VALIDATION_FAILED', { id: 'Urutan harus CAPAIAN, TIMELINESS atau COMPLETENESS.', en: 'The order must be CAPAIAN, TIMELINESS or COMPLETENESS.' }, { fields: [fieldProblem('sortBy', { id: 'CAPAIAN, TIMELINESS atau COMPLETENESS', en: 'CAPAIAN, TIMELINESS or COMPLETENESS' })] });
  }
  return m as RollupMeasure;
}

const countsOf = (r: RollupCountsRow | undefined): OfficePeriodCounts =>
  r
    ? {
        requests: r.requests,
        requestsDone: r.requestsDone,
        capaian: r.capaian,
        stepsOnTime: r.stepsOnTime,
        stepsLate: r.stepsLate,
        stepsOpen: r.stepsOpen,
        bidangAsked: r.bidangAsked,
        bidangHandedIn: r.bidangHandedIn,
        bidangWaived: r.bidangWaived,
      }
    : EMPTY_COUNTS;

export class RollupService {
  private readonly sql: Sql;

  constructor(
    private readonly db: Db,
    private readonly scales: ScaleService,
    private readonly scope: PemdaScopeService,
  ) {
    this.sql = sqlOf(db);
  }

  /**
   * The pemda the actor reads (the pemda scope's one answer): the pemda of the actor's own office,
   * for a person holding a pemda role that reads. Everyone else (an office's own staff, a machine
   * client) is refused before anything is read.
   */
  private async pemdaOf(actor: Actor) {
    const p = await this.scope.requirePemda(actor, 'READ');
    return { pemdaId: p.id, pemdaName: p.name };
  }

  /** League tables and trend of the actor's pemda for a period (trend: the five years up to it). */
  async rollup(actor: Actor, period: RollupPeriod, sortBy: RollupMeasure = 'CAPAIAN', now = new Date()): Promise<RollupView> {
    const pemda = await this.pemdaOf(actor);
    const firstYear = period.year - ROLLUP_TREND_YEARS + 1;
    const [offices, rows] = await Promise.all([
      this.sql.rows(ROLLUP_OFFICES, [pemda.pemdaId]),
      this.sql.rows(ROLLUP_COUNTS, [pemda.pemdaId, firstYear, period.year, now]),
    ]);
    const byKey = new Map(rows.map((r) => [`${r.officeId}:${periodKey(r.year, r.triwulan === 0 ? null : r.triwulan)}`, r] as const));
    const key = periodKey(period.year, period.triwulan);
    const current = offices.map((o) => ({ office: o, row: byKey.get(`${o.id}:${key}`) }));
    const measures = current.map((c) => measuresOf(countsOf(c.row)));
    const ranks = Object.fromEntries(ROLLUP_MEASURES.map((m) => [m, rankValues(measures.map((x) => measureValue(x, m)))])) as Record<RollupMeasure, (number | null)[]>;
    // The scale version each frozen analysis was made with gives its category and cap as they were
    // then (the same lookup as the analysis's own, ScaleService.byVersion; scales are cached).
    const scales = await this.scales.all();
    const scaleOf = (code: string, version: number) => scales.find((x) => x.code === code && x.version === version) ?? DEFAULT_SCALE;
    const views: RollupOfficeView[] = current.map(({ office, row }, i) => {
      const c = countsOf(row);
      const m = measures[i]!;
      const scale = row?.scaleCode ? scaleOf(row.scaleCode, row.scaleVersion ?? 0) : undefined;
      const band = scale && row ? categorize(scale, row.capaian) : null;
      return {
        officeId: office.id,
        officeCode: office.code,
        officeName: office.name,
        requests: c.requests,
        requestsDone: c.requestsDone,
        capaian: m.capaian,
        category: band ? { code: band.code, label: band.label.id } : null,
        scaleCode: row?.scaleCode ?? null,
        scaleVersion: row?.scaleVersion ?? null,
        cap: scale?.cap ?? null,
        analysisId: row?.analysisId ?? null,
        requestId: row?.requestId ?? null,
        stepsOnTime: c.stepsOnTime,
        stepsLate: c.stepsLate,
        stepsOpen: c.stepsOpen,
        timeliness: m.timeliness,
        bidangAsked: c.bidangAsked,
        bidangHandedIn: c.bidangHandedIn,
        bidangWaived: c.bidangWaived,
        completeness: m.completeness,
        rankCapaian: ranks.CAPAIAN[i]!,
        rankTimeliness: ranks.TIMELINESS[i]!,
        rankCompleteness: ranks.COMPLETENESS[i]!,
      };
    });
    const rankField = { CAPAIAN: 'rankCapaian', TIMELINESS: 'rankTimeliness', COMPLETENESS: 'rankCompleteness' } as const;
    const ordered = leagueOrder(views.map((v) => ({ ...v, name: v.officeName, rank: v[rankField[sortBy]] }))).map(({ name: _n, rank: _r, ...v }) => v);
    const trend = trendPeriods(period.year).map((p) => ({
      year: p.year,
      triwulan: p.triwulan,
      label: p.label,
      ...pemdaPoint(offices.map((o) => countsOf(byKey.get(`${o.id}:${periodKey(p.year, p.triwulan)}`)))),
    }));
    return {
      pemdaId: pemda.pemdaId,
      pemdaName: pemda.pemdaName,
      year: period.year,
      triwulan: period.triwulan,
      periodLabel: periodLabel({ year: period.year, triwulan: period.triwulan as 1 | 2 | 3 | 4 | null }),
      sortBy,
      computedAt: now,
      offices: ordered,
      summary: pemdaPoint(current.map((c) => countsOf(c.row))),
      trend,
    };
  }

  /**
   * Drill-down: one frozen (SUBMITTED) analysis of an office of the actor's pemda, read-only. A
   * draft, and another pemda's analysis, are not found (as another office's record is).
   */
  async officeAnalysis(actor: Actor, analysisId: string) {
    const pemda = await this.pemdaOf(actor);
    const a = await this.db.performanceAnalysis.findUnique({
      where: { id: analysisId },
      include: { request: { select: { id: true, letterNumber: true, year: true, triwulan: true, subject: true, sender: true, office: { select: { id: true, name: true, pemdaId: true } } } } },
    });
    if (!a || a.status !== 'SUBMITTED' || a.request.office.pemdaId !== pemda.pemdaId) fail('NOT_FOUND');
    const r = a.request;
    return {
      officeId: r.office.id,
      officeName: r.office.name,
      requestId: r.id,
      letterNumber: r.letterNumber,
      subject: r.subject,
      sender: r.sender,
      periodLabel: periodLabel({ year: r.year, triwulan: r.triwulan as 1 | 2 | 3 | 4 | null }),
      analysis: toAnalysisModel(a),
    };
  }
}
