/**
 * The submission feature's hand-written statements (see db/sql.ts for why and how they are
 * checked): the Kasubbag's board shows every Bidang's submission with every value, document and
 * review, in a fixed number of statements.
 */
import { statement } from '../db/sql';
import { indicatorValue, type IndicatorValue } from '../analysis/indicator-value';
import { capaianOf } from '../analysis/compute';
import { periodOf, requestTarget, type CategoryScale } from '@sipedaki/sop';
import type { Bidang, BidangSubmission, DataRequest, Indicator, StoredDocument, SubmissionReview } from '../generated/prisma/client';
import { userJson, type UserJson } from '../office/office.sql';

/** The whole submission row with its Bidang and what the view needs of its request. */
export type SubmissionRow = BidangSubmission & {
  bidangCode: Bidang['code'];
  bidangName: Bidang['name'];
  bidangSortOrder: Bidang['sortOrder'];
  bidangActive: Bidang['active'];
  requestStatus: DataRequest['status'];
} & Pick<DataRequest, 'year' | 'triwulan' | 'requestedDocuments'>;

const SUBMISSION_COLUMNS = {
  id: 'uuid', officeId: 'uuid', requestId: 'uuid', bidangId: 'uuid', status: 'SubmissionStatus', version: 'int4', narrative: 'text?',
  firstSubmittedAt: 'timestamptz?', submittedAt: 'timestamptz?', submittedById: 'uuid?', reviewedAt: 'timestamptz?',
  reviewedById: 'uuid?', returnReason: 'text?', headApprovedAt: 'timestamptz?', headApprovedById: 'uuid?', createdAt: 'timestamptz', updatedAt: 'timestamptz',
  waivedAt: 'timestamptz?', waivedById: 'uuid?', waiverNote: 'text?',
  bidangCode: 'text', bidangName: 'text', bidangSortOrder: 'int4', bidangActive: 'bool',
  year: 'int4', triwulan: 'int4?', requestStatus: 'RequestStatus', requestedDocuments: 'DocumentKind[]',
} as const;

const SUBMISSION_SELECT = `s.id, s."officeId", s."requestId", s."bidangId", s.status, s.version, s.narrative, s."firstSubmittedAt",
  s."submittedAt", s."submittedById", s."reviewedAt", s."reviewedById", s."returnReason", s."headApprovedAt", s."headApprovedById", s."createdAt", s."updatedAt",
  s."waivedAt", s."waivedById", s."waiverNote",
  b.code AS "bidangCode", b.name AS "bidangName", b."sortOrder" AS "bidangSortOrder", b.active AS "bidangActive",
  r.year, r.triwulan, r.status AS "requestStatus", r."requestedDocuments"::text[] AS "requestedDocuments"
  FROM "BidangSubmission" s JOIN "Bidang" b ON b.id = s."bidangId" JOIN "DataRequest" r ON r.id = s."requestId"`;

export const SUBMISSION_BY_ID = statement<SubmissionRow>()({
  name: 'submission.by-id',
  whole: 'BidangSubmission',
  params: ['uuid'],
  columns: SUBMISSION_COLUMNS,
  text: `SELECT ${SUBMISSION_SELECT} WHERE s.id = $1::uuid`,
});

/** $3: the Bidang a Bidang user may see, or null for the office-wide roles. */
export const SUBMISSIONS_OF_REQUEST = statement<SubmissionRow>()({
  name: 'submission.of-request',
  whole: 'BidangSubmission',
  params: ['uuid', 'uuid', 'uuid[]?'],
  columns: SUBMISSION_COLUMNS,
  text: `SELECT ${SUBMISSION_SELECT}
    WHERE s."requestId" = $1::uuid AND r."officeId" = $2::uuid AND ($3::uuid[] IS NULL OR s."bidangId" = ANY($3::uuid[]))
    ORDER BY b."sortOrder", b.name`,
});

/**
 * One requested indicator of a submission's Bidang with what its target is chosen from (the
 * frozen target of the request, the master targets of the request's year, the target mode) and
 * the value, if any. The choice itself is packages/sop requestTarget (valueOfRow): the SQL does
 * not restate it. The master targets are left out (`[]`) once the target is frozen, because
 * requestTarget then never reads them: on the board (every request from step 3 on) they were
 * thousands of JSON objects built, sent and parsed per load for nothing.
 */
