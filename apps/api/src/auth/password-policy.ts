/**
 * The password policy of packages/sop, with the shipped list of common passwords, as the API
 * applies it whenever a password is set: a user's own change, an administrator's reset (whose
 * generated password passes it by construction), a new user, the bootstrap administrator.
 * Never at login: existing passwords (the demo users' "sipedaki123") keep working.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseCommonPasswords, passwordProblems, PASSWORD_PROBLEM_TEXT, type PasswordProblem } from '@sipedaki/sop';
import { fail, fieldProblem } from '../common/errors';

let common: ReadonlySet<string> | undefined;

/** packages/sop/data/common-passwords.txt, read once. */
export function commonPasswords(): ReadonlySet<string> {
  if (!common) {
    const file = path.join(path.dirname(require.resolve('@sipedaki/sop/package.json')), 'data/common-passwords.txt');
    common = parseCommonPasswords(fs.readFileSync(file, 'utf8'));
  }
  return common;
}

export function problemsOf(password: string, owner: { username?: string | null; nip?: string | null }): PasswordProblem[] {
  return passwordProblems(password, { username: owner.username, nip: owner.nip, common: commonPasswords() });
}

/** VALIDATION_FAILED naming `field`, with every reason in Indonesian, unless the password is acceptable. */
export function assertPasswordAcceptable(password: string, owner: { username?: string | null; nip?: string | null }, field: string): void {
  const problems = problemsOf(password, owner);
  if (!problems.length) return;
  // The reasons go in `fields` (one line each); the message says what it is about, once.
  fail('VALIDATION_FAILED', { id: 'Kata sandi belum memenuhi kebijakan kata sandi.', en: 'The password does not meet the password policy.' }, {
    fields: problems.map((p) => fieldProblem(field, PASSWORD_PROBLEM_TEXT[p])),
    passwordProblems: problems,
  });
}

// No 0/O, 1/l/I: read aloud over the phone or copied from a screen without mistakes.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * A temporary password for an administrator's reset: four groups of four from a 31-letter
 * alphabet (≈ 79 bits), e.g. "hxk7-m2pq-9rtw-b4nd". Drawn again in the (astronomically unlikely)
 * case that the policy would refuse it.
 */
export function temporaryPassword(): string {
  for (;;) {
    const groups = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]).join(''));
    const candidate = groups.join('-');
    if (problemsOf(candidate, {}).length === 0) return candidate;
  }
}
