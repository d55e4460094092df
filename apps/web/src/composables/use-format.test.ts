import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMinutes, formatNumber, parseNumberInput, timeZoneOfOffset } from './use-format';

describe('use-format', () => {
  it('writes dates the Indonesian way', () => {
    expect(formatDate('2026-11-25')).toBe('25 November 2026');
    expect(formatDate('2026-08-17', 'en')).toBe('17 August 2026');
    expect(formatDate(null)).toBe('—');
  });

  it('shows instants in WIB, even late in the UTC day', () => {
    // 20:30 UTC on the 24th is 03:30 on the 25th in Jakarta.
    expect(formatDateTime('2026-11-24T20:30:00Z')).toBe('25 November 2026 03.30 WIB');
    expect(formatDate('2026-11-24T20:30:00Z')).toBe('25 November 2026');
    expect(formatDateTime('2026-11-24T20:30:00Z', 'id', timeZoneOfOffset(480))).toBe('25 November 2026 04.30 WITA');
  });

  it('writes numbers as 1.234,5', () => {
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(null)).toBe('—');
  });

  it.each([
    ['72', 72],
    ['72,5', 72.5],
    ['72.5', 72.5],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['1.234.567', 1234567],
    [' -3 ', -3],
    ['', null],
  ])('reads %j as %s', (raw, expected) => {
    expect(parseNumberInput(raw)).toBe(expected);
  });

  it('marks junk as NaN, not zero', () => {
    expect(parseNumberInput('abc')).toBeNaN();
    expect(parseNumberInput('7a')).toBeNaN();
  });

  it('says working minutes in hours and minutes', () => {
    const t = (k: string, a: Record<string, unknown>) => `${k}:${JSON.stringify(a)}`;
    expect(formatMinutes(5, t)).toBe('time.minutes:{"m":5}');
    expect(formatMinutes(960, t)).toBe('time.hours:{"h":16}');
    expect(formatMinutes(90.4, t)).toBe('time.hoursMinutes:{"h":1,"m":30}');
  });
});
