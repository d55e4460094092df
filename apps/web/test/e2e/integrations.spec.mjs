#!/usr/bin/env node
/**
 * Browser scenarios for the administrator's machine-client pages (API tokens, webhooks), on their
 * own fresh database and API so they never depend on the order of test/e2e/run.mjs. Each scenario
 * counts as one test. Writes $E2E_RESULTS (or test-results/e2e-integrations.json) and screenshots
 * at 360 px and 1280 px; every screenshot also asserts that the page does not scroll sideways.
 *
 * The webhook receiver is a local HTTP server of this process: it refuses the first attempts
 * (HTTP 503), then checks the HMAC signature with the key the page showed and accepts. So the
 * test proves the key on screen is the real one, and that retries show up on the page.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import { apiLogin, createScenarioRunner, DESKTOP, expectCspEnforced, gql, handIn, PHONE, shot, signIn, withStack } from './harness.mjs';

// Quick retries so a failed first attempt is followed within seconds (default 30 s); each attempt
// is a job, due at its time (the job runner looks every JOBS_POLL_MS for jobs that fell due).
process.env.WEBHOOK_RETRY_BASE_MS ??= '4000';
process.env.JOBS_POLL_MS ??= '500';
// The receiver runs on this machine: loopback receivers are refused unless the office allows them.
process.env.WEBHOOK_ALLOWED_HOSTS ??= '127.0.0.1';

const SCENARIOS = [
  'administrator: token API dibuat, rahasia tampil sekali dan berfungsi, lalu dicabut',
  'administrator: webhook didaftarkan, kunci tampil sekali, pengiriman gagal dicoba ulang lalu terkirim, penerima dihapus',
];

const { scenario, watch, run } = createScenarioRunner({ label: 'e2e (integrations)', scenarios: SCENARIOS, resultFile: 'e2e-integrations.json', failedShot: 'FAILED-integrations' });

/** Admin pages are used at a desk as often as on a phone: each is checked at both widths. */
const shots = (page, name) => shot(page, name, [PHONE, DESKTOP]);

