import crypto from 'node:crypto';
import { periodLabel, periodOf } from '@sipedaki/sop';
import type { Actor } from '../auth/actor';
import { audit } from '../audit/audit.service';
import { assertSameOffice } from '../common/access';
import { fail, fieldProblem } from '../common/errors';
import { findOr404 } from '../common/found';
import { logger } from '../common/logger';
import { toNumber } from '../common/format';
import type { Config } from '../config';
import type { Db, Tx } from '../db/prisma';
import type { RegisterWebhookInput } from './webhook.model';
import { WebhookAddressRefused, WebhookUrlGuard, type Resolver } from './url-guard';
import type { JobRunner } from '../notification/job-runner';
import { WEBHOOK_ATTEMPT_TASK } from './dispatcher';

export const REPORT_FINAL = 'report.final';

type EndpointRow = { id: string; url: string; active: boolean; createdAt: Date; removedAt: Date | null };
const toEndpoint = (e: EndpointRow, deliveries: unknown[] = []) => ({
  id: e.id, url: e.url, active: e.active, createdAt: e.createdAt, removedAt: e.removedAt, recentDeliveries: deliveries,
});

/** Webhook endpoints (admin) and the enqueueing of events inside the transaction that causes them. */
export class WebhookService {
  private readonly guard: WebhookUrlGuard;

  constructor(
    private readonly db: Db,
    private readonly config: Pick<Config, 'webhookAllowHttp' | 'WEBHOOK_ALLOWED_HOSTS' | 'WEBHOOK_TIMEOUT_MS'>,
    /** Tests play DNS through this; the server uses the system resolver. */
    opts: { resolve?: Resolver } = {},
    private readonly jobs?: JobRunner,
  ) {
    this.guard = new WebhookUrlGuard({ allowHttp: config.webhookAllowHttp, allowedHosts: config.WEBHOOK_ALLOWED_HOSTS }, opts.resolve);
  }

  async list(actor: Actor) {
    const rows = await this.db.webhookEndpoint.findMany({
      where: { officeId: actor.officeId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      include: { deliveries: { orderBy: [{ createdAt: 'desc' }, { attempt: 'desc' }], take: 20 } },
    });
    return rows.map((e) => toEndpoint(e, e.deliveries));
  }

  /**
   * Returns the signing secret once (it is kept: every delivery is signed with it). The URL must
   * be http(s) without credentials and its host must resolve to allowed addresses only (the
   * dispatcher checks again at every delivery: DNS can change).
   */
  async register(actor: Actor, input: RegisterWebhookInput) {
    const parsed = this.guard.parse(input.url);
    if (!(parsed instanceof URL)) return fail('VALIDATION_FAILED', undefined, { fields: [fieldProblem('url', parsed)] });
    // Stored as parsed (https://Example.org → https://example.org/): the URL sent to is the URL checked.
    const url = parsed.href;
    await this.checkAddress(parsed);
    const secret = `whsec_${crypto.randomBytes(32).toString('base64url')}`;
    return this.db.$transaction(async (tx) => {
      const e = await tx.webhookEndpoint.create({ data: { officeId: actor.officeId, url, secret, createdById: actor.userId } });
      await audit(tx, actor, { action: 'webhook.registered', entityType: 'WebhookEndpoint', entityId: e.id, after: { url } });
      return { endpoint: toEndpoint(e), secret };
    });
  }

  private async checkAddress(url: URL): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('DNS timeout')), this.config.WEBHOOK_TIMEOUT_MS);
      });
      await Promise.race([this.guard.resolveChecked(url.hostname), timeout]);
    } catch (err) {
      if (err instanceof WebhookAddressRefused) {
        // The address and its range stay in the server log; the client learns only that it is refused.
        logger.warn({ host: err.host, address: err.address, range: err.range }, 'webhook URL refused at registration');
        fail('WEBHOOK_URL_NOT_ALLOWED');
      }
      fail('VALIDATION_FAILED', undefined, {
        fields: [fieldProblem('url', { id: `Nama host ${url.hostname} tidak dapat ditemukan (DNS)`, en: `Host name ${url.hostname} cannot be resolved (DNS)` })],
      });
    } finally {
      clearTimeout(timer);
    }
  }

  /** Deactivates the endpoint and cancels its pending attempts; the delivery log stays. */
  async remove(actor: Actor, id: string, now = new Date()) {
    return this.db.$transaction(async (tx) => {
      const e = await findOr404(tx.webhookEndpoint.findUnique({ where: { id } }));
      assertSameOffice(actor, e.officeId);
      if (!e.active) return toEndpoint(e);
      const after = await tx.webhookEndpoint.update({ where: { id }, data: { active: false, removedAt: now } });
      await tx.webhookDelivery.updateMany({ where: { endpointId: id, status: 'PENDING' }, data: { status: 'CANCELLED', error: 'endpoint dihapus' } });
      await audit(tx, actor, { action: 'webhook.removed', entityType: 'WebhookEndpoint', entityId: id, before: { active: true }, after: { active: false } });
      return toEndpoint(after);
    });
  }

  /**
   * Inside the transaction that makes a report final: one first-attempt row per active endpoint
   * of the office, each with its job. Nothing is sent here; rows and jobs vanish if the
   * transaction rolls back, and the job runner sends them once they are committed. Returns how
   * many were written.
   */
  async enqueueReportFinal(tx: Tx, requestId: string, now: Date): Promise<number> {
    // Sequential reads (no include): the adapter's transaction client runs one query at a time.
    const r = await tx.dataRequest.findUniqueOrThrow({ where: { id: requestId } });
    const endpoints = await tx.webhookEndpoint.findMany({ where: { officeId: r.officeId, active: true }, select: { id: true } });
    if (!endpoints.length) return 0;
    const office = await tx.office.findUniqueOrThrow({ where: { id: r.officeId }, select: { id: true, code: true, name: true } });
    const analysis = await tx.performanceAnalysis.findFirst({ where: { requestId }, orderBy: { version: 'desc' } });
    const eventId = crypto.randomUUID();
    const payload = {
      id: eventId,
      event: REPORT_FINAL,
      occurredAt: now.toISOString(),
      office,
      request: {
        id: r.id,
        letterNumber: r.letterNumber,
        subject: r.subject,
        sender: r.sender,
        year: r.year,
        triwulan: r.triwulan,
        period: periodLabel(periodOf(r.year, r.triwulan)),
        status: r.status,
        completedAt: r.completedAt?.toISOString() ?? null,
      },
      analysis: analysis
        ? { id: analysis.id, version: analysis.version, officeCapaian: toNumber(analysis.officeCapaian), scaleCode: analysis.scaleCode, scaleVersion: analysis.scaleVersion }
        : null,
    };
    for (const e of endpoints) {
      const d = await tx.webhookDelivery.create({ data: { endpointId: e.id, eventId, event: REPORT_FINAL, payload, attempt: 1, nextAttemptAt: now } });
      await this.jobs?.addJob(tx, WEBHOOK_ATTEMPT_TASK, { deliveryId: d.id }, { runAt: now });
    }
    return endpoints.length;
  }
}
