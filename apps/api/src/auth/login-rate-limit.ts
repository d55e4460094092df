/**
 * Login attempts per client IP in a sliding window of one minute, in memory (one process).
 * It sits in front of the per-account lockout: that one stops guessing one account's password,
 * this one stops one address from trying many accounts (and from spending the server's CPU on
 * argon2).
 *
 * An attempt takes its place in the window *before* the password is checked (`reserve`), so a
 * burst of simultaneous attempts cannot all pass a check that none of them has been counted in
 * yet. A successful login gives its place back (`release`): in the end only failures count, so a
 * whole office behind one NAT address signing in at 08:00 is not refused, while a guesser is
 * refused even when it finally hits the right password.
 */
export interface Reservation {
  readonly ip: string;
  readonly at: number;
  /** False while its password is being checked; true once it failed. */
  settled: boolean;
}

export class LoginRateLimiter {
  private readonly hits = new Map<string, Reservation[]>();
  private lastSweep = 0;

  constructor(
    private readonly perWindow: number,
    private readonly windowMs = 60_000,
  ) {}

  /**
   * Takes a place for one attempt of this address, or answers how many seconds it must wait.
   * Synchronous: between the check and the count nothing else can run.
   */
  reserve(ip: string, now = Date.now()): { reservation: Reservation } | { retryAfterSeconds: number } {
    this.sweep(now);
    const list = (this.hits.get(ip) ?? []).filter((r) => r.at > now - this.windowMs);
    this.hits.set(ip, list);
    if (list.length >= this.perWindow) {
      // Full of attempts still being checked: one of them may succeed and free its place in a
      // moment. Full of failures: the oldest leaves the window first.
      const [oldest] = list;
      if (!oldest || list.some((r) => !r.settled)) return { retryAfterSeconds: 1 };
      return { retryAfterSeconds: Math.max(1, Math.ceil((oldest.at + this.windowMs - now) / 1000)) };
    }
    const reservation: Reservation = { ip, at: now, settled: false };
    list.push(reservation);
    return { reservation };
  }

  /** The attempt failed: its place stays taken until it leaves the window. */
  settle(reservation: Reservation): void {
    reservation.settled = true;
  }

  /** Gives the place back (the attempt succeeded). */
  release(reservation: Reservation): void {
    const list = this.hits.get(reservation.ip) ?? [];
    const i = list.indexOf(reservation);
    if (i >= 0) list.splice(i, 1);
  }

  // Addresses that have gone quiet are forgotten, so the map stays small.
  private sweep(now: number) {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [ip, list] of this.hits) if (!list.some((r) => r.at > now - this.windowMs)) this.hits.delete(ip);
  }
}
