/**
 * The audit trail and concurrency: one audit row per state change (none for a refusal), an
 * append-only AuditEvent table, optimistic locking under simultaneous requests, and acting
 * (Plt/Plh) roles that hold only within their validity period.
 */
import {
  acceptSubmission,
  callSaveSubmission,
  callStep,
  callSubmissionAction,
  compileData,
  disposeToKasubbag,
  disposeToStaff,
  fillAndSubmit,
  forwardCollection,
  getSubmission,
  raiseToKepala,
  register,
  requestAt,
  saveAnalysis,
  sendFormat,
  setupOffice,
  snapshot,
  submissionIds,
  submitReport,
  uploadDocument,
  type FlowOffice,
} from './flow';
import { makeUser } from './factories';
import { errorCode, startTestApp, type TestApp } from './harness';

let t: TestApp;
let o: FlowOffice;
beforeAll(async () => {
  t = await startTestApp();
  o = await setupOffice(t);
});
afterAll(async () => {
  await t.close();
});

/** Audit rows of this office that are not sign-ins, oldest first. */
const officeAudit = () =>
  t.db.auditEvent.findMany({ where: { officeId: o.office.id, NOT: { action: { startsWith: 'auth.' } } }, orderBy: { id: 'asc' } });

describe('audit trail of one full run', () => {
  it('every state-changing mutation writes exactly one AuditEvent, for its own entity', async () => {
    const steps: { action: string; entityType: string; entityId: () => string }[] = [];
    let requestId = '';
    let subs: string[] = [];
    const docIds: string[] = [];
    let analysisId = '';

    /** Runs one mutation and checks that it added exactly one audit row, with this action and entity. */
    async function audited(action: string, entityType: string, run: () => Promise<string | void>) {
      const before = await officeAudit();
      const entityId = await run();
      const after = await officeAudit();
      const added = after.slice(before.length);
      expect(added.map((a) => a.action)).toEqual([action]);
      const row = added[0]!;
      expect(row.entityType).toBe(entityType);
      if (entityId) expect(row.entityId).toBe(entityId);
      expect(row.actorId).toBeTruthy();
      steps.push({ action, entityType, entityId: () => row.entityId });
    }

    await audited('request.registered', 'DataRequest', async () => {
      requestId = (await register(t, o)).id;
      return requestId;
    });
    await audited('request.dispose_to_kasubbag', 'DataRequest', async () => void (await disposeToKasubbag(t, o, requestId)));
    await audited('request.dispose_to_staff', 'DataRequest', async () => void (await disposeToStaff(t, o, requestId)));
    await audited('request.send_format', 'DataRequest', async () => {
      await sendFormat(t, o, requestId);
      subs = await submissionIds(t, o, requestId);
    });
    for (const [i, id] of subs.entries()) {
      const token = i === 0 ? o.tok.op1 : o.tok.op2;
      await audited('submission.saved', 'BidangSubmission', async () => {
        const r = await callSaveSubmission(t, token, { submissionId: id, expectedVersion: 1, values: [{ indicatorId: o.indicators[i]!.id, realisasi: 50 + i }] });
        expect(r.errors).toBeUndefined();
        return id;
      });
      for (const kind of ['LHP', 'LHE', 'TL_HP']) {
        await audited('document.uploaded', 'StoredDocument', async () => {
          const up = await uploadDocument(t, token, { submissionId: id, kind });
          expect(up.status).toBe(201);
          docIds.push(up.body.id);
          return up.body.id;
        });
      }
      await audited('submission.submit', 'BidangSubmission', async () => {
        const r = await callSubmissionAction(t, 'submitSubmission', token, { submissionId: id, expectedVersion: 2 });
        expect(r.data.submitSubmission.status).toBe('SUBMITTED');
        return id;
      });
    }
    // One return-and-resubmit loop on the first Bidang.
    await audited('submission.return', 'BidangSubmission', async () => {
      const r = await callSubmissionAction(t, 'returnSubmission', o.tok.kasubbag, { submissionId: subs[0], expectedVersion: 3, reason: 'Narasi kendala belum diisi' });
      expect(r.data.returnSubmission.status).toBe('RETURNED');
      return subs[0];
    });
    await audited('submission.submit', 'BidangSubmission', async () => {
      const r = await callSubmissionAction(t, 'submitSubmission', o.tok.op1, { submissionId: subs[0], expectedVersion: 4 });
      expect(r.data.submitSubmission.status).toBe('SUBMITTED');
      return subs[0];
    });
    for (const id of subs) await audited('submission.accept', 'BidangSubmission', async () => void (await acceptSubmission(t, o, id)));
    await audited('request.forward_collection', 'DataRequest', async () => void (await forwardCollection(t, o, requestId)));
    await audited('request.compile', 'DataRequest', async () => void (await compileData(t, o, requestId)));
    await audited('analysis.created', 'PerformanceAnalysis', async () => {
      analysisId = (await saveAnalysis(t, o, requestId)).id;
      return analysisId;
    });
    await audited('analysis.updated', 'PerformanceAnalysis', async () => {
      const again = await saveAnalysis(t, o, requestId, 'Narasi yang diperbaiki.');
      expect(again.id).toBe(analysisId);
      return analysisId;
    });
    await audited('request.submit_report', 'DataRequest', async () => void (await submitReport(t, o, requestId)));
    await audited('request.raise_to_kepala', 'DataRequest', async () => void (await raiseToKepala(t, o, requestId)));
    await audited('request.acknowledge', 'DataRequest', async () => {
      const r = await t.gql('mutation($id: UUID!) { acknowledgeReport(requestId: $id) { id acknowledgedAt } }', { id: requestId }, o.tok.kepala);
      expect(r.data.acknowledgeReport.acknowledgedAt).toBeTruthy();
      return requestId;
    });

    // Counted per action name for this run's entities: each appears exactly as often as it was done.
    const rows = await t.db.auditEvent.findMany({ where: { entityId: { in: [requestId, ...subs, ...docIds, analysisId] } } });
    const perAction: Record<string, number> = {};
    for (const r of rows) perAction[r.action] = (perAction[r.action] ?? 0) + 1;
    expect(perAction).toEqual({
      'request.registered': 1,
      'request.dispose_to_kasubbag': 1,
      'request.dispose_to_staff': 1,
      'request.send_format': 1,
      'submission.saved': 2,
      'document.uploaded': 6,
      'submission.submit': 3,
      'submission.return': 1,
      'submission.accept': 2,
      'request.forward_collection': 1,
      'request.compile': 1,
      'analysis.created': 1,
      'analysis.updated': 1,
      'request.submit_report': 1,
      'request.raise_to_kepala': 1,
      'request.acknowledge': 1,
    });
    expect(rows).toHaveLength(steps.length);
    // The request's own trail, in order.
    const requestTrail = rows.filter((r) => r.entityId === requestId).sort((a, b) => Number(a.id - b.id)).map((r) => r.action);
    expect(requestTrail).toEqual([
      'request.registered',
      'request.dispose_to_kasubbag',
      'request.dispose_to_staff',
      'request.send_format',
      'request.forward_collection',
      'request.compile',
      'request.submit_report',
      'request.raise_to_kepala',
      'request.acknowledge',
    ]);
    // Acknowledging again changes nothing and writes nothing.
    const before = await snapshot(t, requestId);
    const again = await t.gql('mutation($id: UUID!) { acknowledgeReport(requestId: $id) { id } }', { id: requestId }, o.tok.kepala);
    expect(again.errors).toBeUndefined();
    expect(await snapshot(t, requestId)).toEqual(before);
  });

  it('failed mutations write no audit row', async () => {
    const req = await requestAt(t, o, 'COLLECTING');
    const id = req.submissions[0]!;
    const before = await officeAudit();
    const failures = [
      await callStep(t, 'compileData', req.id, o.tok.kasubbag), // WRONG_STEP
      await callStep(t, 'forwardCollection', req.id, o.tok.penyusun), // SUBMISSIONS_INCOMPLETE
      await callStep(t, 'disposeToKasubbag', req.id, o.tok.kasubbag), // FORBIDDEN
      await callSubmissionAction(t, 'submitSubmission', o.tok.op1, { submissionId: id, expectedVersion: 1 }), // VALIDATION_FAILED
      await callSaveSubmission(t, o.tok.op1, { submissionId: id, expectedVersion: 9, values: [] }), // CONFLICT
      await callSaveSubmission(t, o.tok.op2, { submissionId: id, expectedVersion: 1, values: [] }), // FORBIDDEN
    ];
    expect(failures.map(errorCode)).toEqual(['WRONG_STEP', 'SUBMISSIONS_INCOMPLETE', 'FORBIDDEN', 'VALIDATION_FAILED', 'CONFLICT', 'FORBIDDEN']);
    const up = await uploadDocument(t, o.tok.op1, { submissionId: id, kind: 'LHP' }, { filename: 'virus.exe' });
    expect(up.status).toBe(415);
    const dup = await t.gql('mutation($i: RegisterDataRequestInput!) { registerDataRequest(input: $i) { id } }', {
      i: { year: 2026, triwulan: 3, letterNumber: (await t.db.dataRequest.findUniqueOrThrow({ where: { id: req.id } })).letterNumber, letterDate: '2026-10-01', sender: 'Bappeda', subject: 'Ulang', indicatorIds: [], requestedDocuments: [] },
    }, o.tok.sekretaris);
    expect(errorCode(dup)).toBe('DUPLICATE');
    expect(await officeAudit()).toEqual(before);
  });
});

