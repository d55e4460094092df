/**
 * Who signs or initials a printed document, as it is printed under the mark: the post (with
 * "Plt." or "Plh." when the signer held it under an acting assignment at that moment), the name
 * and the NIP. A block whose mark was already given (a disposition, an acknowledgement) names the
 * one who gave it, as of that moment; a block still to be signed names who holds the post now: the
 * acting official while a Plt/Plh assignment is in force (a Plh stands in for an absent holder, a
 * Plt fills a vacant post), otherwise the holder.
 */
import { formatNip, ROLE_LABELS, type Role } from '@sipedaki/sop';
import type { Db } from '../db/prisma';

export const ACTING_PREFIX = { PLT: 'Plt.', PLH: 'Plh.' } as const;

export interface SignatoryWanted {
  role: Role;
  /** For a Bidang role: the Bidang whose head signs. */
  bidangId?: string | null;
  /** The post's name when it is not the role's own ("Kepala Bidang Pemerintahan Desa"). */
  post?: string;
  /**
   * Who gives the mark: known (the one who made the document or gave the disposition), with the
   * moment it was given (null: named, not yet dated); null = whoever holds the post now.
   */
  by: { userId: string; at: Date | null } | null;
}

/** A resolved block, plain data (it is part of a document's content; see report.service). */
export interface Signatory {
  /** As printed: "Plt. Kepala Dinas", "Sekretaris Dinas", the holder's own jabatan when set. */
  jabatan: string;
  acting: (typeof ACTING_PREFIX)[keyof typeof ACTING_PREFIX] | null;
  name: string | null;
  /** "19720315 199803 1 004", or null. */
  nip: string | null;
  /** ISO time of the mark; null when still to be signed. */
  signedAt: string | null;
}

/**
 * Resolves every wanted block in two queries (the office's users, and the acting assignments of
 * the wanted roles). `now` decides who holds a post for the blocks still to be signed.
 */
export async function resolveSignatories(db: Db, officeId: string, wanted: SignatoryWanted[], now: Date): Promise<Signatory[]> {
  const roles = [...new Set(wanted.map((w) => w.role))];
  const [users, acting] = await Promise.all([
    db.user.findMany({ where: { officeId }, select: { id: true, name: true, nip: true, jabatan: true, roles: true, bidangId: true, active: true, createdAt: true }, orderBy: { createdAt: 'asc' } }),
    db.actingAssignment.findMany({ where: { role: { in: roles }, user: { officeId } }, orderBy: { validFrom: 'desc' } }),
  ]);
  const byId = new Map(users.map((u) => [u.id, u]));
  const sameBidang = (w: SignatoryWanted, bidangId: string | null) => !w.bidangId || bidangId === w.bidangId;
  const actingAt = (w: SignatoryWanted, at: Date, userId?: string) =>
    acting.find((a) => a.role === w.role && sameBidang(w, a.bidangId) && a.validFrom <= at && a.validUntil > at && (userId ? a.userId === userId : byId.get(a.userId)?.active));
  const holds = (w: SignatoryWanted, u: { roles: Role[]; bidangId: string | null }) => u.roles.includes(w.role) && sameBidang(w, u.bidangId);

  return wanted.map((w) => {
    const post = w.post ?? ROLE_LABELS[w.role].id;
    let user: (typeof users)[number] | undefined;
    let kind: keyof typeof ACTING_PREFIX | null = null;
    if (w.by) {
      user = byId.get(w.by.userId);
      if (user && !holds(w, user)) kind = actingAt(w, w.by.at ?? now, user.id)?.kind ?? null;
    } else {
      const a = actingAt(w, now);
      if (a) {
        user = byId.get(a.userId);
        kind = user && holds(w, user) ? null : a.kind;
      } else {
        user = users.find((u) => u.active && holds(w, u));
      }
    }
    const prefix = kind ? ACTING_PREFIX[kind] : null;
    return {
      // The holder's own jabatan says it best ("Kepala Sub Bagian Program dan Evaluasi"); an acting
      // official's own jabatan is another post, so the post is printed with the prefix.
      jabatan: prefix ? `${prefix} ${post}` : (user && holds(w, user) && user.jabatan?.trim()) || post,
      acting: prefix,
      name: user?.name ?? null,
      nip: user?.nip ? formatNip(user.nip) : null,
      signedAt: w.by?.at ? w.by.at.toISOString() : null,
    };
  });
}
