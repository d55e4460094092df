#!/usr/bin/env node
/**
 * The SPA as its users found it on a phone (issue 11, last section), on its own fresh database and
 * API, in Indonesian on a 360 × 740 window. Every page visited is checked with axe (serious and
 * critical findings fail, `scrollable-region-focusable` among them) and for tap targets under
 * 44 px (`expectAccessible`); the main pages are also shot at 1280 px, where targets must be 24 px
 * (WCAG 2.5.8). Screenshots: test-results/phone-*.png.
 *  - the Kasubbag's inbox names the Bidang of each "Periksa data …" card, in short actions;
 *  - the reviewer reads Realisasi, Capaian and Kategori of every indicator without scrolling sideways;
 *  - the resend race: the refetch after saving is held back until the submit has answered (as a
 *    slow network or a busy server does), and the page still ends at "Dikirim", read-only;
 *  - the Kepala Dinas's home and request list: office capaian, steps, late badge;
 *  - error messages in Indonesian first, the code folded under "Rincian";
 *  - the check itself can fail: a control put into the page under 44 px (phone) or 24 px (desktop)
 *    fails `shot()`, and the message names the page and the control.
 */
import { apiLogin, createScenarioRunner, DESKTOP, expectAccessible, gql, handIn, MIN_TAP, MIN_TARGET, PHONE, shot, signIn, withStack } from './harness.mjs';

const SCENARIOS = [
  'Kasubbag: kotak masuk menyebut Bidang setiap kiriman, judul berupa tindakan singkat',
  'Kasubbag memeriksa kiriman di ponsel: Realisasi, Capaian dan Kategori terlihat tanpa geser ke samping',
  'operator mengirim ulang kiriman yang dikembalikan: jawaban lama yang terlambat tidak mengembalikan "Dikembalikan"',
  'Kepala Dinas: beranda dengan ringkasan capaian, langkah dan keterlambatan; daftar permintaan',
  'pesan galat: bahasa Indonesia dahulu, kode kesalahan terlipat',
  'pemeriksaan aksesibilitas mengikat: kontrol kecil menggagalkan tangkapan layar, dengan nama halaman dan kontrolnya',
];
const { scenario, watch, run } = createScenarioRunner({ label: 'e2e (ponsel)', scenarios: SCENARIOS, resultFile: 'e2e-phone.json', failedShot: 'FAILED-phone' });
const year = new Date().getFullYear();
const stamp = Date.now().toString(36).toUpperCase();
/** The main pages on a phone (44 px targets) and on a desktop (24 px, WCAG 2.5.8): both are checked. */
const BOTH = [PHONE, DESKTOP];

/** Registers a request of the demo office and takes it to step 4 (the format sent to every Bidang). */
async function requestAtCollecting(base, tok, letterNumber, subject) {
  const reg = await gql(base, tok.sek, 'mutation($i: RegisterDataRequestInput!){ registerDataRequest(input:$i){ id } }', {
    i: { year, triwulan: 3, letterNumber, letterDate: `${year}-10-01`, sender: 'Bappeda Kabupaten Nganjuk', subject, indicatorIds: [], requestedDocuments: [] },
  });
  const requestId = reg.registerDataRequest.id;
  await gql(base, tok.sek, 'mutation($i: DisposeInput!){ disposeToKasubbag(input:$i){ id } }', { i: { requestId, instruction: 'Segera tindak lanjuti.' } });
  await gql(base, tok.kas, 'mutation($i: DisposeInput!){ disposeToStaff(input:$i){ id } }', { i: { requestId, instruction: 'Kirim format ke semua Bidang.' } });
  await gql(base, tok.pen, 'mutation($i: AdvanceInput!){ sendFormat(input:$i){ id } }', { i: { requestId } });
  const d = await gql(base, tok.kas, 'query($id: UUID!){ dataRequest(id:$id){ submissions { id bidang { code name } } } }', { id: requestId });
  return { requestId, submissions: d.dataRequest.submissions };
}

/** One Bidang's operator fills every indicator and sends. */
const fillAndSubmit = (base, submission, realisasi = (k) => 70 + k * 9) => handIn(base, submission, { realisasi, narrative: 'Capaian sesuai rencana.' });

