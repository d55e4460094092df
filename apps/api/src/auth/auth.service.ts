import crypto from 'node:crypto';
import type { Role } from '@sipedaki/sop';
import type { Config } from '../config';
import { sqlOf, type Db, type Tx } from '../db/prisma';
import type { Sql } from '../db/sql';
import { AppError, fail, fieldProblem } from '../common/errors';
import { audit } from '../audit/audit.service';
import type { EventSink } from '../notification/events';
import type { Actor } from './actor';
import { SESSION_ACTOR } from './auth.sql';
import type { LoginRateLimiter } from './login-rate-limit';
import { passwords } from './password';
import { assertPasswordAcceptable } from './password-policy';
import { extend } from '../common/objects';

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
/** Matches no user: an unknown login reserves a guess on it, so it does the same work as a known one. */
const NO_USER = '00000000-0000-0000-0000-000000000000';

// Verified against when the login matches no (active) user, so an unknown login costs the same
// as a wrong password and does not reveal which logins exist.
let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= passwords.hash(crypto.randomBytes(16).toString('hex')));

/** Where a sign-in comes from: kept with the session (the user's list of devices) and in the audit. */
export interface LoginClient {
  ip?: string;
  userAgent?: string;
}

interface Account {
  id: string;
  officeId: string;
  passwordHash: string;
  active: boolean;
}

/**
 * Signing in and out, sessions, and a user's own password.
 *
 * Guessing is bounded twice, both *before* a password is verified:
 *  - per client address (LoginRateLimiter.reserve, in PostgreSQL: shared by every API process): at
 *    most LOGIN_RATE_LIMIT_PER_MINUTE attempts in flight or failed per minute; a success gives its
 *    place back;
 *  - per account (reserveGuess): one atomic UPDATE takes a "guess" from the account's budget of
 *    LOGIN_MAX_FAILURES; an attempt that finds none left is refused without its password being
 *    checked. A wrong password keeps its guess (and locks the account when the budget is spent);
 *    the right one resets the count. See docs/decisions.md "Lockout under parallel attempts".
 */
export class AuthService {
  private readonly sql: Sql;

  constructor(
    private readonly db: Db,
    private readonly config: Config,
    private readonly limiter: LoginRateLimiter,
    private readonly events?: EventSink,
  ) {
    this.sql = sqlOf(db);
  }

  /** Login with NIP (spaces allowed) or username. */
  async login(login: string, password: string, client: LoginClient = {}, now = new Date()) {
    const place = await this.limiter.reserve(client.ip ?? 'unknown', now.getTime());
    if ('retryAfterSeconds' in place) fail('RATE_LIMITED', undefined, { retryAfterSeconds: place.retryAfterSeconds });
    let session: Awaited<ReturnType<AuthService['attempt']>>;
    try {
      session = await this.attempt(login, password, client, now);
    } catch (err) {
      // The caller hears about the sign-in, not the bookkeeping: a settle that fails leaves the
      // place unsettled, which still counts until it leaves the window.
      await this.limiter.settle(place.reservation).catch(() => undefined);
      throw err;
    }
    await this.limiter.release(place.reservation);
    return session;
  }

