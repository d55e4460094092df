/**
 * `pnpm bench:generate` — bulk data for the scale benchmarks (issue 15): N offices × Y years of
 * requests with everything a finished SOP run leaves behind, written by set-based SQL
 * (`INSERT … SELECT … generate_series`), never row by row through Prisma.
 *
 * Per office: BIDANG Bidang × INDICATORS indicators (default 10 × 50, the size of bench/dashboard),
 * 13 users, an annual target per indicator and year, and per year one request per Triwulan, each
 * with its 7 steps, 3 dispositions, the asked Bidang and indicators (frozen targets), one submission
 * per Bidang with every value, its reviews, the submitted analysis, audit events and notifications.
 * The office's last request is still collecting. 1,000 offices × 5 years = 10 million values and as
 * many frozen targets (DataRequestIndicator).
 *
 * Speed: each chunk of offices is one transaction with `session_replication_role = replica`
 * (no triggers, no foreign-key checks: the generator writes `officeId` itself, consistent by
 * construction) and `synchronous_commit = off`; WORKERS chunks run at once. The three largest
 * tables (values, frozen targets, targets) lose their indexes and primary keys during the load and
 * get them back by one sorted build each (far cheaper than 10 million random B-tree inserts); then
 * VACUUM ANALYZE.
 *
 * Usage (env or --flags): DB (default sipedaki_scale; refuses the test databases), OFFICES (1000),
 * YEARS (5), FIRST_YEAR (2022), BIDANG (10), INDICATORS (50), WORKERS (2), CHUNK (offices per
 * transaction, 10), FRESH=1 (drop and re-create DB first). The server is TEST_DATABASE_URL's (the
 * local PostgreSQL by default). Every generated user's password is `rahasia-uji-123`; the
 * Kasubbag of office n is `g<tag>.<n>.kasubbag` (printed).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { migrateDeploy } from '../apps/api/src/db/migrate';
import { createPrisma } from '../apps/api/src/db/prisma';
import { seedReference } from '../apps/api/src/db/seed';
import { hashPassword } from '../apps/api/src/auth/password';

const requireApi = createRequire(path.join(__dirname, '../apps/api/package.json'));
const pg = requireApi('pg') as typeof import('pg');

export const GENERATED_PASSWORD = 'rahasia-uji-123';

export interface GenerateOptions {
  url: string;
  offices: number;
  years: number;
  firstYear: number;
  bidang: number;
  indicators: number;
  workers: number;
  chunk: number;
  /** Distinguishes the codes and usernames of one run from another's in the same database. */
  tag: string;
  log?: (line: string) => void;
}

const HOURS = `'{"1":{"start":"07:30","end":"16:00"},"2":{"start":"07:30","end":"16:00"},"3":{"start":"07:30","end":"16:00"},"4":{"start":"07:30","end":"16:00"},"5":{"start":"07:30","end":"16:30"}}'::jsonb`;

