/**
 * The lifecycle of an office's user accounts, as its administrator runs it: create, edit, reset a
 * password, deactivate and reactivate. Every change is one transaction with its audit row (never
 * a password or its hash). Accounts are never deleted: a person who left is deactivated, so their
 * name stays on every timeline, disposition, review and audit row.
 *
 * Guards: an administrator does not reset or deactivate their own account (their own password
 * is changed with changePassword), and the office always keeps at least one active administrator
 * (LAST_ADMIN; checked under a per-office lock, so two administrators demoting each other at the
 * same moment cannot both succeed).
 */
import { BIDANG_ROLES, PEMDA_ROLES, parseNip, type NipResult, type Role } from '@sipedaki/sop';
import type { Actor } from '../auth/actor';
import { revokeSessions } from '../auth/auth.service';
import { hashPassword } from '../auth/password';
import { assertPasswordAcceptable, temporaryPassword } from '../auth/password-policy';
import { audit } from '../audit/audit.service';
import { assertSameOffice } from '../common/access';
import { fail, fieldProblem, UNKNOWN_BIDANG, type Bilingual } from '../common/errors';
import { findOr404 } from '../common/found';
import { isUuid } from '../common/format';
import type { Db, Tx } from '../db/prisma';
import type { EventSink } from '../notification/events';
import type { User } from '../generated/prisma/client';
import type { CreateUserInput } from '../admin/admin.input';
import type { UpdateUserInput } from './user.input';

const NIP_REASONS: Record<Extract<NipResult, { ok: false }>['reason'], Bilingual> = {
  FORMAT: {
    id: 'NIP harus 18 digit angka: tanggal lahir (8), TMT CPNS (6), jenis kelamin (1/2), nomor urut (3).',
    en: 'A NIP is 18 digits: birth date (8), appointment month (6), sex (1/2), sequence (3).',
  },
  BIRTH_DATE: { id: 'Tanggal lahir pada NIP tidak valid.', en: 'The birth date in the NIP is not a real date.' },
  APPOINTMENT_DATE: { id: 'TMT (tahun-bulan pengangkatan) pada NIP tidak valid.', en: 'The appointment month in the NIP is not valid.' },
  APPOINTMENT_BEFORE_BIRTH: { id: 'TMT pada NIP lebih awal dari tanggal lahir.', en: 'The appointment month in the NIP is before the birth date.' },
};
const CHOOSE_BIDANG: Bilingual = { id: 'Pilih Bidang', en: 'Choose a Bidang' };
const BIDANG_ROLE_NEEDS_BIDANG: Bilingual = { id: 'Peran Bidang memerlukan Bidang.', en: 'A Bidang role needs a Bidang.' };
const NIP_TAKEN: Bilingual = { id: 'NIP sudah terdaftar.', en: 'The NIP is already registered.' };
/**
 * Issue 15: a pemda role reaches every office of the pemda, so an office's administrator cannot
 * give it (nor take it away): only the pemda administrator does (setPemdaRoles).
 */
const PEMDA_ROLE_NOT_HERE: Bilingual = {
  id: 'Peran Pemda hanya dapat diberikan atau dicabut oleh Administrator Pemda.',
  en: 'Pemda roles can only be granted or revoked by the pemda administrator.',
};
const isPemdaRole = (r: string) => (PEMDA_ROLES as readonly string[]).includes(r);

/** A NIP as typed (spaces allowed) → its 18 digits; empty → null; invalid → INVALID_NIP naming the field. */
export function normalizeNip(input: string | null | undefined): string | null {
  if (!input || !input.trim()) return null;
  const parsed = parseNip(input);
  if (!parsed.ok) fail('INVALID_NIP', NIP_REASONS[parsed.reason], { fields: [fieldProblem('nip', NIP_REASONS[parsed.reason])] });
  return parsed.value.nip;
}

/** What the administrator sees of an account (never the hash; the lock only while it holds). */
export function accountView(u: User, now = new Date()) {
  const { passwordHash: _hash, failedLogins: _failures, ...rest } = u;
  return { ...rest, lockedUntil: u.lockedUntil && u.lockedUntil > now ? u.lockedUntil : null };
}

/** The audit's copy of an account: no secrets, no counters. */
const auditView = (u: User) => {
  const { passwordHash: _hash, failedLogins: _failures, lockedUntil: _lock, updatedAt: _updated, ...rest } = u;
  return rest;
};

