import crypto from 'node:crypto';
import { logger } from '../common/logger';
import type { Config } from '../config';
import type { Db } from '../db/prisma';
import type { JobRunner } from '../notification/job-runner';
import { guardedPost } from './guarded-post';
import { WebhookAddressRefused, WebhookUrlGuard, type Resolver } from './url-guard';

export { MAX_RESPONSE_BYTES } from './guarded-post';
/** The job that makes one delivery attempt (payload: { deliveryId }). */
export const WEBHOOK_ATTEMPT_TASK = 'webhook_attempt';

type DispatchConfig = Pick<Config, 'WEBHOOK_MAX_ATTEMPTS' | 'WEBHOOK_RETRY_BASE_MS' | 'WEBHOOK_TIMEOUT_MS' | 'WEBHOOK_ALLOWED_HOSTS' | 'webhookAllowHttp'>;

/**
 * `X-Sipedaki-Signature: t=<unix seconds>,v1=<hex>`: HMAC-SHA256 with the endpoint's secret of
 * `${t}.${body}` (the exact body bytes). Signing the time with the body lets a receiver refuse a
 * replayed old delivery (docs/api.md: reject when |now − t| > 5 minutes).
 */
export const signatureHeader = (secret: string, body: string, unixSeconds: number) =>
  `t=${unixSeconds},v1=${crypto.createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex')}`;

/** Longest wait between two attempts: with many attempts configured, 2^n would otherwise run to days. */
export const MAX_RETRY_DELAY_MS = 6 * 60 * 60 * 1000;

/**
 * Delay before attempt `attempt + 1` after attempt `attempt` failed: base · 2^(attempt−1), ±20 %
 * jitter so that deliveries that failed together (a receiver was down) do not all retry in the
 * same instant, at most MAX_RETRY_DELAY_MS. `random` is in [0, 1).
 */
export const retryDelay = (baseMs: number, attempt: number, random: () => number) =>
  Math.min(MAX_RETRY_DELAY_MS, Math.round(baseMs * 2 ** (attempt - 1) * (0.8 + 0.4 * random())));

const BATCH = 20;

/**
 * The sender of webhook deliveries. Each attempt is a row (the delivery log administrators read)
 * and a job of the job runner (notification/job-runner.ts), both written in one transaction: the
 * first attempt in the transaction that causes the event, each retry in the transaction that
 * records the failed attempt, due after exponential backoff with jitter, until
 * WEBHOOK_MAX_ATTEMPTS. The job claims its row with a compare-and-set to SENDING (so two
 * processes never send the same attempt), POSTs it and records the outcome on that row. Delivery
 * is at least once: a receiver deduplicates on X-Sipedaki-Delivery.
 *
 * Every attempt goes through the SSRF guard (url-guard.ts) on the addresses the socket connects
 * to; a refused address fails the attempt without sending anything. Redirects are never followed.
 *
 * `tick()` / `drain()` send due rows directly, without the job runner: for tests that inject the
 * jitter's randomness or DNS, and for scripts.
 */
export class WebhookDispatcher {
  private running: Promise<number> | undefined;
  private readonly guard: WebhookUrlGuard;
  private readonly random: () => number;

  constructor(
    private readonly db: Db,
    private readonly config: DispatchConfig,
    /** Tests inject the jitter's randomness and play DNS; the server uses Math.random and the system resolver. */
    opts: { random?: () => number; resolve?: Resolver } = {},
    private readonly jobs?: JobRunner,
  ) {
    this.guard = new WebhookUrlGuard({ allowHttp: config.webhookAllowHttp, allowedHosts: config.WEBHOOK_ALLOWED_HOSTS }, opts.resolve);
    this.random = opts.random ?? Math.random;
  }

