import {
  checkIndicatorValue,
  checkSubmissionTransition,
  isSubmissionEditable,
  REQUIRED_DOCUMENT_KINDS,
  SUBMISSION_STATUS_LABELS,
  type DocumentKind,
  type SubmissionAction,
  type SubmissionStatus,
} from '@sipedaki/sop';
import type { Actor } from '../auth/actor';
import { audit } from '../audit/audit.service';
import { assertBidangWriter, assertSameOffice, canReadBidang, seesWholeOffice } from '../common/access';
import { fail, fieldProblem, type FieldProblem } from '../common/errors';
import { findOr404 } from '../common/found';
import { groupBy } from '../common/group-by';
import { isUuid, toNumber } from '../common/format';
import { HEAD_RETURN_NOTE, NOT_REQUESTED, RETURN_REASON } from './submission.input';
import { VersionService } from './version.service';
import { sqlOf, type Db, type Tx } from '../db/prisma';
import type { Sql } from '../db/sql';
import { indicatorValueView, type IndicatorValueView } from '../analysis/indicator-value';
import type { ScaleService } from '../analysis/scale.service';
import type { EventSink } from '../notification/events';
import type { SaveSubmissionInput } from './submission.input';
import { extend } from '../common/objects';
import {
  DOCUMENTS_OF_SUBMISSIONS,
  REVIEWS_OF_SUBMISSIONS,
  SUBMISSION_BY_ID,
  SUBMISSIONS_OF_REQUEST,
  LEAN_VALUE_FIELDS,
  LEAN_VALUES_OF_SUBMISSIONS,
  leanValueView,
  VALUES_OF_SUBMISSIONS,
  valueOfRow,
  type SubmissionRow,
} from './submission.sql';

/** Actions a Bidang takes on its own submission: only its operator or head. */
const BIDANG_ACTIONS: SubmissionAction[] = ['SUBMIT', 'HEAD_APPROVE', 'HEAD_RETURN'];

const CHECK_ERRORS = {
  UNKNOWN_ACTION: 'BAD_REQUEST',
  WRONG_STATE: 'WRONG_STEP',
  ROLE_NOT_ALLOWED: 'FORBIDDEN',
  REASON_REQUIRED: 'VALIDATION_FAILED',
} as const;

/** The indicators a Bidang must report on for a request: requested ones that belong to it. */
async function requestedIndicators(db: Db | Tx, requestId: string, bidangId: string) {
  const rows = await db.dataRequestIndicator.findMany({
    where: { requestId, indicator: { bidangId } },
    include: { indicator: { include: { targets: true } } },
    orderBy: { indicator: { code: 'asc' } },
  });
  return rows.map((r) => r.indicator);
}

/**
 * The submission's row lock, taken first by every transaction that depends on what the
 * submission holds: submitting (which checks the required documents) and adding or removing an
 * attachment (DocumentService). They run one after the other, so a submission never ends
 * SUBMITTED without a document it requires (issue 9, item 9). A missing row locks nothing and
 * the caller's own read reports NOT_FOUND.
 */
export async function lockSubmission(tx: Tx, id: string): Promise<void> {
  if (!isUuid(id)) fail('NOT_FOUND');
  await tx.$queryRaw`SELECT id FROM "BidangSubmission" WHERE id = ${id}::uuid FOR UPDATE`;
}

export class SubmissionService {
  private readonly sql: Sql;
  readonly versions: VersionService;

  constructor(
    private readonly db: Db,
    private readonly scales: ScaleService,
    private readonly events?: EventSink,
  ) {
    this.sql = sqlOf(db);
    this.versions = new VersionService(db);
  }

  private load(db: Db | Tx, id: string) {
    return findOr404(db.bidangSubmission.findUnique({ where: { id }, include: { request: true } }));
  }

  /** Read access: the office-wide roles, or the Bidang's own operator/head. */
  async get(actor: Actor, id: string) {
    const s = await this.load(this.db, id);
    assertSameOffice(actor, s.request.officeId);
    if (!canReadBidang(actor, s.bidangId)) fail('FORBIDDEN', { id: 'Anda hanya dapat melihat data Bidang Anda sendiri.', en: 'You can only see your own Bidang’s data.' });
    return this.view(s.id);
  }

