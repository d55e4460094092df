/**
 * Issue 9 item 5: people can be managed. A user's own password and sessions, the administrator's
 * reset / edit / deactivation / reactivation, ending a Plt/Plh early, no acting assignment to
 * oneself, and the audit of security events. Refusals prove that nothing changed.
 */
import { loadConfig } from '../src/config';
import { seedBootstrap } from '../src/db/seed';
import { attacks } from './attacks';
import { makeNip, makeOffice, makeOfficeWithStaff, makeUser, PASSWORD } from './factories';
import { errorCode, startTestApp, type GqlResult, type TestApp } from './harness';
import { registerInput } from './flow';

const print = (line: string) => process.stdout.write(`[users] ${line}\n`);
const attack = attacks('pengelolaan pengguna dan sesi');

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const NEW_PASSWORD = 'Kopi-Tubruk-di-Pendopo-7';
const CHANGE = 'mutation($i: ChangePasswordInput!) { changePassword(input: $i) { revokedSessions } }';
const RESET = 'mutation($id: UUID!) { resetUserPassword(id: $id) { temporaryPassword user { id mustChangePassword lockedUntil } } }';
const UPDATE = 'mutation($i: UpdateUserInput!) { updateUser(input: $i) { id name nip jabatan roles bidangId active } }';
const DEACTIVATE = 'mutation($id: UUID!) { deactivateUser(id: $id) { id active deactivatedAt } }';
const REACTIVATE = 'mutation($id: UUID!) { reactivateUser(id: $id) { id active } }';
const ME = '{ me { mustChangePassword roles user { username } } }';

/** An audit row's contents as text (its id is a BigInt, which JSON cannot hold). */
const auditText = (row: { before: unknown; after: unknown }) => JSON.stringify([row.before, row.after]);
const fieldsOf = (r: GqlResult) => (r.errors?.[0]?.extensions?.fields ?? []) as { field: string; message: string }[];

/** A user row without the columns a read touches (sessions' lastSeenAt is on Session). */
const userRow = async (id: string) => {
  const { updatedAt: _u, ...row } = await t.db.user.findUniqueOrThrow({ where: { id } });
  return row;
};

async function loginWithAgent(username: string, password: string, userAgent: string) {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': userAgent },
    body: JSON.stringify({ query: 'mutation($i: LoginInput!) { login(input: $i) { token } }', variables: { i: { login: username, password } } }),
  });
  const body = await res.json();
  return body.data.login.token as string;
}

describe('changing one’s own password', () => {
  it('needs the current password, applies the policy to the new one, and revokes every other session', async () => {
    const o = await makeOfficeWithStaff(t.db);
    const u = o.users.penyusun;
    const here = await loginWithAgent(u.username, PASSWORD, 'Mozilla/5.0 (Linux; Android 14) Chrome/131.0 Mobile');
    const phone = await t.login(u.username);
    const laptop = await t.login(u.username);
    const before = await userRow(u.id);

    // Wrong current password: refused naming the field, nothing changed (a guess of the budget is spent).
    const wrong = await t.gql(CHANGE, { i: { currentPassword: 'bukan-ini', newPassword: NEW_PASSWORD } }, here);
    expect([errorCode(wrong), fieldsOf(wrong)]).toEqual(['VALIDATION_FAILED', [{ field: 'currentPassword', message: 'Kata sandi saat ini salah.', messageEn: 'The current password is wrong.' }]]);
    expect((await userRow(u.id)).passwordHash).toBe(before.passwordHash);
    expect((await userRow(u.id)).failedLogins).toBe(1);

    // Weak new passwords: refused with the policy's Indonesian reasons on newPassword, current not even checked.
    for (const [weak, reason] of [
      ['pendek', 'minimal 10 karakter'],
      ['indonesia123', 'terlalu umum'],
      ['1234567890', 'urutan'],
      [`${u.username}-2026`, 'nama pengguna'],
      [u.nip!, 'NIP'],
    ] as const) {
      const r = await t.gql(CHANGE, { i: { currentPassword: PASSWORD, newPassword: weak } }, here);
      expect(errorCode(r)).toBe('VALIDATION_FAILED');
      expect(fieldsOf(r).every((f) => f.field === 'newPassword')).toBe(true);
      expect(fieldsOf(r).map((f) => f.message).join(' ')).toContain(reason);
    }
    const same = await t.gql(CHANGE, { i: { currentPassword: PASSWORD, newPassword: PASSWORD } }, here);
    expect(fieldsOf(same)).toEqual([{ field: 'newPassword', message: 'Kata sandi baru harus berbeda dari kata sandi saat ini.', messageEn: 'The new password must differ from the current one.' }]);
    expect((await userRow(u.id)).passwordHash).toBe(before.passwordHash);
    expect(await t.db.session.count({ where: { userId: u.id, revokedAt: { not: null } } })).toBe(0);

    const ok = await t.gql(CHANGE, { i: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } }, here);
    expect(ok.data.changePassword).toEqual({ revokedSessions: 2 });
    expect((await t.gql(ME, {}, here)).data.me.user.username).toBe(u.username);
    for (const other of [phone, laptop]) expect(errorCode(await t.gql(ME, {}, other))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { login: u.username, password: PASSWORD } }))).toBe('INVALID_CREDENTIALS');
    expect(await t.login(u.username, NEW_PASSWORD)).toBeTruthy();
    const after = await userRow(u.id);
    expect([after.failedLogins, after.passwordChangedAt !== null]).toEqual([0, true]);
    // Audited, without the password or its hash.
    const row = await t.db.auditEvent.findFirstOrThrow({ where: { action: 'user.password_changed', entityId: u.id } });
    expect(row.after).toMatchObject({ revokedSessions: 2 });
    expect(auditText(row)).not.toMatch(/argon2|Kopi-Tubruk/);
  });
});

