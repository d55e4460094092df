#!/usr/bin/env node
/**
 * Browser scenarios for what a request asks, and of whom (issue 11), on a phone in Indonesian:
 *  1. the Sekretaris registers a letter for two chosen Bidang and adds an ad-hoc indicator asked
 *     of both; the Bidang Pemerintahan Desa answers in the browser, the other by API; the recap the
 *     Kasubbag sees holds the ad-hoc indicator for both Bidang, and only the two Bidang count;
 *  2. a requester's deadline that the SOP's standard times would miss: the warning on the
 *     Sekretaris's inbox and on the request page.
 * Screenshots in test-results (70-…).
 */
import { apiLogin, createScenarioRunner, gql, shot, signIn, withStack } from './harness.mjs';

const SCENARIOS = [
  'indikator khusus ditanyakan kepada dua Bidang pilihan; keduanya menjawab; rekap memuatnya',
  'batas waktu dari pengirim yang terlewati jadwal SOP: peringatan di beranda Sekretaris dan halaman permintaan',
];
const { scenario, watch, run } = createScenarioRunner({ label: 'e2e (permintaan: Bidang, indikator khusus, batas waktu)', scenarios: SCENARIOS, resultFile: 'e2e-request-asks.json', failedShot: 'FAILED-request-asks' });
const AD_HOC = 'Jumlah desa yang menyusun RKPDes tepat waktu';

