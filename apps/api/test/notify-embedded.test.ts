/**
 * The job runner on the embedded PGlite of `pnpm start` (one app connection, the runner's pool of
 * two, no NOTIFY across connections: the runner polls and is nudged after each commit). The same
 * events reach the in-app list and a real SMTP server on loopback, once each.
 */
import { requestAt, setupOffice } from './flow';
import { startTestApp, type TestApp } from './harness';
import { smtpReceiver } from './receivers';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof smtpReceiver>>;
beforeAll(async () => {
  smtp = await smtpReceiver();
  t = await startTestApp({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_REQUIRE_TLS: 'false' }, { embedded: true, jobs: true });
}, 180_000);
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

it('on the embedded PGlite: dispositions, formats and reminders run as jobs; each e-mail arrives once', async () => {
  const o = await setupOffice(t);
  for (const u of Object.values(o.users)) await t.db.user.update({ where: { id: u.id }, data: { email: `${u.username}@dinas.test` } });
  const req = await requestAt(t, o, 'COLLECTING');
  await t.services.jobs.drain(60_000);
  const rows = await t.db.notification.findMany({ where: { requestId: req.id }, include: { deliveries: true } });
  expect(rows.map((n) => n.event).sort()).toEqual(['DISPOSITION_RECEIVED', 'DISPOSITION_RECEIVED', 'FORMAT_RECEIVED', 'FORMAT_RECEIVED', 'FORMAT_RECEIVED']);
  const ids = rows.flatMap((n) => n.deliveries.map((d) => `${d.id}@sipedaki`));
  expect(rows.flatMap((n) => n.deliveries).every((d) => d.status === 'SENT')).toBe(true);
  expect(smtp.mails.filter((m) => ids.includes(m.messageId)).map((m) => m.messageId).sort()).toEqual([...ids].sort());
  // Step 4's reminders and escalation wait in the queue, keyed to the step.
  const jobs = await t.db.$queryRawUnsafe<{ key: string }[]>(`SELECT key FROM "${t.config.JOBS_SCHEMA}"._private_jobs WHERE key LIKE $1 ORDER BY key`, `step:${req.id}:%`);
  expect(jobs.map((j) => j.key.split(':').slice(2).join(':'))).toEqual(['4:escalate', '4:remind:0', '4:remind:1']);
});
