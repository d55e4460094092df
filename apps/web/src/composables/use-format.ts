import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { readNumber, type NumberLocale } from '@sipedaki/sop';

/** The office's zone. WIB by default; WITA/WIT offices are mapped from their UTC offset. */
export const OFFICE_TIME_ZONE = 'Asia/Jakarta';
const ZONES: Record<number, string> = { 420: 'Asia/Jakarta', 480: 'Asia/Makassar', 540: 'Asia/Jayapura' };
export function timeZoneOfOffset(minutes: number | null | undefined): string {
  return (minutes != null && ZONES[minutes]) || OFFICE_TIME_ZONE;
}

const tag = (locale: string) => (locale === 'en' ? 'en-GB' : 'id-ID');

/** "25 November 2026" (a YYYY-MM-DD date or an instant, shown in the office zone). */
export function formatDate(value: string | Date | null | undefined, locale = 'id', timeZone = OFFICE_TIME_ZONE): string {
  if (!value) return '—';
  // A bare calendar date has no zone: format it as is, at UTC, so it never shifts a day.
  const bare = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  const d = bare ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return new Intl.DateTimeFormat(tag(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone: bare ? 'UTC' : timeZone }).format(d);
}

/** "25 November 2026 10.15 WIB" */
export function formatDateTime(value: string | Date | null | undefined, locale = 'id', timeZone = OFFICE_TIME_ZONE): string {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  const date = formatDate(d, locale, timeZone);
  const time = new Intl.DateTimeFormat(tag(locale), { hour: '2-digit', minute: '2-digit', hour12: false, timeZone }).format(d);
  const zone = timeZone === 'Asia/Makassar' ? 'WITA' : timeZone === 'Asia/Jayapura' ? 'WIT' : 'WIB';
  return `${date} ${time} ${zone}`;
}

/** "1.234,5" in Indonesian, "1,234.5" in English; null → "—". */
export function formatNumber(value: number | null | undefined, locale = 'id', maxFractionDigits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(tag(locale), { maximumFractionDigits: maxFractionDigits }).format(value);
}

/**
 * A percentage, always with two decimals so that a column lines up and two values never look
 * differently precise ("107,33%" beside "103,70%", not "103,7%"); null → "—".
 */
export function formatPercent(value: number | null | undefined, locale = 'id'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${new Intl.NumberFormat(tag(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)}%`;
}

/** A file size a person reads: "512 bita", "7,6 KB", "1,2 MB" (1 KB = 1024 bytes, one decimal). */
export function formatFileSize(bytes: number | null | undefined, locale = 'id'): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${formatNumber(bytes, locale, 0)} ${locale === 'en' ? (bytes === 1 ? 'byte' : 'bytes') : 'bita'}`;
  const units = ['KB', 'MB', 'GB'];
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${formatNumber(v, locale, 1)} ${units[u]}`;
}

/** Minutes as "1 jam 30 menit" / "1 h 30 min" (working minutes of a step, a delay). */
export function formatDuration(minutes: number, locale = 'id'): string {
  const m = Math.max(0, Math.round(minutes));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  const en = locale === 'en';
  const hours = en ? `${h} h` : `${h} jam`;
  const mins = en ? `${rest} min` : `${rest} menit`;
  if (h === 0) return mins;
  if (rest === 0) return hours;
  return `${hours} ${mins}`;
}

/** How late a step is, said once: "Terlambat 1 menit" (not "Terlambat · terlambat 1 menit"); "Terlambat" alone without a figure. */
export function formatLate(minutes: number | null | undefined, locale = 'id'): string {
  const word = locale === 'en' ? 'Late' : 'Terlambat';
  if (!minutes || minutes <= 0) return word;
  return locale === 'en' ? `${word} by ${formatDuration(minutes, locale)}` : `${word} ${formatDuration(minutes, locale)}`;
}

/** The nouns the SPA counts, in both languages. */
export const NOUNS = {
  request: { id: 'permintaan', en: 'request' },
  bidang: { id: 'Bidang', en: 'division' },
  indicator: { id: 'indikator', en: 'indicator' },
  file: { id: 'berkas', en: 'file' },
} as const;

/** A count with its noun: Indonesian has one form ("1 permintaan", "3 permintaan"), English two ("1 request", "3 requests"). */
export function formatCount(n: number, noun: { readonly id: string; readonly en: string; readonly enPlural?: string }, locale = 'id'): string {
  const num = formatNumber(n, locale, 0);
  if (locale !== 'en') return `${num} ${noun.id}`;
  return `${num} ${n === 1 ? noun.en : (noun.enPlural ?? `${noun.en}s`)}`;
}

/**
 * Reads a number typed by a person in the convention of the language in use (@sipedaki/sop
 * readNumber): in Indonesian "1.250" is 1250 and "72,5" is 72.5; in English the reverse.
 * Empty → null (no data, never 0); anything that is not a number in that convention → NaN.
 */
export function parseNumberInput(raw: string, locale = 'id'): number | null {
  const r = readNumber(raw, numberLocale(locale));
  return r.kind === 'empty' ? null : r.kind === 'number' ? r.value : Number.NaN;
}

export const numberLocale = (locale: string): NumberLocale => (locale === 'en' ? 'en' : 'id');

/** Working minutes as "1 jam 30 menit" (kept for callers that pass their own translator). */
export function formatMinutes(minutes: number, t: (key: string, args: Record<string, unknown>) => string): string {
  const m = Math.max(0, Math.round(minutes));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h === 0) return t('time.minutes', { m: rest });
  if (rest === 0) return t('time.hours', { h });
  return t('time.hoursMinutes', { h, m: rest });
}

/**
 * The formatters bound to the current language: the one place where the SPA turns numbers,
 * percentages, sizes, durations and dates into text (a page never calls Intl or toFixed itself).
 */
export function useFormat(timeZone?: () => string) {
  const { locale, t } = useI18n();
  const zone = computed(() => timeZone?.() ?? OFFICE_TIME_ZONE);
  return {
    date: (v: string | Date | null | undefined) => formatDate(v, locale.value, zone.value),
    dateTime: (v: string | Date | null | undefined) => formatDateTime(v, locale.value, zone.value),
    number: (v: number | null | undefined, digits = 2) => formatNumber(v, locale.value, digits),
    percent: (v: number | null | undefined) => formatPercent(v, locale.value),
    minutes: (m: number) => formatMinutes(m, (k, a) => t(k, a)),
    fileSize: (bytes: number | null | undefined) => formatFileSize(bytes, locale.value),
    late: (minutes: number | null | undefined) => formatLate(minutes, locale.value),
    count: (n: number, noun: { readonly id: string; readonly en: string; readonly enPlural?: string }) => formatCount(n, noun, locale.value),
  };
}
