/**
 * Issue 15 "Beyond one machine": every tenant table carries `officeId` with an index that leads
 * with it — the column a Citus cluster would distribute by (docs/scaling.md), and the key of every
 * per-office read on one machine. The tables are listed from the migrated database itself
 * (information_schema and pg_index), so a new table that lacks either fails here, by name.
 */
import pg from 'pg';
import { TEST_DATABASE_URL } from './db-url';

/**
 * Tables that belong to no office, each with the reason. In a Citus cluster the first two would be
 * reference tables (copied to every node), the others stay on the coordinator.
 */
const GLOBAL_TABLES: Record<string, string> = {
  // The tenant itself: its `id` is every other table's officeId (the distribution key).
  Office: 'the tenant: its id is the officeId',
  // The regional government above its offices (~550 rows nationally): a reference table in Citus.
  Pemda: 'the level above the offices',
  // National, versioned category scales shared by every office (packages/sop scales).
  CategoryScale: 'national reference data',
  // One row per running API process (the job workers' heartbeat), not per office.
  JobWorker: 'one row per API process',
  // Sign-in attempts of the last minute per client address (auth/login-rate-limit.ts): an address
  // has no office, and every office's sign-ins must count against one budget per address.
  LoginAttempt: 'per client address, not per office',
  // Prisma's record of applied migrations.
  _prisma_migrations: "Prisma's migration log",
};

/**
 * Tenant tables whose officeId may be NULL, each with what NULL means. Every other tenant table
 * has it NOT NULL.
 */
const NULLABLE_OFFICE: Record<string, string> = {
  // NULL = the national list of holidays and cuti bersama; an office's own rows carry its id.
  Holiday: 'NULL is the national calendar',
  // Events without an office: the start-up bootstrap and sign-in attempts of unknown usernames.
  AuditEvent: 'NULL for events of no office (bootstrap, unknown user)',
};

let db: pg.Client;
beforeAll(async () => {
  db = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await db.connect();
});
afterAll(() => db?.end());

