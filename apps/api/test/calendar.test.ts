/**
 * The office calendar changes (issue 12 §4): holidays added, moved (a national one only for this
 * office) and removed, office hours changed — each recomputes the due time of every open step in
 * the same transaction, audits it and says what moved. From December on, the administrator is
 * warned when next year's holidays are missing.
 */
import { seedReference } from '../src/db/seed';
import { actorOf, makeOffice, makeOfficeWithStaff, makeUser } from './factories';
import { servicesOnTestDb } from './services';
import { errorCode, startTestApp, type TestApp } from './harness';

const { db, services } = servicesOnTestDb('calendar');
let t: TestApp;
beforeAll(async () => {
  await seedReference(db);
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const wib = (local: string) => new Date(`${local}+07:00`);

async function officeAt(registeredAt: Date) {
  const office = await makeOffice(db); // Mon–Fri 08:00–16:00 WIB
  const sek = actorOf(await makeUser(db, office.id, ['SEKRETARIS']));
  const admin = actorOf(await makeUser(db, office.id, ['ADMIN']));
  const register = (at = registeredAt) =>
    services.requests.register(
      sek,
      { year: 2027, triwulan: 1, letterNumber: `K/${Math.random()}`, letterDate: '2027-03-01', sender: 'Bappeda', subject: 'Uji kalender', indicatorIds: [], requestedDocuments: [] } as never,
      at,
    );
  return { office, sek, admin, register };
}

const dueOf = async (id: string) => (await db.dataRequest.findUniqueOrThrow({ where: { id } })).dueAt;
const stepDueOf = async (id: string, step: number) => (await db.requestStep.findFirstOrThrow({ where: { requestId: id, step } })).dueAt;

it('the 2027 national holidays are in the calendar: Idulfitri 10–11 March and cuti bersama 9, 12 and 15 March', async () => {
  const { register } = await officeAt(wib('2027-03-08T15:58:00'));
  // Monday 8 March is Nyepi itself; registered at 15:58 the step starts on the next working moment:
  // Tue 9 (CB), Wed 10, Thu 11 (Idulfitri), Fri 12 (CB), weekend, Mon 15 (CB) → Tue 16 March 08:05.
  const r = await register();
  expect(r.dueAt).toEqual(wib('2027-03-16T08:05:00'));
});

it('moving a national holiday (Iduladha by a KMA) changes this office only, and moves its open step', async () => {
  const a = await officeAt(wib('2027-05-14T15:58:00'));
  const b = await officeAt(wib('2027-05-14T15:58:00'));
  const ra = await a.register();
  const rb = await b.register();
  // Fri 14 May 15:58 + 5 min: weekend, Mon 17 May is Iduladha, Tue 18/Wed 19 cuti bersama, Thu 20 Waisak → Fri 21 08:03.
  expect(ra.dueAt).toEqual(wib('2027-05-21T08:03:00'));

  const change = await services.calendars.moveHoliday(a.admin, { fromDate: '2027-05-17', toDate: '2027-05-24', reason: 'KMA Nomor 99 Tahun 2027 (uji)' }, wib('2027-05-14T16:30:00'));
  expect(change.holiday).toEqual({ date: '2027-05-24', name: 'Idul Adha 1448 Hijriah', kind: 'LIBUR_NASIONAL', national: false, cancelled: false, movedFrom: '2027-05-17' });
  // Mon 17 is now a working day: due Mon 17 May 08:03.
  expect(change.dueTimeChanges).toEqual([{ requestId: ra.id, letterNumber: ra.letterNumber, step: 1, before: wib('2027-05-21T08:03:00'), after: wib('2027-05-17T08:03:00') }]);
  expect(await dueOf(ra.id)).toEqual(wib('2027-05-17T08:03:00'));
  expect(await stepDueOf(ra.id, 1)).toEqual(wib('2027-05-17T08:03:00'));
  // The other office keeps the national list.
  expect(await dueOf(rb.id)).toEqual(wib('2027-05-21T08:03:00'));

  const listed = await services.calendars.listHolidays(a.admin, 2027);
  expect(listed.filter((h) => h.date === '2027-05-17' || h.date === '2027-05-24')).toEqual([
    { date: '2027-05-17', name: 'Dibatalkan: Idul Adha 1448 Hijriah', kind: 'DIBATALKAN', national: false, cancelled: true, movedFrom: null },
    { date: '2027-05-24', name: 'Idul Adha 1448 Hijriah', kind: 'LIBUR_NASIONAL', national: false, cancelled: false, movedFrom: '2027-05-17' },
  ]);
  expect((await services.calendars.listHolidays(b.admin, 2027)).filter((h) => h.date === '2027-05-17')).toEqual([
    { date: '2027-05-17', name: 'Idul Adha 1448 Hijriah', kind: 'LIBUR_NASIONAL', national: true, cancelled: false, movedFrom: null },
  ]);
  // Audited: the move and the recomputed due time, with the reason.
  const audits = await db.auditEvent.findMany({ where: { actorId: a.admin.userId }, orderBy: { id: 'asc' } });
  expect(audits.map((e) => e.action)).toEqual(['holiday.moved', 'request.due_recomputed']);
  expect(audits[0]!.after).toMatchObject({ reason: 'KMA Nomor 99 Tahun 2027 (uji)' });
});

it('removing (cancelling) a national day and adding it back restores the due time', async () => {
  const a = await officeAt(wib('2027-08-16T15:58:00'));
  const r = await a.register(); // Tue 17 Aug is Proklamasi → Wed 18 08:03
  expect(r.dueAt).toEqual(wib('2027-08-18T08:03:00'));
  const removed = await services.calendars.removeHoliday(a.admin, { date: '2027-08-17', reason: 'Uji pembatalan' });
  expect(removed.dueTimeChanges.map((c) => c.after)).toEqual([wib('2027-08-17T08:03:00')]);
  const added = await services.calendars.addHoliday(a.admin, { date: '2027-08-17', name: 'Proklamasi (dipulihkan)' });
  expect(added.holiday).toMatchObject({ date: '2027-08-17', national: false, cancelled: false });
  expect(added.dueTimeChanges.map((c) => c.after)).toEqual([wib('2027-08-18T08:03:00')]);
});

it('changing the office hours recomputes the open step from its start', async () => {
  const a = await officeAt(wib('2027-02-01T15:58:00'));
  const r = await a.register(); // Mon 15:58 + 5 min → Tue 08:03
  expect(r.dueAt).toEqual(wib('2027-02-02T08:03:00'));
  const change = await services.calendars.setOfficeHours(a.admin, {
    utcOffsetMinutes: 420,
    days: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '07:30', end: '16:30' })),
  });
  expect(change.dueTimeChanges).toEqual([expect.objectContaining({ requestId: r.id, step: 1, after: wib('2027-02-01T16:03:00') })]);
});

