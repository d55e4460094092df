/**
 * Reminders, escalations and notices of audit follow-ups, on the notification backbone
 * (notification/, docs/decisions.md "Jobs and notifications"). Scheduled with job keys in the
 * transaction that creates a recommendation, dropped in the one that verifies it; a job that fires
 * anyway checks the recommendation is still unverified with the same deadline.
 *
 * - reminder (`tl_remind`): to the Bidang's operators and head, at the office's opening on the
 *   working day at or before deadline − 7 days (packages/sop tlReminderMoments);
 * - escalation (`tl_escalate`): at the end of the deadline day, to the Kepala Bidang, the Kasubbag
 *   and the Sekretaris;
 * - a follow-up sent: to the APIP; returned: to the Bidang.
 */
import { tlReminderMoments } from '@sipedaki/sop';
import type { CalendarService } from '../calendar/calendar.service';
import { dateOnly } from '../common/format';
import type { Db, Tx } from '../db/prisma';
import type { JobRunner } from '../notification/job-runner';
import type { NotificationService } from '../notification/notification.service';

export const FINDING_TASKS = { remind: 'tl_remind', escalate: 'tl_escalate' } as const;

interface TlJob {
  recommendationId: string;
  officeId: string;
  deadline: string;
}

const jobKey = (recommendationId: string, what: 'remind' | 'escalate') => `tl:${recommendationId}:${what}`;

type RecWithFinding = { id: string; code: string; deadline: Date; finding: { code: string; bidangId: string; officeId: string; bidang: { name: string }; report: { number: string } } };

export class FindingNotifier {
  constructor(
    private readonly db: Db,
    private readonly calendars: CalendarService,
    private readonly jobs: JobRunner,
    private readonly notifications: NotificationService,
  ) {
    jobs.define(FINDING_TASKS.remind, (p: TlJob) => this.fired('TL_REMINDER', p));
    jobs.define(FINDING_TASKS.escalate, (p: TlJob) => this.fired('TL_ESCALATED', p));
  }

  /** In the creating transaction: the reminder (unless its moment has passed) and the escalation. */
  async schedule(tx: Tx, job: TlJob, now: Date): Promise<void> {
    const cal = await this.calendars.forOffice(job.officeId);
    const m = tlReminderMoments(cal, job.deadline, now);
    if (m.remindAt) await this.jobs.addJob(tx, FINDING_TASKS.remind, job, { runAt: m.remindAt, jobKey: jobKey(job.recommendationId, 'remind') });
    await this.jobs.addJob(tx, FINDING_TASKS.escalate, job, { runAt: m.escalateAt, jobKey: jobKey(job.recommendationId, 'escalate') });
  }

  /** In the verifying transaction. */
  async drop(tx: Tx, recommendationId: string): Promise<void> {
    await this.jobs.removeJob(tx, jobKey(recommendationId, 'remind'));
    await this.jobs.removeJob(tx, jobKey(recommendationId, 'escalate'));
  }

  afterCommit(): void {
    this.jobs.nudge();
  }

  private params(r: RecWithFinding) {
    return { reportNumber: r.finding.report.number, findingCode: r.finding.code, recommendationCode: r.code, bidangName: r.finding.bidang.name, deadline: dateOnly(r.deadline) };
  }

  async followUpSent(tx: Tx, r: RecWithFinding, actorId: string, at: Date): Promise<void> {
    await this.notifications.enqueue(tx, {
      event: 'TL_FOLLOW_UP_SENT',
      officeId: r.finding.officeId,
      key: `TL_FOLLOW_UP_SENT:${r.id}:${at.toISOString()}`,
      params: this.params(r),
      link: `/temuan/${r.id}`,
      requestId: null,
      targets: [{ role: 'APIP' }],
      at: at.toISOString(),
      exclude: [actorId],
    });
  }

  async followUpReturned(tx: Tx, r: RecWithFinding, note: string, actorId: string, at: Date): Promise<void> {
    await this.notifications.enqueue(tx, {
      event: 'TL_FOLLOW_UP_RETURNED',
      officeId: r.finding.officeId,
      key: `TL_FOLLOW_UP_RETURNED:${r.id}:${at.toISOString()}`,
      params: { ...this.params(r), note },
      link: `/temuan/${r.id}`,
      requestId: null,
      targets: [{ role: 'BIDANG_OPERATOR', bidangId: r.finding.bidangId }, { role: 'BIDANG_HEAD', bidangId: r.finding.bidangId }],
      at: at.toISOString(),
      exclude: [actorId],
    });
  }

  /** A reminder or an escalation, only while the recommendation is unverified with the same deadline. */
  async fired(event: 'TL_REMINDER' | 'TL_ESCALATED', p: TlJob): Promise<number> {
    const r = await this.db.recommendation.findUnique({
      where: { id: p.recommendationId },
      include: { finding: { include: { bidang: { select: { name: true } }, report: { select: { number: true } } } } },
    });
    if (!r || r.verifiedAt || dateOnly(r.deadline) !== p.deadline) return 0;
    const b = r.finding.bidangId;
    return this.notifications.fanOut({
      event,
      officeId: r.finding.officeId,
      key: `${event}:${r.id}:${p.deadline}`,
      params: this.params(r),
      link: `/temuan/${r.id}`,
      requestId: null,
      targets:
        event === 'TL_REMINDER'
          ? [{ role: 'BIDANG_OPERATOR', bidangId: b }, { role: 'BIDANG_HEAD', bidangId: b }]
          : [{ role: 'BIDANG_HEAD', bidangId: b }, { role: 'KASUBBAG' }, { role: 'SEKRETARIS' }],
      at: new Date().toISOString(),
    });
  }
}