async function main() {
  let page = null;
  let base = '';

  const loginAs = (username) => signIn(page, base, username);
  /** Fails unless `locator` lies wholly inside the phone's window width (nothing to scroll sideways to). */
  async function expectWithinWidth(locator, what) {
    const box = await locator.boundingBox();
    if (!box) throw new Error(`${what}: not shown`);
    if (box.x < 0 || box.x + box.width > PHONE.width + 0.5) throw new Error(`${what}: at x ${Math.round(box.x)}–${Math.round(box.x + box.width)}, outside the ${PHONE.width} px window`);
  }

  // Written before the Kepala Bidang's sign-off (signoff.spec.mjs): operators hand in straight to
  // the secretariat (headSignOff: false).
  await withStack(async (stack) => {
    ({ page, base } = stack);
    watch(page);

    const tok = { sek: await apiLogin(base, 'sekretaris'), kas: await apiLogin(base, 'kasubbag'), pen: await apiLogin(base, 'penyusun') };
    const letter = `050/${stamp}/411.307/${year}`;
    const collecting = await requestAtCollecting(base, tok, letter, 'Permintaan data kinerja Triwulan III untuk LKjIP');
    const pemdes = collecting.submissions.find((s) => s.bidang.code === 'PEMDES');
    const keudes = collecting.submissions.find((s) => s.bidang.code === 'KEUDES');
    await fillAndSubmit(base, pemdes);
    await fillAndSubmit(base, keudes);

    // ------------------------------------------------------------------------------------------
    await scenario(SCENARIOS[0], async () => {
      await loginAs('kasubbag');
      const cards = page.locator('[data-test="inbox-item"]', { hasText: letter });
      await cards.filter({ hasText: `Periksa data ${pemdes.bidang.name}` }).waitFor();
      await cards.filter({ hasText: `Periksa data ${keudes.bidang.name}` }).waitFor();
      const titles = await cards.locator('.inbox-title').allInnerTexts();
      if (new Set(titles).size !== titles.length) throw new Error(`two cards with the same title: ${titles.join(' | ')}`);
      for (const title of titles) {
        if (title.length > 60) throw new Error(`an inbox title reads like an SOP sentence: "${title}"`);
        if (/kepada Kasubbag|ke Kasubbag/.test(title)) throw new Error(`the Kasubbag is told to hand over to himself: "${title}"`);
      }
      await expectAccessible(page, 'Kasubbag: kotak masuk');
      await shot(page, 'phone-01-kasubbag-kotak-masuk', BOTH);
    });

    // ------------------------------------------------------------------------------------------
    await scenario(SCENARIOS[1], async () => {
      await page.locator('[data-test="inbox-item"]', { hasText: letter }).filter({ hasText: `Periksa data ${pemdes.bidang.name}` }).locator('a').click();
      await page.locator('[data-test="review"]').waitFor();
      const rows = page.locator('[data-test="values"] tbody tr');
      const n = await rows.count();
      if (n === 0) throw new Error('no values to review');
      for (let i = 0; i < n; i++) {
        const row = rows.nth(i);
        for (const cell of ['realisasi', 'capaian', 'category']) await expectWithinWidth(row.locator(`[data-test="${cell}"]`), `row ${i + 1} ${cell}`);
        const capaian = await row.locator('[data-test="capaian"]').innerText();
        if (!/\d+,\d{2}%/.test(capaian)) throw new Error(`capaian not in two decimals: "${capaian}"`);
      }
      // No sideways scroller anywhere on the page (axe: scrollable-region-focusable).
      const scrollers = await page.evaluate(() => [...document.querySelectorAll('main *')].filter((el) => el.scrollWidth > el.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(el).overflowX)).length);
      if (scrollers) throw new Error(`${scrollers} sideways scroller(s) on the review page`);
      await expectAccessible(page, 'Kasubbag: periksa kiriman');
      await shot(page, 'phone-02-kasubbag-periksa-kiriman', BOTH);
      // Return it, with a reason, for the next scenario.
      await page.fill('#reason', 'Realisasi indikator pertama belum sesuai laporan desa.');
      await page.locator('[data-test="return"]').click();
      await page.locator('[data-test="submission-status"]', { hasText: 'Dikembalikan' }).waitFor();
    });

    // ------------------------------------------------------------------------------------------
    await scenario(SCENARIOS[2], async () => {
      await loginAs('operator.pemdes');
      await page.locator('[data-test="inbox-item"]', { hasText: letter }).filter({ hasText: 'Perbaiki data' }).locator('a').click();
      await page.locator('[data-test="submission-status"]', { hasText: 'Dikembalikan' }).waitFor();
      const first = page.locator('[data-test^="realisasi-"]').first();
      await first.fill('88');
      // The race, made certain: the refetch the document cache sends after "save" is answered by
      // the server first (it reads the submission before the submit commits) and handed to the
      // page only after the submit's own answer.
      let detailRead;
      const detailWasRead = new Promise((r) => (detailRead = r));
      let submitDelivered;
      const submitWasDelivered = new Promise((r) => (submitDelivered = r));
      let held = 0;
      await page.route('**/graphql', async (route) => {
        const op = route.request().postDataJSON()?.operationName;
        if (op === 'SubmissionDetail' && held === 0) {
          held++;
          const response = await route.fetch();
          detailRead();
          await submitWasDelivered;
          await new Promise((r) => setTimeout(r, 200));
          return route.fulfill({ response });
        }
        if (op === 'SubmitSubmission') {
          await Promise.race([detailWasRead, new Promise((r) => setTimeout(r, 5000))]);
          const response = await route.fetch();
          await route.fulfill({ response });
          return submitDelivered();
        }
        return route.continue();
      });
      await page.locator('[data-test="submit"]').click();
      await page.getByText('Data terkirim.').waitFor();
      await submitWasDelivered;
      // Past the moment the late answer arrives: the page must still say "Dikirim", read-only.
      await page.waitForTimeout(1000);
      await page.unroute('**/graphql');
      if (held !== 1) throw new Error(`the refetch after saving was not seen (held ${held})`);
      const status = await page.locator('[data-test="submission-status"]').innerText();
      if (status !== 'Dikirim') throw new Error(`status "${status}" after "Data terkirim." (the late, older answer won)`);
      if (await page.locator('[data-test="submit"]').count()) throw new Error('the form is still editable after sending');
      await expectAccessible(page, 'operator: terkirim');
      await shot(page, 'phone-03-operator-kirim-ulang', BOTH);
    });

    // ------------------------------------------------------------------------------------------
    await scenario(SCENARIOS[3], async () => {
      // A second request carried to the Kepala Dinas, with its analysis (the office capaian).
      const done = await requestAtCollecting(base, tok, `051/${stamp}/411.307/${year}`, 'Permintaan data kinerja Triwulan II dari Inspektorat');
      for (const s of done.submissions) await fillAndSubmit(base, s, (k) => 80 + k * 7);
      for (const s of done.submissions) {
        const v = await gql(base, tok.kas, 'query($id: UUID!){ submission(id:$id){ version } }', { id: s.id });
        await gql(base, tok.kas, 'mutation($i: SubmissionActionInput!){ acceptSubmission(input:$i){ id } }', { i: { submissionId: s.id, expectedVersion: v.submission.version } });
      }
      const requestId = done.requestId;
      await gql(base, tok.pen, 'mutation($i: AdvanceInput!){ forwardCollection(input:$i){ id } }', { i: { requestId } });
      await gql(base, tok.kas, 'mutation($i: AdvanceInput!){ compileData(input:$i){ id } }', { i: { requestId } });
      await gql(base, tok.kas, 'mutation($i: SaveAnalysisInput!){ saveAnalysis(input:$i){ id } }', { i: { requestId, narrative: 'Capaian Dinas baik; kendala pada ketepatan waktu.' } });
      await gql(base, tok.kas, 'mutation($i: AdvanceInput!){ submitReport(input:$i){ id } }', { i: { requestId } });
      await gql(base, tok.sek, 'mutation($i: AdvanceInput!){ raiseToKepala(input:$i){ id } }', { i: { requestId } });

      await loginAs('kepala');
      const overview = page.locator('[data-test="kepala-overview"]');
      await overview.waitFor();
      const headline = await overview.locator('[data-test="office-headline"]').innerText();
      if (!/\d+,\d{2}%/.test(headline)) throw new Error(`no office capaian on the Kepala's home: "${headline}"`);
      const running = await overview.locator('[data-test="tile-running"] .tile-n').innerText();
      if (Number(running) < 1) throw new Error(`no request under way counted: ${running}`);
      await overview.locator('[data-test="overview-running"] [data-test="request-card"]', { hasText: letter }).locator('[data-test="request-step"]', { hasText: 'Langkah 4 dari 7' }).waitFor();
      await expectAccessible(page, 'Kepala Dinas: beranda');
      await shot(page, 'phone-04-kepala-beranda', BOTH);

      await page.getByRole('navigation').getByRole('link', { name: 'Daftar permintaan' }).click();
      await page.getByRole('heading', { name: 'Daftar permintaan data' }).waitFor();
      const list = page.locator('[data-test="request-list"]');
      await list.locator('[data-test="request-card"]', { hasText: `051/${stamp}` }).locator('[data-test="request-capaian"]').waitFor();
      await list.locator('[data-test="request-card"]', { hasText: letter }).locator('[data-test="request-step"]', { hasText: 'Langkah 4 dari 7' }).waitFor();
      await expectAccessible(page, 'Kepala Dinas: daftar permintaan');
      await shot(page, 'phone-05-kepala-daftar-permintaan', BOTH);
    });

    // ------------------------------------------------------------------------------------------
    await scenario(SCENARIOS[4], async () => {
      await page.goto(`${base}/masuk`);
      await page.evaluate(() => {
        localStorage.removeItem('sipedaki.token');
        localStorage.removeItem('sipedaki.viewer');
      });
      await page.goto(`${base}/masuk`);
      await page.fill('#login', 'kasubbag');
      await page.fill('#password', 'bukan-sandinya');
      await page.getByRole('button', { name: 'Masuk' }).click();
      const err = page.locator('[data-test="error"]');
      await err.waitFor();
      const first = (await err.locator('p').first().innerText()).trim();
      if (!first || /[A-Z]{3,}_[A-Z]+/.test(first)) throw new Error(`the first line is not a sentence for people: "${first}"`);
      const code = err.locator('[data-test="error-code"]');
      if (await code.isVisible()) throw new Error('the error code shows before the message is read (it should be folded)');
      await expectAccessible(page, 'masuk: kata sandi salah');
      await shot(page, 'phone-06-galat-masuk');
      await err.locator('summary').click();
      await code.getByText('Kode kesalahan: INVALID_CREDENTIALS').waitFor();
    });

    // ------------------------------------------------------------------------------------------
    await scenario(SCENARIOS[5], async () => {
      await loginAs('kasubbag');
      await shot(page, 'phone-07-kasubbag-kotak-masuk-bersih');
      /** Puts a `size` × `size` px button into the page; returns a function that removes it. */
      const addButton = async (size) => {
        await page.evaluate((px) => {
          const b = document.createElement('button');
          b.type = 'button';
          b.textContent = 'x';
          b.setAttribute('aria-label', 'Tombol uji kecil');
          b.dataset.test = 'tiny';
          b.style.cssText = `min-height:0;min-width:0;width:${px}px;height:${px}px;padding:0`;
          document.querySelector('main, #app').prepend(b);
        }, size);
        return () => page.evaluate(() => document.querySelector('[data-test="tiny"]').remove());
      };
      /** Fails unless `shot()` refuses the page with a message naming it and the tiny button. */
      const expectRefused = async (shotName, viewports, min) => {
        let message = '';
        try {
          await shot(page, shotName, viewports);
        } catch (err) {
          message = String(err?.message ?? err);
        }
        for (const part of [`page "${shotName}" (/`, `target under ${min}×${min} px`, 'button "Tombol uji kecil" [data-test=tiny]']) {
          if (!message.includes(part)) throw new Error(`the check did not refuse a small control as it should (wanted "${part}"), got: ${message || 'no error'}`);
        }
      };
      // On the phone: a 30 px button is under 44 px.
      let remove = await addButton(30);
      await expectRefused('phone-uji-kontrol-kecil', null, MIN_TAP);
      await remove();
      // On a desktop window: 30 px passes (≥ 24 px, WCAG 2.5.8), 20 px fails.
      remove = await addButton(30);
      await shot(page, 'phone-uji-kontrol-30px', [DESKTOP]);
      await remove();
      remove = await addButton(20);
      await expectRefused('phone-uji-kontrol-20px', [DESKTOP], MIN_TARGET);
      await remove();
    });
  }, { headSignOff: false });
}

run(main);