export type ValueRow = Pick<Indicator, 'id' | 'code' | 'name' | 'satuan' | 'polarity' | 'targetMode' | 'valueKind' | 'allowAbove100' | 'adHocRequestId'> &
  Pick<DataRequest, 'year' | 'triwulan'> & {
    submissionId: string;
    sasaranName: string | null;
    frozenTarget: number | null;
    frozenTargetUpper: number | null;
    /**
     * As PostgreSQL's text: only whether it is set is read (requestTarget), and parsing it into a
     * Date for every value of the board was a measurable part of a load.
     */
    targetFrozenAt: string | null;
    targets: { year: number; triwulan: number; target: number; targetUpper: number | null }[];
    realisasi: number | null;
    note: string | null;
  };

/**
 * Each submission of `$1` with the indicators its request asks of its Bidang, and the value if
 * any: the relation `i` with the submission (submissionId, requestId), its request's year and
 * Triwulan, the named columns of the Indicator and of the SubmissionValue, and the asked row's
 * frozen target (target, targetUpper, targetFrozenAt).
 *
 * Why this shape (issue 15, bench/scale.mjs). The asked indicators (DataRequestIndicator) carry no
 * Bidang. A plain join reached them by request: every submission × every indicator of the request
 * (10 × 500 on the board), then kept its own Bidang's. Session 6 probed the asked row and the value
 * row by key for each of a submission's ~50 indicators instead: 1,000 descents of
 * 10-million-row indexes per board, 5,754 buffer hits on the big bench database against 148 on a
 * small one — most of the board's growth. Now three kinds of short range are read, each once: the
 * submission's Bidang's indicators (index bidangId) with its own values (unique key prefix
 * submissionId), joined per submission; then the asked rows of the requests (primary key prefix
 * requestId, 500 rows read once, not once per submission), joined to all of them: 220 hits on
 * either database, and half the statement's CPU (1.6 ms against 2.1–3.6 ms per board).
 *
 * The fences keep that shape whatever the statistics say. Each range is its own subquery with
 * OFFSET 0, so PostgreSQL cannot turn a join back into per-row probes; both joins are FULL JOINs,
 * which PostgreSQL runs only by hash or merge — as a LEFT JOIN it estimated one row from the
 * cross-table statistics and re-read the submission's values for each indicator. The rows a FULL
 * JOIN adds (a value of an indicator not in the Bidang, an asked indicator of another Bidang) are
 * dropped by the outer WHERE, behind one more fence, where PostgreSQL cannot use that filter to
 * make the joins inner or left joins again.
 */
function requestedValues(indicatorColumns: readonly string[], valueColumns: readonly string[]): string {
  const of = (alias: string, cols: readonly string[]) => cols.map((c) => `${alias}."${c}"`).join(', ');
  return `(SELECT * FROM (
       SELECT x.*, di."indicatorId" AS "askedId", di.target, di."targetUpper", di."targetFrozenAt"
         FROM (SELECT s.id AS "submissionId", s."requestId", r.year, r.triwulan, iv.*
                 FROM "BidangSubmission" s
                 JOIN "DataRequest" r ON r.id = s."requestId"
                 CROSS JOIN LATERAL (
                   SELECT ${of('i', indicatorColumns)}, ${of('v', valueColumns)}
                     FROM (SELECT ${of('i', indicatorColumns)} FROM "Indicator" i WHERE i."bidangId" = s."bidangId" OFFSET 0) i
                     FULL JOIN (SELECT v."indicatorId", ${of('v', valueColumns)}
                                  FROM "SubmissionValue" v WHERE v."submissionId" = s.id OFFSET 0) v ON v."indicatorId" = i.id
                   OFFSET 0) iv
                WHERE s.id = ANY($1::uuid[])
               OFFSET 0) x
         FULL JOIN (SELECT di."requestId", di."indicatorId", di.target, di."targetUpper", di."targetFrozenAt"
                      FROM "DataRequestIndicator" di
                     WHERE di."requestId" IN (SELECT s."requestId" FROM "BidangSubmission" s WHERE s.id = ANY($1::uuid[]))
                    OFFSET 0) di ON di."requestId" = x."requestId" AND di."indicatorId" = x.id
       OFFSET 0) j
     WHERE j.id IS NOT NULL AND j."askedId" IS NOT NULL) i`;
}

