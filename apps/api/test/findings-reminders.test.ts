/**
 * Reminders and escalations of audit follow-ups (TL HP, issue 14) with an injected clock, as in
 * reminders.test.ts: jest's fake Date only, the job runner on Node's clock, a probe job to show
 * that something has *not* fired at a moment.
 */
import { makeOfficeWithStaff, makeUser } from './factories';
import { startTestApp, type TestApp } from './harness';
import { until } from './wait';

let t: TestApp;
const wib = (s: string) => new Date(`${s}+07:00`);
const REAL_TIMERS = ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] as const;

beforeAll(async () => {
  t = await startTestApp({}, { jobs: true });
  jest.useFakeTimers({ doNotFake: [...REAL_TIMERS], advanceTimers: true, now: wib('2027-01-05T10:00:00') });
}, 120_000);
afterAll(async () => {
  jest.useRealTimers();
  await t?.close();
});

const at = (s: string) => jest.setSystemTime(wib(s));
const minute = (d: Date) => Math.floor(d.getTime() / 60_000);

async function office() {
  const o = await makeOfficeWithStaff(t.db, { allDay: false });
  const apip = await makeUser(t.db, o.office.id, ['APIP']);
  const users = { ...o.users, apip };
  const tok = await t.loginAll(users);
  return { ...o, users, tok };
}
type Office = Awaited<ReturnType<typeof office>>;

const jobsOf = (recId: string) =>
  t.db.$queryRawUnsafe<{ key: string; run_at: Date }[]>(`SELECT key, run_at FROM "${t.config.JOBS_SCHEMA}"._private_jobs WHERE key LIKE $1 ORDER BY run_at, key`, `tl:${recId}:%`);
const notes = (event: string, recId: string) => t.db.notification.findMany({ where: { event, eventKey: { startsWith: `${event}:${recId}:` } }, orderBy: { userId: 'asc' } });

let probes = 0;
async function probe(o: Office) {
  const key = `probe-${++probes}`;
  await t.services.jobs.addJob(t.db, 'notify', { event: 'PASSWORD_RESET', officeId: o.office.id, key, params: {}, link: null, requestId: null, targets: [{ userId: o.users.admin.id }], at: new Date().toISOString() }, { runAt: new Date() });
  t.services.jobs.nudge();
  await until(`probe ${key}`, async () => (await t.db.notification.count({ where: { userId: o.users.admin.id, eventKey: key } })) === 1);
}

async function gql(query: string, variables: Record<string, unknown>, token: string) {
  const r = await t.gql(query, variables, token);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data;
}