  /** Waits for a tick in flight (shutdown). */
  async stop(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  /**
   * The job: one attempt of this delivery. A row still SENDING under a live claim (another
   * process is sending it) makes the job fail and come back later; a row already settled is left.
   */
  async runJob(deliveryId: string): Promise<void> {
    const row = await this.db.webhookDelivery.findUnique({ where: { id: deliveryId }, select: { status: true, nextAttemptAt: true } });
    if (!row || row.status === 'DELIVERED' || row.status === 'FAILED' || row.status === 'CANCELLED') return;
    if (row.status === 'SENDING' && row.nextAttemptAt > new Date()) throw new Error(`delivery ${deliveryId} is being sent elsewhere`);
    await this.attempt(deliveryId, true);
  }

  /** One pass over the due deliveries (never two passes at once in this process). */
  tick(): Promise<number> {
    this.running ??= this.runDue()
      .catch((err) => {
        logger.error({ err }, 'webhook dispatch failed');
        return 0;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  /**
   * For tests and scripts: sends until no PENDING delivery is left (waiting out the backoff), or
   * until `timeoutMs`. Returns how many attempts were made.
   */
  async drain(timeoutMs = 15_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    let attempts = 0;
    for (;;) {
      attempts += await this.tick();
      const next = await this.db.webhookDelivery.findFirst({ where: { status: 'PENDING' }, orderBy: { nextAttemptAt: 'asc' }, select: { nextAttemptAt: true } });
      if (!next || Date.now() >= deadline) return attempts;
      const wait = Math.min(Math.max(next.nextAttemptAt.getTime() - Date.now(), 5), 250, deadline - Date.now());
      await new Promise((r) => setTimeout(r, wait));
    }
  }

  private async runDue(): Promise<number> {
    // A process that died mid-send leaves its attempt SENDING; once the claim's lease (held in
    // nextAttemptAt) has run out, the attempt is due again. Receivers deduplicate on the id.
    await this.db.webhookDelivery.updateMany({ where: { status: 'SENDING', nextAttemptAt: { lt: new Date() } }, data: { status: 'PENDING' } });
    let sent = 0;
    for (;;) {
      const due = await this.db.webhookDelivery.findMany({
        where: { status: 'PENDING', nextAttemptAt: { lte: new Date() } },
        orderBy: { nextAttemptAt: 'asc' },
        take: BATCH,
        select: { id: true },
      });
      if (!due.length) return sent;
      const results = await Promise.all(due.map((d) => this.attempt(d.id, false)));
      sent += results.filter(Boolean).length;
      if (due.length < BATCH) return sent;
    }
  }

  private async attempt(id: string, orphanToo: boolean): Promise<boolean> {
    const now0 = new Date();
    const lease = new Date(now0.getTime() + 2 * this.config.WEBHOOK_TIMEOUT_MS + 1000);
    // A job may also take over a row whose sender died mid-attempt (its claim's lease ran out).
    const claimable = orphanToo ? { OR: [{ status: 'PENDING' as const }, { status: 'SENDING' as const, nextAttemptAt: { lt: now0 } }] } : { status: 'PENDING' as const };
    const claimed = await this.db.webhookDelivery.updateMany({ where: { id, ...claimable }, data: { status: 'SENDING', nextAttemptAt: lease } });
    if (claimed.count !== 1) return false;
    const d = await this.db.webhookDelivery.findUniqueOrThrow({ where: { id }, include: { endpoint: true } });
    if (!d.endpoint.active) {
      await this.db.webhookDelivery.update({ where: { id }, data: { status: 'CANCELLED', error: 'endpoint dihapus' } });
      return false;
    }
    // The body is signed exactly as sent; the receiver must verify the raw bytes, not re-serialised JSON.
    const body = JSON.stringify(d.payload);
    let responseStatus: number | null = null;
    let error: string | null = null;
    const url = this.guard.parse(d.endpoint.url);
    if (!(url instanceof URL)) {
      // The policy changed since registration (e.g. http:// no longer allowed).
      error = `WEBHOOK_URL_NOT_ALLOWED: ${url.id}; tidak ada permintaan yang dikirim`;
    } else {
      try {
        responseStatus = await this.post(url, body, {
          'content-type': 'application/json',
          'user-agent': 'SIPEDAKI-Webhook/1',
          'x-sipedaki-event': d.event,
          'x-sipedaki-delivery': d.eventId,
          'x-sipedaki-attempt': String(d.attempt),
          'x-sipedaki-signature': signatureHeader(d.endpoint.secret, body, Math.floor(Date.now() / 1000)),
        });
        if (responseStatus < 200 || responseStatus >= 300) {
          error = responseStatus >= 300 && responseStatus < 400 ? `HTTP ${responseStatus} (pengalihan tidak diikuti)` : `HTTP ${responseStatus}`;
        }
      } catch (err) {
        if (err instanceof WebhookAddressRefused) {
          logger.warn({ deliveryId: id, endpointId: d.endpointId, host: err.host, address: err.address, range: err.range }, 'webhook address refused');
          error = `WEBHOOK_URL_NOT_ALLOWED: ${err.message}; tidak ada permintaan yang dikirim`;
        } else {
          error = (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 500);
        }
      }
    }
    const now = new Date();
    const retry = error !== null && d.attempt < this.config.WEBHOOK_MAX_ATTEMPTS;
    await this.db.$transaction(async (tx) => {
      await tx.webhookDelivery.update({
        where: { id },
        data: error === null ? { status: 'DELIVERED', responseStatus, deliveredAt: now } : { status: 'FAILED', responseStatus, error },
      });
      if (retry) {
        const delay = retryDelay(this.config.WEBHOOK_RETRY_BASE_MS, d.attempt, this.random);
        const runAt = new Date(now.getTime() + delay);
        const next = await tx.webhookDelivery.create({
          data: { endpointId: d.endpointId, eventId: d.eventId, event: d.event, payload: d.payload as never, attempt: d.attempt + 1, nextAttemptAt: runAt },
        });
        // The next attempt's job commits with the row that records this failure.
        await this.jobs?.addJob(tx, WEBHOOK_ATTEMPT_TASK, { deliveryId: next.id }, { runAt });
      }
    });
    if (error) logger.warn({ deliveryId: id, endpointId: d.endpointId, attempt: d.attempt, error, retry }, 'webhook attempt failed');
    return true;
  }

  private post(url: URL, body: string, headers: Record<string, string>): Promise<number> {
    return guardedPost(this.guard, url, body, headers, this.config.WEBHOOK_TIMEOUT_MS);
  }
}
