/* ------------------------------------------------------------------------------------------
 * What a request asks, and of whom (issue 11): the Bidang it goes to, its ad-hoc indicators and
 * the requester's own deadline ("batas waktu dari pengirim") beside the SOP's times.
 * ---------------------------------------------------------------------------------------- */
import { addWorkingTime, type WorkCalendar } from './calendar';
import type { Role } from './roles';
import { stepOfStatus, type RequestStatus } from './state-machine';
import { getStep, type StepNo } from './steps';

export type RequestAskAction = 'SET_REQUEST_BIDANG' | 'ADD_AD_HOC_INDICATOR' | 'REMOVE_AD_HOC_INDICATOR' | 'SET_REQUESTER_DEADLINE';

/** The secretariat shapes the request: the Sekretaris who registered it, or the Kasubbag who plans it. */
export const REQUEST_ASK_ROLES: Record<RequestAskAction, readonly Role[]> = {
  SET_REQUEST_BIDANG: ['SEKRETARIS', 'KASUBBAG'],
  ADD_AD_HOC_INDICATOR: ['SEKRETARIS', 'KASUBBAG'],
  REMOVE_AD_HOC_INDICATOR: ['SEKRETARIS', 'KASUBBAG'],
  SET_REQUESTER_DEADLINE: ['SEKRETARIS', 'KASUBBAG'],
};

/** The last step during which the request's Bidang and ad-hoc indicators may change: step 3 sends the format. */
export const LAST_STEP_TO_SHAPE_REQUEST: StepNo = 3;

/**
 * Whether the Bidang choice and the ad-hoc indicators may still change: until the format is sent
 * (steps 1–3 under way). A status with no step under way (done, and any later terminal status)
 * never may.
 */
export function requestShapeEditable(status: RequestStatus): boolean {
  const step = stepOfStatus(status);
  return step !== null && step <= LAST_STEP_TO_SHAPE_REQUEST;
}

/** Whether the requester's deadline may change: while a step of the SOP is under way (not once done). */
export function requesterDeadlineEditable(status: RequestStatus): boolean {
  return stepOfStatus(status) !== null;
}

/**
 * When the SOP would end if every remaining step took exactly its standard time, in working
 * time: the current step ends at its due time (or now, when it is already late), then each later
 * step runs its standard time after the one before. Null when no step is under way.
 */
export function projectedSopEnd(cal: WorkCalendar, r: { status: RequestStatus; dueAt: Date | null }, now: Date): Date | null {
  const current = stepOfStatus(r.status);
  if (current === null) return null;
  let t = r.dueAt && r.dueAt.getTime() > now.getTime() ? r.dueAt : now;
  for (let no = current + 1; no <= 7; no++) t = addWorkingTime(cal, t, getStep(no).standardTime);
  return t;
}

export interface ScheduleWarning {
  /** When the SOP's remaining standard times would end. */
  projectedEndAt: Date;
  requesterDeadline: Date;
  /** The requester's deadline has already passed. */
  deadlinePassed: boolean;
}

/**
 * A warning when the SOP's schedule would miss the requester's deadline (the projected end is
 * after it); null when there is no deadline, no step under way, or the schedule meets it.
 */
export function scheduleWarning(
  cal: WorkCalendar,
  r: { status: RequestStatus; dueAt: Date | null; requesterDeadline: Date | null },
  now: Date,
): ScheduleWarning | null {
  if (!r.requesterDeadline) return null;
  const end = projectedSopEnd(cal, r, now);
  if (!end || end.getTime() <= r.requesterDeadline.getTime()) return null;
  return { projectedEndAt: end, requesterDeadline: r.requesterDeadline, deadlinePassed: r.requesterDeadline.getTime() < now.getTime() };
}
