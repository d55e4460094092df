#!/usr/bin/env node
/**
 * Browser scenarios on a phone-sized window (360×740), in Indonesian, against the real API and a
 * fresh PostgreSQL database. Each scenario counts as one test; one that throws is a failure.
 * Writes test-results/e2e.json ({ passed, failed, results }) and screenshots beside it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { apiLogin, artefacts, createScenarioRunner, expectCspEnforced, gql, PASSWORD, pdf, shot, signIn, withStack } from './harness.mjs';

const stamp = Date.now().toString(36).toUpperCase();

const SCENARIOS = [
  'alur lengkap tujuh langkah oleh setiap peran (ponsel, Bahasa Indonesia)',
  'operator Bidang ditolak membuka kiriman Bidang lain',
  'ganti bahasa Indonesia ↔ English dan pilihan diingat',
  'masuk: kata sandi salah, halaman tanpa sesi, sesi kedaluwarsa',
  'administrator: pengguna (NIP diperiksa), libur (dipindah: batas waktu ikut bergeser), indikator, Plt/Plh, Bidang, jam kerja',
  'format Excel: unduh, isi, impor (galat per sel, lalu berhasil); Kasubbag: grafik analisis dan rekap PDF',
];
const { scenario, watch, run } = createScenarioRunner({ label: 'e2e', scenarios: SCENARIOS, resultFile: 'e2e.json', failedShot: 'FAILED' });

async function main() {
  // Set by withStack below, which stops everything it started whatever fails on the way.
  let page = null;
  let base = '';

  const loginAs = (username) => signIn(page, base, username);
  async function openInbox(letter, title) {
    const item = page.locator('[data-test="inbox-item"]', { hasText: letter }).filter({ hasText: title }).first();
    await item.waitFor();
    await item.locator('a').click();
  }
  async function doAction(action, text) {
    const form = page.locator(`[data-test="action-${action}"]`);
    await form.waitFor();
    if (text !== undefined) await form.locator('textarea, input').fill(text);
    await form.getByRole('button').click();
    await page.getByText('Tindakan tersimpan.').waitFor();
    await form.waitFor({ state: 'detached' });
  }
  async function expectText(text, scope = page) {
    await scope.getByText(text, { exact: false }).first().waitFor();
  }

  // These scenarios predate the Kepala Bidang's sign-off: operators hand in straight to the
  // secretariat (headSignOff: false).
  await withStack(async (stack) => {
    ({ page, base } = stack);
    watch(page);
    // The SPA runs under the production CSP here; first prove a violation would be caught.
    await expectCspEnforced(page, base);

    // ------------------------------------------------------------------------------------------
    await scenario(SCENARIOS[0], async () => {
      const letter = `050/${stamp}/411.307/2026`;
      const year = new Date().getFullYear();

      // Sekretaris registers the letter and disposes to the Kasubbag (step 1).
      await loginAs('sekretaris');
      await shot(page, '01-sekretaris-beranda');
      await page.locator('[data-test="new-request"]').click();
      await page.getByRole('heading', { name: 'Daftarkan surat masuk' }).waitFor();
      await page.fill('#letterNumber', letter);
      await page.fill('#sender', 'Bappeda Kabupaten Nganjuk');
      await page.fill('#subject', 'Permintaan data kinerja Triwulan III');
      await page.fill('#year', String(year));
      await page.selectOption('#triwulan', '3');
      await page.locator('.checklist li').first().waitFor();
      await shot(page, '02-sekretaris-surat-masuk');
      await page.locator('[data-test="register-submit"]').click();
      await page.waitForURL((u) => /\/permintaan\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith('/baru'));
      const requestId = page.url().split('/').pop();
      await expectText('Menunggu disposisi Sekretaris');
      await doAction('DISPOSE_TO_KASUBBAG', 'Mohon segera ditindaklanjuti dan dikoordinasikan dengan Bidang.');
      const disp = page.locator('[data-test="dispositions"]');
      await expectText('Mohon segera ditindaklanjuti', disp);
      await expectText('Paraf', disp);
      await expectText('Menunggu disposisi Kasubbag');
      await shot(page, '03-permintaan-linimasa');

      // Kasubbag disposes to staff (step 2).
      await loginAs('kasubbag');
      await shot(page, '04-kasubbag-beranda');
      await openInbox(letter, 'Langkah 2');
      await doAction('DISPOSE_TO_STAFF', 'Kirim format ke semua Bidang hari ini.');

      // Penyusun sends the format (step 3).
      await loginAs('penyusun');
      await openInbox(letter, 'Langkah 3');
      await page.setInputFiles('#file-FORMAT', { name: 'format-permintaan-data.pdf', mimeType: 'application/pdf', buffer: pdf('format') });
      await page.locator('[data-test="request-documents"]').getByText('format-permintaan-data.pdf').waitFor();
      await doAction('SEND_FORMAT');
      await page.locator('[data-test="progress-board"]').waitFor();
      if ((await page.locator('[data-test="board-row"]').count()) !== 4) throw new Error('expected 4 Bidang on the progress board');
      await expectText('Bidang yang terlambat');
      await shot(page, '05-penyusun-papan-kemajuan');

      // Every Bidang fills realisasi, uploads LHP/LHE/TL HP and submits (step 4).
      // Counts (orang, unit) are whole numbers: "80,5" would be refused as impossible (issue 12 §2).
      const VALUES = { 'IKU-04': '250', 'IKU-06': '15', 'IKU-07': '55', 'IKU-08': '25' };
      const submissionOf = {};
      for (const code of ['pemdes', 'kelembagaan', 'keudes', 'ekonomi']) {
        await loginAs(`operator.${code}`);
        await openInbox(letter, 'Isi data Bidang');
        await page.waitForURL(/\/kiriman\//);
        submissionOf[code] = page.url().split('/').pop();
        const inputs = page.locator('[data-test^="realisasi-"]');
        await inputs.first().waitFor();
        const n = await inputs.count();
        if (n === 0) throw new Error(`no indicators for ${code}`);
        for (let i = 0; i < n; i++) {
          const input = inputs.nth(i);
          const ind = (await input.getAttribute('data-test')).replace('realisasi-', '');
          await input.fill(VALUES[ind] ?? '80,5');
          const cap = page.locator(`[data-test="capaian-${ind}"]`);
          await cap.locator('.value').waitFor();
          if (!/%/.test(await cap.innerText())) throw new Error(`no live capaian for ${ind}`);
        }
        await page.fill('#narrative', `Capaian ${code} sesuai rencana; kendala kecil pada pelaporan desa.`);
        for (const kind of ['LHP', 'LHE', 'TL_HP']) {
          const name = `${kind}-${code}.pdf`;
          await page.setInputFiles(`#file-${kind}`, { name, mimeType: 'application/pdf', buffer: pdf(name) });
          await page.locator('[data-test="documents"]').getByText(name).waitFor();
        }
        if (code === 'pemdes') await shot(page, '06-operator-isian');
        await page.locator('[data-test="submit"]').click();
        await page.locator('[data-test="submission-status"]', { hasText: 'Dikirim' }).waitFor();
        await expectText('Data terkirim.');
      }

      // Kasubbag returns one with a reason and accepts the others.
      await loginAs('kasubbag');
      const reason = 'Realisasi IKU-01 belum sesuai laporan desa; mohon diperiksa kembali.';
      for (const code of ['pemdes', 'kelembagaan', 'keudes', 'ekonomi']) {
        await page.goto(`${base}/kiriman/${submissionOf[code]}`);
        await page.locator('[data-test="review"]').waitFor();
        if (code === 'pemdes') {
          await page.fill('#reason', reason);
          await page.locator('[data-test="return"]').click();
          await page.locator('[data-test="submission-status"]', { hasText: 'Dikembalikan' }).waitFor();
        } else {
          await page.locator('[data-test="accept"]').click();
          await page.locator('[data-test="submission-status"]', { hasText: 'Diterima' }).waitFor();
        }
      }
      await page.goto(`${base}/permintaan/${requestId}`);
      await page.locator('[data-test="progress-board"]').waitFor();
      await expectText('dikembalikan 1×');
      await shot(page, '07-kasubbag-papan-kemajuan');

      // The operator sees the reason, fixes and resubmits.
      await loginAs('operator.pemdes');
      await openInbox(letter, 'Perbaiki data Bidang Pemerintahan Desa');
      await expectText(reason, page.locator('[data-test="return-reason"]'));
      await shot(page, '08-operator-dikembalikan');
      await page.locator('[data-test="realisasi-IKU-01"]').fill('92');
      await page.locator('[data-test="capaian-IKU-01"]').getByText('%').waitFor();
      await page.locator('[data-test="submit"]').click();
      await page.locator('[data-test="submission-status"]', { hasText: 'Dikirim' }).waitFor();

      await loginAs('kasubbag');
      await openInbox(letter, 'Periksa data Bidang Pemerintahan Desa');
      await page.locator('[data-test="accept"]').click();
      await page.locator('[data-test="submission-status"]', { hasText: 'Diterima' }).waitFor();

      // Penyusun forwards the collection (end of step 4).
      await loginAs('penyusun');
      await openInbox(letter, 'Teruskan data');
      await doAction('FORWARD_COLLECTION');

      // Kasubbag compiles (5), analyses and submits the report (6).
      await loginAs('kasubbag');
      await openInbox(letter, 'Langkah 5');
      await doAction('COMPILE');
      await page.locator('[data-test="analysis"]').waitFor();
      await page.fill('#narrative', 'Capaian Dinas baik; kendala pada ketepatan waktu LPJ desa. Solusi: pendampingan.');
      await page.locator('[data-test="save-analysis"]').click();
      await page.locator('[data-test="office-capaian"]').waitFor();
      if (!/%/.test(await page.locator('[data-test="office-capaian"]').innerText())) throw new Error('no office capaian');
      await shot(page, '09-kasubbag-analisis');
      await doAction('SUBMIT_REPORT');

      // Sekretaris raises the report to the Kepala Dinas (7).
      await loginAs('sekretaris');
      await openInbox(letter, 'Langkah 7');
      await doAction('RAISE_TO_KEPALA');
      // Raised is not done: the report waits for the Kepala's signature.
      await page.locator('[data-test="request-status"]', { hasText: 'Menunggu tanda tangan Kepala Dinas' }).waitFor();

      // Kepala Dinas receives it (signature).
      await loginAs('kepala');
      await shot(page, '10-kepala-beranda');
      await openInbox(letter, 'Terima laporan kinerja');
      // "Terima laporan (tanda tangan)" asks before it signs.
      const ackForm = page.locator('[data-test="action-ACKNOWLEDGE"]');
      await ackForm.locator('[data-test="confirm-ask"]').click();
      await ackForm.locator('[data-test="confirm-yes"]').click();
      await page.locator('[data-test="acknowledged"]').waitFor();
      await page.locator('[data-test="request-status"]', { hasText: 'Selesai' }).waitFor();
      const steps = page.locator('[data-test="timeline-step"]');
      if ((await steps.count()) !== 7) throw new Error('timeline should show 7 steps');
      if ((await page.locator('.tl-done').count()) !== 7) throw new Error('all 7 steps should be done');
      await shot(page, '11-kepala-laporan');
      await page.goto(`${base}/permintaan`);
      await page.locator('[data-test="request-list"]').getByText(letter).waitFor();
      await shot(page, '12-kepala-ikhtisar');
    });

    // ------------------------------------------------------------------------------------------
    await scenario(SCENARIOS[1], async () => {
      const sek = await apiLogin(base, 'sekretaris');
      const kas = await apiLogin(base, 'kasubbag');
      const pen = await apiLogin(base, 'penyusun');
      const reg = await gql(base, sek, 'mutation($i: RegisterDataRequestInput!){ registerDataRequest(input:$i){ id } }', {
        i: { year: new Date().getFullYear(), triwulan: 2, letterNumber: `051/${stamp}/2026`, letterDate: '2026-11-20', sender: 'Inspektorat', subject: 'Uji penolakan', indicatorIds: [], requestedDocuments: ['LHP'] },
      });
      const requestId = reg.registerDataRequest.id;
      await gql(base, sek, 'mutation($i: DisposeInput!){ disposeToKasubbag(input:$i){ id } }', { i: { requestId, instruction: 'Tindak lanjuti.' } });
      await gql(base, kas, 'mutation($i: DisposeInput!){ disposeToStaff(input:$i){ id } }', { i: { requestId, instruction: 'Kirim format.' } });
      await gql(base, pen, 'mutation($i: AdvanceInput!){ sendFormat(input:$i){ id } }', { i: { requestId } });
      const d = await gql(base, kas, 'query($id: UUID!){ dataRequest(id:$id){ submissions { id bidang { code } } } }', { id: requestId });
      const pemdes = d.dataRequest.submissions.find((s) => s.bidang.code === 'PEMDES');
      if (!pemdes) throw new Error('no PEMDES submission');

      await loginAs('operator.keudes');
      await page.goto(`${base}/kiriman/${pemdes.id}`);
      await page.locator('[data-test="error"]').getByText('Anda hanya dapat melihat data Bidang Anda sendiri.').waitFor();
      if (await page.locator('[data-test="entry-form"]').count()) throw new Error('the form must not show');
      await shot(page, '13-operator-ditolak');
    });

    // ------------------------------------------------------------------------------------------
    await scenario(SCENARIOS[2], async () => {
      await loginAs('penyusun');
      await page.locator('[data-test="lang-en"]').click();
      await page.getByRole('heading', { name: 'Waiting for you' }).waitFor();
      await page.getByRole('link', { name: 'Requests' }).waitFor();
      await shot(page, '14-english');
      await page.reload();
      await page.getByRole('heading', { name: 'Waiting for you' }).waitFor();
      await page.getByRole('link', { name: 'Requests' }).click();
      await page.getByRole('heading', { name: 'Data requests' }).waitFor();
      await page.locator('[data-test="request-list"] a').first().click();
      await page.getByRole('heading', { name: 'Timeline of the seven steps' }).waitFor();
      await page.getByText('Step 1').first().waitFor();
      await shot(page, '14b-english-request');
      await page.getByRole('link', { name: 'Home' }).click();
      if ((await page.evaluate(() => document.documentElement.lang)) !== 'en') throw new Error('html lang should be en');
      await page.locator('[data-test="lang-id"]').click();
      await page.getByRole('heading', { name: 'Yang menunggu Anda' }).waitFor();
      if ((await page.evaluate(() => localStorage.getItem('sipedaki.locale'))) !== 'id') throw new Error('choice not persisted');
      // A path that is no page: the SPA's own 404 (under the same CSP), with a way home.
      await page.goto(`${base}/halaman-yang-tidak-ada`);
      await page.getByRole('heading', { name: '404' }).waitFor();
      await page.getByRole('link', { name: 'Beranda' }).last().click();
      await page.getByRole('heading', { name: 'Yang menunggu Anda' }).waitFor();
    });

    // ------------------------------------------------------------------------------------------
    await scenario(SCENARIOS[3], async () => {
      await page.goto(`${base}/masuk`);
      await page.evaluate(() => localStorage.clear());
      await page.goto(`${base}/permintaan`);
      await page.waitForURL(/\/masuk\?next=/);
      await page.fill('#login', 'kasubbag');
      await page.fill('#password', 'salah-sandi');
      await page.getByRole('button', { name: 'Masuk' }).click();
      await page.locator('[data-test="error"]').getByText('NIP/nama pengguna atau kata sandi salah.').waitFor();
      await shot(page, '15-masuk-gagal');
      // NIP works as the login too; and `next` brings the person back where they wanted to go.
      // By keyboard only: labelled fields, Tab between them, Enter submits.
      await page.fill('#login', '');
      await page.focus('#login');
      await page.keyboard.type('19800410 200604 1 009');
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.id)) !== 'password') throw new Error('Tab should reach the password');
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type(PASSWORD);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Daftar permintaan data' }).waitFor();
      // A revoked or expired token: the next request answers UNAUTHENTICATED → back to login.
      await page.evaluate(() => localStorage.setItem('sipedaki.token', 'not-a-valid-token'));
      await page.goto(`${base}/`);
      await page.waitForURL(/\/masuk/);
      await page.getByText('Sesi Anda berakhir. Silakan masuk kembali.').waitFor();
    });
    // ------------------------------------------------------------------------------------------
    await scenario(SCENARIOS[5], async () => {
      const year = new Date().getFullYear();
      const sek = await apiLogin(base, 'sekretaris');
      const kas = await apiLogin(base, 'kasubbag');
      const pen = await apiLogin(base, 'penyusun');
      const letter = `052/${stamp}/411.307/${year}`;
      const reg = await gql(base, sek, 'mutation($i: RegisterDataRequestInput!){ registerDataRequest(input:$i){ id } }', {
        i: { year, triwulan: 4, letterNumber: letter, letterDate: `${year}-11-20`, sender: 'Bappeda', subject: 'Permintaan data kinerja Triwulan IV', indicatorIds: [], requestedDocuments: [] },
      });
      const requestId = reg.registerDataRequest.id;
      await gql(base, sek, 'mutation($i: DisposeInput!){ disposeToKasubbag(input:$i){ id } }', { i: { requestId, instruction: 'Tindak lanjuti.' } });
      await gql(base, kas, 'mutation($i: DisposeInput!){ disposeToStaff(input:$i){ id } }', { i: { requestId, instruction: 'Kirim format.' } });
      await gql(base, pen, 'mutation($i: AdvanceInput!){ sendFormat(input:$i){ id } }', { i: { requestId } });
      const d = await gql(base, kas, 'query($id: UUID!){ dataRequest(id:$id){ submissions { id bidang { code } } } }', { id: requestId });
      const pemdes = d.dataRequest.submissions.find((x) => x.bidang.code === 'PEMDES');

      // The operator downloads the format (XLSX), fills Realisasi offline, imports it.
      await loginAs('operator.pemdes');
      await page.goto(`${base}/kiriman/${pemdes.id}`);
      await page.locator('[data-test="format-files"]').waitFor();
      const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="download-format-xlsx"]').click()]);
      if (!/\.xlsx$/i.test(dl.suggestedFilename())) throw new Error(`unexpected filename ${dl.suggestedFilename()}`);
      const original = fs.readFileSync(await dl.path());
      const fill = async (realisasiOf) => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(original);
        const ws = wb.worksheets[0];
        let header = null;
        ws.eachRow((row, n) => {
          const vals = row.values.map((v) => String(v ?? '').trim());
          if (!header && vals.includes('Realisasi') && vals.includes('Kode Indikator')) header = { n, real: vals.indexOf('Realisasi'), code: vals.indexOf('Kode Indikator') };
        });
        if (!header) throw new Error('no header row with Realisasi in the format');
        const codes = [];
        for (let n = header.n + 1; n <= ws.rowCount; n++) {
          const code = String(ws.getRow(n).getCell(header.code).value ?? '').trim();
          if (!code) continue;
          codes.push(code);
          ws.getRow(n).getCell(header.real).value = realisasiOf(code, codes.length);
        }
        if (!codes.length) throw new Error('no indicator rows in the format');
        return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), codes };
      };
      // First a file with a bad cell: nothing is saved, every problem is listed in Indonesian.
      const badFile = await fill((code, i) => (i === 1 ? 'delapan puluh' : 80));
      await page.setInputFiles('[data-test="import-file"]', { name: 'format-salah.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: badFile.buffer });
      await page.locator('[data-test="import-errors"]').waitFor();
      await expectText('Tidak ada data yang disimpan', page.locator('[data-test="import"]'));
      if ((await page.locator('[data-test="import-error-row"]').count()) < 1) throw new Error('expected at least one row in the error table');
      await expectText('Baris', page.locator('[data-test="import-errors"]'));
      await shot(page, '19-operator-impor-galat');
      // Then the good file: the form reloads with the values.
      const good = await fill((code, i) => 70 + i * 7.5);
      await page.setInputFiles('[data-test="import-file"]', { name: 'format-isi.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: good.buffer });
      await page.locator('[data-test="import-done"]').waitFor();
      const firstInput = page.locator(`[data-test="realisasi-${good.codes[0]}"]`);
      await page.waitForFunction((sel) => document.querySelector(sel)?.value === '77,5', `[data-test="realisasi-${good.codes[0]}"]`);
      if ((await page.locator(`[data-test="realisasi-${good.codes[1] ?? good.codes[0]}"]`).inputValue()) !== (good.codes[1] ? '85' : '77,5')) throw new Error('imported values not shown');
      await firstInput.waitFor();
      await shot(page, '20-operator-impor-berhasil');
      await page.locator('[data-test="submit"]').click();
      await page.locator('[data-test="submission-status"]', { hasText: 'Dikirim' }).waitFor();

      // The other Bidang fill by API; the Kasubbag accepts all; the request reaches step 6.
      for (const code of ['kelembagaan', 'keudes', 'ekonomi']) {
        const op = await apiLogin(base, `operator.${code}`);
        const s = d.dataRequest.submissions.find((x) => x.bidang.code.toLowerCase() === code || x.bidang.code.toLowerCase().startsWith(code.slice(0, 5)));
        const sd = await gql(base, op, 'query($id: UUID!){ submission(id:$id){ id version values { indicatorId } } }', { id: s.id });
        const saved = await gql(base, op, 'mutation($i: SaveSubmissionInput!){ saveSubmission(input:$i){ id version } }', {
          i: { submissionId: s.id, expectedVersion: sd.submission.version, values: sd.submission.values.map((v, k) => ({ indicatorId: v.indicatorId, realisasi: 40 + k * 20 })) },
        });
        await gql(base, op, 'mutation($i: SubmissionActionInput!){ submitSubmission(input:$i){ id } }', { i: { submissionId: s.id, expectedVersion: saved.saveSubmission.version } });
      }
      const subs = await gql(base, kas, 'query($id: UUID!){ dataRequest(id:$id){ submissions { id } } }', { id: requestId });
      for (const s of subs.dataRequest.submissions) {
        const sd = await gql(base, kas, 'query($id: UUID!){ submission(id:$id){ version } }', { id: s.id });
        await gql(base, kas, 'mutation($i: SubmissionActionInput!){ acceptSubmission(input:$i){ id } }', { i: { submissionId: s.id, expectedVersion: sd.submission.version } });
      }
      await gql(base, pen, 'mutation($i: AdvanceInput!){ forwardCollection(input:$i){ id } }', { i: { requestId } });
      await gql(base, kas, 'mutation($i: AdvanceInput!){ compileData(input:$i){ id } }', { i: { requestId } });

      // The Kasubbag writes a narrative per Bidang, saves the analysis, sees the charts.
      await loginAs('kasubbag');
      await page.goto(`${base}/permintaan/${requestId}`);
      await page.locator('[data-test="analysis-form"]').waitFor();
      const firstBidang = page.locator('[data-test^="narrative-"]').first();
      await firstBidang.locator('[data-test="narrative-achievements"]').fill('Seluruh indikator terisi tepat waktu.');
      await firstBidang.locator('[data-test="narrative-obstacles"]').fill('Data desa terlambat masuk.');
      await firstBidang.locator('[data-test="narrative-solutions"]').fill('Pendampingan operator desa.');
      await page.fill('#narrative', 'Capaian Dinas Triwulan IV baik.');
      await page.locator('[data-test="save-analysis"]').click();
      await page.locator('[data-test="analysis-saved"]').waitFor();
      await page.locator('[data-test="office-capaian"]').waitFor();
      await page.locator('[data-test="charts"] canvas').first().waitFor();
      if ((await page.locator('[data-test="charts"] canvas').count()) !== 3) throw new Error('expected 3 charts');
      const label = await page.locator('[data-test="chart-bidang"]').getAttribute('aria-label');
      if (!/Grafik batang capaian per Bidang/.test(label ?? '')) throw new Error('chart needs a text alternative');
      await page.locator('[data-test="bidang-completeness"] [data-test="bidang-row"]').first().waitFor();
      await page.locator('[data-test="spread-table"]').waitFor();
      // The narrative survives a reload.
      await page.reload();
      await page.locator('[data-test="narrative-achievements"]').first().waitFor();
      if ((await page.locator('[data-test="narrative-achievements"]').first().inputValue()) !== 'Seluruh indikator terisi tepat waktu.') throw new Error('Bidang narrative not saved');
      await page.locator('[data-test="charts"] canvas').first().waitFor();
      await page.waitForTimeout(300);
      await shot(page, '21-kasubbag-analisis-grafik');
      await page.locator('[data-test="charts"]').screenshot({ path: path.join(artefacts, '21b-kasubbag-grafik.png') });

      // …and downloads the recap as PDF, with the Authorization header (HTTP 200, %PDF-).
      const [resp, pdfDl] = await Promise.all([
        page.waitForResponse((r) => r.url().includes(`/api/requests/${requestId}/recap.pdf`)),
        page.waitForEvent('download'),
        page.locator('[data-test="download-recap-pdf"]').click(),
      ]);
      if (resp.status() !== 200) throw new Error(`recap.pdf answered ${resp.status()}`);
      const bytes = fs.readFileSync(await pdfDl.path());
      if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('recap.pdf is not a PDF');
      await page.locator('[data-test="verification-code"]').waitFor();
    });
    // ------------------------------------------------------------------------------------------
    // Last: it adds a fifth Bidang, which would change the other scenarios.
    await scenario(SCENARIOS[4], async () => {
      await loginAs('admin');
      await page.getByRole('link', { name: 'Administrasi' }).first().click();
      await page.getByRole('heading', { name: 'Pengguna', exact: true }).waitFor();
      await page.fill('#u-username', `operator.uji${stamp.toLowerCase()}`);
      await page.fill('#u-name', 'Operator Uji Coba');
      await page.fill('#u-nip', '19711219 1998003 1 006');
      await page.locator('[data-test="nip-msg"]').getByText('NIP harus 18 digit angka.').waitFor();
      await page.fill('#u-nip', '19920315 202001 2 004');
      await page.locator('[data-test="nip-msg"]').getByText('19920315 202001 2 004').waitFor();
      await page.fill('#u-password', 'rahasia-uji-123');
      await page.getByLabel('Operator Bidang').check();
      await page.selectOption('#u-bidang', { index: 1 });
      await page.getByRole('button', { name: 'Tambah pengguna' }).click();
      await page.getByText('Operator Uji Coba').waitFor();
      await shot(page, '16-admin-pengguna');

      await page.getByRole('link', { name: 'Hari libur' }).click();
      await page.fill('#h-year', '2026');
      await page.fill('#h-date', '2026-12-28');
      await page.fill('#h-name', 'Libur khusus Dinas (uji)');
      await page.getByRole('button', { name: 'Tambah hari libur' }).click();
      await page.getByText('Libur khusus Dinas (uji)').waitFor();
      await page.getByText('28 Desember 2026').first().waitFor();

      // Moving a holiday moves the due time of an open step (issue 12 §4). A request registered
      // now has step 1 open; its due time falls on the local date D of its first working moment.
      // Moving Tahun Baru 2027 onto D makes D a holiday, so the step is due a working day later.
      const sekToken = await apiLogin(base, 'sekretaris');
      const moved = await gql(base, sekToken, `mutation($i: RegisterDataRequestInput!) { registerDataRequest(input: $i) { id letterNumber dueAt } }`, {
        i: { year: 2026, triwulan: 4, letterNumber: `KAL/${stamp}`, letterDate: '2026-11-20', sender: 'Bappeda', subject: 'Uji kalender', indicatorIds: [], requestedDocuments: [] },
      });
      const dueDate = new Date(new Date(moved.registerDataRequest.dueAt).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
      await page.fill('#h-year', '2027');
      await page.locator('[data-test="edit-2027-01-01"]').click();
      await page.fill('#m-to', dueDate);
      await page.fill('#m-reason', 'Uji pemindahan (e2e)');
      await page.locator('[data-test="move-submit"]').click();
      await page.locator('[data-test="due-time-change"]', { hasText: `KAL/${stamp}` }).waitFor();
      await shot(page, '16b-admin-libur-dipindah');
      const after = await gql(base, sekToken, `query($id: UUID!) { dataRequest(id: $id) { dueAt } }`, { id: moved.registerDataRequest.id });
      if (!(new Date(after.dataRequest.dueAt) > new Date(moved.registerDataRequest.dueAt))) {
        throw new Error(`due time did not move: ${moved.registerDataRequest.dueAt} → ${after.dataRequest.dueAt}`);
      }

      await page.getByRole('link', { name: 'Indikator dan target' }).click();
      await page.getByRole('button', { name: 'Ubah' }).first().click();
      await page.locator('[data-test="indicator-form"]').waitFor();
      await page.fill('#f-t1', '31,5');
      await page.locator('[data-test="save-indicator"]').click();
      await page.getByText('TW I: 31,5').first().waitFor();
      await shot(page, '17-admin-indikator');

      await page.getByRole('link', { name: 'Plt / Plh' }).click();
      const penyusunOption = await page.locator('#a-user option', { hasText: '(@penyusun)' }).getAttribute('value');
      await page.selectOption('#a-user', penyusunOption);
      await page.selectOption('#a-role', 'KASUBBAG');
      await page.fill('#a-decree', '800/17/411.307/2027');
      await page.fill('#a-from', '2027-01-04');
      await page.fill('#a-until', '2027-01-08');
      await page.getByRole('button', { name: 'Tetapkan' }).click();
      await page.getByText('PLT Kasubbag Program dan Evaluasi').waitFor();

      await page.getByRole('link', { name: 'Bidang', exact: true }).click();
      await page.fill('#nb-code', `UJI${stamp}`.slice(0, 12));
      await page.fill('#nb-name', 'Bidang Uji Coba');
      await page.getByRole('button', { name: 'Tambah Bidang' }).click();
      await page.locator('input[value="Bidang Uji Coba"]').waitFor();

      await page.getByRole('link', { name: 'Jam kerja' }).click();
      await page.locator('#o-s1').waitFor();
      await page.getByRole('button', { name: 'Simpan' }).click();
      await page.getByText('Tersimpan.').waitFor();
      await shot(page, '18-admin-jam-kerja');
    });
  }, { headSignOff: false });
}

await run(main);
