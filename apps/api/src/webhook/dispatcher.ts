import crypto from 'node:crypto';
import { logger } from '../common/logger';
import type { Config } from '../config';
import type { Db } from '../db/prisma';

type DispatchConfig = Pick<Config, 'WEBHOOK_MAX_ATTEMPTS' | 'WEBHOOK_RETRY_BASE_MS' | 'WEBHOOK_POLL_MS' | 'WEBHOOK_TIMEOUT_MS'>;

/** `sha256=<hex>`: HMAC-SHA256 of the exact body bytes with the endpoint's secret. */
export const signature = (secret: string, body: string) => `sha256=${crypto.createHmac('sha256', secret).update(body).digest('hex')}`;

const BATCH = 20;

/**
 * The in-process sender of webhook deliveries. It polls for due PENDING rows (and is nudged right
 * after a commit that enqueued some), claims each with a compare-and-set to SENDING (so two
 * processes never send the same attempt), POSTs it, and records the outcome on that row; a failed
 * attempt writes the next attempt's row with exponential backoff until WEBHOOK_MAX_ATTEMPTS.
 * Delivery is at least once: a receiver deduplicates on X-Sipedaki-Delivery.
 */
export class WebhookDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private started = false;

  constructor(
    private readonly db: Db,
    private readonly config: DispatchConfig,
  ) {}

  start(): void {
    if (this.started) return;
    this.started = true;
    this.timer = setInterval(() => void this.tick(), this.config.WEBHOOK_POLL_MS);
    this.timer.unref();
    void this.tick();
  }

  /** Stops polling and waits for the attempts in flight. */
  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** Called after a commit that enqueued deliveries: send now rather than at the next poll. */
  notify(): void {
    if (this.started) void this.tick();
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
      const results = await Promise.all(due.map((d) => this.attempt(d.id)));
      sent += results.filter(Boolean).length;
      if (due.length < BATCH) return sent;
    }
  }

  private async attempt(id: string): Promise<boolean> {
    const lease = new Date(Date.now() + 2 * this.config.WEBHOOK_TIMEOUT_MS + 1000);
    const claimed = await this.db.webhookDelivery.updateMany({ where: { id, status: 'PENDING' }, data: { status: 'SENDING', nextAttemptAt: lease } });
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
    try {
      const res = await fetch(d.endpoint.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.WEBHOOK_TIMEOUT_MS),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'SIPEDAKI-Webhook/1',
          'x-sipedaki-event': d.event,
          'x-sipedaki-delivery': d.eventId,
          'x-sipedaki-attempt': String(d.attempt),
          'x-sipedaki-signature': signature(d.endpoint.secret, body),
        },
        body,
      });
      responseStatus = res.status;
      await res.body?.cancel().catch(() => undefined);
      if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
    } catch (err) {
      error = (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 500);
    }
    const now = new Date();
    const retry = error !== null && d.attempt < this.config.WEBHOOK_MAX_ATTEMPTS;
    await this.db.$transaction(async (tx) => {
      await tx.webhookDelivery.update({
        where: { id },
        data: error === null ? { status: 'DELIVERED', responseStatus, deliveredAt: now } : { status: 'FAILED', responseStatus, error },
      });
      if (retry) {
        const delay = this.config.WEBHOOK_RETRY_BASE_MS * 2 ** (d.attempt - 1);
        await tx.webhookDelivery.create({
          data: { endpointId: d.endpointId, eventId: d.eventId, event: d.event, payload: d.payload as never, attempt: d.attempt + 1, nextAttemptAt: new Date(now.getTime() + delay) },
        });
      }
    });
    if (error) logger.warn({ deliveryId: id, endpointId: d.endpointId, attempt: d.attempt, error, retry }, 'webhook attempt failed');
    return true;
  }
}