describe('the administrator resets a password', () => {
  it('answers a strong temporary password once; the user’s sessions end and the next sign-in can only change it', () =>
    attack('a session with a temporary password reaching further than changePassword', async () => {
      const o = await makeOfficeWithStaff(t.db);
      const admin = await t.login(o.users.admin.username);
      const op = o.users.op1;
      const opOld = await t.login(op.username);
      // A lock is lifted by the reset.
      await t.db.user.update({ where: { id: op.id }, data: { lockedUntil: new Date(Date.now() + 600_000) } });

      const r = await t.gql(RESET, { id: op.id }, admin);
      const temporary = r.data.resetUserPassword.temporaryPassword as string;
      print(`temporary password shape: ${temporary.replace(/[a-z0-9]/g, 'x')}`);
      expect(temporary).toMatch(/^[a-hj-km-np-z2-9]{4}(-[a-hj-km-np-z2-9]{4}){3}$/);
      expect(r.data.resetUserPassword.user).toEqual({ id: op.id, mustChangePassword: true, lockedUntil: null });
      expect(errorCode(await t.gql(ME, {}, opOld))).toBe('UNAUTHENTICATED');
      // Shown once: stored nowhere in clear, not in the audit row.
      const audited = await t.db.auditEvent.findFirstOrThrow({ where: { action: 'user.password_reset', entityId: op.id } });
      expect(auditText(audited)).not.toContain(temporary);
      expect(JSON.stringify(await t.db.user.findUniqueOrThrow({ where: { id: op.id } }))).not.toContain(temporary);

      // The next sign-in works with the temporary password, and says the change is required.
      const login = await t.gql('mutation($i: LoginInput!) { login(input: $i) { token viewer { mustChangePassword } } }', { i: { login: op.username, password: temporary } });
      expect(login.data.login.viewer.mustChangePassword).toBe(true);
      const tmp = login.data.login.token as string;
      expect((await t.gql(ME, {}, tmp)).data.me.mustChangePassword).toBe(true);
      const refused: string[] = [];
      for (const q of ['{ dataRequests { totalCount } }', '{ myInbox { kind } }', '{ mySessions { id } }', '{ bidangList { id } }', 'mutation { logoutEverywhere }']) {
        refused.push(`${q} → ${errorCode(await t.gql(q, {}, tmp))}`);
      }
      const download = await fetch(`${t.url}/api/documents/00000000-0000-4000-8000-000000000000`, { headers: { authorization: `Bearer ${tmp}` } });
      print(`with a temporary password: ${refused.join('; ')}; GET /api/documents → ${download.status}`);
      expect(refused.every((line) => line.endsWith('PASSWORD_CHANGE_REQUIRED'))).toBe(true);
      expect([download.status, (await download.json()).error.code]).toEqual([403, 'PASSWORD_CHANGE_REQUIRED']);

      const changed = await t.gql(CHANGE, { i: { currentPassword: temporary, newPassword: NEW_PASSWORD } }, tmp);
      expect(changed.errors).toBeUndefined();
      expect((await t.gql(ME, {}, tmp)).data.me.mustChangePassword).toBe(false);
      expect((await t.gql('{ bidangList { id } }', {}, tmp)).data.bidangList.length).toBeGreaterThan(0);
    }));

  it('refuses resetting one’s own password, and another office’s user is not found; nothing changes', () =>
    attack('reset of one’s own or another office’s account', async () => {
      const o = await makeOfficeWithStaff(t.db);
      const other = await makeOfficeWithStaff(t.db);
      const admin = await t.login(o.users.admin.username);
      const own = await userRow(o.users.admin.id);
      const foreign = await userRow(other.users.kepala.id);
      const self = await t.gql(RESET, { id: o.users.admin.id }, admin);
      expect(errorCode(self)).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(RESET, { id: other.users.kepala.id }, admin))).toBe('NOT_FOUND');
      expect(await userRow(o.users.admin.id)).toEqual(own);
      expect(await userRow(other.users.kepala.id)).toEqual(foreign);
    }));
});

