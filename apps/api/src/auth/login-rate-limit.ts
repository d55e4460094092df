import crypto from 'node:crypto';
import { logger } from '../common/logger';
import type { Db } from '../db/prisma';

/**
 * Login attempts per client IP in a sliding window of one minute, in PostgreSQL (`LoginAttempt`),
 * so that every API process behind a load balancer spends one budget per address: in memory, a
 * guesser spreading its attempts over N replicas got N × the limit (docs/scaling.md §4).
 * It sits in front of the per-account lockout: that one stops guessing one account's password,
 * this one stops one address from trying many accounts (and from spending the server's CPU on
 * argon2).
 *
 * An attempt takes its place in the window *before* the password is checked (`reserve`), so a
 * burst of simultaneous attempts — on one process or on several — cannot all pass a check that
 * none of them has been counted in yet: the count and the insert run in one transaction under a
 * transaction-scoped advisory lock of the address, so reservations of one address queue behind
 * each other (other addresses are not held up). A successful login gives its place back
 * (`release`): in the end only failures count, so a whole office behind one NAT address signing
 * in at 08:00 is not refused, while a guesser is refused even when it finally hits the right
 * password. A process that dies while checking leaves its place unsettled: it counts until it
 * leaves the window, as a failure would.
 *
 * Plain SQL that PostgreSQL 15 and the embedded PGlite both run (no extension, no UNLOGGED table).
 * Times are the API's clock (`now`, as the rest of sign-in uses): replicas keep their clocks in
 * step with NTP, and a second of skew moves a one-minute window by a second.
 */
export interface Reservation {
  readonly id: string;
  readonly ip: string;
}

export type ReserveResult = { reservation: Reservation } | { retryAfterSeconds: number };

export class LoginRateLimiter {
  // When this process last deleted every address's expired rows (addresses that went quiet are
  // otherwise never looked at again). Each process sweeps at most once per window.
  private lastSweep = 0;

  constructor(
    private readonly db: Db,
    private readonly perWindow: number,
    private readonly windowMs = 60_000,
  ) {}

  /** Takes a place for one attempt of this address, or answers how many seconds it must wait. */
  async reserve(ip: string, now = Date.now()): Promise<ReserveResult> {
    await this.sweep(now);
    const at = new Date(now);
    const since = new Date(now - this.windowMs);
    const id = crypto.randomUUID();
    // A burst from one address queues on the lock, each holding a connection for a few
    // milliseconds: more patience than Prisma's default 2 s for a connection on a busy machine.
    return this.db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`sipedaki.login:${ip}`}, 0))`;
      // Under the lock: the address's attempts of the window are counted and the new one is
      // written only when there is room, in one statement (its snapshot is taken after the lock,
      // so it sees every reservation committed before). Rows older than the window count for
      // nobody: the sweep deletes them.
      const [window] = await tx.$queryRaw<Array<{ busy: boolean; oldest: Date | null; taken: boolean }>>`
        WITH live AS (SELECT at, settled FROM "LoginAttempt" WHERE ip = ${ip} AND at > ${since}),
             taken AS (
               INSERT INTO "LoginAttempt" (id, ip, at)
               SELECT ${id}::uuid, ${ip}::text, ${at}::timestamptz WHERE (SELECT count(*) FROM live) < ${this.perWindow}
               RETURNING id)
        SELECT coalesce((SELECT bool_or(NOT settled) FROM live), false) AS busy,
               (SELECT min(at) FROM live) AS oldest,
               EXISTS (SELECT 1 FROM taken) AS taken`;
      if (window!.taken) return { reservation: { id, ip } };
      // Full of attempts still being checked: one of them may succeed and free its place in a
      // moment. Full of failures: the oldest leaves the window first.
      if (window!.busy || !window!.oldest) return { retryAfterSeconds: 1 };
      return { retryAfterSeconds: Math.max(1, Math.ceil((window!.oldest.getTime() + this.windowMs - now) / 1000)) };
    }, { maxWait: 15_000, timeout: 15_000 });
  }

  /** The attempt failed: its place stays taken until it leaves the window. */
  async settle(reservation: Reservation): Promise<void> {
    await this.db.$executeRaw`UPDATE "LoginAttempt" SET settled = true WHERE id = ${reservation.id}::uuid`;
  }

  /** Gives the place back (the attempt succeeded). */
  async release(reservation: Reservation): Promise<void> {
    await this.db.$executeRaw`DELETE FROM "LoginAttempt" WHERE id = ${reservation.id}::uuid`;
  }

  // Rows older than the window count for nobody: deleted, so the table holds about a minute of
  // failures. Only here, outside the reservation's transaction, so a reservation never waits for
  // (or deadlocks with) a sweep. Housekeeping: if two processes' sweeps collide (a deadlock
  // between two multi-row DELETEs is possible) the loser tries again a minute later, and the
  // sign-in goes on.
  private async sweep(now: number) {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    try {
      await this.db.$executeRaw`DELETE FROM "LoginAttempt" WHERE at <= ${new Date(now - this.windowMs)}`;
    } catch (err) {
      logger.warn({ err }, 'login attempts: sweep of expired rows failed; next try in a minute');
    }
  }
}
