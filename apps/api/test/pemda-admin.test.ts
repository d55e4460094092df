/**
 * The pemda administrator (issue 15): offices of the pemda with their first administrator, the
 * pemda roles; an office's administrator cannot hand out a pemda role. Refusals change nothing.
 */
import type { Role } from '@sipedaki/sop';
import { makeOffice, makeOfficeWithStaff, makePemda, makeUser, PASSWORD } from './factories';
import { errorCode, startTestApp, type TestApp } from './harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const CREATE = 'mutation($i: CreatePemdaOfficeInput!) { createPemdaOffice(input: $i) { id code name regency activeUserCount adminUsernames } }';
const SET_ROLES = 'mutation($i: SetPemdaRolesInput!) { setPemdaRoles(input: $i) { username officeName pemdaRoles } }';
const MINE = 'query { myPemda { id name offices { id code name adminUsernames activeUserCount } roleHolders { username pemdaRoles officeName } } }';

let seq = 0;
const officeInput = (over: Record<string, unknown> = {}) => {
  const n = `${process.pid}${++seq}`;
  return { code: `DINKES-${n}`, name: 'Dinas Kesehatan', admin: { username: `admin.dinkes${n}`, name: 'Admin Dinkes', password: 'Kesehatan-Pertama-2026' }, ...over };
};

async function pemdaWithAdmin() {
  const pemda = await makePemda(t.db);
  const setda = await makeOffice(t.db, { pemdaId: pemda.id });
  const adminUser = await makeUser(t.db, setda.id, ['PEMDA_ADMIN']);
  return { pemda, setda, adminUser, admin: await t.login(adminUser.username) };
}

it('creates an office of the pemda with its first administrator, who must change the password at first sign-in', async () => {
  const p = await pemdaWithAdmin();
  const input = officeInput();
  const r = await t.gql(CREATE, { i: input }, p.admin);
  expect(r.errors).toBeUndefined();
  expect(r.data.createPemdaOffice).toMatchObject({ code: input.code, name: 'Dinas Kesehatan', regency: p.setda.regency, activeUserCount: 1, adminUsernames: [input.admin.username] });
  const office = await t.db.office.findUniqueOrThrow({ where: { code: input.code } });
  expect(office.pemdaId).toBe(p.pemda.id);
  const user = await t.db.user.findUniqueOrThrow({ where: { username: input.admin.username } });
  expect(user).toMatchObject({ officeId: office.id, roles: ['ADMIN'], mustChangePassword: true });
  expect(await t.db.auditEvent.count({ where: { officeId: office.id, action: { in: ['office.created', 'user.created'] }, actorId: p.adminUser.id } })).toBe(2);
  // The new administrator signs in into a session that must change its password first.
  const tok = await t.login(input.admin.username, input.admin.password);
  expect(errorCode(await t.gql('query { users { id } }', {}, tok))).toBe('PASSWORD_CHANGE_REQUIRED');
  // Listed among the pemda's offices.
  const mine = await t.gql(MINE, {}, p.admin);
  expect(mine.data.myPemda.offices.map((o: any) => o.code).sort()).toEqual([p.setda.code, input.code].sort());
  expect(mine.data.myPemda.roleHolders).toEqual([{ username: p.adminUser.username, pemdaRoles: ['PEMDA_ADMIN'], officeName: p.setda.name }]);
});

it('refuses a taken code or username, a weak password, and every role but the pemda administrator; nothing is written', async () => {
  const p = await pemdaWithAdmin();
  const o = await makeOfficeWithStaff(t.db, { allDay: true, pemdaId: p.pemda.id });
  const count = async () => ({ offices: await t.db.office.count({ where: { pemdaId: p.pemda.id } }), users: await t.db.user.count({ where: { office: { pemdaId: p.pemda.id } } }) });
  const before = await count();
  const taken = await t.gql(CREATE, { i: officeInput({ code: o.office.code }) }, p.admin);
  expect(errorCode(taken)).toBe('DUPLICATE');
  expect(taken.errors![0]!.extensions!.fields).toEqual([expect.objectContaining({ field: 'code' })]);
  const user = await t.gql(CREATE, { i: officeInput({ admin: { username: o.users.admin.username, name: 'Admin Baru', password: 'Kesehatan-Pertama-2026' } }) }, p.admin);
  expect(user.errors![0]!.extensions!.fields).toEqual([expect.objectContaining({ field: 'admin.username' })]);
  const weak = await t.gql(CREATE, { i: officeInput({ admin: { username: 'lemah.sekali', name: 'Admin Baru', password: 'password12' } }) }, p.admin);
  expect(errorCode(weak)).toBe('VALIDATION_FAILED');
  expect(weak.errors![0]!.extensions!.fields).toEqual([expect.objectContaining({ field: 'admin.password' })]);
  for (const role of ['PEMDA_ANALYST', 'PEMDA_VIEWER'] as Role[]) {
    const tok = await t.login((await makeUser(t.db, p.setda.id, [role])).username);
    expect(errorCode(await t.gql(CREATE, { i: officeInput() }, tok))).toBe('FORBIDDEN');
  }
  for (const tok of [await t.login(o.users.admin.username), await t.login(o.users.kepala.username)]) {
    expect(errorCode(await t.gql(CREATE, { i: officeInput() }, tok))).toBe('FORBIDDEN');
  }
  expect(await count()).toEqual({ ...before, users: before.users + 2 });
});