describe('the administrator edits a user', () => {
  it('changes name, NIP, jabatan, roles and Bidang; the new roles apply at the next request', async () => {
    const o = await makeOfficeWithStaff(t.db);
    const admin = await t.login(o.users.admin.username);
    const u = o.users.penyusun;
    const token = await t.login(u.username);
    const nip = makeNip(2);
    const r = await t.gql(UPDATE, { i: { id: u.id, name: '  Sri Wahyuni  ', nip: `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`, jabatan: 'Operator Bidang', roles: ['BIDANG_OPERATOR'], bidangId: o.bidang[1].id } }, admin);
    expect(r.data.updateUser).toEqual({ id: u.id, name: 'Sri Wahyuni', nip, jabatan: 'Operator Bidang', roles: ['BIDANG_OPERATOR'], bidangId: o.bidang[1].id, active: true });
    expect((await t.gql(ME, {}, token)).data.me.roles).toEqual(['BIDANG_OPERATOR']);
    // Left out = unchanged; null = cleared.
    const r2 = await t.gql(UPDATE, { i: { id: u.id, jabatan: null } }, admin);
    expect(r2.data.updateUser).toMatchObject({ name: 'Sri Wahyuni', nip, jabatan: null, roles: ['BIDANG_OPERATOR'] });
    const audited = await t.db.auditEvent.findFirstOrThrow({ where: { action: 'user.updated', entityId: u.id }, orderBy: { id: 'asc' } });
    expect(audited.before).toMatchObject({ name: u.name, roles: ['PENYUSUN'] });
    expect(audited.after).toMatchObject({ name: 'Sri Wahyuni', roles: ['BIDANG_OPERATOR'] });
    expect(auditText(audited)).not.toMatch(/passwordHash|argon2/);
  });

  it.each<[string, (o: Awaited<ReturnType<typeof makeOfficeWithStaff>>) => Record<string, unknown>, string, string]>([
    ['an invalid NIP', (o) => ({ id: o.users.kasubbag.id, nip: '19800101 200501 3 001' }), 'INVALID_NIP', 'nip'],
    ['another user’s NIP', (o) => ({ id: o.users.kasubbag.id, nip: o.users.kepala.nip }), 'DUPLICATE', 'nip'],
    ['a Bidang role without a Bidang', (o) => ({ id: o.users.kasubbag.id, roles: ['BIDANG_HEAD'] }), 'VALIDATION_FAILED', 'bidangId'],
    ['no role at all', (o) => ({ id: o.users.kasubbag.id, roles: [] }), 'VALIDATION_FAILED', 'roles'],
    ['a name of one letter', (o) => ({ id: o.users.kasubbag.id, name: 'X' }), 'VALIDATION_FAILED', 'name'],
  ])('refuses %s, naming the field; nothing changes', async (_name, input, code, field) => {
    const o = await makeOfficeWithStaff(t.db);
    const admin = await t.login(o.users.admin.username);
    const before = await userRow(o.users.kasubbag.id);
    const r = await t.gql(UPDATE, { i: input(o) }, admin);
    expect(errorCode(r)).toBe(code);
    expect(fieldsOf(r).map((f) => f.field.replace(/^input\./, ''))).toContain(field);
    expect(await userRow(o.users.kasubbag.id)).toEqual(before);
  });

  it('keeps at least one active administrator (LAST_ADMIN), also when two administrators demote each other at once', () =>
    attack('leaving the office without an administrator', async () => {
      const o = await makeOfficeWithStaff(t.db);
      const admin = await t.login(o.users.admin.username);
      const alone = await t.gql(UPDATE, { i: { id: o.users.admin.id, roles: ['SEKRETARIS'] } }, admin);
      expect(errorCode(alone)).toBe('LAST_ADMIN');
      expect((await userRow(o.users.admin.id)).roles).toEqual(['ADMIN']);

      // The race, several times over (each in a fresh office): without the per-office lock both
      // transactions see the other administrator still in place, and both commit.
      const outcomes: string[] = [];
      for (let round = 0; round < 6; round++) {
        const office = round === 0 ? o : await makeOfficeWithStaff(t.db);
        const first = round === 0 ? admin : await t.login(office.users.admin.username);
        const second = await makeUser(t.db, office.office.id, ['ADMIN']);
        const admin2 = await t.login(second.username);
        const [a, b] = await Promise.all([
          t.gql(DEACTIVATE, { id: second.id }, first),
          t.gql(UPDATE, { i: { id: office.users.admin.id, roles: ['KEPALA_DINAS'] } }, admin2),
        ]);
        const codes = [a, b].map((r) => (r.errors ? errorCode(r) : 'ok')).sort();
        outcomes.push(codes.join('+'));
        // One wins. The other is refused: LAST_ADMIN when it reached the check, or UNAUTHENTICATED
        // when the deactivation (which revokes the deactivated administrator's sessions) committed
        // before that administrator's request was even authenticated. Never two successes.
        expect(codes).toHaveLength(2);
        expect(codes.filter((c) => c === 'ok')).toHaveLength(1);
        expect(['LAST_ADMIN', 'UNAUTHENTICATED']).toContain(codes.find((c) => c !== 'ok'));
        expect(await t.db.user.count({ where: { officeId: office.office.id, active: true, roles: { has: 'ADMIN' } } })).toBe(1);
      }
      print(`two administrators removing each other at once, 6 rounds: ${outcomes.join(', ')}`);
    }));
});