/**
 * The master targets of the request's year as JSON, only when the target was never frozen
 * (requestTarget reads them only then): `frozenAt` is the asked indicator's targetFrozenAt column,
 * `year` the request's year; the indicator is `i`. Shared by the board's and performanceData's values.
 */
export const masterTargetsJson = (frozenAt: string, year = 'r.year') => `CASE WHEN ${frozenAt} IS NULL
            THEN COALESCE((SELECT json_agg(json_build_object('year', t.year, 'triwulan', t.triwulan, 'target', t.target, 'targetUpper', t."targetUpper"))
                             FROM "IndicatorTarget" t WHERE t."indicatorId" = i.id AND t.year = ${year}), '[]'::json)
            ELSE '[]'::json END`;

export const VALUES_OF_SUBMISSIONS = statement<ValueRow>()({
  name: 'submission.values.v2',
  params: ['uuid[]'],
  columns: {
    submissionId: 'uuid', id: 'uuid', code: 'text', name: 'text', sasaranName: 'text?', satuan: 'text', polarity: 'Polarity',
    targetMode: 'TargetMode', valueKind: 'ValueKind?', allowAbove100: 'bool', adHocRequestId: 'uuid?', year: 'int4', triwulan: 'int4?',
    frozenTarget: 'numeric?', frozenTargetUpper: 'numeric?', targetFrozenAt: 'text?', targets: 'json', realisasi: 'numeric?', note: 'text?',
  },
  text: `SELECT i."submissionId", i.id, i.code, i.name, sa.name AS "sasaranName", i.satuan, i.polarity,
          i."targetMode", i."valueKind", i."allowAbove100", i."adHocRequestId", i.year, i.triwulan,
          i.target AS "frozenTarget", i."targetUpper" AS "frozenTargetUpper", i."targetFrozenAt"::text AS "targetFrozenAt",
          ${masterTargetsJson('i."targetFrozenAt"', 'i.year')} AS targets,
          i.realisasi, i.note
     FROM ${requestedValues(['id', 'code', 'name', 'sasaranId', 'satuan', 'polarity', 'targetMode', 'valueKind', 'allowAbove100', 'adHocRequestId'], ['realisasi', 'note'])}
     LEFT JOIN "Sasaran" sa ON sa.id = i."sasaranId"
    ORDER BY i.code`,
});

/**
 * The board's values (issue 15): only what a value's target, realisasi, capaian and category need,
 * when a query selects nothing else of them (graphql/selection.ts decides). The same joins and the
 * same target choice as VALUES_OF_SUBMISSIONS; without the indicator's name, Sasaran, satuan, kind
 * and note — on the board's 500 values those strings were most of what pg parsed and the garbage
 * collector then swept.
 */
export type LeanValueRow = Pick<ValueRow, 'submissionId' | 'id' | 'code' | 'polarity' | 'targetMode' | 'year' | 'triwulan' | 'targets' | 'realisasi'> & {
  /** The frozen target, named as packages/sop's FrozenTarget so that the row is one. */
  target: number | null;
  targetUpper: number | null;
  /** As PostgreSQL's text: only whether it is set is read (requestTarget). */
  targetFrozenAt: string | null;
};

export const LEAN_VALUES_OF_SUBMISSIONS = statement<LeanValueRow>()({
  name: 'submission.values.lean',
  params: ['uuid[]'],
  columns: {
    submissionId: 'uuid', id: 'uuid', code: 'text', polarity: 'Polarity', targetMode: 'TargetMode', year: 'int4', triwulan: 'int4?',
    target: 'numeric?', targetUpper: 'numeric?', targetFrozenAt: 'text?', targets: 'json', realisasi: 'numeric?',
  },
  text: `SELECT i."submissionId", i.id, i.code, i.polarity, i."targetMode", i.year, i.triwulan,
          i.target, i."targetUpper", i."targetFrozenAt"::text AS "targetFrozenAt",
          ${masterTargetsJson('i."targetFrozenAt"', 'i.year')} AS targets,
          i.realisasi
     FROM ${requestedValues(['id', 'code', 'polarity', 'targetMode'], ['realisasi'])}
    ORDER BY i.code`,
});

