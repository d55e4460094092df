#!/usr/bin/env node
/**
 * Browser scenario for the kabupaten dashboard (issue 15), on its own fresh database and an API
 * whose demo office has its replayed past (finished requests with frozen analyses). In the demo
 * pemda two more offices are written straight into the database for one Triwulan of that past:
 * Dinas Kesehatan with its report final, Dinas Sosial asked and never started. The Bappeda's
 * analyst opens "Dasbor Kabupaten" on a phone: the two offices with final reports are ranked by
 * capaian, the one that did not start is unranked with "Belum ada analisis final" and 0 %
 * completeness; sorted by timeliness it ranks last; the drill-down shows the demo office's frozen
 * analysis; the XLSX downloads. Screenshots at 360 px and 1280 px. (When K1's requester side is
 * merged, pemda.spec.mjs drives the same offices through their seven steps instead of the inserts.)
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { artefacts, createScenarioRunner, DESKTOP, PASSWORD, PHONE, shot, withStack } from './harness.mjs';

const SCENARIOS = ['Analis Bappeda: peringkat Dinas di Dasbor Kabupaten (dua laporan final, satu belum mulai), urutan, rincian analisis, unduh XLSX'];
const { scenario, watch, run } = createScenarioRunner({ label: 'e2e (dasbor kabupaten)', scenarios: SCENARIOS, resultFile: 'e2e-rollup.json', failedShot: 'FAILED-rollup' });
const shots = (page, name) => shot(page, name, [PHONE, DESKTOP]);

/**
 * Two offices of the demo pemda for the period of the demo office's latest frozen analysis: one
 * whose report is final (capaian 88,4; its steps on time), one asked and never started (step 1
 * open and long past due). Returns that period.
 */
async function seedOffices(databaseUrl) {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const { rows: [demo] } = await c.query(`
      SELECT o.id, o."pemdaId", o."officeHours", r.year, r.triwulan, r."stepStartedAt"
        FROM "Office" o JOIN "DataRequest" r ON r."officeId" = o.id JOIN "PerformanceAnalysis" a ON a."requestId" = r.id AND a.status = 'SUBMITTED'
       WHERE o.code = 'DPMD-NGANJUK' ORDER BY a."submittedAt" DESC LIMIT 1`);
    if (!demo) throw new Error('the demo office has no frozen analysis (SEED_DEMO_HISTORY?)');
    const someone = (await c.query(`SELECT id FROM "User" WHERE username = 'kasubbag'`)).rows[0].id;
    for (const [code, name, final] of [['DINKES-E2E', 'Dinas Kesehatan', true], ['DINSOS-E2E', 'Dinas Sosial', false]]) {
      const { rows: [office] } = await c.query(`INSERT INTO "Office"(id, "pemdaId", code, name, regency, "officeHours") VALUES (gen_random_uuid(), $1, $2, $3, 'Kabupaten Nganjuk', $4) RETURNING id`, [demo.pemdaId, code, name, demo.officeHours]);
      const bidang = [];
      for (const k of [1, 2]) bidang.push((await c.query(`INSERT INTO "Bidang"(id, "officeId", code, name) VALUES (gen_random_uuid(), $1, $2, $3) RETURNING id`, [office.id, `B${k}`, `Bidang ${k}`])).rows[0].id);
      const start = new Date(demo.stepStartedAt);
      const { rows: [req] } = await c.query(
        `INSERT INTO "DataRequest"(id, "officeId", year, triwulan, "letterNumber", "letterDate", sender, subject, status, "currentStep", "stepStartedAt", "createdById", "updatedAt")
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5::date, 'Bappeda Kabupaten Nganjuk', 'Permintaan data kinerja', $6, $7, $8, $9, now()) RETURNING id`,
        [office.id, demo.year, demo.triwulan, `050/E2E/${code}`, start.toISOString().slice(0, 10), final ? 'DONE' : 'AT_SEKRETARIS', final ? 7 : 1, start, someone],
      );
      const hour = 3_600_000;
      for (let s = 1; s <= (final ? 7 : 1); s++) {
        const at = new Date(start.getTime() + (s - 1) * 24 * hour);
        await c.query(`INSERT INTO "RequestStep"(id, "requestId", step, "startedAt", "dueAt", "completedAt") VALUES (gen_random_uuid(), $1, $2, $3, $4, $5)`, [req.id, s, at, new Date(at.getTime() + 4 * hour), final ? new Date(at.getTime() + hour) : null]);
      }
      for (const b of bidang) {
        await c.query(`INSERT INTO "DataRequestBidang"("requestId", "bidangId") VALUES ($1, $2)`, [req.id, b]);
        if (final) await c.query(`INSERT INTO "BidangSubmission"(id, "requestId", "bidangId", status, "firstSubmittedAt", "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'ACCEPTED', $3, now())`, [req.id, b, new Date(start.getTime() + 80 * hour)]);
      }
      if (final) {
        const office = { key: 'office', label: name, average: 88.4, averageUncapped: 88.4, category: { code: 'BAIK', label: 'Baik', labelEn: 'Good' }, indicatorCount: 2, missingCount: 0, flaggedCount: 0 };
        await c.query(
          `INSERT INTO "PerformanceAnalysis"(id, "requestId", version, status, "scaleCode", "scaleVersion", "officeCapaian", results, "createdById", "submittedAt") VALUES (gen_random_uuid(), $1, 1, 'SUBMITTED', 'LKJIP_5', 1, 88.4, $2, $3, $4)`,
          [req.id, JSON.stringify({ office, perBidang: [], perSasaran: [], indicators: [], bidang: [], completeness: null, cap: null }), someone, new Date(start.getTime() + 6 * 24 * hour)],
        );
      }
    }
    return { year: demo.year, triwulan: demo.triwulan };
  } finally {
    await c.end();
  }
}