describe('AuditEvent is append-only in the database', () => {
  it.each([
    ['UPDATE', `UPDATE "AuditEvent" SET "action" = 'dipalsukan' WHERE "id" = $1`],
    ['DELETE', `DELETE FROM "AuditEvent" WHERE "id" = $1`],
  ])('%s is refused and the row stays as it was', async (_op, sql) => {
    await register(t, o);
    const row = (await officeAudit()).at(-1)!;
    await expect(t.db.$executeRawUnsafe(sql, row.id)).rejects.toThrow(/append-only/);
    expect(await t.db.auditEvent.findUnique({ where: { id: row.id } })).toEqual(row);
  });

  it('TRUNCATE is refused, and so are UPDATE/DELETE through the Prisma client', async () => {
    const count = await t.db.auditEvent.count();
    await expect(t.db.$executeRawUnsafe('TRUNCATE "AuditEvent"')).rejects.toThrow();
    const row = (await officeAudit()).at(-1)!;
    await expect(t.db.auditEvent.update({ where: { id: row.id }, data: { action: 'x' } })).rejects.toThrow();
    await expect(t.db.auditEvent.deleteMany({ where: { officeId: o.office.id } })).rejects.toThrow();
    expect(await t.db.auditEvent.count()).toBeGreaterThanOrEqual(count);
    expect(await t.db.auditEvent.findUnique({ where: { id: row.id } })).toEqual(row);
  });
});

