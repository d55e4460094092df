/**
 * Reminders and escalations fire at working-time moments, with an injected clock (issue 13).
 *
 * The clock: jest's fake Date only (timers, I/O and the database run for real), moved with
 * setSystemTime and advancing with real time from there. The job runner uses Node's clock
 * (useNodeTime) and every job is scheduled with an explicit run_at, so "is it due?" is asked of
 * this clock. To show that a job has *not* fired at a moment, a probe job is enqueued at that
 * moment and waited for: the worker takes due jobs in run_at order, so a reminder still queued
 * after a later-enqueued probe ran was not due.
 */
import { makeOfficeWithStaff } from './factories';
import { startTestApp, type TestApp } from './harness';
import { smtpReceiver } from './receivers';
import { until } from './wait';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof smtpReceiver>>;
const wib = (s: string) => new Date(`${s}+07:00`);
const REAL_TIMERS = ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] as const;

beforeAll(async () => {
  smtp = await smtpReceiver();
  t = await startTestApp({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_REQUIRE_TLS: 'false' }, { jobs: true });
  jest.useFakeTimers({ doNotFake: [...REAL_TIMERS], advanceTimers: true, now: wib('2026-11-27T15:00:00') });
}, 120_000);
afterAll(async () => {
  jest.useRealTimers();
  await t?.close();
  await smtp?.close();
});

const at = (s: string) => jest.setSystemTime(wib(s));

async function office() {
  // Office hours Mon–Fri 08:00–16:00 WIB and the national holidays: the real calendar.
  const o = await makeOfficeWithStaff(t.db, { allDay: false });
  const tok = await t.loginAll(o.users);
  return { ...o, tok };
}
type Office = Awaited<ReturnType<typeof office>>;

let letter = 0;
/** Registers at 15:57:58 and disposes at 15:57:59, so step 3 (10 minutes) starts Friday 15:58:00. */
async function atStep3(o: Office, day = '2026-11-27') {
  at(`${day}T15:57:58`);
  const reg = await t.gql(
    'mutation($i: RegisterDataRequestInput!) { registerDataRequest(input: $i) { id } }',
    { i: { year: 2026, triwulan: 4, letterNumber: `050/${process.pid}-${++letter}/2026`, letterDate: '2026-11-20', sender: 'Bappeda', subject: 'Data kinerja Triwulan IV', indicatorIds: [], requestedDocuments: [] } },
    o.tok.sekretaris,
  );
  const id = reg.data.registerDataRequest.id as string;
  at(`${day}T15:57:59`);
  expect((await t.gql('mutation($i: DisposeInput!) { disposeToKasubbag(input: $i) { id } }', { i: { requestId: id, instruction: 'Tindak lanjuti.' } }, o.tok.sekretaris)).errors).toBeUndefined();
  at(`${day}T15:58:00`);
  expect((await t.gql('mutation($i: DisposeInput!) { disposeToStaff(input: $i) { id } }', { i: { requestId: id, instruction: 'Kirim format.' } }, o.tok.kasubbag)).errors).toBeUndefined();
  return id;
}

const minute = (d: Date) => Math.floor(d.getTime() / 60_000);
const jobsOf = (requestId: string) =>
  t.db.$queryRawUnsafe<{ key: string; run_at: Date; attempts: number }[]>(`SELECT key, run_at, attempts FROM "${t.config.JOBS_SCHEMA}"._private_jobs WHERE key LIKE $1 ORDER BY run_at`, `step:${requestId}:%`);
const notes = (requestId: string, event: string) => t.db.notification.findMany({ where: { requestId, event }, orderBy: { createdAt: 'asc' } });

let probes = 0;
/** Enqueues a no-op notification at the current (fake) time and waits until the worker ran it. */
async function probe(o: Office) {
  const key = `probe-${++probes}`;
  await t.services.jobs.addJob(t.db, 'notify', { event: 'PASSWORD_RESET', officeId: o.office.id, key, params: {}, link: null, requestId: null, targets: [{ userId: o.users.admin.id }], at: new Date().toISOString() }, { runAt: new Date() });
  t.services.jobs.nudge();
  await until(`probe ${key}`, async () => (await t.db.notification.count({ where: { userId: o.users.admin.id, eventKey: key } })) === 1);
}

