/**
 * Notifications, reminders and escalations (issue 13). Three parts:
 *
 * 1. `emit(tx, event)`: called by the services inside the transaction of the state change (one
 *    line each). It only writes jobs (plain SQL): a `notify` job per event, and for a step that
 *    opens its reminder and escalation jobs at working-time moments (job keys, so a recomputed due
 *    time moves them and a completed step drops them). Nothing is read through the pool.
 * 2. The jobs: `notify` resolves the recipients and writes, in one transaction, one Notification
 *    per person (unique per event, so a re-run adds nothing), its outbound deliveries with their
 *    jobs, and the live NOTIFY; `deliver` sends one e-mail / WhatsApp / SMS; `step.remind` and
 *    `step.escalate` fire for a step still open in the same run (a step completed or restarted
 *    since sends nothing); `digest` (hourly cron) sends the daily digest at an office's opening.
 * 3. The API: list with cursor, unread count, mark read, preferences, phone verification.
 */
import crypto from 'node:crypto';
import {
  channelsFor,
  escalationRoles,
  getStep,
  isEmailAddress,
  isNotificationChannel,
  isNotificationEvent,
  maskPhone,
  nextWorkingStart,
  NOTIFICATION_EVENTS,
  NOTIFICATION_RULES,
  parsePhone,
  reminderMoments,
  type ChannelChoices,
  type NotificationEvent,
  type OutboundChannel,
  type RequestAction,
  type Role,
  type WorkCalendar,
} from '@sipedaki/sop';
import type { Actor } from '../auth/actor';
import { audit } from '../audit/audit.service';
import type { CalendarService } from '../calendar/calendar.service';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { fail, fieldProblem, type Bilingual } from '../common/errors';
import { logger } from '../common/logger';
import type { Config } from '../config';
import { sqlOf, type Db, type Tx } from '../db/prisma';
import type { Sql } from '../db/sql';
import { EmailChannel, GatewayChannel, type OutboundMessage } from './channels';
import type { JobRunner } from './job-runner';
import { LIVE_CHANNEL, LiveHub, type LiveMessage } from './live';
import { DELIVERY, DELIVERY_SENT, FAN_OUT, fanOutStatement } from './notification.sql';
import { resolveRecipients, type Recipient, type Target } from './recipients';
import { render, type Lang, type Params } from './templates';

/** What the services tell, inside their transactions. */
export type DomainEvent =
  | {
      kind: 'request.moved';
      request: { id: string; officeId: string; letterNumber: string; subject: string };
      /** null: the request was registered (step 1 opens). */
      action: RequestAction | null;
      completedStep: number | null;
      nextStep: number | null;
      dueAt: Date | null;
      calendar: WorkCalendar;
      at: Date;
      actorId: string;
      instruction?: string | null;
      /** A disposition addressed to one named officer (issue 11); otherwise every holder of the role. */
      toUserId?: string | null;
      /** The receiving and the sending role of the action's disposition (packages/sop TransitionEffects). */
      toRole?: Role | null;
      fromRole?: Role | null;
      /** Registered by the pemda (issue 15): the issuing office's name; the Sekretaris is told of the new letter. */
      issuedBy?: string | null;
    }
  | { kind: 'submission.moved'; submissionId: string; requestId: string; officeId: string; bidangId: string; action: 'SUBMIT' | 'HEAD_APPROVE' | 'HEAD_RETURN' | 'RETURN' | 'ACCEPT'; to?: string; version: number; reason?: string | null; at: Date; actorId: string }
  | { kind: 'step.rescheduled'; requestId: string; officeId: string; step: number; startedAt: Date; dueAt: Date; calendar: WorkCalendar }
  | { kind: 'account'; event: 'PASSWORD_RESET' | 'ACCOUNT_LOCKED' | 'NEW_DEVICE'; userId: string; officeId: string; at: Date; params?: Params };

/** The payload of a `notify` job: one event for a set of targets. */
export interface NotifyJob {
  event: NotificationEvent;
  officeId: string;
  /** Unique per event: with the recipient, the notification's identity. */
  key: string;
  params: Params;
  link: string | null;
  requestId: string | null;
  targets: Target[];
  at: string;
  exclude?: string[];
}

interface StepJob {
  requestId: string;
  officeId: string;
  step: number;
  startedAt: string;
  dueAt: string;
  fraction?: number;
  toUserId?: string | null;
}

/** What every notification of one request's move shares (requestMoved's `base`). */
type RequestNoticeBase = Pick<NotifyJob, 'officeId' | 'params' | 'link' | 'requestId' | 'at' | 'exclude'>;

/** The receivers of a request's dispositions: the named officer, else every holder of the role; each once. */
function dispositionReceivers(sheets: readonly { toRole: Role; toUserId: string | null }[]): Target[] {
  const seen = new Set<string>();
  const targets: Target[] = [];
  for (const d of sheets) {
    const t: Target = d.toUserId ? { userId: d.toUserId } : { role: d.toRole };
    const id = d.toUserId ?? `role:${d.toRole}`;
    if (!seen.has(id)) {
      seen.add(id);
      targets.push(t);
    }
  }
  return targets;
}

export const TASKS = { notify: 'notify', deliver: 'notify_deliver', remind: 'step_remind', escalate: 'step_escalate', digest: 'notify_digest', phoneCode: 'notify_phone_code' } as const;