  /**
   * The office setting of the Kepala Bidang's sign-off. Submissions already waiting for him stay
   * with him (he approves or returns them); the setting decides the next SUBMIT.
   */
  async setHeadApprovalRequired(actor: Actor, required: boolean) {
    return this.db.$transaction(async (tx) => {
      const before = await tx.office.findUniqueOrThrow({ where: { id: actor.officeId } });
      const after = await tx.office.update({ where: { id: actor.officeId }, data: { requireHeadApproval: required } });
      await audit(tx, actor, { action: 'office.head_approval', entityType: 'Office', entityId: actor.officeId, before: { requireHeadApproval: before.requireHeadApproval }, after: { requireHeadApproval: required } });
      return after;
    });
  }

  /** The submitted versions, oldest first (same read access as the submission). */
  async listVersions(actor: Actor, id: string) {
    await this.get(actor, id);
    return this.versions.list(id);
  }

  /** What changed between two submitted versions (default: the latest against the one before). */
  async compareVersions(actor: Actor, id: string, from?: number | null, to?: number | null) {
    await this.get(actor, id);
    return this.versions.compare(id, from, to);
  }

  /** The request's submissions the actor may see; `parts` leaves out what the caller will not read. */
  async listForRequest(actor: Actor, requestId: string, parts: SubmissionParts = ALL_PARTS) {
    const bidangIds = seesWholeOffice(actor) ? null : actor.bidangIds;
    return this.views(await this.sql.rows(SUBMISSIONS_OF_REQUEST, [requestId, actor.officeId, bidangIds]), parts);
  }

  /** Save a draft: values and narrative of the actor's own Bidang, while it is editable. */
  async save(actor: Actor, input: SaveSubmissionInput) {
    await this.db.$transaction(async (tx) => {
      const s = await this.load(tx, input.submissionId);
      assertSameOffice(actor, s.request.officeId);
      assertBidangWriter(actor, s.bidangId);
      this.assertCollecting(s.request.status);
      const check = checkSubmissionTransition(s.status, 'SAVE_DRAFT', actor.roles);
      if (!check.ok) {
        if (check.reason === 'WRONG_STATE') fail('NOT_EDITABLE');
        fail(CHECK_ERRORS[check.reason]);
      }
      const requested = new Map((await requestedIndicators(tx, s.requestId, s.bidangId)).map((i) => [i.id, i] as const));
      const unknown = input.values.filter((v) => !requested.has(v.indicatorId));
      if (unknown.length) {
        fail('VALIDATION_FAILED', { id: 'Sebagian indikator tidak termasuk dalam permintaan untuk Bidang ini.', en: 'Some indicators are not part of this request for this Bidang.' }, {
          fields: unknown.map((v) => fieldProblem(`values.${v.indicatorId}`, NOT_REQUESTED)),
        });
      }
      // Impossible values (−3 temuan, 120 % of desa, 2,5 orang) refuse the whole save, each named.
      const impossible = input.values.flatMap((v) => {
        const indicator = requested.get(v.indicatorId);
        const refusal = indicator ? checkIndicatorValue(indicator, v.realisasi) : null;
        return refusal ? [fieldProblem(`values.${v.indicatorId}`, refusal.message)] : [];
      });
      const [first] = impossible;
      if (first) {
        fail('VALIDATION_FAILED', impossible.length === 1 ? { id: first.message, en: first.messageEn } : {
          id: `${impossible.length} nilai tidak mungkin; tidak ada yang disimpan.`,
          en: `${impossible.length} values are impossible; nothing was saved.`,
        }, { fields: impossible });
      }
      await this.bumpVersion(tx, s.id, input.expectedVersion, {
        ...(input.narrative !== undefined ? { narrative: input.narrative?.trim() || null } : {}),
      });
      const before = await tx.submissionValue.findMany({ where: { submissionId: s.id } });
      for (const v of input.values) {
        await tx.submissionValue.upsert({
          where: { submissionId_indicatorId: { submissionId: s.id, indicatorId: v.indicatorId } },
          create: { submissionId: s.id, indicatorId: v.indicatorId, realisasi: v.realisasi ?? null, note: v.note?.trim() || null },
          update: { realisasi: v.realisasi ?? null, note: v.note?.trim() || null },
        });
      }
      await audit(tx, actor, {
        action: 'submission.saved',
        entityType: 'BidangSubmission',
        entityId: s.id,
        before: { version: input.expectedVersion, narrative: s.narrative, values: before.map((b) => ({ indicatorId: b.indicatorId, realisasi: b.realisasi, note: b.note })) },
        after: { version: input.expectedVersion + 1, narrative: input.narrative, values: input.values },
      });
    });
    return this.view(input.submissionId);
  }