it('refusals change nothing: a move onto a holiday, a move of a day that is no holiday, and a non-administrator', async () => {
  const o = await makeOfficeWithStaff(t.db);
  const admin = await t.login(o.users.admin.username);
  const kasubbag = await t.login(o.users.kasubbag.username);
  const count = () => t.db.holiday.count({ where: { officeId: o.office.id } });
  const before = await count();
  const move = (input: object, token: string) => t.gql('mutation($i: MoveHolidayInput!) { moveHoliday(input: $i) { holiday { date } } }', { i: input }, token);
  expect(errorCode(await move({ fromDate: '2027-03-10', toDate: '2027-03-11', reason: 'Uji bentrok' }, admin))).toBe('DUPLICATE');
  expect(errorCode(await move({ fromDate: '2027-03-03', toDate: '2027-03-04', reason: 'Uji bukan libur' }, admin))).toBe('NOT_FOUND');
  expect(errorCode(await move({ fromDate: '2027-03-10', toDate: '2027-03-17', reason: 'x' }, admin))).toBe('VALIDATION_FAILED');
  expect(errorCode(await move({ fromDate: '2027-03-10', toDate: '2027-03-17', reason: 'Uji peran' }, kasubbag))).toBe('FORBIDDEN');
  expect(await count()).toBe(before);
});

it('warns the administrator from December when next year has no holidays', async () => {
  const a = await officeAt(wib('2027-12-01T09:00:00'));
  // 2027 ships; 2028 does not.
  expect(await services.calendars.warnings(a.admin, wib('2027-11-30T23:00:00'))).toEqual([]);
  const warned = await services.calendars.warnings(a.admin, wib('2027-12-01T00:30:00'));
  expect(warned).toEqual([expect.objectContaining({ year: 2028 })]);
  expect(warned[0]!.message).toContain('tahun 2028 belum tercatat');
  await services.calendars.addHoliday(a.admin, { date: '2028-01-01', name: 'Tahun Baru 2028 Masehi' });
  expect(await services.calendars.warnings(a.admin, wib('2027-12-01T00:30:00'))).toEqual([]);
});
