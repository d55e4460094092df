/**
 * Refusals: every refused call answers with its error code in `errors[0].extensions.code` and
 * leaves the request, its submissions and the audit / disposition / review rows exactly as they
 * were.
 */
import { makeOfficeWithStaff, makeUser } from './factories';
import {
  callSaveSubmission,
  callStep,
  callSubmissionAction,
  fillAndSubmit,
  getSubmission,
  requestAt,
  setupOffice,
  snapshot,
  uploadDocument,
  type FlowOffice,
  type Stage,
  type UserKey,
} from './flow';
import { errorCode, startTestApp, type GqlResult, type TestApp } from './harness';

let t: TestApp;
let o: FlowOffice;
beforeAll(async () => {
  t = await startTestApp();
  o = await setupOffice(t);
});
afterAll(async () => {
  await t.close();
});

/** Runs `call`, expects the code, and proves that nothing about the request changed. */
async function expectRefused(code: string, requestId: string, call: () => Promise<GqlResult>) {
  const before = await snapshot(t, requestId);
  const r = await call();
  expect(errorCode(r)).toBe(code);
  expect(r.data ?? null).toBeNull();
  expect(await snapshot(t, requestId)).toEqual(before);
  return r;
}

describe('wrong role for each step (FORBIDDEN, nothing changes)', () => {
  it.each<[string, Stage, UserKey]>([
    ['disposeToKasubbag', 'REGISTERED', 'kasubbag'],
    ['disposeToKasubbag', 'REGISTERED', 'kepala'],
    ['disposeToStaff', 'AT_KASUBBAG', 'sekretaris'],
    ['disposeToStaff', 'AT_KASUBBAG', 'penyusun'],
    ['sendFormat', 'AT_PENYUSUN', 'op1'],
    ['sendFormat', 'AT_PENYUSUN', 'sekretaris'],
    ['forwardCollection', 'ACCEPTED', 'sekretaris'],
    ['forwardCollection', 'ACCEPTED', 'head1'],
    ['compileData', 'COMPILING', 'penyusun'],
    ['submitReport', 'ANALYSED', 'sekretaris'],
    ['submitReport', 'ANALYSED', 'penyusun'],
    ['raiseToKepala', 'REPORT_AT_SEKRETARIS', 'kasubbag'],
    ['raiseToKepala', 'REPORT_AT_SEKRETARIS', 'kepala'],
  ])('%s at stage %s by %s → FORBIDDEN', async (mutation, stage, who) => {
    const req = await requestAt(t, o, stage);
    await expectRefused('FORBIDDEN', req.id, () => callStep(t, mutation, req.id, o.tok[who]));
  });

  it('saveAnalysis by the Penyusun → FORBIDDEN, no analysis row', async () => {
    const req = await requestAt(t, o, 'ANALYSING');
    await expectRefused('FORBIDDEN', req.id, () =>
      t.gql('mutation($i: SaveAnalysisInput!) { saveAnalysis(input: $i) { id } }', { i: { requestId: req.id, narrative: 'x' } }, o.tok.penyusun),
    );
  });

  it('acknowledgeReport by the Sekretaris → FORBIDDEN', async () => {
    const req = await requestAt(t, o, 'DONE');
    await expectRefused('FORBIDDEN', req.id, () => t.gql('mutation($id: UUID!) { acknowledgeReport(requestId: $id) { id } }', { id: req.id }, o.tok.sekretaris));
  });

  it('registerDataRequest by the Kasubbag → FORBIDDEN, no request created', async () => {
    const before = await t.db.dataRequest.count({ where: { officeId: o.office.id } });
    const r = await t.gql(
      'mutation($i: RegisterDataRequestInput!) { registerDataRequest(input: $i) { id } }',
      { i: { year: 2026, triwulan: 1, letterNumber: 'X/1', letterDate: '2026-01-05', sender: 'Bappeda', subject: 'Data', indicatorIds: [], requestedDocuments: [] } },
      o.tok.kasubbag,
    );
    expect(errorCode(r)).toBe('FORBIDDEN');
    expect(await t.db.dataRequest.count({ where: { officeId: o.office.id } })).toBe(before);
  });

  it.each<[string, UserKey]>([
    ['saveSubmission', 'penyusun'],
    ['saveSubmission', 'kasubbag'],
  ])('%s by %s (not a Bidang role) → FORBIDDEN', async (_m, who) => {
    const req = await requestAt(t, o, 'COLLECTING');
    await expectRefused('FORBIDDEN', req.id, () =>
      callSaveSubmission(t, o.tok[who], { submissionId: req.submissions[0]!, expectedVersion: 1, values: [{ indicatorId: o.indicators[0].id, realisasi: 1 }] }),
    );
  });

  it('submitSubmission by the Kasubbag → FORBIDDEN', async () => {
    const req = await requestAt(t, o, 'COLLECTING');
    await expectRefused('FORBIDDEN', req.id, () => callSubmissionAction(t, 'submitSubmission', o.tok.kasubbag, { submissionId: req.submissions[0], expectedVersion: 1 }));
  });

  it.each<['acceptSubmission' | 'returnSubmission', UserKey]>([
    ['acceptSubmission', 'op1'],
    ['acceptSubmission', 'sekretaris'],
    ['returnSubmission', 'head1'],
    ['returnSubmission', 'kepala'],
  ])('%s by %s → FORBIDDEN, no review row', async (mutation, who) => {
    const req = await requestAt(t, o, 'SUBMITTED');
    const id = req.submissions[0]!;
    const { version } = await getSubmission(t, o.tok.penyusun, id);
    await expectRefused('FORBIDDEN', req.id, () =>
      callSubmissionAction(t, mutation, o.tok[who], { submissionId: id, expectedVersion: version, ...(mutation === 'returnSubmission' ? { reason: 'Data belum lengkap' } : {}) }),
    );
  });
});

