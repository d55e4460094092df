#!/usr/bin/env node
/**
 * Browser scenarios for findings and their follow-up (TL HP, issue 14 §2), on their own fresh
 * database and API, on a phone:
 * 1. The Kasubbag sets the days per source, records an Inspektorat LHP (its receipt date first
 *    typed as 1 November 2026) and enters its two findings of Bidang Pemerintahan Desa IN THE SPA
 *    (one with two recommendations, then edited down to one); corrects the receipt date to
 *    1 June 2026, which moves both deadlines to 31 July 2026: they go overdue and escalate at
 *    once (the real job runner of the e2e API; no clock injected); downloads the import template; an Excel import
 *    with a bad row is refused whole (the problem listed by row), the corrected file adds two
 *    findings of another Bidang.
 * 2. The Bidang's operator answers 1.01 and uploads its evidence; the Inspektorat's verifier
 *    verifies it (status 1); 1.02 stays overdue in the register; the Kasubbag sees 1.01 frozen
 *    for editing, and the escalation of 1.02 in the notifications. (The escalation firing
 *    at the end of the deadline day is tested with an injected clock in
 *    apps/api/test/findings-reminders.test.ts.)
 * Screenshots at 360 and 1280 px of every page.
 */
import ExcelJS from 'exceljs';
import { apiLogin, createScenarioRunner, DESKTOP, gql, pdf, PHONE, shot, signIn, withStack } from './harness.mjs';

const SCENARIOS = [
  'Kasubbag mencatat LHP Inspektorat dan dua temuannya di SPA (pengaturan hari, ubah temuan, templat, impor Excel ditolak lalu diterima)',
  'temuan LHP Inspektorat: Bidang menjawab dengan bukti, APIP memverifikasi, temuan lain terlambat dan dieskalasi',
];
const { scenario, watch, run } = createScenarioRunner({ label: 'e2e (temuan)', scenarios: SCENARIOS, resultFile: 'e2e-findings.json', failedShot: 'FAILED-findings' });
const shots = (page, name) => shot(page, name, [PHONE, DESKTOP]);
const LHP = '700/214/411.050/2026';

/**
 * An import sheet in the template's layout, two findings of Bidang Keuangan dan Aset Desa; with
 * `bad`, finding 2.02 names a Bidang that does not exist (row 3).
 */
