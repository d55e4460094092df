import { BIDANG_ROLES, type Role } from '@sipedaki/sop';
import type { Actor } from '../auth/actor';
import { audit } from '../audit/audit.service';
import { assertSameOffice } from '../common/access';
import { fail, fieldProblem, UNKNOWN_BIDANG, type Bilingual } from '../common/errors';
import { findOr404 } from '../common/found';
import { dateOnly, toNumber } from '../common/format';
import type { Db } from '../db/prisma';
import type { AssignActingInput, CreateBidangInput, UpdateBidangInput } from './admin.input';

const CHOOSE_BIDANG: Bilingual = { id: 'Pilih Bidang', en: 'Choose a Bidang' };


export class AdminService {
  constructor(private readonly db: Db) {}

  async listBidang(actor: Actor) {
    return this.db.bidang.findMany({ where: { officeId: actor.officeId }, orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }] });
  }

  async assignActing(actor: Actor, input: AssignActingInput) {
    if (!(input.validUntil > input.validFrom)) {
      fail('VALIDATION_FAILED', { id: 'Akhir penugasan harus setelah awal penugasan.', en: 'The assignment must end after it starts.' }, {
        fields: [fieldProblem('validUntil', { id: 'Harus setelah validFrom', en: 'Must be after validFrom' })],
      });
    }
    if (BIDANG_ROLES.includes(input.role) && !input.bidangId) {
      fail('VALIDATION_FAILED', { id: 'Plt/Plh peran Bidang memerlukan Bidang.', en: 'An acting Bidang role needs a Bidang.' }, { fields: [fieldProblem('bidangId', CHOOSE_BIDANG)] });
    }
    // Never to oneself: an administrator does not give himself the Kepala Dinas's (or any) powers.
    if (input.userId === actor.userId) fail('FORBIDDEN', { id: 'Anda tidak dapat menetapkan Plt/Plh untuk diri sendiri; penugasan ini harus dibuat oleh administrator lain.', en: 'You cannot make yourself Plt/Plh; another administrator must make this assignment.' });
    return this.db.$transaction(async (tx) => {
      const u = await findOr404(tx.user.findUnique({ where: { id: input.userId } }));
      assertSameOffice(actor, u.officeId);
      if (!u.active) fail('VALIDATION_FAILED', { id: 'Pengguna ini nonaktif.', en: 'This user is deactivated.' }, { fields: [fieldProblem('userId', { id: 'Pengguna nonaktif', en: 'Deactivated user' })] });
      if (input.bidangId) {
        const b = await tx.bidang.findUnique({ where: { id: input.bidangId } });
        assertSameOffice(actor, b?.officeId);
      }
      const a = await tx.actingAssignment.create({
        data: {
          userId: u.id,
          role: input.role,
          kind: input.kind,
          bidangId: input.bidangId ?? null,
          validFrom: input.validFrom,
          validUntil: input.validUntil,
          decreeNo: input.decreeNo?.trim() || null,
          grantedById: actor.userId,
        },
      });
      await audit(tx, actor, { action: 'acting.assigned', entityType: 'ActingAssignment', entityId: a.id, after: a });
      return a;
    });
  }

  /**
   * Ends a Plt/Plh assignment now, before its planned end (validUntil = now); one that has not
   * started yet is cancelled (validUntil = validFrom). The roles fall away on the holder's next
   * request. An assignment already over is VALIDATION_FAILED.
   */
  async endActing(actor: Actor, id: string, now = new Date()) {
    return this.db.$transaction(async (tx) => {
      const before = await findOr404(tx.actingAssignment.findUnique({ where: { id }, include: { user: { select: { officeId: true } } } }));
      assertSameOffice(actor, before.user.officeId);
      if (before.validUntil <= now) {
        fail('VALIDATION_FAILED', { id: 'Penugasan Plt/Plh ini sudah berakhir.', en: 'This Plt/Plh assignment has already ended.' }, { fields: [fieldProblem('id', { id: 'Penugasan sudah berakhir', en: 'Assignment already ended' })] });
      }
      const validUntil = before.validFrom > now ? before.validFrom : now;
      const { user: _user, ...row } = before;
      const after = await tx.actingAssignment.update({ where: { id }, data: { validUntil } });
      await audit(tx, actor, { action: 'acting.ended', entityType: 'ActingAssignment', entityId: id, before: row, after });
      return after;
    });
  }

  async listActing(actor: Actor) {
    return this.db.actingAssignment.findMany({ where: { user: { officeId: actor.officeId } }, orderBy: { validFrom: 'desc' } });
  }

  async office(actor: Actor) {
    return this.db.office.findUniqueOrThrow({ where: { id: actor.officeId } });
  }

  async createBidang(actor: Actor, input: CreateBidangInput) {
    return this.db.$transaction(async (tx) => {
      const clash = await tx.bidang.findUnique({ where: { officeId_code: { officeId: actor.officeId, code: input.code } } });
      if (clash) fail('DUPLICATE', { id: `Kode Bidang ${input.code} sudah dipakai.`, en: `Bidang code ${input.code} is already taken.` });
      const b = await tx.bidang.create({ data: { officeId: actor.officeId, code: input.code, name: input.name.trim(), sortOrder: input.sortOrder ?? 0 } });
      await audit(tx, actor, { action: 'bidang.created', entityType: 'Bidang', entityId: b.id, after: b });
      return b;
    });
  }

  async updateBidang(actor: Actor, input: UpdateBidangInput) {
    return this.db.$transaction(async (tx) => {
      const before = await findOr404(tx.bidang.findUnique({ where: { id: input.id } }));
      assertSameOffice(actor, before.officeId);
      const b = await tx.bidang.update({
        where: { id: input.id },
        data: {
          ...(input.name != null ? { name: input.name.trim() } : {}),
          ...(input.sortOrder != null ? { sortOrder: input.sortOrder } : {}),
          ...(input.active != null ? { active: input.active } : {}),
        },
      });
      await audit(tx, actor, { action: 'bidang.updated', entityType: 'Bidang', entityId: b.id, before, after: b });
      return b;
    });
  }
}
