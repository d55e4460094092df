/**
 * Issue 9, item 9: removeDocument(LHP) and submitSubmission in parallel once left a submission
 * SUBMITTED without its required LHP. Adding or removing an attachment now takes the same row
 * lock on the submission as submitting. Two kinds of proof:
 *  - deterministic: the test itself holds the submission's row lock, lets both calls queue up
 *    behind it in the order that broke (submit first, then the removal), and releases it;
 *  - free-running rounds of the two calls in parallel, checking the invariant after each.
 */
import pg from 'pg';
import { attacks } from './attacks';
import { callSaveSubmission, callSubmissionAction, getSubmission, requestAt, setupOffice, uploadDocument, type FlowOffice } from './flow';
import { errorCode, startTestApp, type GqlResult, type TestApp } from './harness';
import { TEST_DATABASE_URL } from './db-url';

jest.setTimeout(180_000);

let t: TestApp;
let o: FlowOffice;
beforeAll(async () => {
  t = await startTestApp();
  o = await setupOffice(t);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const attack = attacks('balapan lampiran vs kirim (row lock)');
const removeDocument = (id: string) => t.gql(`mutation { removeDocument(id: "${id}") }`, {}, o.tok.op1);
const submit = (submissionId: string, expectedVersion: number) => callSubmissionAction(t, 'submitSubmission', o.tok.op1, { submissionId, expectedVersion });

/** A fresh submission of Bidang Satu with its value, LHE and TL HP; the LHP is attached per round. */
async function draftSubmission(): Promise<string> {
  const req = await requestAt(t, o, 'COLLECTING');
  const id = req.submissions[0]!;
  const s = await getSubmission(t, o.tok.op1, id);
  const saved = await callSaveSubmission(t, o.tok.op1, { submissionId: id, expectedVersion: s.version, values: [{ indicatorId: o.indicators[0]!.id, realisasi: 70 }] });
  if (saved.errors) throw new Error(JSON.stringify(saved.errors));
  for (const kind of ['LHE', 'TL_HP']) expect((await uploadDocument(t, o.tok.op1, { submissionId: id, kind })).status).toBe(201);
  return id;
}

async function attachLhp(submissionId: string): Promise<string> {
  const up = await uploadDocument(t, o.tok.op1, { submissionId, kind: 'LHP' });
  expect(up.status).toBe(201);
  return up.body.id;
}

/** The invariant: a SUBMITTED (or later) submission holds every document it requires. */
async function expectInvariant(submissionId: string) {
  const s = await t.db.bidangSubmission.findUniqueOrThrow({ where: { id: submissionId }, include: { documents: true } });
  if (s.status !== 'DRAFT' && s.status !== 'RETURNED') {
    expect(s.documents.map((d) => d.kind).sort()).toEqual(expect.arrayContaining(['LHE', 'LHP', 'TL_HP']));
  }
  return s;
}

/** Each call either succeeded or was refused with a clean, expected code (never INTERNAL_ERROR). */
function outcome(r: GqlResult, allowed: string[]): 'ok' | string {
  if (!r.errors) return 'ok';
  const code = errorCode(r)!;
  expect(allowed).toContain(code);
  return code;
}

/**
 * Backends waiting, directly or behind another waiter, on a lock held by `pid` (a second waiter
 * for a row waits on the first waiter's tuple lock, not on the holder).
 */
async function blockedBy(pid: number): Promise<number> {
  const rows = await t.db.$queryRawUnsafe<{ n: number }[]>(
    `WITH RECURSIVE w(pid) AS (
       SELECT pid FROM pg_stat_activity WHERE $1::int = ANY(pg_blocking_pids(pid))
       UNION SELECT a.pid FROM pg_stat_activity a JOIN w ON w.pid = ANY(pg_blocking_pids(a.pid)))
     SELECT count(*)::int AS n FROM w`,
    pid,
  );
  return rows[0]!.n;
}

async function until(cond: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 1500; i++) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** Holds the submission's row lock in a transaction of the test's own, released by `release()`. */
async function holdRowLock(submissionId: string) {
  const holder = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await holder.connect();
  await holder.query('BEGIN');
  await holder.query('SELECT id FROM "BidangSubmission" WHERE id = $1::uuid FOR UPDATE', [submissionId]);
  const pid = (await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
  return {
    pid,
    async release() {
      await holder.query('ROLLBACK');
      await holder.end();
    },
  };
}

it('submit first, removal of the LHP second, both held at the row lock: never SUBMITTED without the LHP', () =>
  attack('submit vs remove LHP, forced interleaving', async () => {
    const id = await draftSubmission();
    const lhp = await attachLhp(id);
    const version = (await getSubmission(t, o.tok.op1, id)).version;
    const lock = await holdRowLock(id);
    try {
      const submitting = submit(id, version);
      await until(async () => (await blockedBy(lock.pid)) >= 1, 'the submit to wait');
      let removed = false;
      const removing = removeDocument(lhp).finally(() => {
        removed = true;
      });
      // Before the fix the removal never waited: it read DRAFT, deleted the LHP and committed
      // while the submit sat between its document check and its update.
      await until(async () => removed || (await blockedBy(lock.pid)) >= 2, 'the removal to wait or finish');
      await lock.release();
      const [s, r] = await Promise.all([submitting, removing]);
      expect(outcome(s, ['VALIDATION_FAILED'])).toBe('ok');
      expect(outcome(r, ['NOT_EDITABLE'])).toBe('NOT_EDITABLE');
      const after = await expectInvariant(id);
      expect(after.status).toBe('SUBMITTED');
    } finally {
      await lock.release().catch(() => undefined);
    }
  }));

it('submit first, an upload second, both held at the row lock: nothing is attached to the submitted data', () =>
  attack('submit vs upload, forced interleaving', async () => {
    const id = await draftSubmission();
    await attachLhp(id);
    const version = (await getSubmission(t, o.tok.op1, id)).version;
    const before = await t.db.storedDocument.count({ where: { submissionId: id } });
    const lock = await holdRowLock(id);
    try {
      const submitting = submit(id, version);
      await until(async () => (await blockedBy(lock.pid)) >= 1, 'the submit to wait');
      let uploaded = false;
      const uploading = uploadDocument(t, o.tok.op1, { submissionId: id, kind: 'OTHER' }).finally(() => {
        uploaded = true;
      });
      await until(async () => uploaded || (await blockedBy(lock.pid)) >= 2, 'the upload to wait or finish');
      await lock.release();
      const [s, u] = await Promise.all([submitting, uploading]);
      expect(outcome(s, [])).toBe('ok');
      expect(u.status).toBe(400);
      expect(u.body.error.code).toBe('NOT_EDITABLE');
      expect(await t.db.storedDocument.count({ where: { submissionId: id } })).toBe(before);
    } finally {
      await lock.release().catch(() => undefined);
    }
  }));

it('free-running rounds of removeDocument(LHP) ∥ submitSubmission keep the invariant', () =>
  attack('submit vs remove LHP, 16 parallel rounds', async () => {
    const id = await draftSubmission();
    const seen: Record<string, number> = {};
    let lhp: string | null = null;
    for (let round = 0; round < 16; round++) {
      lhp ??= await attachLhp(id);
      const version = (await getSubmission(t, o.tok.op1, id)).version;
      const [s, r] = await Promise.all([submit(id, version), removeDocument(lhp)]);
      const key = `submit:${outcome(s, ['VALIDATION_FAILED'])} remove:${outcome(r, ['NOT_EDITABLE'])}`;
      seen[key] = (seen[key] ?? 0) + 1;
      const after = await expectInvariant(id);
      // Exactly one of the two won: submitted with the LHP, or the LHP removed and the submit refused.
      expect(['submit:ok remove:NOT_EDITABLE', 'submit:VALIDATION_FAILED remove:ok']).toContain(key);
      if (after.status === 'SUBMITTED') {
        const back = await callSubmissionAction(t, 'returnSubmission', o.tok.penyusun, { submissionId: id, expectedVersion: after.version, reason: 'Putaran uji berikutnya.' });
        expect(back.errors).toBeUndefined();
      } else {
        lhp = null;
      }
    }
    expect(Object.values(seen).reduce((a, b) => a + b, 0)).toBe(16);
  }));
