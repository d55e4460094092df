import crypto from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { logger } from '../common/logger';
import type { Config } from '../config';
import type { Db } from '../db/prisma';
import { WebhookAddressRefused, WebhookUrlGuard, type Resolver } from './url-guard';

type DispatchConfig = Pick<
  Config,
  'WEBHOOK_MAX_ATTEMPTS' | 'WEBHOOK_RETRY_BASE_MS' | 'WEBHOOK_POLL_MS' | 'WEBHOOK_TIMEOUT_MS' | 'WEBHOOK_ALLOWED_HOSTS' | 'webhookAllowHttp'
>;

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

/** The receiver's answer is read up to this many bytes (and ignored): only the status counts. */
export const MAX_RESPONSE_BYTES = 64 * 1024;

const BATCH = 20;

/**
 * The in-process sender of webhook deliveries. It polls for due PENDING rows (and is nudged right
 * after a commit that enqueued some), claims each with a compare-and-set to SENDING (so two
 * processes never send the same attempt), POSTs it, and records the outcome on that row; a failed
 * attempt writes the next attempt's row with exponential backoff (and jitter) until
 * WEBHOOK_MAX_ATTEMPTS. Delivery is at least once: a receiver deduplicates on X-Sipedaki-Delivery.
 *
 * Every attempt goes through the SSRF guard (url-guard.ts) on the addresses the socket connects
 * to; a refused address fails the attempt without sending anything. Redirects are never followed.
 */
export class WebhookDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private started = false;
  private readonly guard: WebhookUrlGuard;
  private readonly random: () => number;

  constructor(
    private readonly db: Db,
    private readonly config: DispatchConfig,
    /** Tests inject the jitter's randomness and play DNS; the server uses Math.random and the system resolver. */
    opts: { random?: () => number; resolve?: Resolver } = {},
  ) {
    this.guard = new WebhookUrlGuard({ allowHttp: config.webhookAllowHttp, allowedHosts: config.WEBHOOK_ALLOWED_HOSTS }, opts.resolve);
    this.random = opts.random ?? Math.random;
  }

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
        await tx.webhookDelivery.create({
          data: { endpointId: d.endpointId, eventId: d.eventId, event: d.event, payload: d.payload as never, attempt: d.attempt + 1, nextAttemptAt: new Date(now.getTime() + delay) },
        });
      }
    });
    if (error) logger.warn({ deliveryId: id, endpointId: d.endpointId, attempt: d.attempt, error, retry }, 'webhook attempt failed');
    return true;
  }

  /**
   * One POST with node:http(s), which never follows a redirect (a 3xx is just a failed status).
   * The socket connects only to addresses the guard's lookup let through (DNS is asked again at
   * every attempt, no connection is reused). Resolves with the status once the
   * answer has ended, MAX_RESPONSE_BYTES were read, or the timeout cut a slow body.
   */
  private post(url: URL, body: string, headers: Record<string, string>): Promise<number> {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    // An IP-literal host is connected to without a lookup: check it here.
    const literal = net.isIP(host) ? this.guard.resolveChecked(host) : Promise.resolve();
    return literal.then(
      () =>
        new Promise<number>((resolve, reject) => {
          const client = url.protocol === 'https:' ? https : http;
          const req = client.request(
            url,
            {
              method: 'POST',
              headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
              agent: false,
              lookup: this.guard.lookup,
              signal: AbortSignal.timeout(this.config.WEBHOOK_TIMEOUT_MS),
            },
            (res) => {
              let read = 0;
              const finish = () => {
                resolve(res.statusCode ?? 0);
                res.destroy();
              };
              res.on('data', (chunk: Buffer) => {
                read += chunk.length;
                if (read >= MAX_RESPONSE_BYTES) finish();
              });
              res.on('end', finish);
              res.on('error', finish);
              res.on('close', finish);
            },
          );
          req.on('error', reject);
          req.end(body);
        }),
    );
  }
}