/** The statements of one chunk of offices [a, b]; every count they return is added up. */
function chunkSql(o: GenerateOptions, a: number, b: number, passwordHash: string, scale: { code: string; version: number }): string[] {
  const y0 = o.firstYear;
  const y1 = o.firstYear + o.years - 1;
  const t = o.tag;
  const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
  return [
    `CREATE TEMP TABLE g_office ON COMMIT DROP AS SELECT gen_random_uuid() AS id, n FROM generate_series(${a}, ${b}) n`,
    // 40 offices per pemda (the generate() start made the pemda rows).
    `INSERT INTO "Office"(id, "pemdaId", code, name, regency, "officeHours", "requireHeadApproval")
       SELECT o.id, p.id, 'G${t}-' || lpad(n::text, 5, '0'), 'Dinas Uji ' || n, 'Kabupaten Uji ' || ((n - 1) / 40 + 1), ${HOURS}, false
         FROM g_office o JOIN "Pemda" p ON p.code = 'G${t}-P' || ((o.n - 1) / 40 + 1)`,
    `CREATE TEMP TABLE g_bidang ON COMMIT DROP AS SELECT gen_random_uuid() AS id, o.id AS "officeId", o.n, k FROM g_office o, generate_series(1, ${o.bidang}) k`,
    `INSERT INTO "Bidang"(id, "officeId", code, name, "sortOrder") SELECT id, "officeId", 'B' || lpad(k::text, 2, '0'), 'Bidang ' || k, k FROM g_bidang`,
    `CREATE TEMP TABLE g_user ON COMMIT DROP AS
       SELECT gen_random_uuid() AS id, o.id AS "officeId", o.n, r.role, NULL::uuid AS "bidangId", r.role::text AS slug
         FROM g_office o, unnest(ARRAY['SEKRETARIS', 'KASUBBAG', 'PENYUSUN']::"Role"[]) r(role)
       UNION ALL
       SELECT gen_random_uuid(), b."officeId", b.n, 'BIDANG_OPERATOR'::"Role", b.id, 'operator' || b.k FROM g_bidang b`,
    `INSERT INTO "User"(id, "officeId", username, name, "passwordHash", roles, "bidangId", "updatedAt")
       SELECT id, "officeId", 'g${t}.' || n || '.' || lower(slug), initcap(lower(slug)) || ' ' || n, ${lit(passwordHash)}, ARRAY[role], "bidangId", now() FROM g_user`,
    `CREATE TEMP TABLE g_ind ON COMMIT DROP AS SELECT gen_random_uuid() AS id, b."officeId", b.id AS "bidangId", b.k, i FROM g_bidang b, generate_series(1, ${o.indicators}) i`,
    `INSERT INTO "Indicator"(id, "officeId", "bidangId", code, name, satuan, "valueKind")
       SELECT id, "officeId", "bidangId", 'IK.' || k || '.' || i, 'Indikator ' || k || '.' || i, 'persen', 'PERCENTAGE' FROM g_ind`,
    `INSERT INTO "IndicatorTarget"(id, "officeId", "indicatorId", year, triwulan, target)
       SELECT gen_random_uuid(), i."officeId", i.id, y, 0, 80 + (i.i % 20) FROM g_ind i, generate_series(${y0}, ${y1}) y`,
    // One request per Triwulan and year; the letter arrives ten days after the quarter ends.
    `CREATE TEMP TABLE g_req ON COMMIT DROP AS
       SELECT gen_random_uuid() AS id, o.id AS "officeId", o.n, y, tw,
              (make_date(y, 1, 10) + make_interval(months => tw * 3))::timestamptz AS at,
              (y = ${y1} AND tw = 4) AS open,
              (SELECT u.id FROM g_user u WHERE u."officeId" = o.id AND u.role = 'KASUBBAG') AS kasubbag
         FROM g_office o, generate_series(${y0}, ${y1}) y, generate_series(1, 4) tw`,
    `INSERT INTO "DataRequest"(id, "officeId", year, triwulan, "letterNumber", "letterDate", sender, subject, "requestedDocuments",
                               status, "currentStep", "stepStartedAt", "dueAt", "createdById", "createdAt", "updatedAt", "completedAt")
       SELECT id, "officeId", y, tw, '050/' || tw || '/BAPPEDA/' || y, at::date, 'Bappeda Kabupaten Uji', 'Permintaan data kinerja Triwulan ' || tw || ' ' || y,
              ARRAY['LHP', 'LHE']::"DocumentKind"[],
              CASE WHEN open THEN 'COLLECTING' ELSE 'DONE' END::"RequestStatus", CASE WHEN open THEN 4 ELSE 7 END,
              at + interval '6 days', at + interval '20 days', kasubbag, at, at + interval '18 days', CASE WHEN open THEN NULL ELSE at + interval '18 days' END
         FROM g_req`,
    // The 7 steps, 2 days each; about one in ten finished late (3 days).
    `INSERT INTO "RequestStep"(id, "officeId", "requestId", step, "startedAt", "dueAt", "completedAt", "completedById", action)
       SELECT gen_random_uuid(), r."officeId", r.id, s, r.at + (s - 1) * interval '2 days', r.at + s * interval '2 days',
              CASE WHEN r.open AND s >= 4 THEN NULL ELSE r.at + (s - 1) * interval '2 days' + CASE WHEN random() < 0.1 THEN interval '3 days' ELSE interval '36 hours' END END,
              CASE WHEN r.open AND s >= 4 THEN NULL ELSE r.kasubbag END, CASE WHEN r.open AND s >= 4 THEN NULL ELSE 'FORWARD' END
         FROM g_req r, generate_series(1, CASE WHEN r.open THEN 4 ELSE 7 END) s`,
    `INSERT INTO "Disposition"(id, "officeId", "requestId", step, "fromUserId", "fromRole", "toRole", instruction, mark, "createdAt")
       SELECT gen_random_uuid(), r."officeId", r.id, d.step, r.kasubbag, d.f::"Role", d.t::"Role", 'Harap diproses sesuai SOP', 'PARAF', r.at + d.step * interval '1 day'
         FROM g_req r, (VALUES (1, 'SEKRETARIS', 'KASUBBAG'), (2, 'KASUBBAG', 'PENYUSUN'), (3, 'PENYUSUN', 'BIDANG_OPERATOR')) d(step, f, t)`,
    `INSERT INTO "DataRequestBidang"("officeId", "requestId", "bidangId") SELECT r."officeId", r.id, b.id FROM g_req r JOIN g_bidang b ON b."officeId" = r."officeId"`,
    `INSERT INTO "DataRequestIndicator"("officeId", "requestId", "indicatorId", target, "targetFrozenAt")
       SELECT r."officeId", r.id, i.id, 80 + (i.i % 20), r.at + interval '5 days' FROM g_req r JOIN g_ind i ON i."officeId" = r."officeId"`,
    `CREATE TEMP TABLE g_sub ON COMMIT DROP AS
       SELECT gen_random_uuid() AS id, r."officeId", r.id AS "requestId", b.id AS "bidangId", r.at, r.open,
              (SELECT u.id FROM g_user u WHERE u."bidangId" = b.id) AS operator, r.kasubbag
         FROM g_req r JOIN g_bidang b ON b."officeId" = r."officeId"`,
    `INSERT INTO "BidangSubmission"(id, "officeId", "requestId", "bidangId", status, version, "firstSubmittedAt", "submittedAt", "submittedById",
                                    "reviewedAt", "reviewedById", "createdAt", "updatedAt")
       SELECT id, "officeId", "requestId", "bidangId", CASE WHEN open THEN 'DRAFT' ELSE 'ACCEPTED' END::"SubmissionStatus", CASE WHEN open THEN 1 ELSE 3 END,
              CASE WHEN open THEN NULL ELSE at + interval '8 days' END, CASE WHEN open THEN NULL ELSE at + interval '8 days' END, CASE WHEN open THEN NULL ELSE operator END,
              CASE WHEN open THEN NULL ELSE at + interval '9 days' END, CASE WHEN open THEN NULL ELSE kasubbag END, at + interval '6 days', at + interval '9 days'
         FROM g_sub`,
    `INSERT INTO "SubmissionValue"(id, "officeId", "submissionId", "indicatorId", realisasi)
       SELECT gen_random_uuid(), s."officeId", s.id, i.id, round((60 + random() * 50)::numeric, 2) FROM g_sub s JOIN g_ind i ON i."bidangId" = s."bidangId"`,
    `INSERT INTO "SubmissionReview"(id, "officeId", "submissionId", action, "fromStatus", "toStatus", "actorId", version, "createdAt")
       SELECT gen_random_uuid(), s."officeId", s.id, a.action, a.f::"SubmissionStatus", a.t::"SubmissionStatus", CASE WHEN a.v = 2 THEN s.operator ELSE s.kasubbag END, a.v,
              s.at + (7 + a.v) * interval '1 day'
         FROM g_sub s, (VALUES ('SUBMIT', 'DRAFT', 'SUBMITTED', 2), ('ACCEPT', 'SUBMITTED', 'ACCEPTED', 3)) a(action, f, t, v) WHERE NOT s.open`,
    `INSERT INTO "PerformanceAnalysis"(id, "officeId", "requestId", version, status, "scaleCode", "scaleVersion", "officeCapaian", results, "createdById", "createdAt", "submittedAt")
       SELECT gen_random_uuid(), "officeId", id, 1, 'SUBMITTED', ${lit(scale.code)}, ${scale.version}, round((70 + random() * 40)::numeric, 2),
              jsonb_build_object('generated', true), kasubbag, at + interval '12 days', at + interval '12 days'
         FROM g_req WHERE NOT open`,
    // The audit trail: each step of each request and each submission's hand-in and acceptance.
    `INSERT INTO "AuditEvent"(at, "actorId", "officeId", action, "entityType", "entityId", after)
       SELECT r.at + s * interval '2 days', r.kasubbag, r."officeId", 'request.forward', 'DataRequest', r.id::text, jsonb_build_object('currentStep', s + 1)
         FROM g_req r, generate_series(1, 7) s
       UNION ALL
       SELECT s.at + (7 + v) * interval '1 day', s.operator, s."officeId", CASE v WHEN 2 THEN 'submission.submitted' ELSE 'submission.accepted' END, 'BidangSubmission', s.id::text,
              jsonb_build_object('version', v)
         FROM g_sub s, generate_series(2, 3) v WHERE NOT s.open`,
    `INSERT INTO "Notification"(id, "userId", "officeId", event, "eventKey", params, link, "requestId", "createdAt", "readAt")
       SELECT gen_random_uuid(), u.id, r."officeId", 'REQUEST_AT_STEP', 'gen:' || r.id || ':' || u.id, jsonb_build_object('step', 2), '/permintaan/' || r.id, r.id, r.at,
              CASE WHEN r.open THEN NULL ELSE r.at + interval '1 day' END
         FROM g_req r JOIN g_user u ON u."officeId" = r."officeId" AND u.role IN ('SEKRETARIS', 'KASUBBAG', 'PENYUSUN')`,
  ];
}

