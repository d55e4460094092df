/**
 * NIP, the civil servant number (Perka BKN 22/2007): 18 digits =
 * birth date YYYYMMDD + appointment (TMT CPNS) YYYYMM + sex (1 = L, 2 = P) + 3-digit sequence.
 */

export interface ParsedNip {
  /** The 18 digits, no spaces. */
  nip: string;
  /** YYYY-MM-DD */
  birthDate: string;
  /** YYYY-MM */
  appointment: string;
  sex: 'L' | 'P';
  sequence: number;
}

export type NipResult =
  | { ok: true; value: ParsedNip }
  | { ok: false; reason: 'FORMAT' | 'BIRTH_DATE' | 'APPOINTMENT_DATE' | 'APPOINTMENT_BEFORE_BIRTH' };

const NIP_PATTERN = /^(\d{8})(\d{6})([12])(\d{3})$/;

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}

/**
 * NIPs are usually written in groups ('19711219 199803 1 006'), so all whitespace is removed
 * before checking. Any other character (dots, dashes) is a FORMAT error rather than guessed at.
 */
export function parseNip(input: string): NipResult {
  const nip = input.replace(/\s+/g, '');
  const m = NIP_PATTERN.exec(nip);
  if (!m) return { ok: false, reason: 'FORMAT' };
  const [, birth, appointment, sexDigit, sequence] = m as unknown as [string, string, string, string, string];

  const by = Number(birth.slice(0, 4));
  const bm = Number(birth.slice(4, 6));
  const bd = Number(birth.slice(6, 8));
  if (by < 1900 || bm < 1 || bm > 12 || bd < 1 || bd > daysInMonth(by, bm)) {
    return { ok: false, reason: 'BIRTH_DATE' };
  }
  const ay = Number(appointment.slice(0, 4));
  const am = Number(appointment.slice(4, 6));
  if (ay < 1900 || am < 1 || am > 12) return { ok: false, reason: 'APPOINTMENT_DATE' };
  // Compared by month: the appointment has no day, and nobody is appointed before birth.
  if (ay * 12 + am < by * 12 + bm) return { ok: false, reason: 'APPOINTMENT_BEFORE_BIRTH' };

  return {
    ok: true,
    value: {
      nip,
      birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
      appointment: `${appointment.slice(0, 4)}-${appointment.slice(4, 6)}`,
      sex: sexDigit === '1' ? 'L' : 'P',
      sequence: Number(sequence),
    },
  };
}

/**
 * The usual printed grouping '19711219 199803 1 006'. Input that is not 18 digits (after
 * removing spaces) is returned trimmed and unchanged, so a bad value is shown as typed.
 */
export function formatNip(nip: string): string {
  const digits = nip.replace(/\s+/g, '');
  if (!/^\d{18}$/.test(digits)) return nip.trim();
  return `${digits.slice(0, 8)} ${digits.slice(8, 14)} ${digits.slice(14, 15)} ${digits.slice(15)}`;
}