/** The hourly job that sends each office its daily digest at its opening. */
export const DIGEST_CRONTAB = '0 * * * * notify_digest';

const stepKey = (requestId: string, step: number) => `step:${requestId}:${step}`;
/** The actions whose disposition is a new order for its receiver (the others tell with their own event). */
const DISPOSITIONS: ReadonlySet<RequestAction> = new Set(['DISPOSE_TO_KASUBBAG', 'DISPOSE_TO_STAFF', 'RETURN_REPORT', 'KEPALA_RETURN']);

type NotifyConfig = Pick<
  Config,
  | 'NOTIFY_REMINDER_FRACTIONS'
  | 'SMTP_HOST' | 'SMTP_PORT' | 'SMTP_SECURE' | 'SMTP_USER' | 'SMTP_PASSWORD' | 'SMTP_FROM' | 'SMTP_TIMEOUT_MS' | 'SMTP_POOL_SIZE' | 'smtpRequireTls' | 'publicBaseUrl'
  | 'WHATSAPP_GATEWAY_URL' | 'WHATSAPP_GATEWAY_AUTH' | 'WHATSAPP_GATEWAY_BODY' | 'SMS_GATEWAY_URL' | 'SMS_GATEWAY_AUTH' | 'SMS_GATEWAY_BODY'
  | 'GATEWAY_TIMEOUT_MS' | 'GATEWAY_ALLOWED_HOSTS' | 'webhookAllowHttp'
>;

const PHONE_REASONS: Record<string, Bilingual> = {
  FORMAT: { id: 'Nomor HP hanya berisi angka, mis. 0812-3456-7890 atau +62 812 3456 7890.', en: 'A phone number has digits only, e.g. 0812-3456-7890 or +62 812 3456 7890.' },
  NOT_MOBILE: { id: 'Masukkan nomor HP (diawali 08 atau +628), bukan nomor telepon kantor.', en: 'Give a mobile number (starting 08 or +628), not a landline.' },
  LENGTH: { id: 'Nomor HP terlalu pendek atau terlalu panjang.', en: 'The mobile number is too short or too long.' },
};
const EMAIL_INVALID: Bilingual = { id: 'Alamat e-mail tidak valid, mis. nama@dinas.go.id.', en: 'Not a valid e-mail address, e.g. name@dinas.go.id.' };
const CODE_TTL_MS = 10 * 60_000;
const CODE_MAX_ATTEMPTS = 5;

export interface PreferencesInput {
  language?: string | null;
  email?: string | null;
  phone?: string | null;
  channels?: { event: string; channels: string[] }[] | null;
}

export class NotificationService {
  readonly live = new LiveHub();
  readonly email: EmailChannel;
  readonly whatsapp: GatewayChannel;
  readonly sms: GatewayChannel;
  private readonly sql: Sql;
  private readonly fanOutSql: typeof FAN_OUT;

  constructor(
    private readonly db: Db,
    private readonly calendars: CalendarService,
    private readonly jobs: JobRunner,
    private readonly config: NotifyConfig,
  ) {
    this.sql = sqlOf(db);
    this.fanOutSql = jobs.schema === 'graphile_worker' ? FAN_OUT : fanOutStatement(jobs.schema);
    this.email = new EmailChannel(config);
    const gw = { allowHttp: config.webhookAllowHttp, allowedHosts: config.GATEWAY_ALLOWED_HOSTS, timeoutMs: config.GATEWAY_TIMEOUT_MS };
    this.whatsapp = new GatewayChannel('WHATSAPP', { url: config.WHATSAPP_GATEWAY_URL, auth: config.WHATSAPP_GATEWAY_AUTH, body: config.WHATSAPP_GATEWAY_BODY }, gw);
    this.sms = new GatewayChannel('SMS', { url: config.SMS_GATEWAY_URL, auth: config.SMS_GATEWAY_AUTH, body: config.SMS_GATEWAY_BODY }, gw);
    this.whatsapp.linkBase = this.sms.linkBase = config.publicBaseUrl;
    jobs.define(TASKS.notify, (p: NotifyJob) => this.fanOut(p));
    jobs.define(TASKS.deliver, (p: { deliveryId: string }, h) => this.deliver(p.deliveryId, h.attempts, h.maxAttempts));
    jobs.define(TASKS.remind, (p: StepJob) => this.stepFired('STEP_REMINDER', p));
    jobs.define(TASKS.escalate, (p: StepJob) => this.stepFired('STEP_ESCALATED', p));
    jobs.define(TASKS.digest, () => this.digest().then(() => undefined));
    jobs.define(TASKS.phoneCode, (p: { userId: string; phone: string; code: string; channel: 'WHATSAPP' | 'SMS' }) => this.sendPhoneCode(p));
  }

  private channel(c: OutboundChannel) {
    return c === 'EMAIL' ? this.email : c === 'WHATSAPP' ? this.whatsapp : this.sms;
  }

  /* ------------------------------------------------------------------ 1. emit (in the caller's tx) */

