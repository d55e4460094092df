/**
 * The password policy: one pure function used wherever a password is *set* (a user's own change,
 * an administrator's reset, a new user, the bootstrap administrator). It is never applied at
 * login: a password set before the policy existed keeps working until it is changed.
 *
 * A password is refused when it is
 *  - shorter than PASSWORD_MIN_LENGTH (10) or longer than PASSWORD_MAX_LENGTH characters;
 *  - one character repeated ("aaaaaaaaaa"), or a short unit repeated ("abcabcabca", "sayangsayang");
 *  - made only of runs of consecutive characters of the alphabet, the digits or a keyboard row,
 *    forwards or backwards ("1234567890", "qwertyuiop", "abcdef123456", "zyxwvutsrq");
 *  - a common password, or a common word with digits or symbols only before or after it
 *    ("indonesia123", "Bismillah!", "p@ssw0rd2026"), after lower-casing and undoing the usual
 *    letter-for-symbol swaps (@→a, 0→o, 1→i/l, 3→e, $→s …). The list is passed in (the API loads
 *    `data/common-passwords.txt`; see its header for where it comes from);
 *  - containing the user name, the NIP or the birth date that opens the NIP.
 *
 * Pure: no I/O, no clock. The web app runs the same function without the list (the server's
 * answer adds the list check).
 */

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export type PasswordProblem =
  | 'TOO_SHORT'
  | 'TOO_LONG'
  | 'ONE_CHARACTER'
  | 'REPEATED'
  | 'SEQUENCE'
  | 'COMMON'
  | 'CONTAINS_USERNAME'
  | 'CONTAINS_NIP';

/** Indonesian first (shown to people), English beside it. */
export const PASSWORD_PROBLEM_TEXT: Record<PasswordProblem, { id: string; en: string }> = {
  TOO_SHORT: { id: `Kata sandi minimal ${PASSWORD_MIN_LENGTH} karakter.`, en: `At least ${PASSWORD_MIN_LENGTH} characters.` },
  TOO_LONG: { id: `Kata sandi maksimal ${PASSWORD_MAX_LENGTH} karakter.`, en: `At most ${PASSWORD_MAX_LENGTH} characters.` },
  ONE_CHARACTER: { id: 'Kata sandi tidak boleh berisi satu karakter yang diulang.', en: 'Not one character repeated.' },
  REPEATED: { id: 'Kata sandi tidak boleh berupa pola pendek yang diulang (misalnya "abcabcabc").', en: 'Not a short pattern repeated.' },
  SEQUENCE: { id: 'Kata sandi tidak boleh berupa urutan huruf, angka, atau tombol papan ketik (misalnya "1234567890", "qwertyuiop").', en: 'Not a sequence of letters, digits or keyboard keys.' },
  COMMON: { id: 'Kata sandi ini terlalu umum dan mudah ditebak. Gunakan gabungan beberapa kata yang tidak berhubungan.', en: 'This password is too common and easy to guess.' },
  CONTAINS_USERNAME: { id: 'Kata sandi tidak boleh memuat nama pengguna.', en: 'Must not contain the user name.' },
  CONTAINS_NIP: { id: 'Kata sandi tidak boleh memuat NIP atau tanggal lahir pada NIP.', en: 'Must not contain the NIP or the birth date in it.' },
};

export interface PasswordContext {
  username?: string | null;
  nip?: string | null;
  /** Lower-case common passwords and words (see parseCommonPasswords). Without it, COMMON is not checked. */
  common?: ReadonlySet<string>;
}

/** The lines of a common-password file: trimmed, lower-cased; blank lines and `#` comments skipped. */
export function parseCommonPasswords(text: string): Set<string> {
  const set = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const w = line.trim().toLowerCase();
    if (w && !w.startsWith('#')) set.add(w);
  }
  return set;
}

