#!/usr/bin/env node
/**
 * Browser scenarios for issue 11's sign-off and history, on their own fresh database and API, on a
 * phone, in Indonesian, with the demo office's Kepala Bidang sign-off on (its default):
 * the Kabid returns the operator's draft with a note and then approves it; a reviewer compares
 * two versions; the Riwayat of a submission and of a request; the audit search with its XLSX.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { apiLogin, artefacts, createScenarioRunner, gql, pdf, shot, signIn, withStack } from './harness.mjs';

const SCENARIOS = [
  'Kepala Bidang mengembalikan draf operator dengan catatan, lalu menyetujuinya',
  'pemeriksa membandingkan dua versi kiriman',
  'Riwayat kiriman dan permintaan (siapa, kapan, lama → baru)',
  'jejak audit: saringan dan unduhan XLSX',
];
const { scenario, watch, run } = createScenarioRunner({ label: 'e2e (persetujuan dan riwayat)', scenarios: SCENARIOS, resultFile: 'e2e-signoff.json', failedShot: 'FAILED-signoff' });
const letter = `050/${Date.now().toString(36).toUpperCase()}/411.309/2026`;
const HEAD_NOTE = 'Realisasi IKU-01 belum sesuai laporan desa; periksa lagi.';

async function main() {
  await withStack(async ({ base, page }) => {
    watch(page);

    const loginAs = (username) => signIn(page, base, username);
    const status = (text) => page.locator('[data-test="submission-status"]', { hasText: text }).waitFor();

    // Steps 1–3 through the API; Bidang Pemdes then fills its data (values and the three documents).
    const sek = await apiLogin(base, 'sekretaris');
    const kas = await apiLogin(base, 'kasubbag');
    const pen = await apiLogin(base, 'penyusun');
    const op = await apiLogin(base, 'operator.pemdes');
    const kabid = await apiLogin(base, 'kabid.pemdes');
    const { registerDataRequest: req } = await gql(base, sek, 'mutation($i: RegisterDataRequestInput!){ registerDataRequest(input:$i){ id } }', {
      i: { year: 2026, triwulan: 3, letterNumber: letter, letterDate: '2026-11-02', sender: 'Inspektorat Kabupaten Nganjuk', subject: 'Permintaan data kinerja Triwulan III', indicatorIds: [], requestedDocuments: ['LHP', 'LHE', 'TL_HP'] },
    });
    await gql(base, sek, 'mutation($i: DisposeInput!){ disposeToKasubbag(input:$i){ id } }', { i: { requestId: req.id, instruction: 'Segera tindak lanjuti.' } });
    await gql(base, kas, 'mutation($i: DisposeInput!){ disposeToStaff(input:$i){ id } }', { i: { requestId: req.id, instruction: 'Kirim format ke semua Bidang.' } });
    await gql(base, pen, 'mutation($i: AdvanceInput!){ sendFormat(input:$i){ id } }', { i: { requestId: req.id } });
    const { dataRequest } = await gql(base, sek, 'query($id: UUID!){ dataRequest(id:$id){ submissions { id bidang { code } values { indicatorId indicatorCode } } } }', { id: req.id });
    const sub = dataRequest.submissions.find((s) => s.bidang.code === 'PEMDES');
    const current = async (token) => (await gql(base, token, 'query($id: UUID!){ submission(id:$id){ version status } }', { id: sub.id })).submission;
    const values = (realisasi) => sub.values.map((v) => ({ indicatorId: v.indicatorId, realisasi }));
    await gql(base, op, 'mutation($i: SaveSubmissionInput!){ saveSubmission(input:$i){ version } }', { i: { submissionId: sub.id, expectedVersion: (await current(op)).version, narrative: 'Capaian sesuai rencana.', values: values(75) } });
    const upload = async (kind, name, body = pdf(name)) => {
      const form = new FormData();
      form.append('file', new Blob([body], { type: 'application/pdf' }), name);
      const res = await fetch(`${base}/api/documents?submissionId=${sub.id}&kind=${kind}`, { method: 'POST', headers: { authorization: `Bearer ${op}` }, body: form });
      if (res.status !== 201) throw new Error(`upload ${kind}: ${res.status} ${await res.text()}`);
    };
    for (const kind of ['LHP', 'LHE', 'TL_HP']) await upload(kind, `${kind}-pemdes-2026.pdf`);

    await scenario(SCENARIOS[0], async () => {
      // The operator sends to the Kepala Bidang (the button says so), and the form locks.
      await loginAs('operator.pemdes');
      await page.goto(`${base}/kiriman/${sub.id}`);
      const send = page.locator('[data-test="submit"]');
      await send.waitFor();
      if ((await send.innerText()).trim() !== 'Kirim ke Kepala Bidang') throw new Error(`submit button says "${await send.innerText()}"`);
      await send.click();
      await status('Menunggu Kepala Bidang');
      await page.getByText('Data terkirim kepada Kepala Bidang untuk disetujui.').waitFor();
      await page.locator('[data-test="awaiting-head"]').waitFor();
      if (await page.locator('[data-test="save-draft"]').count()) throw new Error('the form is still editable while awaiting the Kepala Bidang');
      await shot(page, '70-operator-menunggu-kabid');

      // The Kepala Bidang finds it in his inbox and returns it with a note.
      await loginAs('kabid.pemdes');
      const item = page.locator('[data-test="inbox-item"]', { hasText: letter }).filter({ hasText: 'Setujui data Bidang Pemerintahan Desa' });
      await item.waitFor();
      await shot(page, '71-kabid-kotak-masuk');
      await item.locator('a').click();
      await page.locator('[data-test="head-signoff"]').waitFor();
      await shot(page, '72-kabid-persetujuan');
      await page.fill('#head-note', HEAD_NOTE);
      await page.locator('[data-test="head-return"]').click();
      await status('Draf');
      await page.getByText('Dikembalikan kepada operator.').waitFor();

      // The operator sees the note, corrects IKU-01 and sends again.
      await loginAs('operator.pemdes');
      await page.goto(`${base}/kiriman/${sub.id}`);
      await page.locator('[data-test="head-note"]', { hasText: HEAD_NOTE }).waitFor();
      await shot(page, '73-operator-catatan-kabid');
      await page.locator('[data-test="realisasi-IKU-01"]').fill('78');
      await page.locator('[data-test="submit"]').click();
      await status('Menunggu Kepala Bidang');

      // The Kepala Bidang approves (two taps: the question names what his approval means).
      await loginAs('kabid.pemdes');
      await page.goto(`${base}/kiriman/${sub.id}`);
      const approve = page.locator('[data-test="head-signoff"]');
      await approve.locator('[data-test="confirm-ask"]').click();
      await approve.getByText('Persetujuan Anda tercatat sebagai tanda tangan Kepala Bidang.').waitFor();
      await approve.locator('[data-test="confirm-yes"]').click();
      await status('Dikirim');
      await page.getByText('Disetujui dan terkirim kepada Kasubbag.').waitFor();
      await page.locator('[data-test="head-signed"]').waitFor();
      await shot(page, '74-kabid-disetujui');
      const s = await current(kas);
      if (s.status !== 'SUBMITTED') throw new Error(`status ${s.status}`);
    });

    await scenario(SCENARIOS[1], async () => {
      // The Penyusun returns it; the Bidang replaces the LHE, corrects a value; the Kabid approves.
      await loginAs('penyusun');
      await page.goto(`${base}/kiriman/${sub.id}`);
      await page.locator('[data-test="review"]').waitFor();
      await page.fill('#reason', 'LHE yang dilampirkan masih tahun 2025.');
      await page.locator('[data-test="return"]').click();
      await status('Dikembalikan');
      await upload('LHE', 'LHE-pemdes-2026-perbaikan.pdf', pdf('LHE perbaikan'));
      await gql(base, op, 'mutation($i: SaveSubmissionInput!){ saveSubmission(input:$i){ version } }', { i: { submissionId: sub.id, expectedVersion: (await current(op)).version, narrative: 'Capaian sesuai rencana; LHE 2026 dilampirkan.', values: [{ indicatorId: sub.values.find((v) => v.indicatorCode === 'IKU-01').indicatorId, realisasi: 82.5 }] } });
      await gql(base, op, 'mutation($i: SubmissionActionInput!){ submitSubmission(input:$i){ id } }', { i: { submissionId: sub.id, expectedVersion: (await current(op)).version } });
      await gql(base, kabid, 'mutation($i: SubmissionActionInput!){ approveSubmission(input:$i){ id } }', { i: { submissionId: sub.id, expectedVersion: (await current(kabid)).version } });

      await page.goto(`${base}/kiriman/${sub.id}`);
      const compare = page.locator('[data-test="version-compare"]');
      await compare.getByText('Perubahan sejak versi yang dikembalikan').waitFor();
      await compare.locator('[data-test="value-changes"]').getByText('82,5').waitFor();
      await compare.locator('[data-test="value-changes"]').getByText('78').waitFor();
      await compare.locator('[data-test="document-changes"]').getByText('LHE-pemdes-2026-perbaikan.pdf').waitFor();
      await compare.locator('[data-test="document-changes"]').getByText('diganti').waitFor();
      await compare.locator('[data-test="narrative-change"]').waitFor();
      await page.locator('[data-test="version-list"]').getByText('Versi 2').waitFor();
      await compare.scrollIntoViewIfNeeded();
      await shot(page, '75-pemeriksa-bandingkan-versi');
      await compare.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: path.join(artefacts, '75b-bandingkan-versi-layar.png') });
      // Only one LHE in the current attachments: the first one was superseded, not added to.
      const lhe = await page.locator('[data-test="documents"] li', { hasText: 'LHE' }).count();
      if (lhe !== 1) throw new Error(`${lhe} LHE attachments shown`);
      // Comparing a version with itself: nothing changed.
      await page.selectOption('#v-from', '2');
      await compare.locator('[data-test="no-changes"]').waitFor();
    });

    await scenario(SCENARIOS[2], async () => {
      await page.goto(`${base}/kiriman/${sub.id}`);
      const panel = page.locator('[data-test="history-panel"]');
      await panel.locator('[data-test="history-toggle"]').click();
      const list = panel.locator('[data-test="history-list"]');
      await list.getByText('Disetujui Kepala Bidang dan dikirim kepada sekretariat').first().waitFor();
      await list.locator('[data-test="history-entry"]', { hasText: 'Dikembalikan Kepala Bidang kepada operator' }).getByText(HEAD_NOTE).waitFor();
      await list.locator('[data-test="history-entry"]', { hasText: 'Draf disimpan' }).getByText('78').first().waitFor();
      await panel.scrollIntoViewIfNeeded();
      await shot(page, '76-riwayat-kiriman');
      // What a phone shows at the panel's top, to look at without the whole page.
      await panel.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: path.join(artefacts, '76b-riwayat-kiriman-layar.png') });

      await loginAs('sekretaris');
      await page.goto(`${base}/permintaan/${req.id}`);
      const rp = page.locator('[data-test="history-panel"]');
      await rp.locator('[data-test="history-toggle"]').click();
      const entry = rp.locator('[data-test="history-entry"]', { hasText: 'Didisposisikan kepada Kasubbag' });
      await entry.getByText('Menunggu disposisi Kasubbag').waitFor();
      await rp.getByText('Disetujui Kepala Bidang dan dikirim kepada sekretariat — Bidang Pemerintahan Desa').first().waitFor();
      await rp.scrollIntoViewIfNeeded();
      await shot(page, '77-riwayat-permintaan');
      await rp.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: path.join(artefacts, '77b-riwayat-permintaan-layar.png') });
    });

    await scenario(SCENARIOS[3], async () => {
      // The Sekretaris: the audit trail from the menu, filtered by the letter number.
      await loginAs('sekretaris');
      await page.locator('[data-test="nav-audit"]').click();
      await page.getByRole('heading', { name: 'Jejak audit' }).waitFor();
      await page.fill('#a-text', letter);
      await page.selectOption('#a-entity', 'DataRequest');
      await page.locator('[data-test="audit-search"]').click();
      const list = page.locator('[data-test="audit-list"]');
      await list.getByText('Surat permintaan data didaftarkan').waitFor();
      await page.locator('[data-test="audit-total"]', { hasText: '1 catatan' }).waitFor();
      await shot(page, '78-jejak-audit');
      const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="audit-download"]').click()]);
      if (dl.suggestedFilename() !== 'jejak-audit.xlsx') throw new Error(`unexpected filename ${dl.suggestedFilename()}`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(fs.readFileSync(await dl.path()));
      const ws = wb.getWorksheet('Jejak audit');
      const texts = [];
      ws.eachRow((r) => texts.push((r.values ?? []).slice(1).map(String).join(' | ')));
      if (!texts.some((x) => x.includes('Surat permintaan data didaftarkan') && x.includes(req.id))) throw new Error(`XLSX rows: ${texts.join('\n')}`);
      if (!texts.some((x) => x.includes(`Nomor surat: — → ${letter}`))) throw new Error('XLSX has no old → new of the letter number');

      // A Kasubbag has no audit trail: no menu entry, and the address leads home.
      await loginAs('kasubbag');
      if (await page.locator('[data-test="nav-audit"]').count()) throw new Error('the Kasubbag sees the audit menu');
      await page.goto(`${base}/jejak-audit`);
      await page.getByRole('heading', { name: 'Yang menunggu Anda' }).waitFor();
    });
  });
}

await run(main);
