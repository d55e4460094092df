import { periodLabel, periodOf, previousPeriod, samePeriodLastYear, type CategoryScale, type Period } from '@sipedaki/sop';
import type { Actor } from '../auth/actor';
import { audit } from '../audit/audit.service';
import { assertSameOffice, seesWholeOffice } from '../common/access';
import { serviceHasScope } from '../auth/auth-checker';
import { fail, fieldProblem, UNKNOWN_BIDANG } from '../common/errors';
import { findOr404 } from '../common/found';
import { toNumber } from '../common/format';
import type { Db, Tx } from '../db/prisma';
import type { CompletenessService } from '../data-request/completeness.service';
import { toRequestModel, type DataRequestService } from '../data-request/data-request.service';
import { computeAnalysis, deviationFlags, type ComputedAnalysis, type HistoryPoint, type Summary } from './compute';
import { indicatorValue, indicatorValueView, targetOf } from './indicator-value';
import type { IndicatorTarget, TargetMode } from '../generated/prisma/client';
import type { ScaleService } from './scale.service';

export type { Summary } from './compute';

/** The Kasubbag's evaluation of one Bidang (SOP step 6): what was achieved, obstacles, solutions. */
export interface BidangNarrative {
  bidangId: string;
  achievements?: string | null;
  obstacles?: string | null;
  solutions?: string | null;
}

export interface BidangAnalysis {
  bidangId: string;
  bidangName: string;
  capaian: Summary | null;
  submissionStatus: string | null;
  submittedAt: string | null;
  late: boolean;
  returnCount: number;
  achievements: string | null;
  obstacles: string | null;
  solutions: string | null;
}

export interface AnalysisCompleteness {
  bidangTotal: number;
  accepted: number;
  onTime: number;
  late: number;
  percentAccepted: number;
  percentOnTime: number;
}

export interface AnalysisResults extends ComputedAnalysis {
  bidang: BidangAnalysis[];
  completeness: AnalysisCompleteness | null;
  deviationThreshold: number | null;
  /** The cap of the scale the analysis was made with (null = none). */
  cap: number | null;
  previousPeriod: string | null;
  samePeriodLastYear: string | null;
}

const clean = (s: string | null | undefined) => s?.trim() || null;

/** Step 6: capaian per indicator, Bidang, Sasaran and for the office, from accepted submissions. */
export class AnalysisService {
  constructor(
    private readonly db: Db,
    private readonly scales: ScaleService,
    private readonly requests: DataRequestService,
    private readonly completeness: CompletenessService,
    private readonly deviationPoints: number,
  ) {}

  /**
   * Loads the request's accepted values and, per indicator, the latest accepted value of the
   * previous period and of the same period last year (other requests of the same office), then
   * runs the pure computation.
   */
  async compute(db: Db | Tx, requestId: string, scale: CategoryScale): Promise<ComputedAnalysis & { prev: Period; lastYear: Period }> {
    const req = await db.dataRequest.findUniqueOrThrow({
      where: { id: requestId },
      include: {
        indicators: { include: { indicator: { include: { targets: true, bidang: true, sasaran: true } } } },
        submissions: { where: { status: 'ACCEPTED' }, include: { values: true } },
        bidang: true,
      },
    });
    // Only the indicators of the Bidang the request is asked of (issue 11), ad-hoc ones included.
    const chosen = new Set(req.bidang.map((b) => b.bidangId));
    req.indicators = req.indicators.filter((ri) => chosen.has(ri.indicator.bidangId));
    const period = periodOf(req.year, req.triwulan);
    const { prev, lastYear, history } = await loadHistory(db, req, req.indicators.map((ri) => ri.indicator));
    const values = new Map(req.submissions.flatMap((s) => s.values.map((v) => [`${s.bidangId}:${v.indicatorId}`, v] as const)));
    const computed = computeAnalysis({
      scale,
      thresholdPoints: this.deviationPoints,
      indicators: req.indicators.map(({ indicator: i, ...frozen }) => {
        return {
          ...indicatorValue(i, period, values.get(`${i.bidangId}:${i.id}`), frozen),
          bidangId: i.bidangId,
          bidangName: i.bidang.name,
          previous: history(i, prev),
          lastYear: history(i, lastYear),
        };
      }),
    });
    return { ...computed, prev, lastYear };
  }

