/**
 * Exactly once across processes (issue 13), with the API run as it ships (`src/main.ts` in child
 * processes) on a real PostgreSQL and a real SMTP server on loopback:
 *  - the API is killed with SIGKILL between the commit and the send — while its SMTP
 *    conversation is held in the middle of DATA — and started again: the e-mail arrives once;
 *  - two API processes serve and run jobs on one database: every event reaches each channel once.
 */
import type { ChildProcess } from 'node:child_process';
import type { Db } from '../src/db/prisma';
import { apiClient, disposeAcross, DISPOSE, freePort, processSetup, REGISTER, startApi, stopApis } from './api-processes';
import { makeOfficeWithStaff } from './factories';
import { registerInput } from './flow';
import { smtpReceiver } from './receivers';
import { exited, until } from './wait';

const print = (line: string) => process.stdout.write(`[notify-processes] ${line}\n`);


describe('exactly once across processes', () => {
  let setup: Awaited<ReturnType<typeof processSetup>>;
  let db: Db;
  let smtp: Awaited<ReturnType<typeof smtpReceiver>>;
  const children: ChildProcess[] = [];
  let env: NodeJS.ProcessEnv;

  beforeEach(async () => {
    smtp = await smtpReceiver();
    // A fast heartbeat, so that a killed process's jobs are handed back within a test.
    setup = await processSetup('notify', { smtpPort: smtp.port, extra: { JOBS_HEARTBEAT_MS: '300', JOBS_STALE_MS: '1500' } });
    ({ db, env } = setup);
  }, 120_000);

  afterEach(async () => {
    await stopApis(children);
    smtp.release();
    await smtp.close();
    await setup.cleanup();
  });

  it('SIGKILL while the e-mail is being sent, after the commit: started again, the e-mail arrives once and the notification exists once', async () => {
    const o = await makeOfficeWithStaff(db);
    await db.user.update({ where: { id: o.users.kasubbag.id }, data: { email: 'kasubbag@dinas.test' } });
    const port = await freePort();
    const first = await startApi(env, port);
    children.push(first);
    const api = apiClient(port);
    const sekretaris = await api.login(o.users.sekretaris.username);
    const req = (await api.gql(REGISTER, { i: registerInput() }, sekretaris)).data.registerDataRequest;

    // The SMTP server holds the next message in the middle of DATA: the sender is mid-send.
    const held = smtp.holdNext();
    const r = await api.gql(DISPOSE, { i: { requestId: req.id, instruction: 'Segera.' } }, sekretaris);
    expect(r.errors).toBeUndefined();
    await held;
    const lockedBy = await db.$queryRawUnsafe<{ locked_by: string }[]>(`SELECT locked_by FROM graphile_worker._private_jobs WHERE task_id = (SELECT id FROM graphile_worker._private_tasks WHERE identifier = 'notify_deliver') AND locked_by IS NOT NULL`);
    first.kill('SIGKILL');
    await exited(first);
    smtp.release();
    const delivery = await db.notificationDelivery.findFirstOrThrow({ where: { notification: { requestId: req.id } } });
    print(`killed ${first.pid} mid-DATA; delivery ${delivery.status}, job locked by ${lockedBy.map((x) => x.locked_by).join(', ')}; mails accepted so far: ${smtp.mails.length}`);
    expect(delivery.status).toBe('PENDING');
    expect(lockedBy).toHaveLength(1);
    expect(smtp.mails.filter((m) => m.messageId === `${delivery.id}@sipedaki`)).toHaveLength(0);

    // Started again: the dead worker's job is handed back (its heartbeat stopped) and runs once.
    const second = await startApi(env, port);
    children.push(second);
    await until('the e-mail after the restart', async () => (await db.notificationDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).status === 'SENT', 60_000);
    // A little longer than a rescue takes: nothing arrives a second time.
    await new Promise((r) => setTimeout(r, 2 * 1500));
    const arrived = smtp.mails.filter((m) => m.messageId === `${delivery.id}@sipedaki`);
    print(`after restart: ${arrived.length} e-mail(s) with that Message-ID, ${await db.notification.count({ where: { requestId: req.id } })} notification(s)`);
    expect(arrived).toHaveLength(1);
    expect(arrived[0]!.to).toEqual(['kasubbag@dinas.test']);
    expect(await db.notification.count({ where: { requestId: req.id } })).toBe(1);
  }, 240_000);

  it('two API processes on one database: every disposition reaches its in-app list and the SMTP server exactly once', async () => {
    const o = await makeOfficeWithStaff(db);
    await db.user.update({ where: { id: o.users.kasubbag.id }, data: { email: 'kasubbag@dinas.test' } });
    const ports = [await freePort(), await freePort()];
    for (const p of ports) children.push(await startApi(env, p));
    const apis = ports.map((p) => apiClient(p));
    const tokens = await Promise.all(apis.map((a) => a.login(o.users.sekretaris.username)));
    const N = 12;
    // Registered and disposed alternately on each process, several at once.
    const ids = await disposeAcross(apis, tokens, N);
    await until('every e-mail', async () => (await db.notificationDelivery.count({ where: { status: 'SENT', notification: { requestId: { in: ids } } } })) === N, 60_000);
    await new Promise((r) => setTimeout(r, 1000));
    const notifications = await db.notification.findMany({ where: { requestId: { in: ids } }, include: { deliveries: true } });
    const deliveryIds = notifications.flatMap((n) => n.deliveries.map((d) => `${d.id}@sipedaki`));
    const mails = smtp.mails.filter((m) => deliveryIds.includes(m.messageId));
    const workers = await db.jobWorker.count();
    print(`${N} dispositions over 2 processes (${workers} worker pools alive): ${notifications.length} notifications, ${mails.length} e-mails, ${new Set(mails.map((m) => m.messageId)).size} distinct`);
    expect(notifications).toHaveLength(N);
    expect(notifications.every((n) => n.userId === o.users.kasubbag.id && n.event === 'DISPOSITION_RECEIVED')).toBe(true);
    expect(mails).toHaveLength(N);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(N);
    expect(workers).toBe(2);
  }, 240_000);
});