describe('step out of turn', () => {
  it.each<[string, Stage, UserKey]>([
    ['raiseToKepala', 'REGISTERED', 'sekretaris'],
    ['disposeToStaff', 'REGISTERED', 'kasubbag'],
    ['disposeToKasubbag', 'AT_KASUBBAG', 'sekretaris'],
    ['sendFormat', 'AT_KASUBBAG', 'penyusun'],
    ['compileData', 'COLLECTING', 'kasubbag'],
    ['compileData', 'ANALYSING', 'kasubbag'],
    ['submitReport', 'COMPILING', 'kasubbag'],
    ['forwardCollection', 'DONE', 'penyusun'],
  ])('%s at stage %s by %s → WRONG_STEP', async (mutation, stage, who) => {
    const req = await requestAt(t, o, stage);
    await expectRefused('WRONG_STEP', req.id, () => callStep(t, mutation, req.id, o.tok[who]));
  });

  it('saveAnalysis during COMPILING → WRONG_STEP, no analysis row', async () => {
    const req = await requestAt(t, o, 'COMPILING');
    await expectRefused('WRONG_STEP', req.id, () =>
      t.gql('mutation($i: SaveAnalysisInput!) { saveAnalysis(input: $i) { id } }', { i: { requestId: req.id } }, o.tok.kasubbag),
    );
  });

  it('acknowledgeReport before the report is raised → WRONG_STEP', async () => {
    const req = await requestAt(t, o, 'REPORT_AT_SEKRETARIS');
    await expectRefused('WRONG_STEP', req.id, () => t.gql('mutation($id: UUID!) { acknowledgeReport(requestId: $id) { id } }', { id: req.id }, o.tok.kepala));
  });

  it('saving an accepted submission after collection closed → WRONG_STEP', async () => {
    const req = await requestAt(t, o, 'COMPILING');
    const s = await getSubmission(t, o.tok.op1, req.submissions[0]!);
    await expectRefused('WRONG_STEP', req.id, () =>
      callSaveSubmission(t, o.tok.op1, { submissionId: s.id, expectedVersion: s.version, values: [{ indicatorId: o.indicators[0].id, realisasi: 1 }] }),
    );
  });

  it('forwardCollection while every submission is still a draft → SUBMISSIONS_INCOMPLETE', async () => {
    const req = await requestAt(t, o, 'COLLECTING');
    await expectRefused('SUBMISSIONS_INCOMPLETE', req.id, () => callStep(t, 'forwardCollection', req.id, o.tok.penyusun));
  });

  it('forwardCollection while one submission is SUBMITTED but not ACCEPTED → SUBMISSIONS_INCOMPLETE', async () => {
    const req = await requestAt(t, o, 'SUBMITTED');
    const first = await getSubmission(t, o.tok.penyusun, req.submissions[0]!);
    const acc = await callSubmissionAction(t, 'acceptSubmission', o.tok.penyusun, { submissionId: first.id, expectedVersion: first.version });
    expect(acc.errors).toBeUndefined();
    expect(acc.data.acceptSubmission.status).toBe('ACCEPTED');
    await expectRefused('SUBMISSIONS_INCOMPLETE', req.id, () => callStep(t, 'forwardCollection', req.id, o.tok.kasubbag));
  });

  it('submitReport without saveAnalysis → ANALYSIS_MISSING', async () => {
    const req = await requestAt(t, o, 'ANALYSING');
    await expectRefused('ANALYSIS_MISSING', req.id, () => callStep(t, 'submitReport', req.id, o.tok.kasubbag));
  });
});