// Rows whose neighbouring characters make a "sequence". The digits wrap (…8, 9, 0, 1…).
const SEQUENCES = ['abcdefghijklmnopqrstuvwxyz', '01234567890', '1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '!@#$%^&*()'];
const NEIGHBOURS = new Map<string, Set<string>>();
for (const row of SEQUENCES) {
  for (let i = 0; i + 1 < row.length; i++) {
    const [a, b] = [row[i]!, row[i + 1]!];
    if (!NEIGHBOURS.has(a)) NEIGHBOURS.set(a, new Set());
    if (!NEIGHBOURS.has(b)) NEIGHBOURS.set(b, new Set());
    NEIGHBOURS.get(a)!.add(b);
    NEIGHBOURS.get(b)!.add(a);
  }
}

/**
 * True when the text splits into runs of at least 3 neighbouring characters and nothing else:
 * "1234567890", "qwerty123456", "abcdefxyz".
 */
function isSequence(s: string): boolean {
  let run = 1;
  for (let i = 1; i < s.length; i++) {
    if (NEIGHBOURS.get(s[i - 1]!)?.has(s[i]!)) run++;
    else {
      if (run < 3) return false;
      run = 1;
    }
  }
  return run >= 3;
}

/** The shortest unit the text is a repetition of (its whole length when it is not one). */
function repetitionUnit(s: string): number {
  for (let u = 1; u <= s.length / 2; u++) {
    let ok = true;
    for (let i = u; i < s.length && ok; i++) ok = s[i] === s[i % u];
    if (ok) return u;
  }
  return s.length;
}

const LEET: Record<string, string> = { '@': 'a', '4': 'a', '3': 'e', '!': 'i', '0': 'o', $: 's', '5': 's', '7': 't', '+': 't', '9': 'g', '8': 'b' };
const unleet = (s: string, one: 'i' | 'l') => s.replace(/[@43!0$57+98]|1/g, (c) => (c === '1' ? one : LEET[c]!));
/** The word inside: digits and symbols stripped from both ends ("indonesia123" → "indonesia"). */
const core = (s: string) => s.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
/** Symbols stripped from both ends ("17081945!!" → "17081945"). */
const trimSymbols = (s: string) => s.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

function isCommon(lower: string, common: ReadonlySet<string>): boolean {
  const candidates = new Set<string>([lower, core(lower), trimSymbols(lower)]);
  for (const one of ['i', 'l'] as const) {
    const plain = unleet(lower, one);
    candidates.add(plain);
    candidates.add(core(plain));
    // A word with symbols swapped for letters and digits added: "p@ssw0rd2026" → "password".
    candidates.add(unleet(core(lower.replace(/\d+$/, '')), one));
  }
  for (const c of candidates) if (c.length >= 3 && common.has(c)) return true;
  return false;
}

/** Every reason this password may not be set; an empty list means it is acceptable. */
export function passwordProblems(password: string, ctx: PasswordContext = {}): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const chars = [...password];
  if (chars.length < PASSWORD_MIN_LENGTH) problems.push('TOO_SHORT');
  if (chars.length > PASSWORD_MAX_LENGTH) problems.push('TOO_LONG');
  const lower = password.toLowerCase();
  const unit = repetitionUnit(lower);
  if (lower.length > 0 && unit === 1) problems.push('ONE_CHARACTER');
  else if (unit < lower.length) problems.push('REPEATED');
  if (unit !== 1 && lower.length >= 3 && isSequence(lower)) problems.push('SEQUENCE');
  if (ctx.common && isCommon(lower, ctx.common)) problems.push('COMMON');
  const username = ctx.username?.trim().toLowerCase();
  if (username && username.length >= 3 && lower.includes(username)) problems.push('CONTAINS_USERNAME');
  const nip = ctx.nip?.replace(/\s+/g, '');
  if (nip && /^\d{18}$/.test(nip)) {
    const digits = password.replace(/\D+/g, '');
    if (digits.includes(nip) || digits.includes(nip.slice(0, 8))) problems.push('CONTAINS_NIP');
  }
  return problems;
}
