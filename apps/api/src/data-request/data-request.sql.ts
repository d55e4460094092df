/**
 * The data-request feature's hand-written statements (see db/sql.ts for why and how they are
 * checked): read on every load of a request's page, the Kasubbag's board.
 */
import { statement } from '../db/sql';
import type { Bidang, BidangSubmission, DataRequest, RequestStep } from '../generated/prisma/client';
import { userJson, type UserJson } from '../office/office.sql';

/** The whole request row, as Prisma's `findUnique` gives it (toRequestModel takes either). */
export const REQUEST_BY_ID = statement<DataRequest>()({
  name: 'request.by-id',
  whole: 'DataRequest',
  params: ['uuid'],
  columns: {
    id: 'uuid', officeId: 'uuid', year: 'int4', triwulan: 'int4?', letterNumber: 'text', letterDate: 'date',
    sender: 'text', subject: 'text', notes: 'text?', requestedDocuments: 'DocumentKind[]', status: 'RequestStatus',
    currentStep: 'int4', stepStartedAt: 'timestamptz', dueAt: 'timestamptz?', version: 'int4', createdById: 'uuid',
    createdAt: 'timestamptz', updatedAt: 'timestamptz', completedAt: 'timestamptz?', acknowledgedAt: 'timestamptz?',
    requesterDeadline: 'timestamptz?',
    arahan: 'text?', cancelledAt: 'timestamptz?', cancelledById: 'uuid?', cancelReason: 'text?', pemdaRequestId: 'uuid?',
  },
  text: `SELECT id, "officeId", year, triwulan, "letterNumber", "letterDate", sender, subject, notes,
          "requestedDocuments"::text[] AS "requestedDocuments", status, "currentStep", "stepStartedAt", "dueAt", version,
          "createdById", "createdAt", "updatedAt", "completedAt", "acknowledgedAt", "requesterDeadline",
          arahan, "cancelledAt", "cancelledById", "cancelReason", "pemdaRequestId"
     FROM "DataRequest" WHERE id = $1::uuid`,
});

export type StepRow = Pick<RequestStep, 'step' | 'round' | 'startedAt' | 'dueAt' | 'completedAt' | 'action' | 'note'> & { completedBy: UserJson | null };

/** Every round of the steps a request has reached, each with the user who completed it. */
export const STEPS_OF_REQUEST = statement<StepRow>()({
  name: 'request.steps',
  params: ['uuid'],
  columns: { step: 'int4', round: 'int4', startedAt: 'timestamptz', dueAt: 'timestamptz', completedAt: 'timestamptz?', action: 'text?', note: 'text?', completedBy: 'json?' },
  text: `SELECT st.step, st.round, st."startedAt", st."dueAt", st."completedAt", st.action, st.note, ${userJson('u')} AS "completedBy"
     FROM "RequestStep" st LEFT JOIN "User" u ON u.id = st."completedById"
    WHERE st."requestId" = $1::uuid ORDER BY st.step, st.round`,
});

type Nullable<T> = { [K in keyof T]: T[K] | null };

export type CompletenessRow = Pick<Bidang, 'id' | 'code' | 'name' | 'sortOrder' | 'active'> &
  Nullable<Pick<BidangSubmission, 'status' | 'submittedAt' | 'firstSubmittedAt' | 'waiverNote'>> & {
    submissionId: string | null;
    returnCount: number;
    step4DueAt: Date | null;
  };

/**
 * Every Bidang the request is asked of (DataRequestBidang, issue 11) with its submission (if the
 * format reached it) and step 4's due time. A Bidang deactivated after the format was sent stays:
 * its submission still counts.
 */
export const COMPLETENESS = statement<CompletenessRow>()({
  name: 'request.completeness',
  params: ['uuid', 'uuid'],
  columns: {
    id: 'uuid', code: 'text', name: 'text', sortOrder: 'int4', active: 'bool',
    submissionId: 'uuid?', status: 'SubmissionStatus?', submittedAt: 'timestamptz?', firstSubmittedAt: 'timestamptz?', waiverNote: 'text?',
    returnCount: 'int8', step4DueAt: 'timestamptz?',
  },
  text: `SELECT b.id, b.code, b.name, b."sortOrder", b.active,
          s.id AS "submissionId", s.status, s."submittedAt", s."firstSubmittedAt", s."waiverNote",
          (SELECT count(*) FROM "SubmissionReview" v WHERE v."submissionId" = s.id AND v.action = 'RETURN') AS "returnCount",
          (SELECT st."dueAt" FROM "RequestStep" st WHERE st."requestId" = $1::uuid AND st.step = 4 AND st.round = 1) AS "step4DueAt"
     FROM "DataRequestBidang" rb JOIN "Bidang" b ON b.id = rb."bidangId"
     LEFT JOIN "BidangSubmission" s ON s."bidangId" = b.id AND s."requestId" = $1::uuid
    WHERE rb."requestId" = $1::uuid AND b."officeId" = $2::uuid
    ORDER BY b."sortOrder", b.name`,
});

/**
 * COMPLETENESS for a page of requests in one statement (the request lists, session 6: one
 * statement per page instead of one per request). A Bidang counts where it belongs to the
 * request's own office, as above. A single request keeps COMPLETENESS (the board's statement).
 */
export const COMPLETENESS_OF_MANY = statement<CompletenessRow & { requestId: string }>()({
  name: 'request.completeness-of-many',
  params: ['uuid[]'],
  columns: {
    requestId: 'uuid',
    id: 'uuid', code: 'text', name: 'text', sortOrder: 'int4', active: 'bool',
    submissionId: 'uuid?', status: 'SubmissionStatus?', submittedAt: 'timestamptz?', firstSubmittedAt: 'timestamptz?', waiverNote: 'text?',
    returnCount: 'int8', step4DueAt: 'timestamptz?',
  },
  text: `SELECT rb."requestId", b.id, b.code, b.name, b."sortOrder", b.active,
          s.id AS "submissionId", s.status, s."submittedAt", s."firstSubmittedAt", s."waiverNote",
          (SELECT count(*) FROM "SubmissionReview" v WHERE v."submissionId" = s.id AND v.action = 'RETURN') AS "returnCount",
          (SELECT st."dueAt" FROM "RequestStep" st WHERE st."requestId" = rb."requestId" AND st.step = 4 AND st.round = 1) AS "step4DueAt"
     FROM "DataRequestBidang" rb JOIN "DataRequest" r ON r.id = rb."requestId"
     JOIN "Bidang" b ON b.id = rb."bidangId" AND b."officeId" = r."officeId"
     LEFT JOIN "BidangSubmission" s ON s."bidangId" = b.id AND s."requestId" = rb."requestId"
    WHERE rb."requestId" = ANY($1::uuid[])
    ORDER BY rb."requestId", b."sortOrder", b.name`,
});