  /**
   * Submit (Bidang), the Kepala Bidang's sign-off (approve, or return to the operator with a
   * note), return with a reason or accept (Kasubbag / Penyusun). One transaction: the row lock,
   * the compare-and-set on the version, the review row, the version snapshot when the submission
   * reaches the secretariat, the audit record and the notification jobs.
   */
  async act(actor: Actor, action: Exclude<SubmissionAction, 'SAVE_DRAFT'>, submissionId: string, expectedVersion: number, reason?: string, now = new Date()) {
    await this.db.$transaction(async (tx) => {
      await lockSubmission(tx, submissionId);
      const s = await this.load(tx, submissionId);
      assertSameOffice(actor, s.request.officeId);
      if (BIDANG_ACTIONS.includes(action)) assertBidangWriter(actor, s.bidangId);
      this.assertCollecting(s.request.status);
      const office = await tx.office.findUniqueOrThrow({ where: { id: s.request.officeId }, select: { requireHeadApproval: true } });
      const check = checkSubmissionTransition(s.status, action, actor.roles, { reason, requireHeadApproval: office.requireHeadApproval });
      if (!check.ok) {
        if (check.reason === 'WRONG_STATE') {
          fail('WRONG_STEP', {
            id: `Kiriman berstatus "${SUBMISSION_STATUS_LABELS[s.status].id}"; tindakan ini tidak dapat dilakukan.`,
            en: `The submission is "${SUBMISSION_STATUS_LABELS[s.status].en}"; this action cannot be taken.`,
          });
        }
        // Reached only from a caller that skipped the input's validation (the API validates the
        // reason's length after trimming): the same answer as that validation.
        if (check.reason === 'REASON_REQUIRED') fail('VALIDATION_FAILED', undefined, { fields: [fieldProblem('reason', action === 'HEAD_RETURN' ? HEAD_RETURN_NOTE : RETURN_REASON)] });
        fail(CHECK_ERRORS[check.reason]);
      }
      const to = (check as { ok: true; to: SubmissionStatus }).to;
      if (action === 'SUBMIT') await this.assertComplete(tx, s);
      // The Kepala Bidang signs by approving, or by submitting himself.
      const signedByHead = to === 'SUBMITTED' && (action === 'HEAD_APPROVE' || (action === 'SUBMIT' && actor.roles.includes('BIDANG_HEAD')));
      const note = reason?.trim() || null;
      await this.bumpVersion(tx, s.id, expectedVersion, {
        status: to,
        ...(to === 'SUBMITTED'
          ? {
              submittedAt: now,
              submittedById: actor.userId,
              // Timeliness counts the first hand-in to the secretariat, not the one to the Kepala Bidang.
              firstSubmittedAt: s.firstSubmittedAt ?? now,
              headApprovedAt: signedByHead ? now : null,
              headApprovedById: signedByHead ? actor.userId : null,
            }
          : {}),
        ...(action === 'RETURN' || action === 'ACCEPT'
          ? { reviewedAt: now, reviewedById: actor.userId, returnReason: action === 'RETURN' ? (reason ?? '').trim() : s.returnReason }
          : {}),
      });
      await tx.submissionReview.create({
        data: { submissionId: s.id, action, fromStatus: s.status, toStatus: to, reason: note, actorId: actor.userId, version: expectedVersion + 1 },
      });
      const version = to === 'SUBMITTED'
        ? await this.versions.record(tx, s.id, expectedVersion + 1, actor.userId, signedByHead ? actor.userId : null, now)
        : null;
      await audit(tx, actor, {
        action: `submission.${action.toLowerCase()}`,
        entityType: 'BidangSubmission',
        entityId: s.id,
        before: { status: s.status, version: expectedVersion, returnReason: s.returnReason },
        after: {
          status: to,
          version: expectedVersion + 1,
          reason: note,
          ...(version ? { submittedVersion: version.number } : {}),
          ...(signedByHead ? { headApprovedBy: actor.userId } : {}),
          ...(action === 'RETURN' ? { returnReason: note } : {}),
        },
      });
      await this.events?.emit(tx, { kind: 'submission.moved', submissionId: s.id, requestId: s.requestId, officeId: s.request.officeId, bidangId: s.bidangId, action, to, version: expectedVersion + 1, reason, at: now, actorId: actor.userId });
    });
    this.events?.afterCommit();
    return this.view(submissionId);
  }