  async emit(tx: Tx, e: DomainEvent): Promise<void> {
    switch (e.kind) {
      case 'request.moved':
        return this.requestMoved(tx, e);
      case 'submission.moved':
        return this.submissionMoved(tx, e);
      case 'step.rescheduled':
        return this.scheduleStep(tx, { requestId: e.requestId, officeId: e.officeId, step: e.step, startedAt: e.startedAt, dueAt: e.dueAt, calendar: e.calendar });
      case 'account':
        return this.notify(tx, {
          event: e.event,
          officeId: e.officeId,
          key: `${e.event}:${e.at.toISOString()}`,
          params: e.params ?? {},
          link: '/profil',
          requestId: null,
          targets: [{ userId: e.userId }],
          at: e.at.toISOString(),
        });
    }
  }

  private notify(tx: Tx, job: NotifyJob): Promise<void> {
    return this.jobs.addJob(tx, TASKS.notify, job, { runAt: new Date(job.at) });
  }

  /** A `notify` job from another feature's transaction (findings, issue 14). */
  enqueue(tx: Tx, job: NotifyJob): Promise<void> {
    return this.notify(tx, job);
  }

  private async requestMoved(tx: Tx, e: Extract<DomainEvent, { kind: 'request.moved' }>) {
    const r = e.request;
    if (e.completedStep) await this.dropStep(tx, r.id, e.completedStep);
    if (e.nextStep && e.dueAt) {
      await this.scheduleStep(tx, { requestId: r.id, officeId: r.officeId, step: e.nextStep, startedAt: e.at, dueAt: e.dueAt, calendar: e.calendar, toUserId: e.toUserId });
    }
    if (!e.action) {
      // A letter the Sekretaris registered herself tells nobody; one the pemda issued lands in her inbox unannounced otherwise.
      if (e.issuedBy) {
        await this.notify(tx, {
          event: 'REQUEST_RECEIVED',
          officeId: r.officeId,
          key: `${r.id}:RECEIVED:${e.at.toISOString()}`,
          params: { letterNumber: r.letterNumber, subject: r.subject, sender: e.issuedBy, dueAt: e.dueAt?.toISOString() ?? null, offsetMinutes: e.calendar.utcOffsetMinutes },
          link: `/permintaan/${r.id}`,
          requestId: r.id,
          targets: [{ role: 'SEKRETARIS' }],
          at: e.at.toISOString(),
        });
      }
      return;
    }
    const base = {
      officeId: r.officeId,
      params: { letterNumber: r.letterNumber, subject: r.subject, dueAt: e.dueAt?.toISOString() ?? null, offsetMinutes: e.calendar.utcOffsetMinutes },
      link: `/permintaan/${r.id}`,
      requestId: r.id,
      at: e.at.toISOString(),
      exclude: [e.actorId],
    };
    const key = `${r.id}:${e.action}:${e.at.toISOString()}`;
    const to = DISPOSITIONS.has(e.action) ? e.toRole : null;
    if (to) {
      await this.notify(tx, {
        ...base,
        event: 'DISPOSITION_RECEIVED',
        key,
        params: { ...base.params, step: e.nextStep ?? undefined, fromRole: e.fromRole ?? undefined, instruction: e.instruction ?? '' },
        targets: e.toUserId ? [{ userId: e.toUserId }] : [{ role: to }],
      });
    } else if (e.action === 'SEND_FORMAT') {
      // One notification per Bidang (its operators and its head), naming the Bidang.
      const subs = await tx.bidangSubmission.findMany({ where: { requestId: r.id }, select: { id: true, bidangId: true, bidang: { select: { name: true } } } });
      for (const s of subs) {
        await this.notify(tx, {
          ...base,
          event: 'FORMAT_RECEIVED',
          key: `${key}:${s.bidangId}`,
          params: { ...base.params, bidangName: s.bidang.name },
          link: `/kiriman/${s.id}`,
          targets: [{ role: 'BIDANG_OPERATOR', bidangId: s.bidangId }, { role: 'BIDANG_HEAD', bidangId: s.bidangId }],
        });
      }
    } else if (e.action === 'SUBMIT_REPORT') {
      await this.notify(tx, { ...base, event: 'REPORT_WAITING', key, targets: [{ role: 'SEKRETARIS' }] });
    } else if (e.action === 'RAISE_TO_KEPALA') {
      await this.notify(tx, { ...base, event: 'REPORT_AT_KEPALA', key, targets: [{ role: 'KEPALA_DINAS' }] });
    } else if (e.action === 'CANCEL') {
      await this.requestCancelled(tx, r.id, base, key, e.instruction ?? '');
    } else if (e.action === 'CLOSE_COLLECTION') {
      await this.collectionClosed(tx, r.id, base, key, e.instruction ?? '');
    } else if (e.action === 'ACKNOWLEDGE') {
      // Final: the Kepala signed. The secretariat that carried it learns it, with his arahan.
      await this.notify(tx, { ...base, event: 'REPORT_FINAL', key, params: { ...base.params, instruction: e.instruction ?? '' }, targets: [{ role: 'SEKRETARIS' }, { role: 'KASUBBAG' }, { role: 'PENYUSUN' }] });
    }
  }