export class UserService {
  constructor(
    private readonly db: Db,
    private readonly events?: EventSink,
  ) {}

  async list(actor: Actor) {
    const rows = await this.db.user.findMany({ where: { officeId: actor.officeId }, orderBy: { name: 'asc' } });
    const now = new Date();
    return rows.map((u) => accountView(u, now));
  }

  /**
   * A new account. The password the administrator typed must pass the policy, and the user must
   * change it at first sign-in (the administrator knows it).
   */
  async create(actor: Actor, input: CreateUserInput) {
    const nip = normalizeNip(input.nip);
    assertPasswordAcceptable(input.password, { username: input.username, nip }, 'password');
    if (input.roles.some(isPemdaRole)) fail('FORBIDDEN', PEMDA_ROLE_NOT_HERE, { fields: [fieldProblem('roles', PEMDA_ROLE_NOT_HERE)] });
    const needsBidang = input.roles.some((r) => BIDANG_ROLES.includes(r as Role));
    if (needsBidang && !input.bidangId) fail('VALIDATION_FAILED', BIDANG_ROLE_NEEDS_BIDANG, { fields: [fieldProblem('bidangId', CHOOSE_BIDANG)] });
    await this.assertBidangOfOffice(actor, input.bidangId);
    const passwordHash = await hashPassword(input.password);
    const u = await this.db.$transaction(async (tx) => {
      const clash = await tx.user.findFirst({ where: { OR: [{ username: input.username }, ...(nip ? [{ nip }] : [])] } });
      if (clash) fail('DUPLICATE', clash.username === input.username ? { id: 'Nama pengguna sudah dipakai.', en: 'The username is already taken.' } : NIP_TAKEN);
      const created = await tx.user.create({
        data: {
          officeId: actor.officeId,
          username: input.username,
          nip,
          name: input.name.trim(),
          jabatan: input.jabatan?.trim() || null,
          passwordHash,
          mustChangePassword: true,
          roles: [...new Set(input.roles)],
          bidangId: input.bidangId ?? null,
        },
      });
      await audit(tx, actor, { action: 'user.created', entityType: 'User', entityId: created.id, after: auditView(created) });
      return created;
    });
    return accountView(u);
  }

  /** Edits name, NIP, jabatan, roles and Bidang. Role changes take effect on the user's next request. */
  async update(actor: Actor, input: UpdateUserInput) {
    const nip = input.nip === undefined ? undefined : normalizeNip(input.nip);
    if (input.bidangId) await this.assertBidangOfOffice(actor, input.bidangId);
    const u = await this.db.$transaction(async (tx) => {
      await lockAdmins(tx, actor.officeId);
      const before = await this.ownAccount(tx, actor, input.id);
      if (input.roles?.some((r) => isPemdaRole(r) && !before.roles.includes(r))) fail('FORBIDDEN', PEMDA_ROLE_NOT_HERE, { fields: [fieldProblem('roles', PEMDA_ROLE_NOT_HERE)] });
      // The pemda roles the user holds stay as they are, whatever the office's form sends.
      const roles = input.roles ? [...new Set([...input.roles.filter((r) => !isPemdaRole(r)), ...before.roles.filter(isPemdaRole)])] : before.roles;
      const bidangId = input.bidangId === undefined ? before.bidangId : input.bidangId || null;
      if (roles.some((r) => BIDANG_ROLES.includes(r as Role)) && !bidangId) {
        fail('VALIDATION_FAILED', BIDANG_ROLE_NEEDS_BIDANG, { fields: [fieldProblem('bidangId', CHOOSE_BIDANG)] });
      }
      if (nip && nip !== before.nip) {
        const clash = await tx.user.findFirst({ where: { nip, id: { not: before.id } } });
        if (clash) fail('DUPLICATE', NIP_TAKEN, { fields: [fieldProblem('nip', NIP_TAKEN)] });
      }
      const after = await tx.user.update({
        where: { id: before.id },
        data: {
          ...(input.name != null ? { name: input.name.trim() } : {}),
          ...(nip !== undefined ? { nip } : {}),
          ...(input.jabatan !== undefined ? { jabatan: input.jabatan?.trim() || null } : {}),
          roles,
          bidangId,
        },
      });
      await assertAnAdminRemains(tx, actor.officeId);
      await audit(tx, actor, { action: 'user.updated', entityType: 'User', entityId: after.id, before: auditView(before), after: auditView(after) });
      return after;
    });
    return accountView(u);
  }

