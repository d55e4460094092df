import type { Tx } from '../db/prisma';
import type { Actor } from '../auth/actor';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

// JSON columns cannot hold Decimal/Date/BigInt as such; keep a faithful plain copy.
const plain = (v: unknown): any =>
  v === undefined ? undefined : JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x)));

/**
 * Writes one audit row inside the caller's transaction: the audit record commits or rolls back
 * together with the change it describes. The table refuses UPDATE/DELETE (migration trigger).
 */
// `actor` null: no one and no office (an unknown login). `{ userId: null, officeId }`: no one, in an
// office (the start-up bootstrap, done by the deployment's environment).
export async function audit(tx: Tx, actor: Pick<Actor, 'userId' | 'officeId'> | { userId: null; officeId: string } | null, e: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: actor?.userId ?? null,
      officeId: actor?.officeId ?? null,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      before: plain(e.before),
      after: plain(e.after),
    },
  });
}

/**
 * What a data request's audit records keep of it before and after a change (issue 11: more than
 * status and version, so that its history reads old → new).
 */
export function requestAuditState(r: { status: string; currentStep: number; version: number; dueAt: Date | null; stepStartedAt: Date; completedAt?: Date | null; acknowledgedAt?: Date | null }) {
  return {
    status: r.status,
    currentStep: r.currentStep,
    version: r.version,
    stepStartedAt: r.stepStartedAt,
    dueAt: r.dueAt,
    completedAt: r.completedAt ?? null,
    acknowledgedAt: r.acknowledgedAt ?? null,
  };
}
