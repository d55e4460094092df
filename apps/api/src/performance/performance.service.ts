import { periodLabel, periodOf } from '@sipedaki/sop';
import { capaianOf } from '../analysis/compute';
import type { ScaleService } from '../analysis/scale.service';
import type { Actor } from '../auth/actor';
import { seesWholeOffice } from '../common/access';
import { decodeCursor, encodeCursor } from '../common/cursor';
import type { Db } from '../db/prisma';
import { sqlOf } from '../db/prisma';
import type { Sql } from '../db/sql';
import { valueOfRow } from '../submission/submission.sql';
import { MAX_PAGE_SIZE } from '../data-request/data-request.input';
import type { PerformanceFilter } from './performance.model';
import { BEFORE_ANY_VALUE, PERFORMANCE_COUNT, PERFORMANCE_PAGE_NARROWED, PERFORMANCE_PAGE_VALUES, PERFORMANCE_PAGE_WALK } from './performance.sql';

/**
 * Accepted indicator values of an office with target, capaian and category: what other systems
 * read (READ_PERFORMANCE). Keyset pagination on the value id: a stable order, so a client can
 * page through without skipping or repeating rows while the set grows.
 *
 * Hand-written SQL (performance.sql.ts): on 10 million values Prisma's engine spent over 100 ms
 * of CPU per page where the SQL took a few (issue 15). totalCount is counted only when the
 * client selects it (`count`, called by the field resolver): it reads every matching value.
 */
export class PerformanceService {
  private readonly sql: Sql;

  constructor(
    db: Db,
    private readonly scales: ScaleService,
  ) {
    this.sql = sqlOf(db);
  }

  async list(actor: Actor, filter: PerformanceFilter | null | undefined, first: number, after?: string | null) {
    const take = Math.min(Math.max(first, 1), MAX_PAGE_SIZE);
    const cursor = after ? decodeCursor(after, false).id : BEFORE_ANY_VALUE;
    // Bidang staff see their own Bidang only; office-wide roles and service tokens see all.
    const own = seesWholeOffice(actor) ? null : actor.bidangIds;
    const filters = [filter?.bidangId ?? null, own, filter?.year ?? null, filter?.triwulan ?? null, filter?.indicatorId ?? null] as const;
    // Two plans (measured on 10 million values, docs/scaling.md): with no filter the office's
    // values are walked in cursor order; with any filter, from the office's accepted submissions.
    const narrowed = filters.some((f) => f !== null);
    const [ids, scale] = await Promise.all([
      narrowed
        ? this.sql.rows(PERFORMANCE_PAGE_NARROWED, [actor.officeId, cursor, take + 1, ...filters])
        : this.sql.rows(PERFORMANCE_PAGE_WALK, [actor.officeId, cursor, take + 1]),
      this.scales.inForce(new Date(), actor.officeId),
    ]);
    const page = ids.length ? await this.sql.rows(PERFORMANCE_PAGE_VALUES, [ids.slice(0, take).map((r) => r.id)]) : [];
    const edges = page.map((r) => {
      const iv = valueOfRow(r);
      const { target, targetUpper, realisasi } = iv;
      const { capaian, category } = capaianOf(scale, iv.polarity, target, targetUpper, realisasi);
      return {
        cursor: encodeCursor({ id: r.valueId }),
        node: {
          id: r.valueId,
          requestId: r.requestId,
          letterNumber: r.letterNumber,
          year: r.year,
          triwulan: r.triwulan,
          period: periodLabel(periodOf(r.year, r.triwulan)),
          bidangId: r.bidangId,
          bidangCode: r.bidangCode,
          bidangName: r.bidangName,
          indicatorId: iv.id,
          indicatorCode: iv.code,
          indicatorName: iv.name,
          adHoc: r.adHocRequestId != null,
          sasaran: iv.sasaran,
          satuan: iv.satuan,
          polarity: iv.polarity,
          valueKind: iv.valueKind,
          allowAbove100: iv.allowAbove100,
          target,
          targetUpper,
          targetFrozen: iv.targetFrozen,
          realisasi,
          capaian,
          categoryCode: category?.code ?? null,
          categoryLabel: category?.label ?? null,
          note: iv.note,
          acceptedAt: r.acceptedAt,
        },
      };
    });
    const count = async () => (await this.sql.one(PERFORMANCE_COUNT, [actor.officeId, ...filters]))?.total ?? 0;
    return { edges, count, pageInfo: { hasNextPage: ids.length > take, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}
