/**
 * The baseline for bench/dashboard.mjs: the Kasubbag dashboard of one request as a bare
 * node:http + pg server, hand-written SQL (one statement per table), the same JSON as the API's
 * Dashboard query, and the same rules from @sipedaki/sop. No framework, no GraphQL, no ORM.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';
import {
  categorize,
  computeCapaian,
  DEFAULT_SCALE,
  makeCalendar,
  scaleInForce,
  SOP_STEPS,
  stepTiming,
  type CategoryScale,
  type Polarity,
  type WorkCalendar,
} from '../packages/sop/src/index';

const pg = createRequire(path.resolve(__dirname, '../apps/api/package.json'))('pg') as typeof import('pg');
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const num = (v: string | null) => (v === null ? null : Number(v));
const REQUIRED = ['LHP', 'LHE', 'TL_HP'];
const calendars = new Map<string, WorkCalendar>();

async function dashboard(token: string, id: string) {
  const q = (sql: string, params: unknown[]) => pool.query(sql, params).then((r) => r.rows);
  const hash = crypto.createHash('sha256').update(token).digest('hex');
  const [user] = await q(`SELECT u."officeId" FROM "Session" s JOIN "User" u ON u.id = s."userId" WHERE s."tokenHash" = $1 AND s."revokedAt" IS NULL AND s."expiresAt" > now() AND u.active`, [hash]);
  if (!user) return null;
  const [r] = await q(`SELECT *, "requestedDocuments"::text[] AS docs FROM "DataRequest" WHERE id = $1 AND "officeId" = $2`, [id, user.officeId]);
  if (!r) return null;
  const [bidang, subs, steps, values, docs, scales] = await Promise.all([
    q(`SELECT id, name FROM "Bidang" WHERE "officeId" = $1 AND active ORDER BY "sortOrder", name`, [r.officeId]),
    q(`SELECT s.*, (SELECT count(*) FROM "SubmissionReview" v WHERE v."submissionId" = s.id AND v.action = 'RETURN')::int AS returns FROM "BidangSubmission" s WHERE s."requestId" = $1`, [id]),
    q(`SELECT * FROM "RequestStep" WHERE "requestId" = $1 ORDER BY step`, [id]),
    q(`SELECT i.id, i.code, i."bidangId", i.polarity, t.target::text, t."targetUpper"::text, v.realisasi::text, v."submissionId"
       FROM "DataRequestIndicator" di JOIN "Indicator" i ON i.id = di."indicatorId"
       LEFT JOIN "IndicatorTarget" t ON t."indicatorId" = i.id AND t.year = $2 AND t.triwulan = $3
       LEFT JOIN "BidangSubmission" s ON s."requestId" = di."requestId" AND s."bidangId" = i."bidangId"
       LEFT JOIN "SubmissionValue" v ON v."submissionId" = s.id AND v."indicatorId" = i.id
       WHERE di."requestId" = $1 ORDER BY i.code`, [id, r.year, r.triwulan ?? 4]),
    q(`SELECT d."submissionId", d.kind FROM "StoredDocument" d JOIN "BidangSubmission" s ON s.id = d."submissionId" WHERE s."requestId" = $1`, [id]),
    q(`SELECT code, version, name, "validFrom", bands FROM "CategoryScale" ORDER BY code, version`, []),
  ]);
  let cal = calendars.get(r.officeId);
  if (!cal) {
    const [[office], holidays] = await Promise.all([
      q(`SELECT "utcOffsetMinutes", "officeHours" FROM "Office" WHERE id = $1`, [r.officeId]),
      q(`SELECT date FROM "Holiday" WHERE "officeId" IS NULL OR "officeId" = $1`, [r.officeId]),
    ]);
    cal = makeCalendar({ utcOffsetMinutes: office.utcOffsetMinutes, hours: office.officeHours, holidays: holidays.map((h: { date: Date }) => h.date.toISOString().slice(0, 10)) });
    calendars.set(r.officeId, cal);
  }
  const now = new Date();
  const scale: CategoryScale =
    scaleInForce(scales.map((s: any) => ({ ...s, validFrom: s.validFrom.toISOString().slice(0, 10) })), DEFAULT_SCALE.code, now.toISOString().slice(0, 10)) ?? DEFAULT_SCALE;
  const step4 = steps.find((s: any) => s.step === 4);
  const due: Date | null = step4?.dueAt ?? null;
  const perBidang = bidang.map((b: any) => {
    const s = subs.find((x: any) => x.bidangId === b.id);
    const first = s?.firstSubmittedAt ?? null;
    const pending = !s || s.status === 'DRAFT' || s.status === 'RETURNED';
    return {
      bidang: { id: b.id, name: b.name },
      status: s?.status ?? null,
      submissionId: s?.id ?? null,
      late: !!(first && due && first > due),
      overdue: !!(due && pending && !first && due < now && r.status === 'COLLECTING'),
      returnCount: s?.returns ?? 0,
    };
  });
  const count = (st: string) => perBidang.filter((p: any) => p.status === st).length;
  const firstSubmitted = perBidang.filter((p: any) => subs.find((s: any) => s.id === p.submissionId)?.firstSubmittedAt);
  const accepted = count('ACCEPTED');
  const byBidang = new Map(bidang.map((b: any, i: number) => [b.id, i]));
  const submissions = [...subs]
    .sort((a: any, b: any) => (byBidang.get(a.bidangId) as number) - (byBidang.get(b.bidangId) as number))
    .map((s: any) => {
      const have = new Set(docs.filter((d: any) => d.submissionId === s.id).map((d: any) => d.kind));
      return {
        id: s.id,
        status: s.status,
        version: s.version,
        bidang: { id: s.bidangId, name: bidang.find((b: any) => b.id === s.bidangId)?.name },
        missingDocuments: r.docs.filter((k: string) => REQUIRED.includes(k) && !have.has(k)),
        values: values
          .filter((v: any) => v.bidangId === s.bidangId)
          .map((v: any) => {
            const c = computeCapaian({ polarity: v.polarity as Polarity, target: num(v.target), targetUpper: num(v.targetUpper), realisasi: num(v.realisasi) });
            const band = categorize(scale, c.value);
            return { indicatorId: v.id, indicatorCode: v.code, target: num(v.target), realisasi: num(v.realisasi), capaian: c.value, category: band ? { code: band.code, label: band.label.id } : null };
          }),
      };
    });
  const timeline = SOP_STEPS.map((def) => {
    const row = steps.find((s: any) => s.step === def.no);
    const t = row ? stepTiming(cal!, row.startedAt, def.standardTime, row.completedAt, now) : null;
    return {
      step: def.no,
      state: !row ? 'PENDING' : row.completedAt ? 'DONE' : 'ACTIVE',
      startedAt: iso(row?.startedAt ?? null),
      dueAt: iso(row?.dueAt ?? null),
      completedAt: iso(row?.completedAt ?? null),
      elapsedWorkingMinutes: Math.floor(t?.elapsedWorkingMinutes ?? 0),
      overdue: t?.overdue ?? false,
    };
  });
  return {
    data: {
      dataRequest: {
        id: r.id,
        status: r.status,
        currentStep: r.currentStep,
        version: r.version,
        dueAt: iso(r.dueAt),
        overdue: r.status !== 'DONE' && !!r.dueAt && r.dueAt < now,
        completeness: {
          bidangTotal: perBidang.length,
          draft: count('DRAFT'),
          submitted: count('SUBMITTED'),
          returned: count('RETURNED'),
          accepted,
          onTime: firstSubmitted.filter((p: any) => !p.late).length,
          late: firstSubmitted.filter((p: any) => p.late).length,
          percentAccepted: perBidang.length ? Math.round((accepted / perBidang.length) * 10000) / 100 : 0,
          perBidang,
        },
        submissions,
        timeline,
      },
    },
  };
}

const server = http.createServer(async (req, res) => {
  const u = new URL(req.url ?? '/', 'http://x');
  try {
    const body = await dashboard(String(req.headers.authorization ?? '').replace(/^Bearer /, ''), u.searchParams.get('id') ?? '');
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body ?? { error: 'not found' }));
  } catch (e) {
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: String(e) }));
  }
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.({ listening: true }));
// Exit on SIGTERM (not killed by it) so that a run under --cpu-prof writes its profile.
process.on('SIGTERM', () => process.exit(0));
