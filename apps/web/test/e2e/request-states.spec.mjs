#!/usr/bin/env node
/**
 * Browser scenarios for the request's states (issue 11), on a phone window in Indonesian, on their
 * own fresh database and API with the demo office:
 *  - the Kasubbag closes collection without a Bidang that never submits (waiver, with a note);
 *  - the Sekretaris cancels a request with a reason;
 *  - the Sekretaris disposes to a named officer (a Plt Kasubbag), who finds it first in the inbox;
 *  - the Kepala Dinas returns the report with a reason, then signs the second round with an arahan.
 * The data each scenario starts from is set up through the API; the steps under test are clicked.
 */
import { apiLogin, createScenarioRunner, gql, handIn, shot, signIn, withStack } from './harness.mjs';

const SCENARIOS = [
  'Kasubbag: pengumpulan ditutup tanpa Bidang yang tidak menyerahkan (catatan wajib)',
  'Sekretaris: permintaan dibatalkan dengan alasan',
  'Sekretaris: disposisi kepada pejabat bernama (Plt Kasubbag), tampil pertama di kotak masuknya',
  'Kepala Dinas: laporan dikembalikan dengan alasan, putaran kedua ditandatangani dengan arahan',
];
const { scenario, watch, run } = createScenarioRunner({ label: 'e2e (status permintaan)', scenarios: SCENARIOS, resultFile: 'e2e-request-states.json', failedShot: 'FAILED-request-states' });
const stamp = Date.now().toString(36).toUpperCase();
let seq = 0;

