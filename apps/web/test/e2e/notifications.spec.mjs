#!/usr/bin/env node
/**
 * Notifications in the browser (issue 13), on a fresh database and the API as it ships (the job
 * runner included): the Kasubbag has the app open; the Sekretaris disposes a letter in her own
 * browser; the Kasubbag's open page shows the unread badge and the notification without a reload
 * (the latency from the click to the badge is printed, not asserted). Then the Kasubbag opens it
 * (read, badge gone, the request page), and sets her e-mail and WhatsApp number. Screenshots at
 * 360 px.
 */
import { apiLogin, createScenarioRunner, gql, PASSWORD, PHONE, shot, withStack } from './harness.mjs';

const SCENARIOS = [
  'Sekretaris mendisposisikan surat; halaman Kasubbag yang terbuka menampilkan lencana dan pemberitahuan tanpa dimuat ulang',
  'Kasubbag membuka pemberitahuan (terbaca, lencana hilang) dan mengatur e-mail serta nomor WhatsApp',
];

const { scenario, watch, run } = createScenarioRunner({ label: 'e2e (notifications)', scenarios: SCENARIOS, resultFile: 'e2e-notifications.json', failedShot: 'FAILED-notifications' });

async function main() {
  let requestId = '';
  // Two browsers: the Sekretaris's and the Kasubbag's, each with its own session.
  await withStack(async ({ base, pages: [sek, kas] }) => {
    watch(kas);
    const login = async (page, username) => {
      await page.goto(`${base}/masuk`);
      await page.fill('#login', username);
      await page.fill('#password', PASSWORD);
      await page.getByRole('button', { name: 'Masuk' }).click();
      await page.getByRole('heading', { name: 'Yang menunggu Anda' }).waitFor();
    };

    // The letter is registered (the Sekretaris's registration form is covered by run.mjs).
    const sekToken = await apiLogin(base, 'sekretaris');
    const letter = `050/${Date.now()}/411.307/2026`;
    const reg = await gql(base, sekToken, 'mutation($i: RegisterDataRequestInput!){ registerDataRequest(input:$i){ id } }', {
      i: { year: new Date().getFullYear(), triwulan: 3, letterNumber: letter, letterDate: '2026-10-01', sender: 'Bappeda Kabupaten Nganjuk', subject: 'Permintaan data kinerja Triwulan III', indicatorIds: [], requestedDocuments: ['LHP', 'LHE', 'TL_HP'] },
    });
    requestId = reg.registerDataRequest.id;

    await scenario(SCENARIOS[0], async () => {
      await login(kas, 'kasubbag');
      await kas.locator('[data-test="bell"]').click();
      await kas.getByRole('heading', { name: 'Pemberitahuan' }).waitFor();
      await kas.getByText('Belum ada pemberitahuan.').waitFor();
      if (await kas.locator('[data-test="bell-badge"]').count()) throw new Error('a badge before any notification');
      // Marks this very document: a reload would lose it.
      await kas.evaluate(() => {
        window.__notReloaded = true;
      });

      await login(sek, 'sekretaris');
      await sek.goto(`${base}/permintaan/${requestId}`);
      const form = sek.locator('[data-test="action-DISPOSE_TO_KASUBBAG"]');
      await form.waitFor();
      await form.locator('textarea, input').fill('Mohon segera ditindaklanjuti bersama Bidang.');
      const clicked = Date.now();
      await form.getByRole('button').click();
      await sek.getByText('Tindakan tersimpan.').waitFor();

      const badge = kas.locator('[data-test="bell-badge"]');
      await badge.waitFor({ timeout: 15_000 });
      const latency = Date.now() - clicked;
      if ((await badge.textContent())?.trim() !== '1') throw new Error(`badge shows ${await badge.textContent()}`);
      const item = kas.locator('[data-test="notification"]').first();
      await item.getByText(`Disposisi baru: surat ${letter}`).waitFor();
      await item.getByText('Mohon segera ditindaklanjuti bersama Bidang.').waitFor();
      if (!(await kas.evaluate(() => window.__notReloaded === true))) throw new Error('the Kasubbag’s page was reloaded');
      const label = await kas.locator('[data-test="bell"]').getAttribute('aria-label');
      if (label !== 'Pemberitahuan, 1 belum dibaca') throw new Error(`bell label: ${label}`);
      process.stdout.write(`    click → badge on the other page: ${latency} ms (goal: within a second)\n`);
      await shot(kas, '70-kasubbag-pemberitahuan-baru', [PHONE]);
    });

    await scenario(SCENARIOS[1], async () => {
      await kas.locator('[data-test="notification"]').first().click();
      await kas.waitForURL((u) => u.pathname === `/permintaan/${requestId}`);
      await kas.locator('[data-test="bell-badge"]').waitFor({ state: 'detached' });
      await kas.locator('[data-test="bell"]').click();
      const item = kas.locator('[data-test="notification"]').first();
      await item.waitFor();
      if (await item.evaluate((el) => el.classList.contains('is-unread'))) throw new Error('the opened notification is still unread');
      await shot(kas, '71-kasubbag-pemberitahuan-terbaca', [PHONE]);

      await kas.locator('[data-test="settings-link"]').click();
      await kas.getByRole('heading', { name: 'Pengaturan pemberitahuan' }).waitFor();
      await kas.fill('[data-test="phone"]', '021-5551234');
      await kas.getByText('bukan nomor telepon kantor').waitFor();
      await kas.fill('[data-test="email"]', 'kasubbag@dpmd.nganjukkab.go.id');
      await kas.fill('[data-test="phone"]', '0812-3456-7890');
      // WhatsApp cannot be chosen before the number is verified (and no gateway is set up here).
      if (!(await kas.locator('[data-test="ch-DISPOSITION_RECEIVED-WHATSAPP"]').isDisabled())) throw new Error('WhatsApp offered before verification');
      await kas.locator('[data-test="save"]').click();
      await kas.locator('[data-test="saved"]').waitFor();
      await kas.locator('[data-test="phone-state"]').getByText('Belum diverifikasi').waitFor();
      const prefs = await gql(base, await apiLogin(base, 'kasubbag'), '{ notificationPreferences { email phone phoneVerified } }');
      if (prefs.notificationPreferences.phone !== '+6281234567890' || prefs.notificationPreferences.email !== 'kasubbag@dpmd.nganjukkab.go.id') throw new Error(`saved: ${JSON.stringify(prefs)}`);
      await shot(kas, '72-pengaturan-pemberitahuan', [PHONE]);
    });
  }, { browsers: 2 });
}

await run(main);