describe('simultaneous requests', () => {
  it('two simultaneous saveSubmission with the same expectedVersion → one success, one CONFLICT; the winner’s values are stored', async () => {
    const req = await requestAt(t, o, 'COLLECTING');
    const id = req.submissions[0]!;
    const inputs: { submissionId: string; expectedVersion: number; narrative: string; values: { indicatorId: string; realisasi: number; note?: string }[] }[] = [
      { submissionId: id, expectedVersion: 1, narrative: 'Versi operator', values: [{ indicatorId: o.indicators[0].id, realisasi: 11 }] },
      { submissionId: id, expectedVersion: 1, narrative: 'Versi kepala bidang', values: [{ indicatorId: o.indicators[0].id, realisasi: 22, note: 'angka sementara' }] },
    ];
    const results = await Promise.all([callSaveSubmission(t, o.tok.op1, inputs[0]!), callSaveSubmission(t, o.tok.head1, inputs[1]!)]);
    expect(results.map((r) => errorCode(r) ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    const winner = inputs[results.findIndex((r) => !r.errors)]!;
    const row = await t.db.bidangSubmission.findUniqueOrThrow({ where: { id }, include: { values: true } });
    expect(row.version).toBe(2);
    expect(row.narrative).toBe(winner.narrative);
    expect(row.values.map((v) => ({ indicatorId: v.indicatorId, realisasi: Number(v.realisasi), note: v.note }))).toEqual([
      { indicatorId: winner.values[0]!.indicatorId, realisasi: winner.values[0]!.realisasi, note: winner.values[0]!.note ?? null },
    ]);
    expect(await t.db.auditEvent.count({ where: { entityId: id, action: 'submission.saved' } })).toBe(1);
    // The API shows the winner's figure too.
    expect((await getSubmission(t, o.tok.op1, id)).values[0].realisasi).toBe(winner.values[0]!.realisasi);
  });

  it('two simultaneous acceptSubmission → one success, one CONFLICT or WRONG_STEP, one review row', async () => {
    const req = await requestAt(t, o, 'SUBMITTED');
    const id = req.submissions[1]!;
    const { version } = await getSubmission(t, o.tok.penyusun, id);
    const reviewsBefore = await t.db.submissionReview.count({ where: { submissionId: id } });
    const results = await Promise.all([o.tok.penyusun, o.tok.kasubbag].map((tok) => callSubmissionAction(t, 'acceptSubmission', tok, { submissionId: id, expectedVersion: version })));
    const codes = results.map((r) => errorCode(r) ?? 'OK');
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    expect(codes.filter((c) => c !== 'OK').every((c) => c === 'CONFLICT' || c === 'WRONG_STEP')).toBe(true);
    expect(await t.db.submissionReview.count({ where: { submissionId: id } })).toBe(reviewsBefore + 1);
  });

  it('5 simultaneous disposeToKasubbag on one request → one success, four CONFLICT or WRONG_STEP, exactly one Disposition', async () => {
    const req = await requestAt(t, o, 'REGISTERED');
    const results = await Promise.all(Array.from({ length: 5 }, () => callStep(t, 'disposeToKasubbag', req.id, o.tok.sekretaris)));
    const codes = results.map((r) => errorCode(r) ?? 'OK');
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    expect(codes.filter((c) => c === 'CONFLICT' || c === 'WRONG_STEP')).toHaveLength(4);
    expect(await t.db.disposition.count({ where: { requestId: req.id } })).toBe(1);
    const r = await t.db.dataRequest.findUniqueOrThrow({ where: { id: req.id } });
    expect(r.status).toBe('AT_KASUBBAG');
    expect(r.version).toBe(2);
    expect(await t.db.requestStep.count({ where: { requestId: req.id } })).toBe(2);
    expect(await t.db.auditEvent.count({ where: { entityId: req.id, action: 'request.dispose_to_kasubbag' } })).toBe(1);
  });

  it('5 simultaneous sendFormat → one success and exactly one submission per Bidang', async () => {
    const req = await requestAt(t, o, 'AT_PENYUSUN');
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => callStep(t, 'sendFormat', req.id, i % 2 ? o.tok.kasubbag : o.tok.penyusun)));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(await t.db.bidangSubmission.count({ where: { requestId: req.id } })).toBe(o.bidang.length);
  });

  it('3 simultaneous saveAnalysis on the first draft → all succeed, one analysis version (no internal error)', async () => {
    const req = await requestAt(t, o, 'ANALYSING');
    const results = await Promise.all(Array.from({ length: 3 }, (_, i) =>
      t.gql('mutation($i: SaveAnalysisInput!) { saveAnalysis(input: $i) { id version } }', { i: { requestId: req.id, narrative: `Narasi ${i}` } }, o.tok.kasubbag),
    ));
    // Saves of one request are serialised: the first creates the draft, the others update it.
    expect(results.map((r) => errorCode(r) ?? 'OK')).toEqual(['OK', 'OK', 'OK']);
    expect(new Set(results.map((r) => r.data.saveAnalysis.id)).size).toBe(1);
    const rows = await t.db.performanceAnalysis.findMany({ where: { requestId: req.id } });
    expect(rows.map((a) => a.version)).toEqual([1]);
    const trail = await t.db.auditEvent.findMany({ where: { entityId: rows[0]!.id }, orderBy: { id: 'asc' } });
    expect(trail.map((a) => a.action)).toEqual(['analysis.created', 'analysis.updated', 'analysis.updated']);
  });
});