describe('a Bidang sees and changes only its own submission', () => {
  it('the operator of Bidang Dua cannot read Bidang Satu’s submission → FORBIDDEN', async () => {
    const req = await requestAt(t, o, 'COLLECTING');
    await expectRefused('FORBIDDEN', req.id, () => t.gql('query($id: UUID!) { submission(id: $id) { id values { realisasi } } }', { id: req.submissions[0] }, o.tok.op2));
    // …while its own one is readable, and the request lists only its own.
    const own = await t.gql('query($id: UUID!) { submission(id: $id) { id } }', { id: req.submissions[1] }, o.tok.op2);
    expect(own.data.submission.id).toBe(req.submissions[1]);
    const list = await t.gql('query($id: UUID!) { dataRequest(id: $id) { submissions { id } } }', { id: req.id }, o.tok.op2);
    expect(list.data.dataRequest.submissions).toEqual([{ id: req.submissions[1] }]);
  });

  it('the head of Bidang Satu cannot read Bidang Dua’s submission → FORBIDDEN', async () => {
    const req = await requestAt(t, o, 'COLLECTING');
    await expectRefused('FORBIDDEN', req.id, () => t.gql('query($id: UUID!) { submission(id: $id) { id } }', { id: req.submissions[1] }, o.tok.head1));
  });

  it('the operator of Bidang Dua cannot save Bidang Satu’s submission → FORBIDDEN', async () => {
    const req = await requestAt(t, o, 'COLLECTING');
    await expectRefused('FORBIDDEN', req.id, () =>
      callSaveSubmission(t, o.tok.op2, { submissionId: req.submissions[0]!, expectedVersion: 1, narrative: 'diubah', values: [{ indicatorId: o.indicators[0].id, realisasi: 1 }] }),
    );
  });

  it('the operator of Bidang Dua cannot submit Bidang Satu’s complete submission → FORBIDDEN', async () => {
    const req = await requestAt(t, o, 'COLLECTING');
    const id = req.submissions[0]!;
    const saved = await callSaveSubmission(t, o.tok.op1, { submissionId: id, expectedVersion: 1, values: [{ indicatorId: o.indicators[0].id, realisasi: 70 }] });
    expect(saved.data.saveSubmission.version).toBe(2);
    for (const kind of ['LHP', 'LHE', 'TL_HP']) expect((await uploadDocument(t, o.tok.op1, { submissionId: id, kind })).status).toBe(201);
    await expectRefused('FORBIDDEN', req.id, () => callSubmissionAction(t, 'submitSubmission', o.tok.op2, { submissionId: id, expectedVersion: 2 }));
  });
});

