/**
 * The Sekretaris sends a report back to step 6: the submitted analysis stays frozen, the
 * Kasubbag's next save starts version 2, and the resubmitted report is the one raised.
 */
import { errorCode, startTestApp, type TestApp } from './harness';
import { callStep, raiseToKepala, requestAt, saveAnalysis, setupOffice, submitReport } from './flow';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({}, { poolMax: 1 }); // one connection, as the embedded PGlite (see harness);
});
afterAll(() => t.close());

it('returns a report with a reason; a change makes analysis version 2; v1 stays frozen', async () => {
  const o = await setupOffice(t);
  const req = await requestAt(t, o, 'REPORT_AT_SEKRETARIS');
  const v1 = await t.db.performanceAnalysis.findFirstOrThrow({ where: { requestId: req.id } });
  expect(v1).toMatchObject({ version: 1, status: 'SUBMITTED' });

  // Only the Sekretaris, and only with a reason.
  expect(errorCode(await callStep(t, 'returnReport', req.id, o.tok.kasubbag, { instruction: 'Perbaiki analisis.' }))).toBe('FORBIDDEN');
  expect(errorCode(await callStep(t, 'returnReport', req.id, o.tok.sekretaris, { instruction: '' }))).toBe('VALIDATION_FAILED');
  const back = await callStep(t, 'returnReport', req.id, o.tok.sekretaris, { instruction: 'Analisis Bidang Keuangan belum memuat kendala; mohon dilengkapi.' });
  expect(back.errors).toBeUndefined();
  expect(back.data.returnReport).toMatchObject({ status: 'ANALYSING', currentStep: 6 });
  const d = await t.db.disposition.findFirstOrThrow({ where: { requestId: req.id }, orderBy: { createdAt: 'desc' } });
  expect(d).toMatchObject({ fromRole: 'SEKRETARIS', toRole: 'KASUBBAG', instruction: 'Analisis Bidang Keuangan belum memuat kendala; mohon dilengkapi.' });
  const step6 = await t.db.requestStep.findUniqueOrThrow({ where: { requestId_step: { requestId: req.id, step: 6 } } });
  expect(step6.completedAt).toBeNull();

  await saveAnalysis(t, o, req.id, 'Analisis diperbaiki: kendala Bidang Keuangan ditambahkan.');
  const versions = await t.db.performanceAnalysis.findMany({ where: { requestId: req.id }, orderBy: { version: 'asc' } });
  expect(versions.map((a) => [a.version, a.status])).toEqual([[1, 'SUBMITTED'], [2, 'DRAFT']]);
  expect(versions[0]!.narrative).toBe(v1.narrative); // frozen

  await submitReport(t, o, req.id);
  const done = await raiseToKepala(t, o, req.id);
  expect(done.status).toBe('DONE');
  const final = await t.db.performanceAnalysis.findMany({ where: { requestId: req.id }, orderBy: { version: 'asc' } });
  expect(final.map((a) => a.status)).toEqual(['SUBMITTED', 'SUBMITTED']);
  const steps = await t.db.requestStep.findMany({ where: { requestId: req.id }, orderBy: { step: 'asc' } });
  expect(steps.every((s) => s.completedAt)).toBe(true);
});
