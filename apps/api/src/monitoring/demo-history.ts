/**
 * The demo office's recorded past: on the first start of `pnpm start` (an office without any
 * request yet), about ten data requests of the last six months are replayed through the services
 * with their own clock (history.ts), all finished, most on time, some late (a slow disposition,
 * a Bidang handing in after the two days, a returned hand-in, a returned report). The monitoring
 * page then shows runs, medians, lateness and charts at once. The services used here send no
 * notifications: nobody is told today about what happened months ago.
 */
import { addWorkingMinutes, nextWorkingStart, type RequestAction, type Role, type WorkCalendar } from '@sipedaki/sop';
import type { Actor } from '../auth/actor';
import { AnalysisService } from '../analysis/analysis.service';
import { logger } from '../common/logger';
import { DataRequestService } from '../data-request/data-request.service';
import { TransitionService } from '../data-request/transition.service';
import type { Db } from '../db/prisma';
import { DEMO_OFFICE_CODE } from '../db/seed';
import type { Services } from '../services';
import { SubmissionService } from '../submission/submission.service';
import { replayRequest, type HistoryEvent } from './history';

const DAY = 86_400_000;

const actorOf = (u: { id: string; officeId: string; name: string; roles: Role[]; bidangId: string | null }): Actor => ({
  userId: u.id, officeId: u.officeId, name: u.name, roles: u.roles, bidangIds: u.bidangId ? [u.bidangId] : [], sessionId: 'demo-history', kind: 'user', scopes: [],
});

/** Returns the number of requests replayed (0 when the office already has requests). */
export async function seedDemoHistory(db: Db, services: Services, deviationPct: number, now = new Date(), officeCode = DEMO_OFFICE_CODE): Promise<number> {
  const office = await db.office.findUnique({ where: { code: officeCode } });
  if (!office || (await db.dataRequest.count({ where: { officeId: office.id } })) > 0) return 0;
  const users = await db.user.findMany({ where: { officeId: office.id, active: true }, orderBy: { username: 'asc' } });
  const one = (role: Role) => users.find((u) => u.roles.includes(role));
  const [sek, kas, pen, kepala] = [one('SEKRETARIS'), one('KASUBBAG'), one('PENYUSUN'), one('KEPALA_DINAS')];
  const bidang = await db.bidang.findMany({ where: { officeId: office.id, active: true }, orderBy: { sortOrder: 'asc' } });
  const operators = bidang.map((b) => users.find((u) => u.roles.includes('BIDANG_OPERATOR') && u.bidangId === b.id));
  if (!sek || !kas || !pen || operators.some((o) => !o)) return 0;

  // Quiet services: the same rules, no notification sink.
  const quiet = {
    requests: new DataRequestService(db, services.calendars, services.indicators),
    transitions: new TransitionService(db, services.calendars),
    submissions: new SubmissionService(db, services.scales),
    analyses: new AnalysisService(db, services.scales, services.requests, services.completeness, deviationPct),
  };
  const cal = await services.calendars.forOffice(office.id);
  const cast = { sekretaris: actorOf(sek), kasubbag: actorOf(kas), penyusun: actorOf(pen), ...(kepala ? { kepala: actorOf(kepala) } : {}) };
  const ops = operators.map((o) => actorOf(o!));

  const count = 10;
  let replayed = 0;
  // The history is of the months before the Kepala Bidang's sign-off (issue 11) was switched on:
  // operators handed in straight to the secretariat. The office's setting comes back afterwards.
  const signOff = office.requireHeadApproval;
  if (signOff) await db.office.update({ where: { id: office.id }, data: { requireHeadApproval: false } });
  try {
    for (let i = 0; i < count; i++) {
      // Every ~17 days from about six months ago; each request is finished well before now.
      const start = nextWorkingStart(cal, new Date(now.getTime() - (180 - i * 17) * DAY));
      const opening = addWorkingMinutes(cal, start, 30 + ((i * 37) % 120));
      const script = scriptOf(i, cal, opening, ops.length);
      if (script.at(-1)!.at.getTime() >= now.getTime()) break;
      const local = new Date(opening.getTime() + cal.utcOffsetMinutes * 60_000);
      const year = local.getUTCFullYear();
      const quarter = Math.floor(local.getUTCMonth() / 3); // report on the quarter before
      await replayRequest(db, quiet, cast, ops, {
        year: quarter === 0 ? year - 1 : year,
        triwulan: quarter === 0 ? 4 : quarter,
        letterNumber: `050/${String(101 + i).padStart(3, '0')}/411.${100 + i}/${year}`,
        letterDate: local.toISOString().slice(0, 10),
        sender: i % 2 ? 'Inspektorat Kabupaten Nganjuk' : 'Bappeda Kabupaten Nganjuk',
        subject: 'Permintaan data dan informasi kinerja',
        registeredAt: opening,
      }, script);
      replayed++;
    }
  } finally {
    if (signOff) await db.office.update({ where: { id: office.id }, data: { requireHeadApproval: true } });
  }
  logger.info({ requests: replayed }, 'riwayat demo: permintaan data lampau diputar ulang');
  return replayed;
}

