/**
 * Notifications on a real PostgreSQL with the job runner running (issue 13): every event of a
 * whole SOP run reaches each configured channel exactly once — in-app, e-mail to a real SMTP
 * server on loopback, WhatsApp and SMS to a gateway on loopback —, the live stream, the API
 * (list, unread count, mark read, preferences, phone verification) and its refusals.
 */
import crypto from 'node:crypto';
import { fillTemplate } from '../src/notification/channels';
import { attacks } from './attacks';
import { acceptSubmission, advance, callSubmissionAction, fillAndSubmit, getSubmission, register, requestAt, setupOffice, type FlowOffice } from './flow';
import { errorCode, fieldsOf, startTestApp, type TestApp } from './harness';
import { gatewayReceiver, smtpReceiver } from './receivers';
import { until } from './wait';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof smtpReceiver>>;
let gateway: Awaited<ReturnType<typeof gatewayReceiver>>;

beforeAll(async () => {
  smtp = await smtpReceiver();
  gateway = await gatewayReceiver();
  t = await startTestApp(
    {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_REQUIRE_TLS: 'false',
      SMTP_FROM: 'SIPEDAKI Uji <noreply@sipedaki.test.go.id>',
      WHATSAPP_GATEWAY_URL: `${gateway.base}/wa`,
      WHATSAPP_GATEWAY_AUTH: 'Authorization: Bearer wa-secret',
      WHATSAPP_GATEWAY_BODY: '{"to":"{{phone}}","text":"{{message}}","channel":"whatsapp"}',
      SMS_GATEWAY_URL: `${gateway.base}/sms`,
      GATEWAY_ALLOWED_HOSTS: '127.0.0.1',
    },
    { jobs: true },
  );
}, 120_000);
afterAll(async () => {
  await t?.close();
  await smtp?.close();
  await gateway?.close();
});

const ALL_CHANNELS = ['EMAIL', 'WHATSAPP', 'SMS'];
const EVENTS = ['DISPOSITION_RECEIVED', 'FORMAT_RECEIVED', 'SUBMISSION_RETURNED', 'SUBMISSION_SENT', 'ALL_ACCEPTED', 'REPORT_WAITING', 'REPORT_AT_KEPALA', 'REPORT_FINAL'];
const SET_PREFS = 'mutation($i: NotificationPreferencesInput!) { updateNotificationPreferences(input: $i) { email phone phoneVerified events { event channels } } }';

/** Every user of the office: an address, a verified number and every channel for every event. */
async function reachEveryone(o: FlowOffice) {
  let n = 0;
  for (const [key, u] of Object.entries(o.users)) {
    n++;
    const phone = `+62812${String(crypto.randomInt(0, 1e7)).padStart(7, '0')}`;
    await t.db.user.update({ where: { id: u.id }, data: { email: `${key}.${u.username}@dinas.test`, phone, phoneVerifiedAt: new Date(), language: n % 2 ? 'id' : 'en' } });
    const r = await t.gql(SET_PREFS, { i: { channels: EVENTS.map((event) => ({ event, channels: ALL_CHANNELS })) } }, o.tok[key as keyof typeof o.tok]);
    expect(r.errors).toBeUndefined();
  }
}

