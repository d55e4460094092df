/**
 * Failed login attempts per client IP in a sliding window of one minute, in memory (one process).
 * It sits in front of the per-account lockout: that one stops guessing one account's password,
 * this one stops one address from trying many accounts (and from spending the server's CPU on
 * argon2). Only failures count: a whole office behind one NAT address signing in at 08:00 is
 * never refused, while a guesser is refused even when it finally hits the right password.
 */
export class LoginRateLimiter {
  private readonly hits = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(
    private readonly perWindow: number,
    private readonly windowMs = 60_000,
  ) {}

  /** 0 when this address may try now, else the seconds until it may. */
  retryAfter(ip: string, now = Date.now()): number {
    this.sweep(now);
    const list = (this.hits.get(ip) ?? []).filter((t) => t > now - this.windowMs);
    this.hits.set(ip, list);
    return list.length >= this.perWindow ? Math.max(1, Math.ceil((list[0]! + this.windowMs - now) / 1000)) : 0;
  }

  /** Counts one failed attempt of this address. */
  recordFailure(ip: string, now = Date.now()): void {
    const list = this.hits.get(ip) ?? [];
    list.push(now);
    this.hits.set(ip, list);
  }

  // Addresses that have gone quiet are forgotten, so the map stays small.
  private sweep(now: number) {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [ip, list] of this.hits) if (!list.some((t) => t > now - this.windowMs)) this.hits.delete(ip);
  }
}
