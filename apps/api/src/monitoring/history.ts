/**
 * Replays a request's recorded history through the real services with the clock passed in:
 * registration, the dispositions, each Bidang's hand-in (with a return where scripted), the
 * analysis, the report (with a return where scripted). Every row then carries the times of the
 * script, as if the office had worked through it. Used by the demo office (`pnpm start` shows a
 * few months of history on the monitoring page) and by the monitoring tests.
 */
import { REQUEST_TRANSITIONS, type RequestAction } from '@sipedaki/sop';
import type { AnalysisService } from '../analysis/analysis.service';
import type { Actor } from '../auth/actor';
import type { DataRequestService } from '../data-request/data-request.service';
import type { TransitionService } from '../data-request/transition.service';
import type { Db } from '../db/prisma';
import type { SubmissionService } from '../submission/submission.service';

type RequestEvent = { at: Date; do: RequestAction; by?: keyof HistoryCast; note?: string };
export type HistoryEvent =
  | RequestEvent
  | { at: Date; do: 'SUBMIT' | 'ACCEPT'; bidang: number }
  | { at: Date; do: 'RETURN'; bidang: number; reason: string }
  | { at: Date; do: 'ANALYSE'; narrative?: string };

export interface HistoryCast {
  sekretaris: Actor;
  kasubbag: Actor;
  penyusun: Actor;
  /** Signs (ACKNOWLEDGE) or returns (KEPALA_RETURN) the report at the Kepala's desk. */
  kepala?: Actor;
}

export interface HistoryServices {
  requests: Pick<DataRequestService, 'register'>;
  transitions: Pick<TransitionService, 'transition'>;
  submissions: Pick<SubmissionService, 'act'>;
  analyses: Pick<AnalysisService, 'save'>;
}

export interface HistoryLetter {
  year: number;
  triwulan: number | null;
  letterNumber: string;
  letterDate: string;
  sender: string;
  subject: string;
  registeredAt: Date;
}

/** Who takes each request action unless the event names someone (`by`). */
const ACTOR_OF: Record<RequestAction, keyof HistoryCast> = {
  DISPOSE_TO_KASUBBAG: 'sekretaris',
  DISPOSE_TO_STAFF: 'kasubbag',
  SEND_FORMAT: 'penyusun',
  FORWARD_COLLECTION: 'penyusun',
  COMPILE: 'kasubbag',
  SUBMIT_REPORT: 'kasubbag',
  RAISE_TO_KEPALA: 'sekretaris',
  RETURN_REPORT: 'sekretaris',
  CLOSE_COLLECTION: 'kasubbag',
  ACKNOWLEDGE: 'kepala',
  KEPALA_RETURN: 'kepala',
  CANCEL: 'sekretaris',
};

/**
 * Registers the letter and plays `events` in order. `operators[i]` is the operator of the i-th
 * Bidang named by the events (an actor holding BIDANG_OPERATOR for that Bidang). Before a first
 * hand-in, every requested indicator of the Bidang gets a realisasi near its target.
 */
export async function replayRequest(
  db: Db,
  services: HistoryServices,
  cast: HistoryCast,
  operators: Actor[],
  letter: HistoryLetter,
  events: HistoryEvent[],
): Promise<string> {
  const { registeredAt, ...input } = letter;
  const r = await services.requests.register(cast.sekretaris, { ...input, indicatorIds: [], requestedDocuments: [] } as never, registeredAt);
  const submissionOf = async (bidang: number) => {
    const op = operators[bidang];
    if (!op?.bidangIds[0]) throw new Error(`history: no operator for Bidang #${bidang}`);
    return db.bidangSubmission.findUniqueOrThrow({ where: { requestId_bidangId: { requestId: r.id, bidangId: op.bidangIds[0] } } });
  };
  for (const e of events) {
    if (e.do === 'SUBMIT' || e.do === 'ACCEPT' || e.do === 'RETURN') {
      const s = await submissionOf(e.bidang);
      if (e.do === 'SUBMIT') {
        await fillValues(db, r.id, s.id, s.bidangId, letter.year);
        await services.submissions.act(operators[e.bidang]!, 'SUBMIT', s.id, s.version, undefined, e.at);
      } else {
        await services.submissions.act(cast.kasubbag, e.do, s.id, s.version, e.do === 'RETURN' ? e.reason : undefined, e.at);
      }
    } else if (e.do === 'ANALYSE') {
      await services.analyses.save(cast.kasubbag, r.id, e.narrative ?? 'Capaian umumnya sesuai target; kendala pada pengumpulan data tepat waktu.', e.at);
    } else {
      const t = e as RequestEvent;
      const who = cast[t.by ?? ACTOR_OF[t.do]];
      if (!who) throw new Error(`replayRequest: no one in the cast takes ${t.do}`);
      // A disposition's instruction is required: an event without a note gives the step's default one.
      const effects = REQUEST_TRANSITIONS.find((x) => x.action === t.do)?.effects;
      const text = t.note ?? (effects?.text.kind === 'INSTRUCTION' ? (effects.defaultInstruction?.id ?? null) : null);
      await services.transitions.transition(who, r.id, t.do, { note: text, instruction: text }, t.at);
    }
  }
  return r.id;
}

/** Values of a Bidang's requested indicators, once: 85–110 % of the target in force. */
async function fillValues(db: Db, requestId: string, submissionId: string, bidangId: string, year: number) {
  if ((await db.submissionValue.count({ where: { submissionId } })) > 0) return;
  const rows = await db.dataRequestIndicator.findMany({
    where: { requestId, indicator: { bidangId } },
    include: { indicator: { include: { targets: { where: { year }, orderBy: { triwulan: 'desc' }, take: 1 } } } },
  });
  await db.submissionValue.createMany({
    data: rows.map(({ indicator: i }, k) => {
      const target = Number(i.targets[0]?.target ?? 100);
      return { submissionId, indicatorId: i.id, realisasi: Math.round(target * (0.85 + ((k * 7) % 26) / 100) * 100) / 100 };
    }),
  });
}
