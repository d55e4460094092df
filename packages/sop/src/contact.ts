/**
 * Contact details for notifications: an Indonesian mobile number (WhatsApp and SMS) and an
 * e-mail address. Pure checks, used by the API when a user saves them and by the web app while
 * the user types.
 */

export type PhoneProblem = 'FORMAT' | 'NOT_MOBILE' | 'LENGTH';

/**
 * An Indonesian mobile number as people write it (0812-3456-7890, +62 812 3456 7890,
 * 62812…) → E.164 `+62812…`. Mobile numbers start with 8 after the country code and have 9–12
 * digits after it (Kominfo numbering); landlines cannot receive WhatsApp or SMS here.
 */
export function parsePhone(input: string): { ok: true; value: string } | { ok: false; reason: PhoneProblem } {
  const compact = input.trim().replace(/[\s().-]/g, '');
  if (!/^\+?\d+$/.test(compact)) return { ok: false, reason: 'FORMAT' };
  let national: string;
  if (compact.startsWith('+62')) national = compact.slice(3);
  else if (compact.startsWith('62')) national = compact.slice(2);
  else if (compact.startsWith('0')) national = compact.slice(1);
  else return { ok: false, reason: 'FORMAT' };
  if (!national.startsWith('8')) return { ok: false, reason: 'NOT_MOBILE' };
  if (national.length < 9 || national.length > 12) return { ok: false, reason: 'LENGTH' };
  return { ok: true, value: `+62${national}` };
}

/** A number shown to others than its owner: +62812****7890. */
export const maskPhone = (e164: string) => (e164.length > 8 ? `${e164.slice(0, 6)}${'*'.repeat(e164.length - 10)}${e164.slice(-4)}` : e164);

/**
 * A deliverable address: one @, a dotted domain, no spaces or control characters, ≤ 254
 * characters (RFC 5321's path limit), local part ≤ 64. Deliberately not the full RFC 5322
 * grammar (quoted local parts, comments): no office address needs it and mail servers refuse it.
 */
export function isEmailAddress(input: string): boolean {
  const s = input.trim();
  if (s.length > 254) return false;
  const m = /^([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+)@([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+)$/.exec(s);
  if (!m) return false;
  const local = m[1]!;
  return local.length <= 64 && !local.startsWith('.') && !local.endsWith('.') && !local.includes('..');
}
