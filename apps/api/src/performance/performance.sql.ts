/**
 * `performanceData`'s hand-written statements (see db/sql.ts for why and how they are checked).
 * Other offices' systems page through every accepted value of an office with it; on 10 million
 * values the page's SQL took 3–6 ms while Prisma's WebAssembly engine spent over 100 ms of CPU
 * building the same page (bench/scale.mjs, issue 15). The capaian rules stay in packages/sop and
 * analysis/indicator-value.ts: the rows are the board's `ValueRow` plus what a value's page shows.
 *
 * A page is two statements: one picks the page's value ids (by the office walk or the narrowed
 * filter), the other joins those few ids to what they show. In one statement the planner searched
 * the eight-table join order anew on every page (a custom plan: 4–5 ms of planning for 1 ms of
 * work); apart, both keep a cached generic plan (0.4 + 1 ms on the 10-million-value database).
 */
import { statement } from '../db/sql';
import { masterTargetsJson, type ValueRow } from '../submission/submission.sql';

/** The cursor of a first page: no value id is smaller (ids are random v4 UUIDs, never nil). */
export const BEFORE_ANY_VALUE = '00000000-0000-0000-0000-000000000000';

export type PerformanceRow = ValueRow & {
  valueId: string;
  requestId: string;
  letterNumber: string;
  bidangId: string;
  bidangCode: string;
  bidangName: string;
  /** The submission's acceptance (reviewedAt of an ACCEPTED submission). */
  acceptedAt: Date | null;
};

const PAGE_COLUMNS = {
  valueId: 'uuid', requestId: 'uuid', letterNumber: 'text', bidangId: 'uuid', bidangCode: 'text', bidangName: 'text', acceptedAt: 'timestamptz?',
  submissionId: 'uuid', id: 'uuid', code: 'text', name: 'text', sasaranName: 'text?', satuan: 'text', polarity: 'Polarity',
  targetMode: 'TargetMode', valueKind: 'ValueKind?', allowAbove100: 'bool', adHocRequestId: 'uuid?', year: 'int4', triwulan: 'int4?',
  frozenTarget: 'numeric?', frozenTargetUpper: 'numeric?', targetFrozenAt: 'text?', targets: 'json', realisasi: 'numeric?', note: 'text?',
} as const;

/**
 * What the page's values show, in cursor order; $1 the page's value ids.
 */
export const PERFORMANCE_PAGE_VALUES = statement<PerformanceRow>()({
  name: 'performance.page-values',
  params: ['uuid[]'],
  columns: PAGE_COLUMNS,
  text: `SELECT v.id AS "valueId", r.id AS "requestId", r."letterNumber", s."bidangId", b.code AS "bidangCode", b.name AS "bidangName",
          s."reviewedAt" AS "acceptedAt", s.id AS "submissionId", i.id, i.code, i.name, sa.name AS "sasaranName", i.satuan, i.polarity,
          i."targetMode", i."valueKind", i."allowAbove100", i."adHocRequestId", r.year, r.triwulan,
          di.target AS "frozenTarget", di."targetUpper" AS "frozenTargetUpper", di."targetFrozenAt"::text AS "targetFrozenAt",
          ${masterTargetsJson('di."targetFrozenAt"')} AS targets,
          v.realisasi, v.note
     FROM "SubmissionValue" v
     JOIN "BidangSubmission" s ON s.id = v."submissionId"
     JOIN "DataRequest" r ON r.id = s."requestId"
     JOIN "Bidang" b ON b.id = s."bidangId"
     JOIN "Indicator" i ON i.id = v."indicatorId"
     LEFT JOIN "Sasaran" sa ON sa.id = i."sasaranId"
     LEFT JOIN "DataRequestIndicator" di ON di."requestId" = r.id AND di."indicatorId" = i.id
    WHERE v.id = ANY($1::uuid[])
    ORDER BY v.id`,
});

/**
 * Office-wide, no filter: the page walks the value's own (denormalised) officeId index in cursor
 * order and stops after $3 rows. Repeating the office on the submission would make the planner,
 * which takes the conditions as independent, expect a handful of rows and sort every value of
 * the office. $1 office, $2 cursor (BEFORE_ANY_VALUE on the first page), $3 rows.
 */
export const PERFORMANCE_PAGE_WALK = statement<{ id: string }>()({
  name: 'performance.page-walk',
  params: ['uuid', 'uuid', 'int4'],
  columns: { id: 'uuid' },
  text: `SELECT v.id FROM "SubmissionValue" v
     WHERE v."officeId" = $1::uuid AND v.id > $2::uuid
       AND EXISTS (SELECT 1 FROM "BidangSubmission" s WHERE s.id = v."submissionId" AND s.status = 'ACCEPTED')
     ORDER BY v.id LIMIT $3::int4`,
});

/**
 * The narrowed filter, shared by the page and the count: from the office's accepted submissions
 * (index officeId, status: a few hundred per office and year range), their request's period, then
 * their values by (submissionId, indicatorId) — never from every office's requests of a year.
 * $1 office; from $n on: Bidang, the Bidang a Bidang user may see (null for office-wide roles),
 * year, Triwulan, indicator — null = not filtered.
 */
const narrowedFrom = (n: number) => `FROM "BidangSubmission" s
        JOIN "DataRequest" r ON r.id = s."requestId"
        JOIN "SubmissionValue" v ON v."submissionId" = s.id
       WHERE s."officeId" = $1::uuid AND s.status = 'ACCEPTED'
         AND ($${n}::uuid IS NULL OR s."bidangId" = $${n}::uuid)
         AND ($${n + 1}::uuid[] IS NULL OR s."bidangId" = ANY($${n + 1}::uuid[]))
         AND ($${n + 2}::int4 IS NULL OR r.year = $${n + 2}::int4)
         AND ($${n + 3}::int4 IS NULL OR r.triwulan = $${n + 3}::int4)
         AND ($${n + 4}::uuid IS NULL OR v."indicatorId" = $${n + 4}::uuid)`;
const FILTER_PARAMS = ['uuid?', 'uuid[]?', 'int4?', 'int4?', 'uuid?'] as const;

/** Any filter, or a Bidang user's own Bidang. $1 office, $2 cursor, $3 rows, $4–$8 the filters. */
export const PERFORMANCE_PAGE_NARROWED = statement<{ id: string }>()({
  name: 'performance.page-narrowed',
  params: ['uuid', 'uuid', 'int4', ...FILTER_PARAMS],
  columns: { id: 'uuid' },
  text: `SELECT v.id ${narrowedFrom(4)} AND v.id > $2::uuid
     ORDER BY v.id LIMIT $3::int4`,
});

/** totalCount, only when a client asks for it: it reads every matching value. $1 office, $2–$6 the filters. */
export const PERFORMANCE_COUNT = statement<{ total: number }>()({
  name: 'performance.count',
  params: ['uuid', ...FILTER_PARAMS],
  columns: { total: 'int8' },
  text: `SELECT count(*) AS total ${narrowedFrom(2)}`,
});
