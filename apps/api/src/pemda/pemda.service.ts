/**
 * The pemda administrator's work (issue 15): the pemda's offices and their first administrator
 * (until now only the start-up bootstrap could create an office), and who holds the pemda roles.
 * Every change is one transaction with its audit rows, written in the office it concerns.
 */
import { PEMDA_ROLES, type Role } from '@sipedaki/sop';
import type { Actor } from '../auth/actor';
import { hashPassword } from '../auth/password';
import { assertPasswordAcceptable } from '../auth/password-policy';
import { audit } from '../audit/audit.service';
import { fail, fieldProblem, type Bilingual } from '../common/errors';
import type { Db } from '../db/prisma';
import { DEFAULT_OFFICE_HOURS } from '../db/seed';
import { normalizeNip } from '../user/user.service';
import type { CreatePemdaOfficeInput, SetPemdaRolesInput } from './pemda.input';
import type { PemdaScopeService } from './pemda-scope.service';

const isPemdaRole = (r: string) => (PEMDA_ROLES as readonly string[]).includes(r);
const ONLY_PEMDA_ROLES: Bilingual = { id: 'Hanya peran Pemda (PEMDA_ADMIN, PEMDA_ANALYST, PEMDA_VIEWER) yang diatur di sini.', en: 'Only the pemda roles (PEMDA_ADMIN, PEMDA_ANALYST, PEMDA_VIEWER) are set here.' };
const LAST_PEMDA_ADMIN: Bilingual = { id: 'Perubahan ditolak: pemda ini harus tetap memiliki minimal satu Administrator Pemda aktif.', en: 'Refused: the pemda must keep at least one active pemda administrator.' };
const UNKNOWN_USER: Bilingual = { id: 'Pengguna tidak ditemukan di perangkat daerah pemda Anda', en: 'User not found in your pemda’s offices' };

export class PemdaService {
  constructor(
    private readonly db: Db,
    private readonly scope: PemdaScopeService,
  ) {}

  /** The actor's pemda with its offices and its pemda role holders. */
  async mine(actor: Actor) {
    const pemda = await this.scope.requirePemda(actor, 'READ');
    const [offices, holders] = await Promise.all([
      this.db.office.findMany({
        where: { pemdaId: pemda.id },
        orderBy: [{ name: 'asc' }, { code: 'asc' }],
        include: { users: { where: { active: true }, select: { username: true, roles: true } } },
      }),
      this.db.user.findMany({
        where: { office: { pemdaId: pemda.id }, roles: { hasSome: [...PEMDA_ROLES] } },
        include: { office: { select: { name: true } } },
        orderBy: [{ name: 'asc' }],
      }),
    ]);
    return {
      ...pemda,
      offices: offices.map((o) => ({
        id: o.id, code: o.code, name: o.name, regency: o.regency, createdAt: o.createdAt,
        activeUserCount: o.users.length,
        adminUsernames: o.users.filter((u) => u.roles.includes('ADMIN')).map((u) => u.username).sort(),
      })),
      roleHolders: holders.map((u) => ({ id: u.id, username: u.username, name: u.name, officeName: u.office.name, pemdaRoles: u.roles.filter(isPemdaRole), active: u.active })),
    };
  }

