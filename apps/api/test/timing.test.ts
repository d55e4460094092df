/**
 * Working time through the services, with the clock passed in: due times skip evenings,
 * weekends and the national holiday list seeded into the database; a late step escalates to the
 * superior of the role that should act.
 */
import { seedReference } from '../src/db/seed';
import { actorOf, makeBidang, makeIndicator, makeOffice, makeUser } from './factories';
import { servicesOnTestDb } from './services';

const { db, services } = servicesOnTestDb('timing');
beforeAll(() => seedReference(db));

const wib = (local: string) => new Date(`${local}+07:00`);

async function officeWithRequest(registeredAt: Date) {
  const office = await makeOffice(db); // Mon–Fri 08:00–16:00 WIB
  const b = await makeBidang(db, office.id);
  await makeIndicator(db, office.id, b.id);
  const sek = actorOf(await makeUser(db, office.id, ['SEKRETARIS']));
  const kasubbag = actorOf(await makeUser(db, office.id, ['KASUBBAG']));
  const penyusun = actorOf(await makeUser(db, office.id, ['PENYUSUN']));
  const kepala = actorOf(await makeUser(db, office.id, ['KEPALA_DINAS']));
  const req = await services.requests.register(
    sek,
    { year: 2026, triwulan: 4, letterNumber: `T/${Math.random()}`, letterDate: '2026-11-20', sender: 'Bappeda', subject: 'Uji', indicatorIds: [], requestedDocuments: [] } as never,
    registeredAt,
  );
  return { req, sek, kasubbag, penyusun, kepala };
}

it('a 5-minute step registered at Friday 15:58 WIB is due Monday 08:03 WIB', async () => {
  const { req } = await officeWithRequest(wib('2026-11-27T15:58:00'));
  expect(req.dueAt!.toISOString()).toBe(wib('2026-11-30T08:03:00').toISOString());
});

it('the timeline counts elapsed working minutes and marks the late step; the superior gets an escalation', async () => {
  const { req, kepala, sek } = await officeWithRequest(wib('2026-11-27T15:58:00'));
  const beforeDue = wib('2026-11-30T08:02:00');
  const afterDue = wib('2026-11-30T09:00:00');
  const tl = await services.timelines.forRequest(req, afterDue);
  expect(tl[0]).toEqual(expect.objectContaining({ state: 'ACTIVE', overdue: true, elapsedWorkingMinutes: 62, standardWorkingMinutes: 5, overdueWorkingMinutes: 57, escalatesTo: 'KEPALA_DINAS' }));
  expect((await services.timelines.forRequest(req, beforeDue))[0]!.overdue).toBe(false);
  // Steps not reached yet already show their budget (office 08:00–16:00: a working day is 480 minutes).
  expect(tl.map((s) => [s.state, s.standardTime, s.standardWorkingMinutes])).toEqual([
    ['ACTIVE', '5 menit', 5],
    ['PENDING', '5 menit', 5],
    ['PENDING', '10 menit', 10],
    ['PENDING', '2 hari kerja', 960],
    ['PENDING', '1 hari kerja', 480],
    ['PENDING', '1 hari kerja', 480],
    ['PENDING', '10 menit', 10],
  ]);

  const kepalaInbox = (now: Date) => services.inbox.forActor(kepala, now).then((items) => items.filter((i) => i.request.id === req.id));
  expect(await kepalaInbox(beforeDue)).toEqual([]);
  expect(await kepalaInbox(afterDue)).toEqual([expect.objectContaining({ kind: 'ESCALATION', step: 1, overdue: true })]);
  // The Sekretaris still has the step itself, now overdue.
  expect((await services.inbox.forActor(sek, afterDue)).filter((i) => i.request.id === req.id)).toEqual([
    expect.objectContaining({ kind: 'REQUEST_STEP', step: 1, overdue: true }),
  ]);
});

it('step 4 (2 working days) sent on 23 Dec 2026 skips cuti bersama 24 Dec, Natal 25 Dec and the weekend', async () => {
  const { req, sek, kasubbag, penyusun } = await officeWithRequest(wib('2026-12-23T09:00:00'));
  await services.transitions.transition(sek, req.id, 'DISPOSE_TO_KASUBBAG', { instruction: 'Tindak lanjuti' }, wib('2026-12-23T09:01:00'));
  await services.transitions.transition(kasubbag, req.id, 'DISPOSE_TO_STAFF', { instruction: 'Kerjakan' }, wib('2026-12-23T09:02:00'));
  const r = await services.transitions.transition(penyusun, req.id, 'SEND_FORMAT', {}, wib('2026-12-23T10:00:00'));
  expect(r.status).toBe('COLLECTING');
  // Working days after Wed 23 Dec: Mon 28, Tue 29 → due Tue 29 Dec 10:00 WIB.
  expect(r.dueAt!.toISOString()).toBe(wib('2026-12-29T10:00:00').toISOString());
});

it('an office holiday added by the administrator moves due times at once', async () => {
  const { req, sek } = await officeWithRequest(wib('2026-12-01T15:58:00'));
  expect(req.dueAt!.toISOString()).toBe(wib('2026-12-02T08:03:00').toISOString());
  const admin = actorOf(await makeUser(db, sek.officeId, ['ADMIN']));
  const change = await services.calendars.addHoliday(admin, { date: '2026-12-02', name: 'Hari jadi kabupaten (uji)' }, wib('2026-12-01T15:59:00'));
  // The open step of the request already registered moves too, and the change says so.
  expect(change.dueTimeChanges).toEqual([
    { requestId: req.id, letterNumber: req.letterNumber, step: 1, before: wib('2026-12-02T08:03:00'), after: wib('2026-12-03T08:03:00') },
  ]);
  expect((await db.dataRequest.findUniqueOrThrow({ where: { id: req.id } })).dueAt).toEqual(wib('2026-12-03T08:03:00'));
  const r2 = await services.requests.register(
    sek,
    { year: 2026, triwulan: 4, letterNumber: `T2/${Math.random()}`, letterDate: '2026-11-20', sender: 'X', subject: 'Y', indicatorIds: [], requestedDocuments: [] } as never,
    wib('2026-12-01T15:58:00'),
  );
  expect(r2.dueAt!.toISOString()).toBe(wib('2026-12-03T08:03:00').toISOString());
});