/** A receiver that answers 503 until `accept` is set, and records every delivery. */
function startReceiver() {
  const got = [];
  const state = { accept: false };
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      got.push({ headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(state.accept ? 200 : 503, { 'content-type': 'text/plain' }).end(state.accept ? 'ok' : 'sibuk');
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}/sipedaki/hook`, got, state, close: () => new Promise((r) => server.close(r)) }));
  });
}

/**
 * Checks X-Sipedaki-Signature as docs/api.md describes it: `t=<unix s>,v1=<hex>` (HMAC-SHA256 of
 * `<t>.<raw body>`).
 */
function signedWith(secret, body, header = '') {
  const hmac = (data) => crypto.createHmac('sha256', secret).update(data).digest('hex');
  const parts = header.split(',').map((p) => p.trim().split('='));
  const t = parts.find(([k]) => k === 't')?.[1];
  const v1 = parts.filter(([k]) => k === 'v1').map(([, v]) => v);
  return !!t && v1.includes(hmac(Buffer.concat([Buffer.from(`${t}.`), body])));
}

const waitUntil = async (what, fn, timeoutMs = 30_000) => {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await fn()) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
};

/** Takes a request of the demo office through all seven steps and the Kepala's signature by API: the signature fires report.final. */
async function requestToDone(base, stamp) {
  const year = new Date().getFullYear();
  const [sek, kas, pen] = await Promise.all(['sekretaris', 'kasubbag', 'penyusun'].map((u) => apiLogin(base, u)));
  const reg = await gql(base, sek, 'mutation($i: RegisterDataRequestInput!){ registerDataRequest(input:$i){ id } }', {
    i: { year, triwulan: 3, letterNumber: `060/${stamp}/411.307/${year}`, letterDate: `${year}-10-01`, sender: 'Bappeda', subject: 'Uji webhook', indicatorIds: [], requestedDocuments: [] },
  });
  const requestId = reg.registerDataRequest.id;
  await gql(base, sek, 'mutation($i: DisposeInput!){ disposeToKasubbag(input:$i){ id } }', { i: { requestId, instruction: 'Tindak lanjuti.' } });
  await gql(base, kas, 'mutation($i: DisposeInput!){ disposeToStaff(input:$i){ id } }', { i: { requestId, instruction: 'Kirim format.' } });
  await gql(base, pen, 'mutation($i: AdvanceInput!){ sendFormat(input:$i){ id } }', { i: { requestId } });
  const d = await gql(base, kas, 'query($id: UUID!){ dataRequest(id:$id){ submissions { id bidang { code } } } }', { id: requestId });
  for (const s of d.dataRequest.submissions) await handIn(base, s, { acceptWith: kas });
  await gql(base, pen, 'mutation($i: AdvanceInput!){ forwardCollection(input:$i){ id } }', { i: { requestId } });
  await gql(base, kas, 'mutation($i: AdvanceInput!){ compileData(input:$i){ id } }', { i: { requestId } });
  await gql(base, kas, 'mutation($i: SaveAnalysisInput!){ saveAnalysis(input:$i){ id } }', { i: { requestId, narrative: 'Capaian baik.' } });
  await gql(base, kas, 'mutation($i: AdvanceInput!){ submitReport(input:$i){ id } }', { i: { requestId } });
  await gql(base, sek, 'mutation($i: AdvanceInput!){ raiseToKepala(input:$i){ id status } }', { i: { requestId } });
  // Final when the Kepala Dinas signs (issue 11: AT_KEPALA → DONE).
  const kepala = await apiLogin(base, 'kepala');
  await gql(base, kepala, 'mutation($id: UUID!){ acknowledgeReport(requestId:$id){ id status } }', { id: requestId });
  return requestId;
}

async function main() {
  const stamp = Date.now().toString(36).toUpperCase();
  const receiver = await startReceiver();
  try {
    // These scenarios predate the Kepala Bidang's sign-off: operators hand in straight to the secretariat (headSignOff: false).
    await withStack(scenarios, { headSignOff: false });
  } finally {
    await receiver.close().catch(() => undefined);
  }

  async function scenarios({ base, page }) {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    watch(page);
    const loginAs = (username) => signIn(page, base, username, { forgetAll: true });
    /** The text of the page as a person (or a screen reader) gets it, plus every attribute value. */
    const pageHtml = () => page.content();
    // The SPA runs under the production CSP here; first prove a violation would be caught.
    await expectCspEnforced(page, base);

    // ------------------------------------------------------------------------------------------
    await scenario(SCENARIOS[0], async () => {
      const name = `Dashboard Bappeda ${stamp}`;
      await loginAs('admin');
      await page.getByRole('link', { name: 'Administrasi' }).first().click();
      await page.getByRole('link', { name: 'Token API' }).click();
      await page.getByRole('heading', { name: 'Token API', exact: true }).waitFor();
      await page.locator('[data-test="empty"]').getByText('Belum ada token API.').waitFor();

      await page.fill('#t-name', name);
      await page.getByLabel('Permintaan data').check();
      await page.getByLabel('Data kinerja').check();
      await page.selectOption('#t-expiry', '30');
      await page.locator('[data-test="valid-until"]').getByText('pukul 23.59 WIB').waitFor();
      await page.locator('[data-test="token-create"]').click();

      // Shown once: the full token, the warning, a working copy button.
      const panel = page.locator('[data-test="secret-once"]');
      await panel.waitFor();
      await panel.getByText('tidak akan ditampilkan lagi').waitFor();
      const secret = (await panel.locator('[data-test="secret-value"]').innerText()).trim();
      if (!/^spdk_[A-Za-z0-9_-]{43}$/.test(secret)) throw new Error(`unexpected token shape: ${secret}`);
      await panel.locator('[data-test="secret-copy"]').click();
      await page.getByText('Tersalin ke papan klip.').waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      if (copied !== secret) throw new Error('the copy button did not copy the token');
      await shots(page, '30-admin-token-rahasia');

      // The token on screen is the real one: another system can read with it (and only read).
      const office = await gql(base, secret, 'query { dataRequests { totalCount } office { name } }');
      if (typeof office.dataRequests.totalCount !== 'number') throw new Error('the new token could not read requests');

      // The list shows it; once "saved" is pressed, the secret is nowhere on the page, nor after a reload.
      const card = page.locator('[data-test="token"]', { hasText: name });
      await card.locator('[data-test="token-state"]', { hasText: 'Aktif' }).waitFor();
      await card.getByText(`${secret.slice(0, 13)}…`).waitFor();
      await card.getByText('Permintaan data').waitFor();
      await card.getByText(office.office.name).waitFor();
      await page.locator('[data-test="secret-dismiss"]').click();
      await panel.waitFor({ state: 'detached' });
      if ((await pageHtml()).includes(secret)) throw new Error('the token is still in the page after "saved"');
      await page.reload();
      await card.waitFor();
      if ((await pageHtml()).includes(secret)) throw new Error('the token came back after a reload');
      // Its use a moment ago is recorded.
      if (await card.getByText('Belum pernah dipakai').count()) throw new Error('last use not shown');
      await shots(page, '31-admin-token-daftar');

      // Revoke: asks first; cancel keeps it; confirm revokes it and the API refuses it at once.
      await card.locator('[data-test="confirm-ask"]').click();
      await card.locator('[data-test="confirm-box"]').getByText('tidak dapat dibatalkan').waitFor();
      await shots(page, '32-admin-token-konfirmasi-cabut');
      await card.locator('[data-test="confirm-no"]').click();
      await card.locator('[data-test="confirm-box"]').waitFor({ state: 'detached' });
      await gql(base, secret, 'query { office { name } }');
      await card.locator('[data-test="confirm-ask"]').click();
      await card.getByRole('button', { name: 'Ya, cabut token' }).click();
      await page.locator('[data-test="revoked"]').getByText(`Token “${name}” telah dicabut.`).waitFor();
      await card.locator('[data-test="token-state"]', { hasText: 'Dicabut' }).waitFor();
      if (await card.locator('[data-test="confirm-ask"]').count()) throw new Error('a revoked token still offers "Cabut"');
      const refused = await gql(base, secret, 'query { office { name } }').then(() => null, (e) => String(e.message));
      if (!refused?.startsWith('UNAUTHENTICATED')) throw new Error(`a revoked token must be refused, got ${refused ?? 'an answer'}`);
      await shots(page, '33-admin-token-dicabut');

      // The same page in English.
      await page.locator('[data-test="lang-en"]').click();
      await page.getByRole('heading', { name: 'API tokens', exact: true }).waitFor();
      await card.locator('[data-test="token-state"]', { hasText: 'Revoked' }).waitFor();
      await page.getByRole('button', { name: 'Create token' }).waitFor();
      await shots(page, '33b-admin-token-english');
      await page.locator('[data-test="lang-id"]').click();
    });

    // ------------------------------------------------------------------------------------------
    await scenario(SCENARIOS[1], async () => {
      await loginAs('admin');
      await page.goto(`${base}/admin/pengguna`);
      await page.getByRole('link', { name: 'Webhook' }).click();
      await page.getByRole('heading', { name: 'Webhook', exact: true }).waitFor();
      await page.locator('[data-test="empty"]').getByText('Belum ada penerima webhook.').waitFor();

      // A refused URL: the server's message, its field message and the error code.
      await page.fill('#w-url', 'https://pengguna:sandi@bappeda.example.go.id/hook');
      await page.locator('[data-test="webhook-register"]').click();
      const err = page.locator('[data-test="webhook-form"] [data-test="error"]');
      await err.getByText('nama pengguna/sandi').waitFor();
      await err.locator('[data-test="error-code"]').getByText('Kode kesalahan: VALIDATION_FAILED').waitFor({ state: 'attached' }); // folded under "Rincian": the message comes first
      await shots(page, '34-admin-webhook-galat');

      await page.fill('#w-url', receiver.url);
      await page.locator('[data-test="webhook-register"]').click();
      const panel = page.locator('[data-test="secret-once"]');
      await panel.getByText('tidak akan ditampilkan lagi').waitFor();
      const secret = (await panel.locator('[data-test="secret-value"]').innerText()).trim();
      if (!/^whsec_[A-Za-z0-9_-]{43}$/.test(secret)) throw new Error(`unexpected key shape: ${secret}`);
      const endpoint = page.locator('[data-test="endpoint"]', { hasText: receiver.url });
      await endpoint.locator('[data-test="endpoint-state"]', { hasText: 'Aktif' }).waitFor();
      await endpoint.locator('[data-test="no-deliveries"]').waitFor();
      await shots(page, '35-admin-webhook-rahasia');
      await page.locator('[data-test="secret-dismiss"]').click();
      await panel.waitFor({ state: 'detached' });
      if ((await pageHtml()).includes(secret)) throw new Error('the key is still in the page after "saved"');

      // A report goes final; the receiver refuses the first attempt, the page shows the retry.
      await requestToDone(base, stamp);
      await waitUntil('the first delivery attempt', () => receiver.got.length >= 1);
      const outcome = endpoint.locator('[data-test="delivery-outcome"]');
      await waitUntil('the page to show a retry', async () => {
        await page.locator('[data-test="webhooks-refresh"]').click();
        await page.waitForTimeout(300);
        return (await outcome.count()) > 0 && (await outcome.innerText()) === 'Akan dicoba lagi';
      });
      const failed = endpoint.locator('[data-test="attempt"]', { hasText: 'Percobaan ke-1' });
      await failed.locator('[data-test="attempt-status"]', { hasText: 'Gagal' }).waitFor();
      await failed.locator('[data-test="attempt-http"]', { hasText: 'HTTP 503' }).waitFor();
      await failed.locator('[data-test="attempt-retry"]', { hasText: 'Percobaan berikutnya' }).waitFor();
      await page.locator('[data-test="auto-refresh"]').waitFor();
      await shots(page, '36-admin-webhook-dicoba-ulang');

      // The receiver accepts now; the page refreshes by itself until the delivery is in.
      receiver.state.accept = true;
      await outcome.getByText('Terkirim', { exact: true }).waitFor({ timeout: 45_000 });
      const delivered = endpoint.locator('[data-test="attempt"]', { has: page.locator('[data-test="attempt-status"]', { hasText: 'Berhasil' }) });
      await delivered.locator('[data-test="attempt-http"]', { hasText: 'HTTP 200' }).waitFor();
      const n = Number((await delivered.locator('strong').innerText()).replace(/\D/g, ''));
      if (!(n >= 2) || receiver.got.length !== n) throw new Error(`expected the delivery at attempt ≥ 2 and one request per attempt, got attempt ${n}, ${receiver.got.length} requests`);
      // Every attempt was signed with the key the page showed once.
      for (const g of receiver.got) {
        if (!signedWith(secret, g.body, g.headers['x-sipedaki-signature'])) throw new Error(`a delivery was not signed with the key shown on the page: ${g.headers['x-sipedaki-signature']}`);
        if (g.headers['x-sipedaki-event'] !== 'report.final') throw new Error('unexpected event header');
      }
      if (new Set(receiver.got.map((g) => g.headers['x-sipedaki-delivery'])).size !== 1) throw new Error('the retries should carry one event id');
      await shots(page, '37-admin-webhook-terkirim');

      // Remove: asks first, then the receiver is marked removed and keeps its history.
      await endpoint.locator('[data-test="confirm-ask"]').click();
      await endpoint.locator('[data-test="confirm-box"]').getByText(receiver.url).waitFor();
      await endpoint.getByRole('button', { name: 'Ya, hapus penerima' }).click();
      await endpoint.locator('[data-test="endpoint-state"]', { hasText: 'Dihapus' }).waitFor();
      await endpoint.getByText('Dihapus pada').waitFor();
      await endpoint.locator('[data-test="delivery-outcome"]', { hasText: 'Terkirim' }).waitFor();
      if (await endpoint.locator('[data-test="confirm-ask"]').count()) throw new Error('a removed receiver still offers "Hapus"');
      const adminToken = await apiLogin(base, 'admin');
      const listed = await gql(base, adminToken, 'query { webhookEndpoints { url active } }');
      if (listed.webhookEndpoints.find((e) => e.url === receiver.url)?.active !== false) throw new Error('the receiver is still active in the API');
      await shots(page, '38-admin-webhook-dihapus');
    });
  }
}

await run(main);
