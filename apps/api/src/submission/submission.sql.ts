/**
 * The submission feature's hand-written statements (see db/sql.ts for why and how they are
 * checked): the Kasubbag's board shows every Bidang's submission with every value, document and
 * review, in a fixed number of statements.
 */
import { statement } from '../db/sql';
import type { IndicatorValue } from '../analysis/indicator-value';
import type { Bidang, BidangSubmission, DataRequest, StoredDocument, SubmissionReview } from '../generated/prisma/client';
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
  id: 'uuid', requestId: 'uuid', bidangId: 'uuid', status: 'SubmissionStatus', version: 'int4', narrative: 'text?',
  firstSubmittedAt: 'timestamptz?', submittedAt: 'timestamptz?', submittedById: 'uuid?', reviewedAt: 'timestamptz?',
  reviewedById: 'uuid?', returnReason: 'text?', headApprovedAt: 'timestamptz?', headApprovedById: 'uuid?', createdAt: 'timestamptz', updatedAt: 'timestamptz',
  bidangCode: 'text', bidangName: 'text', bidangSortOrder: 'int4', bidangActive: 'bool',
  year: 'int4', triwulan: 'int4?', requestStatus: 'RequestStatus', requestedDocuments: 'DocumentKind[]',
} as const;

const SUBMISSION_SELECT = `s.id, s."requestId", s."bidangId", s.status, s.version, s.narrative, s."firstSubmittedAt",
  s."submittedAt", s."submittedById", s."reviewedAt", s."reviewedById", s."returnReason", s."headApprovedAt", s."headApprovedById", s."createdAt", s."updatedAt",
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

/** An indicator with its target for the request's period and the Bidang's value, of one submission. */
export type ValueRow = IndicatorValue & { submissionId: string };

/**
 * Every requested indicator of the submission's Bidang, with its target for the request's period
 * (Triwulan IV's for a yearly request, as targetForPeriod) and the value, if any.
 */
export const VALUES_OF_SUBMISSIONS = statement<ValueRow>()({
  name: 'submission.values',
  params: ['uuid[]'],
  columns: {
    submissionId: 'uuid', id: 'uuid', code: 'text', name: 'text', sasaran: 'text', satuan: 'text', polarity: 'Polarity',
    target: 'numeric?', targetUpper: 'numeric?', realisasi: 'numeric?', note: 'text?',
  },
  text: `SELECT s.id AS "submissionId", i.id, i.code, i.name, i.sasaran, i.satuan, i.polarity,
          t.target, t."targetUpper", v.realisasi, v.note
     FROM "BidangSubmission" s
     JOIN "DataRequest" r ON r.id = s."requestId"
     JOIN "DataRequestIndicator" di ON di."requestId" = s."requestId"
     JOIN "Indicator" i ON i.id = di."indicatorId" AND i."bidangId" = s."bidangId"
     LEFT JOIN "IndicatorTarget" t ON t."indicatorId" = i.id AND t.year = r.year AND t.triwulan = COALESCE(r.triwulan, 4)
     LEFT JOIN "SubmissionValue" v ON v."submissionId" = s.id AND v."indicatorId" = i.id
    WHERE s.id = ANY($1::uuid[])
    ORDER BY i.code`,
});

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
    id: 'uuid', submissionId: 'uuid', action: 'text', fromStatus: 'SubmissionStatus', toStatus: 'SubmissionStatus', reason: 'text?',
    actorId: 'uuid', version: 'int4', createdAt: 'timestamptz', actor: 'json',
  },
  text: `SELECT v.id, v."submissionId", v.action, v."fromStatus", v."toStatus", v.reason, v."actorId", v.version, v."createdAt",
          ${userJson('u')} AS actor
     FROM "SubmissionReview" v JOIN "User" u ON u.id = v."actorId"
    WHERE v."submissionId" = ANY($1::uuid[]) ORDER BY v."createdAt"`,
});
