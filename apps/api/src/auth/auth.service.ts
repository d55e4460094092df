import crypto from 'node:crypto';
import type { Role } from '@sipedaki/sop';
import type { Config } from '../config';
import { sqlOf, type Db } from '../db/prisma';
import type { Sql } from '../db/sql';
import { AppError, fail } from '../common/errors';
import { audit } from '../audit/audit.service';
import type { Actor } from './actor';
import { SESSION_ACTOR } from './auth.sql';
import { hashPassword, verifyPassword } from './password';

export const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/** A machine client's words for an unknown, expired or revoked service token (not "sign in again"). */
export const SERVICE_TOKEN_REFUSED = {
  id: 'Token layanan tidak dikenal, sudah kedaluwarsa, atau telah dicabut. Minta token baru kepada administrator Dinas.',
  en: 'The service token is unknown, expired or revoked. Ask the office administrator for a new token.',
};

/** Service-account tokens start with this; anything else is looked up as a session token. */
export const SERVICE_TOKEN_PREFIX = 'spdk_';
/** lastUsedAt is written at most this often per token, not on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

// Verified against when the login matches no user, so an unknown login costs the same time as
// a wrong password and does not reveal which logins exist.
let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= hashPassword(crypto.randomBytes(16).toString('hex')));

export class AuthService {
  private readonly sql: Sql;

  constructor(
    private readonly db: Db,
    private readonly config: Config,
  ) {
    this.sql = sqlOf(db);
  }

  /** Login with NIP (spaces allowed) or username. */
  async login(login: string, password: string, now = new Date()) {
    const key = login.trim();
    const nip = key.replace(/\s+/g, '');
    const user = await this.db.user.findFirst({
      where: { OR: [{ username: key.toLowerCase() }, ...(/^\d{18}$/.test(nip) ? [{ nip }] : [])] },
    });
    if (!user || !user.active) {
      await verifyPassword(await dummy(), password);
      fail('INVALID_CREDENTIALS');
    }
    const u = user!;
    if (u.lockedUntil && u.lockedUntil > now) fail('ACCOUNT_LOCKED');
    const ok = await verifyPassword(u.passwordHash, password);
    if (!ok) {
      const failures = u.failedLogins + 1;
      const lock = failures >= this.config.LOGIN_MAX_FAILURES;
      await this.db.$transaction(async (tx) => {
        await tx.user.update({
          where: { id: u.id },
          data: {
            failedLogins: lock ? 0 : failures,
            lockedUntil: lock ? new Date(now.getTime() + this.config.LOGIN_LOCK_MINUTES * 60_000) : null,
          },
        });
        await audit(tx, { userId: u.id, officeId: u.officeId }, {
          action: lock ? 'auth.locked' : 'auth.login_failed',
          entityType: 'User',
          entityId: u.id,
          after: { failures },
        });
      });
      fail(lock ? 'ACCOUNT_LOCKED' : 'INVALID_CREDENTIALS');
    }
    const token = crypto.randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.config.SESSION_TTL_HOURS * 3_600_000);
    const session = await this.db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: u.id }, data: { failedLogins: 0, lockedUntil: null } });
      const s = await tx.session.create({ data: { tokenHash: sha256(token), userId: u.id, expiresAt } });
      await audit(tx, { userId: u.id, officeId: u.officeId }, { action: 'auth.login', entityType: 'Session', entityId: s.id });
      return s;
    });
    return { token, expiresAt: session.expiresAt, userId: u.id };
  }

  async logout(actor: Actor, now = new Date()): Promise<boolean> {
    await this.db.$transaction(async (tx) => {
      await tx.session.update({ where: { id: actor.sessionId }, data: { revokedAt: now } });
      await audit(tx, actor, { action: 'auth.logout', entityType: 'Session', entityId: actor.sessionId });
    });
    return true;
  }

  /** The actor behind a bearer token, or null when there is none; an invalid token is an error. */
  async actorFromToken(token: string | undefined, now = new Date()): Promise<Actor | null> {
    if (!token) return null;
    if (token.startsWith(SERVICE_TOKEN_PREFIX)) return this.serviceActor(token, now);
    const u = await this.sql.one(SESSION_ACTOR, [sha256(token), now.toISOString()]);
    if (!u || u.revokedAt || u.expiresAt <= now || !u.active) throw new AppError('UNAUTHENTICATED');
    const roles = new Set<Role>(u.roles);
    const bidangIds = new Set<string>(u.bidangId ? [u.bidangId] : []);
    for (const a of u.acting) {
      roles.add(a.role);
      if (a.bidangId) bidangIds.add(a.bidangId);
    }
    return {
      userId: u.id,
      officeId: u.officeId,
      name: u.name,
      roles: [...roles],
      bidangIds: [...bidangIds],
      sessionId: u.sessionId,
      kind: 'user',
      scopes: [],
    };
  }

  /** A machine client: an unexpired, unrevoked ApiToken of an office. */
  private async serviceActor(token: string, now: Date): Promise<Actor> {
    const t = await this.db.apiToken.findUnique({ where: { tokenHash: sha256(token) } });
    if (!t || t.revokedAt || t.expiresAt <= now) throw new AppError('UNAUTHENTICATED', SERVICE_TOKEN_REFUSED);
    if (!t.lastUsedAt || now.getTime() - t.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      // Usage telemetry, not a change of business data: no audit row, and a failure is not the client's problem.
      await this.db.apiToken.update({ where: { id: t.id }, data: { lastUsedAt: now } }).catch(() => undefined);
    }
    return { kind: 'service', userId: t.id, officeId: t.officeId, name: t.name, roles: [], bidangIds: [], sessionId: t.id, scopes: t.scopes };
  }
}

export function bearer(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(.+)$/i.exec(header ?? '');
  return m?.[1]?.trim();
}
