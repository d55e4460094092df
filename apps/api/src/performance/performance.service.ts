import { periodLabel, periodOf } from '@sipedaki/sop';
import { capaianOf } from '../analysis/compute';
import { indicatorValue } from '../analysis/indicator-value';
import type { ScaleService } from '../analysis/scale.service';
import type { Actor } from '../auth/actor';
import { seesWholeOffice } from '../common/access';
import { decodeCursor, encodeCursor } from '../common/cursor';
import type { Db } from '../db/prisma';
import type { Prisma } from '../generated/prisma/client';
import { MAX_PAGE_SIZE } from '../data-request/data-request.input';
import type { PerformanceFilter } from './performance.model';

/**
 * Accepted indicator values of an office with target, capaian and category: what other systems
 * read (READ_PERFORMANCE). Keyset pagination on the value id: a stable order, so a client can
 * page through without skipping or repeating rows while the set grows.
 */
export class PerformanceService {
  constructor(
    private readonly db: Db,
    private readonly scales: ScaleService,
  ) {}

  async list(actor: Actor, filter: PerformanceFilter | null | undefined, first: number, after?: string | null) {
    const take = Math.min(Math.max(first, 1), MAX_PAGE_SIZE);
    // Two plans, chosen by the filter (issue 15; measured on 10 million values, docs/scaling.md):
    // - no filter: scoped by the value's own (denormalised) officeId, which the trigger keeps equal
    //   to its request's. The page walks the index (officeId, id) in cursor order and stops after
    //   `take` rows. Repeating the office on the submission would make the planner, which takes
    //   the conditions as independent, expect a handful of rows and sort every value of the office;
    // - any filter (Bidang, year, Triwulan, indicator, or a Bidang user's own Bidang): scoped by the
    //   submission's and the request's office, so that the filter starts from the office's ~200
    //   submissions (index officeId, status) and probes their values by (submissionId, …) — and
    //   never from every office's requests of a year. The value's officeId is then left out: with
    //   it, the planner ANDs a range of the (officeId, id) index into every probe.
    const narrowed = !!(filter?.bidangId || filter?.year || filter?.triwulan || filter?.indicatorId) || !seesWholeOffice(actor);
    const submission: Prisma.BidangSubmissionWhereInput = {
      status: 'ACCEPTED',
      ...(filter?.bidangId ? { bidangId: filter.bidangId } : {}),
      // Bidang staff see their own Bidang only; office-wide roles and service tokens see all.
      ...(seesWholeOffice(actor) ? {} : { bidangId: { in: actor.bidangIds.filter((b) => !filter?.bidangId || b === filter.bidangId) } }),
      ...(filter?.year || filter?.triwulan
        ? { request: { officeId: actor.officeId, ...(filter?.year ? { year: filter.year } : {}), ...(filter?.triwulan ? { triwulan: filter.triwulan } : {}) } }
        : {}),
    };
    const indicator = filter?.indicatorId ? { indicatorId: filter.indicatorId } : {};
    const bySubmission: Prisma.SubmissionValueWhereInput = { ...indicator, submission: { ...submission, officeId: actor.officeId } };
    const where: Prisma.SubmissionValueWhereInput = narrowed ? bySubmission : { officeId: actor.officeId, ...indicator, submission };
    // The count reads all the matching values anyway: from the office's submissions.
    const countWhere = bySubmission;
    const afterId = after ? decodeCursor(after, false).id : null;
    const [rows, totalCount, scale] = await Promise.all([
      this.db.submissionValue.findMany({
        where: afterId ? { AND: [where, { id: { gt: afterId } }] } : where,
        orderBy: { id: 'asc' },
        take: take + 1,
        include: {
          indicator: { include: { targets: true, sasaran: true } },
          submission: { include: { bidang: true, request: { select: { id: true, letterNumber: true, year: true, triwulan: true } } } },
        },
      }),
      this.db.submissionValue.count({ where: countWhere }),
      this.scales.inForce(new Date(), actor.officeId),
    ]);
    const page = rows.slice(0, take);
    // The targets frozen into each value's request at its step 3 (one statement for the page).
    const frozenRows = page.length
      ? await this.db.dataRequestIndicator.findMany({
          where: { OR: page.map((v) => ({ requestId: v.submission.request.id, indicatorId: v.indicatorId })) },
        })
      : [];
    const frozen = new Map(frozenRows.map((f) => [`${f.requestId}:${f.indicatorId}`, f] as const));
    const edges = page.map((v) => {
      const req = v.submission.request;
      const iv = indicatorValue(v.indicator, req, v, frozen.get(`${req.id}:${v.indicatorId}`));
      const { target, targetUpper, realisasi } = iv;
      const { capaian, category } = capaianOf(scale, v.indicator.polarity, target, targetUpper, realisasi);
      return {
        cursor: encodeCursor({ id: v.id }),
        node: {
          id: v.id,
          requestId: req.id,
          letterNumber: req.letterNumber,
          year: req.year,
          triwulan: req.triwulan,
          period: periodLabel(periodOf(req.year, req.triwulan)),
          bidangId: v.submission.bidangId,
          bidangCode: v.submission.bidang.code,
          bidangName: v.submission.bidang.name,
          indicatorId: v.indicatorId,
          indicatorCode: v.indicator.code,
          indicatorName: v.indicator.name,
          adHoc: v.indicator.adHocRequestId != null,
          sasaran: iv.sasaran,
          satuan: v.indicator.satuan,
          polarity: v.indicator.polarity,
          valueKind: iv.valueKind,
          allowAbove100: iv.allowAbove100,
          target,
          targetUpper,
          targetFrozen: iv.targetFrozen,
          realisasi,
          capaian,
          categoryCode: category?.code ?? null,
          categoryLabel: category?.label ?? null,
          note: v.note,
          acceptedAt: v.submission.reviewedAt,
        },
      };
    });
    return { edges, totalCount, pageInfo: { hasNextPage: rows.length > take, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}
