/**
 * Issue 9, items 2 and 10 and the login timing: the per-account lockout and the per-IP limit hold
 * against simultaneous attempts, X-Forwarded-For gives no fresh budget unless a proxy is trusted
 * (TRUST_PROXY), and an unknown login does the same work as a wrong password of a real account.
 *
 * What is counted is work, never time: how many passwords the server verified (passwords.verify)
 * and how many SQL statements each path sent.
 */
import { countStatements } from './statements';
import { passwords } from '../src/auth/password';
import { loadConfig, parseTrustProxy } from '../src/config';
import { attacks } from './attacks';
import { makeOfficeWithStaff, PASSWORD } from './factories';
import { errorCode, startTestApp, type GqlResult, type TestApp } from './harness';
import { uniqueLoopbackAddress } from './loopback';

const print = (line: string) => process.stdout.write(`[login-attacks] ${line}\n`);
const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { token } }';
const attack = attacks('login: penguncian akun dan batas per alamat IP');

/** Counts passwords.verify calls against one hash (or all) while `fn` runs. */
async function countVerifications<T>(fn: () => Promise<T>, hash?: string): Promise<{ result: T; verified: number }> {
  const spy = jest.spyOn(passwords, 'verify');
  try {
    const result = await fn();
    return { result, verified: spy.mock.calls.filter(([h]) => !hash || h === hash).length };
  } finally {
    spy.mockRestore();
  }
}

/**
 * The per-address budget lives in the database every test app of the run shares: each test of
 * the limit sends from a loopback address of its own (test/loopback.ts).
 */
const limitedApp = (limit: number, more: Record<string, string> = {}) => startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: String(limit), ...more }, { clientAddress: uniqueLoopbackAddress() });

/** A private address no other test claims in X-Forwarded-For. */
const forwardedAddress = (() => {
  const base = uniqueLoopbackAddress().replace(/^127\.(\d+\.\d+)\.\d+$/, '10.$1');
  return (n: number) => `${base}.${n}`;
})();

/** A login sent with raw headers (to claim another address). */
async function loginFrom(app: TestApp, login: string, password: string, headers: Record<string, string> = {}): Promise<GqlResult> {
  const res = await app.fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: LOGIN, variables: { i: { login, password } } }),
  });
  return { ...(await res.json()), status: res.status };
}