describe('deactivation and reactivation', () => {
  it('revokes the sessions at once, refuses sign-in, keeps the person’s name on the record; reactivation lets them in again', async () => {
    const o = await makeOfficeWithStaff(t.db);
    const admin = await t.login(o.users.admin.username);
    const sek = o.users.sekretaris;
    const sekToken = await t.login(sek.username);
    // The Sekretaris leaves a trace: registers a request and disposes it to the Kasubbag.
    const reg = await t.gql('mutation($i: RegisterDataRequestInput!) { registerDataRequest(input: $i) { id } }', { i: registerInput() }, sekToken);
    const requestId = reg.data.registerDataRequest.id as string;
    await t.gql('mutation($i: DisposeInput!) { disposeToKasubbag(input: $i) { id } }', { i: { requestId, instruction: 'Segera tindak lanjuti.' } }, sekToken);

    const r = await t.gql(DEACTIVATE, { id: sek.id }, admin);
    expect(r.data.deactivateUser).toMatchObject({ id: sek.id, active: false });
    expect(r.data.deactivateUser.deactivatedAt).toBeTruthy();
    expect(errorCode(await t.gql(ME, {}, sekToken))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { login: sek.username, password: PASSWORD } }))).toBe('INVALID_CREDENTIALS');
    // Twice is harmless (no second audit row).
    expect((await t.gql(DEACTIVATE, { id: sek.id }, admin)).data.deactivateUser.active).toBe(false);
    expect(await t.db.auditEvent.count({ where: { action: 'user.deactivated', entityId: sek.id } })).toBe(1);

    // History kept and still shown with the name.
    const kas = await t.login(o.users.kasubbag.username);
    const d = await t.gql('query($id: UUID!) { dataRequest(id: $id) { timeline { step completedBy { name } } dispositions { from { name } } } }', { id: requestId }, kas);
    expect(d.data.dataRequest.timeline.find((s: { step: number }) => s.step === 1).completedBy.name).toBe(sek.name);
    expect(d.data.dataRequest.dispositions[0].from.name).toBe(sek.name);
    const users = await t.gql('{ users { id active deactivatedAt } }', {}, admin);
    expect(users.data.users.find((x: { id: string }) => x.id === sek.id)).toMatchObject({ active: false });

    expect((await t.gql(REACTIVATE, { id: sek.id }, admin)).data.reactivateUser).toEqual({ id: sek.id, active: true });
    expect(await t.login(sek.username)).toBeTruthy();
    expect(await t.db.auditEvent.count({ where: { action: 'user.reactivated', entityId: sek.id } })).toBe(1);
  });

  it('an administrator cannot deactivate himself; another office’s user is not found', () =>
    attack('deactivating oneself or another office’s user', async () => {
      const o = await makeOfficeWithStaff(t.db);
      const other = await makeOfficeWithStaff(t.db);
      await makeUser(t.db, o.office.id, ['ADMIN']);
      const admin = await t.login(o.users.admin.username);
      const before = [await userRow(o.users.admin.id), await userRow(other.users.op1.id)];
      expect(errorCode(await t.gql(DEACTIVATE, { id: o.users.admin.id }, admin))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(DEACTIVATE, { id: other.users.op1.id }, admin))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(REACTIVATE, { id: other.users.op1.id }, admin))).toBe('NOT_FOUND');
      expect([await userRow(o.users.admin.id), await userRow(other.users.op1.id)]).toEqual(before);
    }));
});