/** The indexes of the largest tables, dropped for the load and built once after it. */
const BIG_TABLES = ['SubmissionValue', 'DataRequestIndicator', 'IndicatorTarget'];

export async function generate(o: GenerateOptions) {
  const log = o.log ?? ((s: string) => process.stdout.write(`${s}\n`));
  const pool = new pg.Pool({ connectionString: o.url, max: o.workers + 1 });
  try {
    const passwordHash = await hashPassword(GENERATED_PASSWORD);
    const scale = (await pool.query(`SELECT code, version FROM "CategoryScale" ORDER BY "validFrom" DESC, version DESC LIMIT 1`)).rows[0];
    if (!scale) throw new Error('no CategoryScale: seed the reference data first');
    // Every index of the two big tables goes, their primary keys too (no foreign key points at
    // them); building them back checks uniqueness over the whole table, so a duplicate still fails.
    const keys = (
      await pool.query(
        `SELECT c.conrelid::regclass::text AS "table", c.conname AS name, pg_get_constraintdef(c.oid) AS def
           FROM pg_constraint c WHERE c.contype = 'p' AND c.conrelid::regclass::text = ANY($1)`,
        [BIG_TABLES.map((t) => `"${t}"`)],
      )
    ).rows as { table: string; name: string; def: string }[];
    for (const k of keys) await pool.query(`ALTER TABLE ${k.table} DROP CONSTRAINT "${k.name}"`);
    const indexes = [
      ...keys.map((k) => ({ indexname: k.name, indexdef: `ALTER TABLE ${k.table} ADD CONSTRAINT "${k.name}" ${k.def}` })),
      ...((
        await pool.query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = ANY($1)`, [BIG_TABLES])
      ).rows as { indexname: string; indexdef: string }[]),
    ];
    for (const ix of indexes.slice(keys.length)) await pool.query(`DROP INDEX "${ix.indexname}"`);

    // The regional governments, 40 offices each, before the offices that belong to them.
    await pool.query(
      `INSERT INTO "Pemda"(id, code, name) SELECT gen_random_uuid(), 'G${o.tag}-P' || k, 'Pemerintah Kabupaten Uji ' || k FROM generate_series(1, ${Math.ceil(o.offices / 40)}) k`,
    );
    const counts = new Map<string, number>();
    const spent = new Map<string, number>();
    const chunks: [number, number][] = [];
    for (let a = 1; a <= o.offices; a += o.chunk) chunks.push([a, Math.min(o.offices, a + o.chunk - 1)]);
    const t0 = Date.now();
    let done = 0;
    let rows = 0;
    const worker = async () => {
      for (let next = chunks.shift(); next; next = chunks.shift()) {
        const c = await pool.connect();
        try {
          await c.query('BEGIN');
          await c.query(`SET LOCAL session_replication_role = replica`);
          await c.query(`SET LOCAL synchronous_commit = off`);
          await c.query(`SET LOCAL work_mem = '64MB'`);
          for (const sql of chunkSql(o, next[0], next[1], passwordHash, scale)) {
            const ts = Date.now();
            const r = await c.query(sql);
            const table = /INSERT INTO "(\w+)"/.exec(sql)?.[1];
            if (table) spent.set(table, (spent.get(table) ?? 0) + Date.now() - ts);
            if (table && r.rowCount) {
              counts.set(table, (counts.get(table) ?? 0) + r.rowCount);
              rows += r.rowCount;
            }
          }
          await c.query('COMMIT');
        } catch (e) {
          await c.query('ROLLBACK').catch(() => undefined);
          throw e;
        } finally {
          c.release();
        }
        done += next[1] - next[0] + 1;
        const s = (Date.now() - t0) / 1000;
        log(`  ${done}/${o.offices} offices, ${rows.toLocaleString('en')} rows, ${Math.round(rows / s).toLocaleString('en')} rows/s`);
      }
    };
    await Promise.all(Array.from({ length: o.workers }, worker));
    const loadSeconds = (Date.now() - t0) / 1000;

    const t1 = Date.now();
    // One sorted build per index, in parallel across the workers' connections.
    await pool.query(`SET maintenance_work_mem = '512MB'`);
    const queue = [...indexes];
    await Promise.all(
      Array.from({ length: o.workers }, async () => {
        for (let ix = queue.shift(); ix; ix = queue.shift()) {
          const c = await pool.connect();
          try {
            await c.query(`SET maintenance_work_mem = '512MB'`);
            await c.query(ix.indexdef);
          } finally {
            c.release();
          }
        }
      }),
    );
    const indexSeconds = (Date.now() - t1) / 1000;
    const t2 = Date.now();
    await pool.query('VACUUM ANALYZE');
    const analyzeSeconds = (Date.now() - t2) / 1000;
    const total = (Date.now() - t0) / 1000;
    log(`rows per table (seconds of its inserts): ${[...counts].map(([k, v]) => `${k} ${v.toLocaleString('en')} (${((spent.get(k) ?? 0) / 1000).toFixed(1)} s)`).join(', ')}`);
    log(
      `generated ${rows.toLocaleString('en')} rows for ${o.offices} offices × ${o.years} years: load ${loadSeconds.toFixed(1)} s (${Math.round(rows / loadSeconds).toLocaleString('en')} rows/s), ` +
        `indexes ${indexSeconds.toFixed(1)} s, VACUUM ANALYZE ${analyzeSeconds.toFixed(1)} s; total ${total.toFixed(1)} s = ${Math.round(rows / total).toLocaleString('en')} rows/s`,
    );
    return { rows, counts: Object.fromEntries(counts), seconds: total, kasubbag: (n: number) => `g${o.tag}.${n}.kasubbag` };
  } finally {
    await pool.end();
  }
}

/** The database URL of `name` on TEST_DATABASE_URL's server; creates it (FRESH: re-creates it). */
export async function ensureDatabase(name: string, fresh: boolean): Promise<string> {
  if (!/^[a-z0-9_]+$/.test(name) || name.startsWith('sipedaki_test') || name === 'sipedaki' || name === 'postgres') {
    throw new Error(`refusing to generate into database "${name}" (the test and development databases are not for bulk data)`);
  }
  const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/sipedaki_test');
  const admin = new URL(base);
  admin.pathname = '/postgres';
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  try {
    if (fresh) await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const exists = (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount;
    if (!exists) await c.query(`CREATE DATABASE "${name}"`);
  } finally {
    await c.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function migrateAndSeed(url: string) {
  await migrateDeploy(url);
  const db = createPrisma(url, { max: 2 });
  try {
    await seedReference(db);
  } finally {
    await db.$disconnect();
  }
}

function arg(name: string, fallback: string): string {
  const flag = process.argv.find((a) => a.startsWith(`--${name.toLowerCase()}=`));
  return flag ? flag.split('=')[1] : (process.env[name] ?? fallback);
}

async function main() {
  const name = arg('DB', 'sipedaki_scale');
  const url = await ensureDatabase(name, arg('FRESH', '') === '1');
  await migrateAndSeed(url);
  const tag = Date.now().toString(36).slice(-4);
  const o: GenerateOptions = {
    url,
    offices: Number(arg('OFFICES', '1000')),
    years: Number(arg('YEARS', '5')),
    firstYear: Number(arg('FIRST_YEAR', '2022')),
    bidang: Number(arg('BIDANG', '10')),
    indicators: Number(arg('INDICATORS', '50')),
    workers: Number(arg('WORKERS', '2')),
    chunk: Number(arg('CHUNK', '10')),
    tag,
  };
  process.stdout.write(`generating ${o.offices} offices × ${o.years} years (${o.bidang} Bidang × ${o.indicators} indicators, 4 Triwulan) into ${name}, ${o.workers} workers …\n`);
  const r = await generate(o);
  process.stdout.write(`log in as ${r.kasubbag(1)} … ${r.kasubbag(o.offices)} with password ${GENERATED_PASSWORD}\n`);
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (e) => {
      process.stderr.write(`${e?.stack ?? e}\n`);
      process.exit(1);
    },
  );
}
