import { describe, expect, it } from 'vitest';
import { deadlineFromInputs, deadlineToInputs } from './use-deadline';

describe('use-deadline', () => {
  it.each<[string, string, number, string | null]>([
    ['2026-12-05', '16:00', 420, '2026-12-05T09:00:00.000Z'],
    ['2026-12-05', '', 420, '2026-12-05T09:00:00.000Z'], // no clock time: closing time
    ['2026-12-05', '07:30', 480, '2026-12-04T23:30:00.000Z'], // WITA, before midnight UTC
    ['2026-12-31', '23:59', 540, '2026-12-31T14:59:00.000Z'],
    ['', '16:00', 420, null],
    ['5/12/2026', '16:00', 420, null],
  ])('%s %s at +%i min → %s', (date, time, offset, iso) => {
    expect(deadlineFromInputs(date, time, offset)).toBe(iso);
  });

  it.each<[string | null, number, { date: string; time: string }]>([
    ['2026-12-05T09:00:00.000Z', 420, { date: '2026-12-05', time: '16:00' }],
    ['2026-12-04T23:30:00.000Z', 480, { date: '2026-12-05', time: '07:30' }],
    [null, 420, { date: '', time: '16:00' }],
  ])('%s at +%i min reads as %o', (iso, offset, inputs) => {
    expect(deadlineToInputs(iso, offset)).toEqual(inputs);
  });
});