  /**
   * A cancelled request (session 6, docs/decisions.md): everyone a disposition of it was addressed
   * to (the named officer, else the role's holders) — they hold its sheet —, and each Bidang whose
   * data is still awaited (not accepted, not waived), one notification per Bidang naming it. A
   * Bidang whose data was accepted has finished its part and is not told.
   */
  private async requestCancelled(tx: Tx, requestId: string, base: RequestNoticeBase, key: string, reason: string) {
    // One after the other: a transaction is one connection.
    const sheets = await tx.disposition.findMany({ where: { requestId }, select: { toRole: true, toUserId: true } });
    const open = await tx.bidangSubmission.findMany({ where: { requestId, status: { notIn: ['ACCEPTED', 'WAIVED'] } }, select: { id: true, bidangId: true, bidang: { select: { name: true } } } });
    const targets = dispositionReceivers(sheets);
    const params = { ...base.params, reason };
    if (targets.length) await this.notify(tx, { ...base, event: 'REQUEST_CANCELLED', key, params, targets });
    for (const s of open) {
      await this.notify(tx, {
        ...base, event: 'REQUEST_CANCELLED', key: `${key}:${s.bidangId}`, params: { ...params, bidangName: s.bidang.name }, link: `/kiriman/${s.id}`,
        targets: [{ role: 'BIDANG_OPERATOR', bidangId: s.bidangId }, { role: 'BIDANG_HEAD', bidangId: s.bidangId }],
      });
    }
  }

  /**
   * Step 4 closed without some Bidang (closeCollection, session 6): each waived Bidang (its
   * operators and head) learns its data is no longer awaited, with the Kasubbag's note; the
   * Penyusun who collected (the step-2 disposition's receiver) learns step 4 is over.
   */
  private async collectionClosed(tx: Tx, requestId: string, base: RequestNoticeBase, key: string, note: string) {
    const sheets = await tx.disposition.findMany({ where: { requestId, toRole: 'PENYUSUN' }, select: { toRole: true, toUserId: true } });
    const waived = await tx.bidangSubmission.findMany({ where: { requestId, status: 'WAIVED' }, select: { id: true, bidangId: true, bidang: { select: { name: true } } } });
    const params = { ...base.params, reason: note, count: waived.length };
    const collectors = dispositionReceivers(sheets);
    await this.notify(tx, { ...base, event: 'COLLECTION_CLOSED', key, params, targets: collectors.length ? collectors : [{ role: 'PENYUSUN' }] });
    for (const s of waived) {
      await this.notify(tx, {
        ...base, event: 'COLLECTION_CLOSED', key: `${key}:${s.bidangId}`, params: { ...params, bidangName: s.bidang.name }, link: `/kiriman/${s.id}`,
        targets: [{ role: 'BIDANG_OPERATOR', bidangId: s.bidangId }, { role: 'BIDANG_HEAD', bidangId: s.bidangId }],
      });
    }
  }

  private async submissionMoved(tx: Tx, e: Extract<DomainEvent, { kind: 'submission.moved' }>) {
    const s = await tx.bidangSubmission.findUniqueOrThrow({
      where: { id: e.submissionId },
      select: { bidang: { select: { name: true } }, request: { select: { letterNumber: true, subject: true, dueAt: true, office: { select: { utcOffsetMinutes: true } } } } },
    });
    const base = {
      officeId: e.officeId,
      params: { letterNumber: s.request.letterNumber, subject: s.request.subject, bidangName: s.bidang.name, dueAt: s.request.dueAt?.toISOString() ?? null, offsetMinutes: s.request.office.utcOffsetMinutes },
      link: `/kiriman/${e.submissionId}`,
      requestId: e.requestId,
      at: e.at.toISOString(),
      exclude: [e.actorId],
    };
    const key = `${e.submissionId}:${e.action}:v${e.version}`;
    if (e.to === 'AWAITING_HEAD') {
      // The Kepala Bidang's sign-off (issue 11): to the head of this Bidang (acting ones included).
      await this.notify(tx, { ...base, event: 'SUBMISSION_AWAITING_HEAD', key, targets: [{ role: 'BIDANG_HEAD', bidangId: e.bidangId }] });
    } else if (e.action === 'HEAD_RETURN') {
      await this.notify(tx, { ...base, event: 'SUBMISSION_HEAD_RETURNED', key, params: { ...base.params, reason: e.reason ?? '' }, targets: [{ role: 'BIDANG_OPERATOR', bidangId: e.bidangId }] });
    } else if (e.action === 'SUBMIT' || e.action === 'HEAD_APPROVE') {
      await this.notify(tx, { ...base, event: 'SUBMISSION_SENT', key, targets: [{ role: 'KASUBBAG' }, { role: 'PENYUSUN' }] });
    } else if (e.action === 'RETURN') {
      await this.notify(tx, { ...base, event: 'SUBMISSION_RETURNED', key, params: { ...base.params, reason: e.reason ?? '' }, targets: [{ role: 'BIDANG_OPERATOR', bidangId: e.bidangId }, { role: 'BIDANG_HEAD', bidangId: e.bidangId }] });
    } else {
      const all = await tx.bidangSubmission.findMany({ where: { requestId: e.requestId }, select: { status: true } });
      if (all.length && all.every((x) => x.status === 'ACCEPTED')) {
        await this.notify(tx, { ...base, event: 'ALL_ACCEPTED', key: `${e.requestId}:ALL_ACCEPTED:${key}`, params: { ...base.params, count: all.length }, link: `/permintaan/${e.requestId}`, targets: [{ role: 'PENYUSUN' }, { role: 'KASUBBAG' }] });
      }
    }
  }

