import { formatNip, parseNip, type ParsedNip } from './nip';

describe('parseNip', () => {
  it.each<[string, ParsedNip]>([
    [
      '19711219 199803 1 006',
      { nip: '197112191998031006', birthDate: '1971-12-19', appointment: '1998-03', sex: 'L', sequence: 6 },
    ],
    [
      '197112191998031006',
      { nip: '197112191998031006', birthDate: '1971-12-19', appointment: '1998-03', sex: 'L', sequence: 6 },
    ],
    [
      ' 19800229\t200501 2 001 ',
      { nip: '198002292005012001', birthDate: '1980-02-29', appointment: '2005-01', sex: 'P', sequence: 1 },
    ],
    [
      '200002292024122123',
      { nip: '200002292024122123', birthDate: '2000-02-29', appointment: '2024-12', sex: 'P', sequence: 123 },
    ],
  ])('parses %j', (input, expected) => {
    expect(parseNip(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['19711219 1998003 1 006', 'FORMAT'], // as printed in the SOP: one digit too many
    ['19711219199803100', 'FORMAT'],
    ['197112191998033006', 'FORMAT'], // sex digit must be 1 or 2
    ['1971-12-19-199803-1-006', 'FORMAT'],
    ['', 'FORMAT'],
    ['19810229 200501 2 001', 'BIRTH_DATE'], // 1981 is not a leap year
    ['19000229 200501 2 001', 'BIRTH_DATE'], // 1900 is not a leap year
    ['19711319 199803 1 006', 'BIRTH_DATE'],
    ['19711200 199803 1 006', 'BIRTH_DATE'],
    ['19710431 199803 1 006', 'BIRTH_DATE'],
    ['19711219 199813 1 006', 'APPOINTMENT_DATE'],
    ['19711219 199800 1 006', 'APPOINTMENT_DATE'],
    ['19711219 197003 1 006', 'APPOINTMENT_BEFORE_BIRTH'],
    ['19711219 197111 1 006', 'APPOINTMENT_BEFORE_BIRTH'],
  ])('refuses %j with %s', (input, reason) => {
    expect(parseNip(input)).toEqual({ ok: false, reason });
  });

  it('accepts an appointment in the birth month (the check is by month)', () => {
    expect(parseNip('19711219 197112 1 006').ok).toBe(true);
  });
});

describe('formatNip', () => {
  it.each([
    ['197112191998031006', '19711219 199803 1 006'],
    ['19711219199803 1006', '19711219 199803 1 006'],
    ['19711219 199803 1 006', '19711219 199803 1 006'],
    [' abc ', 'abc'],
    ['12345', '12345'],
  ])('%j → %j', (input, expected) => {
    expect(formatNip(input)).toBe(expected);
  });
});
