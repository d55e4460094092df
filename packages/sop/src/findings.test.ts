import { makeCalendar } from './calendar';
import {
  checkVerification,
  FINDING_ROLES,
  findingEditProblems,
  findingLock,
  isTlOverdue,
  mayFinding,
  reportKindOf,
  tlDeadline,
  tlReminderMoments,
  TL_STATUS_NUMBER,
  TL_STATUSES,
  type TlStatus,
} from './findings';

const wib = (s: string) => new Date(`${s}:00+07:00`);

describe('tlDeadline: received + N calendar days', () => {
  it.each<[string, string, number, string]>([
    ['60 days across the end of January and a 28-day February', '2027-01-15', 60, '2027-03-16'],
    ['across the end of the year', '2026-11-20', 60, '2027-01-19'],
    ['a leap February (29 days)', '2028-01-01', 60, '2028-03-01'],
    ['the last day of a 31-day month + 1', '2027-01-31', 1, '2027-02-01'],
    ['a shorter configured period', '2027-04-28', 30, '2027-05-28'],
    ['a deadline on a holiday stays there (1 Mei, Hari Buruh)', '2027-03-02', 60, '2027-05-01'],
  ])('%s: %s + %i = %s', (_what, received, days, deadline) => {
    expect(tlDeadline(received, days)).toBe(deadline);
  });

  it.each([[0], [366], [1.5], [-60]])('refuses %p days', (days) => {
    expect(() => tlDeadline('2027-01-15', days)).toThrow(RangeError);
  });
  it('refuses a non-date', () => expect(() => tlDeadline('2027-02-30x', 60)).toThrow(RangeError));
});

describe('isTlOverdue', () => {
  it.each<[string, boolean, string, boolean]>([
    ['2027-03-16', false, '2027-03-16', false], // the deadline day itself is still on time
    ['2027-03-16', false, '2027-03-17', true],
    ['2027-03-16', true, '2027-04-30', false], // verified: never overdue
    ['2027-01-19', false, '2026-12-31', false],
  ])('deadline %s, verified %p, today %s → %p', (deadline, verified, today, expected) => {
    expect(isTlOverdue(deadline, verified, today)).toBe(expected);
  });
});

describe('tlReminderMoments (national holidays 2027, Mon–Fri 08:00–16:00 WIB)', () => {
  const cal = makeCalendar();
  const early = wib('2027-01-01T00:00');
  it.each<[string, string, string | null, string]>([
    // deadline Tue 16 March; 9 March is cuti bersama, 8 March Nyepi, 6–7 a weekend → Friday 5 March
    ['a reminder day inside Nyepi/Idulfitri moves back to Friday', '2027-03-16', '2027-03-05T08:00', '2027-03-17T00:00'],
    // deadline Thu 21 January; 14 January is a Thursday, a working day
    ['a plain working day', '2027-01-21', '2027-01-14T08:00', '2027-01-22T00:00'],
    // deadline Mon 8 February; 1 February is Monday → opening that day
    ['a Monday', '2027-02-08', '2027-02-01T08:00', '2027-02-09T00:00'],
    // deadline Sat 13 February; 6 Feb is Saturday, 5 Feb cuti bersama Imlek → Thursday 4 February
    ['a Saturday behind a cuti bersama', '2027-02-13', '2027-02-04T08:00', '2027-02-14T00:00'],
  ])('%s: deadline %s → reminder %s, escalation %s', (_what, deadline, remind, escalate) => {
    const m = tlReminderMoments(cal, deadline, early);
    expect(m.remindAt?.toISOString() ?? null).toBe(remind ? wib(remind).toISOString() : null);
    expect(m.escalateAt.toISOString()).toBe(wib(escalate).toISOString());
  });

  it('gives no reminder when its moment has passed (entered late)', () => {
    expect(tlReminderMoments(cal, '2027-01-21', wib('2027-01-15T09:00')).remindAt).toBeNull();
  });
  it('follows the office offset (WIT: midnight is 15:00 UTC)', () => {
    const wit = makeCalendar({ utcOffsetMinutes: 540 });
    expect(tlReminderMoments(wit, '2027-01-21', early).escalateAt.toISOString()).toBe('2027-01-21T15:00:00.000Z');
  });
});

