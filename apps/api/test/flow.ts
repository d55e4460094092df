/**
 * Drives a data request through the SOP over the real HTTP API, so a test can start at any step.
 * Every helper throws (with the server's error) when the API refuses, so a broken step fails the
 * test that relies on it instead of silently leaving the request behind.
 */
import { makeOfficeWithStaff } from './factories';
import type { GqlResult, TestApp } from './harness';

/** A minimal valid PDF body. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
export const REQUIRED_DOCUMENTS = ['LHP', 'LHE', 'TL_HP'] as const;

export type Staff = Awaited<ReturnType<typeof makeOfficeWithStaff>>;
export type UserKey = keyof Staff['users'];
export type Tokens = Record<UserKey, string>;

/** An office from the factories with every user signed in. */
export interface FlowOffice extends Staff {
  tok: Tokens;
}

/** Where a request can be left; in the order of the SOP. */
export const STAGES = [
  'REGISTERED', // step 1, AT_SEKRETARIS
  'AT_KASUBBAG', // step 2
  'AT_PENYUSUN', // step 3
  'COLLECTING', // step 4, submissions open (DRAFT)
  'SUBMITTED', // step 4, every Bidang filled, attached and submitted
  'ACCEPTED', // step 4, every submission accepted by the reviewer
  'COMPILING', // step 5
  'ANALYSING', // step 6, no analysis yet
  'ANALYSED', // step 6, analysis saved (draft)
  'REPORT_AT_SEKRETARIS', // step 7
  'AT_KEPALA', // raised to the Kepala Dinas, awaiting his signature
  'DONE', // acknowledged (signed) by the Kepala Dinas
] as const;
export type Stage = (typeof STAGES)[number];

export interface FlowRequest {
  id: string;
  /** Submission id per Bidang index (0 = Bidang Satu, 1 = Bidang Dua), once step 3 is done. */
  submissions: string[];
}

let letterSeq = 0;

function ok<T = any>(r: GqlResult, field: string): T {
  if (r.errors?.length || !r.data?.[field]) {
    throw new Error(`${field} refused: ${JSON.stringify(r.errors ?? r.data)}`);
  }
  return r.data[field] as T;
}

/** `pemdaId`: the office joins that pemda (issue 15); otherwise it gets a pemda of its own. */
export async function setupOffice(t: TestApp, opts: { pemdaId?: string } = {}): Promise<FlowOffice> {
  const o = await makeOfficeWithStaff(t.db, { allDay: true, ...opts });
  const entries = await Promise.all(Object.entries(o.users).map(async ([k, u]) => [k, await t.login(u.username)] as const));
  return { ...o, tok: Object.fromEntries(entries) as Tokens };
}

export const REQUEST_FIELDS = 'id status currentStep version';
export const SUBMISSION_FIELDS = 'id status version editable missingDocuments values { indicatorId realisasi note }';

export function registerInput(overrides: Record<string, unknown> = {}) {
  letterSeq += 1;
  return {
    year: 2026,
    triwulan: 3,
    letterNumber: `050/${process.pid}-${Date.now()}-${letterSeq}/411.307/2026`,
    letterDate: '2026-10-01',
    sender: 'Bappeda Kabupaten Nganjuk',
    subject: 'Permintaan data kinerja Triwulan III',
    indicatorIds: [],
    requestedDocuments: [...REQUIRED_DOCUMENTS],
    ...overrides,
  };
}

export async function register(t: TestApp, o: FlowOffice, overrides: Record<string, unknown> = {}) {
  const r = await t.gql(`mutation($i: RegisterDataRequestInput!) { registerDataRequest(input: $i) { ${REQUEST_FIELDS} } }`, { i: registerInput(overrides) }, o.tok.sekretaris);
  return ok(r, 'registerDataRequest');
}

/** The GraphQL text of one request step mutation (Dispose* inputs need an instruction). */
const DISPOSITIONS = ['disposeToKasubbag', 'disposeToStaff', 'returnReport'];

export function stepMutation(name: string): string {
  const input = DISPOSITIONS.includes(name) ? 'DisposeInput' : 'AdvanceInput';
  return `mutation($i: ${input}!) { ${name}(input: $i) { ${REQUEST_FIELDS} } }`;
}

export function stepInput(name: string, requestId: string, extra: Record<string, unknown> = {}) {
  const base = DISPOSITIONS.includes(name) ? { requestId, instruction: 'Mohon segera ditindaklanjuti.' } : { requestId };
  return { ...base, ...extra };
}

export function callStep(t: TestApp, name: string, requestId: string, token: string | undefined, extra: Record<string, unknown> = {}) {
  return t.gql(stepMutation(name), { i: stepInput(name, requestId, extra) }, token);
}

export async function step(t: TestApp, name: string, requestId: string, token: string, extra: Record<string, unknown> = {}) {
  return ok(await callStep(t, name, requestId, token, extra), name);
}

