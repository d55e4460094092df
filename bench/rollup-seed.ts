/**
 * Seeds the kabupaten rollup benchmark (bench/rollup.mjs) in set-based SQL, one statement per
 * table: PEMDAS pemda × OFFICES offices (the first pemda is the one measured; the others are there
 * so the rollup must pick its own out of a bigger database), YEARS years from FIRST_YEAR, per
 * office and year a request for each Triwulan and one for the whole year, each with its seven step
 * runs (about one in five late), every Bidang asked with its submission (about one in twenty
 * waived), a frozen analysis with a results JSON of INDICATORS indicators (its real size matters:
 * the rollup must not read it), and a later draft for one request in ten. The last period of the
 * last year is still collecting. Prints {analyst, pemdaId, counts} as JSON.
 * Run by bench/rollup.mjs under tsx with apps/api's tsconfig.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { hashPassword } from '../apps/api/src/auth/password';
import { migrateDeploy } from '../apps/api/src/db/migrate';
import { createPrisma } from '../apps/api/src/db/prisma';
import { seedReference } from '../apps/api/src/db/seed';

const requireApi = createRequire(path.join(__dirname, '../apps/api/package.json'));
const pg = requireApi('pg') as typeof import('pg');

const env = (k: string, d: number) => Number(process.env[k] ?? d);
const PEMDAS = env('PEMDAS', 3);
const OFFICES = env('OFFICES', 40);
const YEARS = env('YEARS', 5);
const FIRST_YEAR = env('FIRST_YEAR', 2022);
const BIDANG = env('BIDANG', 10);
const INDICATORS = env('INDICATORS', 100);

async function main() {
  const url = process.env.DATABASE_URL!;
  await migrateDeploy(url);
  const db = createPrisma(url, { max: 2 });
  await seedReference(db);
  await db.$disconnect();
  const hash = await hashPassword('rahasia-uji-123');
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const lastYear = FIRST_YEAR + YEARS - 1;
  const t0 = Date.now();
  try {
    await c.query('BEGIN');
    await c.query(`CREATE TEMP TABLE b_pemda ON COMMIT DROP AS SELECT gen_random_uuid() AS id, p FROM generate_series(1, ${PEMDAS}) p`);
    await c.query(`INSERT INTO "Pemda"(id, code, name) SELECT id, 'BENCH-' || p, 'Pemerintah Kabupaten Bench ' || p FROM b_pemda`);
    await c.query(`CREATE TEMP TABLE b_office ON COMMIT DROP AS SELECT gen_random_uuid() AS id, p.id AS pemda, p.p, k FROM b_pemda p, generate_series(1, ${OFFICES}) k`);
    await c.query(`INSERT INTO "Office"(id, "pemdaId", code, name, regency, "officeHours", "requireHeadApproval")
      SELECT id, pemda, 'BENCH-' || p || '-' || k, 'Dinas Bench ' || p || '.' || lpad(k::text, 2, '0'), 'Kabupaten Bench ' || p,
             '{"1":{"start":"07:30","end":"16:00"},"2":{"start":"07:30","end":"16:00"},"3":{"start":"07:30","end":"16:00"},"4":{"start":"07:30","end":"16:00"},"5":{"start":"07:30","end":"16:30"}}'::jsonb, false
        FROM b_office`);
    await c.query(`CREATE TEMP TABLE b_bidang ON COMMIT DROP AS SELECT gen_random_uuid() AS id, o.id AS office, j FROM b_office o, generate_series(1, ${BIDANG}) j`);
    await c.query(`INSERT INTO "Bidang"(id, "officeId", code, name, "sortOrder") SELECT id, office, 'B' || j, 'Bidang ' || j, j FROM b_bidang`);
    // The analyst: a Bappeda user of the first pemda (its first office).
    const analyst = `bench.analyst.${process.pid}`;
    const { rows: [pemda] } = await c.query(`SELECT p.id FROM b_pemda p WHERE p.p = 1`);
    await c.query(`INSERT INTO "User"(id, "officeId", username, name, "passwordHash", roles, "updatedAt")
      SELECT gen_random_uuid(), o.id, $1, 'Analis Bappeda', $2, ARRAY['PEMDA_ANALYST']::"Role"[], now() FROM b_office o WHERE o.p = 1 AND o.k = 1`, [analyst, hash]);
    // tw 0 = the whole year. A request starts ten days after its period ends (the year's: in January after).
    await c.query(`CREATE TEMP TABLE b_req ON COMMIT DROP AS
      SELECT gen_random_uuid() AS id, o.id AS office, y, tw,
             CASE WHEN tw = 0 THEN make_timestamptz(y + 1, 1, 12, 1, 0, 0) ELSE make_timestamptz(y, 1, 12, 1, 0, 0) + make_interval(months => tw * 3) END AS at,
             (y = ${lastYear} AND tw = 4) AS open
        FROM b_office o, generate_series(${FIRST_YEAR}, ${lastYear}) y, generate_series(0, 4) tw`);
    await c.query(`INSERT INTO "DataRequest"(id, "officeId", year, triwulan, "letterNumber", "letterDate", sender, subject, "requestedDocuments", status, "currentStep", "stepStartedAt", "createdById", "updatedAt", "completedAt")
      SELECT id, office, y, NULLIF(tw, 0), '050/' || y || '/' || tw || '/' || left(id::text, 8), at::date, 'Bappeda', 'Permintaan data kinerja',
             ARRAY['LHP','LHE','TL_HP']::"DocumentKind"[], CASE WHEN open THEN 'COLLECTING' ELSE 'DONE' END::"RequestStatus", CASE WHEN open THEN 4 ELSE 7 END,
             at, gen_random_uuid(), at, CASE WHEN open THEN NULL ELSE at + interval '7 days' END
        FROM b_req`);
    // Seven runs a day apart, each due four hours after its start; one in five takes six hours (late).
    await c.query(`INSERT INTO "RequestStep"(id, "requestId", step, "startedAt", "dueAt", "completedAt")
      SELECT gen_random_uuid(), r.id, s, r.at + (s - 1) * interval '1 day', r.at + (s - 1) * interval '1 day' + interval '4 hours',
             CASE WHEN r.open AND s = 4 THEN NULL ELSE r.at + (s - 1) * interval '1 day' + CASE WHEN abs(hashtext(r.id::text || s)) % 100 < 20 THEN interval '6 hours' ELSE interval '2 hours' END END
        FROM b_req r, generate_series(1, 7) s
       WHERE NOT r.open OR s <= 4`);
    await c.query(`INSERT INTO "DataRequestBidang"("requestId", "bidangId") SELECT r.id, b.id FROM b_req r JOIN b_bidang b ON b.office = r.office`);
    await c.query(`INSERT INTO "BidangSubmission"(id, "requestId", "bidangId", status, "firstSubmittedAt", "submittedAt", "updatedAt")
      SELECT gen_random_uuid(), r.id, b.id, x.status::"SubmissionStatus", x.handed, x.handed, r.at
        FROM b_req r JOIN b_bidang b ON b.office = r.office,
        LATERAL (SELECT abs(hashtext(r.id::text || b.id::text)) % 100 AS roll) d,
        LATERAL (SELECT CASE WHEN d.roll < 5 THEN 'WAIVED' WHEN r.open AND d.roll < 50 THEN 'DRAFT' WHEN r.open THEN 'SUBMITTED' ELSE 'ACCEPTED' END AS status) s,
        LATERAL (SELECT s.status, CASE WHEN s.status IN ('WAIVED', 'DRAFT') THEN NULL ELSE r.at + interval '3 days' END AS handed) x`);
    // The frozen analysis, with a results JSON the size a real one has (one entry per indicator).
    await c.query(`INSERT INTO "PerformanceAnalysis"(id, "requestId", version, status, "scaleCode", "scaleVersion", "officeCapaian", results, "createdById", "createdAt", "submittedAt")
      SELECT gen_random_uuid(), r.id, 1, 'SUBMITTED', 'LKJIP_5', 1, cap, jsonb_build_object(
               'office', jsonb_build_object('key', 'office', 'label', 'Dinas', 'average', cap, 'averageUncapped', cap, 'indicatorCount', ${INDICATORS}),
               'indicators', (SELECT jsonb_agg(jsonb_build_object('indicatorId', gen_random_uuid(), 'code', 'IK.' || i, 'name', 'Indikator kinerja nomor ' || i || ' ' || r.id,
                                 'target', 100, 'realisasi', round((random() * 120)::numeric, 2), 'capaian', round((random() * 120)::numeric, 2), 'note', md5(r.id::text || i)))
                                FROM generate_series(1, ${INDICATORS}) i)),
             gen_random_uuid(), r.at + interval '6 days', r.at + interval '6 days'
        FROM b_req r, LATERAL (SELECT round((55 + random() * 50)::numeric, 2) AS cap) v
       WHERE NOT r.open`);
    await c.query(`INSERT INTO "PerformanceAnalysis"(id, "requestId", version, status, "scaleCode", "scaleVersion", "officeCapaian", results, "createdById", "createdAt")
      SELECT gen_random_uuid(), a."requestId", 2, 'DRAFT', 'LKJIP_5', 1, 99, a.results, a."createdById", a."createdAt" + interval '1 day'
        FROM "PerformanceAnalysis" a JOIN b_req r ON r.id = a."requestId" WHERE random() < 0.1`);
    await c.query('COMMIT');
    await c.query('VACUUM ANALYZE');
    const counts = Object.fromEntries(
      await Promise.all(['Office', 'DataRequest', 'RequestStep', 'DataRequestBidang', 'BidangSubmission', 'PerformanceAnalysis'].map(async (tb) => [tb, Number((await c.query(`SELECT count(*) FROM "${tb}"`)).rows[0].count)] as const)),
    );
    const { rows: [size] } = await c.query(`SELECT pg_size_pretty(pg_total_relation_size('"PerformanceAnalysis"')) AS s`);
    process.stdout.write(`${JSON.stringify({ analyst, pemdaId: pemda.id, counts, analysisTableSize: size.s, seconds: (Date.now() - t0) / 1000 })}\n`);
  } finally {
    await c.end();
  }
  process.exit(0);
}
main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e));
  process.exit(1);
});
