#!/usr/bin/env node
/**
 * Browser scenarios for people management (issue 9 item 5), on their own fresh database and API:
 * a newcomer administrator resets a user's password (the temporary password shown once),
 * deactivates a user who left (who then cannot sign in), and ends a Plt early; the reset user
 * signs in with the temporary password, is made to change it and can then work; "Profil saya"
 * shows the devices and signs out everywhere. Screenshots at 360 px (the admin pages also at
 * 1280 px); every screenshot also asserts that the page does not scroll sideways.
 */
import { apiLogin, createScenarioRunner, DESKTOP, gql, PASSWORD, PHONE, shot, withStack } from './harness.mjs';

const SCENARIOS = [
  'administrator baru: atur ulang kata sandi, nonaktifkan pegawai yang pindah, akhiri Plt lebih awal',
  'pegawai masuk dengan kata sandi sementara, wajib menggantinya, lalu keluar dari semua perangkat',
];

const { scenario, watch, run } = createScenarioRunner({ label: 'e2e (users)', scenarios: SCENARIOS, resultFile: 'e2e-users.json', failedShot: 'FAILED-users' });
const shots = (page, name) => shot(page, name, [PHONE, DESKTOP]);

const NEW_PASSWORD = 'Sawah-Hijau-di-Berbek-2026';

