#!/usr/bin/env node
/**
 * Browser scenarios for issue 12 §2–§3, on a phone in Indonesian, on their own fresh database:
 * the Kasubbag sets up a Renstra period with a Sasaran and an indicator with its annual (PK)
 * target; the PK annex goes out as XLSX and comes back with an edited target (round trip); a Bidang
 * operator types "1.250" for a count and it is read and saved as 1250, and an impossible value
 * (−3 orang) is refused in the form, naming the indicator.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { apiLogin, createScenarioRunner, gql, shot, signIn, withStack } from './harness.mjs';

const SCENARIOS = [
  'Kasubbag: periode Renstra lima tahun, Sasaran, indikator dengan target tahunan (PK) dan per Triwulan',
  'lampiran PK: unduh, ubah target, impor kembali (pulang-pergi)',
  'operator: "1.250" dibaca 1250 dan tersimpan; nilai mustahil (−3 orang) ditolak dengan nama indikatornya',
];
const { scenario, watch, run } = createScenarioRunner({ label: 'e2e (target)', scenarios: SCENARIOS, resultFile: 'e2e-targets.json', failedShot: 'FAILED-targets' });

async function main() {
  // Written before the Kepala Bidang's sign-off (signoff.spec.mjs): operators hand in straight to
  // the secretariat (headSignOff: false).
  await withStack(async ({ base, page }) => {
    watch(page);
    const loginAs = (username) => signIn(page, base, username);
    const kas = await apiLogin(base, 'kasubbag');
    const indicatorsOf = async (year) => (await gql(base, kas, 'query($y: Int){ indicators(year: $y) { id code name targets { year triwulan target } } }', { y: year })).indicators;

    await scenario(SCENARIOS[0], async () => {
      await loginAs('kasubbag');
      await page.locator('[data-test="nav-indicators"]').click();
      await page.getByRole('heading', { name: 'Indikator, Renstra dan target' }).waitFor();
      // The seeded period (2024–2028) is there; a new one for 2030–2034.
      await page.locator('[data-test="renstra-2024"]').waitFor();
      await page.locator('[data-test="add-renstra"]').click();
      await page.fill('#r-start', '2030');
      await page.getByText('Lima tahun: 2030–2034').waitFor();
      await page.fill('#r-name', 'Renstra 2030–2034');
      await page.locator('[data-test="renstra-form"]').getByRole('button', { name: 'Simpan' }).click();
      const period = page.locator('[data-test="renstra-2030"]');
      await period.getByText('Renstra 2030–2034').waitFor();
      await period.locator('[data-test="add-sasaran-2030"]').click();
      await period.locator('input').nth(1).fill('Meningkatnya kemandirian ekonomi desa');
      await period.getByRole('button', { name: 'Simpan' }).click();
      await period.getByText('Meningkatnya kemandirian ekonomi desa').waitFor();
      await shot(page, '70-kasubbag-renstra');

      // An indicator of the new Sasaran with its annual PK target (typed the Indonesian way) and Triwulan targets.
      await page.fill('#i-year', '2030');
      await page.locator('[data-test="add-indicator"]').click();
      await page.fill('#f-code', 'IKU-30');
      await page.fill('#f-name', 'Jumlah BUMDes berklasifikasi maju');
      await page.selectOption('#f-sasaran', { label: 'Renstra 2030–2034 · S1 Meningkatnya kemandirian ekonomi desa' });
      await page.selectOption('#f-bidang', { index: 1 });
      await page.fill('#f-satuan', 'BUMDes');
      await page.locator('#f-kind option', { hasText: 'Otomatis dari satuan (Jumlah' }).waitFor({ state: 'attached' });
      await page.fill('#f-renstra', '1.500');
      await page.fill('[data-test="target-0"]', '1.250');
      await page.fill('[data-test="target-1"]', '300');
      await page.fill('[data-test="target-4"]', '1.250');
      await shot(page, '71-kasubbag-indikator-baru');
      await page.locator('[data-test="save-indicator"]').click();
      const card = page.locator('[data-test="indicator-IKU-30"]');
      await card.getByText('PK: 1.250').waitFor();
      await card.getByText('Renstra: 1.500').waitFor();
      await shot(page, '72-kasubbag-indikator-tersimpan');
      const ind = (await indicatorsOf(2030)).find((i) => i.code === 'IKU-30');
      const annual = ind?.targets.find((t) => t.triwulan === 0)?.target;
      if (annual !== 1250) throw new Error(`annual target saved as ${annual}, not 1250`);
    });

    await scenario(SCENARIOS[1], async () => {
      const pk = page.locator('[data-test="pk"]');
      const [dl] = await Promise.all([page.waitForEvent('download'), pk.locator('[data-test="pk-export"]').click()]);
      if (dl.suggestedFilename() !== 'perjanjian-kinerja-2030.xlsx') throw new Error(`unexpected filename ${dl.suggestedFilename()}`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(fs.readFileSync(await dl.path()));
      const ws = wb.getWorksheet('PK');
      let row = null;
      let header = null;
      ws.eachRow((r, n) => {
        if ([1, 2, 3, 4, 5].map((c) => r.getCell(c).value).join('|') === 'No|Sasaran|Indikator|Satuan|Target') header = n;
        if (r.getCell(3).value === 'Jumlah BUMDes berklasifikasi maju') row = n;
      });
      if (!header) throw new Error('no header row No, Sasaran, Indikator, Satuan, Target in the PK annex');
      if (!row || row <= header) throw new Error('the indicator is not in the PK annex');
      if (ws.getRow(row).getCell(2).value !== 'Meningkatnya kemandirian ekonomi desa' || ws.getRow(row).getCell(4).value !== 'BUMDes') throw new Error('the row has the wrong Sasaran or Satuan');
      if (ws.getRow(row).getCell(5).value !== 1250) throw new Error(`exported target ${ws.getRow(row).getCell(5).value}`);
      ws.getRow(row).getCell(5).value = '1.400';
      await page.setInputFiles('[data-test="pk-file"]', { name: 'pk-2030.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await wb.xlsx.writeBuffer()) });
      await page.locator('[data-test="pk-done"]').getByText('Target tahunan 2030 diperbarui').waitFor();
      await page.locator('[data-test="indicator-IKU-30"]').getByText('PK: 1.400').waitFor();
      await shot(page, '73-kasubbag-impor-pk');
      const annual = (await indicatorsOf(2030)).find((i) => i.code === 'IKU-30')?.targets.find((t) => t.triwulan === 0)?.target;
      if (annual !== 1400) throw new Error(`imported annual target ${annual}, not 1400`);
    });

    await scenario(SCENARIOS[2], async () => {
      // A request for IKU-04 (Jumlah kader, orang) of Bidang Kelembagaan, sent to the Bidang.
      const year = new Date().getFullYear();
      const sek = await apiLogin(base, 'sekretaris');
      const pen = await apiLogin(base, 'penyusun');
      const iku04 = (await indicatorsOf(year)).find((i) => i.code === 'IKU-04');
      const reg = await gql(base, sek, 'mutation($i: RegisterDataRequestInput!){ registerDataRequest(input:$i){ id } }', {
        i: { year, triwulan: 3, letterNumber: `053/${Date.now()}/411.307/${year}`, letterDate: `${year}-10-01`, sender: 'Bappeda', subject: 'Data kader terlatih', indicatorIds: [iku04.id], requestedDocuments: [] },
      });
      const requestId = reg.registerDataRequest.id;
      await gql(base, sek, 'mutation($i: DisposeInput!){ disposeToKasubbag(input:$i){ id } }', { i: { requestId, instruction: 'Tindak lanjuti.' } });
      await gql(base, kas, 'mutation($i: DisposeInput!){ disposeToStaff(input:$i){ id } }', { i: { requestId, instruction: 'Kirim format.' } });
      await gql(base, pen, 'mutation($i: AdvanceInput!){ sendFormat(input:$i){ id } }', { i: { requestId } });
      const d = await gql(base, kas, 'query($id: UUID!){ dataRequest(id:$id){ submissions { id bidang { code } } } }', { id: requestId });
      const sub = d.dataRequest.submissions.find((x) => x.bidang.code === 'KELEMBAGAAN');

      await loginAs('operator.kelembagaan');
      await page.goto(`${base}/kiriman/${sub.id}`);
      const input = page.locator('[data-test="realisasi-IKU-04"]');
      await input.waitFor();
      await input.fill('1.250');
      await page.locator('[data-test="read-as-IKU-04"]').getByText('Dibaca: 1.250 (bukan 1,25)').waitFor();
      if (await page.locator('[data-test="refusal-IKU-04"]').count()) throw new Error('1.250 orang is refused');
      await page.locator('[data-test="save-draft"]').click();
      await page.locator('[data-test="notice"]').waitFor();
      await shot(page, '74-operator-1250-dibaca');
      const saved = await gql(base, kas, 'query($id: UUID!){ submission(id:$id){ values { indicatorCode realisasi } } }', { id: sub.id });
      const value = saved.submission.values.find((v) => v.indicatorCode === 'IKU-04')?.realisasi;
      if (value !== 1250) throw new Error(`"1.250" was saved as ${value}, not 1250`);

      await input.fill('-3');
      const refusal = page.locator('[data-test="refusal-IKU-04"]');
      await refusal.getByText('Realisasi indikator "IKU-04 Jumlah kader pemberdayaan masyarakat desa terlatih" (orang): -3 tidak mungkin — jumlah tidak boleh negatif.').waitFor();
      if (!(await page.locator('[data-test="save-draft"]').isDisabled())) throw new Error('an impossible value can still be saved');
      await shot(page, '75-operator-nilai-mustahil');
      const still = await gql(base, kas, 'query($id: UUID!){ submission(id:$id){ values { indicatorCode realisasi } } }', { id: sub.id });
      if (still.submission.values[0].realisasi !== 1250) throw new Error('the refused value changed the saved one');
    });
  }, { headSignOff: false });
}

await run(main);