async function main() {
  await withStack(async ({ base, databaseUrl, page }) => {
    watch(page);
    const period = await seedOffices(databaseUrl);

    await scenario(SCENARIOS[0], async () => {
      await page.goto(`${base}/masuk`);
      await page.fill('#login', 'bappeda');
      await page.fill('#password', PASSWORD);
      await page.getByRole('button', { name: 'Masuk' }).click();
      await page.locator('[data-test="nav-kabupaten"]').click();
      await page.getByRole('heading', { name: 'Dasbor Kabupaten' }).waitFor();
      await page.selectOption('[data-test="year"]', String(period.year));
      await page.selectOption('[data-test="period"]', String(period.triwulan ?? 0));
      const label = period.triwulan ? `Triwulan ${['I', 'II', 'III', 'IV'][period.triwulan - 1]} ${period.year}` : `Tahun ${period.year}`;
      await page.locator('[data-test="summary"] h2', { hasText: label }).waitFor();
      // On a phone the chosen period reads whole ("Setahun penuh" was cut to "Setahun penu" when
      // the year and the period shared the row half and half): the select is wider than its text
      // plus its padding and arrow.
      const before = page.viewportSize();
      await page.setViewportSize(PHONE);
      await page.selectOption('[data-test="period"]', '0');
      const fit = await page.locator('[data-test="period"]').evaluate((s) => {
        const ctx = document.createElement('canvas').getContext('2d');
        ctx.font = getComputedStyle(s).font;
        return { width: s.clientWidth, text: Math.ceil(ctx.measureText(s.options[s.selectedIndex].text).width) };
      });
      if (fit.width < fit.text + 40) throw new Error(`the period select is ${fit.width}px for ${fit.text}px of text at ${PHONE.width}px`);
      await page.selectOption('[data-test="period"]', String(period.triwulan ?? 0));
      await page.locator('[data-test="summary"] h2', { hasText: label }).waitFor();
      await page.setViewportSize(before);

      // By capaian: the two offices with a final report ranked 1 and 2, the others unranked.
      const league = async () =>
        page.locator('[data-test="league"] > li').evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-office'), li.querySelector('[data-test="rank"]').textContent.trim()]));
      const byCapaian = await league();
      const ranked = byCapaian.filter(([, r]) => r !== '–').map(([n]) => n);
      if (ranked.length !== 2 || !ranked.includes('Dinas Kesehatan') || !ranked.includes('Dinas Pemberdayaan Masyarakat dan Desa')) throw new Error(`ranked by capaian: ${JSON.stringify(byCapaian)}`);
      if (byCapaian.slice(0, 2).some(([, r]) => r === '–')) throw new Error(`the ranked offices are not on top: ${JSON.stringify(byCapaian)}`);
      const sosial = page.locator('[data-office="Dinas Sosial"]');
      await sosial.locator('[data-test="no-final"]', { hasText: 'Belum ada analisis final' }).waitFor();
      const completeness = (await sosial.locator('[data-test="completeness"]').innerText()).trim();
      if (!completeness.startsWith('0%')) throw new Error(`Dinas Sosial completeness: ${completeness}`);
      await page.locator('[data-office="Dinas Kesehatan"] [data-test="capaian"]', { hasText: '88,4%' }).waitFor();
      await page.locator('[data-office="Badan Perencanaan Pembangunan Daerah"] [data-test="not-asked"]').waitFor();
      await page.locator('[data-office="Sekretariat Daerah"] [data-test="not-asked"]').waitFor();
      await shots(page, '90-dasbor-kabupaten');

      // By timeliness: Dinas Sosial's open, long overdue step 1 puts it last among the ranked.
      await page.locator('[data-test="sort-TIMELINESS"]').click();
      await page.getByRole('heading', { name: 'Peringkat menurut Ketepatan waktu' }).waitFor();
      const byTime = await league();
      const rankedTime = byTime.filter(([, r]) => r !== '–');
      if (rankedTime.at(-1)?.[0] !== 'Dinas Sosial' || rankedTime.length !== 3) throw new Error(`ranked by timeliness: ${JSON.stringify(byTime)}`);
      await shots(page, '91-dasbor-kabupaten-ketepatan');

      // The trend has at least the period shown.
      await page.locator('[data-test="trend"] th', { hasText: label }).waitFor();

      // XLSX of the league table.
      const [xlsx] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="download-xlsx"]').click()]);
      const xlsxFile = path.join(artefacts, '92-peringkat-kabupaten.xlsx');
      await xlsx.saveAs(xlsxFile);
      if (fs.readFileSync(xlsxFile).subarray(0, 2).toString() !== 'PK') throw new Error('the download is not an XLSX');

      // Drill-down: the demo office's frozen analysis, read-only.
      await page.locator('[data-office="Dinas Pemberdayaan Masyarakat dan Desa"] [data-test="drill"]').click();
      await page.locator('[data-test="office"]', { hasText: 'Dinas Pemberdayaan Masyarakat dan Desa' }).waitFor();
      await page.locator('[data-test="office-capaian"]').waitFor();
      await page.locator('[data-test="analysis-head"]', { hasText: label }).waitFor();
      await shots(page, '93-dasbor-kabupaten-rincian');
    });
  }, { demoHistory: true });
}

await run(main);