  /** Reminder and escalation jobs of a step that opened (or whose due time moved): keys replace. */
  private async scheduleStep(tx: Tx, s: { requestId: string; officeId: string; step: number; startedAt: Date; dueAt: Date; calendar: WorkCalendar; toUserId?: string | null }) {
    const payload: StepJob = { requestId: s.requestId, officeId: s.officeId, step: s.step, startedAt: s.startedAt.toISOString(), dueAt: s.dueAt.toISOString(), toUserId: s.toUserId ?? null };
    const key = stepKey(s.requestId, s.step);
    for (const [i, m] of this.config.NOTIFY_REMINDER_FRACTIONS.entries()) {
      const at = reminderMoments(s.calendar, s.startedAt, s.dueAt, [m])[0];
      if (at) await this.jobs.addJob(tx, TASKS.remind, { ...payload, fraction: m }, { runAt: at.at, jobKey: `${key}:remind:${i}` });
    }
    await this.jobs.addJob(tx, TASKS.escalate, payload, { runAt: s.dueAt, jobKey: `${key}:escalate` });
  }

  private async dropStep(tx: Tx, requestId: string, step: number) {
    const key = stepKey(requestId, step);
    for (const i of this.config.NOTIFY_REMINDER_FRACTIONS.keys()) await this.jobs.removeJob(tx, `${key}:remind:${i}`);
    await this.jobs.removeJob(tx, `${key}:escalate`);
  }

  /* ------------------------------------------------------------------ 2. jobs */

  /**
   * One event to its people, in one statement (FAN_OUT): each person's notification (once: the unique
   * (user, eventKey) makes a re-run a no-op), the outbound deliveries their choices ask for with
   * one job each (urgent events at once, others at the next office opening), and the live NOTIFY.
   */
  async fanOut(job: NotifyJob): Promise<number> {
    const at = new Date(job.at);
    const cal = await this.calendars.forOffice(job.officeId);
    const recipients = await resolveRecipients(this.sql, job.officeId, job.targets, at, job.exclude);
    if (!recipients.length) return 0;
    const notBefore = NOTIFICATION_RULES[job.event].urgent ? at : nextWorkingStart(cal, at);
    // Ids made here, so that each live message and outbound copy is written by the same
    // statement as its notification (FAN_OUT); a re-run's rows are not inserted and send nothing.
    type View = ReturnType<NotificationService['view']>;
    const views = new Map<string, { userId: string; view: View }>();
    const outbound: { id: string; notificationId: string; channel: OutboundChannel; address: string }[] = [];
    const ids = recipients.map((u) => {
      const id = crypto.randomUUID();
      views.set(id, { userId: u.id, view: this.view({ id, event: job.event, params: job.params, link: job.link, requestId: job.requestId, createdAt: at, readAt: null }) });
      for (const c of this.outboundFor(job.event, u)) {
        const address = c === 'EMAIL' ? u.email : u.phone;
        if (address) outbound.push({ id: crypto.randomUUID(), notificationId: id, channel: c, address });
      }
      return id;
    });
    // The statement completes unreadCount and createdAt. A payload beyond NOTIFY's 8000 bytes goes
    // without the view (the page then reads its list).
    const payloads = ids.map((id) => {
      const v = views.get(id) as { userId: string; view: View };
      const full = JSON.stringify({ userId: v.userId, id, unreadCount: 0, notification: v.view } satisfies LiveMessage);
      return full.length < 7800 ? full : JSON.stringify({ userId: v.userId, id });
    });
    const rows = await this.sql.rows(this.fanOutSql, [
      ids, recipients.map((u) => u.id), job.officeId, job.event, job.key, JSON.stringify(job.params), job.link, job.requestId, payloads,
      outbound.map((o) => o.id), outbound.map((o) => o.notificationId), outbound.map((o) => o.channel), outbound.map((o) => o.address),
      notBefore, this.jobs.maxAttempts, LIVE_CHANNEL,
    ]);
    const created: LiveMessage[] = rows.map((r) => {
      const v = views.get(r.id) as { userId: string; view: View };
      return { userId: r.userId, id: r.id, unreadCount: r.unread, notification: { ...v.view, createdAt: r.createdAt } };
    });
    for (const c of created) this.live.publish(c);
    if (created.length) this.jobs.nudge();
    return created.length;
  }

  /** The outbound channels for this person and event that this server can send on. */
  private outboundFor(event: NotificationEvent, u: Recipient): OutboundChannel[] {
    const chosen = channelsFor(event, u.notificationChannels as ChannelChoices | null, { email: u.email, phone: u.phone, phoneVerified: !!u.phoneVerifiedAt });
    return chosen.filter((c): c is OutboundChannel => c !== 'IN_APP' && this.channel(c).configured);
  }

  /** One outbound copy. Sent at most once per success (SENT is checked first); a failure is retried. */
  async deliver(deliveryId: string, attempt = 1, maxAttempts = 1): Promise<void> {
    const d = await this.sql.one(DELIVERY, [deliveryId]);
    if (!d || d.status !== 'PENDING') return;
    if (!d.active) {
      await this.db.notificationDelivery.update({ where: { id: d.id }, data: { status: 'FAILED', error: 'account deactivated' } });
      return;
    }
    const lang: Lang = d.language === 'en' ? 'en' : 'id';
    const text = render(d.event as NotificationEvent, d.params as Params, lang);
    const message: OutboundMessage = { id: d.id, to: d.address, title: text.title, body: text.body, link: d.link, lang };
    try {
      await this.channel(d.channel as OutboundChannel).send(message);
    } catch (err) {
      const error = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      await this.db.notificationDelivery.update({ where: { id: d.id }, data: { attempts: { increment: 1 }, error, ...(attempt >= maxAttempts ? { status: 'FAILED' } : {}) } });
      logger.warn({ deliveryId, channel: d.channel, attempt, error }, 'notification delivery failed');
      throw err;
    }
    await this.sql.one(DELIVERY_SENT, [d.id]);
  }

