import { describe, expect, it } from 'vitest';
import { addDays, endOfOfficeDay, MAX_TOKEN_DAYS, officeToday, useTokenExpiry } from './use-token-expiry';

describe('use-token-expiry', () => {
  it.each([
    // 23:30 UTC is already the next day in WIB (+7), not yet in UTC.
    ['2026-11-25T23:30:00Z', 420, '2026-11-26'],
    ['2026-11-25T16:59:59Z', 420, '2026-11-25'],
    ['2026-11-25T16:00:00Z', 540, '2026-11-26'],
    ['2026-12-31T20:00:00Z', 480, '2027-01-01'],
  ])('office day of %s at offset %i is %s', (now, offset, day) => {
    expect(officeToday(new Date(now), offset)).toBe(day);
  });

  it.each([
    ['2026-11-25', 30, '2026-12-25'],
    ['2026-02-27', 2, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-11-25', 364, '2027-11-24'],
  ])('%s + %i days = %s', (d, n, r) => expect(addDays(d, n)).toBe(r));

  it('ends the day at 23:59:59 in the office zone', () => {
    expect(endOfOfficeDay('2026-12-25', 420)).toBe('2026-12-25T16:59:59.000Z');
    expect(endOfOfficeDay('2026-12-25', 540)).toBe('2026-12-25T14:59:59.000Z');
  });

  it('a preset gives the end of the office day N days ahead', () => {
    const e = useTokenExpiry(() => 420, () => new Date('2026-11-25T03:00:00Z'));
    expect(e.choice.value).toBe(90);
    expect(e.lastDay.value).toBe('2027-02-23');
    e.choice.value = 30;
    expect(e.expiresAt.value).toBe('2026-12-25T16:59:59.000Z');
  });

  it('the longest choice stays within 365 days of now at any time of day (API_TOKEN_MAX_DAYS)', () => {
    for (const now of ['2026-11-25T00:00:01Z', '2026-11-25T16:59:59Z', '2026-11-25T17:00:00Z', '2026-11-25T23:59:59Z']) {
      const at = new Date(now);
      const e = useTokenExpiry(() => 420, () => at);
      e.choice.value = MAX_TOKEN_DAYS;
      const ms = Date.parse(e.expiresAt.value!) - at.getTime();
      expect(ms).toBeGreaterThan(363 * 86_400_000);
      expect(ms).toBeLessThanOrEqual(365 * 86_400_000);
    }
  });

  it('a custom date must lie between tomorrow and the last day allowed', () => {
    const e = useTokenExpiry(() => 420, () => new Date('2026-11-25T03:00:00Z'));
    e.choice.value = 'custom';
    expect(e.min.value).toBe('2026-11-26');
    expect(e.max.value).toBe('2027-11-24');
    expect(e.expiresAt.value).toBeNull();
    for (const bad of ['2026-11-25', '2027-11-25', 'kemarin', '2026-13-01']) {
      e.customDate.value = bad;
      expect(e.expiresAt.value).toBeNull();
    }
    e.customDate.value = '2027-06-30';
    expect(e.expiresAt.value).toBe('2027-06-30T16:59:59.000Z');
    e.reset();
    expect(e.choice.value).toBe(90);
    expect(e.customDate.value).toBe('');
  });
});
