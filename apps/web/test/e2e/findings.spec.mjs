#!/usr/bin/env node
/**
 * Browser scenario for findings and their follow-up (TL HP, issue 14 §2), on its own fresh
 * database and API: an Inspektorat LHP with two findings of Bidang Pemerintahan Desa is entered
 * (through the API, as the Kasubbag would), received long enough ago that both are overdue. On a
 * phone, the Bidang's operator answers one and uploads its evidence; the Inspektorat's verifier
 * verifies it (status 1); the other stays overdue in the register. Screenshots at 360 and 1280 px.
 * (The escalation of the overdue one firing is tested with an injected clock in
 * apps/api/test/findings-reminders.test.ts.)
 */
import { apiLogin, builtSpa, createScenarioRunner, DESKTOP, dropDatabase, freshDatabase, gql, launchBrowser, PASSWORD, PHONE, pdf, shot, startApi } from './harness.mjs';

const SCENARIOS = ['temuan LHP Inspektorat: Bidang menjawab dengan bukti, APIP memverifikasi, temuan lain tetap terlambat'];
const { scenario, watch, run } = createScenarioRunner({ label: 'e2e (temuan)', scenarios: SCENARIOS, resultFile: 'e2e-findings.json', failedShot: 'FAILED-findings' });
const shots = (page, name) => shot(page, name, [PHONE, DESKTOP]);

async function signIn(page, base, login) {
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${base}/masuk`);
  await page.fill('#login', login);
  await page.fill('#password', PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('heading', { name: 'Yang menunggu Anda' }).waitFor();
}

async function main() {
  const spa = builtSpa();
  let api = null;
  let browser = null;
  let page = null;
  try {
    api = await startApi(await freshDatabase(), spa.dir);
    const base = api.base;
    browser = await launchBrowser();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    watch(page);

    const kasubbag = await apiLogin(base, 'kasubbag');
    const { bidangList } = await gql(base, kasubbag, '{ bidangList { id code } }');
    const pemdes = bidangList.find((b) => b.code === 'PEMDES').id;
    const { createAuditReport: lhp } = await gql(base, kasubbag, 'mutation($i: CreateAuditReportInput!){ createAuditReport(input:$i){ id deadline } }', {
      i: { source: 'INSPEKTORAT', number: '700/214/411.050/2026', title: 'LHP Pemeriksaan Reguler Dinas PMD', year: 2026, receivedDate: '2026-06-01' },
    });
    const finding = (code, title, rec) =>
      gql(base, kasubbag, 'mutation($i: AddFindingInput!){ addFinding(input:$i){ recommendations { id } } }', {
        i: { reportId: lhp.id, bidangId: pemdes, code, title, kondisi: 'Kondisi sesuai LHP.', kriteria: 'Permendagri 20/2018.', sebab: 'Pengawasan belum optimal.', akibat: 'Risiko salah saji.', recommendations: [{ code: `${code}.1`, text: rec }] },
      });
    await finding('1.01', 'Laporan realisasi dana desa terlambat', 'Menegur secara tertulis pendamping desa yang terlambat.');
    await finding('1.02', 'Aset desa belum dicatat', 'Menginventarisasi dan mencatat aset desa dalam KIB.');

    await scenario(SCENARIOS[0], async () => {
      await page.goto(`${base}/masuk`);
      await signIn(page, base, 'operator.pemdes');
      await page.locator('[data-test="nav-findings"]').click();
      await page.getByRole('heading', { name: 'Tindak lanjut hasil pemeriksaan' }).waitFor();
      const rows = page.locator('[data-test="finding-row"]');
      await rows.nth(1).waitFor();
      if ((await page.getByText('Terlambat', { exact: true }).count()) !== 2) throw new Error('both recommendations should be overdue');
      await shots(page, '70-temuan-register-bidang');

      await rows.filter({ hasText: '1.01' }).getByRole('link').click();
      await page.locator('[data-test="answer-text"]').fill('Teguran tertulis telah disampaikan kepada pendamping desa (surat 141/88/411.050/2026).');
      await page.locator('[data-test="answer"]').click();
      await page.getByText('Tindak lanjut terkirim; menunggu verifikasi APIP.').waitFor();
      await page.setInputFiles('[data-test="evidence"]', { name: 'surat-teguran.pdf', mimeType: 'application/pdf', buffer: pdf('Surat teguran') });
      await page.getByText('surat-teguran.pdf').waitFor();
      await shots(page, '71-temuan-jawab-bidang');

      await signIn(page, base, 'inspektorat');
      await page.goto(`${base}/temuan`);
      await page.locator('[data-test="finding-row"]').filter({ hasText: '1.01' }).getByRole('link').click();
      await page.getByText('surat-teguran.pdf').waitFor();
      await page.locator('[data-test="verdict"]').selectOption('SESUAI');
      await page.locator('[data-test="note"]').fill('Bukti teguran lengkap.');
      await page.locator('[data-test="verify"]').click();
      await page.getByText('Tindak lanjut diverifikasi.').waitFor();
      await page.locator('[data-test="rec-status"]').getByText('1 · Sesuai dengan rekomendasi').waitFor();
      await shots(page, '72-temuan-verifikasi-apip');

      await page.goto(`${base}/temuan`);
      await page.locator('[data-test="finding-row"]').nth(1).waitFor();
      // The demo office's own LHP of last year (another Bidang's) is listed too: look at this one's rows.
      const late = await page.locator('[data-test="finding-row"]').filter({ hasText: '700/214/411.050/2026' }).filter({ has: page.getByText('Terlambat', { exact: true }) }).allInnerTexts();
      if (late.length !== 1 || !late[0].includes('1.02')) throw new Error(`only 1.02 should remain overdue: ${JSON.stringify(late)}`);
      await shots(page, '73-temuan-register-apip');

      const apip = await apiLogin(base, 'inspektorat');
      const { findingRegister } = await gql(base, apip, 'query($r: UUID){ findingRegister(filter: { reportId: $r }) { counts { total overdue open } } }', { r: lhp.id });
      if (JSON.stringify(findingRegister.counts) !== JSON.stringify({ total: 2, overdue: 1, open: 1 })) throw new Error(`counts: ${JSON.stringify(findingRegister.counts)}`);
    });
  } finally {
    await browser?.close().catch(() => undefined);
    await api?.stop().catch(() => undefined);
    await dropDatabase().catch(() => undefined);
    spa.remove();
  }
}

await run(main);