export const disposeToKasubbag = (t: TestApp, o: FlowOffice, id: string) => step(t, 'disposeToKasubbag', id, o.tok.sekretaris);
export const disposeToStaff = (t: TestApp, o: FlowOffice, id: string) => step(t, 'disposeToStaff', id, o.tok.kasubbag);
export const sendFormat = (t: TestApp, o: FlowOffice, id: string) => step(t, 'sendFormat', id, o.tok.penyusun);
export const forwardCollection = (t: TestApp, o: FlowOffice, id: string) => step(t, 'forwardCollection', id, o.tok.penyusun);
export const compileData = (t: TestApp, o: FlowOffice, id: string) => step(t, 'compileData', id, o.tok.kasubbag);
export const submitReport = (t: TestApp, o: FlowOffice, id: string) => step(t, 'submitReport', id, o.tok.kasubbag);
export const raiseToKepala = (t: TestApp, o: FlowOffice, id: string) => step(t, 'raiseToKepala', id, o.tok.sekretaris);
export async function acknowledge(t: TestApp, o: FlowOffice, id: string, arahan?: string) {
  const r = await t.gql(`mutation($id: UUID!, $a: String) { acknowledgeReport(requestId: $id, arahan: $a) { ${REQUEST_FIELDS} } }`, { id, a: arahan ?? null }, o.tok.kepala);
  return ok(r, 'acknowledgeReport');
}

export async function saveAnalysis(t: TestApp, o: FlowOffice, requestId: string, narrative = 'Capaian baik; kendala anggaran; solusi percepatan.') {
  const r = await t.gql('mutation($i: SaveAnalysisInput!) { saveAnalysis(input: $i) { id version status } }', { i: { requestId, narrative } }, o.tok.kasubbag);
  return ok(r, 'saveAnalysis');
}

/** Submission ids of a request, in Bidang order of the factory office. */
export async function submissionIds(t: TestApp, o: FlowOffice, requestId: string): Promise<string[]> {
  const rows = await t.db.bidangSubmission.findMany({ where: { requestId } });
  return o.bidang.map((b) => rows.find((s) => s.bidangId === b.id)?.id ?? '');
}

export async function getSubmission(t: TestApp, token: string, id: string) {
  return ok(await t.gql(`query($id: UUID!) { submission(id: $id) { ${SUBMISSION_FIELDS} } }`, { id }, token), 'submission');
}

export function callSaveSubmission(t: TestApp, token: string, input: { submissionId: string; expectedVersion: number; narrative?: string | null; values: { indicatorId: string; realisasi?: number | null; note?: string | null }[] }) {
  return t.gql(`mutation($i: SaveSubmissionInput!) { saveSubmission(input: $i) { ${SUBMISSION_FIELDS} } }`, { i: input }, token);
}

export function callSubmissionAction(t: TestApp, name: 'submitSubmission' | 'acceptSubmission' | 'returnSubmission', token: string | undefined, input: Record<string, unknown>) {
  const type = name === 'returnSubmission' ? 'ReturnSubmissionInput' : 'SubmissionActionInput';
  return t.gql(`mutation($i: ${type}!) { ${name}(input: $i) { ${SUBMISSION_FIELDS} } }`, { i: input }, token);
}

/** POST /api/documents?submissionId=…&kind=… with multipart field "file". */
export async function uploadDocument(
  t: TestApp,
  token: string | undefined,
  target: { submissionId?: string; requestId?: string; kind: string },
  opts: { bytes?: Buffer; filename?: string; mime?: string } = {},
) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(opts.bytes ?? PDF)], { type: opts.mime ?? 'application/pdf' }), opts.filename ?? `${target.kind}.pdf`);
  const qs = new URLSearchParams({
    ...(target.submissionId ? { submissionId: target.submissionId } : {}),
    ...(target.requestId ? { requestId: target.requestId } : {}),
    kind: target.kind,
  });
  const res = await fetch(`${t.url}/api/documents?${qs}`, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: form,
  });
  const text = await res.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, body, text };
}

/** Operator token of the Bidang at `index`. */
const operatorOf = (o: FlowOffice, index: number) => (index === 0 ? o.tok.op1 : o.tok.op2);

/** One Bidang: save a realisasi for its indicator (a note for any other), attach LHP/LHE/TL HP, submit. */
export async function fillAndSubmit(t: TestApp, o: FlowOffice, submissionId: string, index: number, realisasi = 75) {
  const token = operatorOf(o, index);
  const current = await getSubmission(t, token, submissionId);
  const saved = ok(
    await callSaveSubmission(t, token, {
      submissionId,
      expectedVersion: current.version,
      narrative: 'Capaian sesuai rencana.',
      // The factory's indicator of this Bidang, and a note for any other still empty (a docs
      // example adds one to the office): a submission with an empty value cannot be sent.
      values: [
        { indicatorId: o.indicators[index]!.id, realisasi },
        ...(current.values as { indicatorId: string; realisasi: number | null; note: string | null }[])
          .filter((v) => v.indicatorId !== o.indicators[index]!.id && v.realisasi == null && !v.note)
          .map((v) => ({ indicatorId: v.indicatorId, realisasi: null, note: 'Data belum tersedia.' })),
      ],
    }),
    'saveSubmission',
  );
  for (const kind of REQUIRED_DOCUMENTS) {
    const up = await uploadDocument(t, token, { submissionId, kind });
    if (up.status !== 201) throw new Error(`upload ${kind} refused: ${up.status} ${up.text}`);
  }
  return ok(await callSubmissionAction(t, 'submitSubmission', token, { submissionId, expectedVersion: saved.version }), 'submitSubmission');
}

