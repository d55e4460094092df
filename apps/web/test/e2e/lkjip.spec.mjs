#!/usr/bin/env node
/**
 * Browser scenario for the LKjIP chapter III (issue 14 §3, "Done when"), on its own fresh
 * database and an API whose demo office has its replayed year (SEED_DEMO_HISTORY: the annual
 * requests of the two last years with frozen analyses). On a phone the Kasubbag opens "LKjIP",
 * generates last year's draft from the analyses, reads the table (numbers read-only), writes the
 * efficiency and the supporting programmes of a Sasaran, enters Bab III B the Indonesian way,
 * saves a new version, sees the versions, and downloads the DOCX (its word/document.xml read here)
 * and the PDF (rendered to PNG with pdftoppm, to be looked at). The Sekretaris then reads it
 * without being able to change it. Screenshots at 360 px and 1280 px.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { apiLogin, artefacts, createScenarioRunner, DESKTOP, gql, PHONE, shot, signIn, withStack } from './harness.mjs';

const SCENARIOS = ['Kasubbag: menyusun, mengubah dan mengunduh LKjIP Bab III tahun lalu; Sekretaris membacanya'];
const { scenario, watch, run } = createScenarioRunner({ label: 'e2e (LKjIP)', scenarios: SCENARIOS, resultFile: 'e2e-lkjip.json', failedShot: 'FAILED-lkjip' });
const shots = (page, name) => shot(page, name, [PHONE, DESKTOP]);

// The page opens on last year: the demo history holds its annual request and the one before.
const YEAR = new Date().getFullYear() - 1;
const EFFICIENCY = 'Pelatihan operator desa digabung per kecamatan sehingga biaya per peserta turun 18 %.';
const PROGRAMMES = 'Program Penataan Desa: kegiatan fasilitasi penyusunan APBDes dan pembinaan Profil Desa.';
const PROGRAMME = 'Program Pemberdayaan Lembaga Kemasyarakatan, Lembaga Adat dan Masyarakat Hukum Adat';

/** The text of a DOCX: its word/document.xml with the tags taken out (paragraphs and cells kept apart). */
function docxText(file) {
  const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { maxBuffer: 64 * 1024 * 1024 }).toString('utf8');
  return xml
    .replace(/<\/w:p>|<\/w:tc>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}

