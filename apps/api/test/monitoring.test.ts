/**
 * Issue 14 §1: monitoring and evaluating the SOP itself. Three requests of Semester I 2026 are
 * replayed through the real services with the clock passed in (an on-time run, a late one with a
 * returned submission, a late Bidang and a returned report, and one still open), plus one of
 * July that must not count. Every number of the form is recomputed here by hand from those
 * times (office hours Mon–Fri 08:00–16:00 WIB). Then: saving, refusals that change nothing, the
 * paraf that freezes the facts, the XLSX and the PDF (rendered to PNG for people to look at).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Actor } from '../src/auth/actor';
import { seedReference } from '../src/db/seed';
import { type HistoryEvent, replayRequest } from '../src/monitoring/history';
import { actorOf, makeOfficeWithStaff } from './factories';
import { servicesOnTestDb } from './services';

const RESULTS = path.resolve(__dirname, '../test-results/monitoring');
const { db, services } = servicesOnTestDb('monitoring', { PUBLIC_BASE_URL: 'https://sipedaki.test.go.id' });

const wib = (local: string) => new Date(`${local}:00+07:00`);

type Staff = Awaited<ReturnType<typeof makeOfficeWithStaff>>;
let o: Staff;
let kasubbag: Actor;
let sekretaris: Actor;
let requestB: string;
const S1 = { year: 2026, semester: 1 as const };
const NOW = wib('2026-03-02T10:00');

async function replay(letterNumber: string, registeredAt: string, events: [string, HistoryEvent['do'], Record<string, unknown>?][]) {
  const cast = { sekretaris, kasubbag, penyusun: actorOf(o.users.penyusun) };
  return replayRequest(db, services, cast, [actorOf(o.users.op1), actorOf(o.users.op2)], {
    year: 2026, triwulan: 1, letterNumber, letterDate: registeredAt.slice(0, 10), sender: 'Bappeda', subject: 'Data kinerja', registeredAt: wib(registeredAt),
  }, events.map(([at, what, extra]) => ({ at: wib(at), do: what, ...extra }) as HistoryEvent));
}

beforeAll(async () => {
  fs.rmSync(RESULTS, { recursive: true, force: true });
  await seedReference(db); // the 2026 national holidays
  o = await makeOfficeWithStaff(db, { allDay: false }); // Mon–Fri 08:00–16:00 WIB
  await db.user.update({ where: { id: o.users.kasubbag.id }, data: { name: 'Agus Priyanto, S.E.', jabatan: 'Kepala Sub Bagian Program dan Evaluasi' } });
  await db.user.update({ where: { id: o.users.sekretaris.id }, data: { name: 'Sri Wahyuni, S.Sos., M.M.' } });
  kasubbag = actorOf({ ...o.users.kasubbag, name: 'Agus Priyanto, S.E.' });
  sekretaris = actorOf(o.users.sekretaris);

  // A — January, every step on time.
  await replay('A/2026', '2026-01-05T09:00', [
    ['2026-01-05T09:03', 'DISPOSE_TO_KASUBBAG'], // 3 min
    ['2026-01-05T09:07', 'DISPOSE_TO_STAFF'], // 4 min
    ['2026-01-05T09:15', 'SEND_FORMAT'], // 8 min; step 4 due Wed 7 Jan 09:15
    ['2026-01-05T14:00', 'SUBMIT', { bidang: 0 }],
    ['2026-01-06T10:00', 'SUBMIT', { bidang: 1 }],
    ['2026-01-06T10:30', 'ACCEPT', { bidang: 0 }],
    ['2026-01-06T10:30', 'ACCEPT', { bidang: 1 }],
    ['2026-01-06T11:00', 'FORWARD_COLLECTION'], // 405 + 180 = 585 min
    ['2026-01-06T14:00', 'COMPILE'], // 180 min
    ['2026-01-06T15:00', 'ANALYSE'],
    ['2026-01-07T09:00', 'SUBMIT_REPORT'], // 120 + 60 = 180 min
    ['2026-01-07T09:08', 'RAISE_TO_KEPALA'], // 8 min
  ]);
  // B — February: late dispositions, a returned hand-in, a late Bidang, a returned report.
  requestB = await replay('B/2026', '2026-02-02T08:00', [
    ['2026-02-02T08:20', 'DISPOSE_TO_KASUBBAG'], // 20 min, 15 past due
    ['2026-02-02T08:24', 'DISPOSE_TO_STAFF'], // 4 min
    ['2026-02-02T09:00', 'SEND_FORMAT', { by: 'kasubbag' }], // 36 min, 26 past due, the Kasubbag covering
    ['2026-02-02T15:00', 'SUBMIT', { bidang: 0 }],
    ['2026-02-03T09:00', 'RETURN', { bidang: 0, reason: 'Lampiran LHP belum lengkap.' }],
    ['2026-02-03T10:00', 'SUBMIT', { bidang: 0 }],
    ['2026-02-03T10:30', 'ACCEPT', { bidang: 0 }],
    ['2026-02-05T09:00', 'SUBMIT', { bidang: 1 }], // first hand-in after Wed 4 Feb 09:00: late
    ['2026-02-05T09:30', 'ACCEPT', { bidang: 1 }],
    ['2026-02-05T10:00', 'FORWARD_COLLECTION'], // 420 + 480 + 480 + 120 = 1500 min, 420 + 120 = 540 past due
    ['2026-02-05T15:00', 'COMPILE'], // 300 min
    ['2026-02-06T09:00', 'ANALYSE'],
    ['2026-02-06T10:00', 'SUBMIT_REPORT'], // 60 + 120 = 180 min
    ['2026-02-06T10:30', 'RETURN_REPORT', { note: 'Narasi kendala belum ada.' }], // step 7: 30 min, 20 past due
    ['2026-02-09T09:00', 'SUBMIT_REPORT'], // step 6 again: 330 + 60 = 390 min, on time
    ['2026-02-09T09:05', 'RAISE_TO_KEPALA'], // step 7 again: 5 min
  ]);
  // C — March, still at step 2 (due 09:07) at NOW = 10:00: open and overdue.
  await replay('C/2026', '2026-03-02T09:00', [['2026-03-02T09:02', 'DISPOSE_TO_KASUBBAG']]); // 2 min
  // D — July: another semester.
  await replay('D/2026', '2026-07-06T09:00', [['2026-07-06T09:30', 'DISPOSE_TO_KASUBBAG']]);
});

/**
 * Before "rounds" (issue 11 §1) a returned report's new round overwrites its step's row; after,
 * each round is a row of its own, and each row is one run. Both are held to their hand-worked
 * numbers: the rows in the database say which applies.
 */