describe('checkVerification', () => {
  it.each<[TlStatus, string | null, string | null]>([
    ['SESUAI', null, null],
    ['BELUM_SESUAI', null, null],
    ['BELUM_DITINDAKLANJUTI', null, 'NOT_A_VERDICT'],
    ['TIDAK_DAPAT_DITINDAKLANJUTI', null, 'REASON_REQUIRED'],
    ['TIDAK_DAPAT_DITINDAKLANJUTI', '   ab  ', 'REASON_REQUIRED'],
    ['TIDAK_DAPAT_DITINDAKLANJUTI', 'Kasus dalam proses pengadilan', null],
  ])('%s with reason %p → %p', (status, reason, problem) => {
    expect(checkVerification(status, reason)).toBe(problem);
  });
});

describe('the BPK scale and the roles', () => {
  it('numbers the statuses 1–4 in order', () => {
    expect(TL_STATUSES.map((s) => TL_STATUS_NUMBER[s])).toEqual([1, 2, 3, 4]);
  });
  it.each([
    ['AKIP', 'LHE'],
    ['BPK', 'LHP'],
    ['INSPEKTORAT', 'LHP'],
    ['APIP_LAIN', 'LHP'],
  ] as const)('a report of %s is an %s', (source, kind) => expect(reportKindOf(source)).toBe(kind));
  it.each([
    [['KASUBBAG'], 'ENTER', true],
    [['BIDANG_OPERATOR'], 'ENTER', false],
    [['BIDANG_HEAD'], 'ANSWER', true],
    [['APIP'], 'VERIFY', true],
    [['KASUBBAG'], 'VERIFY', false],
    [['APIP'], 'ANSWER', false],
    [['KEPALA_DINAS'], 'READ_ALL', true],
    [['BIDANG_OPERATOR'], 'READ_ALL', false],
  ] as const)('%p may %s: %p', (roles, action, expected) => expect(mayFinding(roles, action)).toBe(expected));
  it('nobody both enters and verifies', () => {
    expect(FINDING_ROLES.ENTER.filter((r) => FINDING_ROLES.VERIFY.includes(r))).toEqual([]);
  });
});

describe('findingEditProblems: what may change after entry', () => {
  const rec = (id: string, followUps = 0, verified = false) => ({ id, code: id, text: `Rekomendasi ${id}`, verified, followUps });
  const same = (r: { id: string; code: string; text: string }) => ({ id: r.id, code: r.code, text: r.text });
  const fresh = { bidangId: 'B1', recommendations: [rec('1.1'), rec('1.2')] };

  it('allows everything while nothing was answered: another Bidang, changed texts, a removed and a new recommendation', () => {
    expect(findingEditProblems(fresh, { bidangId: 'B2', recommendations: [{ id: '1.1', code: '1.1a', text: 'Baru' }, { code: '1.3', text: 'Tambahan' }] })).toEqual([]);
    expect(findingLock(fresh)).toBeNull();
  });

  it('freezes the whole finding once any follow-up was verified (whatever the status), even an unchanged edit', () => {
    const now = { bidangId: 'B1', recommendations: [rec('1.1', 1, true), rec('1.2')] };
    expect(findingLock(now)).toBe('VERIFIED');
    expect(findingEditProblems(now, { bidangId: 'B1', recommendations: now.recommendations.map(same) })).toEqual([{ kind: 'VERIFIED' }]);
  });

  it('keeps an answered finding with its Bidang, and an answered recommendation as it was', () => {
    const now = { bidangId: 'B1', recommendations: [rec('1.1', 2), rec('1.2')] };
    expect(findingEditProblems(now, { bidangId: 'B1', recommendations: [{ id: '1.1', code: '1.1', text: ' Rekomendasi 1.1 ' }, { id: '1.2', code: '1.2', text: 'Diubah' }] })).toEqual([]);
    expect(findingEditProblems(now, { bidangId: 'B2', recommendations: [{ id: '1.1', code: '1.1', text: 'Diubah' }] })).toEqual([
      { kind: 'BIDANG_ANSWERED' },
      { kind: 'ANSWERED_CHANGED', code: '1.1', index: 0 },
    ]);
    expect(findingEditProblems(now, { bidangId: 'B1', recommendations: [{ id: '1.2', code: '1.2', text: 'x' }] })).toEqual([{ kind: 'ANSWERED_REMOVED', code: '1.1' }]);
  });

  it('names a recommendation id that is not the finding\'s', () => {
    expect(findingEditProblems(fresh, { bidangId: 'B1', recommendations: [same(fresh.recommendations[0]!), { id: 'other', code: 'x', text: 'y' }] })).toEqual([{ kind: 'UNKNOWN_RECOMMENDATION', index: 1 }]);
  });
});