describe('another office, no session', () => {
  it('a user of another office reading a request → NOT_FOUND', async () => {
    const req = await requestAt(t, o, 'COLLECTING');
    const other = await makeOfficeWithStaff(t.db);
    const tok = await t.login(other.users.sekretaris.username);
    await expectRefused('NOT_FOUND', req.id, () => t.gql('query($id: UUID!) { dataRequest(id: $id) { id letterNumber } }', { id: req.id }, tok));
    await expectRefused('NOT_FOUND', req.id, () => t.gql('query($id: UUID!) { submission(id: $id) { id } }', { id: req.submissions[0] }, tok));
    // Its list does not show the request either.
    const list = await t.gql('{ dataRequests { totalCount edges { node { id } } } }', {}, tok);
    expect(list.data.dataRequests.edges.map((e: any) => e.node.id)).not.toContain(req.id);
  });

  it('the Sekretaris of another office cannot dispose this office’s request → NOT_FOUND', async () => {
    const req = await requestAt(t, o, 'REGISTERED');
    const other = await makeOfficeWithStaff(t.db);
    const tok = await t.login(other.users.sekretaris.username);
    await expectRefused('NOT_FOUND', req.id, () => callStep(t, 'disposeToKasubbag', req.id, tok));
  });

  it('an unknown request id → NOT_FOUND', async () => {
    const r = await t.gql('query($id: UUID!) { dataRequest(id: $id) { id } }', { id: '00000000-0000-4000-8000-000000000000' }, o.tok.sekretaris);
    expect(errorCode(r)).toBe('NOT_FOUND');
  });

  it('no token → UNAUTHENTICATED, for a query and for a step', async () => {
    const req = await requestAt(t, o, 'REGISTERED');
    await expectRefused('UNAUTHENTICATED', req.id, () => t.gql('query($id: UUID!) { dataRequest(id: $id) { id } }', { id: req.id }));
    await expectRefused('UNAUTHENTICATED', req.id, () => callStep(t, 'disposeToKasubbag', req.id, undefined));
  });

  it('a made-up or revoked token → UNAUTHENTICATED', async () => {
    const req = await requestAt(t, o, 'REGISTERED');
    await expectRefused('UNAUTHENTICATED', req.id, () => callStep(t, 'disposeToKasubbag', req.id, 'bukan-token-yang-sah'));
    const u = await makeUser(t.db, o.office.id, ['SEKRETARIS']);
    const tok = await t.login(u.username);
    const out = await t.gql('mutation { logout }', {}, tok);
    expect(out.data.logout).toBe(true);
    await expectRefused('UNAUTHENTICATED', req.id, () => callStep(t, 'disposeToKasubbag', req.id, tok));
  });
});

