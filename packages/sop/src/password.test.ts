import fs from 'node:fs';
import path from 'node:path';
import { parseCommonPasswords, passwordProblems, PASSWORD_PROBLEM_TEXT, type PasswordProblem } from './password';

// The list the API ships (the tests may read files; the policy itself does not).
const common = parseCommonPasswords(fs.readFileSync(path.resolve(__dirname, '../data/common-passwords.txt'), 'utf8'));
const ctx = { username: 'budi.santoso', nip: '198001012005011003', common };

describe('passwordProblems', () => {
  it.each<[string, PasswordProblem[]]>([
    // acceptable
    ['kopi hitam di pagi hari', []],
    ['Tukang-Sayur-Lewat-7', []],
    ['ur8#kQ2m!vLz', []],
    ['hxk7-m2pq-9rtw-b4nd', []],
    ['kata-sandi-panjang', []],
    ['Nganjuk dan Kediri berjiran', []],
    // length
    ['short1!', ['TOO_SHORT']],
    ['Aa1!Aa1!a', ['TOO_SHORT', 'REPEATED']],
    ['x'.repeat(10) + 'y'.repeat(191), ['TOO_LONG']],
    // one character, repeated units
    ['aaaaaaaaaa', ['ONE_CHARACTER']],
    ['1111111111', ['ONE_CHARACTER', 'COMMON']],
    ['abcabcabca', ['REPEATED']], // the last run ("a") is too short to be a sequence
    ['abcdefabcdef', ['REPEATED', 'SEQUENCE']],
    ['sayangsayang', ['REPEATED']],
    ['1212121212', ['REPEATED', 'SEQUENCE', 'COMMON']],
    // sequences: numeric, alphabetic, keyboard rows, backwards, combined, wrapping digits
    ['1234567890', ['SEQUENCE', 'COMMON']],
    ['0987654321', ['SEQUENCE', 'COMMON']],
    ['7890123456', ['SEQUENCE']],
    ['abcdefghij', ['SEQUENCE', 'COMMON']],
    ['zyxwvutsrq', ['SEQUENCE']],
    ['qwertyuiop', ['SEQUENCE', 'COMMON']],
    ['poiuytrewq', ['SEQUENCE']],
    ['asdfghjkl;', ['COMMON']], // a listed keyboard walk with a symbol after it
    ['asdfghjkl;x', []], // ';' ends the run and "x" is a run of one: not only runs
    ['asdfghjkl123', ['SEQUENCE', 'COMMON']],
    ['qwerty123456', ['SEQUENCE', 'COMMON']],
    ['ZXCVBNM!@#$', ['SEQUENCE', 'COMMON']],
    // common passwords and common words with endings, any case, with symbols for letters
    ['indonesia123', ['COMMON']],
    ['Indonesia1945!', ['COMMON']],
    ['bismillah', ['TOO_SHORT', 'COMMON']],
    ['Bismillah2026', ['COMMON']],
    ['sipedaki123', ['COMMON']],
    ['SIPEDAKI2026!!', ['COMMON']],
    ['P@ssw0rd2026', ['COMMON']],
    ['passw0rd!!!', ['COMMON']],
    ['iloveyou123', ['COMMON']],
    ['akucintakamu', ['COMMON']],
    ['1q2w3e4r5t', ['COMMON']],
    ['17081945!!', ['COMMON']],
    ['!!garuda!!', ['COMMON']],
    ['pancasila1945', ['COMMON']],
    ['kepaladinas1', ['COMMON']],
    // the user's own name and NIP
    ['budi.santoso2026', ['CONTAINS_USERNAME']],
    ['xBUDI.SANTOSOx', ['CONTAINS_USERNAME']],
    ['198001012005011003', ['CONTAINS_NIP']],
    ['lahir 1980-01-01 ok', ['CONTAINS_NIP']],
  ])('%j → %j', (password, expected) => {
    expect(passwordProblems(password, ctx).sort()).toEqual([...expected].sort());
  });

  it('without the list, the structural checks still apply and COMMON is not reported', () => {
    expect(passwordProblems('indonesia123')).toEqual([]);
    expect(passwordProblems('1234567890')).toEqual(['SEQUENCE']);
    expect(passwordProblems('')).toEqual(['TOO_SHORT']);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(passwordProblems('😀😁😂🤣😃')).toEqual(['TOO_SHORT']);
    expect(passwordProblems('😀😁😂🤣😃😄😅😆😉😊')).toEqual([]);
  });

  it('every problem has an Indonesian and an English text', () => {
    for (const [code, text] of Object.entries(PASSWORD_PROBLEM_TEXT)) {
      expect([code, text.id.length > 10, text.en.length > 5]).toEqual([code, true, true]);
    }
  });
});

describe('the shipped list of common passwords', () => {
  it('holds a few thousand lower-case entries, including the Indonesian examples', () => {
    expect(common.size).toBeGreaterThan(3000);
    for (const w of ['indonesia123', 'bismillah', 'sipedaki123', 'password', 'qwerty', '123456', 'sayang', 'merdeka']) expect(common.has(w)).toBe(true);
    expect([...common].filter((w) => w !== w.toLowerCase() || w.startsWith('#'))).toEqual([]);
  });

  it('parses comments and blank lines away', () => {
    expect([...parseCommonPasswords('# note\n\n Sayang \r\nkopi\n')]).toEqual(['sayang', 'kopi']);
  });
});
