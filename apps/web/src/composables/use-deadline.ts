/**
 * The requester's deadline ("batas waktu dari pengirim") as people type it: a date and an office
 * clock time, in the office's zone (UTC offset in minutes: WIB 420, WITA 480, WIT 540), and back.
 */

/** Office closing time on most days: the default clock time of a deadline given as a date only. */
export const DEFAULT_DEADLINE_TIME = '16:00';

/** "2026-12-05" + "16:00" at +07:00 → "2026-12-05T09:00:00.000Z"; null when the date is empty or not a date. */
export function deadlineFromInputs(date: string, time: string, utcOffsetMinutes: number): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const clock = /^\d{2}:\d{2}$/.test(time) ? time : DEFAULT_DEADLINE_TIME;
  const ms = Date.parse(`${date}T${clock}:00.000Z`);
  if (Number.isNaN(ms)) return null;
  return new Date(ms - utcOffsetMinutes * 60_000).toISOString();
}

/** The stored instant as the date and clock time of the office. */
export function deadlineToInputs(iso: string | null | undefined, utcOffsetMinutes: number): { date: string; time: string } {
  if (!iso) return { date: '', time: DEFAULT_DEADLINE_TIME };
  const local = new Date(Date.parse(iso) + utcOffsetMinutes * 60_000).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}
