import { makeCalendar } from './calendar';
import { channelsFor, escalationRoles, reminderMoments } from './notifications';
import { isEmailAddress, parsePhone } from './contact';

const cal = makeCalendar({ holidays: ['2026-06-01'] });
const wib = (s: string) => new Date(`${s}+07:00`);

describe('reminderMoments', () => {
  it.each([
    // Friday 15:58 + 10 minutes is due Monday 08:08: half and 80 % fall on Monday morning.
    ['2026-11-27T15:58:00', '2026-11-30T08:08:00', [0.5, 0.8], ['2026-11-30T08:03:00', '2026-11-30T08:06:00']],
    // Friday before Hari Lahir Pancasila (Monday 1 June): the holiday is skipped too.
    ['2026-05-29T15:58:00', '2026-06-02T08:08:00', [0.5, 0.8], ['2026-06-02T08:03:00', '2026-06-02T08:06:00']],
    // 5 minutes from 10:00: 2.5 and 4 minutes in.
    ['2026-11-26T10:00:00', '2026-11-26T10:05:00', [0.5, 0.8], ['2026-11-26T10:02:30', '2026-11-26T10:04:00']],
    // Two working days (2 × 8 h) from Thursday 09:00: half = 8 office hours → Friday 09:00.
    ['2026-11-26T09:00:00', '2026-11-30T09:00:00', [0.5], ['2026-11-27T09:00:00']],
    // Fractions outside (0, 1) are dropped, duplicates once, in order.
    ['2026-11-26T10:00:00', '2026-11-26T10:10:00', [0.8, 0, 1, 0.8, 0.5], ['2026-11-26T10:05:00', '2026-11-26T10:08:00']],
  ])('start %s due %s at %j → %j', (start, due, fractions, expected) => {
    expect(reminderMoments(cal, wib(start), wib(due), fractions).map((m) => m.at.getTime())).toEqual(expected.map((e) => wib(e).getTime()));
  });
});

describe('channelsFor', () => {
  const reachable = { email: 'a@dinas.go.id', phone: '+6281234567890', phoneVerified: true };
  it.each([
    ['DISPOSITION_RECEIVED', null, reachable, ['IN_APP', 'EMAIL']],
    ['SUBMISSION_SENT', null, reachable, ['IN_APP']],
    ['DISPOSITION_RECEIVED', { DISPOSITION_RECEIVED: ['WHATSAPP'] }, reachable, ['IN_APP', 'WHATSAPP']],
    ['DISPOSITION_RECEIVED', { DISPOSITION_RECEIVED: ['WHATSAPP', 'EMAIL'] }, { ...reachable, phoneVerified: false }, ['IN_APP', 'EMAIL']],
    ['DISPOSITION_RECEIVED', null, { email: null, phone: null, phoneVerified: false }, ['IN_APP']],
    ['STEP_REMINDER', { STEP_REMINDER: [] }, reachable, ['IN_APP']],
  ] as const)('%s with %j → %j', (event, choices, contact, expected) => {
    expect(channelsFor(event, choices as never, contact)).toEqual(expected);
  });
});

describe('escalationRoles', () => {
  it.each([
    [1, ['KEPALA_DINAS']],
    [2, ['SEKRETARIS']],
    [3, ['KASUBBAG']],
    [4, ['KASUBBAG', 'BIDANG_HEAD', 'SEKRETARIS']],
    [7, ['KEPALA_DINAS']],
  ])('step %i → %j', (step, roles) => expect(escalationRoles(step)).toEqual(roles));
});

describe('contact', () => {
  it.each([
    ['0812-3456-7890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['62812345678', '+62812345678'],
    ['(0821) 1234 5678', '+6282112345678'],
  ])('phone %s → %s', (input, value) => expect(parsePhone(input)).toEqual({ ok: true, value }));
  it.each([
    ['021-5551234', 'NOT_MOBILE'],
    ['0812', 'LENGTH'],
    ['08123456789012', 'LENGTH'],
    ['+1 202 555 0100', 'FORMAT'],
    ['0812abc', 'FORMAT'],
  ])('phone %s refused: %s', (input, reason) => expect(parsePhone(input)).toEqual({ ok: false, reason }));
  it.each([
    ['kasubbag@dpmd.nganjukkab.go.id', true],
    ['a.b+c@x.id', true],
    ['no-at-sign', false],
    ['a@localhost', false],
    ['a..b@x.id', false],
    ['a b@x.id', false],
    [`${'a'.repeat(65)}@x.id`, false],
  ])('e-mail %s → %s', (input, ok) => expect(isEmailAddress(input)).toBe(ok));
});