describe('every event of a whole SOP run reaches every configured channel exactly once', () => {
  it('in-app, e-mail (SMTP), WhatsApp and SMS (gateway); to the people the SOP names; never to the actor', async () => {
    const o = await setupOffice(t);
    await reachEveryone(o);
    const req = await requestAt(t, o, 'SUBMITTED');
    // A return and a resubmission of Bidang 1, then everything to the Kepala Dinas.
    const s1 = await getSubmission(t, o.tok.penyusun, req.submissions[0]!);
    const ret = await callSubmissionAction(t, 'returnSubmission', o.tok.penyusun, { submissionId: s1.id, expectedVersion: s1.version, reason: 'Lampiran LHE belum lengkap' });
    expect(ret.errors).toBeUndefined();
    await fillAndSubmit(t, o, req.submissions[0]!, 0);
    await advance(t, o, req, 'SUBMITTED', 'DONE');
    await t.services.jobs.drain(60_000);

    const rows = await t.db.notification.findMany({ where: { officeId: o.office.id }, include: { deliveries: true } });
    const who = Object.fromEntries(Object.entries(o.users).map(([k, u]) => [u.id, k]));
    const got = rows.map((n) => `${n.event}→${who[n.userId]}`).sort();
    expect(got).toEqual(
      [
        'DISPOSITION_RECEIVED→kasubbag', // step 1: Sekretaris → Kasubbag
        'DISPOSITION_RECEIVED→penyusun', // step 2: Kasubbag → Penyusun
        'FORMAT_RECEIVED→op1', 'FORMAT_RECEIVED→head1', 'FORMAT_RECEIVED→op2', // step 3: each Bidang's operator and head
        'SUBMISSION_SENT→kasubbag', 'SUBMISSION_SENT→penyusun', // Bidang 1
        'SUBMISSION_SENT→kasubbag', 'SUBMISSION_SENT→penyusun', // Bidang 2
        'SUBMISSION_RETURNED→op1', 'SUBMISSION_RETURNED→head1', // returned by the Penyusun
        'SUBMISSION_SENT→kasubbag', 'SUBMISSION_SENT→penyusun', // Bidang 1 again
        'ALL_ACCEPTED→kasubbag', // the accepting Penyusun is not told what they did
        'REPORT_WAITING→sekretaris',
        'REPORT_AT_KEPALA→kepala', // raised: awaiting his signature
        'REPORT_FINAL→kasubbag', 'REPORT_FINAL→penyusun', // signed: final, the secretariat is told (the Sekretaris too, below)
        'REPORT_FINAL→sekretaris',
      ].sort(),
    );
    // Nobody else: the administrator takes no part in the procedure.
    expect(rows.some((n) => n.userId === o.users.admin.id)).toBe(false);

    // Each notification: one delivery per channel, each sent; each received exactly once.
    const deliveries = rows.flatMap((n) => n.deliveries);
    expect(deliveries).toHaveLength(rows.length * 3);
    expect(deliveries.every((d) => d.status === 'SENT')).toBe(true);
    const byChannel = (c: string) => deliveries.filter((d) => d.channel === c).map((d) => d.id).sort();
    const mailIds = smtp.mails.map((m) => m.messageId.replace('@sipedaki', ''));
    const mine = (ids: string[]) => (x: string) => ids.includes(x);
    expect(mailIds.filter(mine(byChannel('EMAIL'))).sort()).toEqual(byChannel('EMAIL'));
    expect(gateway.hits.filter((h) => h.path === '/wa').map((h) => h.key).filter(mine(byChannel('WHATSAPP'))).sort()).toEqual(byChannel('WHATSAPP'));
    expect(gateway.hits.filter((h) => h.path === '/sms').map((h) => h.key).filter(mine(byChannel('SMS'))).sort()).toEqual(byChannel('SMS'));

    // The e-mail of the Kepala Dinas, in his language, to his address, with the link.
    const kepala = await t.db.user.findUniqueOrThrow({ where: { id: o.users.kepala.id } });
    const final = rows.find((n) => n.event === 'REPORT_AT_KEPALA')!;
    const mail = smtp.mails.find((m) => m.messageId === `${final.deliveries.find((d) => d.channel === 'EMAIL')!.id}@sipedaki`)!;
    expect(mail.to).toEqual([kepala.email]);
    expect(mail.subject).toContain(kepala.language === 'en' ? 'Report awaiting your signature' : 'Laporan menunggu tanda tangan Anda');
    expect(mail.raw).toContain(`https://sipedaki.test.go.id/permintaan/${req.id}`);
    expect(mail.raw).toMatch(/Content-Type: text\/html/i);
    // The WhatsApp body follows the configured template, with the configured auth header.
    const wa = gateway.hits.find((h) => h.key === final.deliveries.find((d) => d.channel === 'WHATSAPP')!.id)!;
    expect(wa.body).toMatchObject({ to: kepala.phone, channel: 'whatsapp' });
    expect(String(wa.body.text)).toContain(final.requestId!);
    expect(wa.auth).toBe('Bearer wa-secret');

    // Running every notify job again adds nothing: the (user, event) key holds.
    const before = await t.db.notification.count({ where: { officeId: o.office.id } });
    const job = { event: 'REPORT_AT_KEPALA' as const, officeId: o.office.id, key: final.eventKey, params: final.params as object, link: final.link, requestId: final.requestId, targets: [{ role: 'KEPALA_DINAS' as const }], at: final.createdAt.toISOString() };
    expect(await t.services.notifications.fanOut(job)).toBe(0);
    expect(await t.db.notification.count({ where: { officeId: o.office.id } })).toBe(before);
  });

  it('by default: in-app always, e-mail for what is addressed to the person, WhatsApp off until the number is verified', async () => {
    const o = await setupOffice(t);
    await t.db.user.update({ where: { id: o.users.kasubbag.id }, data: { email: 'kasubbag@dinas.test', phone: '+6281200000001' } });
    await t.db.user.update({ where: { id: o.users.penyusun.id }, data: { email: 'penyusun@dinas.test' } });
    const chose = await t.gql(SET_PREFS, { i: { channels: [{ event: 'DISPOSITION_RECEIVED', channels: ['EMAIL', 'WHATSAPP'] }] } }, o.tok.kasubbag);
    expect(chose.data.updateNotificationPreferences.events.find((e: any) => e.event === 'DISPOSITION_RECEIVED').channels).toEqual(['IN_APP', 'EMAIL']);
    const req = await requestAt(t, o, 'COLLECTING');
    await fillAndSubmit(t, o, req.submissions[0]!, 0);
    await t.services.jobs.drain();
    const rows = await t.db.notification.findMany({ where: { officeId: o.office.id, userId: { in: [o.users.kasubbag.id, o.users.penyusun.id] } }, include: { deliveries: true } });
    const view = rows.map((n) => [n.event, n.userId === o.users.kasubbag.id ? 'kasubbag' : 'penyusun', n.deliveries.map((d) => d.channel).sort().join('+') || 'in-app']).sort();
    expect(view).toEqual(
      [
        ['DISPOSITION_RECEIVED', 'kasubbag', 'EMAIL'], // WhatsApp chosen, but the number is not verified
        ['DISPOSITION_RECEIVED', 'penyusun', 'EMAIL'],
        ['SUBMISSION_SENT', 'kasubbag', 'in-app'], // told to every reviewer: in-app only by default
        ['SUBMISSION_SENT', 'penyusun', 'in-app'],
      ].sort(),
    );
  });
});

