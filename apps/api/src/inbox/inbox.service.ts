import { availableRequestActions, checkSubmissionTransition, getStep, SUPERIOR, type RequestAction, type Role } from '@sipedaki/sop';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/prisma';
import { isOverdue, toRequestModel, type RequestModel } from '../data-request/data-request.service';

/** What waits on whom: computed from the open requests of the actor's office at each call. */
export class InboxService {
  constructor(private readonly db: Db) {}

  /**
   * What waits on this actor: the current step of each open request where the actor holds an
   * acting role, the Bidang submissions to fill or to review, overdue steps escalated to the
   * actor as the superior of the late role, and final reports awaiting the Kepala Dinas.
   */
  async forActor(actor: Actor, now = new Date()) {
    const requests = await this.db.dataRequest.findMany({
      where: { officeId: actor.officeId, OR: [{ status: { not: 'DONE' } }, { acknowledgedAt: null }] },
      orderBy: [{ dueAt: 'asc' }, { createdAt: 'asc' }],
      include: { submissions: { select: { id: true, bidangId: true, status: true } } },
    });
    const items: InboxItemData[] = [];
    for (const row of requests) {
      const r = toRequestModel(row);
      const overdue = isOverdue(r, now);
      if (r.status === 'DONE') {
        if (actor.roles.includes('KEPALA_DINAS')) {
          items.push({ kind: 'ACKNOWLEDGE_REPORT', ...INBOX_TITLES.ACKNOWLEDGE_REPORT, request: r, step: 7, actions: [], submissionId: null, dueAt: null, overdue: false });
        }
        continue;
      }
      const actions = availableRequestActions(r.status, actor.roles);
      const def = getStep(r.currentStep);
      if (r.status === 'COLLECTING') {
        for (const s of row.submissions) {
          // The state machine's rules: who may send this submission now, who may accept it.
          if (actor.bidangIds.includes(s.bidangId) && checkSubmissionTransition(s.status, 'SUBMIT', actor.roles).ok) {
            items.push({
              kind: 'FILL_SUBMISSION',
              ...(s.status === 'RETURNED' ? INBOX_TITLES.FIX_RETURNED : INBOX_TITLES.FILL_SUBMISSION),
              request: r, step: 4, actions: [], submissionId: s.id, dueAt: r.dueAt, overdue,
            });
          }
          // The Kepala Bidang's sign-off: his own Bidang's drafts the operator sent him.
          if (actor.bidangIds.includes(s.bidangId) && checkSubmissionTransition(s.status, 'HEAD_APPROVE', actor.roles).ok) {
            items.push({ kind: 'APPROVE_SUBMISSION', ...INBOX_TITLES.APPROVE_SUBMISSION, request: r, step: 4, actions: [], submissionId: s.id, dueAt: r.dueAt, overdue });
          }
          if (checkSubmissionTransition(s.status, 'ACCEPT', actor.roles).ok) {
            items.push({ kind: 'REVIEW_SUBMISSION', ...INBOX_TITLES.REVIEW_SUBMISSION, request: r, step: 4, actions: [], submissionId: s.id, dueAt: r.dueAt, overdue });
          }
        }
        const allAccepted = row.submissions.length > 0 && row.submissions.every((s) => s.status === 'ACCEPTED');
        if (allAccepted && actions.length) {
          items.push({ kind: 'REQUEST_STEP', ...INBOX_TITLES.FORWARD_COLLECTION, request: r, step: 4, actions, submissionId: null, dueAt: r.dueAt, overdue });
        }
      } else if (actions.length) {
        items.push({ kind: 'REQUEST_STEP', title: def.activity, titleEn: def.activityEn, request: r, step: def.no, actions, submissionId: null, dueAt: r.dueAt, overdue });
      }
      // Escalation: a late step shows up with the superior of the role that should act.
      if (overdue) {
        const superiors = new Set(def.actors.map((a) => SUPERIOR[a]).filter((x): x is Role => !!x));
        const already = items.some((i) => i.request.id === r.id && i.kind !== 'ESCALATION');
        if (!already && actor.roles.some((x) => superiors.has(x))) {
          items.push({ kind: 'ESCALATION', title: `Terlambat: langkah ${def.no} melewati waktu baku`, titleEn: `Late: step ${def.no} is past its standard time`, request: r, step: def.no, actions: [], submissionId: null, dueAt: r.dueAt, overdue: true });
        }
      }
    }
    return items;
  }
}

/** Inbox titles that are not a step's own activity, in both languages (the API's clients show either). */
const INBOX_TITLES = {
  ACKNOWLEDGE_REPORT: { title: 'Terima laporan capaian kinerja', titleEn: 'Receive the performance report' },
  FILL_SUBMISSION: { title: 'Isi data kinerja Bidang', titleEn: 'Fill in the division’s performance data' },
  FIX_RETURNED: { title: 'Perbaiki data kinerja yang dikembalikan', titleEn: 'Fix the returned performance data' },
  APPROVE_SUBMISSION: { title: 'Setujui data kinerja Bidang', titleEn: 'Sign off the division’s performance data' },
  REVIEW_SUBMISSION: { title: 'Periksa data kinerja yang dikirim Bidang', titleEn: 'Review data submitted by a division' },
  FORWARD_COLLECTION: { title: 'Teruskan data yang terkumpul kepada Kasubbag', titleEn: 'Forward the collected data to the Kasubbag' },
} as const;

export interface InboxItemData {
  kind: 'REQUEST_STEP' | 'FILL_SUBMISSION' | 'APPROVE_SUBMISSION' | 'REVIEW_SUBMISSION' | 'ACKNOWLEDGE_REPORT' | 'ESCALATION';
  title: string;
  titleEn: string;
  request: RequestModel;
  step: number;
  actions: RequestAction[];
  submissionId: string | null;
  dueAt: Date | null;
  overdue: boolean;
}