  /**
   * A one-time temporary password, answered once and stored only as its hash. Every session of
   * the user is revoked, a lock is lifted, and the user must change the password at next sign-in.
   */
  async resetPassword(actor: Actor, userId: string, now = new Date()) {
    if (userId === actor.userId) fail('FORBIDDEN', { id: 'Kata sandi Anda sendiri diganti melalui menu Profil saya, bukan diatur ulang.', en: 'Your own password is changed on your profile page, not reset.' });
    const temporary = temporaryPassword();
    const passwordHash = await hashPassword(temporary);
    const u = await this.db.$transaction(async (tx) => {
      const before = await this.ownAccount(tx, actor, userId);
      const after = await tx.user.update({
        where: { id: before.id },
        data: { passwordHash, mustChangePassword: true, passwordChangedAt: now, failedLogins: 0, lockedUntil: null },
      });
      const revoked = await revokeSessions(tx, before.id, now);
      await audit(tx, actor, {
        action: 'user.password_reset',
        entityType: 'User',
        entityId: before.id,
        after: { revokedSessions: revoked, wasLocked: !!before.lockedUntil && before.lockedUntil > now },
      });
      await this.events?.emit(tx, { kind: 'account', event: 'PASSWORD_RESET', userId: before.id, officeId: before.officeId, at: now });
      return after;
    });
    return { temporaryPassword: temporary, user: accountView(u, now) };
  }

  /** The person left (or must not sign in for now): sessions revoked at once, sign-in refused, history kept. */
  async deactivate(actor: Actor, userId: string, now = new Date()) {
    if (userId === actor.userId) fail('FORBIDDEN', { id: 'Anda tidak dapat menonaktifkan akun Anda sendiri.', en: 'You cannot deactivate your own account.' });
    const u = await this.db.$transaction(async (tx) => {
      await lockAdmins(tx, actor.officeId);
      const before = await this.ownAccount(tx, actor, userId);
      if (!before.active) return before;
      const after = await tx.user.update({ where: { id: before.id }, data: { active: false, deactivatedAt: now } });
      const revoked = await revokeSessions(tx, before.id, now);
      await assertAnAdminRemains(tx, actor.officeId);
      await audit(tx, actor, { action: 'user.deactivated', entityType: 'User', entityId: before.id, after: { revokedSessions: revoked } });
      return after;
    });
    return accountView(u, now);
  }

  async reactivate(actor: Actor, userId: string) {
    const u = await this.db.$transaction(async (tx) => {
      const before = await this.ownAccount(tx, actor, userId);
      if (before.active) return before;
      const after = await tx.user.update({ where: { id: before.id }, data: { active: true } });
      await audit(tx, actor, { action: 'user.reactivated', entityType: 'User', entityId: before.id });
      return after;
    });
    return accountView(u);
  }

  /** An account of the actor's office, read inside the transaction; another office's is NOT_FOUND. */
  private async ownAccount(tx: Tx, actor: Actor, userId: string) {
    const u = await findOr404(tx.user.findUnique({ where: { id: userId } }));
    assertSameOffice(actor, u.officeId);
    return u;
  }

  private async assertBidangOfOffice(actor: Actor, bidangId: string | null | undefined) {
    if (!bidangId) return;
    // createUser's bidangId is still an ID (not the UUID scalar): a malformed one is a bad input, not a crash.
    const b = isUuid(bidangId) ? await this.db.bidang.findUnique({ where: { id: bidangId } }) : null;
    if (!b || b.officeId !== actor.officeId) fail('VALIDATION_FAILED', { id: 'Bidang tidak ditemukan di Dinas ini.', en: 'The Bidang is not found in this office.' }, { fields: [fieldProblem('bidangId', UNKNOWN_BIDANG)] });
  }
}

/** Serialises the changes that can remove an office's administrator (held to the end of the transaction). */
async function lockAdmins(tx: Tx, officeId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`sipedaki.admins:${officeId}`}, 0))`;
}

async function assertAnAdminRemains(tx: Tx, officeId: string) {
  const admins = await tx.user.count({ where: { officeId, active: true, roles: { has: 'ADMIN' } } });
  if (admins === 0) fail('LAST_ADMIN');
}
