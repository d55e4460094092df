import { computed, ref } from 'vue';

/**
 * The expiry of a new service token, chosen as a calendar day in the office's zone: the token is
 * valid until 23:59:59 of that day. The API allows at most API_TOKEN_MAX_DAYS (365 by default)
 * from the moment it is created, so the last day offered is 364 days ahead: its end is always
 * within 365 days of now, whatever the time of day or a small clock difference. A shorter limit
 * configured on the server is answered as VALIDATION_FAILED and shown with the form.
 */
export const MAX_TOKEN_DAYS = 364;
export const EXPIRY_PRESETS = [30, 90, 180, MAX_TOKEN_DAYS] as const;
export type ExpiryChoice = (typeof EXPIRY_PRESETS)[number] | 'custom';

const DAY = 86_400_000;

/** The office's calendar day (YYYY-MM-DD) at `now`, for a fixed UTC offset in minutes. */
export function officeToday(now: Date, utcOffsetMinutes: number): string {
  return new Date(now.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

export function addDays(ymd: string, days: number): string {
  return new Date(Date.parse(`${ymd}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** 23:59:59 of `ymd` in the office zone, as an instant (ISO, UTC). */
export function endOfOfficeDay(ymd: string, utcOffsetMinutes: number): string {
  return new Date(Date.parse(`${ymd}T23:59:59.000Z`) - utcOffsetMinutes * 60_000).toISOString();
}

const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

export function useTokenExpiry(utcOffsetMinutes: () => number, now: () => Date = () => new Date()) {
  const choice = ref<ExpiryChoice>(90);
  const customDate = ref('');
  const today = () => officeToday(now(), utcOffsetMinutes());
  const min = computed(() => addDays(today(), 1));
  const max = computed(() => addDays(today(), MAX_TOKEN_DAYS));
  /** The last valid day, or null when the custom date is missing or out of range. */
  const lastDay = computed<string | null>(() => {
    if (choice.value !== 'custom') return addDays(today(), choice.value);
    const d = customDate.value;
    return isDay(d) && d >= min.value && d <= max.value ? d : null;
  });
  const expiresAt = computed(() => (lastDay.value ? endOfOfficeDay(lastDay.value, utcOffsetMinutes()) : null));
  function reset() {
    choice.value = 90;
    customDate.value = '';
  }
  return { choice, customDate, min, max, lastDay, expiresAt, reset };
}
