/**
 * The Sekretaris sends a report back to step 6: the submitted analysis stays frozen, the
 * Kasubbag's next save starts version 2, and the resubmitted report is the one raised. Step 6
 * and 7 open a second round; round 1's timings are kept.
 */
import { errorCode, startTestApp, type TestApp } from './harness';
import { callStep, raiseToKepala, requestAt, saveAnalysis, setupOffice, submitReport } from './flow';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({}, { poolMax: 1 }); // one connection, as the embedded PGlite (see harness);
});
afterAll(() => t.close());

it('returns a report with a reason; a change makes analysis version 2; v1 stays frozen; each round kept', async () => {
  const o = await setupOffice(t);
  const req = await requestAt(t, o, 'REPORT_AT_SEKRETARIS');
  const v1 = await t.db.performanceAnalysis.findFirstOrThrow({ where: { requestId: req.id } });
  expect(v1).toMatchObject({ version: 1, status: 'SUBMITTED' });
  const round1 = await t.db.requestStep.findMany({ where: { requestId: req.id, step: { in: [6, 7] } }, orderBy: [{ step: 'asc' }, { round: 'asc' }] });
  expect(round1.map((s) => [s.step, s.round])).toEqual([[6, 1], [7, 1]]);

  // Only the Sekretaris, and only with a reason.
  expect(errorCode(await callStep(t, 'returnReport', req.id, o.tok.kasubbag, { instruction: 'Perbaiki analisis.' }))).toBe('FORBIDDEN');
  expect(errorCode(await callStep(t, 'returnReport', req.id, o.tok.sekretaris, { instruction: '' }))).toBe('VALIDATION_FAILED');
  const back = await callStep(t, 'returnReport', req.id, o.tok.sekretaris, { instruction: 'Analisis Bidang Keuangan belum memuat kendala; mohon dilengkapi.' });
  expect(back.errors).toBeUndefined();
  expect(back.data.returnReport).toMatchObject({ status: 'ANALYSING', currentStep: 6 });
  const d = await t.db.disposition.findFirstOrThrow({ where: { requestId: req.id }, orderBy: { createdAt: 'desc' } });
  expect(d).toMatchObject({ fromRole: 'SEKRETARIS', toRole: 'KASUBBAG', instruction: 'Analisis Bidang Keuangan belum memuat kendala; mohon dilengkapi.' });
  const step6 = await t.db.requestStep.findMany({ where: { requestId: req.id, step: 6 }, orderBy: { round: 'asc' } });
  expect(step6.map((s) => [s.round, s.completedAt === null])).toEqual([[1, false], [2, true]]);
  // Round 1 of step 6 is untouched: same start and end as before the return.
  expect(step6[0]!.startedAt).toEqual(round1[0]!.startedAt);
  expect(step6[0]!.completedAt).toEqual(round1[0]!.completedAt);

  await saveAnalysis(t, o, req.id, 'Analisis diperbaiki: kendala Bidang Keuangan ditambahkan.');
  const versions = await t.db.performanceAnalysis.findMany({ where: { requestId: req.id }, orderBy: { version: 'asc' } });
  expect(versions.map((a) => [a.version, a.status])).toEqual([[1, 'SUBMITTED'], [2, 'DRAFT']]);
  expect(versions[0]!.narrative).toBe(v1.narrative); // frozen

  await submitReport(t, o, req.id);
  const raised = await raiseToKepala(t, o, req.id);
  expect(raised.status).toBe('AT_KEPALA');
  const final = await t.db.performanceAnalysis.findMany({ where: { requestId: req.id }, orderBy: { version: 'asc' } });
  expect(final.map((a) => a.status)).toEqual(['SUBMITTED', 'SUBMITTED']);
  const steps = await t.db.requestStep.findMany({ where: { requestId: req.id }, orderBy: [{ step: 'asc' }, { round: 'asc' }] });
  expect(steps.map((s) => `${s.step}.${s.round}`)).toEqual(['1.1', '2.1', '3.1', '4.1', '5.1', '6.1', '6.2', '7.1', '7.2']);
  expect(steps.every((s) => s.completedAt)).toBe(true);
  expect(steps.find((s) => s.step === 7 && s.round === 1)).toMatchObject({ action: 'RETURN_REPORT', startedAt: round1[1]!.startedAt });

  // The timeline shows the latest round and the earlier one of steps 6 and 7.
  const tl = await t.gql('query($id: UUID!) { dataRequest(id: $id) { timeline { step round state earlierRounds { round action note completedAt } } } }', { id: req.id }, o.tok.sekretaris);
  const byStep = Object.fromEntries(tl.data.dataRequest.timeline.map((s: any) => [s.step, s]));
  expect(byStep[6]).toMatchObject({ round: 2, state: 'DONE', earlierRounds: [{ round: 1, action: 'SUBMIT_REPORT' }] });
  expect(byStep[7]).toMatchObject({ round: 2, state: 'DONE', earlierRounds: [{ round: 1, action: 'RETURN_REPORT', note: 'Analisis Bidang Keuangan belum memuat kendala; mohon dilengkapi.' }] });
  expect(byStep[5]).toMatchObject({ round: 1, earlierRounds: [] });
});