async function main() {
  await withStack(async ({ base, page }) => {
    watch(page);

    await scenario(SCENARIOS[0], async () => {
      await signIn(page, base, 'kasubbag');
      await page.locator('[data-test="nav-lkjip"]').click();
      await page.getByRole('heading', { name: 'LKjIP Bab III — Akuntabilitas Kinerja' }).waitFor();
      if ((await page.locator('[data-test="year"]').inputValue()) !== String(YEAR)) throw new Error('the page does not open on last year');
      await page.locator('[data-test="no-draft"]').waitFor();
      await shots(page, '80-lkjip-kosong');

      // Before generating: the preview names the analysis each year will use.
      await page.locator('[data-test="preview-toggle"]').click();
      await page.locator('[data-test="preview-ready"]', { hasText: `Draf ${YEAR} dapat disusun.` }).waitFor();
      await page.locator(`[data-test="preview-${YEAR}"] [data-test="used"]`, { hasText: `Tahun ${YEAR}` }).waitFor();
      await shots(page, '80b-lkjip-pratinjau');

      // Generate from the frozen analyses: one table per Sasaran, last year beside, numbers read-only.
      await page.locator('[data-test="generate"]').click();
      await page.locator('[data-test="note"]', { hasText: 'Draf versi 1 disusun dari analisis beku.' }).waitFor();
      await page.locator('[data-test="sources"] li', { hasText: `Tahun ${YEAR}` }).waitFor();
      await page.locator('[data-test="sources"] li', { hasText: `Tahun ${YEAR - 1}` }).waitFor();
      const kas = await apiLogin(base, 'kasubbag');
      const { lkjipDraft: api1 } = await gql(base, kas, 'query($y: Int!){ lkjipDraft(year: $y){ version sasaran { code indicators { code realisasi capaian } } } }', { y: YEAR });
      const first = api1.sasaran[0].indicators[0];
      // On the phone one card per indicator; the table on a wide screen says the same.
      const shown = await page.locator(`[data-test="card-${first.code}"] [data-test="realisasi"]`).innerText();
      const expected = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }).format(first.realisasi);
      if (shown !== expected) throw new Error(`realisasi of ${first.code}: the page shows ${shown}, the API has ${first.realisasi}`);
      if ((await page.locator('table input, [data-test^="cards-"] input').count()) !== 0) throw new Error('a number of the table can be typed');
      await page.setViewportSize(DESKTOP);
      const wide = await page.locator(`[data-test="row-${first.code}"] [data-test="realisasi"]`).innerText();
      await page.setViewportSize(PHONE);
      if (wide !== expected) throw new Error(`realisasi of ${first.code} in the wide table: ${wide}`);
      await shots(page, '81-lkjip-draf');

      // The Kasubbag's part: efficiency and supporting programmes of Sasaran 1, and Bab III B.
      const s1 = api1.sasaran[0].code;
      await page.fill(`[data-test="efficiency-${s1}"]`, EFFICIENCY);
      await page.fill(`[data-test="programmes-${s1}"]`, PROGRAMMES);
      await page.locator('[data-test="add-line"]').click();
      await page.fill('[data-test="programme-0"]', PROGRAMME);
      await page.fill('[data-test="pagu-0"]', '1.250.000.000');
      await page.fill('[data-test="budget-realisasi-0"]', '1.187.500.000');
      await page.locator('[data-test="save"]').click();
      await page.locator('[data-test="note"]', { hasText: 'Tersimpan sebagai versi 2.' }).waitFor();
      await page.locator('[data-test="percent-0"]', { hasText: '95%' }).waitFor();
      await page.locator('[data-test="budget-total"]', { hasText: '1.250.000.000' }).waitFor();
      const options = await page.locator('[data-test="version"] option').allInnerTexts();
      if (options.length !== 2 || !/Versi 2/.test(options[0]) || !/Versi 1/.test(options[1])) throw new Error(`versions: ${options.join(' | ')}`);
      await shots(page, '82-lkjip-disimpan');

      // DOCX: opened here and its text checked.
      const [docx] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="download-docx"]').click()]);
      const docxFile = path.join(artefacts, '83-lkjip-bab3.docx');
      await docx.saveAs(docxFile);
      if (!docx.suggestedFilename().endsWith('.docx')) throw new Error(`DOCX named ${docx.suggestedFilename()}`);
      const text = docxText(docxFile);
      fs.writeFileSync(path.join(artefacts, '83-lkjip-bab3.txt'), text);
      for (const s of ['AKUNTABILITAS KINERJA', EFFICIENCY, PROGRAMMES, PROGRAMME, '1.250.000.000', expected, String(YEAR - 1)]) {
        if (!text.toUpperCase().includes(s.toUpperCase())) throw new Error(`the DOCX does not contain "${s}"`);
      }

      // PDF: an issued document (verification code), rendered to PNG to be looked at.
      const [pdf] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="download-pdf"]').click()]);
      const pdfFile = path.join(artefacts, '84-lkjip-bab3.pdf');
      await pdf.saveAs(pdfFile);
      if (fs.readFileSync(pdfFile).subarray(0, 5).toString() !== '%PDF-') throw new Error('the download is not a PDF');
      await page.locator('[data-test="verification-code"]').waitFor();
      execFileSync('pdftoppm', ['-png', '-r', '70', pdfFile, path.join(artefacts, '84-lkjip-bab3')]);
      const pngs = fs.readdirSync(artefacts).filter((f) => /^84-lkjip-bab3-\d+\.png$/.test(f));
      if (pngs.length < 2) throw new Error(`the PDF rendered to ${pngs.length} page(s)`);

      // An earlier version reads but cannot be changed.
      await page.selectOption('[data-test="version"]', '1');
      await page.locator('[data-test="old-version"]').waitFor();
      if ((await page.locator('[data-test="save"]').count()) !== 0) throw new Error('an earlier version offers to save');

      // The Sekretaris reads the draft; nothing to change.
      await signIn(page, base, 'sekretaris');
      await page.locator('[data-test="nav-lkjip"]').click();
      await page.locator(`[data-test="card-${first.code}"]`).waitFor();
      if ((await page.locator('[data-test="generate"]').count()) + (await page.locator('[data-test="save"]').count()) !== 0) throw new Error('the Sekretaris is offered to write');
      if (!(await page.locator(`[data-test="efficiency-${s1}"]`).isDisabled())) throw new Error('the Sekretaris can edit a narrative');
      if ((await page.locator(`[data-test="efficiency-${s1}"]`).inputValue()) !== EFFICIENCY) throw new Error('the Sekretaris does not see the saved narrative');
      await shots(page, '85-lkjip-sekretaris');
    });
  }, { demoHistory: true });
}

await run(main);
