#!/usr/bin/env node
/**
 * The kabupaten level (issue 15) in Chromium: the pemda administrator adds two offices on a phone;
 * the Bappeda analyst asks three offices of the pemda for data with one letter; two offices run
 * their seven steps (one late at step 4: its recorded step 4 is moved back a week, as if it had
 * run that long), the demo office does not start; the analyst's view shows exactly that, with the
 * final reports and their figures; then the kabupaten's league table ranks the two final reports
 * by capaian and by timeliness (the late one below). rollup.spec.mjs checks the rollup's figures
 * on seeded offices.
 * The offices' own steps run through the API: their pages have their own specs.
 */
import pg from 'pg';
import { apiLogin, createScenarioRunner, DESKTOP, gql, PHONE, shot, signIn, withStack } from './harness.mjs';

const SCENARIOS = [
  'Administrator Pemda menambah dua perangkat daerah dari ponsel dan menetapkan batas capaian pemda',
  'Analis Bappeda meminta data kepada tiga perangkat daerah dengan satu surat',
  'dua Dinas menjalankan tujuh langkah (satu terlambat di langkah 4), satu belum mulai: tampilan analis tepat',
  'setelah dua laporan final: peringkat kabupaten menurut capaian dan ketepatan waktu',
];
const { scenario, watch, run } = createScenarioRunner({ label: 'e2e (pemda: permintaan ke OPD)', scenarios: SCENARIOS, resultFile: 'e2e-pemda.json', failedShot: 'FAILED-pemda' });

const OFFICES = [
  { code: 'DINKES-NGK', name: 'Dinas Kesehatan', admin: 'admin.dinkes', prefix: 'dinkes' },
  { code: 'DISDIK-NGK', name: 'Dinas Pendidikan', admin: 'admin.disdik', prefix: 'disdik' },
];
const TEMP = 'Sementara-Kuat-2026';
const LETTER = `050/${Date.now() % 100000}/411.102/2026`;

/** The office's staff, made by its administrator; their temporary passwords replaced by the demo one in the database (their first sign-in is users.spec's business). */
async function staffOffice(base, db, o) {
  const { rows: [office] } = await db.query('SELECT id FROM "Office" WHERE code = $1', [o.code]);
  const demoHash = `(SELECT "passwordHash" FROM "User" WHERE username = 'sekretaris')`;
  await db.query(`UPDATE "User" SET "mustChangePassword" = false, "passwordHash" = ${demoHash} WHERE "officeId" = $1`, [office.id]);
  const admin = await apiLogin(base, o.admin);
  await gql(base, admin, 'mutation { setHeadApprovalRequired(required: false) { requireHeadApproval } }');
  const bidang = (await gql(base, admin, 'mutation($i: CreateBidangInput!) { createBidang(input: $i) { id } }', { i: { code: 'PELAYANAN', name: 'Bidang Pelayanan' } })).createBidang.id;
  const users = { sekretaris: ['SEKRETARIS'], kasubbag: ['KASUBBAG'], penyusun: ['PENYUSUN'], operator: ['BIDANG_OPERATOR'], kepala: ['KEPALA_DINAS'] };
  for (const [key, roles] of Object.entries(users)) {
    await gql(base, admin, 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
      i: { username: `${o.prefix}.${key}`, name: `${key[0].toUpperCase()}${key.slice(1)} ${o.name}`, password: TEMP, roles, bidangId: key === 'operator' ? bidang : null },
    });
  }
  await gql(base, admin, 'mutation($i: UpsertRenstraPeriodInput!) { upsertRenstraPeriod(input: $i) { id } }', { i: { name: 'Renstra 2025–2029', startYear: 2025 } });
  await gql(base, admin, 'mutation($i: UpsertIndicatorInput!) { upsertIndicator(input: $i) { id } }', {
    i: { code: 'IKU-1', bidangId: bidang, sasaran: 'Meningkatnya mutu pelayanan', name: 'Persentase layanan sesuai standar', satuan: '%', polarity: 'HIGHER_IS_BETTER', targets: [1, 2, 3, 4].map((triwulan) => ({ year: 2026, triwulan, target: 80 })) },
  });
  await db.query(`UPDATE "User" SET "mustChangePassword" = false, "passwordHash" = ${demoHash} WHERE "officeId" = $1`, [office.id]);
  const tok = {};
  for (const key of Object.keys(users)) tok[key] = await apiLogin(base, `${o.prefix}.${key}`);
  return { id: office.id, tok };
}