  private assertCollecting(status: string) {
    if (status !== 'COLLECTING') fail('WRONG_STEP', { id: 'Pengumpulan data untuk permintaan ini tidak sedang berlangsung (langkah 4).', en: 'Data collection for this request is not under way (step 4).' });
  }

  /**
   * Compare-and-set on the version the client last saw: of two simultaneous edits, the second
   * one waits for the first's row lock, then matches no row and gets CONFLICT — no lost update.
   */
  private async bumpVersion(tx: Tx, id: string, expected: number, data: Record<string, unknown>) {
    const res = await tx.bidangSubmission.updateMany({ where: { id, version: expected }, data: extend(data, { version: { increment: 1 } }) });
    if (res.count !== 1) fail('CONFLICT');
  }

  /** Every requested indicator has a value or an explanation; every requested document is attached. */
  private async assertComplete(tx: Tx, s: { id: string; requestId: string; bidangId: string; request: { requestedDocuments: DocumentKind[] } }) {
    const indicators = await requestedIndicators(tx, s.requestId, s.bidangId);
    const values = await tx.submissionValue.findMany({ where: { submissionId: s.id } });
    const docs = await tx.storedDocument.findMany({ where: { submissionId: s.id, ...CURRENT_DOCUMENT }, select: { kind: true } });
    const fields: FieldProblem[] = [];
    for (const i of indicators) {
      const v = values.find((x) => x.indicatorId === i.id);
      if (!v || (v.realisasi === null && !v.note)) {
        fields.push(fieldProblem(`values.${i.id}`, { id: `Realisasi ${i.code} belum diisi (atau beri keterangan)`, en: `Realisasi of ${i.code} is missing (or give a note)` }));
      }
    }
    const have = new Set(docs.map((d) => d.kind));
    for (const kind of s.request.requestedDocuments.filter((k) => REQUIRED_DOCUMENT_KINDS.includes(k))) {
      if (!have.has(kind)) fields.push(fieldProblem(`documents.${kind}`, { id: `Dokumen ${kind.replace('_', ' ')} belum dilampirkan`, en: `The ${kind.replace('_', ' ')} document is not attached` }));
    }
    if (fields.length) fail('VALIDATION_FAILED', { id: 'Data belum lengkap untuk dikirim.', en: 'The data is not complete enough to submit.' }, { fields });
  }

  /** The submission as the API shows it: values with target, capaian and category. */
  async view(id: string) {
    const [one] = await this.fullViews(await this.sql.rows(SUBMISSION_BY_ID, [id]));
    if (!one) fail('NOT_FOUND');
    return one;
  }

  /**
   * Many submissions in a fixed number of statements, whatever their number (the Kasubbag's board
   * shows every Bidang of a request at once): values, documents and reviews of all of them at
   * once, and the scale. Hand-written SQL (submission.sql.ts): this is the board's hot path.
   */
  /** Every part of each submission, values with all their fields. */
  private async fullViews(subs: SubmissionRow[]) {
    type View = Awaited<ReturnType<SubmissionService['views']>>[number];
    // With ALL_PARTS every value is an indicatorValueView (views' 'full' branch).
    return (await this.views(subs, ALL_PARTS)) as (Omit<View, 'values'> & { values: IndicatorValueView[] })[];
  }

