/**
 * The demo office's recorded past: on the first start of `pnpm start` (an office without any
 * request yet), a year of data requests is replayed through the services with their own clock
 * (history.ts), all finished (signed by the Kepala Dinas):
 * - one request in each of the last twelve months (the quarterly capaian asked by
 *   Bappeda and the Inspektorat), most on time, some late (a slow disposition, a Bidang handing in
 *   after the two days, a returned hand-in, a returned report, a slow compilation);
 * - the annual request of last year and of the year before (Triwulan empty: "tahunan"), asked by
 *   Bappeda in January as the material of the LKjIP, with realisasi that differ from year to year
 *   and the Kasubbag's narratives per Bidang (what was achieved, obstacles, solutions).
 * The SOP monitoring page shows runs, medians, lateness and charts for both semesters; the LKjIP
 * chapter III of last year has this year's and last year's numbers. The services used here send
 * no notifications: nobody is told today about what happened months ago.
 */
import { addWorkingMinutes, nextWorkingStart, type RequestAction, type Role, type WorkCalendar } from '@sipedaki/sop';
import type { Actor } from '../auth/actor';
import { AnalysisService, type BidangNarrative } from '../analysis/analysis.service';
import { logger } from '../common/logger';
import { DataRequestService } from '../data-request/data-request.service';
import { TransitionService } from '../data-request/transition.service';
import type { Db } from '../db/prisma';
import { DEMO_OFFICE_CODE } from '../db/seed';
import type { Services } from '../services';
import { SubmissionService } from '../submission/submission.service';
import { replayRequest, type HistoryEvent, type HistoryLetter, type HistoryServices } from './history';

const actorOf = (u: { id: string; officeId: string; name: string; roles: Role[]; bidangId: string | null }): Actor => ({
  userId: u.id, officeId: u.officeId, name: u.name, roles: u.roles, bidangIds: u.bidangId ? [u.bidangId] : [], sessionId: 'demo-history', kind: 'user', scopes: [],
});

/**
 * The annual realisasi of the demo indicators (seed.ts), by how many years before the current one:
 * 2 = the year before last, 1 = last year. Chosen so that the LKjIP shows progress between the
 * two years and every category from Sangat Baik to Cukup; whole numbers for the counts.
 */
export const DEMO_ANNUAL_REALISASI: Record<string, Record<1 | 2, number>> = {
  'IKU-01': { 2: 88.64, 1: 94.32 },
  'IKU-02': { 2: 61.36, 1: 72.73 },
  'IKU-03': { 2: 80.15, 1: 86.4 },
  'IKU-04': { 2: 198, 1: 241 },
  'IKU-05': { 2: 90.53, 1: 97.35 },
  'IKU-06': { 2: 27, 1: 23 },
  'IKU-07': { 2: 41, 1: 52 },
  'IKU-08': { 2: 17.8, 1: 24.6 },
};

