import { compareVersions, type VersionDocument, type VersionSnapshot, type VersionValue } from '@sipedaki/sop';
import { fail } from '../common/errors';
import { toNumber } from '../common/format';
import type { Db, Tx } from '../db/prisma';
import type { SubmissionVersion } from '../generated/prisma/client';

const USER_SELECT = { id: true, username: true, nip: true, name: true, jabatan: true, roles: true, bidangId: true, active: true } as const;

/**
 * The submitted versions of a Bidang's submission (issue 11). A version is written in the
 * transaction that makes the submission SUBMITTED (SubmissionService.act) and never changes
 * (a trigger refuses UPDATE). Reads are checked by the caller (SubmissionService).
 */
export class VersionService {
  constructor(private readonly db: Db) {}

  /** The submission's content now, as a version keeps it: every requested indicator, current documents. */
  async snapshot(tx: Tx, submissionId: string): Promise<VersionSnapshot> {
    const s = await tx.bidangSubmission.findUniqueOrThrow({ where: { id: submissionId }, select: { requestId: true, bidangId: true, narrative: true } });
    const [requested, values, documents] = await Promise.all([
      tx.dataRequestIndicator.findMany({
        where: { requestId: s.requestId, indicator: { bidangId: s.bidangId } },
        select: { indicator: { select: { id: true, code: true, name: true } } },
        orderBy: { indicator: { code: 'asc' } },
      }),
      tx.submissionValue.findMany({ where: { submissionId } }),
      tx.storedDocument.findMany({
        where: { submissionId, supersededById: null, withdrawnAt: null },
        select: { id: true, kind: true, filename: true, sha256: true, size: true },
        orderBy: { createdAt: 'asc' },
      }),
    ]);
    return {
      narrative: s.narrative,
      values: requested.map(({ indicator: i }): VersionValue => {
        const v = values.find((x) => x.indicatorId === i.id);
        return { indicatorId: i.id, code: i.code, name: i.name, realisasi: toNumber(v?.realisasi), note: v?.note ?? null };
      }),
      documents: documents as VersionDocument[],
    };
  }

  /** Writes the next version (1, 2, …) from the submission's present content. */
  async record(tx: Tx, submissionId: string, rowVersion: number, submittedById: string, headApprovedById: string | null, now: Date) {
    const snap = await this.snapshot(tx, submissionId);
    const last = await tx.submissionVersion.findFirst({ where: { submissionId }, orderBy: { number: 'desc' }, select: { number: true } });
    return tx.submissionVersion.create({
      data: {
        submissionId,
        number: (last?.number ?? 0) + 1,
        rowVersion,
        narrative: snap.narrative,
        values: snap.values as object[],
        documents: snap.documents as object[],
        submittedById,
        headApprovedById,
        createdAt: now,
      },
    });
  }

  /** Is this document part of a submitted version (then it is a record and is never deleted)? */
  async isInAVersion(tx: Tx, submissionId: string, documentId: string): Promise<boolean> {
    const rows = await tx.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "SubmissionVersion"
       WHERE "submissionId" = ${submissionId}::uuid AND documents @> jsonb_build_array(jsonb_build_object('id', ${documentId}::text))`;
    return (rows[0]?.n ?? 0) > 0;
  }

  /** Every version, oldest first, with who handed it in and who signed it off. */
  async list(submissionId: string) {
    const rows = await this.db.submissionVersion.findMany({ where: { submissionId }, orderBy: { number: 'asc' } });
    const people = await this.people(rows);
    return rows.map((r) => this.view(r, people));
  }

  /**
   * What changed from version `from` to version `to` (default: the latest against the one before
   * it, i.e. since the version the reviewer returned).
   */
  async compare(submissionId: string, from?: number | null, to?: number | null) {
    const rows = await this.db.submissionVersion.findMany({ where: { submissionId }, orderBy: { number: 'asc' } });
    const latest = rows.at(-1)?.number ?? 0;
    const toNo = to ?? latest;
    const fromNo = from ?? toNo - 1;
    const a = rows.find((r) => r.number === fromNo);
    const b = rows.find((r) => r.number === toNo);
    if (!a || !b) {
      fail('NOT_FOUND', {
        id: rows.length < 2 ? 'Kiriman ini belum memiliki dua versi untuk dibandingkan.' : `Versi ${!a ? fromNo : toNo} tidak ada (ada versi 1–${latest}).`,
        en: rows.length < 2 ? 'This submission has no two versions to compare yet.' : `Version ${!a ? fromNo : toNo} does not exist (versions 1–${latest}).`,
      });
    }
    const people = await this.people([a, b]);
    const diff = compareVersions(snapshotOf(a), snapshotOf(b));
    return {
      from: this.view(a, people),
      to: this.view(b, people),
      values: diff.values,
      documents: diff.documents.map((d) => ({ ...d, before: d.before && docView(d.before), after: d.after && docView(d.after) })),
      narrativeChanged: diff.narrative !== null,
      narrativeBefore: diff.narrative?.before ?? null,
      narrativeAfter: diff.narrative?.after ?? null,
    };
  }

  private async people(rows: SubmissionVersion[]) {
    const ids = [...new Set(rows.flatMap((r) => [r.submittedById, r.headApprovedById]).filter((x): x is string => !!x))];
    const users = await this.db.user.findMany({ where: { id: { in: ids } }, select: USER_SELECT });
    return new Map(users.map((u) => [u.id, u]));
  }

  private view(r: SubmissionVersion, people: Map<string, unknown>) {
    const snap = snapshotOf(r);
    return {
      number: r.number,
      createdAt: r.createdAt,
      submittedBy: people.get(r.submittedById) ?? null,
      headApprovedBy: r.headApprovedById ? people.get(r.headApprovedById) ?? null : null,
      narrative: snap.narrative,
      values: snap.values,
      documents: snap.documents.map(docView),
    };
  }
}

function snapshotOf(r: SubmissionVersion): VersionSnapshot {
  return { narrative: r.narrative, values: r.values as unknown as VersionValue[], documents: r.documents as unknown as VersionDocument[] };
}

function docView(d: VersionDocument) {
  return { ...d, downloadUrl: `/api/documents/${d.id}` };
}
