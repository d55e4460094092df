/**
 * The start-up bootstrap of a real deployment (BOOTSTRAP_ADMIN_*, db/seed.ts seedBootstrap), and
 * of a kabupaten deployment (BOOTSTRAP_PEMDA_ADMIN): the pemda, its first office and its first
 * administrator, who is also the pemda's first PEMDA_ADMIN, must change the password at first
 * sign-in, and can then create the pemda's other offices. Idempotent on every restart: nothing
 * changes the second time, and a later hand-over of the pemda role is not undone.
 */
import crypto from 'node:crypto';
import { loadConfig } from '../src/config';
import { seedBootstrap } from '../src/db/seed';
import { makeOffice, makePemda, makeUser } from './factories';
import { errorCode, startTestApp, type TestApp } from './harness';

const print = (line: string) => process.stdout.write(`[bootstrap] ${line}\n`);
const TEMPORARY = 'Sementara-Pendopo-Kab-2026';
const CHOSEN = 'Kopi-Tubruk-di-Alun-Alun-9';
const CHANGE = 'mutation($i: ChangePasswordInput!) { changePassword(input: $i) { revokedSessions } }';
const CREATE_OFFICE = 'mutation($i: CreatePemdaOfficeInput!) { createPemdaOffice(input: $i) { code adminUsernames } }';
const MINE = 'query { myPemda { name offices { code } roleHolders { username pemdaRoles } } }';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const tag = () => crypto.randomBytes(3).toString('hex');
/** Everything a bootstrap may touch, to prove a second run changes nothing. */
const snapshot = async (username: string, regency: string) => ({
  user: await t.db.user.findUnique({ where: { username } }),
  pemdas: await t.db.pemda.count({ where: { name: `Pemerintah ${regency}` } }),
  offices: await t.db.office.count({ where: { regency } }),
  // The audit rows of the regency's offices (other test files write theirs meanwhile).
  audit: await t.db.auditEvent.count({ where: { officeId: { in: (await t.db.office.findMany({ where: { regency }, select: { id: true } })).map((o) => o.id) } } }),
});