describe('a cancelled request and a closed collection tell the people waiting on it (session 6)', () => {
  const CANCEL = 'mutation($i: CancelRequestInput!) { cancelDataRequest(input: $i) { id status } }';
  const CLOSE = 'mutation($i: CloseCollectionInput!) { closeCollection(input: $i) { id status } }';
  const MINE = 'query { notifications(first: 50) { edges { node { event title titleEn body bodyEn link requestId } } } }';

  async function told(o: FlowOffice, requestId: string, event: string) {
    const rows = await t.db.notification.findMany({ where: { officeId: o.office.id, requestId, event } });
    const who = Object.fromEntries(Object.entries(o.users).map(([k, u]) => [u.id, k]));
    return rows.map((n) => who[n.userId]).sort();
  }
  async function mine(token: string, requestId: string, event: string) {
    const r = await t.gql(MINE, {}, token);
    expect(r.errors).toBeUndefined();
    return r.data.notifications.edges.map((e: any) => e.node).filter((n: any) => n.requestId === requestId && n.event === event);
  }

  it('cancelled while collecting: the secretariat that holds it and the Bidang still awaited; not a Bidang already accepted, not the Sekretaris', async () => {
    const o = await setupOffice(t);
    const req = await requestAt(t, o, 'COLLECTING');
    await fillAndSubmit(t, o, req.submissions[0]!, 0);
    await acceptSubmission(t, o, req.submissions[0]!);
    // A refused cancel (the Kasubbag may not) tells nobody: the jobs are written in the transaction that failed.
    const refused = await t.gql(CANCEL, { i: { requestId: req.id, reason: 'Surat ditarik kembali oleh pengirim.' } }, o.tok.kasubbag);
    expect(errorCode(refused)).toBe('FORBIDDEN');
    await t.services.jobs.drain();
    expect(await told(o, req.id, 'REQUEST_CANCELLED')).toEqual([]);

    const done = await t.gql(CANCEL, { i: { requestId: req.id, reason: 'Surat ditarik kembali oleh pengirim.' } }, o.tok.sekretaris);
    expect(done.errors).toBeUndefined();
    await t.services.jobs.drain();
    // Kasubbag and Penyusun received its dispositions; Bidang Dua (op2, no head) had not handed in; Bidang Satu was accepted.
    expect(await told(o, req.id, 'REQUEST_CANCELLED')).toEqual(['kasubbag', 'op2', 'penyusun']);

    const [bidang] = await mine(o.tok.op2, req.id, 'REQUEST_CANCELLED');
    expect(bidang.title).toMatch(/^Permintaan data dibatalkan: surat /);
    expect(bidang.body).toContain(`Data ${o.bidang[1].name} tidak lagi ditunggu`);
    expect(bidang.body).toContain('Alasan: Surat ditarik kembali oleh pengirim.');
    expect(bidang.bodyEn).toContain('is no longer awaited');
    expect(bidang.link).toBe(`/kiriman/${req.submissions[1]}`);
    const [secretariat] = await mine(o.tok.kasubbag, req.id, 'REQUEST_CANCELLED');
    expect(secretariat.body).toContain('Langkah yang terbuka telah ditutup');
    expect(secretariat.link).toBe(`/permintaan/${req.id}`);
  });

  it('cancelled at the Kepala Dinas’s desk: everyone a disposition went to, the Kepala Dinas included; at step 1 nobody', async () => {
    const o = await setupOffice(t);
    const req = await requestAt(t, o, 'AT_KEPALA');
    const early = await register(t, o);
    for (const id of [req.id, early.id]) {
      const r = await t.gql(CANCEL, { i: { requestId: id, reason: 'Permintaan digabung dengan surat lain.' } }, o.tok.sekretaris);
      expect(r.errors).toBeUndefined();
    }
    await t.services.jobs.drain();
    expect(await told(o, req.id, 'REQUEST_CANCELLED')).toEqual(['kasubbag', 'kepala', 'penyusun']);
    // Only the Sekretaris held it: nobody else waits on it.
    expect(await told(o, early.id, 'REQUEST_CANCELLED')).toEqual([]);
  });

  it('collection closed without a Bidang: that Bidang (operator and head) with the note, and the Penyusun who collected; not the Kasubbag who closed it', async () => {
    const o = await setupOffice(t);
    const req = await requestAt(t, o, 'COLLECTING');
    await fillAndSubmit(t, o, req.submissions[1]!, 1);
    await acceptSubmission(t, o, req.submissions[1]!);
    const r = await t.gql(CLOSE, { i: { requestId: req.id, waivedBidangIds: [o.bidang[0].id], note: 'Bidang Satu tidak menyerahkan sampai batas waktu.' } }, o.tok.kasubbag);
    expect(r.errors).toBeUndefined();
    expect(r.data.closeCollection.status).toBe('COMPILING');
    await t.services.jobs.drain();
    expect(await told(o, req.id, 'COLLECTION_CLOSED')).toEqual(['head1', 'op1', 'penyusun']);

    const [bidang] = await mine(o.tok.head1, req.id, 'COLLECTION_CLOSED');
    expect(bidang.title).toBe(`Data ${o.bidang[0].name} tidak lagi ditunggu: surat ${(await t.db.dataRequest.findUniqueOrThrow({ where: { id: req.id } })).letterNumber}`);
    expect(bidang.body).toContain('dicatat "tidak menyerahkan"');
    expect(bidang.body).toContain('Catatan: Bidang Satu tidak menyerahkan sampai batas waktu.');
    expect(bidang.link).toBe(`/kiriman/${req.submissions[0]}`);
    const [collector] = await mine(o.tok.penyusun, req.id, 'COLLECTION_CLOSED');
    expect(collector.title).toMatch(/^Pengumpulan data ditutup: surat /);
    expect(collector.body).toContain('tanpa 1 Bidang yang tidak menyerahkan');
  });
});