  /**
   * A reminder or an escalation: only for the very run of the step it was scheduled for (same
   * start, still open). The people: the step's actors (reminder) or their superiors
   * (escalation); at step 4 the Bidang still to hand in, and the Penyusun collecting.
   */
  async stepFired(event: 'STEP_REMINDER' | 'STEP_ESCALATED', p: StepJob): Promise<number> {
    // The latest round of the step: a reminder of an earlier round finds its run over.
    const row = await this.db.requestStep.findFirst({
      where: { requestId: p.requestId, step: p.step },
      orderBy: { round: 'desc' },
      include: { request: { select: { letterNumber: true, subject: true, officeId: true, office: { select: { utcOffsetMinutes: true } } } } },
    });
    if (!row || row.completedAt || row.startedAt.toISOString() !== p.startedAt) return 0;
    const targets: Target[] = [];
    const pendingBidang =
      p.step === 4
        ? (await this.db.bidangSubmission.findMany({ where: { requestId: p.requestId, status: { in: ['DRAFT', 'RETURNED'] } }, select: { bidangId: true } })).map((s) => s.bidangId)
        : [];
    if (event === 'STEP_REMINDER') {
      if (p.toUserId) targets.push({ userId: p.toUserId });
      else if (p.step === 4) {
        targets.push({ role: 'PENYUSUN' });
        for (const b of pendingBidang) targets.push({ role: 'BIDANG_OPERATOR', bidangId: b }, { role: 'BIDANG_HEAD', bidangId: b });
      } else targets.push(...getStep(p.step).actors.map((role) => ({ role })));
    } else if (p.step === 4) {
      targets.push({ role: 'KASUBBAG' }, { role: 'SEKRETARIS' });
      for (const b of pendingBidang) targets.push({ role: 'BIDANG_HEAD', bidangId: b });
    } else targets.push(...escalationRoles(p.step).map((role) => ({ role })));
    const lateRoles = getStep(p.step).actors;
    return this.fanOut({
      event,
      officeId: row.request.officeId,
      key: `${event}:${p.requestId}:${p.step}:${p.startedAt}${event === 'STEP_REMINDER' ? `:${p.fraction}` : ''}`,
      params: {
        letterNumber: row.request.letterNumber,
        subject: row.request.subject,
        step: p.step,
        dueAt: row.dueAt.toISOString(),
        percent: p.fraction ? Math.round(p.fraction * 100) : undefined,
        lateRoles: event === 'STEP_ESCALATED' ? lateRoles : undefined,
        offsetMinutes: row.request.office.utcOffsetMinutes,
      },
      link: `/permintaan/${p.requestId}`,
      requestId: p.requestId,
      targets,
      at: new Date().toISOString(),
    });
  }

  /**
   * The daily digest, run hourly: an office gets it in the hour its office day opens, on working
   * days, when something is late; to the Kasubbag and the Sekretaris. Once per office and day.
   */
  async digest(now = new Date()): Promise<number> {
    const offices = await this.db.office.findMany({ select: { id: true } });
    let sent = 0;
    for (const o of offices) {
      const cal = await this.calendars.forOffice(o.id);
      if (!openingHourOf(cal, now)) continue;
      const late = await this.db.requestStep.findMany({
        where: { completedAt: null, dueAt: { lt: now }, request: { officeId: o.id, status: { not: 'DONE' } } },
        include: { request: { select: { letterNumber: true, currentStep: true } } },
        orderBy: { dueAt: 'asc' },
      });
      const items = late.filter((s) => s.step === s.request.currentStep).map((s) => ({ letterNumber: s.request.letterNumber, step: s.step, dueAt: s.dueAt.toISOString() }));
      if (!items.length) continue;
      const day = new Date(now.getTime() + cal.utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
      sent += await this.fanOut({
        event: 'DAILY_DIGEST',
        officeId: o.id,
        key: `DAILY_DIGEST:${day}`,
        params: { items, count: items.length, offsetMinutes: cal.utcOffsetMinutes },
        link: '/permintaan',
        requestId: null,
        targets: [{ role: 'KASUBBAG' }, { role: 'SEKRETARIS' }],
        at: now.toISOString(),
      });
    }
    return sent;
  }

  /* ------------------------------------------------------------------ 3. the API */

  async list(actor: Actor, first: number, after: string | null | undefined, unreadOnly: boolean) {
    const take = Math.min(Math.max(first, 1), 100);
    const where = { userId: actor.userId, ...(unreadOnly ? { readAt: null } : {}) };
    const cursor = after ? decodeCursor(after, true) : null;
    const rows = await this.db.notification.findMany({
      where: cursor ? { AND: [where, { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] }] } : where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: take + 1,
    });
    const page = rows.slice(0, take);
    const edges = page.map((n) => ({ cursor: encodeCursor({ id: n.id, createdAt: n.createdAt }), node: this.view(n) }));
    return { edges, pageInfo: { hasNextPage: rows.length > take, endCursor: edges.at(-1)?.cursor ?? null }, unreadCount: await this.unreadCount(actor) };
  }

