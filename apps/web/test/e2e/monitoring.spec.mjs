#!/usr/bin/env node
/**
 * Browser scenario for the SOP monitoring (issue 14 §1), on its own fresh database and an API
 * whose demo office has its replayed past (SEED_DEMO_HISTORY): the Kasubbag opens "Monitoring
 * SOP" on a phone, picks the semester, reads the facts and charts per step, judges each step
 * (step 4 "tidak berjalan dengan baik" with its action), answers the seven questions, saves,
 * initials (paraf) and prints the PDF (verification code) and the XLSX. The Sekretaris then reads
 * the signed form, read-only. Screenshots at 360 px and 1280 px.
 */
import fs from 'node:fs';
import path from 'node:path';
import { apiLogin, artefacts, createScenarioRunner, DESKTOP, gql, PASSWORD, PHONE, shot, withStack } from './harness.mjs';

const SCENARIOS = ['Kasubbag: mengisi, memaraf dan mencetak monitoring SOP satu semester; Sekretaris membacanya'];
const { scenario, watch, run } = createScenarioRunner({ label: 'e2e (monitoring SOP)', scenarios: SCENARIOS, resultFile: 'e2e-monitoring.json', failedShot: 'FAILED-monitoring' });
const shots = (page, name) => shot(page, name, [PHONE, DESKTOP]);

// The semester of two months ago always holds several of the replayed requests (the last six months).
const ago = new Date(Date.now() - 60 * 86_400_000 + 7 * 3_600_000);
const YEAR = ago.getUTCFullYear();
const SEMESTER = ago.getUTCMonth() < 6 ? 1 : 2;
const LABEL = `Semester ${SEMESTER === 1 ? 'I' : 'II'} ${YEAR}`;

async function login(page, base, username) {
  await page.goto(`${base}/masuk`);
  await page.fill('#login', username);
  await page.fill('#password', PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('heading', { name: 'Yang menunggu Anda' }).waitFor();
}

async function main() {
  await withStack(async ({ base, page }) => {
    watch(page);

    await scenario(SCENARIOS[0], async () => {
      await login(page, base, 'kasubbag');
      await page.locator('[data-test="nav-monitoring"]').click();
      await page.getByRole('heading', { name: 'Monitoring Pelaksanaan SOP' }).waitFor();
      await page.selectOption('[data-test="period-year"]', String(YEAR));
      await page.selectOption('[data-test="period-semester"]', String(SEMESTER));
      await page.locator('[data-test="summary"] h2', { hasText: LABEL }).waitFor();
      const summary = await page.locator('[data-test="summary"]').innerText();
      const n = Number(/(\d+) permintaan data tercatat/.exec(summary)?.[1] ?? 0);
      if (n < 2) throw new Error(`the demo history shows ${n} requests in ${LABEL}: ${summary}`);
      // The facts per step come from the recorded runs; each step has its chart with the standard line.
      const runs1 = Number(await page.locator('[data-test="step-1"] [data-test="runs"]').innerText());
      if (runs1 !== n) throw new Error(`step 1 ran ${runs1} times for ${n} requests`);
      await page.locator('[data-test="step-1"] [data-test="facts"]', { hasText: 'Standar 5 menit. Dilaksanakan' }).waitFor();
      for (let s = 1; s <= 7; s++) await page.locator(`[data-test="chart-${s}"] [data-test="standard-line"]`).waitFor({ state: 'attached' });
      if ((await page.locator('[data-test="chart-dot"]').count()) < 7) throw new Error('the charts show no month');
      await shots(page, '70-monitoring-sop');

      // The evaluator's judgement: every step, step 4 not running well with the action to take.
      for (let s = 1; s <= 7; s++) await page.locator(`[data-test="${s === 4 ? 'not-well' : 'runs-well'}-${s}"]`).check();
      await page.fill('[data-test="note-4"]', 'Sebagian Bidang menyerahkan data setelah batas dua hari kerja.');
      await page.fill('[data-test="action-4"]', 'Pengingat kepada operator Bidang pada hari pertama; format diisi bersama.');
      for (let q = 1; q <= 7; q++) await page.locator(`[data-test="${q === 3 ? 'no' : 'yes'}-${q}"]`).check();
      await page.locator('[data-test="save"]').click();
      await page.locator('[data-test="saved"]', { hasText: 'Penilaian tersimpan.' }).waitFor();
      await page.locator('[data-test="draft"]').waitFor();

      // Paraf: asked once more, then the form is frozen and read-only.
      await page.locator('[data-test="actions"] [data-test="confirm-ask"]').click();
      await page.locator('[data-test="actions"] [data-test="confirm-yes"]').click();
      await page.locator('[data-test="signed"]', { hasText: 'Diparaf oleh Agus Priyanto, S.E.' }).waitFor();
      if (!(await page.locator('[data-test="note-4"]').isDisabled())) throw new Error('the form can still be edited after the paraf');

      // Print: the PDF (issued, with a verification code) and the XLSX.
      const [pdf] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="download-pdf"]').click()]);
      const pdfFile = path.join(artefacts, '71-monitoring-sop.pdf');
      await pdf.saveAs(pdfFile);
      if (fs.readFileSync(pdfFile).subarray(0, 5).toString() !== '%PDF-') throw new Error('the download is not a PDF');
      if (!/^monitoring-sop-\d{4}-s[12]\.pdf$/.test(pdf.suggestedFilename())) throw new Error(`PDF named ${pdf.suggestedFilename()}`);
      await page.locator('[data-test="verification-code"]').waitFor();
      const [xlsx] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="download-xlsx"]').click()]);
      const xlsxFile = path.join(artefacts, '71-monitoring-sop.xlsx');
      await xlsx.saveAs(xlsxFile);
      if (fs.readFileSync(xlsxFile).subarray(0, 2).toString() !== 'PK') throw new Error('the download is not an XLSX');
      await shots(page, '71-monitoring-sop-diparaf');

      // The Sekretaris reads the signed form; nothing to change.
      const sekretaris = await apiLogin(base, 'sekretaris');
      const { sopMonitoring: m } = await gql(base, sekretaris, 'query($y: Int!, $s: Int){ sopMonitoring(year: $y, semester: $s){ signedAt editable frozen rows { step assessment action } answers { no answer } } }', { y: YEAR, s: SEMESTER });
      if (!m.signedAt || m.editable || !m.frozen) throw new Error(`not signed/frozen for the Sekretaris: ${JSON.stringify(m)}`);
      if (m.rows[3].assessment !== 'NOT_RUNNING_WELL' || !m.rows[3].action || m.answers[2].answer !== false) throw new Error(`not what was filled in: ${JSON.stringify(m)}`);
    });
  }, { demoHistory: true });
}

await run(main);
