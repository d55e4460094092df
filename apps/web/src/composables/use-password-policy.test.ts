import { describe, expect, it } from 'vitest';
import { passwordHints } from './use-password-policy';

describe('passwordHints', () => {
  it.each([
    ['', []],
    ['pendek', ['TOO_SHORT']],
    ['1234567890', ['SEQUENCE']],
    ['aaaaaaaaaa', ['ONE_CHARACTER']],
    ['Kopi-Tubruk-di-Pendopo-7', []],
    // The list of common passwords is the server's: not flagged here.
    ['indonesia123', []],
  ])('%j → %j', (password, expected) => {
    expect(passwordHints(password)).toEqual(expected);
  });

  it('knows the user name and the NIP', () => {
    expect(passwordHints('sri.wahyuni-2026', { username: 'sri.wahyuni' })).toEqual(['CONTAINS_USERNAME']);
    expect(passwordHints('lahir-19800101-x', { nip: '198001012005011003' })).toEqual(['CONTAINS_NIP']);
  });
});
