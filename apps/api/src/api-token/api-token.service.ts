import crypto from 'node:crypto';
import type { Actor } from '../auth/actor';
import { SERVICE_TOKEN_PREFIX, sha256 } from '../auth/auth.service';
import { audit } from '../audit/audit.service';
import { assertSameOffice } from '../common/access';
import { fail, fieldProblem } from '../common/errors';
import { findOr404 } from '../common/found';
import type { Db } from '../db/prisma';
import type { ApiScope } from '../generated/prisma/enums';
import type { CreateApiTokenInput } from './api-token.model';

type Row = { id: string; name: string; prefix: string; scopes: ApiScope[]; createdById: string; createdAt: Date; expiresAt: Date; revokedAt: Date | null; lastUsedAt: Date | null };
// Never the hash: the list shows what an administrator needs to recognise and revoke a token.
const toModel = (t: Row, now = new Date()) => ({
  id: t.id, name: t.name, prefix: t.prefix, scopes: t.scopes, createdById: t.createdById, createdAt: t.createdAt,
  expiresAt: t.expiresAt, revokedAt: t.revokedAt, lastUsedAt: t.lastUsedAt, active: !t.revokedAt && t.expiresAt > now,
});

/** Service accounts: an administrator issues read-only tokens for other systems of the office. */
export class ApiTokenService {
  constructor(
    private readonly db: Db,
    private readonly maxDays: number,
  ) {}

  async list(actor: Actor) {
    const rows = await this.db.apiToken.findMany({ where: { officeId: actor.officeId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
    return rows.map((r) => toModel(r));
  }

  /** Returns the plain token once; only its sha256 is stored. */
  async create(actor: Actor, input: CreateApiTokenInput, now = new Date()) {
    // The name's length (after trimming) is checked by the input's validation.
    const name = input.name.trim();
    const expiresAt = new Date(input.expiresAt);
    const max = now.getTime() + this.maxDays * 86_400_000;
    if (Number.isNaN(expiresAt.getTime()) || expiresAt <= now || expiresAt.getTime() > max) {
      fail('VALIDATION_FAILED', undefined, {
        fields: [fieldProblem('expiresAt', { id: `Masa berlaku harus setelah sekarang dan paling lama ${this.maxDays} hari`, en: `The expiry must be in the future and at most ${this.maxDays} days away` })],
      });
    }
    const token = SERVICE_TOKEN_PREFIX + crypto.randomBytes(32).toString('base64url');
    return this.db.$transaction(async (tx) => {
      const t = await tx.apiToken.create({
        data: {
          officeId: actor.officeId,
          name,
          tokenHash: sha256(token),
          prefix: token.slice(0, SERVICE_TOKEN_PREFIX.length + 8),
          scopes: [...new Set(input.scopes)],
          createdById: actor.userId,
          expiresAt,
        },
      });
      await audit(tx, actor, { action: 'api_token.created', entityType: 'ApiToken', entityId: t.id, after: toModel(t, now) });
      return { apiToken: toModel(t, now), token };
    });
  }

  async revoke(actor: Actor, id: string, now = new Date()) {
    return this.db.$transaction(async (tx) => {
      const t = await findOr404(tx.apiToken.findUnique({ where: { id } }));
      assertSameOffice(actor, t.officeId);
      if (t.revokedAt) return toModel(t, now);
      const after = await tx.apiToken.update({ where: { id }, data: { revokedAt: now } });
      await audit(tx, actor, { action: 'api_token.revoked', entityType: 'ApiToken', entityId: id, before: { revokedAt: null }, after: { revokedAt: now } });
      return toModel(after, now);
    });
  }
}
