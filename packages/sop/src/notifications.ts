/**
 * Notifications as procedure: which events exist, which channels each reaches by default, which
 * may be sent outside office hours, where a late step escalates, and when reminders fall in
 * working time. Pure: the API resolves people and sends (apps/api/src/notification).
 */
import { addWorkingMinutes, workingMinutesBetween, type WorkCalendar } from './calendar';
import { SUPERIOR, type Role } from './roles';
import { getStep } from './steps';

export const NOTIFICATION_EVENTS = [
  // Issue 15: a data request the pemda (Bappeda) issued, already registered at the Sekretaris.
  'REQUEST_RECEIVED',
  'DISPOSITION_RECEIVED',
  'FORMAT_RECEIVED',
  'SUBMISSION_RETURNED',
  'SUBMISSION_SENT',
  'SUBMISSION_AWAITING_HEAD',
  'SUBMISSION_HEAD_RETURNED',
  'ALL_ACCEPTED',
  'REPORT_WAITING',
  'REPORT_AT_KEPALA',
  'REPORT_FINAL',
  // Session 6: a request ended early, and a collection closed without some Bidang (closeCollection).
  'REQUEST_CANCELLED',
  'COLLECTION_CLOSED',
  'STEP_REMINDER',
  'STEP_ESCALATED',
  'DAILY_DIGEST',
  'PASSWORD_RESET',
  'ACCOUNT_LOCKED',
  'NEW_DEVICE',
  // Findings and their follow-up (TL HP, issue 14)
  'TL_REMINDER',
  'TL_ESCALATED',
  'TL_FOLLOW_UP_SENT',
  'TL_FOLLOW_UP_RETURNED',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export const NOTIFICATION_CHANNELS = ['IN_APP', 'EMAIL', 'WHATSAPP', 'SMS'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
/** Channels that leave the server (everything but the in-app list). */
export type OutboundChannel = Exclude<NotificationChannel, 'IN_APP'>;

export const isNotificationEvent = (v: unknown): v is NotificationEvent => typeof v === 'string' && (NOTIFICATION_EVENTS as readonly string[]).includes(v);
export const isNotificationChannel = (v: unknown): v is NotificationChannel => typeof v === 'string' && (NOTIFICATION_CHANNELS as readonly string[]).includes(v);

interface EventRule {
  /** Addressed to the person (they must act, or it is their account): e-mail is on by default. */
  addressed: boolean;
  /** Sent at once even outside office hours; anything else waits for the next office opening. */
  urgent: boolean;
}

/**
 * SUBMISSION_SENT and ALL_ACCEPTED tell every reviewer at once (whoever picks it up): in-app
 * only unless the reviewer turns e-mail on. Escalations and account events are urgent.
 */
export const NOTIFICATION_RULES: Record<NotificationEvent, EventRule> = {
  REQUEST_RECEIVED: { addressed: true, urgent: false },
  DISPOSITION_RECEIVED: { addressed: true, urgent: false },
  FORMAT_RECEIVED: { addressed: true, urgent: false },
  SUBMISSION_RETURNED: { addressed: true, urgent: false },
  SUBMISSION_SENT: { addressed: false, urgent: false },
  // The Kepala Bidang's sign-off (issue 11): addressed to him, and back to the operator.
  SUBMISSION_AWAITING_HEAD: { addressed: true, urgent: false },
  SUBMISSION_HEAD_RETURNED: { addressed: true, urgent: false },
  ALL_ACCEPTED: { addressed: false, urgent: false },
  REPORT_WAITING: { addressed: true, urgent: false },
  REPORT_AT_KEPALA: { addressed: true, urgent: false },
  REPORT_FINAL: { addressed: true, urgent: false },
  // Addressed: the person was working on the request, and should stop (not urgent: nothing runs late).
  REQUEST_CANCELLED: { addressed: true, urgent: false },
  COLLECTION_CLOSED: { addressed: true, urgent: false },
  STEP_REMINDER: { addressed: true, urgent: false },
  STEP_ESCALATED: { addressed: true, urgent: true },
  DAILY_DIGEST: { addressed: true, urgent: false },
  PASSWORD_RESET: { addressed: true, urgent: true },
  ACCOUNT_LOCKED: { addressed: true, urgent: true },
  NEW_DEVICE: { addressed: true, urgent: true },
  TL_REMINDER: { addressed: true, urgent: false },
  TL_ESCALATED: { addressed: true, urgent: true },
  TL_FOLLOW_UP_SENT: { addressed: true, urgent: false },
  TL_FOLLOW_UP_RETURNED: { addressed: true, urgent: false },
};

/** A user's choices: event → the outbound channels wanted (IN_APP is always on and never stored). */
export type ChannelChoices = Partial<Record<NotificationEvent, OutboundChannel[]>>;

export interface ContactState {
  email: string | null;
  phone: string | null;
  phoneVerified: boolean;
}

/** The outbound channels an event reaches by default: e-mail for what is addressed to the person. */
export function defaultChannels(event: NotificationEvent): OutboundChannel[] {
  return NOTIFICATION_RULES[event].addressed ? ['EMAIL'] : [];
}

/**
 * Where one event goes for one person: always in-app, plus the chosen (or default) outbound
 * channels that the person can be reached on. WhatsApp and SMS need a verified number.
 */
export function channelsFor(event: NotificationEvent, choices: ChannelChoices | null | undefined, contact: ContactState): NotificationChannel[] {
  const wanted = choices?.[event] ?? defaultChannels(event);
  const reachable = wanted.filter((c) => (c === 'EMAIL' ? !!contact.email : !!contact.phone && contact.phoneVerified));
  return ['IN_APP', ...new Set(reachable)];
}

/** Roles told when a step runs late: the superiors of the roles that should act (SUPERIOR). */
export function escalationRoles(step: number): Role[] {
  const roles = getStep(step).actors.map((a) => SUPERIOR[a]).filter((r): r is Role => !!r);
  return [...new Set(roles)];
}

/** By default reminders go at half and at 80 % of a step's standard (in working time). */
export const DEFAULT_REMINDER_FRACTIONS: readonly number[] = [0.5, 0.8];

/**
 * The moments a step's reminders are due: each fraction of the office time between its start
 * and its due time, counted in office time from the start (Friday 15:58 with 10 minutes due
 * Monday 08:08: half is Monday 08:03, 80 % Monday 08:06). Fractions outside (0, 1) are ignored.
 */
export function reminderMoments(cal: WorkCalendar, startedAt: Date, dueAt: Date, fractions: readonly number[] = DEFAULT_REMINDER_FRACTIONS): { fraction: number; at: Date }[] {
  const budget = workingMinutesBetween(cal, startedAt, dueAt);
  return [...new Set(fractions)]
    .filter((f) => f > 0 && f < 1)
    .sort((a, b) => a - b)
    .map((fraction) => ({ fraction, at: addWorkingMinutes(cal, startedAt, budget * fraction) }));
}