it('grants and revokes pemda roles to users of the pemda\'s offices only, and keeps one pemda administrator', async () => {
  const p = await pemdaWithAdmin();
  const o = await makeOfficeWithStaff(t.db, { allDay: true, pemdaId: p.pemda.id });
  const kasubbag = await t.login(o.users.kasubbag.username);
  expect(errorCode(await t.gql('query { pemdaRequests { id } }', {}, kasubbag))).toBe('FORBIDDEN');
  const r = await t.gql(SET_ROLES, { i: { username: o.users.kasubbag.username, roles: ['PEMDA_ANALYST'] } }, p.admin);
  expect(r.data.setPemdaRoles).toEqual({ username: o.users.kasubbag.username, officeName: o.office.name, pemdaRoles: ['PEMDA_ANALYST'] });
  expect((await t.db.user.findUniqueOrThrow({ where: { id: o.users.kasubbag.id } })).roles.sort()).toEqual(['KASUBBAG', 'PEMDA_ANALYST']);
  // The new reach from the next request on; the office role stays.
  expect((await t.gql('query { pemdaRequests { id } }', {}, kasubbag)).errors).toBeUndefined();
  expect(await t.db.auditEvent.count({ where: { entityId: o.users.kasubbag.id, action: 'user.pemdaRolesSet', officeId: o.office.id } })).toBe(1);
  // Revoked again.
  await t.gql(SET_ROLES, { i: { username: o.users.kasubbag.username, roles: [] } }, p.admin);
  expect((await t.db.user.findUniqueOrThrow({ where: { id: o.users.kasubbag.id } })).roles).toEqual(['KASUBBAG']);

  // Refused, nothing changed: a user of another pemda, an office role, the last pemda administrator.
  const stranger = await makeUser(t.db, (await makeOffice(t.db)).id, ['SEKRETARIS']);
  const audits = await t.db.auditEvent.count({ where: { action: 'user.pemdaRolesSet' } });
  expect(errorCode(await t.gql(SET_ROLES, { i: { username: stranger.username, roles: ['PEMDA_VIEWER'] } }, p.admin))).toBe('NOT_FOUND');
  expect((await t.db.user.findUniqueOrThrow({ where: { id: stranger.id } })).roles).toEqual(['SEKRETARIS']);
  expect(errorCode(await t.gql(SET_ROLES, { i: { username: o.users.penyusun.username, roles: ['ADMIN'] } }, p.admin))).toBe('VALIDATION_FAILED');
  expect(errorCode(await t.gql(SET_ROLES, { i: { username: p.adminUser.username, roles: ['PEMDA_VIEWER'] } }, p.admin))).toBe('LAST_ADMIN');
  expect((await t.db.user.findUniqueOrThrow({ where: { id: p.adminUser.id } })).roles).toEqual(['PEMDA_ADMIN']);
  expect(errorCode(await t.gql(SET_ROLES, { i: { username: o.users.penyusun.username, roles: ['PEMDA_ANALYST'] } }, await t.login(o.users.admin.username)))).toBe('FORBIDDEN');
  expect(await t.db.auditEvent.count({ where: { action: 'user.pemdaRolesSet' } })).toBe(audits);
});

it('an office administrator can neither give nor take away a pemda role', async () => {
  const p = await pemdaWithAdmin();
  const o = await makeOfficeWithStaff(t.db, { allDay: true, pemdaId: p.pemda.id });
  const admin = await t.login(o.users.admin.username);
  const users = await t.db.user.count({ where: { officeId: o.office.id } });
  const created = await t.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', { i: { username: `analis${process.pid}${++seq}`, name: 'Analis', password: PASSWORD + 'X9', roles: ['PEMDA_ANALYST'] } }, admin);
  expect(errorCode(created)).toBe('FORBIDDEN');
  expect(await t.db.user.count({ where: { officeId: o.office.id } })).toBe(users);
  expect(errorCode(await t.gql('mutation($i: UpdateUserInput!) { updateUser(input: $i) { id } }', { i: { id: o.users.penyusun.id, roles: ['PENYUSUN', 'PEMDA_VIEWER'] } }, admin))).toBe('FORBIDDEN');
  expect((await t.db.user.findUniqueOrThrow({ where: { id: o.users.penyusun.id } })).roles).toEqual(['PENYUSUN']);
  // A pemda role the pemda gave stays when the office edits the user's office roles.
  await t.gql(SET_ROLES, { i: { username: o.users.penyusun.username, roles: ['PEMDA_VIEWER'] } }, p.admin);
  const edited = await t.gql('mutation($i: UpdateUserInput!) { updateUser(input: $i) { roles } }', { i: { id: o.users.penyusun.id, roles: ['PENYUSUN', 'KASUBBAG'] } }, admin);
  expect(edited.errors).toBeUndefined();
  expect([...edited.data.updateUser.roles].sort()).toEqual(['KASUBBAG', 'PEMDA_VIEWER', 'PENYUSUN']);
});