describe('submission rules', () => {
  it('returnSubmission with a reason shorter than 5 characters → VALIDATION_FAILED on field reason', async () => {
    const req = await requestAt(t, o, 'SUBMITTED');
    const s = await getSubmission(t, o.tok.penyusun, req.submissions[0]!);
    const r = await expectRefused('VALIDATION_FAILED', req.id, () =>
      callSubmissionAction(t, 'returnSubmission', o.tok.penyusun, { submissionId: s.id, expectedVersion: s.version, reason: 'kur' }),
    );
    expect(r.errors![0]!.extensions!.fields).toEqual([
      { field: 'reason', message: 'Alasan pengembalian wajib diisi (5–2000 karakter)', messageEn: 'A reason for returning is required (5–2000 characters)' },
    ]);
  });

  it.each([['  ok   '], ['          ']])('returnSubmission with the reason %p (under 5 characters once trimmed) → the same VALIDATION_FAILED on field reason', async (reason) => {
    const req = await requestAt(t, o, 'SUBMITTED');
    const s = await getSubmission(t, o.tok.penyusun, req.submissions[0]!);
    const r = await expectRefused('VALIDATION_FAILED', req.id, () =>
      callSubmissionAction(t, 'returnSubmission', o.tok.penyusun, { submissionId: s.id, expectedVersion: s.version, reason }),
    );
    expect(r.errors![0]!.extensions!.fields).toEqual([
      { field: 'reason', message: 'Alasan pengembalian wajib diisi (5–2000 karakter)', messageEn: 'A reason for returning is required (5–2000 characters)' },
    ]);
  });

  it('saving after submit → NOT_EDITABLE, and attaching after submit is refused too', async () => {
    const req = await requestAt(t, o, 'SUBMITTED');
    const s = await getSubmission(t, o.tok.op1, req.submissions[0]!);
    expect(s.status).toBe('SUBMITTED');
    expect(s.editable).toBe(false);
    await expectRefused('NOT_EDITABLE', req.id, () =>
      callSaveSubmission(t, o.tok.op1, { submissionId: s.id, expectedVersion: s.version, values: [{ indicatorId: o.indicators[0].id, realisasi: 1 }] }),
    );
    const before = await snapshot(t, req.id);
    const up = await uploadDocument(t, o.tok.op1, { submissionId: s.id, kind: 'OTHER' });
    expect(up.body.error.code).toBe('NOT_EDITABLE');
    expect(await snapshot(t, req.id)).toEqual(before);
  });

  it('submitting twice → WRONG_STEP', async () => {
    const req = await requestAt(t, o, 'SUBMITTED');
    const s = await getSubmission(t, o.tok.op1, req.submissions[0]!);
    await expectRefused('WRONG_STEP', req.id, () => callSubmissionAction(t, 'submitSubmission', o.tok.op1, { submissionId: s.id, expectedVersion: s.version }));
  });

  it('submit without values and documents → VALIDATION_FAILED listing each missing item', async () => {
    const req = await requestAt(t, o, 'COLLECTING');
    const id = req.submissions[0]!;
    const r = await expectRefused('VALIDATION_FAILED', req.id, () => callSubmissionAction(t, 'submitSubmission', o.tok.op1, { submissionId: id, expectedVersion: 1 }));
    const fields = (r.errors![0]!.extensions!.fields as { field: string; message: string }[]).map((f) => f.field);
    expect(fields.sort()).toEqual([`values.${o.indicators[0].id}`, 'documents.LHE', 'documents.LHP', 'documents.TL_HP'].sort());
  });

  it('submit with the value but only the LHP → VALIDATION_FAILED listing LHE and TL HP only', async () => {
    const req = await requestAt(t, o, 'COLLECTING');
    const id = req.submissions[0]!;
    const saved = await callSaveSubmission(t, o.tok.op1, { submissionId: id, expectedVersion: 1, values: [{ indicatorId: o.indicators[0].id, realisasi: null, note: 'Data BPS belum terbit' }] });
    expect(saved.errors).toBeUndefined();
    expect((await uploadDocument(t, o.tok.op1, { submissionId: id, kind: 'LHP' })).status).toBe(201);
    const r = await expectRefused('VALIDATION_FAILED', req.id, () => callSubmissionAction(t, 'submitSubmission', o.tok.op1, { submissionId: id, expectedVersion: 2 }));
    expect(r.errors![0]!.extensions!.fields).toEqual([
      { field: 'documents.LHE', message: 'Dokumen LHE belum dilampirkan', messageEn: 'The LHE document is not attached' },
      { field: 'documents.TL_HP', message: 'Dokumen TL HP belum dilampirkan', messageEn: 'The TL HP document is not attached' },
    ]);
  });

  it('an empty realisasi without a note is reported as missing', async () => {
    const req = await requestAt(t, o, 'COLLECTING');
    const id = req.submissions[0]!;
    expect((await callSaveSubmission(t, o.tok.op1, { submissionId: id, expectedVersion: 1, values: [{ indicatorId: o.indicators[0].id, realisasi: null }] })).errors).toBeUndefined();
    for (const kind of ['LHP', 'LHE', 'TL_HP']) expect((await uploadDocument(t, o.tok.op1, { submissionId: id, kind })).status).toBe(201);
    const r = await expectRefused('VALIDATION_FAILED', req.id, () => callSubmissionAction(t, 'submitSubmission', o.tok.op1, { submissionId: id, expectedVersion: 2 }));
    expect((r.errors![0]!.extensions!.fields as any[]).map((f) => f.field)).toEqual([`values.${o.indicators[0].id}`]);
  });

  it('saving a value for another Bidang’s indicator → VALIDATION_FAILED', async () => {
    const req = await requestAt(t, o, 'COLLECTING');
    const r = await expectRefused('VALIDATION_FAILED', req.id, () =>
      callSaveSubmission(t, o.tok.op1, { submissionId: req.submissions[0]!, expectedVersion: 1, values: [{ indicatorId: o.indicators[1].id, realisasi: 5 }] }),
    );
    expect((r.errors![0]!.extensions!.fields as any[]).map((f) => f.field)).toEqual([`values.${o.indicators[1].id}`]);
  });
});

