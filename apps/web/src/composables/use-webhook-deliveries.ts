import type { WebhookDeliveryStatus } from '@/gql/graphql';

export interface DeliveryRow {
  id: string;
  eventId: string;
  event: string;
  attempt: number;
  status: WebhookDeliveryStatus;
  responseStatus: number | null;
  error: string | null;
  createdAt: string;
  nextAttemptAt: string;
  deliveredAt: string | null;
}

/** Where one event stands, from its newest attempt. */
export type EventOutcome = 'DELIVERED' | 'WAITING' | 'RETRYING' | 'SENDING' | 'GAVE_UP' | 'CANCELLED';

export interface AttemptView extends DeliveryRow {
  /** When this attempt was made, when the list tells it (delivered; failed with a next attempt). */
  attemptedAt: string | null;
  /** When the next try of this event is due: its own time if waiting, the follow-up's if this one failed. */
  retryAt: string | null;
  /** The newest failed attempt of an event that will not be tried again. */
  final: boolean;
}

export interface DeliveryGroup {
  eventId: string;
  event: string;
  outcome: EventOutcome;
  nextRetryAt: string | null;
  /** Newest attempt first. */
  attempts: AttemptView[];
}

/**
 * The API lists the latest attempts of an endpoint as rows (one per attempt; a failed attempt
 * writes the next one with its due time). Grouped per event, an administrator reads "delivered at
 * the 2nd attempt" or "failed with HTTP 503, tried again at …" instead of loose rows.
 */
export function groupDeliveries(rows: readonly DeliveryRow[]): DeliveryGroup[] {
  const byEvent = new Map<string, DeliveryRow[]>();
  for (const r of rows) {
    const list = byEvent.get(r.eventId);
    if (list) list.push(r);
    else byEvent.set(r.eventId, [r]);
  }
  const groups: (DeliveryGroup & { latest: string })[] = [];
  for (const [eventId, list] of byEvent) {
    const sorted = [...list].sort((a, b) => b.attempt - a.attempt);
    const newest = sorted[0]!;
    const pending = sorted.find((r) => r.status === 'PENDING') ?? null;
    const delivered = sorted.some((r) => r.status === 'DELIVERED');
    const outcome: EventOutcome = delivered
      ? 'DELIVERED'
      : newest.status === 'PENDING'
        ? newest.attempt > 1
          ? 'RETRYING'
          : 'WAITING'
        : newest.status === 'SENDING'
          ? 'SENDING'
          : newest.status === 'CANCELLED'
            ? 'CANCELLED'
            : 'GAVE_UP';
    const attempts = sorted.map((r): AttemptView => {
      const next = sorted.find((x) => x.attempt === r.attempt + 1) ?? null;
      return {
        ...r,
        attemptedAt: r.status === 'DELIVERED' ? r.deliveredAt : r.status === 'FAILED' && next ? next.createdAt : null,
        retryAt: r.status === 'PENDING' ? r.nextAttemptAt : r.status === 'FAILED' && next?.status === 'PENDING' ? next.nextAttemptAt : null,
        final: r === newest && outcome === 'GAVE_UP',
      };
    });
    const latest = list.reduce((m, r) => (r.createdAt > m ? r.createdAt : m), list[0]!.createdAt);
    groups.push({ eventId, event: newest.event, outcome, nextRetryAt: pending?.nextAttemptAt ?? null, attempts, latest });
  }
  return groups.sort((a, b) => (a.latest < b.latest ? 1 : a.latest > b.latest ? -1 : 0)).map(({ latest: _latest, ...g }) => g);
}

/** True while some attempt is still to come or under way: the page then refreshes on its own. */
export function hasPendingDeliveries(rows: readonly Pick<DeliveryRow, 'status'>[]): boolean {
  return rows.some((r) => r.status === 'PENDING' || r.status === 'SENDING');
}
