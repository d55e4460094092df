/**
 * The whole SOP through the HTTP API, as the different roles: registration, the dispositions of
 * steps 1–2, the format to every Bidang, a return-and-resubmit loop, acceptance, compile,
 * analysis, report, raising it to the Kepala Dinas and his acknowledgement.
 */
import { makeOfficeWithStaff } from './factories';
import { errorCode, startTestApp, type TestApp } from './harness';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

let t: TestApp;

async function upload(token: string, submissionId: string, kind: string, name = `${kind}.pdf`) {
  const form = new FormData();
  form.append('file', new Blob([PDF], { type: 'application/pdf' }), name);
  const res = await fetch(`${t.url}/api/documents?submissionId=${submissionId}&kind=${kind}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as any };
}

const REQUEST_FIELDS = `id status statusLabel statusLabelEn currentStep version dueAt overdue availableActions { action blockedReason }
  timeline { step state startedAt dueAt completedAt elapsedWorkingMinutes overdue note completedBy { username } }
  dispositions { step fromRole toRole instruction mark from { username } }`;

// On a pool (production on PostgreSQL), on one connection (where a read through the pool inside
// a transaction would hang), and on the embedded PGlite itself, as `pnpm start` runs it.
describe.each([
  ['PostgreSQL, a pool of 5 connections', { poolMax: 5 }],
  ['PostgreSQL, one connection', { poolMax: 1 }],
  ['the embedded PGlite of `pnpm start`', { embedded: true }],
])('on %s', (_label, opts) => {
  beforeAll(async () => {
    t = await startTestApp({}, opts);
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('carries a request through all seven steps, with a return and a resubmission', async () => {
    const o = await makeOfficeWithStaff(t.db);
    const tok = Object.fromEntries(
      await Promise.all(Object.entries(o.users).map(async ([k, u]) => [k, await t.login(u.username)] as const)),
    ) as Record<keyof typeof o.users, string>;

    // Registration by the Sekretaris: step 1 starts.
    const reg = await t.gql(
      `mutation($i: RegisterDataRequestInput!) { registerDataRequest(input: $i) { ${REQUEST_FIELDS} } }`,
      { i: { year: 2026, triwulan: 3, letterNumber: '050/777/411.307/2026', letterDate: '2026-10-01', sender: 'Bappeda Kabupaten Nganjuk', subject: 'Permintaan data kinerja Triwulan III', indicatorIds: [], requestedDocuments: ['LHP', 'LHE', 'TL_HP'] } },
      tok.sekretaris,
    );
    expect(reg.errors).toBeUndefined();
    const req = reg.data.registerDataRequest;
    expect(req.status).toBe('AT_SEKRETARIS');
    expect([req.statusLabel, req.statusLabelEn]).toEqual(['Menunggu disposisi Sekretaris', 'Awaiting the Sekretaris’s disposition']);
    expect(req.availableActions).toEqual([{ action: 'DISPOSE_TO_KASUBBAG', blockedReason: null }, { action: 'CANCEL', blockedReason: null }]);
    expect(req.timeline.map((s: any) => s.state)).toEqual(['ACTIVE', 'PENDING', 'PENDING', 'PENDING', 'PENDING', 'PENDING', 'PENDING']);

    // The Sekretaris sees it in the inbox; the Kasubbag does not yet.
    const inboxOf = async (token: string) => (await t.gql('{ myInbox { kind title titleEn step submissionId request { id } } }', {}, token)).data.myInbox.filter((i: any) => i.request.id === req.id);
    expect(await inboxOf(tok.sekretaris)).toEqual([expect.objectContaining({ kind: 'REQUEST_STEP', step: 1, titleEn: expect.stringMatching(/\w/) })]);
    expect(await inboxOf(tok.kasubbag)).toEqual([]);

    const step = async (mutation: string, input: Record<string, unknown>, token: string) => {
      const r = await t.gql(`mutation($i: ${input.instruction !== undefined ? 'DisposeInput' : 'AdvanceInput'}!) { ${mutation}(input: $i) { ${REQUEST_FIELDS} } }`, { i: input }, token);
      expect(r.errors).toBeUndefined();
      return r.data[mutation];
    };

    let r = await step('disposeToKasubbag', { requestId: req.id, instruction: 'Segera tindak lanjuti, koordinasikan dengan Bidang.', expectedVersion: 1 }, tok.sekretaris);
    expect(r.status).toBe('AT_KASUBBAG');
    expect(r.dispositions).toEqual([expect.objectContaining({ step: 1, fromRole: 'SEKRETARIS', toRole: 'KASUBBAG', mark: 'PARAF', instruction: 'Segera tindak lanjuti, koordinasikan dengan Bidang.' })]);
    expect(await inboxOf(tok.kasubbag)).toEqual([expect.objectContaining({ kind: 'REQUEST_STEP', step: 2 })]);

    r = await step('disposeToStaff', { requestId: req.id, instruction: 'Siapkan format dan kirim ke Bidang.' }, tok.kasubbag);
    expect(r.status).toBe('AT_PENYUSUN');
    r = await step('sendFormat', { requestId: req.id, note: 'Format terlampir' }, tok.penyusun);
    expect(r.status).toBe('COLLECTING');
    expect(r.timeline[3]).toEqual(expect.objectContaining({ step: 4, state: 'ACTIVE' }));

    // Step 4: each Bidang fills its own submission.
    const subs = (await t.gql(`query($id: UUID!) { dataRequest(id: $id) { submissions { id version bidang { id } values { indicatorId target } } } }`, { id: req.id }, tok.kasubbag)).data.dataRequest.submissions;
    expect(subs).toHaveLength(2);
    const own = (bidangId: string) => subs.find((s: any) => s.bidang.id === bidangId);
    const s1 = own(o.bidang[0].id);
    const s2 = own(o.bidang[1].id);
    expect(s1.values).toEqual([{ indicatorId: o.indicators[0].id, target: 80 }]);

    // The operator of Bidang 1 sees only its own submission in the request and in the inbox.
    const mine = (await t.gql(`query($id: UUID!) { dataRequest(id: $id) { submissions { id } } }`, { id: req.id }, tok.op1)).data.dataRequest.submissions;
    expect(mine).toEqual([{ id: s1.id }]);
    expect(await inboxOf(tok.op1)).toEqual([expect.objectContaining({ kind: 'FILL_SUBMISSION', submissionId: s1.id })]);

    const save = async (token: string, submissionId: string, version: number, indicatorId: string, realisasi: number) => {
      const res = await t.gql(
        `mutation($i: SaveSubmissionInput!) { saveSubmission(input: $i) { id status version values { realisasi capaian capaianStatus category { code label } } } }`,
        { i: { submissionId, expectedVersion: version, narrative: 'Capaian sesuai rencana; kendala: keterlambatan data desa; solusi: pendampingan.', values: [{ indicatorId, realisasi }] } },
        token,
      );
      expect(res.errors).toBeUndefined();
      return res.data.saveSubmission;
    };
    const act = async (mutation: string, token: string, submissionId: string, version: number, reason?: string) => {
      const res = await t.gql(
        `mutation($i: ${reason ? 'ReturnSubmissionInput' : 'SubmissionActionInput'}!) { ${mutation}(input: $i) { id status statusLabel statusLabelEn version returnReason } }`,
        { i: { submissionId, expectedVersion: version, ...(reason ? { reason } : {}) } },
        token,
      );
      expect(res.errors).toBeUndefined();
      return res.data[mutation];
    };

    let v1 = await save(tok.op1, s1.id, s1.version, o.indicators[0].id, 72);
    // 72 of a target of 80 = 90 %: "Baik" on the 5-band scale.
    expect(v1.values[0]).toEqual({ realisasi: 72, capaian: 90, capaianStatus: 'OK', category: { code: 'BAIK', label: 'Baik' } });
    for (const kind of ['LHP', 'LHE', 'TL_HP']) expect((await upload(tok.op1, s1.id, kind)).status).toBe(201);
    v1 = await act('submitSubmission', tok.op1, s1.id, v1.version);
    expect(v1.status).toBe('SUBMITTED');

    let v2 = await save(tok.op2, s2.id, s2.version, o.indicators[1].id, 8);
    // Lower is better: (2×10 − 8) / 10 = 120 %.
    expect(v2.values[0].capaian).toBe(120);
    for (const kind of ['LHP', 'LHE', 'TL_HP']) expect((await upload(tok.op2, s2.id, kind)).status).toBe(201);
    v2 = await act('submitSubmission', tok.op2, s2.id, v2.version);

    // Collection cannot be forwarded while a submission waits for review.
    const early = await t.gql('mutation($i: AdvanceInput!) { forwardCollection(input: $i) { id } }', { i: { requestId: req.id } }, tok.penyusun);
    expect(errorCode(early)).toBe('SUBMISSIONS_INCOMPLETE');

    // Kasubbag returns Bidang 1's data with a reason; the operator sees it, fixes, resubmits.
    v1 = await act('returnSubmission', tok.kasubbag, s1.id, v1.version, 'Realisasi IKU belum sesuai data LHP, mohon diperbaiki.');
    expect(v1).toEqual(
      expect.objectContaining({ status: 'RETURNED', statusLabel: 'Dikembalikan untuk perbaikan', statusLabelEn: 'Returned for correction', returnReason: 'Realisasi IKU belum sesuai data LHP, mohon diperbaiki.' }),
    );
    // Worded in both languages: a returned submission asks for a correction, not a first fill-in.
    expect(await inboxOf(tok.op1)).toEqual([
      expect.objectContaining({ kind: 'FILL_SUBMISSION', submissionId: s1.id, title: `Perbaiki data ${o.bidang[0].name} yang dikembalikan`, titleEn: `Fix the returned data of ${o.bidang[0].name}` }),
    ]);
    v1 = await save(tok.op1, s1.id, v1.version, o.indicators[0].id, 76);
    v1 = await act('submitSubmission', tok.op1, s1.id, v1.version);
    expect(v1.status).toBe('SUBMITTED');
    const reviews = (await t.gql('query($id: UUID!) { submission(id: $id) { reviews { action toStatus reason } } }', { id: s1.id }, tok.op1)).data.submission.reviews;
    expect(reviews.map((x: any) => x.action)).toEqual(['SUBMIT', 'RETURN', 'SUBMIT']);

    await act('acceptSubmission', tok.kasubbag, s1.id, v1.version);
    await act('acceptSubmission', tok.penyusun, s2.id, v2.version);
    const progress = (await t.gql('query($id: UUID!) { dataRequest(id: $id) { completeness { bidangTotal accepted onTime late percentAccepted perBidang { status returnCount } } } }', { id: req.id }, tok.kasubbag)).data.dataRequest.completeness;
    expect(progress).toEqual(expect.objectContaining({ bidangTotal: 2, accepted: 2, onTime: 2, late: 0, percentAccepted: 100 }));
    expect(progress.perBidang.map((p: any) => p.returnCount).sort()).toEqual([0, 1]);

    r = await step('forwardCollection', { requestId: req.id }, tok.penyusun);
    expect(r.status).toBe('COMPILING');
    r = await step('compileData', { requestId: req.id, note: 'Data dihimpun' }, tok.kasubbag);
    expect(r.status).toBe('ANALYSING');

    // Step 6: the analysis (capaian per indicator, Bidang, Sasaran, office).
    const an = await t.gql(
      `mutation($i: SaveAnalysisInput!) { saveAnalysis(input: $i) { id version status scaleCode scaleVersion office { average category { code } } perBidang { average } indicators { capaian } } }`,
      { i: { requestId: req.id, narrative: 'Capaian Dinas baik.' } },
      tok.kasubbag,
    );
    expect(an.errors).toBeUndefined();
    // (76/80 = 95 %, 120 %) → average 107.5 %, Sangat Baik.
    expect(an.data.saveAnalysis).toEqual(expect.objectContaining({ version: 1, status: 'DRAFT', scaleCode: 'LKJIP_5', office: { average: 107.5, category: { code: 'SANGAT_BAIK' } } }));

    r = await step('submitReport', { requestId: req.id }, tok.kasubbag);
    expect(r.status).toBe('REPORT_AT_SEKRETARIS');
    const frozen = (await t.gql('query($id: UUID!) { dataRequest(id: $id) { latestAnalysis { status submittedAt } } }', { id: req.id }, tok.sekretaris)).data.dataRequest.latestAnalysis;
    expect(frozen.status).toBe('SUBMITTED');
    const late = await t.gql('mutation($i: SaveAnalysisInput!) { saveAnalysis(input: $i) { id } }', { i: { requestId: req.id } }, tok.kasubbag);
    expect(errorCode(late)).toBe('WRONG_STEP');

    r = await step('raiseToKepala', { requestId: req.id }, tok.sekretaris);
    // On the Kepala's desk, not final yet: he signs (or returns it).
    expect(r.status).toBe('AT_KEPALA');
    expect(r.statusLabel).toBe('Menunggu tanda tangan Kepala Dinas');
    expect(r.timeline.every((s: any) => s.state === 'DONE' && s.completedAt)).toBe(true);
    expect(r.timeline.map((s: any) => s.completedBy.username)).toEqual([
      o.users.sekretaris.username, o.users.kasubbag.username, o.users.penyusun.username, o.users.penyusun.username,
      o.users.kasubbag.username, o.users.kasubbag.username, o.users.sekretaris.username,
    ]);
    // The note given with a step (AdvanceInput.note) or its disposition's instruction, on the step it completed.
    expect(r.timeline[4].note).toBe('Data dihimpun');
    expect(r.timeline[0].note).toBe(r.dispositions[0].instruction);
    // Each at the SOP step whose activity it is: the hand-over of the report to the Sekretaris is step 7.
    expect(r.dispositions.map((d: any) => `${d.step} ${d.fromRole}>${d.toRole}`)).toEqual(['1 SEKRETARIS>KASUBBAG', '2 KASUBBAG>PENYUSUN', '7 KASUBBAG>SEKRETARIS', '7 SEKRETARIS>KEPALA_DINAS']);

    expect(await inboxOf(tok.kepala)).toEqual([expect.objectContaining({ kind: 'ACKNOWLEDGE_REPORT' })]);
    const ack = await t.gql('mutation($id: UUID!) { acknowledgeReport(requestId: $id) { status acknowledgedAt dispositions { fromRole mark } } }', { id: req.id }, tok.kepala);
    expect(ack.errors).toBeUndefined();
    expect(ack.data.acknowledgeReport.status).toBe('DONE');
    expect(ack.data.acknowledgeReport.dispositions.at(-1)).toEqual({ fromRole: 'KEPALA_DINAS', mark: 'SIGNATURE' });
    expect(await inboxOf(tok.kepala)).toEqual([]);
  });

  it('logs out: the token stops working', async () => {
    const o = await makeOfficeWithStaff(t.db);
    const token = await t.login(o.users.penyusun.nip!); // login with NIP
    expect((await t.gql('{ me { user { username } roles } }', {}, token)).data.me).toEqual({ user: { username: o.users.penyusun.username }, roles: ['PENYUSUN'] });
    expect((await t.gql('mutation { logout }', {}, token)).data.logout).toBe(true);
    expect(errorCode(await t.gql('{ me { roles } }', {}, token))).toBe('UNAUTHENTICATED');
  });

  it('refuses a wrong password and locks the account after repeated failures', async () => {
    const o = await makeOfficeWithStaff(t.db);
    const attempt = (password: string) => t.gql('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { login: o.users.kepala.username, password } });
    const codes = [];
    for (let i = 0; i < t.config.LOGIN_MAX_FAILURES; i++) codes.push(errorCode(await attempt('salah-sandi')));
    expect(codes.slice(0, -1).every((c) => c === 'INVALID_CREDENTIALS')).toBe(true);
    expect(codes.at(-1)).toBe('ACCOUNT_LOCKED');
    // Even the right password is refused while locked.
    expect(errorCode(await attempt('rahasia-uji-123'))).toBe('ACCOUNT_LOCKED');
  });
});