export async function acceptSubmission(t: TestApp, o: FlowOffice, submissionId: string) {
  const current = await getSubmission(t, o.tok.penyusun, submissionId);
  return ok(await callSubmissionAction(t, 'acceptSubmission', o.tok.penyusun, { submissionId, expectedVersion: current.version }), 'acceptSubmission');
}

/** Carries an existing request from its current stage forward to `to` (inclusive). */
export async function advance(t: TestApp, o: FlowOffice, req: FlowRequest, from: Stage, to: Stage): Promise<FlowRequest> {
  const start = STAGES.indexOf(from);
  const end = STAGES.indexOf(to);
  for (let i = start + 1; i <= end; i++) {
    switch (STAGES[i]!) {
      case 'REGISTERED':
        break;
      case 'AT_KASUBBAG':
        await disposeToKasubbag(t, o, req.id);
        break;
      case 'AT_PENYUSUN':
        await disposeToStaff(t, o, req.id);
        break;
      case 'COLLECTING':
        await sendFormat(t, o, req.id);
        req.submissions = await submissionIds(t, o, req.id);
        break;
      case 'SUBMITTED':
        for (const [index, id] of req.submissions.entries()) await fillAndSubmit(t, o, id, index);
        break;
      case 'ACCEPTED':
        for (const id of req.submissions) await acceptSubmission(t, o, id);
        break;
      case 'COMPILING':
        await forwardCollection(t, o, req.id);
        break;
      case 'ANALYSING':
        await compileData(t, o, req.id);
        break;
      case 'ANALYSED':
        await saveAnalysis(t, o, req.id);
        break;
      case 'REPORT_AT_SEKRETARIS':
        await submitReport(t, o, req.id);
        break;
      case 'AT_KEPALA':
        await raiseToKepala(t, o, req.id);
        break;
      case 'DONE':
        await acknowledge(t, o, req.id);
        break;
    }
  }
  return req;
}

/** Registers a new request in the office and drives it to `stage`. */
export async function requestAt(t: TestApp, o: FlowOffice, stage: Stage, overrides: Record<string, unknown> = {}): Promise<FlowRequest> {
  const r = await register(t, o, overrides);
  return advance(t, o, { id: r.id, submissions: [] }, 'REGISTERED', stage);
}

/**
 * Everything a refused call must leave untouched: the request and its submissions (status,
 * version, values, narrative), and the audit, disposition, review, document and analysis rows.
 */
export async function snapshot(t: TestApp, requestId: string) {
  const r = await t.db.dataRequest.findUniqueOrThrow({ where: { id: requestId } });
  const subs = await t.db.bidangSubmission.findMany({
    where: { requestId },
    orderBy: { id: 'asc' },
    include: { values: { orderBy: { indicatorId: 'asc' }, select: { indicatorId: true, realisasi: true, note: true } } },
  });
  const subIds = subs.map((s) => s.id);
  const docs = await t.db.storedDocument.findMany({ where: { requestId }, select: { id: true } });
  const entityIds = [requestId, ...subIds, ...docs.map((d) => d.id)];
  return {
    request: {
      status: r.status, version: r.version, currentStep: r.currentStep, completedAt: r.completedAt, acknowledgedAt: r.acknowledgedAt,
      arahan: r.arahan, cancelledAt: r.cancelledAt, cancelReason: r.cancelReason, dueAt: r.dueAt,
    },
    submissions: subs.map((s) => ({
      id: s.id,
      status: s.status,
      version: s.version,
      narrative: s.narrative,
      returnReason: s.returnReason,
      values: s.values.map((v) => ({ ...v, realisasi: v.realisasi === null ? null : String(v.realisasi) })),
    })),
    auditRows: await t.db.auditEvent.count({ where: { entityId: { in: entityIds } } }),
    officeAuditRows: await t.db.auditEvent.count({ where: { officeId: r.officeId, NOT: { action: { startsWith: 'auth.' } } } }),
    dispositions: await t.db.disposition.count({ where: { requestId } }),
    reviews: await t.db.submissionReview.count({ where: { submissionId: { in: subIds } } }),
    documents: docs.length,
    analyses: await t.db.performanceAnalysis.count({ where: { requestId } }),
    steps: await t.db.requestStep.findMany({ where: { requestId }, orderBy: [{ step: 'asc' }, { round: 'asc' }], select: { step: true, round: true, startedAt: true, completedAt: true, note: true } }),
  };
}