/** The Kasubbag's narrative per Bidang (by code) of an annual analysis, by years before the current one. */
const ANNUAL_NARRATIVES: Record<string, Record<1 | 2, Omit<BidangNarrative, 'bidangId'>>> = {
  PEMDES: {
    2: {
      achievements: 'Sebagian besar desa menetapkan APBDes tepat waktu setelah pendampingan penyusunan RKPDes.',
      obstacles: 'Pemutakhiran Profil Desa tertinggal karena operator desa berganti dan aplikasi Prodeskel belum dikuasai.',
      solutions: 'Bimbingan teknis Prodeskel per kecamatan dan surat edaran batas waktu pemutakhiran.',
    },
    1: {
      achievements: 'Penetapan APBDes tepat waktu naik menjadi 94,32 % berkat klinik APBDes di setiap kecamatan.',
      obstacles: 'Profil Desa mutakhir baru 72,73 %: 72 desa belum memperbarui data karena keterbatasan jaringan internet.',
      solutions: 'Pendampingan luring oleh pendamping desa dan pengisian Profil Desa terjadwal di kantor kecamatan.',
    },
  },
  KELEMBAGAAN: {
    2: {
      achievements: 'Lembaga kemasyarakatan desa yang aktif bertambah setelah revitalisasi Posyandu dan karang taruna.',
      obstacles: 'Pelatihan kader pemberdayaan terbatas oleh anggaran; sebagian kader pindah tugas.',
      solutions: 'Pelatihan kader bersama Dana Desa dan pendataan ulang kader aktif.',
    },
    1: {
      achievements: 'LKD aktif 86,4 %, melampaui target; 241 kader pemberdayaan terlatih.',
      obstacles: 'Kader di 23 desa belum mengikuti pelatihan karena jadwal bersamaan dengan musim tanam.',
      solutions: 'Pelatihan dipecah per zona kecamatan dengan jadwal di luar musim tanam.',
    },
  },
  KEUDES: {
    2: {
      achievements: 'Penyampaian LPJ Dana Desa tepat waktu mencapai 90,53 %.',
      obstacles: 'Temuan pemeriksaan keuangan desa masih 27 temuan, terutama kelengkapan bukti pertanggungjawaban.',
      solutions: 'Asistensi Siskeudes dan pemeriksaan silang bukti sebelum pencairan tahap berikutnya.',
    },
    1: {
      achievements: 'LPJ Dana Desa tepat waktu 97,35 %; temuan turun dari 27 menjadi 23.',
      obstacles: 'Temuan berulang pada pajak yang belum disetor dan aset desa yang belum dicatat.',
      solutions: 'Rekonsiliasi pajak triwulanan dengan KPP Pratama dan inventarisasi aset desa bersama kecamatan.',
    },
  },
  EKONOMI: {
    2: {
      achievements: '41 BUMDes berkategori berkembang atau maju.',
      obstacles: 'Penyerapan Dana Desa untuk pemberdayaan ekonomi 17,8 %, di bawah rentang target 20–30 %.',
      solutions: 'Klinik usaha BUMDes dan pemetaan potensi ekonomi desa.',
    },
    1: {
      achievements: 'BUMDes berkembang atau maju naik menjadi 52 unit; penyerapan Dana Desa untuk ekonomi 24,6 %, dalam rentang target.',
      obstacles: 'Sebagian BUMDes belum memiliki laporan keuangan yang tertib sehingga sulit naik kelas.',
      solutions: 'Pendampingan pembukuan BUMDes dan kemitraan dengan perbankan daerah.',
    },
  },
};

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

  const cal = await services.calendars.forOffice(office.id);
  const localYear = (d: Date) => new Date(d.getTime() + cal.utcOffsetMinutes * 60_000).getUTCFullYear();
  const thisYear = localYear(now);
  const requests = new DataRequestService(db, services.calendars, services.indicators);
  const transitions = new TransitionService(db, services.calendars);
  const analyses = new AnalysisService(db, services.scales, services.requests, services.completeness, deviationPct);
  const yearsBack = (year: number) => thisYear - year;
  // Quiet services: the same rules, no notification sink. An annual request gets its year's
  // realisasi once the format is sent, and its analysis the narratives per Bidang of its year.
  const quiet: HistoryServices = {
    requests,
    submissions: new SubmissionService(db, services.scales),
    transitions: {
      transition: async (...args: Parameters<TransitionService['transition']>) => {
        const done = await transitions.transition(...args);
        if (args[2] === 'SEND_FORMAT') await fillAnnualValues(db, args[1], yearsBack);
        return done;
      },
    },
    analyses: {
      save: async (actor, requestId, narrative, at) => {
        const r = await db.dataRequest.findUniqueOrThrow({ where: { id: requestId } });
        const back = yearsBack(r.year);
        const annual = r.triwulan === null && (back === 1 || back === 2);
        const narratives = annual
          ? bidang.flatMap((b) => {
              const n = ANNUAL_NARRATIVES[b.code]?.[back as 1 | 2];
              return n ? [{ bidangId: b.id, ...n }] : [];
            })
          : null;
        const text = annual
          ? `Capaian kinerja tahun ${r.year} dihimpun dari keempat Bidang. Sebagian besar indikator mencapai kategori Baik atau Sangat Baik; ` +
            'kendala utama pada pemutakhiran data desa dan ketertiban administrasi keuangan desa.'
          : narrative;
        return analyses.save(actor, requestId, text, at, narratives);
      },
    },
  };
  const cast = { sekretaris: actorOf(sek), kasubbag: actorOf(kas), penyusun: actorOf(pen), ...(kepala ? { kepala: actorOf(kepala) } : {}) };
  const ops = operators.map((o) => actorOf(o!));

  // The year's requests, one in each of the twelve months before this one (between the 4th and
  // the 21st), each reporting on the quarter before; and the annual requests of the two last
  // years, in the January after each.
  type Planned = { opening: Date; letter: Omit<HistoryLetter, 'registeredAt' | 'letterNumber'>; script: number };
  const planned: Planned[] = [];
  const nowLocal = new Date(now.getTime() + cal.utcOffsetMinutes * 60_000);
  for (let i = 0; i < 12; i++) {
    const day = Date.UTC(nowLocal.getUTCFullYear(), nowLocal.getUTCMonth() - 12 + i, 4 + ((i * 7) % 18), 8);
    const start = nextWorkingStart(cal, new Date(day - cal.utcOffsetMinutes * 60_000));
    const opening = addWorkingMinutes(cal, start, 30 + ((i * 37) % 120));
    const local = new Date(opening.getTime() + cal.utcOffsetMinutes * 60_000);
    const year = local.getUTCFullYear();
    const quarter = Math.floor(local.getUTCMonth() / 3);
    planned.push({
      opening,
      script: i,
      letter: {
        year: quarter === 0 ? year - 1 : year,
        triwulan: quarter === 0 ? 4 : quarter,
        letterDate: local.toISOString().slice(0, 10),
        sender: i % 2 ? 'Inspektorat Kabupaten Nganjuk' : 'Bappeda Kabupaten Nganjuk',
        subject: 'Permintaan data dan informasi kinerja',
      },
    });
  }
  for (const year of [thisYear - 2, thisYear - 1]) {
    // 14 January (local) of the next year, 09:00 at the earliest.
    const opening = addWorkingMinutes(cal, nextWorkingStart(cal, new Date(Date.UTC(year + 1, 0, 14, 9) - cal.utcOffsetMinutes * 60_000)), 60);
    const local = new Date(opening.getTime() + cal.utcOffsetMinutes * 60_000);
    planned.push({
      opening,
      script: 0, // on time throughout
      letter: {
        year,
        triwulan: null,
        letterDate: local.toISOString().slice(0, 10),
        sender: 'Bappeda Kabupaten Nganjuk',
        subject: `Permintaan data capaian kinerja tahunan ${year} sebagai bahan penyusunan LKjIP`,
      },
    });
  }
  planned.sort((x, y) => x.opening.getTime() - y.opening.getTime());

  let replayed = 0;
  // The history is of the months before the Kepala Bidang's sign-off (issue 11) was switched on:
  // operators handed in straight to the secretariat. The office's setting comes back afterwards.
  const signOff = office.requireHeadApproval;
  if (signOff) await db.office.update({ where: { id: office.id }, data: { requireHeadApproval: false } });
  try {
    for (const p of planned) {
      const script = scriptOf(p.script, cal, p.opening, ops.length);
      if (script.at(-1)!.at.getTime() >= now.getTime()) continue;
      const n = 101 + replayed;
      const letterNumber = `050/${String(n).padStart(3, '0')}/411.${100 + replayed}/${localYear(p.opening)}`;
      await replayRequest(db, quiet, cast, ops, { ...p.letter, letterNumber, registeredAt: p.opening }, script);
      replayed++;
    }
  } finally {
    if (signOff) await db.office.update({ where: { id: office.id }, data: { requireHeadApproval: true } });
  }
  logger.info({ requests: replayed }, 'riwayat demo: permintaan data lampau diputar ulang');
  return replayed;
}

/**
 * The realisasi of an annual request of the two last years, written before the first hand-in
 * (replayRequest then leaves them as they are). Other requests keep replayRequest's values.
 */
async function fillAnnualValues(db: Db, requestId: string, yearsBack: (year: number) => number) {
  const r = await db.dataRequest.findUniqueOrThrow({
    where: { id: requestId },
    include: { submissions: { include: { _count: { select: { values: true } } } }, indicators: { include: { indicator: true } } },
  });
  const back = yearsBack(r.year);
  if (r.triwulan !== null || (back !== 1 && back !== 2)) return;
  for (const s of r.submissions) {
    if (s._count.values) continue;
    const data = r.indicators.flatMap(({ indicator: i }) => {
      const v = DEMO_ANNUAL_REALISASI[i.code]?.[back];
      return i.bidangId === s.bidangId && v !== undefined ? [{ submissionId: s.id, indicatorId: i.id, realisasi: v }] : [];
    });
    await db.submissionValue.createMany({ data });
  }
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