  /** A new office of the pemda and its first administrator, who changes the password at first sign-in. */
  async createOffice(actor: Actor, input: CreatePemdaOfficeInput) {
    const pemda = await this.scope.requirePemda(actor, 'MANAGE_OFFICES');
    const nip = normalizeNip(input.admin.nip);
    assertPasswordAcceptable(input.admin.password, { username: input.admin.username, nip }, 'admin.password');
    const passwordHash = await hashPassword(input.admin.password);
    const own = await this.db.office.findUniqueOrThrow({ where: { id: actor.officeId }, select: { regency: true } });
    const created = await this.db.$transaction(async (tx) => {
      if (await tx.office.findUnique({ where: { code: input.code } })) {
        const text = { id: `Kode perangkat daerah ${input.code} sudah dipakai.`, en: `Office code ${input.code} is already taken.` };
        fail('DUPLICATE', text, { fields: [fieldProblem('code', text)] });
      }
      const clash = await tx.user.findFirst({ where: { OR: [{ username: input.admin.username }, ...(nip ? [{ nip }] : [])] } });
      if (clash) {
        const byName = clash.username === input.admin.username;
        const text = byName ? { id: 'Nama pengguna sudah dipakai.', en: 'The username is already taken.' } : { id: 'NIP sudah terdaftar.', en: 'The NIP is already registered.' };
        fail('DUPLICATE', text, { fields: [fieldProblem(byName ? 'admin.username' : 'admin.nip', text)] });
      }
      // Same regency as the pemda's other offices: the kop and the letters name it.
      const office = await tx.office.create({ data: { pemdaId: pemda.id, code: input.code, name: input.name.trim(), regency: own.regency, officeHours: DEFAULT_OFFICE_HOURS } });
      const admin = await tx.user.create({
        data: { officeId: office.id, username: input.admin.username, nip, name: input.admin.name.trim(), passwordHash, mustChangePassword: true, roles: ['ADMIN'] },
      });
      await audit(tx, { userId: actor.userId, officeId: office.id }, { action: 'office.created', entityType: 'Office', entityId: office.id, after: { ...office, byPemda: pemda.id } });
      await audit(tx, { userId: actor.userId, officeId: office.id }, { action: 'user.created', entityType: 'User', entityId: admin.id, after: { username: admin.username, name: admin.name, nip: admin.nip, roles: admin.roles, mustChangePassword: true } });
      return office;
    });
    return { id: created.id, code: created.code, name: created.name, regency: created.regency, createdAt: created.createdAt, activeUserCount: 1, adminUsernames: [input.admin.username] };
  }

  /**
   * Sets the pemda roles of a user of any office of the pemda (the user's office roles stay).
   * The pemda keeps at least one active PEMDA_ADMIN. Roles are read on every request, so the new
   * reach takes effect on the user's next one.
   */
  async setRoles(actor: Actor, input: SetPemdaRolesInput) {
    const pemda = await this.scope.requirePemda(actor, 'MANAGE_OFFICES');
    const wanted = [...new Set(input.roles)];
    if (wanted.some((r) => !isPemdaRole(r))) fail('VALIDATION_FAILED', ONLY_PEMDA_ROLES, { fields: [fieldProblem('roles', ONLY_PEMDA_ROLES)] });
    return this.db.$transaction(async (tx) => {
      // One pemda administrator change at a time (two demoting each other cannot both succeed).
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`pemda-admins:${pemda.id}`}, 0))`;
      const before = await tx.user.findFirst({ where: { username: input.username, office: { pemdaId: pemda.id } }, include: { office: { select: { name: true } } } });
      if (!before) fail('NOT_FOUND', UNKNOWN_USER, { fields: [fieldProblem('username', UNKNOWN_USER)] });
      const roles = [...before.roles.filter((r) => !isPemdaRole(r)), ...wanted] as Role[];
      if (roles.length === 0) fail('VALIDATION_FAILED', { id: 'Pengguna harus tetap memiliki sedikitnya satu peran.', en: 'The user must keep at least one role.' }, { fields: [fieldProblem('roles', { id: 'Pilih sedikitnya satu peran', en: 'Choose at least one role' })] });
      const after = await tx.user.update({ where: { id: before.id }, data: { roles } });
      const admins = await tx.user.count({ where: { active: true, roles: { has: 'PEMDA_ADMIN' }, office: { pemdaId: pemda.id } } });
      if (admins === 0) fail('LAST_ADMIN', LAST_PEMDA_ADMIN);
      const changed = before.roles.slice().sort().join() !== after.roles.slice().sort().join();
      if (changed) {
        await audit(tx, { userId: actor.userId, officeId: before.officeId }, { action: 'user.pemdaRolesSet', entityType: 'User', entityId: before.id, before: { roles: before.roles }, after: { roles: after.roles } });
      }
      return { id: after.id, username: after.username, name: after.name, officeName: before.office.name, pemdaRoles: after.roles.filter(isPemdaRole), active: after.active };
    });
  }
}