  private async attempt(login: string, password: string, client: LoginClient, now: Date) {
    const key = login.trim();
    const nip = key.replace(/\s+/g, '');
    const user = await this.db.user.findFirst({
      where: { OR: [{ username: key.toLowerCase() }, ...(/^\d{18}$/.test(nip) ? [{ nip }] : [])] },
    });
    if (!user || !user.active) {
      // The same statements and one verification, like a wrong password of an active account.
      await this.reserveGuess(NO_USER, now);
      await passwords.verify(await dummy(), password);
      await this.recordFailure(NO_USER, user, {
        action: 'auth.login_failed',
        entityId: user?.id ?? '-',
        after: { reason: user ? 'INACTIVE' : 'UNKNOWN_LOGIN', ip: client.ip },
      }, now);
      fail('INVALID_CREDENTIALS');
    }
    const u = user;
    if (!(await this.checkPassword(u, password, 'login', client, now))) fail('INVALID_CREDENTIALS');
    const token = crypto.randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.config.SESSION_TTL_HOURS * 3_600_000);
    const session = await this.db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: u.id }, data: { failedLogins: 0, lockedUntil: null } });
      // A device never seen before on this account (its User-Agent), when the account has signed in before.
      const agent = client.userAgent?.slice(0, 300) ?? null;
      const signedInBefore = await tx.session.count({ where: { userId: u.id } });
      const known = signedInBefore === 0 || (await tx.session.count({ where: { userId: u.id, userAgent: agent } })) > 0;
      const s = await tx.session.create({
        data: { tokenHash: sha256(token), userId: u.id, expiresAt, ip: client.ip ?? null, userAgent: client.userAgent?.slice(0, 300) ?? null, lastSeenAt: now },
      });
      await audit(tx, { userId: u.id, officeId: u.officeId }, { action: 'auth.login', entityType: 'Session', entityId: s.id, after: { ip: client.ip } });
      if (!known) await this.events?.emit(tx, { kind: 'account', event: 'NEW_DEVICE', userId: u.id, officeId: u.officeId, at: now, params: { device: agent ?? '?', ip: client.ip ?? null, at: now.toISOString() } });
      return s;
    });
    return { token, expiresAt: session.expiresAt, userId: u.id };
  }

  /**
   * Takes one guess from the account's budget, atomically: the number of guesses taken so far
   * (this one included), or null when none is left (locked, or every guess is being checked).
   */
  private async reserveGuess(userId: string, now: Date): Promise<number | null> {
    const rows = await this.db.$queryRaw<Array<{ failedLogins: number }>>`
      UPDATE "User" SET "failedLogins" = "failedLogins" + 1
       WHERE id = ${userId}::uuid AND "failedLogins" < ${this.config.LOGIN_MAX_FAILURES}
         AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now})
      RETURNING "failedLogins"`;
    return rows[0]?.failedLogins ?? null;
  }

  /**
   * Verifies a password of an active account against its guess budget. True when right; when
   * wrong, the guess stays spent, the failure is audited, and the answer is false — or
   * ACCOUNT_LOCKED when this failure spent the budget, or no guess was left to take.
   */
  private async checkPassword(u: Account, password: string, purpose: 'login' | 'password_change', client: LoginClient, now: Date): Promise<boolean> {
    const lockedUntil = new Date(now.getTime() + this.config.LOGIN_LOCK_MINUTES * 60_000);
    const guess = await this.reserveGuess(u.id, now);
    if (guess === null) {
      // No guess left: refused unchecked. A budget spent without a lock (the limit was lowered
      // since, or a process died mid-check) is locked now, so it frees itself after the lock.
      await this.db.$transaction(async (tx) => {
        const n = await tx.$executeRaw`
          UPDATE "User" SET "lockedUntil" = ${lockedUntil}, "failedLogins" = 0
           WHERE id = ${u.id}::uuid AND "failedLogins" >= ${this.config.LOGIN_MAX_FAILURES}
             AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now})`;
        await audit(tx, { userId: u.id, officeId: u.officeId }, {
          action: n ? 'auth.locked' : 'auth.login_refused',
          entityType: 'User',
          entityId: u.id,
          after: { reason: 'LOCKED', purpose, ip: client.ip },
        });
        if (n) await this.events?.emit(tx, { kind: 'account', event: 'ACCOUNT_LOCKED', userId: u.id, officeId: u.officeId, at: now, params: { until: lockedUntil.toISOString() } });
      });
      fail('ACCOUNT_LOCKED');
    }
    if (await passwords.verify(u.passwordHash, password)) return true;
    const locked = await this.recordFailure(u.id, u, {
      action: purpose === 'login' ? 'auth.login_failed' : 'auth.password_change_failed',
      entityId: u.id,
      after: { reason: 'WRONG_PASSWORD', purpose, guess, ip: client.ip },
    }, now);
    if (locked) fail('ACCOUNT_LOCKED');
    return false;
  }

  /**
   * A wrong password, in one transaction: locks the account when every guess of its budget has
   * been taken (after a success reset the count, a late wrong guess finds it below the limit and
   * does not lock), and the audit row. True when this failure locked the account. An unknown or
   * inactive login runs the very same statements against NO_USER.
   */
  private async recordFailure(lockUserId: string, who: { id: string; officeId: string } | null, e: { action: string; entityId: string; after: object }, now: Date) {
    const lockedUntil = new Date(now.getTime() + this.config.LOGIN_LOCK_MINUTES * 60_000);
    return this.db.$transaction(async (tx) => {
      const n = await tx.$executeRaw`
        UPDATE "User" SET "lockedUntil" = ${lockedUntil}, "failedLogins" = 0
         WHERE id = ${lockUserId}::uuid AND "failedLogins" >= ${this.config.LOGIN_MAX_FAILURES}`;
      await audit(tx, who ? { userId: who.id, officeId: who.officeId } : null, {
        action: n ? 'auth.locked' : e.action,
        entityType: 'User',
        entityId: e.entityId,
        after: e.after,
      });
      if (n && who) await this.events?.emit(tx, { kind: 'account', event: 'ACCOUNT_LOCKED', userId: who.id, officeId: who.officeId, at: now, params: { until: lockedUntil.toISOString() } });
      return n > 0;
    });
  }

  async logout(actor: Actor, now = new Date()): Promise<boolean> {
    await this.db.$transaction(async (tx) => {
      await tx.session.update({ where: { id: actor.sessionId }, data: { revokedAt: now } });
      await audit(tx, actor, { action: 'auth.logout', entityType: 'Session', entityId: actor.sessionId });
    });
    return true;
  }

  /**
   * The user's own password: the current one is required (a wrong one spends a guess of the
   * login budget, so a stolen session cannot be used to guess it), the new one must pass the
   * policy and differ. Every other session of the user is revoked; this one stays.
   */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string, client: LoginClient = {}, now = new Date()) {
    const user = await this.db.user.findUniqueOrThrow({ where: { id: actor.userId } });
    assertPasswordAcceptable(newPassword, user, 'newPassword');
    if (newPassword === currentPassword) {
      const message = { id: 'Kata sandi baru harus berbeda dari kata sandi saat ini.', en: 'The new password must differ from the current one.' };
      fail('VALIDATION_FAILED', message, { fields: [fieldProblem('newPassword', message)] });
    }
    if (!(await this.checkPassword(user, currentPassword, 'password_change', client, now))) {
      const message = { id: 'Kata sandi saat ini salah.', en: 'The current password is wrong.' };
      fail('VALIDATION_FAILED', message, { fields: [fieldProblem('currentPassword', message)] });
    }
    const passwordHash = await passwords.hash(newPassword);
    return this.db.$transaction(async (tx) => {
      await tx.user.update({
        where: { id: user.id },
        data: { passwordHash, mustChangePassword: false, passwordChangedAt: now, failedLogins: 0, lockedUntil: null },
      });
      const revoked = await revokeSessions(tx, user.id, now, actor.sessionId);
      await audit(tx, actor, {
        action: 'user.password_changed',
        entityType: 'User',
        entityId: user.id,
        after: { revokedSessions: revoked, wasTemporary: user.mustChangePassword, ip: client.ip },
      });
      return { revokedSessions: revoked };
    });
  }

  /** The user's own sessions that still work (not revoked, not expired): this one first, then newest first. */
  async mySessions(actor: Actor, now = new Date()) {
    const rows = await this.db.session.findMany({
      where: { userId: actor.userId, revokedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: 'desc' },
    });
    const views = rows.map((s) => extend(s, { current: s.id === actor.sessionId }));
    return [...views.filter((s) => s.current), ...views.filter((s) => !s.current)];
  }

  /** Revokes one of the user's own sessions (another user's is NOT_FOUND). */
  async revokeSession(actor: Actor, sessionId: string, now = new Date()): Promise<boolean> {
    await this.db.$transaction(async (tx) => {
      const s = await tx.session.findUnique({ where: { id: sessionId } });
      if (!s || s.userId !== actor.userId) fail('NOT_FOUND');
      if (s.revokedAt) return;
      await tx.session.update({ where: { id: sessionId }, data: { revokedAt: now } });
      await audit(tx, actor, { action: 'auth.session_revoked', entityType: 'Session', entityId: sessionId, after: { current: sessionId === actor.sessionId } });
    });
    return true;
  }

  /** "Keluar dari semua perangkat": every session of the user, this one included. */
  async logoutEverywhere(actor: Actor, now = new Date()): Promise<number> {
    return this.db.$transaction(async (tx) => {
      const revoked = await revokeSessions(tx, actor.userId, now);
      await audit(tx, actor, { action: 'auth.logout_everywhere', entityType: 'User', entityId: actor.userId, after: { revokedSessions: revoked } });
      return revoked;
    });
  }

  /** The actor behind a bearer token, or null when there is none; an invalid token is an error. */
  /** Who is signed in, as `me` and `login` show it: the account, its office and the roles in force now. */
  async viewer(actor: Actor) {
    const user = await this.db.user.findUniqueOrThrow({ where: { id: actor.userId }, include: { office: true } });
    return { user, office: user.office, roles: actor.roles, bidangIds: actor.bidangIds, mustChangePassword: user.mustChangePassword };
  }

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
      mustChangePassword: u.mustChangePassword,
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

/** Revokes the user's working sessions (except `keep`) inside the caller's transaction; how many. */
export async function revokeSessions(tx: Tx, userId: string, now: Date, keep?: string): Promise<number> {
  const r = await tx.session.updateMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now }, ...(keep ? { id: { not: keep } } : {}) },
    data: { revokedAt: now },
  });
  return r.count;
}

export function bearer(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(.+)$/i.exec(header ?? '');
  return m?.[1]?.trim();
}
