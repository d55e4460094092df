/**
 * The one answer to "which offices may this actor read" (issue 15). An office's own staff reach
 * their office; a holder of a pemda role (PEMDA_ADMIN / PEMDA_ANALYST / PEMDA_VIEWER, a user of
 * one of the pemda's offices) reaches every office with the same pemdaId; nobody reaches another
 * pemda. The pemda features (requests to offices, the rollup) ask here rather than filter by
 * officeId themselves, so the reach is decided once.
 */
import { mayPemda, officeReach, type PemdaCapability } from '@sipedaki/sop';
import type { Actor } from '../auth/actor';
import { fail } from '../common/errors';
import type { Db, Tx } from '../db/prisma';

export interface PemdaOfScope {
  id: string;
  code: string;
  name: string;
}

export const NOT_A_PEMDA_ROLE = {
  id: 'Hanya pemegang peran Pemda (Administrator, Analis atau Pimpinan Daerah) yang dapat membuka data lintas perangkat daerah.',
  en: 'Only holders of a pemda role (administrator, analyst or leadership) can read across the regional offices.',
};

export class PemdaScopeService {
  constructor(private readonly db: Db) {}

  /** The pemda of the actor's own office. */
  async pemdaOf(actor: Pick<Actor, 'officeId'>, tx: Db | Tx = this.db): Promise<PemdaOfScope> {
    const office = await tx.office.findUnique({ where: { id: actor.officeId }, select: { pemda: { select: { id: true, code: true, name: true } } } });
    if (!office) fail('NOT_FOUND');
    return office.pemda;
  }

  /**
   * The ids of the offices the actor may read: its own office, or — holding a pemda role —
   * every office of its pemda (its own included). A service token reads its own office only.
   */
  async readableOfficeIds(actor: Pick<Actor, 'officeId' | 'roles' | 'kind'>, tx: Db | Tx = this.db): Promise<string[]> {
    if (actor.kind === 'service' || officeReach(actor.roles) === 'OFFICE') return [actor.officeId];
    // One statement: the offices whose pemda is the actor's office's pemda.
    const rows = await tx.office.findMany({
      where: { pemda: { offices: { some: { id: actor.officeId } } } },
      select: { id: true },
      orderBy: [{ name: 'asc' }, { code: 'asc' }],
    });
    return rows.map((r) => r.id);
  }

  /** Whether the actor may read this office (see readableOfficeIds). */
  async mayReadOffice(actor: Pick<Actor, 'officeId' | 'roles' | 'kind'>, officeId: string, tx: Db | Tx = this.db): Promise<boolean> {
    if (officeId === actor.officeId) return true;
    if (actor.kind === 'service' || officeReach(actor.roles) === 'OFFICE') return false;
    const [mine, theirs] = await Promise.all([
      tx.office.findUnique({ where: { id: actor.officeId }, select: { pemdaId: true } }),
      tx.office.findUnique({ where: { id: officeId }, select: { pemdaId: true } }),
    ]);
    return !!mine && !!theirs && mine.pemdaId === theirs.pemdaId;
  }

  /** Another pemda's office (or one that does not exist) is reported as not found, as across offices today. */
  async assertMayReadOffice(actor: Pick<Actor, 'officeId' | 'roles' | 'kind'>, officeId: string, tx: Db | Tx = this.db): Promise<void> {
    if (!(await this.mayReadOffice(actor, officeId, tx))) fail('NOT_FOUND');
  }

  /**
   * The pemda features' object-level gate: the actor holds a role with this pemda capability
   * (the resolver's role gate says the same; this is for services called from elsewhere).
   * Returns the actor's pemda.
   */
  async requirePemda(actor: Pick<Actor, 'officeId' | 'roles' | 'kind'>, capability: PemdaCapability, tx: Db | Tx = this.db): Promise<PemdaOfScope> {
    if (actor.kind === 'service' || !mayPemda(actor.roles, capability)) fail('FORBIDDEN', NOT_A_PEMDA_ROLE);
    return this.pemdaOf(actor, tx);
  }
}
