import {
  ACKNOWLEDGE_TASK_TITLE,
  availableRequestActions,
  checkSubmissionTransition,
  escalationTaskTitle,
  getStep,
  requestTaskTitle,
  submissionTaskTitle,
  SUPERIOR,
  type RequestAction,
  type Role,
  type TaskTitle,
} from '@sipedaki/sop';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/prisma';
import { isOverdue, toRequestModel, type RequestModel } from '../data-request/data-request.service';

/** What waits on whom: computed from the open requests of the actor's office at each call. */
export class InboxService {
  constructor(private readonly db: Db) {}

  /**
   * What waits on this actor: the current step of each open request where the actor holds an
   * acting role, the Bidang submissions to fill or to review, overdue steps escalated to the
   * actor as the superior of the late role, and reports awaiting the Kepala Dinas's signature.
   * A disposition addressed to the actor by name comes first; the role's other holders still
   * see it. DONE and CANCELLED requests are in no inbox.
   */
  async forActor(actor: Actor, now = new Date()) {
    const requests = await this.db.dataRequest.findMany({
      where: { officeId: actor.officeId, status: { notIn: ['DONE', 'CANCELLED'] } },
      orderBy: [{ dueAt: 'asc' }, { createdAt: 'asc' }],
      include: {
        submissions: { select: { id: true, bidangId: true, status: true, bidang: { select: { id: true, code: true, name: true, active: true, sortOrder: true } } }, orderBy: { bidang: { sortOrder: 'asc' } } },
        dispositions: { orderBy: { createdAt: 'desc' }, take: 1, select: { toUserId: true, createdAt: true } },
      },
    });
    const items: InboxItemData[] = [];
    for (const row of requests) {
      const r = toRequestModel(row);
      const overdue = isOverdue(r, now);
      // The latest disposition names its receiver for the step it opened.
      const assignedToMe = row.dispositions[0]?.toUserId === actor.userId && row.dispositions[0].createdAt >= row.stepStartedAt;
      const actions = availableRequestActions(r.status, actor.roles).filter((a) => a !== 'CANCEL');
      if (r.status === 'AT_KEPALA') {
        if (actions.length) {
          items.push({ kind: 'ACKNOWLEDGE_REPORT', ...titled(ACKNOWLEDGE_TASK_TITLE), request: r, step: 7, actions, submissionId: null, bidang: null, dueAt: null, overdue: false, assignedToMe });
        }
        continue;
      }
      const def = getStep(r.currentStep);
      if (r.status === 'COLLECTING') {
        for (const s of row.submissions) {
          // The state machine's rules: who may send this submission now, who may accept it.
          if (actor.bidangIds.includes(s.bidangId) && checkSubmissionTransition(s.status, 'SUBMIT', actor.roles).ok) {
            items.push({
              kind: 'FILL_SUBMISSION',
              ...titled(s.status === 'RETURNED' ? submissionTaskTitle.fixReturned(s.bidang.name) : submissionTaskTitle.fill(s.bidang.name)),
              request: r, step: 4, actions: [], submissionId: s.id, bidang: s.bidang, dueAt: r.dueAt, overdue, assignedToMe: false,
            });
          }
          // The Kepala Bidang's sign-off: his own Bidang's drafts the operator sent him.
          if (actor.bidangIds.includes(s.bidangId) && checkSubmissionTransition(s.status, 'HEAD_APPROVE', actor.roles).ok) {
            items.push({ kind: 'APPROVE_SUBMISSION', ...titled(submissionTaskTitle.approve(s.bidang.name)), request: r, step: 4, actions: [], submissionId: s.id, bidang: s.bidang, dueAt: r.dueAt, overdue, assignedToMe: false });
          }
          if (checkSubmissionTransition(s.status, 'ACCEPT', actor.roles).ok) {
            items.push({ kind: 'REVIEW_SUBMISSION', ...titled(submissionTaskTitle.review(s.bidang.name)), request: r, step: 4, actions: [], submissionId: s.id, bidang: s.bidang, dueAt: r.dueAt, overdue, assignedToMe: false });
          }
        }
        const allAccepted = row.submissions.length > 0 && row.submissions.every((s) => s.status === 'ACCEPTED' || s.status === 'WAIVED');
        if (allAccepted && actions.length) {
          items.push({ kind: 'REQUEST_STEP', ...stepTitle(actions, actor.roles, def.no), request: r, step: 4, actions, submissionId: null, bidang: null, dueAt: r.dueAt, overdue, assignedToMe });
        }
      } else if (actions.length) {
        items.push({ kind: 'REQUEST_STEP', ...stepTitle(actions, actor.roles, def.no), request: r, step: def.no, actions, submissionId: null, bidang: null, dueAt: r.dueAt, overdue, assignedToMe });
      }
      // Escalation: a late step shows up with the superior of the role that should act.
      if (overdue) {
        const superiors = new Set(def.actors.map((a) => SUPERIOR[a]).filter((x): x is Role => !!x));
        const already = items.some((i) => i.request.id === r.id && i.kind !== 'ESCALATION');
        if (!already && actor.roles.some((x) => superiors.has(x))) {
          items.push({ kind: 'ESCALATION', ...titled(escalationTaskTitle(def.no)), request: r, step: def.no, actions: [], submissionId: null, bidang: null, dueAt: r.dueAt, overdue: true, assignedToMe: false });
        }
      }
    }
    // Named to me first; otherwise the order of the due times above (a stable sort keeps it).
    return items.sort((a, b) => Number(b.assignedToMe) - Number(a.assignedToMe));
  }
}

/** The API words each item in both languages (its clients show either). */
function titled(t: TaskTitle): { title: string; titleEn: string } {
  return { title: t.id, titleEn: t.en };
}

/** A request step's inbox title: the short action open to this actor (packages/sop), else the step's SOP text. */
function stepTitle(actions: RequestAction[], roles: Role[], step: number) {
  const task = requestTaskTitle(actions, roles);
  if (task) return titled(task);
  const def = getStep(step);
  return { title: def.activity, titleEn: def.activityEn };
}

export interface InboxItemData {
  kind: 'REQUEST_STEP' | 'FILL_SUBMISSION' | 'APPROVE_SUBMISSION' | 'REVIEW_SUBMISSION' | 'ACKNOWLEDGE_REPORT' | 'ESCALATION';
  title: string;
  titleEn: string;
  request: RequestModel;
  step: number;
  actions: RequestAction[];
  submissionId: string | null;
  /** The Bidang whose submission the item is about (fill or review); null for a request step. */
  bidang: { id: string; code: string; name: string; active: boolean; sortOrder: number } | null;
  dueAt: Date | null;
  overdue: boolean;
  /** A disposition addressed to this actor by name (issue 11): shown first. */
  assignedToMe: boolean;
}

