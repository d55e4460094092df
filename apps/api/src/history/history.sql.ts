/**
 * The history feature's hand-written statements (see db/sql.ts): the audit records of one request
 * or one submission ("Riwayat"), and the office-wide audit search. Each branch of a history's
 * WHERE uses the (entityType, entityId) index; the search is paged.
 */
import { statement } from '../db/sql';
import { userJson, type UserJson } from '../office/office.sql';

export interface AuditRecordRow {
  id: number;
  at: Date;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  actor: UserJson | null;
  /** The Bidang of a submission's record (a request's history names it). */
  bidangName: string | null;
}

const COLUMNS = {
  id: 'int8', at: 'timestamptz', action: 'text', entityType: 'text', entityId: 'text', before: 'json?', after: 'json?', actor: 'json?', bidangName: 'text?',
} as const;

const SELECT = `a.id, a.at, a.action, a."entityType", a."entityId", a.before::json AS before, a.after::json AS after, ${userJson('u')} AS actor`;

/** $1 request, $2 office, $3 the Bidang the reader may see (null: every Bidang). Oldest first. */
export const HISTORY_OF_REQUEST = statement<AuditRecordRow>()({
  name: 'history.of-request',
  params: ['uuid', 'uuid', 'uuid[]?'],
  columns: COLUMNS,
  text: `WITH subs AS (
           SELECT s.id::text AS id, b.name FROM "BidangSubmission" s JOIN "Bidang" b ON b.id = s."bidangId"
            WHERE s."requestId" = $1::uuid AND ($3::uuid[] IS NULL OR s."bidangId" = ANY($3::uuid[]))),
         docs AS (SELECT d.id::text AS id FROM "StoredDocument" d WHERE d."requestId" = $1::uuid AND d."submissionId" IS NULL)
       SELECT ${SELECT}, subs.name AS "bidangName"
         FROM "AuditEvent" a
         LEFT JOIN "User" u ON u.id = a."actorId"
         LEFT JOIN subs ON a."entityType" = 'BidangSubmission' AND subs.id = a."entityId"
        WHERE a."officeId" = $2::uuid AND (
              (a."entityType" = 'DataRequest' AND a."entityId" = $1::text)
           OR (a."entityType" = 'BidangSubmission' AND a."entityId" IN (SELECT id FROM subs) AND a.action <> 'submission.saved')
           OR (a."entityType" = 'StoredDocument' AND a."entityId" IN (SELECT id FROM docs))
           OR (a."entityType" = 'StoredDocument' AND a.action = 'document.removed' AND a.before->>'requestId' = $1::text AND a.before->>'submissionId' IS NULL))
        ORDER BY a.id
        LIMIT 2000`,
});

/** $1 submission, $2 office. Oldest first: its own records and those of its documents. */
export const HISTORY_OF_SUBMISSION = statement<AuditRecordRow>()({
  name: 'history.of-submission',
  params: ['uuid', 'uuid'],
  columns: COLUMNS,
  text: `WITH docs AS (SELECT d.id::text AS id FROM "StoredDocument" d WHERE d."submissionId" = $1::uuid)
       SELECT ${SELECT}, NULL::text AS "bidangName"
         FROM "AuditEvent" a
         LEFT JOIN "User" u ON u.id = a."actorId"
        WHERE a."officeId" = $2::uuid AND (
              (a."entityType" = 'BidangSubmission' AND a."entityId" = $1::text)
           OR (a."entityType" = 'StoredDocument' AND a."entityId" IN (SELECT id FROM docs))
           OR (a."entityType" = 'StoredDocument' AND a.action = 'document.removed' AND a.before->>'submissionId' = $1::text))
        ORDER BY a.id
        LIMIT 2000`,
});

/**
 * The office-wide search: $1 office, $2 person, $3 from, $4 until (exclusive), $5 entity type,
 * $6 an ILIKE pattern (action, record id, the record's content, the person's name), $7 limit,
 * $8 offset. Newest first.
 */
const SEARCH_WHERE = `a."officeId" = $1::uuid
          AND ($2::uuid IS NULL OR a."actorId" = $2::uuid)
          AND ($3::timestamptz IS NULL OR a.at >= $3::timestamptz)
          AND ($4::timestamptz IS NULL OR a.at < $4::timestamptz)
          AND ($5::text IS NULL OR a."entityType" = $5::text)
          AND ($6::text IS NULL OR a.action ILIKE $6::text OR a."entityId" ILIKE $6::text OR a.before::text ILIKE $6::text
               OR a.after::text ILIKE $6::text OR u.name ILIKE $6::text OR u.username ILIKE $6::text)`;

export const AUDIT_SEARCH = statement<AuditRecordRow>()({
  name: 'history.audit-search',
  params: ['uuid', 'uuid?', 'timestamptz?', 'timestamptz?', 'text?', 'text?', 'int4', 'int4'],
  columns: COLUMNS,
  text: `SELECT ${SELECT}, NULL::text AS "bidangName"
         FROM "AuditEvent" a LEFT JOIN "User" u ON u.id = a."actorId"
        WHERE ${SEARCH_WHERE}
        ORDER BY a.id DESC
        LIMIT $7::int4 OFFSET $8::int4`,
});

export const AUDIT_COUNT = statement<{ total: number }>()({
  name: 'history.audit-count',
  params: ['uuid', 'uuid?', 'timestamptz?', 'timestamptz?', 'text?', 'text?'],
  columns: { total: 'int8' },
  text: `SELECT count(*) AS total FROM "AuditEvent" a LEFT JOIN "User" u ON u.id = a."actorId" WHERE ${SEARCH_WHERE}`,
});