describe('Plt/Plh', () => {
  const ASSIGN = 'mutation($i: AssignActingInput!) { assignActing(input: $i) { id validFrom validUntil } }';
  const END = 'mutation($id: UUID!) { endActingAssignment(id: $id) { id validFrom validUntil } }';

  it('ends an assignment early: the roles fall away at the next request, audited; ending it again is refused', async () => {
    const o = await makeOfficeWithStaff(t.db);
    const admin = await t.login(o.users.admin.username);
    const pen = await t.login(o.users.penyusun.username);
    const now = Date.now();
    const a = await t.gql(ASSIGN, { i: { userId: o.users.penyusun.id, role: 'KASUBBAG', kind: 'PLH', validFrom: new Date(now - 3_600_000).toISOString(), validUntil: new Date(now + 7 * 86_400_000).toISOString(), decreeNo: '800/1/2026' } }, admin);
    const id = a.data.assignActing.id as string;
    expect((await t.gql(ME, {}, pen)).data.me.roles.sort()).toEqual(['KASUBBAG', 'PENYUSUN']);

    const ended = await t.gql(END, { id }, admin);
    const until = new Date(ended.data.endActingAssignment.validUntil).getTime();
    expect(until).toBeLessThanOrEqual(Date.now());
    expect(until).toBeGreaterThan(now - 60_000);
    expect((await t.gql(ME, {}, pen)).data.me.roles).toEqual(['PENYUSUN']);
    const audited = await t.db.auditEvent.findFirstOrThrow({ where: { action: 'acting.ended', entityId: id } });
    expect(new Date((audited.before as { validUntil: string }).validUntil).getTime()).toBeGreaterThan(Date.now());

    const again = await t.gql(END, { id }, admin);
    expect(errorCode(again)).toBe('VALIDATION_FAILED');
    expect(new Date((await t.db.actingAssignment.findUniqueOrThrow({ where: { id } })).validUntil).getTime()).toBe(until);
  });

  it('an assignment that has not started is cancelled (it ends where it would have begun)', async () => {
    const o = await makeOfficeWithStaff(t.db);
    const admin = await t.login(o.users.admin.username);
    const from = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const a = await t.gql(ASSIGN, { i: { userId: o.users.kasubbag.id, role: 'SEKRETARIS', kind: 'PLT', validFrom: from, validUntil: new Date(Date.now() + 9 * 86_400_000).toISOString() } }, admin);
    const ended = await t.gql(END, { id: a.data.assignActing.id }, admin);
    expect(ended.data.endActingAssignment.validUntil).toBe(ended.data.endActingAssignment.validFrom);
  });

  it('an administrator cannot make himself Plt Kepala Dinas (nor anything else); the refusal is audited', () =>
    attack('an administrator assigning himself acting powers', async () => {
      const o = await makeOfficeWithStaff(t.db);
      const other = await makeOfficeWithStaff(t.db);
      const admin = await t.login(o.users.admin.username);
      const input = { userId: o.users.admin.id, role: 'KEPALA_DINAS', kind: 'PLT', validFrom: new Date().toISOString(), validUntil: new Date(Date.now() + 86_400_000).toISOString() };
      const r = await t.gql(ASSIGN, { i: input }, admin);
      expect(errorCode(r)).toBe('FORBIDDEN');
      expect(r.errors![0]!.message).toContain('diri sendiri');
      expect(await t.db.actingAssignment.count({ where: { userId: o.users.admin.id } })).toBe(0);
      expect((await t.gql(ME, {}, admin)).data.me.roles).toEqual(['ADMIN']);
      const refusal = await t.db.auditEvent.findFirstOrThrow({ where: { action: 'auth.refused', actorId: o.users.admin.id } });
      expect(refusal).toMatchObject({ officeId: o.office.id, entityType: 'Operation', entityId: 'mutation assignActing' });
      // Ending another office's assignment: not found, nothing changes.
      const admin2 = await t.login(other.users.admin.username);
      const theirs = await t.gql(ASSIGN, { i: { ...input, userId: other.users.kasubbag.id } }, admin2);
      const before = await t.db.actingAssignment.findUniqueOrThrow({ where: { id: theirs.data.assignActing.id } });
      expect(errorCode(await t.gql(END, { id: before.id }, admin))).toBe('NOT_FOUND');
      expect(await t.db.actingAssignment.findUniqueOrThrow({ where: { id: before.id } })).toEqual(before);
    }));
});