  async one(userId: string, id: string) {
    const n = await this.db.notification.findUnique({ where: { id } });
    return n && n.userId === userId ? this.view(n) : null;
  }

  view(n: { id: string; event: string; params: unknown; link: string | null; requestId: string | null; createdAt: Date; readAt: Date | null }) {
    const event = isNotificationEvent(n.event) ? n.event : 'DISPOSITION_RECEIVED';
    const id = render(event, n.params as Params, 'id');
    const en = render(event, n.params as Params, 'en');
    return { id: n.id, event, title: id.title, titleEn: en.title, body: id.body, bodyEn: en.body, link: n.link, requestId: n.requestId, createdAt: n.createdAt, readAt: n.readAt, read: !!n.readAt };
  }

  unreadCount(actor: Pick<Actor, 'userId'>): Promise<number> {
    return this.db.notification.count({ where: { userId: actor.userId, readAt: null } });
  }

  /** Marks the caller's own notifications read (others' ids are ignored); how many changed. */
  async markRead(actor: Actor, ids: string[] | null, now = new Date()): Promise<number> {
    const r = await this.db.notification.updateMany({ where: { userId: actor.userId, readAt: null, ...(ids ? { id: { in: ids } } : {}) }, data: { readAt: now } });
    return r.count;
  }

  async preferences(actor: Pick<Actor, 'userId'>) {
    const u = await this.db.user.findUniqueOrThrow({ where: { id: actor.userId } });
    const pending = await this.db.phoneVerification.findUnique({ where: { userId: u.id } });
    const choices = (u.notificationChannels ?? {}) as ChannelChoices;
    const contact = { email: u.email, phone: u.phone, phoneVerified: !!u.phoneVerifiedAt };
    return {
      language: u.language === 'en' ? 'en' : 'id',
      email: u.email,
      phone: u.phone,
      phoneVerified: !!u.phoneVerifiedAt,
      phoneVerificationPending: !!pending && pending.phone === u.phone && pending.expiresAt > new Date(),
      available: { email: this.email.configured, whatsapp: this.whatsapp.configured, sms: this.sms.configured },
      events: NOTIFICATION_EVENTS.map((event) => ({
        event,
        urgent: NOTIFICATION_RULES[event].urgent,
        chosen: choices[event] ?? null,
        channels: channelsFor(event, choices, contact),
      })),
    };
  }

