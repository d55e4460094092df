import { describe, expect, it } from 'vitest';
import { groupDeliveries, hasPendingDeliveries, type DeliveryRow } from './use-webhook-deliveries';

let n = 0;
const row = (p: Partial<DeliveryRow> & Pick<DeliveryRow, 'eventId' | 'attempt' | 'status' | 'createdAt'>): DeliveryRow => ({
  id: `d${++n}`,
  event: 'report.final',
  responseStatus: null,
  error: null,
  nextAttemptAt: p.createdAt,
  deliveredAt: null,
  ...p,
});

describe('use-webhook-deliveries', () => {
  it('groups the attempts of one event, newest first, and reads the outcome', () => {
    // As the API lists them: newest row first, two events mixed.
    const rows = [
      row({ eventId: 'B', attempt: 1, status: 'PENDING', createdAt: '2026-11-25T05:00:00.000Z', nextAttemptAt: '2026-11-25T05:00:00.000Z' }),
      row({ eventId: 'A', attempt: 2, status: 'DELIVERED', responseStatus: 200, createdAt: '2026-11-25T04:00:30.000Z', deliveredAt: '2026-11-25T04:01:00.000Z' }),
      row({ eventId: 'A', attempt: 1, status: 'FAILED', responseStatus: 503, error: 'HTTP 503', createdAt: '2026-11-25T04:00:00.000Z' }),
    ];
    const groups = groupDeliveries(rows);
    expect(groups.map((g) => [g.eventId, g.outcome])).toEqual([
      ['B', 'WAITING'],
      ['A', 'DELIVERED'],
    ]);
    const a = groups[1]!;
    expect(a.attempts.map((x) => x.attempt)).toEqual([2, 1]);
    // The failed first attempt was made when its follow-up was written.
    expect(a.attempts[1]!.attemptedAt).toBe('2026-11-25T04:00:30.000Z');
    expect(a.attempts[0]!.attemptedAt).toBe('2026-11-25T04:01:00.000Z');
    expect(a.nextRetryAt).toBeNull();
    expect(a.attempts.some((x) => x.final)).toBe(false);
  });

  it('a failed attempt shows when the next one is due', () => {
    const groups = groupDeliveries([
      row({ eventId: 'E', attempt: 2, status: 'PENDING', createdAt: '2026-11-25T04:00:01.000Z', nextAttemptAt: '2026-11-25T04:00:31.000Z' }),
      row({ eventId: 'E', attempt: 1, status: 'FAILED', responseStatus: 500, error: 'HTTP 500', createdAt: '2026-11-25T04:00:00.000Z' }),
    ]);
    const [g] = groups;
    expect(g!.outcome).toBe('RETRYING');
    expect(g!.nextRetryAt).toBe('2026-11-25T04:00:31.000Z');
    expect(g!.attempts[1]!.retryAt).toBe('2026-11-25T04:00:31.000Z');
    expect(g!.attempts[0]!.retryAt).toBe('2026-11-25T04:00:31.000Z');
  });

  it('the last failed attempt with no follow-up means the attempts ran out', () => {
    const [g] = groupDeliveries([
      row({ eventId: 'X', attempt: 6, status: 'FAILED', error: 'TypeError: fetch failed', createdAt: '2026-11-25T06:00:00.000Z' }),
      row({ eventId: 'X', attempt: 5, status: 'FAILED', responseStatus: 502, createdAt: '2026-11-25T05:00:00.000Z' }),
    ]);
    expect(g!.outcome).toBe('GAVE_UP');
    expect(g!.attempts[0]!.final).toBe(true);
    expect(g!.attempts[0]!.retryAt).toBeNull();
    expect(g!.attempts[1]!.final).toBe(false);
  });

  it.each([
    ['SENDING', 'SENDING'],
    ['CANCELLED', 'CANCELLED'],
  ] as const)('a newest attempt %s reads %s', (status, outcome) => {
    expect(groupDeliveries([row({ eventId: 'S', attempt: 1, status, createdAt: '2026-11-25T04:00:00.000Z' })])[0]!.outcome).toBe(outcome);
  });

  it('refreshes only while something is still to come', () => {
    expect(hasPendingDeliveries([{ status: 'DELIVERED' }, { status: 'FAILED' }, { status: 'CANCELLED' }])).toBe(false);
    expect(hasPendingDeliveries([{ status: 'DELIVERED' }, { status: 'PENDING' }])).toBe(true);
    expect(hasPendingDeliveries([{ status: 'SENDING' }])).toBe(true);
    expect(groupDeliveries([])).toEqual([]);
  });
});