async function sheet(bad) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Temuan');
  ws.addRow(['Kode Temuan', 'Judul Temuan', 'Kondisi', 'Kriteria', 'Sebab', 'Akibat', 'Kode Bidang', 'Kode Indikator', 'Kode Rekomendasi', 'Rekomendasi']);
  ws.addRow(['2.01', 'Kas desa melebihi batas', 'Saldo kas desa melebihi batas.', 'Permendagri 20/2018.', 'Belum ada pengawasan.', 'Risiko penyalahgunaan.', 'KEUDES', 'IKU-06', '2.01.1', 'Menyetorkan kelebihan kas ke rekening desa.']);
  ws.addRow(['2.02', 'LPJ Dana Desa terlambat', 'LPJ terlambat.', 'Permendagri 20/2018.', 'Kurang koordinasi.', 'Risiko sanksi.', bad ? 'TIDAKADA' : 'KEUDES', '', '2.02.1', 'Menyusun jadwal pelaporan.']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function main() {
  await withStack(async ({ base, page }) => {
    watch(page);

    const kasubbag = await apiLogin(base, 'kasubbag');
    const { bidangList } = await gql(base, kasubbag, '{ bidangList { id code name } }');
    const pemdes = bidangList.find((b) => b.code === 'PEMDES');
    let reportId = null;

    await scenario(SCENARIOS[0], async () => {
      await signIn(page, base, 'kasubbag');
      await page.locator('[data-test="nav-findings"]').click();
      await page.locator('[data-test="to-reports"]').click();
      await page.getByRole('heading', { name: 'Laporan hasil pemeriksaan dan evaluasi' }).waitFor();

      // The days per source: the AKIP evaluation's LHE gets 30 days; the Inspektorat keeps 60.
      await page.locator('[data-test="to-settings"]').click();
      await page.locator('[data-test="days-AKIP"]').fill('30');
      await page.locator('[data-test="save-AKIP"]').click();
      await page.getByText('Batas waktu Evaluasi AKIP disimpan: 30 hari.').waitFor();
      await page.locator('[data-test="deadline-setting"]').filter({ hasText: 'Evaluasi AKIP' }).getByText('diatur Dinas').waitFor();
      await shots(page, '74-temuan-pengaturan-hari');

      await page.getByRole('link', { name: '← LHP/LHE' }).click();
      await page.locator('[data-test="r-source"]').selectOption('INSPEKTORAT');
      await page.locator('[data-test="r-number"]').fill(LHP);
      await page.locator('[data-test="r-title"]').fill('LHP Pemeriksaan Reguler Dinas PMD');
      await page.locator('[data-test="r-year"]').fill('2026');
      // Typed wrong at first (the date of the covering letter): corrected below.
      await page.locator('[data-test="r-received"]').fill('2026-11-01');
      await page.getByText('Pengaturan Dinas untuk sumber ini: 60 hari kalender.').waitFor();
      await shots(page, '75-temuan-lhp-baru');
      await page.locator('[data-test="r-save"]').click();
      await page.getByRole('heading', { name: `LHP ${LHP}` }).waitFor();
      await page.getByText('batas waktu 31 Desember 2026 (60 hari)').waitFor();
      reportId = page.url().split('/').pop();

      const enter = async (code, title, recs) => {
        await page.locator('[data-test="add-finding"]').click();
        const form = page.locator('[data-test="finding-form"]');
        await form.locator('[data-test="f-code"]').fill(code);
        await form.locator('[data-test="f-bidang"]').selectOption({ label: pemdes.name });
        await form.locator('[data-test="f-title"]').fill(title);
        await form.locator('[data-test="f-kondisi"]').fill('Kondisi sesuai LHP.');
        await form.locator('[data-test="f-kriteria"]').fill('Permendagri 20/2018.');
        await form.locator('[data-test="f-sebab"]').fill('Pengawasan belum optimal.');
        await form.locator('[data-test="f-akibat"]').fill('Risiko salah saji.');
        for (let i = 0; i < recs.length; i++) {
          if (i > 0) await form.locator('[data-test="f-rec-add"]').click();
          await form.locator('[data-test="f-rec-code"]').nth(i).fill(`${code}.${i + 1}`);
          await form.locator('[data-test="f-rec-text"]').nth(i).fill(recs[i]);
        }
        return form;
      };
      await enter('1.01', 'Laporan realisasi dana desa terlambat', ['Menegur secara tertulis pendamping desa yang terlambat.']);
      await page.locator('[data-test="f-save"]').click();
      await page.getByText('Temuan 1.01 tersimpan.').waitFor();
      const form = await enter('1.02', 'Aset desa belum dicatat', ['Menginventarisasi dan mencatat aset desa dalam KIB.', 'Menegur bendahara desa.']);
      await shots(page, '76-temuan-isi-temuan');
      await form.locator('[data-test="f-save"]').click();
      await page.getByText('Temuan 1.02 tersimpan.').waitFor();

      // Editing: 1.02 loses its second recommendation and gets a clearer kondisi.
      const second = page.locator('[data-test="report-finding"]').filter({ hasText: 'Aset desa belum dicatat' });
      await second.locator('[data-test="edit-finding"]').click();
      const edit = page.locator('[data-test="finding-form"]');
      await edit.locator('[data-test="f-kondisi"]').fill('Aset tanah dan bangunan di 12 desa belum dicatat dalam KIB.');
      await edit.locator('[data-test="f-rec-remove"]').nth(1).click();
      await shots(page, '77-temuan-ubah-temuan');
      await edit.locator('[data-test="f-save"]').click();
      await page.getByText('Temuan 1.02 tersimpan.').waitFor();
      await page.getByText('Aset tanah dan bangunan di 12 desa belum dicatat dalam KIB.').waitFor();
      if ((await page.locator('[data-test="report-rec"]').count()) !== 2) throw new Error('two findings with one recommendation each expected');
      if ((await page.getByText('Terlambat', { exact: true }).count()) !== 0) throw new Error('nothing is late with the date as first typed');

      // The receipt date corrected to 1 June: both deadlines move to 31 July and are past — the
      // recommendations go overdue and their escalation jobs run at once.
      await page.locator('[data-test="edit-report"]').click();
      await page.locator('[data-test="re-received"]').fill('2026-06-01');
      await shots(page, '77b-temuan-perbaiki-lhp');
      await page.locator('[data-test="re-save"]').click();
      await page.getByText('Laporan diperbaiki; batas waktu rekomendasi mengikuti.').waitFor();
      await page.getByText('batas waktu 31 Juli 2026 (60 hari)').waitFor();
      await page.locator('[data-test="report-rec"]').filter({ hasText: '1.02.1' }).getByText('Terlambat', { exact: true }).waitFor();
      if ((await page.getByText('Terlambat', { exact: true }).count()) !== 2) throw new Error('both recommendations are late after the correction');

      // The Excel import is all or nothing: one bad row refuses the file, the problem named by row.
      const [template] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="import-template"]').click()]);
      if (template.suggestedFilename() !== 'templat-impor-temuan.xlsx') throw new Error(`template: ${template.suggestedFilename()}`);
      await page.setInputFiles('[data-test="import-file"]', { name: 'temuan.xlsx', mimeType: XLSX_TYPE, buffer: await sheet(true) });
      const row = page.locator('[data-test="import-error-row"]');
      await row.first().waitFor();
      const cells = await row.allInnerTexts();
      if (cells.length !== 1 || !/3\s+Kode Bidang\s+Bidang TIDAKADA tidak dikenal/.test(cells[0])) throw new Error(`import problems: ${JSON.stringify(cells)}`);
      await page.getByText('Berkas tidak dapat diimpor: 1 isian bermasalah. Tidak ada temuan yang disimpan.').waitFor();
      if ((await page.locator('[data-test="report-finding"]').count()) !== 2) throw new Error('the refused import must not add a finding');
      await shots(page, '78-temuan-laporan-impor-ditolak');

      const { findingsOfReport } = await gql(base, kasubbag, 'query($r: UUID!){ findingsOfReport(reportId: $r) { code bidangName recommendations { code deadline overdue } } }', { r: reportId });
      const got = JSON.stringify(findingsOfReport);
      const want = JSON.stringify([
        { code: '1.01', bidangName: pemdes.name, recommendations: [{ code: '1.01.1', deadline: '2026-07-31', overdue: true }] },
        { code: '1.02', bidangName: pemdes.name, recommendations: [{ code: '1.02.1', deadline: '2026-07-31', overdue: true }] },
      ]);
      if (got !== want) throw new Error(`entered: ${got}`);

      // The corrected file goes in whole: two more findings, of Bidang Keuangan dan Aset Desa.
      await page.setInputFiles('[data-test="import-file"]', { name: 'temuan.xlsx', mimeType: XLSX_TYPE, buffer: await sheet(false) });
      await page.getByText('2 temuan dengan 2 rekomendasi diimpor.').waitFor();
      await page.locator('[data-test="report-finding"]').nth(3).waitFor();
      await page.locator('[data-test="report-finding"]').filter({ hasText: 'Kas desa melebihi batas' }).getByText('Bidang Keuangan dan Aset Desa').waitFor();
    });

    await scenario(SCENARIOS[1], async () => {
      if (!reportId) throw new Error('the report was not entered');
      await signIn(page, base, 'operator.pemdes');
      await page.locator('[data-test="nav-findings"]').click();
      await page.getByRole('heading', { name: 'Tindak lanjut hasil pemeriksaan' }).waitFor();
      const rows = page.locator('[data-test="finding-row"]');
      await rows.nth(1).waitFor();
      if ((await page.getByText('Terlambat', { exact: true }).count()) !== 2) throw new Error('both recommendations should be overdue');
      await shots(page, '70-temuan-register-bidang');

      await rows.filter({ hasText: '1.01' }).getByRole('link').click();
      // The finding it answers, folded above the answer form.
      await page.locator('[data-test="rec-finding"] summary').click();
      await page.locator('[data-test="rec-finding"]').getByText('Pengawasan belum optimal.').waitFor();
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
      const late = await page.locator('[data-test="finding-row"]').filter({ hasText: LHP }).filter({ has: page.getByText('Terlambat', { exact: true }) }).allInnerTexts();
      const lateCodes = late.map((x) => x.match(/^(\d\.\d\d) ·/m)?.[1]).sort();
      if (JSON.stringify(lateCodes) !== JSON.stringify(['1.02', '2.01', '2.02'])) throw new Error(`1.01 should no longer be overdue, the others should: ${JSON.stringify(late)}`);
      await shots(page, '73-temuan-register-apip');

      const apip = await apiLogin(base, 'inspektorat');
      const { findingRegister } = await gql(base, apip, 'query($r: UUID){ findingRegister(filter: { reportId: $r }) { counts { total overdue open } } }', { r: reportId });
      if (JSON.stringify(findingRegister.counts) !== JSON.stringify({ total: 4, overdue: 3, open: 3 })) throw new Error(`counts: ${JSON.stringify(findingRegister.counts)}`);

      // The Kasubbag: 1.01 can no longer be edited (verified); 1.02's escalation is in the notifications.
      await signIn(page, base, 'kasubbag');
      await page.goto(`${base}/temuan/laporan/${reportId}`);
      await page.locator('[data-test="report-finding"]').filter({ hasText: 'Laporan realisasi dana desa terlambat' }).getByText('Temuan ini tidak dapat diubah lagi: tindak lanjutnya sudah diverifikasi APIP.').waitFor();
      if ((await page.locator('[data-test="edit-finding"]').count()) !== 3) throw new Error('all but 1.01 should still be editable');
      await shots(page, '79-temuan-laporan-kasubbag');
      await page.goto(`${base}/pemberitahuan`);
      await page.getByText('Rekomendasi 1.02.1 atas temuan 1.02').first().waitFor({ timeout: 30_000 });
      await shots(page, '80-temuan-eskalasi-kasubbag');
    });
  });
}

await run(main);
