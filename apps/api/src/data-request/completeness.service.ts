import { isSubmissionEditable, isSubmissionWaivable } from '@sipedaki/sop';
import type { Actor } from '../auth/actor';
import { canReadBidang } from '../common/access';
import { sqlOf, type Db } from '../db/prisma';
import type { Sql } from '../db/sql';
import type { RequestModel } from './data-request.service';
import { COMPLETENESS, COMPLETENESS_OF_MANY, type CompletenessRow } from './data-request.sql';

/** Step 4 as the secretariat follows it: which Bidang has sent its data, accepted, on time or late. */
export class CompletenessService {
  private readonly sql: Sql;

  constructor(db: Db) {
    this.sql = sqlOf(db);
  }

  /** Completeness and timeliness per Bidang (step 4). */
  async forRequest(actor: Actor, r: RequestModel, now = new Date()) {
    return this.fromRows(actor, r, await this.sql.rows(COMPLETENESS, [r.id, r.officeId]), now);
  }

  /**
   * The rows of several requests at once (a list's page, common/loaders.ts), by request id; a
   * request asked of no Bidang has none. One request keeps the board's own statement.
   */
  async rowsOf(requests: readonly Pick<RequestModel, 'id' | 'officeId'>[]): Promise<Map<string, CompletenessRow[]>> {
    const byRequest = new Map<string, CompletenessRow[]>(requests.map((r) => [r.id, []]));
    if (requests.length === 1) {
      const r = requests[0]!;
      byRequest.set(r.id, await this.sql.rows(COMPLETENESS, [r.id, r.officeId]));
      return byRequest;
    }
    for (const { requestId, ...row } of await this.sql.rows(COMPLETENESS_OF_MANY, [requests.map((r) => r.id)])) byRequest.get(requestId)?.push(row);
    return byRequest;
  }

  /** Completeness from a request's rows, as this actor may see them. */
  fromRows(actor: Actor, r: RequestModel, rows: readonly CompletenessRow[], now = new Date()) {
    const due = rows[0]?.step4DueAt ?? null;
    const perBidang = rows
      .filter((b) => canReadBidang(actor, b.id))
      .map(({ submissionId, status, submittedAt, firstSubmittedAt, waiverNote, returnCount, step4DueAt: _due, ...b }) => {
        const pending = !status || isSubmissionEditable(status) || status === 'AWAITING_HEAD';
        // A Bidang that never handed in (waived) counts as late: it missed step 4's due time for good.
        const waived = status === 'WAIVED';
        return {
          bidang: b,
          submissionId,
          status,
          submittedAt,
          firstSubmittedAt,
          late: waived || !!(firstSubmittedAt && due && firstSubmittedAt > due),
          overdue: !!(due && pending && !firstSubmittedAt && due < now && r.status === 'COLLECTING'),
          returnCount,
          waived,
          waiverNote: waived ? waiverNote : null,
          // May be named in a waiver (closeCollection): packages/sop's rule, so the SPA need not restate it.
          waivable: r.status === 'COLLECTING' && !!status && isSubmissionWaivable(status),
        };
      });
    const count = (st: string) => perBidang.filter((p) => p.status === st).length;
    // Timeliness: every Bidang that handed in, and every one that never did (waived, late).
    const firstSubmitted = perBidang.filter((p) => p.firstSubmittedAt || p.waived);
    const accepted = count('ACCEPTED');
    return {
      bidangTotal: perBidang.length,
      draft: count('DRAFT'),
      awaitingHead: count('AWAITING_HEAD'),
      submitted: count('SUBMITTED'),
      returned: count('RETURNED'),
      accepted,
      waived: count('WAIVED'),
      onTime: firstSubmitted.filter((p) => !p.late).length,
      late: firstSubmitted.filter((p) => p.late).length,
      percentAccepted: perBidang.length ? Math.round((accepted / perBidang.length) * 10000) / 100 : 0,
      perBidang,
    };
  }
}