describe('a recommendation due Thursday 14 January 2027', () => {
  it('reminds the Bidang 7 days before at the opening, escalates at the end of the deadline day, and drops both when verified', async () => {
    at('2027-01-05T10:00:00');
    const o = await office();
    const report = (
      await gql(
        'mutation($i: CreateAuditReportInput!) { createAuditReport(input: $i) { id deadline } }',
        { i: { source: 'INSPEKTORAT', number: `700/${process.pid}/REM/2027`, title: 'Pemeriksaan reguler', year: 2027, receivedDate: '2027-01-04', deadlineDays: 10 } },
        o.tok.kasubbag,
      )
    ).createAuditReport;
    expect(report.deadline).toBe('2027-01-14');
    const f = (
      await gql(
        'mutation($i: AddFindingInput!) { addFinding(input: $i) { recommendations { id code } } }',
        {
          i: {
            reportId: report.id, bidangId: o.bidang[0].id, code: 'T.01', title: 'Bukti capaian tidak lengkap', kondisi: 'Kondisi.', kriteria: 'Kriteria.', sebab: 'Sebab.', akibat: 'Akibat.',
            recommendations: [{ code: 'R.01', text: 'Lengkapi bukti.' }, { code: 'R.02', text: 'Tetapkan SOP.' }],
          },
        },
        o.tok.kasubbag,
      )
    ).addFinding;
    const [a, b] = f.recommendations.map((r: { id: string }) => r.id) as [string, string];
    // Deadline − 7 days = Thursday 7 January, a working day: 08:00 WIB. Escalation: Friday 15 January 00:00 WIB.
    expect((await jobsOf(a)).map((j) => [j.key.replace(`tl:${a}:`, ''), minute(j.run_at)])).toEqual([
      ['remind', minute(wib('2027-01-07T08:00:00'))],
      ['escalate', minute(wib('2027-01-15T00:00:00'))],
    ]);

    at('2027-01-07T07:59:00');
    await probe(o);
    expect(await notes('TL_REMINDER', a)).toHaveLength(0);
    at('2027-01-07T08:00:01');
    await until('the reminders', async () => (await notes('TL_REMINDER', a)).length === 2 && (await notes('TL_REMINDER', b)).length === 2);
    // To the Bidang's operator and head, not the other Bidang's operator.
    expect((await notes('TL_REMINDER', a)).map((n) => n.userId).sort()).toEqual([o.users.op1.id, o.users.head1.id].sort());
    expect((await notes('TL_REMINDER', a))[0]!.params).toMatchObject({ recommendationCode: 'R.01', findingCode: 'T.01', deadline: '2027-01-14' });

    // R.02 is answered and verified on 12 January: its escalation is dropped.
    at('2027-01-12T09:00:00');
    // Sessions last 12 hours: sign in again on the new day.
    const [op1, apip] = [await t.login(o.users.op1.username), await t.login(o.users.apip.username)];
    const sent = await gql('mutation($i: SubmitFollowUpInput!) { submitFollowUp(input: $i) { actions { id } } }', { i: { recommendationId: b, text: 'SOP telah ditetapkan.' } }, op1);
    await until('the APIP is told', async () => (await notes('TL_FOLLOW_UP_SENT', b)).length === 1);
    expect((await notes('TL_FOLLOW_UP_SENT', b))[0]!.userId).toBe(o.users.apip.id);
    await gql('mutation($i: VerifyFollowUpInput!) { verifyFollowUp(input: $i) { status } }', { i: { actionId: sent.submitFollowUp.actions[0].id, status: 'SESUAI' } }, apip);
    expect(await jobsOf(b)).toEqual([]);
    expect((await jobsOf(a)).map((j) => j.key)).toEqual([`tl:${a}:escalate`]);

    // Thursday 14 January is the last day: still nothing at 23:59.
    at('2027-01-14T23:59:00');
    await probe(o);
    expect(await notes('TL_ESCALATED', a)).toHaveLength(0);
    at('2027-01-15T00:00:01');
    await until('the escalation', async () => (await notes('TL_ESCALATED', a)).length === 3);
    expect((await notes('TL_ESCALATED', a)).map((n) => n.userId).sort()).toEqual([o.users.head1.id, o.users.kasubbag.id, o.users.sekretaris.id].sort());
    at('2027-01-15T09:00:00');
    await probe(o);
    expect(await notes('TL_ESCALATED', b)).toHaveLength(0);
    expect(await notes('TL_ESCALATED', a)).toHaveLength(3);
    expect(await jobsOf(a)).toEqual([]);
    // A stale job for the verified one does nothing.
    expect(await t.services.findings['notifier']?.fired('TL_ESCALATED', { recommendationId: b, officeId: o.office.id, deadline: '2027-01-14' })).toBe(0);
  });

  it('moves the reminder back over Nyepi, Idulfitri and the weekend (deadline 16 March → Friday 5 March)', async () => {
    at('2027-01-20T10:00:00');
    const o = await office();
    const report = (
      await gql(
        'mutation($i: CreateAuditReportInput!) { createAuditReport(input: $i) { id deadline } }',
        { i: { source: 'BPK', number: `700/${process.pid}/NYEPI/2027`, title: 'LHP BPK', year: 2027, receivedDate: '2027-01-15' } },
        o.tok.kasubbag,
      )
    ).createAuditReport;
    expect(report.deadline).toBe('2027-03-16');
    const f = (
      await gql(
        'mutation($i: AddFindingInput!) { addFinding(input: $i) { recommendations { id } } }',
        { i: { reportId: report.id, bidangId: o.bidang[1].id, code: '1', title: 'Aset', kondisi: 'K.', kriteria: 'K.', sebab: 'S.', akibat: 'A.', recommendations: [{ code: '1.1', text: 'Tertibkan aset.' }] } },
        o.tok.penyusun,
      )
    ).addFinding;
    const id = f.recommendations[0].id as string;
    expect((await jobsOf(id)).map((j) => minute(j.run_at))).toEqual([minute(wib('2027-03-05T08:00:00')), minute(wib('2027-03-17T00:00:00'))]);
  });
});