  /** Save the Kasubbag's analysis: updates the open draft, or starts a new version after a submitted one. */
  async save(actor: Actor, requestId: string, narrative: string | null | undefined, now = new Date(), bidangNarratives?: BidangNarrative[] | null) {
    const scale = await this.scales.inForce(now, actor.officeId);
    // Read before the transaction, never inside it: it goes through the pool, and with one
    // connection (the embedded PGlite) the transaction holds that connection. Safe: what it
    // reads (submissions, step 4) cannot change once the request has left step 4, and the
    // transaction below refuses any request that is not at step 6.
    const before = await this.requests.get(actor, requestId); // NOT_FOUND, and another office's request too
    const completeness = await this.completeness.forRequest(actor, before, now);
    return this.db.$transaction(async (tx) => {
      // Row lock: simultaneous saves (and submitReport) of one request run one after the other,
      // so two first saves cannot both create version 1, and a save never lands after the freeze.
      await tx.$queryRaw`SELECT 1 FROM "DataRequest" WHERE "id" = ${before.id}::uuid FOR UPDATE`;
      const req = await tx.dataRequest.findUniqueOrThrow({ where: { id: before.id } });
      if (req.status !== 'ANALYSING') fail('WRONG_STEP', { id: 'Analisis hanya dapat disusun pada langkah 6 (analisis dan evaluasi).', en: 'The analysis can only be made at step 6 (analysis and evaluation).' });
      const { prev, lastYear, ...computed } = await this.compute(tx, requestId, scale);
      const latest = await tx.performanceAnalysis.findFirst({ where: { requestId }, orderBy: { version: 'desc' } });
      const previousNarratives = latest ? ((latest.results as unknown as Partial<AnalysisResults>).bidang ?? []) : [];
      const known = new Set(completeness.perBidang.map((p) => p.bidang.id));
      const unknown = (bidangNarratives ?? []).filter((n) => !known.has(n.bidangId));
      if (unknown.length) {
        fail('VALIDATION_FAILED', { id: 'Sebagian Bidang pada narasi tidak dikenal di Dinas ini.', en: 'Some Bidang of the narratives are unknown in this office.' }, {
          fields: unknown.map((n) => fieldProblem(`bidangNarratives.${n.bidangId}`, UNKNOWN_BIDANG)),
        });
      }
      // A Bidang's narrative given now replaces the earlier one; the others carry over (also to a new version).
      const narrativeOf = (bidangId: string) => {
        const given = bidangNarratives?.find((n) => n.bidangId === bidangId);
        if (given) return { achievements: clean(given.achievements), obstacles: clean(given.obstacles), solutions: clean(given.solutions) };
        const kept = previousNarratives.find((b) => b.bidangId === bidangId);
        return { achievements: kept?.achievements ?? null, obstacles: kept?.obstacles ?? null, solutions: kept?.solutions ?? null };
      };
      const onTimeBase = completeness.onTime + completeness.late;
      const results: AnalysisResults = {
        ...computed,
        bidang: completeness.perBidang.map((p) => ({
          bidangId: p.bidang.id,
          bidangName: p.bidang.name,
          capaian: computed.perBidang.find((s) => s.key === p.bidang.id) ?? null,
          submissionStatus: p.status,
          submittedAt: p.submittedAt?.toISOString() ?? null,
          late: p.late,
          returnCount: p.returnCount,
          ...narrativeOf(p.bidang.id),
        })),
        completeness: {
          bidangTotal: completeness.bidangTotal,
          accepted: completeness.accepted,
          onTime: completeness.onTime,
          late: completeness.late,
          percentAccepted: completeness.percentAccepted,
          percentOnTime: onTimeBase ? Math.round((completeness.onTime / onTimeBase) * 10000) / 100 : 0,
        },
        deviationThreshold: this.deviationPoints,
        cap: scale.cap ?? null,
        previousPeriod: periodLabel(prev),
        samePeriodLastYear: periodLabel(lastYear),
      };
      const data = {
        scaleCode: scale.code,
        scaleVersion: scale.version,
        officeCapaian: results.office.average,
        results: JSON.parse(JSON.stringify(results)),
        narrative: narrative?.trim() || null,
      };
      const saved =
        latest && latest.status === 'DRAFT'
          ? await tx.performanceAnalysis.update({ where: { id: latest.id }, data })
          : await tx.performanceAnalysis.create({ data: { ...data, requestId, version: (latest?.version ?? 0) + 1, createdById: actor.userId } });
      await audit(tx, actor, {
        action: latest?.status === 'DRAFT' ? 'analysis.updated' : 'analysis.created',
        entityType: 'PerformanceAnalysis',
        entityId: saved.id,
        before: latest ? { version: latest.version, officeCapaian: latest.officeCapaian, narrative: latest.narrative } : null,
        after: { version: saved.version, officeCapaian: saved.officeCapaian, narrative: saved.narrative },
      });
      return toAnalysisModel(saved);
    });
  }