const REQ = 'id status currentStep';
const dispose = (base, token, name, requestId) => gql(base, token, `mutation($i: DisposeInput!) { ${name}(input: $i) { ${REQ} } }`, { i: { requestId, instruction: 'Mohon segera ditindaklanjuti.' } });
const advance = (base, token, name, requestId) => gql(base, token, `mutation($i: AdvanceInput!) { ${name}(input: $i) { ${REQ} } }`, { i: { requestId } });

/** Steps 1–7 of one office through the API; `lateAtStep4` moves its recorded step 4 a week back first. */
async function runSevenSteps(base, db, office, requestId, { lateAtStep4 = false, realisasi = 72 } = {}) {
  const { tok } = office;
  await dispose(base, tok.sekretaris, 'disposeToKasubbag', requestId);
  await dispose(base, tok.kasubbag, 'disposeToStaff', requestId);
  await advance(base, tok.penyusun, 'sendFormat', requestId);
  if (lateAtStep4) {
    const weekAgo = new Date(Date.now() - 7 * 86_400_000);
    await db.query('UPDATE "RequestStep" SET "startedAt" = $2, "dueAt" = $3 WHERE "requestId" = $1 AND step = 4', [requestId, weekAgo, new Date(weekAgo.getTime() + 2 * 86_400_000)]);
  }
  const r = await gql(base, tok.operator, 'query($id: UUID!) { dataRequest(id: $id) { submissions { id version values { indicatorId } } } }', { id: requestId });
  const sub = r.dataRequest.submissions[0];
  const saved = (await gql(base, tok.operator, 'mutation($i: SaveSubmissionInput!) { saveSubmission(input: $i) { id version } }', {
    i: { submissionId: sub.id, expectedVersion: sub.version, narrative: 'Capaian sesuai rencana.', values: sub.values.map((v) => ({ indicatorId: v.indicatorId, realisasi })) },
  })).saveSubmission;
  const sent = (await gql(base, tok.operator, 'mutation($i: SubmissionActionInput!) { submitSubmission(input: $i) { version } }', { i: { submissionId: sub.id, expectedVersion: saved.version } })).submitSubmission;
  await gql(base, tok.penyusun, 'mutation($i: SubmissionActionInput!) { acceptSubmission(input: $i) { version } }', { i: { submissionId: sub.id, expectedVersion: sent.version } });
  await advance(base, tok.penyusun, 'forwardCollection', requestId);
  await advance(base, tok.kasubbag, 'compileData', requestId);
  await gql(base, tok.kasubbag, 'mutation($i: SaveAnalysisInput!) { saveAnalysis(input: $i) { id } }', { i: { requestId, narrative: 'Capaian cukup; kendala tenaga; solusi pelatihan.' } });
  await advance(base, tok.kasubbag, 'submitReport', requestId);
  await advance(base, tok.sekretaris, 'raiseToKepala', requestId);
  await gql(base, tok.kepala, 'mutation($id: UUID!) { acknowledgeReport(requestId: $id) { id } }', { id: requestId });
  // The office issues its recap PDF, the final report the requester downloads.
  const pdf = await fetch(`${base}/api/requests/${requestId}/recap.pdf`, { headers: { authorization: `Bearer ${tok.kasubbag}` } });
  if (pdf.status !== 200) throw new Error(`recap.pdf: ${pdf.status}`);
}