describe('live delivery (server-sent events)', () => {
  it('pushes the notification to the open stream of its recipient, and to nobody else', async () => {
    const o = await setupOffice(t);
    const req = await register(t, o);
    const open = async (token: string) => {
      const ac = new AbortController();
      const res = await fetch(`${t.url}/api/notifications/stream`, { headers: { authorization: `Bearer ${token}` }, signal: ac.signal });
      const events: { event: string; data: any }[] = [];
      const reader = res.body!.getReader();
      let buf = '';
      void (async () => {
        try {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) return;
            buf += Buffer.from(value).toString('utf8');
            let i: number;
            while ((i = buf.indexOf('\n\n')) >= 0) {
              const block = buf.slice(0, i);
              buf = buf.slice(i + 2);
              const ev = /^event: (.*)$/m.exec(block)?.[1];
              const data = /^data: (.*)$/m.exec(block)?.[1];
              if (ev && data) events.push({ event: ev, data: JSON.parse(data) });
            }
          }
        } catch {
          // aborted
        }
      })();
      return { res, events, close: () => ac.abort() };
    };
    const kasubbag = await open(o.tok.kasubbag);
    const penyusun = await open(o.tok.penyusun);
    expect(kasubbag.res.status).toBe(200);
    expect(kasubbag.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await until('the ready events', () => kasubbag.events.length > 0 && penyusun.events.length > 0);
    expect(kasubbag.events[0]).toEqual({ event: 'ready', data: { unreadCount: 0 } });
    const r = await t.gql('mutation($i: DisposeInput!) { disposeToKasubbag(input: $i) { id } }', { i: { requestId: req.id, instruction: 'Segera siapkan.' } }, o.tok.sekretaris);
    expect(r.errors).toBeUndefined();
    await until('the notification on the Kasubbag’s stream', () => kasubbag.events.some((e) => e.event === 'notification'));
    const pushed = kasubbag.events.filter((e) => e.event === 'notification');
    expect(pushed).toHaveLength(1);
    expect(pushed[0]!.data).toMatchObject({ unreadCount: 1, notification: { event: 'DISPOSITION_RECEIVED', link: `/permintaan/${req.id}`, read: false } });
    expect(pushed[0]!.data.notification.title).toMatch(/^Disposisi baru: surat /);
    expect(pushed[0]!.data.notification.titleEn).toMatch(/^New disposition: letter /);
    expect(pushed[0]!.data.notification.body).toContain('Segera siapkan.');
    expect(penyusun.events.filter((e) => e.event === 'notification')).toHaveLength(0);
    kasubbag.close();
    penyusun.close();
  });
});