  /**
   * The flags the analysis would raise (deviationFlags) for one submission's values, computed now
   * for the reviewer at step 4. Only flagged indicators are returned. The caller has already read
   * the submission (the field hangs under it), so access is checked there.
   */
  async reviewFlags(submissionId: string) {
    const s = await this.db.bidangSubmission.findUniqueOrThrow({ where: { id: submissionId }, include: { request: true, values: true } });
    const [rows, scale] = await Promise.all([
      this.db.dataRequestIndicator.findMany({
        where: { requestId: s.requestId, indicator: { bidangId: s.bidangId } },
        include: { indicator: { include: { targets: true, sasaran: true } } },
        orderBy: { indicator: { code: 'asc' } },
      }),
      this.scales.inForce(new Date(), s.request.officeId),
    ]);
    const { prev, lastYear, history } = await loadHistory(this.db, s.request, rows.map((r) => r.indicator));
    return rows.flatMap(({ indicator: i, ...frozen }) => {
      const v = indicatorValueView(indicatorValue(i, s.request, s.values.find((x) => x.indicatorId === i.id), frozen), scale);
      const f = deviationFlags({ polarity: i.polarity, previous: history(i, prev), lastYear: history(i, lastYear) }, v.capaian, this.deviationPoints);
      return f.flagged
        ? [{ indicatorId: i.id, indicatorCode: i.code, indicatorName: i.name, capaian: v.capaian, previous: f.previous, lastYear: f.lastYear, farAboveTarget: f.farAboveTarget, flagged: true, reasons: f.flagReasons }]
        : [];
    });
  }

  /** The recap holds every Bidang's figures: only the office-wide roles read it. */
  async forRequest(actor: Actor, requestId: string) {
    return (await this.forRequests(actor, [requestId])).get(requestId) ?? [];
  }

  /** Every version of the analyses of several requests (a list's page, common/loaders.ts), newest first, by request id. */
  async forRequests(actor: Actor, requestIds: readonly string[]): Promise<Map<string, ReturnType<typeof toAnalysisModel>[]>> {
    const byRequest = new Map(requestIds.map((id) => [id, [] as ReturnType<typeof toAnalysisModel>[]]));
    if (!seesWholeOffice(actor) || !serviceHasScope(actor, 'READ_ANALYSES')) return byRequest;
    const rows = await this.db.performanceAnalysis.findMany({ where: { requestId: { in: [...requestIds] } }, orderBy: { version: 'desc' } });
    for (const a of rows) byRequest.get(a.requestId)?.push(toAnalysisModel(a));
    return byRequest;
  }

  /** The newest version of a request's analysis (for the recap exports); ANALYSIS_MISSING when none. */
  async latest(actor: Actor, requestId: string) {
    const r = await findOr404(this.db.dataRequest.findUnique({ where: { id: requestId } }));
    assertSameOffice(actor, r.officeId);
    if (!seesWholeOffice(actor)) fail('FORBIDDEN');
    const a = await this.db.performanceAnalysis.findFirst({ where: { requestId }, orderBy: { version: 'desc' } });
    if (!a) fail('ANALYSIS_MISSING');
    return { request: toRequestModel(r), analysis: toAnalysisModel(a) };
  }

  async get(actor: Actor, id: string) {
    const a = await findOr404(this.db.performanceAnalysis.findUnique({ where: { id }, include: { request: true } }));
    assertSameOffice(actor, a.request.officeId);
    if (!seesWholeOffice(actor)) fail('FORBIDDEN');
    return toAnalysisModel(a);
  }
}

