/**
 * The kabupaten rollup's hand-written statements (see db/sql.ts). The rollup reads every office of
 * a pemda over five years at once; one set-based statement counts per office and period what the
 * league tables and the trends need, so its cost does not grow with a loop over offices
 * (bench/rollup.mjs). The pemda's requests are found by Office(pemdaId) and
 * DataRequest(officeId, …); each request's steps, Bidang, submissions and frozen analysis by an
 * index that leads with its id (RequestStep(requestId, …), DataRequestBidang(requestId, …),
 * BidangSubmission(requestId, bidangId), PerformanceAnalysis(requestId, version)), in LATERAL
 * subqueries, so the work grows with the pemda's own requests and never with the size of the
 * tables (no hash join over every office's steps when the database holds a thousand offices).
 */
import { statement } from '../db/sql';

export interface RollupOfficeRow {
  id: string;
  code: string;
  name: string;
}

/** $1 pemda: its offices, every one of them (an office never asked is listed too). */
export const ROLLUP_OFFICES = statement<RollupOfficeRow>()({
  name: 'rollup.offices',
  params: ['uuid'],
  columns: { id: 'uuid', code: 'text', name: 'text' },
  text: `SELECT o.id, o.code, o.name FROM "Office" o WHERE o."pemdaId" = $1::uuid ORDER BY o.name, o.code`,
});

export interface RollupCountsRow {
  officeId: string;
  year: number;
  /** 1–4, or 0 for the whole year (a request without a Triwulan). */
  triwulan: number;
  requests: number;
  requestsDone: number;
  /** The latest frozen analysis of the period (latest submitted, then highest version). */
  analysisId: string | null;
  requestId: string | null;
  capaian: number | null;
  scaleCode: string | null;
  scaleVersion: number | null;
  stepsOnTime: number;
  stepsLate: number;
  stepsOpen: number;
  bidangAsked: number;
  bidangHandedIn: number;
  bidangWaived: number;
}

/**
 * $1 pemda, $2 first year, $3 last year, $4 now. One row per office and period that has at least
 * one request (cancelled requests left out):
 * - requests, and those signed (DONE);
 * - the frozen analysis: only SUBMITTED versions count; per office and period the one submitted
 *   last (an office asked twice for a period gives its latest word), with the office capaian and
 *   the scale (code, version) it stored. Its `results` JSON is never read here: it holds every
 *   indicator (hundreds of kilobytes), and detoasting it for a thousand analyses would cost more
 *   than the rest of the statement; the category and cap come from the scale version instead;
 * - step runs (every RequestStep row, each round a run): on time = finished by its due time; late
 *   = finished after it, or still open past it at $4; open = still open and not yet due;
 * - Bidang asked (DataRequestBidang) and handed in (first hand-in recorded, not waived).
 */
export const ROLLUP_COUNTS = statement<RollupCountsRow>()({
  name: 'rollup.counts',
  params: ['uuid', 'int4', 'int4', 'timestamptz'],
  columns: {
    officeId: 'uuid', year: 'int4', triwulan: 'int4', requests: 'int8', requestsDone: 'int8',
    analysisId: 'uuid?', requestId: 'uuid?', capaian: 'numeric?', scaleCode: 'text?', scaleVersion: 'int4?',
    stepsOnTime: 'int8', stepsLate: 'int8', stepsOpen: 'int8', bidangAsked: 'int8', bidangHandedIn: 'int8', bidangWaived: 'int8',
  },
  text: `WITH r AS MATERIALIZED (
           SELECT dr.id, dr."officeId", dr.year, COALESCE(dr.triwulan, 0) AS tw, dr.status
             FROM "Office" o JOIN "DataRequest" dr ON dr."officeId" = o.id
            WHERE o."pemdaId" = $1::uuid AND dr.year BETWEEN $2::int4 AND $3::int4 AND dr.status <> 'CANCELLED'),
         per AS (
           SELECT r."officeId", r.year, r.tw, r.status, st.on_time, st.late, st.open, bd.asked, bd.handed, bd.waived,
                  fa.id AS "analysisId", fa."requestId", fa."officeCapaian", fa."scaleCode", fa."scaleVersion", fa."submittedAt", fa.version
             FROM r
            CROSS JOIN LATERAL (
                  SELECT count(*) FILTER (WHERE s."completedAt" <= s."dueAt") AS on_time,
                         count(*) FILTER (WHERE s."completedAt" > s."dueAt" OR (s."completedAt" IS NULL AND s."dueAt" < $4::timestamptz)) AS late,
                         count(*) FILTER (WHERE s."completedAt" IS NULL AND s."dueAt" >= $4::timestamptz) AS open
                    FROM "RequestStep" s WHERE s."requestId" = r.id) st
            CROSS JOIN LATERAL (
                  SELECT count(*) AS asked,
                         count(*) FILTER (WHERE sub."firstSubmittedAt" IS NOT NULL AND sub.status <> 'WAIVED') AS handed,
                         count(*) FILTER (WHERE sub.status = 'WAIVED') AS waived
                    FROM "DataRequestBidang" rb
                    LEFT JOIN "BidangSubmission" sub ON sub."requestId" = rb."requestId" AND sub."bidangId" = rb."bidangId"
                   WHERE rb."requestId" = r.id) bd
             LEFT JOIN LATERAL (
                  SELECT a.id, a."requestId", a."officeCapaian", a."scaleCode", a."scaleVersion", a."submittedAt", a.version
                    FROM "PerformanceAnalysis" a WHERE a."requestId" = r.id AND a.status = 'SUBMITTED'
                   ORDER BY a."submittedAt" DESC NULLS LAST, a.version DESC LIMIT 1) fa ON true),
         fa AS (
           SELECT DISTINCT ON (p."officeId", p.year, p.tw) p."officeId", p.year, p.tw, p."analysisId", p."requestId", p."officeCapaian", p."scaleCode", p."scaleVersion"
             FROM per p WHERE p."analysisId" IS NOT NULL
            ORDER BY p."officeId", p.year, p.tw, p."submittedAt" DESC NULLS LAST, p.version DESC)
       SELECT p."officeId", p.year, p.tw AS triwulan, count(*) AS requests, count(*) FILTER (WHERE p.status = 'DONE') AS "requestsDone",
              fa."analysisId", fa."requestId", fa."officeCapaian" AS capaian, fa."scaleCode", fa."scaleVersion",
              sum(p.on_time)::int8 AS "stepsOnTime", sum(p.late)::int8 AS "stepsLate", sum(p.open)::int8 AS "stepsOpen",
              sum(p.asked)::int8 AS "bidangAsked", sum(p.handed)::int8 AS "bidangHandedIn", sum(p.waived)::int8 AS "bidangWaived"
         FROM per p
         LEFT JOIN fa ON fa."officeId" = p."officeId" AND fa.year = p.year AND fa.tw = p.tw
        GROUP BY p."officeId", p.year, p.tw, fa."analysisId", fa."requestId", fa."officeCapaian", fa."scaleCode", fa."scaleVersion"
        ORDER BY p."officeId", p.year, p.tw`,
});