async function keepsRounds() {
  return (await db.requestStep.count({ where: { requestId: requestB, step: 7 } })) > 1;
}

describe('the facts of Semester I 2026, recomputed by hand', () => {
  it('per step: runs, standard, median, p90, lateness and by whom', async () => {
    const v = await services.monitoring.view(kasubbag, S1, NOW);
    const f = v.facts;
    expect([f.label, f.requestCount, f.reportReturns, v.frozen, v.version, v.editable]).toEqual(['Semester I 2026', 3, 1, false, 0, true]);
    const pick = (n: number) => {
      const s = f.steps[n - 1]!;
      return [s.runs, s.standardMinutes, s.medianMinutes, s.p90Minutes, s.late, s.lateSharePercent, s.lateMedianMinutes, s.lateMaxMinutes, s.lateByRole.map((x) => `${x.role}:${x.count}`).join(','), s.open, s.openOverdue];
    };
    // runs, standard, median, p90, late, late %, late median, late max, by role, open, open overdue
    expect(pick(1)).toEqual([3, 5, 3, 16.6, 1, 33.3, 15, 15, 'SEKRETARIS:1', 0, 0]); // [2, 3, 20]; p90 rank 1.8 → 3 + 0.8 × 17
    expect(pick(2)).toEqual([2, 5, 4, 4, 0, 0, null, null, '', 1, 1]);
    expect(pick(3)).toEqual([2, 10, 22, 33.2, 1, 50, 26, 26, 'KASUBBAG:1', 0, 0]); // [8, 36]
    expect(pick(4)).toEqual([2, 960, 1042.5, 1408.5, 1, 50, 540, 540, 'PENYUSUN:1', 0, 0]); // [585, 1500]
    expect(pick(5)).toEqual([2, 480, 240, 288, 0, 0, null, null, '', 0, 0]); // [180, 300]
    if (await keepsRounds()) {
      expect(pick(6)).toEqual([3, 480, 180, 348, 0, 0, null, null, '', 0, 0]); // [180, 180, 390]
      expect(pick(7)).toEqual([3, 10, 8, 25.6, 1, 33.3, 20, 20, 'SEKRETARIS:1', 0, 0]); // [5, 8, 30]
    } else {
      expect(pick(6)).toEqual([2, 480, 285, 369, 0, 0, null, null, '', 0, 0]); // [180, 390]
      expect(pick(7)).toEqual([2, 10, 6.5, 7.7, 0, 0, null, null, '', 0, 0]); // [8, 5]
    }
    expect(f.steps[0]!.monthly.map((m) => [m.month, m.runs, m.medianMinutes])).toEqual([
      ['2026-01', 1, 3], ['2026-02', 1, 20], ['2026-03', 1, 2], ['2026-04', 0, null], ['2026-05', 0, null], ['2026-06', 0, null],
    ]);
    expect(f.steps[3]!.monthly.slice(0, 2).map((m) => m.medianMinutes)).toEqual([585, 1500]);
    expect(f.steps[0]!.facts).toBe(
      'Standar 5 menit. Dilaksanakan 3 kali; median 3 menit, persentil 90 17 menit. Terlambat 1 kali (33,3%), median 15 menit, paling lama 15 menit lewat batas; oleh Sekretaris Dinas 1 kali.',
    );
  });

  it('per Bidang: formats, hand-ins, late first hand-ins and returns', async () => {
    const f = (await services.monitoring.view(kasubbag, S1, NOW)).facts;
    const of = (id: string) => f.bidang.filter((b) => b.bidangId === id).map((b) => [b.requests, b.handedIn, b.late, b.returns]);
    expect([f.bidang.length, of(o.bidang[0].id), of(o.bidang[1].id)]).toEqual([2, [[2, 2, 0, 1]], [[2, 2, 1, 0]]]);
  });

  it('the other semester holds only July’s request', async () => {
    const f = (await services.monitoring.view(kasubbag, { year: 2026, semester: 2 }, wib('2026-07-06T10:00'))).facts;
    expect([f.requestCount, f.steps[0]!.runs, f.steps[0]!.medianMinutes, f.steps[0]!.late, f.steps[1]!.open]).toEqual([1, 1, 30, 1, 1]);
  });
});

