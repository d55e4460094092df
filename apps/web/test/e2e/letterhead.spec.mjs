#!/usr/bin/env node
/**
 * Browser scenario for the kop surat (issue 11, "papers ready to sign"), on its own fresh database
 * and API: the administrator opens "Kop surat" on a phone, sees the seeded kop of the demo office
 * previewed as it prints (logo, capitals), is stopped before uploading a GIF, changes the address
 * and the logo and saves; the next disposition sheet is issued anew with the new kop, and asking
 * for it again hands out the same stored copy. Screenshots at 360 px and 1280 px.
 */
import { apiLogin, createScenarioRunner, DESKTOP, gql, PASSWORD, PHONE, shot, withStack } from './harness.mjs';

const SCENARIOS = ['administrator: kop surat (alamat dan logo baru), lembar disposisi terbit ulang dengan kop baru'];
const { scenario, watch, run } = createScenarioRunner({ label: 'e2e (kop surat)', scenarios: SCENARIOS, resultFile: 'e2e-letterhead.json', failedShot: 'FAILED-letterhead' });
const shots = (page, name) => shot(page, name, [PHONE, DESKTOP]);
const NEW_ADDRESS = 'Jalan Gatot Subroto Nomor 8, Nganjuk, Jawa Timur 64415';

async function main() {
  await withStack(async ({ base, page }) => {
    watch(page);

    // A request at step 2, so there is a disposition sheet to print.
    const sekretaris = await apiLogin(base, 'sekretaris');
    const { registerDataRequest: req } = await gql(base, sekretaris, 'mutation($i: RegisterDataRequestInput!){ registerDataRequest(input:$i){ id } }', {
      i: { year: 2026, triwulan: 4, letterNumber: `050/${Date.now()}/411.302/2026`, letterDate: '2026-11-02', sender: 'Inspektorat Kabupaten Nganjuk', subject: 'Permintaan data kinerja untuk evaluasi AKIP', indicatorIds: [], requestedDocuments: ['LHP', 'LHE', 'TL_HP'] },
    });
    await gql(base, sekretaris, 'mutation($i: DisposeInput!){ disposeToKasubbag(input:$i){ id } }', { i: { requestId: req.id, instruction: 'Segera tindak lanjuti.' } });
    const disposition = async () => {
      const res = await fetch(`${base}/api/requests/${req.id}/disposition.pdf`, { headers: { authorization: `Bearer ${sekretaris}` } });
      if (res.status !== 200) throw new Error(`disposition.pdf: ${res.status}`);
      const bytes = Buffer.from(await res.arrayBuffer());
      if (bytes.subarray(0, 5).toString() !== '%PDF-') throw new Error('disposition.pdf is not a PDF');
      return { id: res.headers.get('x-document-id'), code: res.headers.get('x-verification-code') };
    };
    const before = await disposition();

    await scenario(SCENARIOS[0], async () => {
      await page.goto(`${base}/masuk`);
      await page.fill('#login', 'admin');
      await page.fill('#password', PASSWORD);
      await page.getByRole('button', { name: 'Masuk' }).click();
      await page.getByRole('heading', { name: 'Yang menunggu Anda' }).waitFor();
      await page.goto(`${base}/admin/kop-surat`);
      await page.getByRole('heading', { name: 'Kop surat' }).waitFor();
      const preview = page.locator('[data-test="kop-preview"]');
      await preview.getByText('PEMERINTAH KABUPATEN NGANJUK').waitFor();
      await preview.getByText('DINAS PEMBERDAYAAN MASYARAKAT DAN DESA').waitFor();
      await preview.getByRole('img', { name: 'Logo kop surat' }).waitFor();
      if (await page.locator('[data-test="kop-default"]').count()) throw new Error('the seeded kop is shown as not configured');
      await shots(page, '60-admin-kop-surat');

      // A GIF is stopped in the browser, before any upload, and Save waits for a proper file.
      await page.setInputFiles('#k-logo', { name: 'logo.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;') });
      await page.getByText('Logo harus berupa gambar PNG atau JPEG.').waitFor();
      if (!(await page.getByRole('button', { name: 'Simpan' }).isDisabled())) throw new Error('Save is enabled with a GIF chosen');

      // A new logo (a PNG made by the browser itself) and the new address; the preview follows.
      const png = await page.screenshot({ clip: { x: 0, y: 0, width: 96, height: 110 } });
      await page.setInputFiles('#k-logo', { name: 'logo-baru.png', mimeType: 'image/png', buffer: png });
      await page.getByText('Logo baru: logo-baru.png').waitFor();
      await page.fill('#k-address', NEW_ADDRESS);
      await preview.getByText(NEW_ADDRESS).waitFor();
      await page.getByRole('button', { name: 'Simpan' }).click();
      await page.getByText('Kop surat tersimpan.').waitFor();
      await shots(page, '61-admin-kop-surat-tersimpan');

      const admin = await apiLogin(base, 'admin');
      const { office } = await gql(base, admin, '{ office { letterhead { address configured logo { mimeType size } } } }');
      if (office.letterhead.address !== NEW_ADDRESS || office.letterhead.logo?.size !== png.length) throw new Error(`not saved: ${JSON.stringify(office.letterhead)}`);

      // The kop changed: a new copy of the disposition sheet; asked again, the same copy.
      const after = await disposition();
      if (after.id === before.id || after.code === before.code) throw new Error('the disposition sheet was not issued anew after the kop changed');
      const again = await disposition();
      if (again.id !== after.id || again.code !== after.code) throw new Error('the same disposition sheet was issued twice');
    });
  });
}

await run(main);