async function main() {
  // Written before the Kepala Bidang's sign-off (signoff.spec.mjs): operators hand in straight to
  // the secretariat (headSignOff: false).
  await withStack(async ({ base, page }) => {
    watch(page);
    const [sek, kas, pen, kepala, admin] = await Promise.all(['sekretaris', 'kasubbag', 'penyusun', 'kepala', 'admin'].map((u) => apiLogin(base, u)));
    const { bidangList } = await gql(base, admin, '{ bidangList { id code name } }');

    const loginAs = (username) => signIn(page, base, username, { forgetAll: true });
    const openRequest = async (id) => {
      await page.goto(`${base}/permintaan/${id}`);
      await page.locator('[data-test="request-status"]').waitFor();
    };
    const status = () => page.locator('[data-test="request-status"]').innerText();

    /** A new request of the demo office, by API, carried to `until` (no documents asked, so a Bidang hands in data only). */
    async function requestUpTo(until, subject) {
      seq += 1;
      const letterNumber = `070/${stamp}-${seq}/411.307/2026`;
      const { registerDataRequest: r } = await gql(base, sek, 'mutation($i: RegisterDataRequestInput!){ registerDataRequest(input:$i){ id } }', {
        i: { year: 2026, triwulan: 3, letterNumber, letterDate: '2026-10-01', sender: 'Inspektorat Kabupaten Nganjuk', subject, indicatorIds: [], requestedDocuments: [] },
      });
      const step = async (token, name, input = 'AdvanceInput', extra = {}) => gql(base, token, `mutation($i: ${input}!){ ${name}(input:$i){ id } }`, { i: { requestId: r.id, ...extra } });
      if (until === 'REGISTERED') return { id: r.id, letterNumber };
      await step(sek, 'disposeToKasubbag', 'DisposeInput', { instruction: 'Mohon segera ditindaklanjuti.' });
      if (until === 'AT_KASUBBAG') return { id: r.id, letterNumber };
      await step(kas, 'disposeToStaff', 'DisposeInput', { instruction: 'Siapkan format untuk semua Bidang.' });
      await step(pen, 'sendFormat');
      const { dataRequest } = await gql(base, kas, 'query($id: UUID!){ dataRequest(id:$id){ submissions { id bidang { code } } } }', { id: r.id });
      const handingIn = until === 'ONE_MISSING' ? dataRequest.submissions.slice(1) : dataRequest.submissions;
      for (const s of handingIn) await handIn(base, s, { acceptWith: kas });
      if (until === 'ONE_MISSING') return { id: r.id, letterNumber, missing: dataRequest.submissions[0].bidang.code };
      await step(pen, 'forwardCollection');
      await step(kas, 'compileData');
      await gql(base, kas, 'mutation($i: SaveAnalysisInput!){ saveAnalysis(input:$i){ id } }', { i: { requestId: r.id, narrative: 'Capaian Dinas baik; kendala pada ketepatan waktu laporan desa.' } });
      await step(kas, 'submitReport');
      await step(sek, 'raiseToKepala');
      return { id: r.id, letterNumber };
    }

    // ------------------------------------------------------------------------------------------
    await scenario(SCENARIOS[0], async () => {
      const req = await requestUpTo('ONE_MISSING', 'Permintaan data kinerja untuk evaluasi SAKIP');
      const missing = bidangList.find((b) => b.code === req.missing);
      await loginAs('kasubbag');
      await openRequest(req.id);
      // Forwarding is offered but blocked, with the server's reason; the waiver is offered.
      const forward = page.locator('[data-test="action-FORWARD_COLLECTION"]');
      await forward.locator('[data-test="blocked"]', { hasText: 'Belum semua Bidang mengirim data yang telah diterima.' }).waitFor();
      if (!(await forward.getByRole('button').isDisabled())) throw new Error('forwarding is enabled while a Bidang is missing');
      if (await page.locator('.request-actions').getByText('kepada Kasubbag').count()) throw new Error('the Kasubbag is offered a hand-over to himself');
      await forward.getByRole('button', { name: 'Selesaikan pengumpulan data (semua Bidang diterima)' }).waitFor();
      await page.locator('[data-test="waive-open"]').click();
      const panel = page.locator('[data-test="waive-panel"]');
      await panel.waitFor();
      // Only the Bidang that may be waived are offered: the missing one.
      if ((await panel.locator('input[type="checkbox"]').count()) !== 1) throw new Error('the waiver should offer exactly the one missing Bidang');
      await panel.locator(`[data-test="waive-${missing.code}"]`).check();
      if (!(await panel.locator('[data-test="waive-confirm"]').isDisabled())) throw new Error('closing is possible without the required note');
      await panel.locator('[data-test="text-CLOSE_COLLECTION"]').fill('Bidang tidak menyerahkan data sampai batas waktu; laporan disusun tanpa datanya.');
      await shot(page, '70-kasubbag-tutup-pengumpulan');
      await panel.locator('[data-test="waive-confirm"]').click();
      await page.locator('[data-test="request-status"]', { hasText: 'Penghimpunan data oleh Kasubbag' }).waitFor();
      const row = page.locator('[data-test="board-row"]', { hasText: missing.name });
      await row.getByText('Tidak menyerahkan', { exact: true }).waitFor();
      await row.locator('[data-test="waiver-note"]').getByText('Bidang tidak menyerahkan data sampai batas waktu').waitFor();
      await shot(page, '71-kasubbag-tidak-menyerahkan');
    });

    // ------------------------------------------------------------------------------------------
    await scenario(SCENARIOS[1], async () => {
      const req = await requestUpTo('AT_KASUBBAG', 'Permintaan data kinerja yang ditarik pengirim');
      await loginAs('sekretaris');
      await openRequest(req.id);
      await page.locator('[data-test="cancel-open"]').click();
      const panel = page.locator('[data-test="cancel-panel"]');
      await panel.waitFor();
      if (!(await panel.locator('[data-test="cancel-confirm"]').isDisabled())) throw new Error('cancelling is possible without a reason');
      await panel.locator('[data-test="text-CANCEL"]').fill('Surat ditarik kembali oleh Inspektorat (surat 700/55/2026).');
      await shot(page, '72-sekretaris-batalkan');
      await panel.locator('[data-test="cancel-confirm"]').click();
      await page.locator('[data-test="request-status"]', { hasText: 'Dibatalkan' }).waitFor();
      await page.locator('[data-test="cancelled"]', { hasText: 'Surat ditarik kembali oleh Inspektorat' }).waitFor();
      await page.getByText('Tidak ada tindakan untuk Anda pada langkah ini.').waitFor();
      await shot(page, '73-sekretaris-dibatalkan');
      // Out of the Kasubbag's inbox, whose step it was.
      const { myInbox } = await gql(base, kas, '{ myInbox { request { id } } }');
      if (myInbox.some((i) => i.request.id === req.id)) throw new Error('a cancelled request is still in the Kasubbag’s inbox');
    });

    // ------------------------------------------------------------------------------------------
    await scenario(SCENARIOS[2], async () => {
      // The Penyusun is Plt Kasubbag for a week (the administrator's acting assignment).
      const { me } = await gql(base, pen, '{ me { user { id name } } }');
      await gql(base, admin, 'mutation($i: AssignActingInput!){ assignActing(input:$i){ id } }', {
        i: { userId: me.user.id, role: 'KASUBBAG', kind: 'PLT', validFrom: new Date(Date.now() - 60_000).toISOString(), validUntil: new Date(Date.now() + 7 * 86_400_000).toISOString(), decreeNo: '800/77/411.307/2026' },
      });
      const req = await requestUpTo('REGISTERED', 'Permintaan data kinerja Bappeda');
      await loginAs('sekretaris');
      await openRequest(req.id);
      const form = page.locator('[data-test="action-DISPOSE_TO_KASUBBAG"]');
      const picker = form.locator('[data-test="receiver"]');
      await picker.waitFor();
      // The holder is the default; the Plt is offered beside him.
      const options = await picker.locator('option').allInnerTexts();
      if (!options[0]?.startsWith('Agus Priyanto') || !options.some((o) => o.startsWith(`Plt. ${me.user.name}`))) throw new Error(`officers offered: ${options.join(' | ')}`);
      await picker.selectOption({ label: options.find((o) => o.startsWith('Plt.')) });
      await form.locator('textarea').fill('Mohon ditindaklanjuti oleh Plt Kasubbag selama Kasubbag cuti.');
      await shot(page, '74-sekretaris-disposisi-bernama');
      await form.getByRole('button').click();
      await page.getByText('Tindakan tersimpan.').waitFor();
      await page.locator('[data-test="dispositions"]').getByText(`Kasubbag Program dan Evaluasi (${me.user.name})`).waitFor();

      // The named officer finds it first in the inbox; the Kasubbag himself still sees it.
      await loginAs('penyusun');
      const first = page.locator('[data-test="inbox-item"]').first();
      await first.getByText(req.letterNumber, { exact: false }).waitFor();
      await shot(page, '75-plt-kasubbag-kotak-masuk');
      const { myInbox } = await gql(base, kas, '{ myInbox { request { id } assignedToMe } }');
      if (!myInbox.some((i) => i.request.id === req.id && !i.assignedToMe)) throw new Error('the Kasubbag no longer sees the disposition addressed to the Plt');
    });

    // ------------------------------------------------------------------------------------------
    await scenario(SCENARIOS[3], async () => {
      const req = await requestUpTo('AT_KEPALA', 'Permintaan data kinerja Triwulan III untuk LKjIP');
      await loginAs('kepala');
      await openRequest(req.id);
      if ((await status()) !== 'Menunggu tanda tangan Kepala Dinas') throw new Error(`status shown: ${await status()}`);
      const ret = page.locator('[data-test="action-KEPALA_RETURN"]');
      await ret.locator('[data-test="return-to-REPORT_AT_SEKRETARIS"]').check();
      if (!(await ret.getByRole('button').isDisabled())) throw new Error('returning is possible without a reason');
      await ret.locator('textarea').fill('Mohon ringkasan eksekutif ditambahkan sebelum saya tandatangani.');
      await shot(page, '76-kepala-kembalikan');
      await ret.getByRole('button').click();
      await page.locator('[data-test="request-status"]', { hasText: 'Laporan di Sekretaris' }).waitFor();
      await page.locator('[data-test="dispositions"]').getByText('Mohon ringkasan eksekutif ditambahkan').waitFor();

      // The Sekretaris raises it again (second round of step 7).
      await loginAs('sekretaris');
      await openRequest(req.id);
      const raise = page.locator('[data-test="action-RAISE_TO_KEPALA"]');
      await raise.locator('input').fill('Ringkasan eksekutif sudah ditambahkan.');
      await raise.getByRole('button').click();
      await page.locator('[data-test="request-status"]', { hasText: 'Menunggu tanda tangan Kepala Dinas' }).waitFor();

      // The Kepala signs the second round with an arahan, after a confirmation.
      await loginAs('kepala');
      await openRequest(req.id);
      const ack = page.locator('[data-test="action-ACKNOWLEDGE"]');
      await ack.locator('textarea').fill('Pertahankan capaian; percepat Bidang yang masih di bawah target pada Triwulan IV.');
      await ack.locator('[data-test="confirm-ask"]').click();
      await ack.locator('[data-test="confirm-box"]').getByText('Setelah ditandatangani laporan menjadi final.').waitFor();
      await shot(page, '77-kepala-konfirmasi-tanda-tangan');
      await ack.locator('[data-test="confirm-yes"]').click();
      await page.locator('[data-test="request-status"]', { hasText: 'Selesai, diterima dan ditandatangani Kepala Dinas' }).waitFor();
      await page.locator('[data-test="arahan"]').getByText('Pertahankan capaian; percepat Bidang').waitFor();
      // Step 7 shows its second round and keeps the first.
      const step7 = page.locator('[data-test="timeline-step"]').nth(6);
      await step7.getByText('Putaran 2').waitFor();
      await step7.locator('[data-test="earlier-rounds"]').getByText('Putaran 1', { exact: false }).waitFor();
      await shot(page, '78-kepala-ditandatangani');
    });
  }, { headSignOff: false });
}

await run(main);
