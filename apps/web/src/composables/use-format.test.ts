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
    ['72', 'id', 72],
    ['72,5', 'id', 72.5],
    ['1.250', 'id', 1250],
    ['1.234,5', 'id', 1234.5],
    ['1.234.567', 'id', 1234567],
    [' -3 ', 'id', -3],
    ['', 'id', null],
    ['72.5', 'en', 72.5],
    ['1,250', 'en', 1250],
    ['1,234.5', 'en', 1234.5],
    ['1.250', 'en', 1.25],
  ])('reads %j in %s as %s', (raw, locale, expected) => {
    expect(parseNumberInput(raw, locale)).toBe(expected);
  });

  it('refuses the other convention instead of guessing', () => {
    // "72.5" is not an Indonesian number ("72,5" is); the old reader took it as 72.5 silently.
    expect(parseNumberInput('72.5', 'id')).toBeNaN();
    expect(parseNumberInput('1,234.5', 'id')).toBeNaN();
    expect(parseNumberInput('72,5', 'en')).toBeNaN();
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