const tally = (results: GqlResult[]) => {
  const counts: Record<string, number> = {};
  for (const r of results) {
    const k = r.data?.login?.token ? 'TOKEN' : (errorCode(r) ?? 'NONE');
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
};

describe('per-account lockout under parallel attempts (item 2)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('29 wrong passwords at once: exactly LOGIN_MAX_FAILURES are verified, the account locks, and the right password afterwards is refused', () =>
    attack('29 wrong passwords in parallel, then the right one', async () => {
      const o = await makeOfficeWithStaff(t.db);
      const u = o.users.kasubbag;
      const max = t.config.LOGIN_MAX_FAILURES;
      const { result, verified } = await countVerifications(
        () => Promise.all(Array.from({ length: 29 }, (_, i) => t.gql(LOGIN, { i: { login: u.username, password: `salah-sandi-${i}` } }))),
        u.passwordHash,
      );
      const row = await t.db.user.findUniqueOrThrow({ where: { id: u.id } });
      const counts = tally(result);
      print(`29 parallel wrong passwords: ${verified} verified (limit ${max}), answers ${JSON.stringify(counts)}, lockedUntil ${row.lockedUntil?.toISOString()}`);
      expect(verified).toBe(max);
      expect(counts.INVALID_CREDENTIALS! + counts.ACCOUNT_LOCKED!).toBe(29);
      expect(counts.ACCOUNT_LOCKED).toBeGreaterThanOrEqual(29 - max);
      expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
      // The right password, once the budget is spent: refused without being checked.
      const right = await countVerifications(() => t.gql(LOGIN, { i: { login: u.username, password: PASSWORD } }), u.passwordHash);
      expect(errorCode(right.result)).toBe('ACCOUNT_LOCKED');
      expect(right.verified).toBe(0);
      expect(await t.db.session.count({ where: { userId: u.id } })).toBe(0);
      // Audited: one row per verified wrong password (the last one locking), one per refusal.
      const rows = await t.db.auditEvent.findMany({ where: { entityId: u.id, action: { in: ['auth.login_failed', 'auth.locked', 'auth.login_refused'] } } });
      expect(rows.filter((r) => (r.after as { reason?: string }).reason === 'WRONG_PASSWORD')).toHaveLength(max);
      expect(rows.filter((r) => r.action === 'auth.locked').length).toBeGreaterThanOrEqual(1);
      expect(rows).toHaveLength(30);
    }));

  it('30 at once, the right password among 29 wrong: at most LOGIN_MAX_FAILURES are checked; a token only for a password checked before the budget was spent, else the account ends locked', () =>
    attack('29 wrong + the right one in one parallel burst', async () => {
      const o = await makeOfficeWithStaff(t.db);
      const u = o.users.sekretaris;
      const max = t.config.LOGIN_MAX_FAILURES;
      // The right one last: it arrives when the budget is (almost certainly) taken already.
      const passwordsSent = [...Array.from({ length: 29 }, (_, i) => `tebakan-${i}`), PASSWORD];
      const { result, verified } = await countVerifications(
        () => Promise.all(passwordsSent.map((password) => t.gql(LOGIN, { i: { login: u.username, password } }))),
        u.passwordHash,
      );
      const counts = tally(result);
      const row = await t.db.user.findUniqueOrThrow({ where: { id: u.id } });
      const rightAnswer = result[29]!;
      print(`30 parallel (right one last): ${verified} verified, answers ${JSON.stringify(counts)}, right password → ${rightAnswer.data?.login?.token ? 'token' : errorCode(rightAnswer)}, locked ${!!row.lockedUntil && row.lockedUntil > new Date()}`);
      expect(verified).toBe(max);
      expect(counts.TOKEN ?? 0).toBeLessThanOrEqual(1);
      if (rightAnswer.data?.login?.token) {
        // It took one of the first `max` guesses, as it would have one at a time.
        expect(counts.TOKEN).toBe(1);
      } else {
        expect(errorCode(rightAnswer)).toBe('ACCOUNT_LOCKED');
        expect(counts.TOKEN ?? 0).toBe(0);
        expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
        expect(await t.db.session.count({ where: { userId: u.id } })).toBe(0);
      }
    }));

  it('one at a time: the 5th wrong password locks (ACCOUNT_LOCKED), a success before that resets the count', async () => {
    const o = await makeOfficeWithStaff(t.db);
    const u = o.users.penyusun;
    const max = t.config.LOGIN_MAX_FAILURES;
    for (let i = 0; i < max - 1; i++) expect(errorCode(await t.gql(LOGIN, { i: { login: u.username, password: 'salah' } }))).toBe('INVALID_CREDENTIALS');
    expect((await t.gql(LOGIN, { i: { login: u.username, password: PASSWORD } })).data.login.token).toBeTruthy();
    expect((await t.db.user.findUniqueOrThrow({ where: { id: u.id } })).failedLogins).toBe(0);
    const codes: string[] = [];
    for (let i = 0; i < max; i++) codes.push(errorCode(await t.gql(LOGIN, { i: { login: u.username, password: 'salah' } }))!);
    expect(codes).toEqual([...Array(max - 1).fill('INVALID_CREDENTIALS'), 'ACCOUNT_LOCKED']);
  });

  it('a guess budget spent without a lock (the limit was lowered) locks on the next attempt and frees itself afterwards', async () => {
    const o = await makeOfficeWithStaff(t.db);
    const u = o.users.kepala;
    await t.db.user.update({ where: { id: u.id }, data: { failedLogins: t.config.LOGIN_MAX_FAILURES + 3 } });
    expect(errorCode(await t.gql(LOGIN, { i: { login: u.username, password: PASSWORD } }))).toBe('ACCOUNT_LOCKED');
    const row = await t.db.user.findUniqueOrThrow({ where: { id: u.id } });
    expect([row.failedLogins, row.lockedUntil!.getTime() > Date.now()]).toEqual([0, true]);
    // After the lock the budget is whole again.
    await t.db.user.update({ where: { id: u.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect((await t.gql(LOGIN, { i: { login: u.username, password: PASSWORD } })).data.login.token).toBeTruthy();
  });
});

describe('per-IP limit under parallel attempts (item 2)', () => {
  it('40 simultaneous failed logins from one address against a limit of 20: exactly 20 are checked, 20 refused with RATE_LIMITED', () =>
    attack('40 parallel logins from one address', async () => {
      const app = await limitedApp(20);
      try {
        // Unknown logins: the account lockout plays no part, only the per-IP limit can refuse.
        const { result, verified } = await countVerifications(() =>
          Promise.all(Array.from({ length: 40 }, (_, i) => app.gql(LOGIN, { i: { login: `tidak.ada.${i}`, password: 'tebakan-acak' } }))),
        );
        const counts = tally(result);
        print(`40 parallel logins, limit 20/min: ${verified} passwords verified, answers ${JSON.stringify(counts)}`);
        expect(verified).toBe(20);
        expect(counts).toEqual({ INVALID_CREDENTIALS: 20, RATE_LIMITED: 20 });
        expect(result.filter((r) => errorCode(r) === 'RATE_LIMITED').every((r) => r.status === 429)).toBe(true);
      } finally {
        await app.close();
      }
    }));

  it('successful logins give their place back: an office behind one address signs in at once', async () => {
    const app = await limitedApp(5);
    try {
      const o = await makeOfficeWithStaff(app.db);
      const people = Object.values(o.users);
      const results = await Promise.all([...people, ...people].map((u) => app.gql(LOGIN, { i: { login: u.username, password: PASSWORD } })));
      // Places are taken before the hash and given back after it; at most 5 are in flight at once.
      const counts = tally(results);
      print(`16 simultaneous correct logins, limit 5: ${JSON.stringify(counts)}`);
      expect(Object.keys(counts).filter((k) => k !== 'TOKEN' && k !== 'RATE_LIMITED')).toEqual([]);
      expect(counts.TOKEN).toBeGreaterThanOrEqual(5);
      // Afterwards the window is empty again: 5 failures still fit.
      const failures = await Promise.all(Array.from({ length: 5 }, () => app.gql(LOGIN, { i: { login: o.users.admin.username, password: 'salah-sandi' } })));
      expect(failures.map(errorCode).filter((c) => c === 'RATE_LIMITED')).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('X-Forwarded-For and TRUST_PROXY (item 10)', () => {
  it('by default a spoofed X-Forwarded-For gives no fresh budget', () =>
    attack('X-Forwarded-For without a trusted proxy', async () => {
      const app = await limitedApp(3);
      try {
        for (let i = 0; i < 3; i++) expect(errorCode(await loginFrom(app, 'tidak.ada', 'salah', { 'x-forwarded-for': `10.0.0.${i}` }))).toBe('INVALID_CREDENTIALS');
        const spoofed = await Promise.all(['10.9.9.9', '203.0.113.7', '10.0.0.1, 10.0.0.2'].map((xff) => loginFrom(app, 'tidak.ada', 'salah', { 'x-forwarded-for': xff })));
        print(`TRUST_PROXY unset: after 3 failures, 3 spoofed addresses → ${spoofed.map(errorCode).join(', ')}`);
        expect(spoofed.map(errorCode)).toEqual(['RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED']);
      } finally {
        await app.close();
      }
    }));

  it('with TRUST_PROXY=loopback the proxy’s X-Forwarded-For is the client address: its own budget, recorded in the session', async () => {
    const app = await limitedApp(3, { TRUST_PROXY: 'loopback' });
    try {
      const o = await makeOfficeWithStaff(app.db);
      for (let i = 0; i < 3; i++) expect(errorCode(await loginFrom(app, 'tidak.ada', 'salah', { 'x-forwarded-for': forwardedAddress(1) }))).toBe('INVALID_CREDENTIALS');
      expect(errorCode(await loginFrom(app, 'tidak.ada', 'salah', { 'x-forwarded-for': forwardedAddress(1) }))).toBe('RATE_LIMITED');
      const other = await loginFrom(app, o.users.admin.username, PASSWORD, { 'x-forwarded-for': forwardedAddress(2), 'user-agent': 'Uji/1.0' });
      expect(other.data.login.token).toBeTruthy();
      const session = await app.db.session.findFirstOrThrow({ where: { userId: o.users.admin.id } });
      expect([session.ip, session.userAgent]).toEqual([forwardedAddress(2), 'Uji/1.0']);
    } finally {
      await app.close();
    }
  });

  it.each<[string | undefined, unknown]>([
    [undefined, false],
    ['', false],
    ['false', false],
    ['0', false],
    ['1', 1],
    ['2', 2],
    ['loopback', ['loopback']],
    ['loopback, 10.0.0.0/8 ,192.168.1.10', ['loopback', '10.0.0.0/8', '192.168.1.10']],
    ['fd00::/8,uniquelocal', ['fd00::/8', 'uniquelocal']],
  ])('TRUST_PROXY=%j → %j', (raw, expected) => {
    expect(parseTrustProxy(raw)).toEqual(expected);
    expect(loadConfig(raw === undefined ? {} : { TRUST_PROXY: raw }).TRUST_PROXY).toEqual(expected);
  });

  it.each(['true', 'all', 'proxy.example.go.id', '10.0.0.0/40', '999', 'loopback;rm'])('TRUST_PROXY=%j stops the start with the variable named', (raw) => {
    expect(() => loadConfig({ TRUST_PROXY: raw })).toThrow(/TRUST_PROXY/);
  });
});

describe('an unknown login costs what a wrong password costs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('unknown, inactive and wrong-password logins each verify one password and send the same statements', () =>
    attack('telling real accounts from unknown ones by the work done', async () => {
      const o = await makeOfficeWithStaff(t.db);
      await t.db.user.update({ where: { id: o.users.op2.id }, data: { active: false } });
      const paths = {
        wrongPassword: () => t.gql(LOGIN, { i: { login: o.users.kepala.username, password: 'bukan-sandinya' } }),
        unknownLogin: () => t.gql(LOGIN, { i: { login: 'tidak.pernah.ada', password: 'bukan-sandinya' } }),
        inactiveUser: () => t.gql(LOGIN, { i: { login: o.users.op2.username, password: PASSWORD } }),
        unknownNip: () => t.gql(LOGIN, { i: { login: '196001011982011999', password: 'bukan-sandinya' } }),
      };
      const measured: Record<string, { code?: string; verified: number; statements: number }> = {};
      for (const [name, run] of Object.entries(paths)) {
        await run(); // warm: prepared statements, the dummy hash
        let code: string | undefined;
        let verified = 0;
        const statements = await countStatements(async () => {
          const r = await countVerifications(run);
          code = errorCode(r.result);
          verified = r.verified;
        });
        measured[name] = { code, verified, statements };
      }
      print(`work per path: ${JSON.stringify(measured)}`);
      const values = Object.values(measured);
      expect(values.every((m) => m.code === 'INVALID_CREDENTIALS')).toBe(true);
      expect(values.map((m) => m.verified)).toEqual([1, 1, 1, 1]);
      expect(new Set(values.map((m) => m.statements)).size).toBe(1);
      // The unknown and inactive attempts are audited as failed logins too.
      const unknown = await t.db.auditEvent.findFirst({ where: { action: 'auth.login_failed', entityId: '-' }, orderBy: { id: 'desc' } });
      expect((unknown!.after as { reason: string }).reason).toBe('UNKNOWN_LOGIN');
      const inactive = await t.db.auditEvent.findFirst({ where: { action: 'auth.login_failed', entityId: o.users.op2.id }, orderBy: { id: 'desc' } });
      expect([inactive!.officeId, (inactive!.after as { reason: string }).reason]).toEqual([o.office.id, 'INACTIVE']);
    }));
});