export function toAnalysisModel(a: {
  id: string; requestId: string; version: number; status: string; scaleCode: string; scaleVersion: number;
  results: unknown; narrative: string | null; createdAt: Date; submittedAt: Date | null;
}) {
  const r = a.results as Partial<AnalysisResults> & ComputedAnalysis;
  // Analyses saved before the comparison and per-Bidang fields existed read with empty defaults.
  const summary = (s: Summary): Summary => ({ ...s, averageUncapped: s.averageUncapped ?? s.average, flaggedCount: s.flaggedCount ?? 0 });
  return {
    ...a,
    office: summary(r.office),
    perBidang: r.perBidang.map(summary),
    perSasaran: r.perSasaran.map(summary),
    indicators: r.indicators.map((i) => ({
      ...i,
      // Analyses saved before value kinds, frozen targets and caps read as they were made.
      valueKind: i.valueKind ?? 'INDEX',
      allowAbove100: i.allowAbove100 ?? false,
      targetFrozen: i.targetFrozen ?? false,
      capaianCapped: i.capaianCapped !== undefined ? i.capaianCapped : i.capaian,
      farAboveTarget: i.farAboveTarget ?? false,
      previous: i.previous ?? null,
      lastYear: i.lastYear ?? null,
      flagged: i.flagged ?? false,
      flagReasons: i.flagReasons ?? [],
    })),
    bidang: (r.bidang ?? []).map((b) => ({ ...b, capaian: b.capaian ? summary(b.capaian) : null, submittedAt: b.submittedAt ? new Date(b.submittedAt) : null })),
    completeness: r.completeness ?? null,
    deviationThreshold: r.deviationThreshold ?? null,
    cap: r.cap ?? null,
    previousPeriod: r.previousPeriod ?? null,
    samePeriodLastYear: r.samePeriodLastYear ?? null,
  };
}

/**
 * Per indicator, the latest accepted value of the previous period and of the same period last
 * year (other requests of the same office), each with the target its own request used (frozen at
 * its step 3, else the master target for that period). Two statements whatever the number of
 * indicators. Used by the analysis (step 6) and by the reviewer's flags (step 4).
 */
export async function loadHistory(
  db: Db | Tx,
  req: { id: string; officeId: string; year: number; triwulan: number | null },
  indicators: readonly { id: string; targetMode: TargetMode; targets: readonly IndicatorTarget[] }[],
) {
  const period = periodOf(req.year, req.triwulan);
  const prev = previousPeriod(period);
  const lastYear = samePeriodLastYear(period);
  const indicatorIds = indicators.map((i) => i.id);
  const earlier = indicatorIds.length
    ? await db.submissionValue.findMany({
        where: {
          indicatorId: { in: indicatorIds },
          submission: {
            status: 'ACCEPTED',
            request: {
              officeId: req.officeId,
              id: { not: req.id },
              OR: [prev, lastYear].map((p) => ({ year: p.year, triwulan: p.triwulan })),
            },
          },
        },
        include: { submission: { include: { request: { select: { id: true, year: true, triwulan: true, createdAt: true } } } } },
        // The most recent request of a period wins when an office was asked twice.
        orderBy: { submission: { request: { createdAt: 'desc' } } },
      })
    : [];
  const frozenRows = earlier.length
    ? await db.dataRequestIndicator.findMany({ where: { requestId: { in: [...new Set(earlier.map((e) => e.submission.request.id))] }, indicatorId: { in: indicatorIds } } })
    : [];
  const frozen = new Map(frozenRows.map((f) => [`${f.requestId}:${f.indicatorId}`, f] as const));
  const history = (i: (typeof indicators)[number], p: Period): HistoryPoint | null => {
    const v = earlier.find((e) => e.indicatorId === i.id && e.submission.request.year === p.year && e.submission.request.triwulan === p.triwulan);
    if (!v) return null;
    const t = targetOf(i, p, frozen.get(`${v.submission.request.id}:${i.id}`));
    return {
      requestId: v.submission.request.id,
      year: p.year,
      triwulan: p.triwulan,
      label: periodLabel(p),
      target: t.target,
      targetUpper: t.targetUpper,
      realisasi: toNumber(v.realisasi),
    };
  };
  return { prev, lastYear, history };
}