describe('the notifications API', () => {
  const attack = attacks('pemberitahuan orang lain');
  const serviceAttack = attacks('token layanan dan pemberitahuan');
  const LIST = 'query($first: Int!, $after: String, $unreadOnly: Boolean) { notifications(first: $first, after: $after, unreadOnly: $unreadOnly) { unreadCount edges { cursor node { id event title titleEn body link read } } pageInfo { hasNextPage endCursor } } }';

  it('lists with a cursor, counts unread, marks read one by one and all; only one’s own', async () => {
    const o = await setupOffice(t);
    for (let i = 0; i < 3; i++) {
      const req = await register(t, o);
      await t.gql('mutation($i: DisposeInput!) { disposeToKasubbag(input: $i) { id } }', { i: { requestId: req.id, instruction: `Surat ${i}` } }, o.tok.sekretaris);
    }
    await t.services.jobs.drain();
    const first = await t.gql(LIST, { first: 2 }, o.tok.kasubbag);
    expect(first.errors).toBeUndefined();
    expect(first.data.notifications.unreadCount).toBe(3);
    expect(first.data.notifications.edges).toHaveLength(2);
    expect(first.data.notifications.pageInfo.hasNextPage).toBe(true);
    const second = await t.gql(LIST, { first: 2, after: first.data.notifications.pageInfo.endCursor }, o.tok.kasubbag);
    expect(second.data.notifications.edges).toHaveLength(1);
    expect(second.data.notifications.pageInfo.hasNextPage).toBe(false);
    const ids = [...first.data.notifications.edges, ...second.data.notifications.edges].map((e: any) => e.node.id);
    expect(new Set(ids).size).toBe(3);
    // Newest first: the last disposition's instruction is on top.
    expect(first.data.notifications.edges[0].node.body).toContain('Surat 2');

    // Another person's ids change nothing.
    await attack('mark another user’s notification read', async () => {
      const r = await t.gql('mutation($ids: [UUID!]!) { markNotificationsRead(ids: $ids) }', { ids }, o.tok.penyusun);
      expect(r.data.markNotificationsRead).toBe(0);
      expect(await t.db.notification.count({ where: { id: { in: ids }, readAt: { not: null } } })).toBe(0);
    });
    await attack('read another user’s list', async () => {
      const r = await t.gql(LIST, { first: 10 }, o.tok.penyusun);
      expect(r.data.notifications.edges).toEqual([]);
    });
    await attack('a forged cursor', async () => {
      const r = await t.gql(LIST, { first: 2, after: Buffer.from(`2026-01-01T00:00:00.000Z|' OR 1=1 --`).toString('base64url') }, o.tok.kasubbag);
      expect(errorCode(r)).toBe('VALIDATION_FAILED');
    });

    expect((await t.gql('mutation($ids: [UUID!]!) { markNotificationsRead(ids: $ids) }', { ids: [ids[0]] }, o.tok.kasubbag)).data.markNotificationsRead).toBe(1);
    expect((await t.gql('{ unreadNotificationCount }', {}, o.tok.kasubbag)).data.unreadNotificationCount).toBe(2);
    const unread = await t.gql(LIST, { first: 10, unreadOnly: true }, o.tok.kasubbag);
    expect(unread.data.notifications.edges.map((e: any) => e.node.id).sort()).toEqual(ids.slice(1).sort());
    expect((await t.gql('mutation { markAllNotificationsRead }', {}, o.tok.kasubbag)).data.markAllNotificationsRead).toBe(2);
    expect((await t.gql('{ unreadNotificationCount }', {}, o.tok.kasubbag)).data.unreadNotificationCount).toBe(0);
  });

  it('machine clients receive no notifications: the queries, the mutations and the stream refuse a service token', async () => {
    const o = await setupOffice(t);
    const created = await t.gql('mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token } }', { i: { name: 'Bappeda', scopes: ['READ_REQUESTS', 'READ_PERFORMANCE', 'READ_ANALYSES'], expiresAt: new Date(Date.now() + 86_400_000).toISOString() } }, o.tok.admin);
    const token = created.data.createApiToken.token as string;
    const attack = serviceAttack;
    await attack('notifications query', async () => expect(errorCode(await t.gql(LIST, { first: 5 }, token))).toBe('FORBIDDEN'));
    await attack('unread count', async () => expect(errorCode(await t.gql('{ unreadNotificationCount }', {}, token))).toBe('FORBIDDEN'));
    await attack('preferences', async () => expect(errorCode(await t.gql('{ notificationPreferences { language } }', {}, token))).toBe('FORBIDDEN'));
    await attack('mark all read', async () => expect(errorCode(await t.gql('mutation { markAllNotificationsRead }', {}, token))).toBe('FORBIDDEN'));
    await attack('stream', async () => {
      const res = await fetch(`${t.url}/api/notifications/stream`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(403);
      await res.text();
    });
    await attack('stream without a token', async () => {
      const res = await fetch(`${t.url}/api/notifications/stream`);
      expect(res.status).toBe(401);
      await res.text();
    });
  });

  it('preferences: e-mail and phone are checked and audited; a new number is verified by a code over WhatsApp', async () => {
    const o = await setupOffice(t);
    const tok = o.tok.penyusun;
    const bad = await t.gql(SET_PREFS, { i: { email: 'bukan-email', phone: '021-5551234' } }, tok);
    expect(errorCode(bad)).toBe('VALIDATION_FAILED');
    expect(fieldsOf(bad)).toEqual([
      { field: 'email', message: 'Alamat e-mail tidak valid, mis. nama@dinas.go.id.' },
      { field: 'phone', message: 'Masukkan nomor HP (diawali 08 atau +628), bukan nomor telepon kantor.' },
    ]);
    const audits = () => t.db.auditEvent.findMany({ where: { entityId: o.users.penyusun.id, action: { startsWith: 'user.' } }, orderBy: { id: 'asc' } });
    expect(await audits()).toHaveLength(0);

    const ok = await t.gql(SET_PREFS, { i: { email: ' Penyusun@Dinas.Test ', phone: '0812-3456-7890', channels: [{ event: 'STEP_REMINDER', channels: ['WHATSAPP'] }] } }, tok);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.updateNotificationPreferences).toMatchObject({ email: 'penyusun@dinas.test', phone: '+6281234567890', phoneVerified: false });
    // WhatsApp chosen, but not reachable before verification: in-app only.
    expect(ok.data.updateNotificationPreferences.events.find((e: any) => e.event === 'STEP_REMINDER').channels).toEqual(['IN_APP']);
    expect((await audits()).map((a) => [a.action, (a.after as any).phone])).toEqual([['user.notification_preferences', '+6281234567890']]);

    expect((await t.gql('mutation { requestPhoneVerification }', {}, tok)).data.requestPhoneVerification).toBe(true);
    await t.services.jobs.drain();
    const sent = gateway.hits.filter((h) => h.path === '/wa' && h.body.to === '+6281234567890');
    expect(sent).toHaveLength(1);
    const code = /(\d{6})/.exec(String(sent[0]!.body.text))![1]!;
    const wrong = await t.gql('mutation($i: VerifyPhoneInput!) { verifyPhone(input: $i) { phoneVerified } }', { i: { code: code === '000000' ? '111111' : '000000' } }, tok);
    expect(errorCode(wrong)).toBe('VALIDATION_FAILED');
    const right = await t.gql('mutation($i: VerifyPhoneInput!) { verifyPhone(input: $i) { phoneVerified events { event channels } } }', { i: { code } }, tok);
    expect(right.data.verifyPhone.phoneVerified).toBe(true);
    expect(right.data.verifyPhone.events.find((e: any) => e.event === 'STEP_REMINDER').channels).toEqual(['IN_APP', 'WHATSAPP']);
    // The code works once.
    expect(errorCode(await t.gql('mutation($i: VerifyPhoneInput!) { verifyPhone(input: $i) { phoneVerified } }', { i: { code } }, tok))).toBe('VALIDATION_FAILED');
    // A new number must be verified again.
    const moved = await t.gql(SET_PREFS, { i: { phone: '+62 813 0000 1111' } }, tok);
    expect(moved.data.updateNotificationPreferences).toMatchObject({ phone: '+6281300001111', phoneVerified: false });
    expect((await audits()).map((a) => a.action)).toEqual(['user.notification_preferences', 'user.phone_verification_sent', 'user.phone_verified', 'user.notification_preferences']);
  });

  it('account events reach the person: password reset, lockout, a sign-in from a new device', async () => {
    const o = await setupOffice(t);
    const u = o.users.op2;
    // A new device: the factory's sign-in was from fetch's user agent; this one is a phone browser.
    const login = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Mozilla/5.0 (Linux; Android 14) Chrome/130 Mobile' },
      body: JSON.stringify({ query: 'mutation($i: LoginInput!) { login(input: $i) { token } }', variables: { i: { login: u.username, password: 'rahasia-uji-123' } } }),
    });
    expect(((await login.json()) as any).data.login.token).toBeTruthy();
    for (let i = 0; i < 5; i++) await t.gql('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { login: u.username, password: 'salah-sandi' } });
    await t.gql('mutation($id: UUID!) { resetUserPassword(id: $id) { temporaryPassword } }', { id: u.id }, o.tok.admin);
    await t.services.jobs.drain();
    const events = (await t.db.notification.findMany({ where: { userId: u.id }, orderBy: { createdAt: 'asc' } })).map((n) => n.event);
    expect(events).toEqual(['NEW_DEVICE', 'ACCOUNT_LOCKED', 'PASSWORD_RESET']);
  });
});

describe('gateway body template', () => {
  it.each([
    ['{"phone":"{{phone}}","message":"{{message}}"}', { phone: '+62812', message: 'a "quoted"\nline' }, { phone: '+62812', message: 'a "quoted"\nline' }],
    ['{"to":"{{phone}}","text":"{{message}}","x":"{{unknown}}"}', { phone: '+62812', message: '}"' }, { to: '+62812', text: '}"', x: '{{unknown}}' }],
  ])('%s', (template, values, expected) => {
    expect(JSON.parse(fillTemplate(template, values))).toEqual(expected);
  });
});