  private async views(subs: SubmissionRow[], parts: SubmissionParts) {
    if (subs.length === 0) return [];
    const ids = subs.map((s) => s.id);
    const none = Promise.resolve([]);
    const [values, leanValues, documents, reviews, scale] = await Promise.all([
      parts.values === 'full' ? this.sql.rows(VALUES_OF_SUBMISSIONS, [ids]) : none,
      parts.values === 'lean' ? this.sql.rows(LEAN_VALUES_OF_SUBMISSIONS, [ids]) : none,
      parts.documents ? this.sql.rows(DOCUMENTS_OF_SUBMISSIONS, [ids]) : none,
      parts.reviews ? this.sql.rows(REVIEWS_OF_SUBMISSIONS, [ids]) : none,
      this.scales.inForce(new Date(), subs[0]!.officeId),
    ]);
    const bySubmission = <T extends { submissionId: string }>(rows: T[]) => {
      const groups = groupBy(rows, (r) => r.submissionId);
      return (id: string): T[] => groups.get(id) ?? [];
    };
    const valuesOf = bySubmission(values);
    const leanValuesOf = bySubmission(leanValues);
    const documentsOf = bySubmission(documents);
    const reviewsOf = bySubmission(reviews);
    return subs.map(({ year: _year, triwulan: _triwulan, requestStatus, requestedDocuments, bidangCode, bidangName, bidangSortOrder, bidangActive, ...s }) => {
      const docs = documentsOf(s.id);
      const have = new Set(docs.map((d) => d.kind));
      // extend, not a spread literal: common/objects.ts (s is already this submission's own copy).
      return extend(s, {
        bidang: { id: s.bidangId, code: bidangCode, name: bidangName, sortOrder: bidangSortOrder, active: bidangActive },
        statusLabel: SUBMISSION_STATUS_LABELS[s.status].id,
        statusLabelEn: SUBMISSION_STATUS_LABELS[s.status].en,
        editable: isSubmissionEditable(s.status) && requestStatus === 'COLLECTING',
        missingDocuments: requestedDocuments.filter((k) => REQUIRED_DOCUMENT_KINDS.includes(k) && !have.has(k)),
        // A lean value has only the fields a query without the others reads (SubmissionParts).
        values: parts.values === 'lean' ? leanValuesOf(s.id).map((v) => leanValueView(v, scale)) : valuesOf(s.id).map((v) => indicatorValueView(valueOfRow(v), scale)),
        documents: docs.map(documentView),
        reviews: reviewsOf(s.id),
        headNote: headNoteOf(s.status, reviewsOf(s.id)),
      });
    });
  }
}

/** The Kepala Bidang's note while his return is the last word on a draft. */
function headNoteOf(status: SubmissionStatus, reviews: { action: string; reason: string | null }[]): string | null {
  const last = reviews.at(-1);
  return status === 'DRAFT' && last?.action === 'HEAD_RETURN' ? last.reason : null;
}

/** A submission's attachments as they stand now: neither replaced by a later upload nor withdrawn. */
export const CURRENT_DOCUMENT = { supersededById: null, withdrawnAt: null } as const;

export function documentView<T extends { id: string }>(d: T) {
  return extend(d, { downloadUrl: `/api/documents/${d.id}` });
}

/**
 * What of a submission a caller will read: the board's query reads values' capaian but not their
 * names, and neither reviews nor documents (graphql/selection.ts tells; submissionPartsOf). Left
 * out, a part is an empty list. Every caller but the GraphQL list takes ALL_PARTS.
 */
export interface SubmissionParts {
  values: 'full' | 'lean' | 'none';
  documents: boolean;
  reviews: boolean;
}
export const ALL_PARTS: SubmissionParts = { values: 'full', documents: true, reviews: true };

/** The parts a selection of BidangSubmission fields reads (`fields`: below the submission; `valueFields`: below its values). */
export function submissionPartsOf(fields: ReadonlySet<string>, valueFields: ReadonlySet<string>): SubmissionParts {
  return {
    values: !fields.has('values') ? 'none' : [...valueFields].every((f) => LEAN_VALUE_FIELDS.has(f)) ? 'lean' : 'full',
    documents: fields.has('documents') || fields.has('missingDocuments'),
    reviews: fields.has('reviews') || fields.has('headNote'),
  };
}