/** The fields of a value (GraphQL SubmissionValue) that a lean row gives. */
export const LEAN_VALUE_FIELDS: ReadonlySet<string> = new Set(['__typename', 'indicatorId', 'indicatorCode', 'polarity', 'target', 'targetUpper', 'targetFrozen', 'realisasi', 'capaian', 'capaianStatus', 'category']);

/**
 * A lean row as the API shows it: the fields of LEAN_VALUE_FIELDS, by the same rules as
 * indicatorValueView (packages/sop requestTarget, then capaianOf). One object per value: the row
 * is itself the frozen target and its targets are numbers already (JSON), so nothing is copied on
 * the way — 500 values per board load.
 */
export function leanValueView(r: LeanValueRow, scale: CategoryScale) {
  const t = requestTarget(r, r.targets, periodOf(r.year, r.triwulan), r.targetMode);
  const c = capaianOf(scale, r.polarity, t.target, t.targetUpper, r.realisasi);
  return {
    indicatorId: r.id,
    indicatorCode: r.code,
    polarity: r.polarity,
    target: t.target,
    targetUpper: t.targetUpper,
    targetFrozen: t.frozen,
    realisasi: r.realisasi,
    capaian: c.capaian,
    capaianStatus: c.capaianStatus,
    category: c.category,
  };
}

/** A value row as every capaian view takes it (analysis/indicator-value.ts). */
export function valueOfRow(r: ValueRow): IndicatorValue {
  // The indicator's fields named one by one: spreading the whole 19-column row for each of the
  // board's hundreds of values was a measurable share of its CPU.
  const indicator = {
    id: r.id, code: r.code, name: r.name, satuan: r.satuan, polarity: r.polarity, targetMode: r.targetMode, valueKind: r.valueKind,
    allowAbove100: r.allowAbove100, adHocRequestId: r.adHocRequestId, targets: r.targets, sasaran: r.sasaranName === null ? null : { name: r.sasaranName },
  };
  return indicatorValue(indicator, r, r, { target: r.frozenTarget, targetUpper: r.frozenTargetUpper, targetFrozenAt: r.targetFrozenAt });
}

export type DocumentRow = Pick<StoredDocument, 'id' | 'kind' | 'filename' | 'mimeType' | 'size' | 'sha256' | 'createdAt'> & { submissionId: string };

export const DOCUMENTS_OF_SUBMISSIONS = statement<DocumentRow>()({
  name: 'submission.documents',
  params: ['uuid[]'],
  // submissionId is nullable in the table (request documents have none); the WHERE gives one.
  columns: { id: 'uuid', submissionId: 'uuid!', kind: 'DocumentKind', filename: 'text', mimeType: 'text', size: 'int4', sha256: 'text', createdAt: 'timestamptz' },
  text: `SELECT d.id, d."submissionId", d.kind, d.filename, d."mimeType", d.size, d.sha256, d."createdAt"
     FROM "StoredDocument" d
    WHERE d."submissionId" = ANY($1::uuid[]) AND d."supersededById" IS NULL AND d."withdrawnAt" IS NULL
    ORDER BY d."createdAt"`,
});

/** The whole review row with the reviewer. */
export type ReviewRow = SubmissionReview & { actor: UserJson };

export const REVIEWS_OF_SUBMISSIONS = statement<ReviewRow>()({
  name: 'submission.reviews',
  whole: 'SubmissionReview',
  params: ['uuid[]'],
  columns: {
    id: 'uuid', officeId: 'uuid', submissionId: 'uuid', action: 'text', fromStatus: 'SubmissionStatus', toStatus: 'SubmissionStatus', reason: 'text?',
    actorId: 'uuid', version: 'int4', createdAt: 'timestamptz', actor: 'json',
  },
  text: `SELECT v.id, v."officeId", v."submissionId", v.action, v."fromStatus", v."toStatus", v.reason, v."actorId", v.version, v."createdAt",
          ${userJson('u')} AS actor
     FROM "SubmissionReview" v JOIN "User" u ON u.id = v."actorId"
    WHERE v."submissionId" = ANY($1::uuid[]) ORDER BY v."createdAt"`,
});