/**
 * One request's moments, in working minutes from its registration. Mostly on time; request 1
 * and 5 have a slow first disposition, 2 and 7 a Bidang handing in after the two days, 3 a
 * returned hand-in, 6 a returned report, 8 a slow compilation.
 */
function scriptOf(i: number, cal: WorkCalendar, t0: Date, bidang: number): HistoryEvent[] {
  let t = t0;
  const after = (minutes: number) => (t = addWorkingMinutes(cal, t, minutes));
  const step = (minutes: number, what: RequestAction, extra: Partial<HistoryEvent> = {}) => ({ at: after(minutes), do: what, ...extra }) as HistoryEvent;
  const events: HistoryEvent[] = [
    step(i === 1 || i === 5 ? 25 + i : 2 + (i % 3), 'DISPOSE_TO_KASUBBAG', { note: 'Segera tindak lanjuti.' }),
    step(3 + (i % 2), 'DISPOSE_TO_STAFF', { note: 'Siapkan dan kirim format kepada semua Bidang.' }),
    step(i === 4 ? 24 : 6 + (i % 4), 'SEND_FORMAT'),
  ];
  const collectStart = t;
  let last = t;
  for (let b = 0; b < bidang; b++) {
    const late = (i === 2 || i === 7) && b === bidang - 1;
    const submitAt = addWorkingMinutes(cal, collectStart, late ? 1080 + b * 30 : 120 + b * 140 + (i % 5) * 20);
    events.push({ at: submitAt, do: 'SUBMIT', bidang: b });
    let acceptAt = addWorkingMinutes(cal, submitAt, 45);
    if (i === 3 && b === 0) {
      const back = addWorkingMinutes(cal, submitAt, 30);
      events.push({ at: back, do: 'RETURN', bidang: b, reason: 'Lampiran TL HP belum lengkap; mohon dilengkapi.' });
      const again = addWorkingMinutes(cal, back, 150);
      events.push({ at: again, do: 'SUBMIT', bidang: b });
      acceptAt = addWorkingMinutes(cal, again, 40);
    }
    events.push({ at: acceptAt, do: 'ACCEPT', bidang: b });
    if (acceptAt > last) last = acceptAt;
  }
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  t = last;
  events.push(step(20, 'FORWARD_COLLECTION'));
  events.push(step(i === 8 ? 560 : 200 + (i % 3) * 40, 'COMPILE'));
  events.push({ at: after(180), do: 'ANALYSE' });
  events.push(step(60, 'SUBMIT_REPORT'));
  if (i === 6) {
    events.push(step(15, 'RETURN_REPORT', { note: 'Lengkapi narasi kendala dan solusi per Bidang.' }));
    events.push(step(150, 'SUBMIT_REPORT'));
  }
  events.push(step(i === 6 ? 4 : 5 + (i % 4), 'RAISE_TO_KEPALA'));
  // The Kepala Dinas signs within the morning: the past requests are finished (DONE), not waiting.
  events.push(step(60 + (i % 3) * 30, 'ACKNOWLEDGE'));
  return events;
}