describe('stale expectedVersion → CONFLICT', () => {
  it('saveSubmission with the version before the last save', async () => {
    const req = await requestAt(t, o, 'COLLECTING');
    const id = req.submissions[0]!;
    const first = await callSaveSubmission(t, o.tok.op1, { submissionId: id, expectedVersion: 1, values: [{ indicatorId: o.indicators[0].id, realisasi: 60 }] });
    expect(first.data.saveSubmission.version).toBe(2);
    await expectRefused('CONFLICT', req.id, () =>
      callSaveSubmission(t, o.tok.head1, { submissionId: id, expectedVersion: 1, values: [{ indicatorId: o.indicators[0].id, realisasi: 99 }] }),
    );
    const s = await getSubmission(t, o.tok.op1, id);
    expect(s.values[0].realisasi).toBe(60);
  });

  it('submitSubmission with a stale version', async () => {
    const req = await requestAt(t, o, 'COLLECTING');
    const id = req.submissions[0]!;
    expect((await callSaveSubmission(t, o.tok.op1, { submissionId: id, expectedVersion: 1, values: [{ indicatorId: o.indicators[0].id, realisasi: 60 }] })).errors).toBeUndefined();
    for (const kind of ['LHP', 'LHE', 'TL_HP']) expect((await uploadDocument(t, o.tok.op1, { submissionId: id, kind })).status).toBe(201);
    await expectRefused('CONFLICT', req.id, () => callSubmissionAction(t, 'submitSubmission', o.tok.op1, { submissionId: id, expectedVersion: 1 }));
  });

  it('acceptSubmission with a stale version', async () => {
    const req = await requestAt(t, o, 'SUBMITTED');
    const s = await getSubmission(t, o.tok.penyusun, req.submissions[0]!);
    await expectRefused('CONFLICT', req.id, () => callSubmissionAction(t, 'acceptSubmission', o.tok.penyusun, { submissionId: s.id, expectedVersion: s.version - 1 }));
  });

  it('disposeToKasubbag with a stale expectedVersion', async () => {
    const req = await requestAt(t, o, 'REGISTERED');
    const r = await t.db.dataRequest.findUniqueOrThrow({ where: { id: req.id } });
    await expectRefused('CONFLICT', req.id, () => callStep(t, 'disposeToKasubbag', req.id, o.tok.sekretaris, { expectedVersion: r.version + 5 }));
    // With the right version it goes through.
    const okay = await callStep(t, 'disposeToKasubbag', req.id, o.tok.sekretaris, { expectedVersion: r.version });
    expect(okay.data.disposeToKasubbag.status).toBe('AT_KASUBBAG');
  });

  it('forwardCollection with a stale expectedVersion (all accepted)', async () => {
    const req = await requestAt(t, o, 'ACCEPTED');
    await expectRefused('CONFLICT', req.id, () => callStep(t, 'forwardCollection', req.id, o.tok.penyusun, { expectedVersion: 1 }));
  });
});

it('fillAndSubmit helper sanity: a complete submission goes through', async () => {
  const req = await requestAt(t, o, 'COLLECTING');
  const s = await fillAndSubmit(t, o, req.submissions[1]!, 1, 8);
  expect(s.status).toBe('SUBMITTED');
  expect(s.missingDocuments).toEqual([]);
});