describe('BOOTSTRAP_PEMDA_ADMIN: a kabupaten deployment', () => {
  it('config: the flag needs the bootstrap account; the password policy applies', () => {
    expect(() => loadConfig({ BOOTSTRAP_PEMDA_ADMIN: 'true' })).toThrow(/BOOTSTRAP_PEMDA_ADMIN/);
    expect(() => loadConfig({ BOOTSTRAP_PEMDA_ADMIN: 'true', BOOTSTRAP_ADMIN_USERNAME: 'admin.pemda', BOOTSTRAP_ADMIN_PASSWORD: 'admin12345' })).toThrow(/BOOTSTRAP_ADMIN_PASSWORD/);
    const c = loadConfig({ BOOTSTRAP_PEMDA_ADMIN: 'true', BOOTSTRAP_ADMIN_USERNAME: 'admin.pemda', BOOTSTRAP_ADMIN_PASSWORD: TEMPORARY });
    expect([c.BOOTSTRAP_PEMDA_ADMIN, loadConfig({}).BOOTSTRAP_PEMDA_ADMIN]).toEqual([true, undefined]);
  });

  it('creates the pemda, its first office and an administrator who is also PEMDA_ADMIN; the password is changed first; then offices can be created; a restart changes nothing', async () => {
    const n = tag();
    const regency = `Kabupaten Bootstrap ${n}`;
    const username = `admin.setda${n}`;
    const b = { username, password: TEMPORARY, officeCode: `SETDA-${n}`, officeName: 'Sekretariat Daerah', regency, pemdaAdmin: true };
    expect(await seedBootstrap(t.db, b)).toBe('CREATED');

    const user = await t.db.user.findUniqueOrThrow({ where: { username }, include: { office: { include: { pemda: true } } } });
    expect(user).toMatchObject({ roles: ['ADMIN', 'PEMDA_ADMIN'], mustChangePassword: true, active: true });
    expect(user.office).toMatchObject({ code: b.officeCode, name: 'Sekretariat Daerah', regency });
    expect(user.office.pemda.name).toBe(`Pemerintah ${regency}`);
    const rows = await t.db.auditEvent.findMany({ where: { officeId: user.officeId }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.action, r.actorId])).toEqual([['office.created', null], ['user.created', null]]);

    // First sign-in: only the password change is open, then the pemda administrator's work.
    const first = await t.login(username, TEMPORARY);
    expect(errorCode(await t.gql(MINE, {}, first))).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await t.gql(CHANGE, { i: { currentPassword: TEMPORARY, newPassword: CHOSEN } }, first)).errors).toBeUndefined();
    const admin = await t.login(username, CHOSEN);
    const created = await t.gql(CREATE_OFFICE, { i: { code: `DINKES-${n}`, name: 'Dinas Kesehatan', admin: { username: `admin.dinkes${n}`, name: 'Admin Dinkes', password: 'Kesehatan-Pertama-2026' } } }, admin);
    expect(created.errors).toBeUndefined();
    const mine = (await t.gql(MINE, {}, admin)).data.myPemda;
    print(`bootstrap of ${regency}: ${user.roles.join('+')} in ${b.officeCode}; after the password change it created ${created.data.createPemdaOffice.code}; pemda offices ${mine.offices.map((o: any) => o.code).join(', ')}`);
    expect(mine.offices.map((o: any) => o.code).sort()).toEqual([`DINKES-${n}`, b.officeCode].sort());
    expect(mine.roleHolders).toEqual([{ username, pemdaRoles: ['PEMDA_ADMIN'] }]);

    // A restart with the same environment: nothing changes (the chosen password stays).
    const before = await snapshot(username, regency);
    expect(await seedBootstrap(t.db, b)).toBeNull();
    expect(await snapshot(username, regency)).toEqual(before);
    expect(await t.login(username, CHOSEN)).toBeTruthy();
  });

  it('two replicas starting at once with the same environment: one account, one office', async () => {
    const n = tag();
    const b = { username: `admin.kembar${n}`, password: TEMPORARY, officeCode: `SETDA-${n}`, officeName: 'Sekretariat Daerah', regency: `Kabupaten Kembar ${n}`, pemdaAdmin: true };
    const outcomes = await Promise.all([seedBootstrap(t.db, b), seedBootstrap(t.db, b)]);
    expect(outcomes.sort()).toEqual(['CREATED', null]);
    expect(await t.db.user.count({ where: { username: b.username } })).toBe(1);
    expect(await t.db.office.count({ where: { code: b.officeCode } })).toBe(1);
  });

  it('an existing office-level bootstrap account becomes PEMDA_ADMIN once while its pemda has none; a later hand-over is not undone by a restart', async () => {
    const n = tag();
    const regency = `Kabupaten Lama ${n}`;
    const b = { username: `admin.lama${n}`, password: TEMPORARY, officeCode: `SETDA-${n}`, officeName: 'Sekretariat Daerah', regency };
    // The deployment as it was: an office administrator only.
    expect(await seedBootstrap(t.db, b)).toBe('CREATED');
    expect((await t.db.user.findUniqueOrThrow({ where: { username: b.username } })).roles).toEqual(['ADMIN']);
    // Upgraded with BOOTSTRAP_PEMDA_ADMIN=true: the pemda has no administrator yet.
    expect(await seedBootstrap(t.db, { ...b, pemdaAdmin: true })).toBe('PEMDA_ADMIN_GRANTED');
    const granted = await t.db.user.findUniqueOrThrow({ where: { username: b.username } });
    expect(granted.roles).toEqual(['ADMIN', 'PEMDA_ADMIN']);
    expect(await t.db.auditEvent.count({ where: { entityId: granted.id, action: 'user.pemdaRolesSet' } })).toBe(1);

    // The role is handed to someone else (as setPemdaRoles would), then the server restarts.
    const successor = await makeUser(t.db, granted.officeId, ['PEMDA_ADMIN']);
    await t.db.user.update({ where: { id: granted.id }, data: { roles: ['ADMIN'] } });
    const before = await snapshot(b.username, regency);
    expect(await seedBootstrap(t.db, { ...b, pemdaAdmin: true })).toBeNull();
    expect(await snapshot(b.username, regency)).toEqual(before);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: successor.id } })).roles).toEqual(['PEMDA_ADMIN']);
  });

  it('a bootstrap office code that already exists in another pemda keeps that office (the account joins it); nothing else is created', async () => {
    const pemda = await makePemda(t.db);
    const office = await makeOffice(t.db, { pemdaId: pemda.id });
    const n = tag();
    const b = { username: `admin.ada${n}`, password: TEMPORARY, officeCode: office.code, officeName: 'x', regency: `Kabupaten Lain ${n}`, pemdaAdmin: true };
    expect(await seedBootstrap(t.db, b)).toBe('CREATED');
    const user = await t.db.user.findUniqueOrThrow({ where: { username: b.username } });
    expect(user.officeId).toBe(office.id);
    expect(await t.db.auditEvent.count({ where: { officeId: office.id, action: 'office.created' } })).toBe(0);
    expect(await t.db.pemda.count({ where: { name: `Pemerintah ${b.regency}` } })).toBe(0);
  });
});