describe('one’s own sessions', () => {
  const SESSIONS = '{ mySessions { id current userAgent ip createdAt lastSeenAt } }';

  it('lists the sessions with device and address, revokes one, and "log out everywhere" ends them all', async () => {
    const o = await makeOfficeWithStaff(t.db);
    const u = o.users.kepala;
    const phone = await loginWithAgent(u.username, PASSWORD, 'Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36');
    const desk = await loginWithAgent(u.username, PASSWORD, 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/133.0');
    const list = (await t.gql(SESSIONS, {}, phone)).data.mySessions as { id: string; current: boolean; userAgent: string; ip: string; lastSeenAt: string }[];
    expect(list).toHaveLength(2);
    const me = list.find((s) => s.current)!;
    const other = list.find((s) => !s.current)!;
    expect(me.userAgent).toContain('Android');
    expect(other.userAgent).toContain('Windows');
    expect(me.ip).toMatch(/127\.0\.0\.1/);
    expect(me.lastSeenAt).toBeTruthy();

    expect((await t.gql('mutation($id: UUID!) { revokeSession(id: $id) }', { id: other.id }, phone)).data.revokeSession).toBe(true);
    expect(errorCode(await t.gql(ME, {}, desk))).toBe('UNAUTHENTICATED');
    expect((await t.gql(SESSIONS, {}, phone)).data.mySessions.map((s: { id: string }) => s.id)).toEqual([me.id]);

    await t.login(u.username);
    await t.login(u.username);
    expect((await t.gql('mutation { logoutEverywhere }', {}, phone)).data.logoutEverywhere).toBe(3);
    expect(errorCode(await t.gql(ME, {}, phone))).toBe('UNAUTHENTICATED');
    expect(await t.db.session.count({ where: { userId: u.id, revokedAt: null } })).toBe(0);
    expect(await t.db.auditEvent.count({ where: { action: { in: ['auth.session_revoked', 'auth.logout_everywhere'] }, actorId: u.id } })).toBe(2);
  });

  it('another user’s session cannot be listed or revoked', () =>
    attack('revoking someone else’s session', async () => {
      const o = await makeOfficeWithStaff(t.db);
      const victim = await t.login(o.users.sekretaris.username);
      const attacker = await t.login(o.users.op1.username);
      const session = await t.db.session.findFirstOrThrow({ where: { userId: o.users.sekretaris.id, revokedAt: null } });
      expect(errorCode(await t.gql('mutation($id: UUID!) { revokeSession(id: $id) }', { id: session.id }, attacker))).toBe('NOT_FOUND');
      expect((await t.gql('{ mySessions { id } }', {}, attacker)).data.mySessions.map((s: { id: string }) => s.id)).not.toContain(session.id);
      expect((await t.gql(ME, {}, victim)).data.me.user.username).toBe(o.users.sekretaris.username);
      expect((await t.db.session.findUniqueOrThrow({ where: { id: session.id } })).revokedAt).toBeNull();
    }));
});

describe('new accounts and the bootstrap administrator', () => {
  const CREATE = 'mutation($i: CreateUserInput!) { createUser(input: $i) { id mustChangePassword } }';

  it('a new user’s password must pass the policy, and must be changed at first sign-in', async () => {
    const o = await makeOfficeWithStaff(t.db);
    const admin = await t.login(o.users.admin.username);
    const base = { username: `baru.${Date.now()}`, name: 'Pegawai Baru', roles: ['PENYUSUN'] };
    const weak = await t.gql(CREATE, { i: { ...base, password: 'bismillah123' } }, admin);
    expect([errorCode(weak), fieldsOf(weak)[0]?.field]).toEqual(['VALIDATION_FAILED', 'password']);
    expect(await t.db.user.count({ where: { username: base.username } })).toBe(0);
    const r = await t.gql(CREATE, { i: { ...base, password: NEW_PASSWORD } }, admin);
    expect(r.data.createUser.mustChangePassword).toBe(true);
  });

  it('the bootstrap password must pass the policy, and is to be changed at first sign-in', async () => {
    expect(() => loadConfig({ BOOTSTRAP_ADMIN_USERNAME: 'admin', BOOTSTRAP_ADMIN_PASSWORD: 'admin12345' })).toThrow(/BOOTSTRAP_ADMIN_PASSWORD/);
    expect(loadConfig({ BOOTSTRAP_ADMIN_USERNAME: 'admin', BOOTSTRAP_ADMIN_PASSWORD: NEW_PASSWORD }).BOOTSTRAP_ADMIN_PASSWORD).toBe(NEW_PASSWORD);
    const office = await makeOffice(t.db);
    const username = `boot${Date.now()}`;
    expect(await seedBootstrap(t.db, { username, password: NEW_PASSWORD, officeCode: office.code, officeName: 'x', regency: 'y' })).toBe('CREATED');
    expect((await t.db.user.findUniqueOrThrow({ where: { username } })).mustChangePassword).toBe(true);
  });
});

describe('audit of refusals', () => {
  it('a FORBIDDEN answer to a signed-in user leaves one auth.refused row; an allowed request leaves none', async () => {
    const o = await makeOfficeWithStaff(t.db);
    const op = await t.login(o.users.op1.username);
    const count = () => t.db.auditEvent.count({ where: { action: 'auth.refused', actorId: o.users.op1.id } });
    await t.gql('{ bidangList { id } }', {}, op);
    expect(await count()).toBe(0);
    const r = await t.gql('{ users { id } }', {}, op);
    expect(errorCode(r)).toBe('FORBIDDEN');
    expect(await count()).toBe(1);
    const row = await t.db.auditEvent.findFirstOrThrow({ where: { action: 'auth.refused', actorId: o.users.op1.id } });
    expect(row).toMatchObject({ officeId: o.office.id, entityId: 'query users' });
  });

  it('a service token refused a mutation is audited too, with the token (not a user) as the actor', async () => {
    const o = await makeOfficeWithStaff(t.db);
    const admin = await t.login(o.users.admin.username);
    const created = await t.gql('mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token apiToken { id } } }', {
      i: { name: 'Dashboard uji', scopes: ['READ_REQUESTS'], expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
    }, admin);
    const { token, apiToken } = created.data.createApiToken;
    const r = await t.gql('mutation($id: UUID!) { deactivateUser(id: $id) { id } }', { id: o.users.op1.id }, token);
    expect(errorCode(r)).toBe('FORBIDDEN');
    expect((await userRow(o.users.op1.id)).active).toBe(true);
    const row = await t.db.auditEvent.findFirstOrThrow({ where: { action: 'auth.refused', officeId: o.office.id, actorId: null } });
    expect((row.after as { apiTokenId: string }).apiTokenId).toBe(apiToken.id);
  });
});