async function main() {
  await withStack(async ({ base, databaseUrl, page }) => {
    watch(page);
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      let pemdaRequestId = null;
      const offices = {};

      await scenario(SCENARIOS[0], async () => {
        await signIn(page, base, 'admin.pemda');
        await page.locator('[data-test="nav-pemda-offices"]').click();
        await page.locator('[data-test="pemda-offices-list"]').waitFor();
        for (const o of OFFICES) {
          const form = page.locator('[data-test="pemda-office-form"]');
          await form.locator('#po-code').fill(o.code);
          await form.locator('#po-name').fill(o.name);
          await form.locator('#po-user').fill(o.admin);
          await form.locator('#po-aname').fill(`Administrator ${o.name}`);
          await form.locator('#po-pass').fill(TEMP);
          await form.getByRole('button', { name: 'Tambah perangkat daerah' }).click();
          await page.locator('[data-test="pemda-office-created"]').getByText(`Perangkat daerah ${o.name} dibuat.`).waitFor();
          await page.locator(`[data-test="pemda-office-card-${o.code}"]`).getByText(o.admin).waitFor();
        }
        await shot(page, '90-pemda-admin-perangkat-daerah', [PHONE, DESKTOP]);
        // The pemda's scale cap: typed the Indonesian way, from a date far ahead (today's scale stays).
        await page.locator('[data-test="nav-scale"]').click();
        await page.locator('[data-test="scale-cap"]').getByText('Tanpa batas capaian').waitFor();
        await page.locator('[data-test="scale-cap-input"]').fill('112,5');
        await page.locator('[data-test="scale-from"]').fill('2090-01-01');
        await page.locator('[data-test="scale-form"]').getByRole('button', { name: 'Simpan' }).click();
        await page.locator('[data-test="scale-saved"]').getByText(/berlaku mulai 1 Januari 2090, batas 112,5/).waitFor();
        await shot(page, '89-pemda-admin-skala', [PHONE]);
        for (const o of OFFICES) offices[o.code] = await staffOffice(base, db, o);
      });

      await scenario(SCENARIOS[1], async () => {
        await signIn(page, base, 'bappeda');
        await page.locator('[data-test="nav-pemda-requests"]').click();
        await page.locator('[data-test="pemda-new"]').click();
        const form = page.locator('[data-test="pemda-issue-form"]');
        await form.locator('[data-test="pemda-office-DINKES-NGK"]').waitFor();
        await form.locator('#p-letterNumber').fill(LETTER);
        await form.locator('#p-subject').fill('Permintaan data capaian kinerja Triwulan III 2026');
        await form.locator('#p-year').fill('2026');
        await form.locator('#p-triwulan').selectOption('3');
        // Three offices: the two new Dinas and the demo DPMD; not the Bappeda and Setda themselves.
        await form.locator('[data-test="pemda-office-BAPPEDA-NGANJUK"]').uncheck();
        await form.locator('[data-test="pemda-office-SETDA-NGANJUK"]').uncheck();
        await form.locator('#p-items').fill('Jumlah puskesmas terakreditasi\nAngka partisipasi sekolah');
        for (const kind of ['LHP', 'LHE', 'TL HP']) await form.getByLabel(kind, { exact: true }).uncheck();
        await form.locator('#p-deadline').fill(new Date(Date.now() + 14 * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Jakarta' }));
        await shot(page, '91-bappeda-permintaan-baru');
        await form.locator('[data-test="pemda-issue-submit"]').getByText('Kirim ke 3 perangkat daerah').click();
        await page.waitForURL((u) => /\/pemda\/permintaan\/[0-9a-f-]{36}$/.test(u.pathname));
        pemdaRequestId = page.url().split('/').pop();
        await page.locator('[data-test="pemda-summary"]').getByText('0 selesai · 0 dengan langkah terlambat · 3 belum dimulai').waitFor();
        await shot(page, '92-bappeda-permintaan-terkirim', [PHONE, DESKTOP]);
        // Each office's Sekretaris has it in the inbox, registered, from the Bappeda.
        const inbox = await gql(base, offices['DINKES-NGK'].tok.sekretaris, 'query { myInbox { request { letterNumber sender } } }');
        if (!inbox.myInbox.some((i) => i.request.letterNumber === LETTER && i.request.sender === 'Badan Perencanaan Pembangunan Daerah')) throw new Error(`not in the Sekretaris's inbox: ${JSON.stringify(inbox.myInbox)}`);
      });

      await scenario(SCENARIOS[2], async () => {
        const { rows } = await db.query('SELECT r.id, o.code FROM "DataRequest" r JOIN "Office" o ON o.id = r."officeId" WHERE r."pemdaRequestId" = $1', [pemdaRequestId]);
        const requestOf = (code) => rows.find((r) => r.code === code).id;
        await runSevenSteps(base, db, offices['DINKES-NGK'], requestOf('DINKES-NGK'), { realisasi: 76 });
        await runSevenSteps(base, db, offices['DISDIK-NGK'], requestOf('DISDIK-NGK'), { lateAtStep4: true, realisasi: 60 });

        await page.goto(`${base}/pemda/permintaan/${pemdaRequestId}`);
        await page.locator('[data-test="pemda-summary"]').getByText('2 selesai · 1 dengan langkah terlambat · 1 belum dimulai').waitFor();
        const dinkes = page.locator('[data-test="pemda-row-DINKES-NGK"]');
        const disdik = page.locator('[data-test="pemda-row-DISDIK-NGK"]');
        const dpmd = page.locator('[data-test="pemda-row-DPMD-NGANJUK"]');
        await dinkes.locator('[data-test="row-state"]').getByText('Selesai').waitFor();
        await dinkes.locator('[data-test="row-late"]').getByText('Tidak ada langkah terlambat').waitFor();
        await dinkes.locator('[data-test="row-capaian"]').getByText('95').waitFor();
        await disdik.locator('[data-test="row-state"]').getByText('Selesai').waitFor();
        await disdik.locator('[data-test="late-step-4"]').waitFor();
        if ((await disdik.locator('[data-test^="late-step-"]').count()) !== 1) throw new Error('DISDIK: more than step 4 late');
        await disdik.locator('[data-test="row-capaian"]').getByText('75').waitFor();
        await dpmd.locator('[data-test="row-state"]').getByText('Belum dimulai').waitFor();
        await dpmd.locator('[data-test="row-step"]').getByText('Langkah 1').waitFor();
        if (await dpmd.locator('[data-test="row-report"]').count()) throw new Error('DPMD shows a report');
        await disdik.locator('details summary').click();
        await shot(page, '93-bappeda-kemajuan-per-dinas', [PHONE, DESKTOP]);
        // The final report: offered on the row, and it downloads (the stored copy) for the analyst.
        await dinkes.locator('[data-test="download-report-DINKES-NGK"]').waitFor();
        const analyst = await apiLogin(base, 'bappeda');
        const detail = await gql(base, analyst, 'query($id: UUID!) { pemdaRequest(id: $id) { offices { office { code } report { downloadPath } } } }', { id: pemdaRequestId });
        const path = detail.pemdaRequest.offices.find((r) => r.office.code === 'DINKES-NGK').report.downloadPath;
        const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${analyst}` } });
        const bytes = Buffer.from(await res.arrayBuffer());
        if (res.status !== 200 || bytes.subarray(0, 5).toString() !== '%PDF-') throw new Error(`report download: ${res.status}`);
      });

      await scenario(SCENARIOS[3], async () => {
        await page.locator('[data-test="nav-kabupaten"]').click();
        await page.getByRole('heading', { name: 'Dasbor Kabupaten' }).waitFor();
        await page.selectOption('[data-test="year"]', '2026');
        await page.selectOption('[data-test="period"]', '3');
        await page.locator('[data-test="summary"] h2', { hasText: 'Triwulan III 2026' }).waitFor();
        const row = (name) => page.locator(`[data-test="league"] > li[data-office="${name}"]`);
        await row('Dinas Kesehatan').locator('[data-test="capaian"]', { hasText: /(^|\s)95(,0+)?\s?%/ }).waitFor();
        await row('Dinas Pendidikan').locator('[data-test="capaian"]', { hasText: /(^|\s)75(,0+)?\s?%/ }).waitFor();
        const order = async () => page.locator('[data-test="league"] > li').evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-office'), li.querySelector('[data-test="rank"]').textContent.trim()]));
        const rankOf = (list, name) => {
          const r = list.find(([n]) => n === name);
          if (!r || r[1] === '–') throw new Error(`${name} is not ranked: ${JSON.stringify(list)}`);
          return Number(r[1]);
        };
        const byCapaian = await order();
        if (!(rankOf(byCapaian, 'Dinas Kesehatan') < rankOf(byCapaian, 'Dinas Pendidikan'))) throw new Error(`by capaian: ${JSON.stringify(byCapaian)}`);
        // The Bappeda and the Setda were not asked: listed, never ranked.
        await row('Badan Perencanaan Pembangunan Daerah').locator('[data-test="not-asked"]').waitFor();
        await shot(page, '94-bappeda-peringkat-kabupaten', [PHONE, DESKTOP]);
        // By timeliness the Dinas late at step 4 falls below the one that ran every step on time.
        await page.locator('[data-test="sort-TIMELINESS"]').click();
        await page.getByRole('heading', { name: 'Peringkat menurut Ketepatan waktu' }).waitFor();
        const byTime = await order();
        if (!(rankOf(byTime, 'Dinas Kesehatan') < rankOf(byTime, 'Dinas Pendidikan'))) throw new Error(`by timeliness: ${JSON.stringify(byTime)}`);
      });
    } finally {
      await db.end().catch(() => undefined);
    }
  });
}

await run(main);