const ROWS = [1, 2, 3, 4, 5, 6, 7].map((step) => ({
  step,
  assessment: step === 4 ? ('NOT_RUNNING_WELL' as const) : ('RUNS_WELL' as const),
  note: step === 4 ? 'Satu Bidang terlambat menyerahkan data; satu kiriman dikembalikan.' : null,
  action: step === 4 ? 'Pengingat kepada Bidang pada hari pertama; format diisi bersama operator.' : null,
}));
const YES = [1, 2, 3, 4, 5, 6, 7].map((no) => ({ no, answer: no !== 3 }));

async function snapshot() {
  const [rows, audits] = await Promise.all([
    db.sopMonitoring.findMany({ where: { officeId: o.office.id } }),
    db.auditEvent.count({ where: { officeId: o.office.id, entityType: 'SopMonitoring' } }),
  ]);
  return JSON.stringify({ rows, audits });
}

describe('the form: save, refusals, paraf', () => {
  it('refuses the Sekretaris (read-only), a stale version and a paraf of an incomplete form, changing nothing', async () => {
    const before = await snapshot();
    await expect(services.monitoring.save(sekretaris, { ...S1, expectedVersion: 0, rows: ROWS, answers: YES }, NOW)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(services.monitoring.save(kasubbag, { ...S1, expectedVersion: 3, rows: ROWS, answers: YES }, NOW)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(services.monitoring.sign(kasubbag, { ...S1, expectedVersion: 1 }, NOW)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(services.monitoring.save(kasubbag, { ...S1, expectedVersion: 0, rows: [{ step: 9, assessment: null, note: null, action: null }], answers: [] }, NOW)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await snapshot()).toBe(before);
    // The Sekretaris reads it.
    expect((await services.monitoring.view(sekretaris, S1, NOW)).editable).toBe(false);
  });

  it('a draft saves with judgements missing; the paraf names what is missing and changes nothing', async () => {
    const draft = ROWS.map((r) => (r.step === 4 ? { ...r, action: null } : r));
    const v1 = await services.monitoring.save(kasubbag, { ...S1, expectedVersion: 0, rows: draft, answers: YES.slice(0, 6) }, NOW);
    expect(v1.version).toBe(1);
    expect(v1.missing.map((m) => m.field)).toEqual(['rows.4.action', 'answers.7']);
    const before = await snapshot();
    const refused = await services.monitoring.sign(kasubbag, { ...S1, expectedVersion: 1 }, NOW).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(JSON.stringify((refused as { details?: unknown }).details)).toContain('rows.4.action');
    expect(await snapshot()).toBe(before);
    expect(await db.auditEvent.count({ where: { officeId: o.office.id, entityType: 'SopMonitoring', action: 'sop_monitoring.saved' } })).toBe(1);
  });

  it('the paraf freezes the facts; later runs do not change the signed form; it cannot be changed', async () => {
    const v2 = await services.monitoring.save(kasubbag, { ...S1, expectedVersion: 1, rows: ROWS, answers: YES }, NOW);
    expect(v2.missing).toEqual([]);
    const signed = await services.monitoring.sign(kasubbag, { ...S1, expectedVersion: 2 }, NOW);
    expect([signed.frozen, signed.version, signed.editable, signed.evaluatorName, signed.signedAt?.toISOString()]).toEqual([true, 3, false, 'Agus Priyanto, S.E.', NOW.toISOString()]);
    const row = await db.sopMonitoring.findFirstOrThrow({ where: { officeId: o.office.id } });
    expect([row.evaluatorId, row.evaluatorRole]).toEqual([o.users.kasubbag.id, 'KASUBBAG']);
    expect(await db.auditEvent.findFirst({ where: { entityId: row.id, action: 'sop_monitoring.signed' } })).toMatchObject({ actorId: o.users.kasubbag.id });

    // Request C's step 2 is completed afterwards: the live facts move, the signed form does not.
    const c = await db.dataRequest.findFirstOrThrow({ where: { officeId: o.office.id, letterNumber: 'C/2026' } });
    await services.transitions.transition(kasubbag, c.id, 'DISPOSE_TO_STAFF', { instruction: 'Siapkan format data.' }, wib('2026-03-02T11:00'));
    expect((await services.monitoring.facts(o.office.id, S1, wib('2026-03-02T11:00'))).steps[1]!.runs).toBe(3);
    const later = await services.monitoring.view(sekretaris, S1, wib('2026-03-02T11:00'));
    expect([later.facts.steps[1]!.runs, later.facts.steps[1]!.open]).toEqual([2, 1]);

    const before = await snapshot();
    await expect(services.monitoring.save(kasubbag, { ...S1, expectedVersion: 3, rows: ROWS, answers: YES }, NOW)).rejects.toMatchObject({ code: 'NOT_EDITABLE' });
    await expect(services.monitoring.sign(kasubbag, { ...S1, expectedVersion: 3 }, NOW)).rejects.toMatchObject({ code: 'NOT_EDITABLE' });
    expect(await snapshot()).toBe(before);
  });
});

const run = (script: string, args: string[], input: Buffer) =>
  new Promise<string>((resolve, reject) => {
    const child = execFile(process.execPath, [path.join(__dirname, script), ...args], { maxBuffer: 20 * 1024 * 1024 }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
    child.stdin!.end(input);
  });

describe('printed and exported', () => {
  it('XLSX: the form, the numbers per step and month, Bidang and the evaluation', async () => {
    const f = await services.monitoringPrint.xlsx(sekretaris, S1, NOW);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(f.bytes as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Monitoring', 'Waktu per langkah', 'Per bulan', 'Pelaksanaan', 'Bidang', 'Evaluasi']);
    // Every run behind the numbers: step 4's two rows give back its median and its lateness.
    const runs = wb.getWorksheet('Pelaksanaan')!;
    const step4: unknown[][] = [];
    runs.eachRow((row, n) => {
      if (n > 3 && row.getCell(2).value === 4) step4.push([row.getCell(1).value, row.getCell(6).value, row.getCell(7).value, row.getCell(8).value]);
    });
    expect(step4).toEqual([['A/2026', 585, 0, 'Penyusun Bahan Evaluasi, Rencana, Program dan Laporan'], ['B/2026', 1500, 540, 'Penyusun Bahan Evaluasi, Rencana, Program dan Laporan']]);
    const steps = wb.getWorksheet('Waktu per langkah')!;
    const header = steps.getRow(3).values as unknown[];
    expect(header.slice(1, 6)).toEqual(['Langkah', 'Standar (menit)', 'Selesai', 'Median', 'Persentil 90']);
    expect((steps.getRow(7).values as unknown[]).slice(1, 9)).toEqual([4, 960, 2, 1042.5, 1408.5, 1, 50, 540]);
    const form = wb.getWorksheet('Monitoring')!;
    expect(form.getRow(9).getCell(1).value).toBe(4);
    expect(form.getRow(9).getCell(4).value).toBe('Tidak berjalan dengan baik');
    expect(form.getRow(9).getCell(7).value).toBe('AP');
    expect((wb.getWorksheet('Evaluasi')!.getRow(4).values as unknown[]).slice(1)).toEqual([3, 'Mudah dilaksanakan', 'Tidak']);
  });

  it('PDF: issued once per content with a verification code, its text and pages rendered to PNG', async () => {
    const first = await services.monitoringPrint.pdf(kasubbag, S1, 'https://sipedaki.test.go.id', NOW);
    const again = await services.monitoringPrint.pdf(sekretaris, S1, 'https://sipedaki.test.go.id', NOW);
    expect(first.verificationCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect([again.verificationCode, again.sha256]).toEqual([first.verificationCode, first.sha256]);
    const doc = await db.storedDocument.findUniqueOrThrow({ where: { id: first.documentId! } });
    expect([doc.kind, doc.requestId, doc.officeId]).toEqual(['SOP_MONITORING', null, o.office.id]);
    expect(await services.reports.verify(first.verificationCode!)).toMatchObject({ found: true, kindLabel: 'Monitoring Pelaksanaan SOP' });

    const text = (await run('pdf-text.cjs', [], first.bytes)).replace(/\s+/g, ' ');
    for (const s of ['MONITORING PELAKSANAAN SOP AP', 'Semester I 2026', 'Tidak berjalan dengan baik', 'Catatan hasil penilaian', 'Paraf penilai', 'Persentil 90', '1.042,5', 'Mudah dilaksanakan', 'Agus Priyanto, S.E.', 'Kode verifikasi']) {
      expect(text).toContain(s);
    }
    const pages = JSON.parse(await run('pdf-png.cjs', [path.join(RESULTS, 'monitoring-sop')], first.bytes)) as { file: string }[];
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const p of pages) expect(fs.statSync(p.file).size).toBeGreaterThan(10_000);
  });

  it('refuses a PDF before the paraf and a reader outside the three roles', async () => {
    await expect(services.monitoringPrint.pdf(kasubbag, { year: 2026, semester: 2 }, 'https://x.test', NOW)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(services.monitoringPrint.xlsx(actorOf(o.users.penyusun), S1, NOW)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

// The demo office's year of history (seedDemoHistory): test/demo-year.test.ts.