describe('acting assignment (Plt/Plh)', () => {
  const ASSIGN = 'mutation($i: AssignActingInput!) { assignActing(input: $i) { id role kind validFrom validUntil } }';
  const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

  async function actingPenyusun(validFrom: string, validUntil: string) {
    const u = await makeUser(t.db, o.office.id, ['PENYUSUN']);
    const r = await t.gql(ASSIGN, { i: { userId: u.id, role: 'KASUBBAG', kind: 'PLT', validFrom, validUntil, decreeNo: '800/12/411.307/2026' } }, o.tok.admin);
    expect(r.errors).toBeUndefined();
    expect(r.data.assignActing).toMatchObject({ role: 'KASUBBAG', kind: 'PLT' });
    return { user: u, token: await t.login(u.username) };
  }

  it('a Penyusun made Plt Kasubbag (valid now) can dispose to staff; the disposition records the Kasubbag role', async () => {
    const { user, token } = await actingPenyusun(hours(-1), hours(24));
    const me = await t.gql('{ me { roles } }', {}, token);
    expect(me.data.me.roles.sort()).toEqual(['KASUBBAG', 'PENYUSUN']);
    const req = await requestAt(t, o, 'AT_KASUBBAG');
    const r = await callStep(t, 'disposeToStaff', req.id, token);
    expect(r.errors).toBeUndefined();
    expect(r.data.disposeToStaff.status).toBe('AT_PENYUSUN');
    const d = await t.db.disposition.findFirstOrThrow({ where: { requestId: req.id, step: 2 } });
    expect(d).toMatchObject({ fromUserId: user.id, fromRole: 'KASUBBAG', toRole: 'PENYUSUN' });
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: req.id, action: 'request.dispose_to_staff' } });
    expect(audit.actorId).toBe(user.id);
    expect((audit.after as any).actingRole).toBe('KASUBBAG');
  });

  it.each([
    ['already expired', -48, -24],
    ['not yet started', 24, 48],
  ])('an assignment %s gives no Kasubbag role: disposeToStaff → FORBIDDEN, nothing changes', async (_name, from, until) => {
    const { token } = await actingPenyusun(hours(from), hours(until));
    const me = await t.gql('{ me { roles } }', {}, token);
    expect(me.data.me.roles).toEqual(['PENYUSUN']);
    const req = await requestAt(t, o, 'AT_KASUBBAG');
    const before = await snapshot(t, req.id);
    const r = await callStep(t, 'disposeToStaff', req.id, token);
    expect(errorCode(r)).toBe('FORBIDDEN');
    expect(await snapshot(t, req.id)).toEqual(before);
  });

  it('the role lapses for an existing session once the period ends', async () => {
    const { user, token } = await actingPenyusun(hours(-1), hours(24));
    expect((await t.gql('{ me { roles } }', {}, token)).data.me.roles).toContain('KASUBBAG');
    // The period ends (moved into the past directly: the API has no "end assignment" mutation).
    await t.db.actingAssignment.updateMany({ where: { userId: user.id }, data: { validUntil: new Date(Date.now() - 1000) } });
    const req = await requestAt(t, o, 'AT_KASUBBAG');
    const before = await snapshot(t, req.id);
    expect(errorCode(await callStep(t, 'disposeToStaff', req.id, token))).toBe('FORBIDDEN');
    expect(await snapshot(t, req.id)).toEqual(before);
  });

  it('only the administrator may assign; an end before the start → VALIDATION_FAILED', async () => {
    const u = await makeUser(t.db, o.office.id, ['PENYUSUN']);
    const input = { userId: u.id, role: 'KASUBBAG', kind: 'PLH', validFrom: hours(-1), validUntil: hours(24) };
    expect(errorCode(await t.gql(ASSIGN, { i: input }, o.tok.kasubbag))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(ASSIGN, { i: { ...input, validUntil: hours(-2) } }, o.tok.admin))).toBe('VALIDATION_FAILED');
    expect(await t.db.actingAssignment.count({ where: { userId: u.id } })).toBe(0);
  });
});

it('fillAndSubmit leaves exactly three documents and a SUBMITTED status', async () => {
  const req = await requestAt(t, o, 'COLLECTING');
  const s = await fillAndSubmit(t, o, req.submissions[0]!, 0);
  expect(s.status).toBe('SUBMITTED');
  expect(await t.db.storedDocument.count({ where: { submissionId: s.id } })).toBe(3);
});