  /**
   * Language, e-mail, phone and channel choices. Addresses are checked and every change is audited
   * (a new number must be verified again before WhatsApp or SMS use it).
   */
  async updatePreferences(actor: Actor, input: PreferencesInput) {
    const fields: ReturnType<typeof fieldProblem>[] = [];
    let email: string | null | undefined;
    if (input.email !== undefined) {
      email = input.email?.trim() ? input.email.trim().toLowerCase() : null;
      if (email && !isEmailAddress(email)) fields.push(fieldProblem('email', EMAIL_INVALID));
    }
    let phone: string | null | undefined;
    if (input.phone !== undefined) {
      if (!input.phone?.trim()) phone = null;
      else {
        const p = parsePhone(input.phone);
        if (p.ok) phone = p.value;
        else fields.push(fieldProblem('phone', PHONE_REASONS[p.reason]!));
      }
    }
    if (input.language != null && input.language !== 'id' && input.language !== 'en') fields.push(fieldProblem('language', { id: 'Pilih id atau en.', en: 'Choose id or en.' }));
    let channels: ChannelChoices | undefined;
    if (input.channels) {
      channels = {};
      for (const [i, c] of input.channels.entries()) {
        if (!isNotificationEvent(c.event)) fields.push(fieldProblem(`channels.${i}.event`, { id: 'Jenis pemberitahuan tidak dikenal.', en: 'Unknown notification event.' }));
        else if (c.channels.some((x) => !isNotificationChannel(x) || x === 'IN_APP')) fields.push(fieldProblem(`channels.${i}.channels`, { id: 'Saluran: EMAIL, WHATSAPP atau SMS (dalam aplikasi selalu aktif).', en: 'Channels: EMAIL, WHATSAPP or SMS (in-app is always on).' }));
        else channels[c.event] = [...new Set(c.channels as OutboundChannel[])];
      }
    }
    if (fields.length) fail('VALIDATION_FAILED', undefined, { fields });
    await this.db.$transaction(async (tx) => {
      const before = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { language: true, email: true, phone: true, phoneVerifiedAt: true, notificationChannels: true } });
      const phoneChanged = phone !== undefined && phone !== before.phone;
      const merged = channels ? { ...((before.notificationChannels ?? {}) as ChannelChoices), ...channels } : undefined;
      const after = await tx.user.update({
        where: { id: actor.userId },
        data: {
          ...(input.language ? { language: input.language } : {}),
          ...(email !== undefined ? { email } : {}),
          ...(phone !== undefined ? { phone } : {}),
          ...(phoneChanged ? { phoneVerifiedAt: null } : {}),
          ...(merged ? { notificationChannels: merged } : {}),
        },
        select: { language: true, email: true, phone: true, phoneVerifiedAt: true, notificationChannels: true },
      });
      if (phoneChanged) await tx.phoneVerification.deleteMany({ where: { userId: actor.userId } });
      await audit(tx, actor, { action: 'user.notification_preferences', entityType: 'User', entityId: actor.userId, before, after });
    });
    return this.preferences(actor);
  }

  /** Sends a 6-digit code to the saved number (WhatsApp, else SMS); valid 10 minutes, 5 tries. */
  async requestPhoneVerification(actor: Actor, now = new Date()): Promise<boolean> {
    const u = await this.db.user.findUniqueOrThrow({ where: { id: actor.userId } });
    const noPhone = { id: 'Simpan nomor HP terlebih dahulu.', en: 'Save a mobile number first.' };
    if (!u.phone) fail('VALIDATION_FAILED', noPhone, { fields: [fieldProblem('phone', noPhone)] });
    const channel = this.whatsapp.configured ? 'WHATSAPP' : this.sms.configured ? 'SMS' : null;
    if (!channel) fail('VALIDATION_FAILED', { id: 'Gateway WhatsApp/SMS belum diatur di server ini.', en: 'No WhatsApp/SMS gateway is configured on this server.' });
    const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
    await this.db.$transaction(async (tx) => {
      await tx.phoneVerification.upsert({
        where: { userId: u.id },
        create: { userId: u.id, phone: u.phone!, codeHash: hashCode(u.id, code), expiresAt: new Date(now.getTime() + CODE_TTL_MS) },
        update: { phone: u.phone!, codeHash: hashCode(u.id, code), expiresAt: new Date(now.getTime() + CODE_TTL_MS), attempts: 0, createdAt: now },
      });
      await this.jobs.addJob(tx, TASKS.phoneCode, { userId: u.id, phone: u.phone, code, channel }, { runAt: now, maxAttempts: 3 });
      await audit(tx, actor, { action: 'user.phone_verification_sent', entityType: 'User', entityId: u.id, after: { phone: maskPhone(u.phone!), channel } });
    });
    this.jobs.nudge();
    return true;
  }

  private async sendPhoneCode(p: { userId: string; phone: string; code: string; channel: 'WHATSAPP' | 'SMS' }) {
    const u = await this.db.user.findUnique({ where: { id: p.userId }, select: { language: true } });
    const en = u?.language === 'en';
    await this.channel(p.channel).send({
      id: `verify-${p.userId}-${p.code}`,
      to: p.phone,
      title: en ? 'SIPEDAKI verification code' : 'Kode verifikasi SIPEDAKI',
      body: en ? `Your code: ${p.code} (valid 10 minutes). Do not share it.` : `Kode Anda: ${p.code} (berlaku 10 menit). Jangan berikan kepada siapa pun.`,
      link: null,
      lang: en ? 'en' : 'id',
    });
  }

  async verifyPhone(actor: Actor, code: string, now = new Date()) {
    const wrong = { id: 'Kode salah atau sudah kedaluwarsa. Minta kode baru bila perlu.', en: 'The code is wrong or expired. Ask for a new code if needed.' };
    const ok = await this.db.$transaction(async (tx) => {
      const u = await tx.user.findUniqueOrThrow({ where: { id: actor.userId } });
      const v = await tx.phoneVerification.findUnique({ where: { userId: u.id } });
      if (!v || v.phone !== u.phone || v.expiresAt <= now || v.attempts >= CODE_MAX_ATTEMPTS) return false;
      const a = Buffer.from(v.codeHash, 'hex');
      const b = Buffer.from(hashCode(u.id, code.trim()), 'hex');
      if (a.length !== b.length || !crypto.timingSafeEqual(a, b)) {
        await tx.phoneVerification.update({ where: { userId: u.id }, data: { attempts: { increment: 1 } } });
        return false;
      }
      await tx.user.update({ where: { id: u.id }, data: { phoneVerifiedAt: now } });
      await tx.phoneVerification.delete({ where: { userId: u.id } });
      await audit(tx, actor, { action: 'user.phone_verified', entityType: 'User', entityId: u.id, after: { phone: maskPhone(u.phone!) } });
      return true;
    });
    if (!ok) fail('VALIDATION_FAILED', wrong, { fields: [fieldProblem('code', wrong)] });
    return this.preferences(actor);
  }

  /** Start with the job runner: LISTEN for notifications committed by other processes. */
  async startLive(databaseUrl: string | undefined, embedded: boolean): Promise<void> {
    if (databaseUrl && !embedded) await this.live.listen(databaseUrl);
  }

  async stop(): Promise<void> {
    await this.live.stop();
    this.email.close();
  }
}

const hashCode = (userId: string, code: string) => crypto.createHash('sha256').update(`${userId}:${code}`).digest('hex');

/**
 * Today's office opening when `now` lies in the first hour after it (on a working day), else null:
 * the hourly digest job sends in that hour only.
 */
export function openingHourOf(cal: WorkCalendar, now: Date): Date | null {
  const offset = cal.utcOffsetMinutes * 60_000;
  const localMidnight = new Date(Math.floor((now.getTime() + offset) / 86_400_000) * 86_400_000 - offset);
  const open = nextWorkingStart(cal, localMidnight);
  if (open.getTime() - localMidnight.getTime() >= 86_400_000) return null;
  return now >= open && now.getTime() < open.getTime() + 3_600_000 ? open : null;
}