async function main() {
  let page = null;
  let base = '';
  // Shared between the scenarios: what the administrator handed over.
  const handover = { temporary: '', resetUser: 'operator.pemdes', leaver: 'kabid.keudes' };

  async function goLogin() {
    await page.goto(`${base}/masuk`);
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${base}/masuk`);
  }
  async function submitLogin(username, password) {
    await page.fill('#login', username);
    await page.fill('#password', password);
    await page.getByRole('button', { name: 'Masuk' }).click();
  }

  await withStack(async (stack) => {
    ({ page, base } = stack);
    watch(page);

    // The office has a Plh Kasubbag (the Penyusun) running this week.
    const adminToken = await apiLogin(base, 'admin');
    const { users } = await gql(base, adminToken, '{ users { id username name } }');
    const penyusun = users.find((u) => u.username === 'penyusun');
    const now = Date.now();
    await gql(base, adminToken, 'mutation($i: AssignActingInput!){ assignActing(input:$i){ id } }', {
      i: { userId: penyusun.id, role: 'KASUBBAG', kind: 'PLH', validFrom: new Date(now - 3_600_000).toISOString(), validUntil: new Date(now + 5 * 86_400_000).toISOString(), decreeNo: '800/45/411.307/2026' },
    });
    const penyusunToken = await apiLogin(base, 'penyusun');
    const rolesOfPenyusun = async () => (await gql(base, penyusunToken, '{ me { roles } }')).me.roles;
    if (!(await rolesOfPenyusun()).includes('KASUBBAG')) throw new Error('setup: the Plh did not take effect');

    // ------------------------------------------------------------------------------------------
    await scenario(SCENARIOS[0], async () => {
      await goLogin();
      await submitLogin('admin', PASSWORD);
      await page.getByRole('heading', { name: 'Yang menunggu Anda' }).waitFor();
      await page.getByRole('link', { name: 'Administrasi' }).first().click();
      await page.getByRole('heading', { name: 'Pengguna', exact: true }).waitFor();
      const own = page.locator('[data-test="user"][data-username="admin"]');
      await own.getByText('Akun Anda', { exact: true }).waitFor();
      if (await own.locator('[data-test="user-reset"], [data-test="user-deactivate"]').count()) throw new Error('the administrator is offered a reset or deactivation of his own account');
      await shots(page, '40-admin-pengguna-daftar');

      // 1. A user forgot the password: reset, the temporary password is shown once.
      const target = page.locator(`[data-test="user"][data-username="${handover.resetUser}"]`);
      await target.locator('[data-test="user-reset"] [data-test="confirm-ask"]').click();
      await target.locator('[data-test="confirm-box"]').getByText('hanya ditampilkan satu kali').waitFor();
      await shot(page, '41-admin-atur-ulang-konfirmasi');
      await target.getByRole('button', { name: 'Ya, atur ulang' }).click();
      const panel = page.locator('[data-test="secret-once"]');
      await panel.getByText('tidak akan ditampilkan lagi').waitFor();
      handover.temporary = (await panel.locator('[data-test="secret-value"]').innerText()).trim();
      if (!/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/.test(handover.temporary)) throw new Error(`unexpected temporary password: ${handover.temporary}`);
      await target.locator('[data-test="user-must-change"]', { hasText: 'Wajib ganti kata sandi' }).waitFor();
      await shots(page, '42-admin-kata-sandi-sementara');
      await panel.locator('[data-test="secret-dismiss"]').click();
      await panel.waitFor({ state: 'detached' });
      if ((await page.content()).includes(handover.temporary)) throw new Error('the temporary password is still in the page after "saved"');
      // The old password no longer works.
      const old = await gql(base, null, 'mutation($i: LoginInput!){ login(input:$i){ token } }', { i: { login: handover.resetUser, password: PASSWORD } }).then(() => 'token', (e) => e.message);
      if (!old.startsWith('INVALID_CREDENTIALS')) throw new Error(`the old password still signs in: ${old}`);

      // 2. A Kepala Bidang moved to another office: deactivate, after a question.
      const leaver = page.locator(`[data-test="user"][data-username="${handover.leaver}"]`);
      const leaverName = (await leaver.locator('.card-title').innerText()).split('@')[0].trim();
      await leaver.locator('[data-test="user-deactivate"] [data-test="confirm-ask"]').click();
      await leaver.locator('[data-test="confirm-box"]').getByText('tidak dapat masuk lagi').waitFor();
      await shot(page, '43-admin-nonaktifkan-konfirmasi');
      await leaver.getByRole('button', { name: 'Ya, nonaktifkan' }).click();
      await page.locator('[data-test="notice"]').getByText(`${leaverName} telah dinonaktifkan.`).waitFor();
      await leaver.locator('[data-test="user-inactive"]').waitFor();
      await leaver.locator('[data-test="user-reactivate"]').waitFor();
      await shots(page, '44-admin-pengguna-nonaktif');
      const refused = await gql(base, null, 'mutation($i: LoginInput!){ login(input:$i){ token } }', { i: { login: handover.leaver, password: PASSWORD } }).then(() => 'token', (e) => e.message);
      if (!refused.startsWith('INVALID_CREDENTIALS')) throw new Error(`a deactivated user can still sign in: ${refused}`);

      // 3. The Kasubbag is back early: end the Plh now.
      await page.getByRole('link', { name: 'Plt / Plh' }).click();
      const assignment = page.locator('[data-test="acting"]', { hasText: penyusun.name });
      await assignment.locator('[data-test="acting-state"]', { hasText: 'Berlaku' }).waitFor();
      if (await page.locator('#a-user option', { hasText: '(@admin)' }).count()) throw new Error('the administrator can pick himself for an acting assignment');
      await assignment.locator('[data-test="confirm-ask"]').click();
      await assignment.locator('[data-test="confirm-box"]').getByText('langsung tidak berlaku lagi').waitFor();
      await shot(page, '45-admin-akhiri-plh-konfirmasi');
      await assignment.getByRole('button', { name: 'Ya, akhiri' }).click();
      await page.locator('[data-test="acting-ended"]').waitFor();
      await assignment.locator('[data-test="acting-state"]', { hasText: 'Berakhir' }).waitFor();
      if (await assignment.locator('[data-test="confirm-ask"]').count()) throw new Error('an ended assignment still offers "Akhiri sekarang"');
      await shots(page, '46-admin-plh-berakhir');
      if ((await rolesOfPenyusun()).includes('KASUBBAG')) throw new Error('the Penyusun still acts as Kasubbag after the Plh was ended');
    });

    // ------------------------------------------------------------------------------------------
    await scenario(SCENARIOS[1], async () => {
      if (!handover.temporary) throw new Error('the first scenario did not hand over a temporary password');
      // The deactivated person tries first: refused like a wrong password.
      await goLogin();
      await submitLogin(handover.leaver, PASSWORD);
      await page.locator('[data-test="error"]').getByText('NIP/nama pengguna atau kata sandi salah.').waitFor();

      // The reset user signs in with the temporary password: only the change is possible.
      await goLogin();
      await submitLogin(handover.resetUser, handover.temporary);
      await page.getByRole('heading', { name: 'Buat kata sandi baru' }).waitFor();
      if (!page.url().endsWith('/ganti-sandi')) throw new Error(`expected /ganti-sandi, at ${page.url()}`);
      if (await page.getByRole('link', { name: 'Daftar permintaan' }).count()) throw new Error('the menu is shown while the password must be changed');
      await page.goto(`${base}/permintaan`);
      await page.getByRole('heading', { name: 'Buat kata sandi baru' }).waitFor();
      await shot(page, '47-ganti-sandi-wajib');

      // As it is typed: the structural rules; on sending: the server's list of common passwords.
      await page.fill('#pw-current', handover.temporary);
      await page.fill('#pw-new', '1234567890');
      await page.locator('[data-test="password-problems"]').getByText('urutan').waitFor();
      await page.fill('#pw-new', 'indonesia123');
      await page.fill('#pw-repeat', 'indonesia123');
      await page.locator('[data-test="password-submit"]').click();
      const err = page.locator('[data-test="change-password"] [data-test="error"]');
      await err.getByText('terlalu umum').first().waitFor();
      await err.locator('[data-test="error-code"]').getByText('VALIDATION_FAILED').waitFor({ state: 'attached' }); // folded under "Rincian": the message comes first
      await shot(page, '48-ganti-sandi-terlalu-umum');

      await page.fill('#pw-new', NEW_PASSWORD);
      await page.fill('#pw-repeat', NEW_PASSWORD);
      await page.locator('[data-test="password-submit"]').click();
      await page.getByRole('heading', { name: 'Yang menunggu Anda' }).waitFor();
      await page.getByRole('link', { name: 'Daftar permintaan' }).waitFor();
      // The temporary password is spent; the new one works.
      const spent = await gql(base, null, 'mutation($i: LoginInput!){ login(input:$i){ token } }', { i: { login: handover.resetUser, password: handover.temporary } }).then(() => 'token', (e) => e.message);
      if (!spent.startsWith('INVALID_CREDENTIALS')) throw new Error(`the temporary password still works: ${spent}`);
      const elsewhere = (await gql(base, null, 'mutation($i: LoginInput!){ login(input:$i){ token } }', { i: { login: handover.resetUser, password: NEW_PASSWORD } })).login.token;

      // Profil saya: this phone and the other sign-in; sign the other one out, then everywhere.
      await page.locator('[data-test="nav-profile"]').click();
      await page.getByRole('heading', { name: 'Profil saya' }).waitFor();
      const sessions = page.locator('[data-test="session"]');
      await sessions.nth(1).waitFor();
      if ((await sessions.count()) !== 2) throw new Error(`expected 2 sessions, saw ${await sessions.count()}`);
      await page.locator('[data-test="session"].is-current [data-test="session-current"]').getByText('Perangkat ini').waitFor();
      await shots(page, '49-profil-saya');
      const other = page.locator('[data-test="session"]:not(.is-current)');
      await other.locator('[data-test="confirm-ask"]').click();
      await other.getByRole('button', { name: 'Ya, keluarkan' }).click();
      await page.locator('[data-test="session-revoked"]').waitFor();
      const otherNow = await gql(base, elsewhere, '{ me { roles } }').then(() => 'works', (e) => e.message);
      if (!otherNow.startsWith('UNAUTHENTICATED')) throw new Error(`the signed-out device still works: ${otherNow}`);

      await page.locator('[data-test="logout-everywhere"] [data-test="confirm-ask"]').click();
      await page.locator('[data-test="logout-everywhere"] [data-test="confirm-box"]').getByText('termasuk perangkat ini').waitFor();
      await shot(page, '50-profil-keluar-semua');
      await page.getByRole('button', { name: 'Ya, keluar dari semua' }).click();
      await page.getByRole('heading', { name: 'Masuk' }).waitFor();
      // English, for the record.
      await submitLogin(handover.resetUser, NEW_PASSWORD);
      await page.getByRole('heading', { name: 'Yang menunggu Anda' }).waitFor();
      await page.goto(`${base}/profil`);
      await page.locator('[data-test="lang-en"]').click();
      await page.getByRole('heading', { name: 'My profile' }).waitFor();
      await page.getByRole('button', { name: 'Sign out everywhere' }).waitFor();
      await shot(page, '51-profil-english');
      await page.locator('[data-test="lang-id"]').click();
    });
  });
}

await run(main);