describe('Friday 15:58 + 10 minutes → Monday 08:08', () => {
  it('schedules the reminders at half and 80 % and the escalation at the due time, in office time, and fires each then — not before', async () => {
    const o = await office();
    const id = await atStep3(o);
    const step = await t.db.requestStep.findFirstOrThrow({ where: { requestId: id, step: 3 } });
    expect(minute(step.dueAt)).toBe(minute(wib('2026-11-30T08:08:00')));
    const jobs = await jobsOf(id);
    expect(jobs.map((j) => [j.key.replace(`step:${id}:`, ''), minute(j.run_at)])).toEqual([
      ['3:remind:0', minute(wib('2026-11-30T08:03:00'))],
      ['3:remind:1', minute(wib('2026-11-30T08:06:00'))],
      ['3:escalate', minute(wib('2026-11-30T08:08:00'))],
    ]);

    // Over the weekend and up to 08:02:30 on Monday: nothing.
    at('2026-11-30T08:02:30');
    await probe(o);
    expect(await notes(id, 'STEP_REMINDER')).toHaveLength(0);
    // 08:03: the first reminder, to the Penyusun (the step's actor).
    at('2026-11-30T08:03:01');
    await until('the first reminder', async () => (await notes(id, 'STEP_REMINDER')).length === 1);
    const first = (await notes(id, 'STEP_REMINDER'))[0]!;
    expect(first.userId).toBe(o.users.penyusun.id);
    expect(first.params).toMatchObject({ percent: 50, step: 3 });
    at('2026-11-30T08:05:30');
    await probe(o);
    expect(await notes(id, 'STEP_REMINDER')).toHaveLength(1);
    at('2026-11-30T08:06:01');
    await until('the second reminder', async () => (await notes(id, 'STEP_REMINDER')).length === 2);
    at('2026-11-30T08:07:30');
    await probe(o);
    expect(await notes(id, 'STEP_ESCALATED')).toHaveLength(0);
    // 08:08: late. The escalation goes to the superior of the late role (Penyusun → Kasubbag), once.
    at('2026-11-30T08:08:01');
    await until('the escalation', async () => (await notes(id, 'STEP_ESCALATED')).length === 1);
    const esc = (await notes(id, 'STEP_ESCALATED'))[0]!;
    expect(esc.userId).toBe(o.users.kasubbag.id);
    expect(esc.params).toMatchObject({ step: 3, lateRoles: ['PENYUSUN'] });
    at('2026-11-30T09:00:00');
    await probe(o);
    expect(await notes(id, 'STEP_ESCALATED')).toHaveLength(1);
    expect(await jobsOf(id)).toEqual([]);
  });

  it('moves the jobs when the due time is recomputed: Monday declared a holiday → Tuesday 08:08', async () => {
    const o = await office();
    const id = await atStep3(o, '2026-11-20');
    // The administrator closes the office on Monday 23 November: step 3 is now due Tuesday 08:08.
    at('2026-11-20T16:30:00');
    const h = await t.gql('mutation($i: AddHolidayInput!) { addHoliday(input: $i) { dueTimeChanges { step after } } }', { i: { date: '2026-11-23', name: 'Libur daerah' } }, o.tok.admin);
    expect(h.errors).toBeUndefined();
    expect(h.data.addHoliday.dueTimeChanges.map((c: { step: number; after: string }) => [c.step, minute(new Date(c.after))])).toEqual([[3, minute(wib('2026-11-24T08:08:00'))]]);
    expect((await jobsOf(id)).map((j) => minute(j.run_at))).toEqual([wib('2026-11-24T08:03:00'), wib('2026-11-24T08:06:00'), wib('2026-11-24T08:08:00')].map(minute));
    at('2026-11-23T10:00:00');
    await probe(o);
    expect(await notes(id, 'STEP_REMINDER')).toHaveLength(0);
    at('2026-11-24T08:08:01');
    await until('the escalation on Tuesday', async () => (await notes(id, 'STEP_ESCALATED')).length === 1);
    expect(await notes(id, 'STEP_REMINDER')).toHaveLength(2);
  });

  it('a step completed before its reminder sends none: its jobs are dropped, and a stale job does nothing', async () => {
    const o = await office();
    const id = await atStep3(o, '2026-11-13');
    expect(await jobsOf(id)).toHaveLength(3);
    at('2026-11-16T08:01:00');
    expect((await t.gql('mutation($i: AdvanceInput!) { sendFormat(input: $i) { id } }', { i: { requestId: id } }, o.tok.penyusun)).errors).toBeUndefined();
    // Step 3's jobs are gone; step 4 (2 working days) has its own.
    expect((await jobsOf(id)).map((j) => j.key.replace(`step:${id}:`, ''))).toEqual(['4:remind:0', '4:remind:1', '4:escalate']);
    at('2026-11-16T08:30:00');
    await probe(o);
    const step3 = (await t.db.notification.findMany({ where: { requestId: id, event: { in: ['STEP_REMINDER', 'STEP_ESCALATED'] } } })).filter((n) => (n.params as { step: number }).step === 3);
    expect(step3).toEqual([]);
    // A job that fires anyway for the completed run (a race with the completion) sends nothing.
    const row = await t.db.requestStep.findFirstOrThrow({ where: { requestId: id, step: 3 } });
    const stale = { requestId: id, officeId: o.office.id, step: 3, startedAt: row.startedAt.toISOString(), dueAt: row.dueAt.toISOString() };
    expect(await t.services.notifications.stepFired('STEP_ESCALATED', stale)).toBe(0);
    expect(await t.services.notifications.stepFired('STEP_REMINDER', { ...stale, fraction: 0.5 })).toBe(0);
  });

  it('outside office hours only escalations and account events go out at once; the rest waits for the opening', async () => {
    const o = await office();
    await t.db.user.updateMany({ where: { officeId: o.office.id }, data: { email: 'pegawai@dinas.test' } });
    const id = await atStep3(o, '2026-11-06');
    await t.services.jobs.drain();
    // The Penyusun's disposition (Friday 15:58, in office hours) goes at once; the Kasubbag's
    // e-mail of 15:57:59 too: due now, not held for the next opening. (The clock runs on from
    // 15:58 in real time, so "now" is compared, not 15:58 itself: a loaded machine adds seconds.)
    // A disposition given at 17:00 waits for Monday 08:00.
    const deliveries = await t.db.notificationDelivery.findMany({ where: { notification: { requestId: id } }, include: { notification: true } });
    expect(deliveries.length).toBeGreaterThan(0);
    expect(deliveries.every((d) => d.notBefore.getTime() <= Date.now() && d.notBefore < wib('2026-11-06T16:00:00'))).toBe(true);
    at('2026-11-06T17:00:00');
    const reg = await t.gql(
      'mutation($i: RegisterDataRequestInput!) { registerDataRequest(input: $i) { id } }',
      { i: { year: 2026, triwulan: 4, letterNumber: `050/${process.pid}-late-${++letter}/2026`, letterDate: '2026-11-05', sender: 'Bappeda', subject: 'Data', indicatorIds: [], requestedDocuments: [] } },
      o.tok.sekretaris,
    );
    const late = reg.data.registerDataRequest.id as string;
    await t.gql('mutation($i: DisposeInput!) { disposeToKasubbag(input: $i) { id } }', { i: { requestId: late, instruction: 'Besok pagi.' } }, o.tok.sekretaris);
    await t.services.jobs.drain();
    const waiting = await t.db.notificationDelivery.findMany({ where: { notification: { requestId: late } } });
    expect(waiting.map((d) => [d.channel, d.status, d.notBefore.toISOString()])).toEqual([['EMAIL', 'PENDING', wib('2026-11-09T08:00:00').toISOString()]]);
    // The in-app notification is there at once.
    expect(await notes(late, 'DISPOSITION_RECEIVED')).toHaveLength(1);
    // An account event at night is sent at once.
    await t.gql('mutation($id: UUID!) { resetUserPassword(id: $id) { temporaryPassword } }', { id: o.users.kepala.id }, o.tok.admin);
    await t.services.jobs.drain();
    const reset = await t.db.notificationDelivery.findFirstOrThrow({ where: { notification: { userId: o.users.kepala.id, event: 'PASSWORD_RESET' } } });
    expect(reset.notBefore.getTime()).toBeLessThanOrEqual(Date.now());
  });
});
