import { describe, expect, it } from 'vitest';
import { NOUNS, formatCount, formatDate, formatDateTime, formatDuration, formatFileSize, formatLate, formatMinutes, formatNumber, formatPercent, parseNumberInput, timeZoneOfOffset } from './use-format';

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

describe('display rules (one module for every page)', () => {
  it.each([
    [107.333, 'id', '107,33%'],
    [103.7, 'id', '103,70%'],
    [100, 'id', '100,00%'],
    [0, 'id', '0,00%'],
    [1234.5, 'id', '1.234,50%'],
    [103.7, 'en', '103.70%'],
    [null, 'id', '—'],
    [Number.NaN, 'id', '—'],
  ])('percentage %p in %s → %s (always two decimals)', (v, locale, text) => {
    expect(formatPercent(v, locale)).toBe(text);
  });

  it.each([
    [0, 'id', '0 bita'],
    [512, 'id', '512 bita'],
    [1, 'en', '1 byte'],
    [512, 'en', '512 bytes'],
    [1024, 'id', '1 KB'],
    [7776, 'id', '7,6 KB'],
    [7776, 'en', '7.6 KB'],
    [1_258_291, 'id', '1,2 MB'],
    [20 * 1024 * 1024, 'id', '20 MB'],
    [3 * 1024 ** 3, 'id', '3 GB'],
    [null, 'id', '—'],
  ])('file size %p in %s → %s', (bytes, locale, text) => {
    expect(formatFileSize(bytes, locale)).toBe(text);
  });

  it.each([
    [1, 'id', 'Terlambat 1 menit'],
    [61, 'id', 'Terlambat 1 jam 1 menit'],
    [120, 'id', 'Terlambat 2 jam'],
    [0, 'id', 'Terlambat'],
    [null, 'id', 'Terlambat'],
    [1, 'en', 'Late by 1 min'],
  ])('late by %p minutes in %s → %s (the word once)', (m, locale, text) => {
    expect(formatLate(m, locale)).toBe(text);
    expect(text.toLowerCase().split('terlambat').length).toBeLessThanOrEqual(2);
  });

  it.each([
    [1, 'en', '1 request'],
    [2, 'en', '2 requests'],
    [0, 'en', '0 requests'],
    [1, 'id', '1 permintaan'],
    [1234, 'id', '1.234 permintaan'],
  ])('count %p in %s → %s', (n, locale, text) => {
    expect(formatCount(n, NOUNS.request, locale)).toBe(text);
  });

  it('says durations in both languages', () => {
    expect(formatDuration(90.4)).toBe('1 jam 30 menit');
    expect(formatDuration(5, 'en')).toBe('5 min');
    expect(formatDuration(-3)).toBe('0 menit');
  });
});