async function main() {
  // Written before the Kepala Bidang's sign-off (signoff.spec.mjs): operators hand in straight to
  // the secretariat (headSignOff: false).
  await withStack(async ({ base, page }) => {
    watch(page);

    const loginAs = (username) => signIn(page, base, username);

    await scenario(SCENARIOS[0], async () => {
      await loginAs('sekretaris');
      await page.goto(`${base}/permintaan/baru`);
      await page.getByRole('heading', { name: 'Daftarkan surat masuk' }).waitFor();
      await page.fill('#letterNumber', `700/${Date.now()}/411.303/2026`);
      await page.fill('#sender', 'Inspektorat Kabupaten Nganjuk');
      await page.fill('#subject', 'Permintaan data RKPDes untuk reviu');
      await page.fill('#year', '2026');
      await page.selectOption('#triwulan', '3');
      // Two Bidang of four: untick the others. No documents asked.
      const bidang = page.locator('[data-test="register-bidang"]');
      await bidang.locator('[data-test="register-bidang-KELEMBAGAAN"]').waitFor();
      await bidang.locator('[data-test="register-bidang-KELEMBAGAAN"]').uncheck();
      await bidang.locator('[data-test="register-bidang-EKONOMI"]').uncheck();
      for (const kind of ['LHP', 'LHE', 'TL HP']) await page.getByLabel(kind, { exact: true }).uncheck();
      await shot(page, '70-sekretaris-surat-masuk-bidang-pilihan');
      await page.locator('[data-test="register-submit"]').click();
      await page.waitForURL((u) => /\/permintaan\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith('/baru'));
      const requestId = page.url().split('/').pop();

      // The panel: an ad-hoc indicator asked of both chosen Bidang, target 40 desa.
      const panel = page.locator('[data-test="request-asks"]');
      const form = panel.locator('[data-test="adhoc-form"]');
      await form.waitFor();
      await form.locator('#adhoc-name').fill(AD_HOC);
      await form.locator('#adhoc-satuan').fill('desa');
      await form.locator('#adhoc-target').fill('40');
      await form.locator('[data-test="adhoc-bidang-PEMDES"]').check();
      await form.locator('[data-test="adhoc-bidang-KEUDES"]').check();
      await form.locator('[data-test="add-adhoc"]').click();
      await panel.getByText('Indikator khusus ditambahkan.').waitFor();
      const items = panel.locator('[data-test="adhoc-item"]');
      await items.nth(1).waitFor();
      if ((await items.count()) !== 2) throw new Error(`want 2 ad-hoc rows, got ${await items.count()}`);
      await items.filter({ hasText: 'Bidang Pemerintahan Desa' }).waitFor();
      await items.filter({ hasText: 'Bidang Keuangan dan Aset Desa' }).waitFor();
      await shot(page, '71-permintaan-indikator-khusus');

      // Steps 1–3 by API; the format goes to the two Bidang only.
      const sek = await apiLogin(base, 'sekretaris');
      const kas = await apiLogin(base, 'kasubbag');
      const pen = await apiLogin(base, 'penyusun');
      await gql(base, sek, 'mutation($i: DisposeInput!){ disposeToKasubbag(input:$i){ id } }', { i: { requestId, instruction: 'Mohon ditindaklanjuti.' } });
      await gql(base, kas, 'mutation($i: DisposeInput!){ disposeToStaff(input:$i){ id } }', { i: { requestId, instruction: 'Kirim format ke Bidang terkait.' } });
      await gql(base, pen, 'mutation($i: AdvanceInput!){ sendFormat(input:$i){ id } }', { i: { requestId } });
      const d = await gql(base, kas, 'query($id: UUID!){ dataRequest(id:$id){ submissions { id bidang { code } } } }', { id: requestId });
      const codes = d.dataRequest.submissions.map((s) => s.bidang.code).sort();
      if (codes.join() !== 'KEUDES,PEMDES') throw new Error(`submissions for ${codes.join()}`);

      // Bidang Pemerintahan Desa answers on the phone: its two IKU and the ad-hoc indicator.
      await loginAs('operator.pemdes');
      const pemdes = d.dataRequest.submissions.find((s) => s.bidang.code === 'PEMDES');
      await page.goto(`${base}/kiriman/${pemdes.id}`);
      const rows = page.locator('[data-test="entry-form"] [data-test^="realisasi-"]');
      await rows.nth(2).waitFor();
      if ((await rows.count()) !== 3) throw new Error(`the PEMDES form has ${await rows.count()} indicators, want 3`);
      const adHocRow = page.locator('[data-test^="row-KHUSUS-"]');
      await adHocRow.getByText(AD_HOC).waitFor();
      for (const [n, v] of [[0, '95'], [1, '88']]) await page.locator('[data-test="row-IKU-0' + (n + 1) + '"] [data-test^="realisasi-"]').fill(v);
      await adHocRow.locator('[data-test^="realisasi-"]').fill('30');
      await shot(page, '72-operator-pemdes-isi-indikator-khusus');
      await page.locator('[data-test="submit"]').click();
      await page.locator('[data-test="submission-status"]', { hasText: 'Dikirim' }).waitFor();

      // Bidang Keuangan dan Aset Desa answers by API; the Kasubbag accepts both and analyses.
      const op = await apiLogin(base, 'operator.keudes');
      const keudes = d.dataRequest.submissions.find((s) => s.bidang.code === 'KEUDES');
      const sd = await gql(base, op, 'query($id: UUID!){ submission(id:$id){ version values { indicatorId indicatorName } } }', { id: keudes.id });
      const saved = await gql(base, op, 'mutation($i: SaveSubmissionInput!){ saveSubmission(input:$i){ version } }', {
        i: { submissionId: keudes.id, expectedVersion: sd.submission.version, values: sd.submission.values.map((v) => ({ indicatorId: v.indicatorId, realisasi: v.indicatorName === AD_HOC ? 44 : 18 })) },
      });
      await gql(base, op, 'mutation($i: SubmissionActionInput!){ submitSubmission(input:$i){ id } }', { i: { submissionId: keudes.id, expectedVersion: saved.saveSubmission.version } });
      for (const s of d.dataRequest.submissions) {
        const v = await gql(base, kas, 'query($id: UUID!){ submission(id:$id){ version } }', { id: s.id });
        await gql(base, kas, 'mutation($i: SubmissionActionInput!){ acceptSubmission(input:$i){ id } }', { i: { submissionId: s.id, expectedVersion: v.submission.version } });
      }
      await gql(base, pen, 'mutation($i: AdvanceInput!){ forwardCollection(input:$i){ id } }', { i: { requestId } });
      await gql(base, kas, 'mutation($i: AdvanceInput!){ compileData(input:$i){ id } }', { i: { requestId } });
      await gql(base, kas, 'mutation($i: SaveAnalysisInput!){ saveAnalysis(input:$i){ id } }', { i: { requestId, narrative: 'Capaian RKPDes dianalisis.' } });

      // The Kasubbag's recap: the ad-hoc indicator for both Bidang (30 and 44 of 40 desa), two Bidang counted.
      await loginAs('kasubbag');
      await page.goto(`${base}/permintaan/${requestId}`);
      const analysis = page.locator('[data-test="analysis"]');
      await analysis.waitFor();
      const recapRows = analysis.locator('tr', { hasText: AD_HOC });
      await recapRows.nth(1).waitFor();
      await recapRows.filter({ hasText: 'Bidang Pemerintahan Desa' }).filter({ hasText: '75' }).waitFor();
      await recapRows.filter({ hasText: 'Bidang Keuangan dan Aset Desa' }).filter({ hasText: '110' }).waitFor();
      await analysis.getByText('Indikator khusus (di luar IKU)').first().waitFor();
      const completeness = analysis.locator('[data-test="bidang-completeness"]');
      await completeness.getByText('2/2').waitFor();
      if (await completeness.getByText('Bidang Ekonomi', { exact: false }).count()) throw new Error('an unchosen Bidang is in the recap');
      // After step 3 the choice is shown, not editable.
      await page.locator('[data-test="request-asks"] [data-test="bidang-list"]').waitFor();
      if (await page.locator('[data-test="adhoc-form"]').count()) throw new Error('the ad-hoc form is offered after step 3');
      await recapRows.first().scrollIntoViewIfNeeded();
      await shot(page, '73-kasubbag-rekap-indikator-khusus');
    });

    await scenario(SCENARIOS[1], async () => {
      // A letter that must be answered by tomorrow: four working days of SOP cannot fit.
      const sek = await apiLogin(base, 'sekretaris');
      const tomorrow = new Date(Date.now() + 86_400_000);
      const letterDate = new Date().toISOString().slice(0, 10);
      const { registerDataRequest: r } = await gql(base, sek, 'mutation($i: RegisterDataRequestInput!){ registerDataRequest(input:$i){ id } }', {
        i: { year: 2026, triwulan: 4, letterNumber: `005/${Date.now()}/411.301/2026`, letterDate, sender: 'Bappeda Kabupaten Nganjuk', subject: 'Data kinerja mendesak untuk rapat evaluasi', indicatorIds: [], requestedDocuments: [], requesterDeadline: tomorrow.toISOString() },
      });
      await loginAs('sekretaris');
      const item = page.locator('[data-test="inbox-item"]', { hasText: 'Data kinerja mendesak untuk rapat evaluasi' });
      await item.locator('[data-test="inbox-schedule-warning"]', { hasText: 'Menurut waktu baku SOP permintaan ini baru selesai' }).waitFor();
      await item.scrollIntoViewIfNeeded();
      await shot(page, '74-sekretaris-beranda-peringatan-batas-waktu');

      await item.locator('a').click();
      await page.waitForURL((u) => u.pathname.endsWith(r.id));
      const warning = page.locator('[data-test="schedule-warning"]');
      await warning.getByText('Waktu baku SOP melewati batas waktu pengirim').waitFor();
      await warning.getByText('setelah batas waktu dari pengirim').waitFor();
      await shot(page, '75-permintaan-peringatan-batas-waktu');

      // Moved a month later on the page itself: the warning goes away.
      const later = new Date(Date.now() + 30 * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Jakarta' });
      await page.fill('#deadline-date', later);
      await page.locator('[data-test="save-deadline"]').click();
      await page.getByText('Batas waktu tersimpan.').waitFor();
      await warning.waitFor({ state: 'detached' });
    });
  }, { headSignOff: false });
}

await run(main);