async function tables(): Promise<string[]> {
  const r = await db.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`);
  return r.rows.map((x) => x.table_name as string);
}

describe('tenant tables: officeId in every one, with an index that leads with it', () => {
  it('every table of the public schema is either global (listed with its reason) or carries officeId', async () => {
    const all = await tables();
    expect(all.length).toBeGreaterThan(30);
    const cols = await db.query(`SELECT table_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'officeId'`);
    const nullable = new Map(cols.rows.map((r) => [r.table_name as string, r.is_nullable === 'YES']));
    const problems: string[] = [];
    for (const t of all) {
      if (t in GLOBAL_TABLES) {
        if (nullable.has(t)) problems.push(`${t}: listed as global but has officeId — take it off GLOBAL_TABLES`);
        continue;
      }
      if (!nullable.has(t)) problems.push(`${t}: no "officeId" column (add it, filled from the parent row like the others in 20261130140000_tenant_office_id, or list the table in GLOBAL_TABLES with its reason)`);
      else if (nullable.get(t) && !(t in NULLABLE_OFFICE)) problems.push(`${t}: "officeId" may be NULL`);
    }
    // The allow-lists name real tables only (a renamed table must not keep a stale exemption).
    for (const t of [...Object.keys(GLOBAL_TABLES), ...Object.keys(NULLABLE_OFFICE)]) if (!all.includes(t)) problems.push(`${t}: listed as an exception but no such table`);
    expect(problems).toEqual([]);
  });

  it('every table with officeId has an index whose first column is officeId', async () => {
    const r = await db.query(`
      SELECT c.relname AS table_name,
             bool_or(a.attname = 'officeId') AS leads
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
        JOIN pg_attribute oc ON oc.attrelid = c.oid AND oc.attname = 'officeId' AND NOT oc.attisdropped
        LEFT JOIN pg_index i ON i.indrelid = c.oid
        LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]
       WHERE c.relkind = 'r'
       GROUP BY c.relname ORDER BY 1`);
    const without = r.rows.filter((x) => !x.leads).map((x) => x.table_name as string);
    process.stdout.write(`[tenant-tables] ${r.rows.length} tenant tables, each with an index leading with officeId: ${r.rows.map((x) => x.table_name).join(', ')}\n`);
    expect(without).toEqual([]);
  });

  it('the trigger fills officeId from the parent row, whatever the insert sends', async () => {
    // Raw SQL, as a bulk loader or another engineer's hand-written statement would write.
    const pemda = (await db.query(`INSERT INTO "Pemda"(id, code, name) VALUES (gen_random_uuid(), 'TT-' || substr(md5(random()::text), 1, 10), 'Pemerintah Kabupaten Uji') RETURNING id`)).rows[0].id as string;
    const office = async () =>
      (await db.query(`INSERT INTO "Office"(id, "pemdaId", code, name, regency, "officeHours") VALUES (gen_random_uuid(), $1, 'TT-' || substr(md5(random()::text), 1, 10), 'Dinas Uji', 'Kabupaten Uji', '{}') RETURNING id`, [pemda])).rows[0].id as string;
    const mine = await office();
    const other = await office();
    const b = await db.query(`INSERT INTO "Bidang"(id, "officeId", code, name) VALUES (gen_random_uuid(), $1, 'B1', 'Bidang') RETURNING id`, [mine]);
    const u = await db.query(`INSERT INTO "User"(id, "officeId", username, name, "passwordHash", roles, "updatedAt") VALUES (gen_random_uuid(), $1, 'tt-' || substr(md5(random()::text), 1, 10), 'U', 'x', '{SEKRETARIS}', now()) RETURNING id`, [mine]);
    const q = await db.query(
      `INSERT INTO "DataRequest"(id, "officeId", year, "letterNumber", "letterDate", sender, subject, "stepStartedAt", "createdById", "updatedAt")
       VALUES (gen_random_uuid(), $1, 2026, 'TT/1', '2026-01-01', 'Bappeda', 'Uji', now(), $2, now()) RETURNING id`,
      [mine, u.rows[0].id],
    );
    const i = await db.query(`INSERT INTO "Indicator"(id, "officeId", "bidangId", code, name, satuan) VALUES (gen_random_uuid(), $1, $2, 'I1', 'Indikator', 'persen') RETURNING id`, [mine, b.rows[0].id]);
    // Without officeId: taken from the request.
    const sub = await db.query(`INSERT INTO "BidangSubmission"(id, "requestId", "bidangId", "updatedAt") VALUES (gen_random_uuid(), $1, $2, now()) RETURNING id, "officeId"`, [q.rows[0].id, b.rows[0].id]);
    expect(sub.rows[0].officeId).toBe(mine);
    // With another office's id: overwritten with the submission's.
    const v = await db.query(`INSERT INTO "SubmissionValue"(id, "officeId", "submissionId", "indicatorId", realisasi) VALUES (gen_random_uuid(), $1, $2, $3, 1) RETURNING "officeId"`, [
      other,
      sub.rows[0].id,
      i.rows[0].id,
    ]);
    expect(v.rows[0].officeId).toBe(mine);
    // A parent that does not exist is refused like the foreign key would refuse it.
    await expect(db.query(`INSERT INTO "SubmissionReview"(id, "submissionId", action, "fromStatus", "toStatus", "actorId", version) VALUES (gen_random_uuid(), gen_random_uuid(), 'SUBMIT', 'DRAFT', 'SUBMITTED', $1, 1)`, [u.rows[0].id])).rejects.toMatchObject({ code: '23503' });
    // These rows bypassed the services (no steps, no audit): gone before another file's sweep meets them.
    await db.query(`DELETE FROM "DataRequest" WHERE id = $1`, [q.rows[0].id]); // cascades to the submission and its value
    await db.query(`DELETE FROM "Indicator" WHERE id = $1`, [i.rows[0].id]);
    await db.query(`DELETE FROM "User" WHERE id = $1`, [u.rows[0].id]);
    await db.query(`DELETE FROM "Bidang" WHERE id = $1`, [b.rows[0].id]);
    await db.query(`DELETE FROM "Office" WHERE id = ANY($1::uuid[])`, [[mine, other]]);
    await db.query(`DELETE FROM "Pemda" WHERE id = $1`, [pemda]);
  });
});
