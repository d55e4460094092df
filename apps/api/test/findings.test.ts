/**
 * Findings and their follow-up (TL HP, issue 14 §2) on the real PostgreSQL: entering reports and
 * findings, deadlines (calendar days, configurable per source), Bidang isolation (refusals change
 * nothing), the follow-up and the APIP's verification, the register's filters and counts, and the
 * evidence documents.
 */
import ExcelJS from 'exceljs';
import { makeOfficeWithStaff, makeUser } from './factories';
import { render } from '../src/notification/templates';
import { PDF } from './flow';
import { errorCode, fieldsOf, startTestApp, type TestApp } from './harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 120_000);
afterAll(async () => {
  await t?.close();
});

let seq = 0;
async function office() {
  const o = await makeOfficeWithStaff(t.db);
  const apip = await makeUser(t.db, o.office.id, ['APIP']);
  const head2 = await makeUser(t.db, o.office.id, ['BIDANG_HEAD'], o.bidang[1].id);
  const users = { ...o.users, apip, head2 };
  const tok = await t.loginAll(users);
  return { ...o, users, tok };
}
type Office = Awaited<ReturnType<typeof office>>;

const REC = 'id code status statusNumber statusReason deadline overdue verifiedAt awaitingVerification version actions { id state text verdict note documents { id kind } }';
const FINDING = `id code bidangId bidangName report { id number deadline deadlineDays kind } recommendations { ${REC} }`;

async function ok<T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const r = await t.gql(query, variables, token);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
}

async function createReport(o: Office, input: Record<string, unknown> = {}) {
  const d = await ok<{ createAuditReport: any }>(
    'mutation($i: CreateAuditReportInput!) { createAuditReport(input: $i) { id kind number receivedDate deadlineDays deadline findingCount } }',
    { i: { source: 'INSPEKTORAT', number: `700/${process.pid}-${++seq}/LHP/2027`, title: 'Pemeriksaan kinerja Dinas', year: 2027, receivedDate: '2027-01-15', ...input } },
    o.tok.kasubbag,
  );
  return d.createAuditReport;
}

function findingInput(reportId: string, bidangId: string, code: string, recs = [{ code: `${code}.1`, text: 'Menyusun SOP verifikasi data capaian.' }]) {
  return { reportId, bidangId, code, title: `Temuan ${code}`, kondisi: 'Data capaian tidak didukung bukti.', kriteria: 'PermenPAN-RB 53/2014.', sebab: 'Belum ada SOP verifikasi.', akibat: 'Capaian tidak dapat diyakini.', recommendations: recs };
}

async function addFinding(o: Office, input: Record<string, unknown>, token = o.tok.kasubbag) {
  return (await ok<{ addFinding: any }>(`mutation($i: AddFindingInput!) { addFinding(input: $i) { ${FINDING} } }`, { i: input }, token)).addFinding;
}

const submit = (token: string, recommendationId: string, text = 'SOP verifikasi telah ditetapkan dengan SK Kepala Dinas.') =>
  t.gql(`mutation($i: SubmitFollowUpInput!) { submitFollowUp(input: $i) { ${REC} } }`, { i: { recommendationId, text } }, token);
const verify = (token: string, input: Record<string, unknown>) => t.gql(`mutation($i: VerifyFollowUpInput!) { verifyFollowUp(input: $i) { ${REC} } }`, { i: input }, token);
const giveBack = (token: string, actionId: string, note: string) => t.gql(`mutation($i: ReturnFollowUpInput!) { returnFollowUp(input: $i) { ${REC} } }`, { i: { actionId, note } }, token);

/** Everything a refusal could have touched in one office. */
async function snapshot(officeId: string) {
  const recs = await t.db.recommendation.findMany({ where: { finding: { officeId } }, orderBy: { id: 'asc' } });
  const actions = await t.db.followUpAction.findMany({ where: { recommendation: { finding: { officeId } } }, orderBy: { id: 'asc' } });
  const findings = await t.db.finding.count({ where: { officeId } });
  const reports = await t.db.auditReport.count({ where: { officeId } });
  const docs = await t.db.storedDocument.count({ where: { officeId } });
  const audits = await t.db.auditEvent.count({ where: { officeId, action: { startsWith: 'finding.' } } });
  return { recs, actions, findings, reports, docs, audits };
}

async function uploadEvidence(token: string, actionId: string, kind = 'TL_HP') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), 'bukti-tl.pdf');
  const res = await fetch(`${t.url}/api/documents?${new URLSearchParams({ followUpActionId: actionId, kind })}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: res.status, body: (await res.json()) as any };
}

describe('entering reports and findings', () => {
  it('dates the deadline 60 calendar days after receipt, across the end of a month, for every recommendation', async () => {
    const o = await office();
    const r = await createReport(o, { receivedDate: '2027-01-15' });
    expect(r).toMatchObject({ kind: 'LHP', deadlineDays: 60, deadline: '2027-03-16', findingCount: 0 });
    const f = await addFinding(o, findingInput(r.id, o.bidang[0].id, 'T1', [{ code: '1.1', text: 'Menyusun SOP verifikasi.' }, { code: '1.2', text: 'Memberi sanksi kepada pejabat terkait.' }]));
    expect(f.recommendations.map((x: any) => [x.code, x.status, x.statusNumber, x.deadline, x.overdue])).toEqual([
      ['1.1', 'BELUM_DITINDAKLANJUTI', 3, '2027-03-16', false],
      ['1.2', 'BELUM_DITINDAKLANJUTI', 3, '2027-03-16', false],
    ]);
    expect(f.report.findingCount ?? 1).toBe(1);
    expect(await t.db.auditEvent.count({ where: { entityId: { in: [r.id, f.id] }, action: { in: ['finding.report_created', 'finding.created'] } } })).toBe(2);
  });

  it('takes the office’s days for the source; a report already entered keeps its own', async () => {
    const o = await office();
    const before = await createReport(o, { source: 'BPK', receivedDate: '2027-01-31' });
    const set = await ok<{ setFindingDeadlineDays: any[] }>('mutation($i: SetFindingDeadlineInput!) { setFindingDeadlineDays(input: $i) { source days isDefault } }', { i: { source: 'BPK', days: 30 } }, o.tok.kasubbag);
    expect(set.setFindingDeadlineDays).toEqual(expect.arrayContaining([{ source: 'BPK', days: 30, isDefault: false }, { source: 'INSPEKTORAT', days: 60, isDefault: true }]));
    const after = await createReport(o, { source: 'BPK', receivedDate: '2027-01-31' });
    // 31 January + 30 days over a 28-day February = 2 March
    expect([before.deadline, after.deadline]).toEqual(['2027-04-01', '2027-03-02']);
    // LHE of an AKIP evaluation keeps the default; an explicit number of days wins
    expect(await createReport(o, { source: 'AKIP', receivedDate: '2028-01-01' })).toMatchObject({ kind: 'LHE', deadline: '2028-03-01' });
    expect(await createReport(o, { receivedDate: '2027-12-20', deadlineDays: 14 })).toMatchObject({ deadline: '2028-01-03' });
  });

  it('refuses a duplicate number, an unknown Bidang and a missing recommendation, naming the field; nothing is written', async () => {
    const o = await office();
    const r = await createReport(o);
    const before = await snapshot(o.office.id);
    const dup = await t.gql('mutation($i: CreateAuditReportInput!) { createAuditReport(input: $i) { id } }', { i: { source: 'INSPEKTORAT', number: r.number, title: 'Lagi', year: 2027, receivedDate: '2027-01-15' } }, o.tok.kasubbag);
    expect(errorCode(dup)).toBe('DUPLICATE');
    expect(fieldsOf(dup).map((f) => f.field)).toEqual(['number']);
    const other = await makeOfficeWithStaff(t.db);
    const bad = await t.gql(`mutation($i: AddFindingInput!) { addFinding(input: $i) { id } }`, { i: findingInput(r.id, other.bidang[0].id, 'X') }, o.tok.kasubbag);
    expect(errorCode(bad)).toBe('VALIDATION_FAILED');
    expect(fieldsOf(bad)).toEqual([{ field: 'bidangId', message: 'Bidang tidak dikenal' }]);
    const none = await t.gql(`mutation($i: AddFindingInput!) { addFinding(input: $i) { id } }`, { i: findingInput(r.id, o.bidang[0].id, 'Y', []) }, o.tok.kasubbag);
    expect(errorCode(none)).toBe('VALIDATION_FAILED');
    expect(fieldsOf(none)).toEqual([{ field: 'recommendations', message: 'Minimal satu rekomendasi' }]);
    const days = await t.gql('mutation($i: SetFindingDeadlineInput!) { setFindingDeadlineDays(input: $i) { days } }', { i: { source: 'BPK', days: 0 } }, o.tok.kasubbag);
    expect(fieldsOf(days)).toEqual([{ field: 'days', message: 'Jumlah hari 1–365' }]);
    expect(await snapshot(o.office.id)).toEqual(before);
  });

  it('lets only the Kasubbag, Penyusun and administrator enter; a Bidang or the APIP is FORBIDDEN and nothing changes', async () => {
    const o = await office();
    const r = await createReport(o);
    const before = await snapshot(o.office.id);
    for (const tok of [o.tok.op1, o.tok.head1, o.tok.apip, o.tok.sekretaris, o.tok.kepala]) {
      expect(errorCode(await t.gql('mutation($i: AddFindingInput!) { addFinding(input: $i) { id } }', { i: findingInput(r.id, o.bidang[0].id, 'Z') }, tok))).toBe('FORBIDDEN');
    }
    expect(await snapshot(o.office.id)).toEqual(before);
    await addFinding(o, findingInput(r.id, o.bidang[0].id, 'P'), o.tok.penyusun);
    await addFinding(o, findingInput(r.id, o.bidang[0].id, 'A'), o.tok.admin);
  });
});

describe('Bidang isolation', () => {
  it('shows a Bidang only its own findings; another Bidang’s finding is NOT_FOUND, and answering it changes nothing', async () => {
    const o = await office();
    const r = await createReport(o);
    const mine = await addFinding(o, findingInput(r.id, o.bidang[0].id, 'B1'));
    const theirs = await addFinding(o, findingInput(r.id, o.bidang[1].id, 'B2'));
    const reg = await ok<{ findingRegister: any }>('{ findingRegister { rows { findingCode bidangName } counts { total } } }', {}, o.tok.op1);
    expect(reg.findingRegister.rows.map((x: any) => x.findingCode)).toEqual(['B1']);
    expect(reg.findingRegister.counts.total).toBe(1);
    // Even when filtering on the other Bidang explicitly.
    const forced = await ok<{ findingRegister: any }>('query($b: UUID) { findingRegister(filter: { bidangId: $b }) { rows { findingCode } } }', { b: o.bidang[1].id }, o.tok.op1);
    expect(forced.findingRegister.rows).toEqual([]);
    expect(errorCode(await t.gql(`query($id: UUID!) { finding(id: $id) { id } }`, { id: theirs.id }, o.tok.op1))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(`query($id: UUID!) { recommendation(id: $id) { id } }`, { id: theirs.recommendations[0].id }, o.tok.head1))).toBe('NOT_FOUND');

    const before = await snapshot(o.office.id);
    expect(errorCode(await submit(o.tok.op1, theirs.recommendations[0].id))).toBe('NOT_FOUND');
    expect(errorCode(await submit(o.tok.head1, theirs.recommendations[0].id))).toBe('NOT_FOUND');
    // Someone of another office: NOT_FOUND for everything.
    const other = await makeOfficeWithStaff(t.db);
    const stranger = await t.login(other.users.op1.username);
    expect(errorCode(await submit(stranger, mine.recommendations[0].id))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(`query($id: UUID!) { finding(id: $id) { id } }`, { id: mine.id }, stranger))).toBe('NOT_FOUND');
    // Roles that do not answer are refused at the gate.
    expect(errorCode(await submit(o.tok.kasubbag, mine.recommendations[0].id))).toBe('FORBIDDEN');
    expect(errorCode(await submit(o.tok.apip, mine.recommendations[0].id))).toBe('FORBIDDEN');
    expect(await snapshot(o.office.id)).toEqual(before);

    // Office-wide readers and the APIP see both.
    for (const tok of [o.tok.kepala, o.tok.sekretaris, o.tok.apip]) {
      const all = await ok<{ findingRegister: any }>('{ findingRegister { rows { findingCode } } }', {}, tok);
      expect(all.findingRegister.rows.map((x: any) => x.findingCode).sort()).toEqual(['B1', 'B2']);
    }
  });
});

describe('follow-up and verification', () => {
  it('runs sent → returned with a note → sent again → verified 1; the recommendation closes', async () => {
    const o = await office();
    const r = await createReport(o);
    const f = await addFinding(o, findingInput(r.id, o.bidang[0].id, 'V1'));
    const recId = f.recommendations[0].id as string;

    const sent = await submit(o.tok.op1, recId);
    expect(sent.errors).toBeUndefined();
    expect(sent.data.submitFollowUp).toMatchObject({ status: 'BELUM_DITINDAKLANJUTI', awaitingVerification: true, verifiedAt: null });
    const actionId = sent.data.submitFollowUp.actions[0].id as string;

    // A second follow-up while one waits, and a Kasubbag verifying: refused, nothing changes.
    let before = await snapshot(o.office.id);
    expect(errorCode(await submit(o.tok.head1, recId))).toBe('WRONG_STEP');
    expect(errorCode(await verify(o.tok.kasubbag, { actionId, status: 'SESUAI' }))).toBe('FORBIDDEN');
    expect(await snapshot(o.office.id)).toEqual(before);

    const returned = await giveBack(o.tok.apip, actionId, 'Lampirkan SK penetapan SOP.');
    expect(returned.errors).toBeUndefined();
    expect(returned.data.returnFollowUp).toMatchObject({ status: 'BELUM_DITINDAKLANJUTI', awaitingVerification: false, verifiedAt: null });
    expect(returned.data.returnFollowUp.actions[0]).toMatchObject({ state: 'RETURNED', note: 'Lampirkan SK penetapan SOP.' });
    // A returned action cannot be verified any more.
    before = await snapshot(o.office.id);
    expect(errorCode(await verify(o.tok.apip, { actionId, status: 'SESUAI' }))).toBe('WRONG_STEP');
    expect(await snapshot(o.office.id)).toEqual(before);

    const again = await submit(o.tok.head1, recId, 'SK Kepala Dinas Nomor 188/12/2027 tentang SOP verifikasi terlampir.');
    const second = again.data.submitFollowUp.actions[1].id as string;
    const ok1 = await verify(o.tok.apip, { actionId: second, status: 'SESUAI', note: 'Sesuai.' });
    expect(ok1.errors).toBeUndefined();
    expect(ok1.data.verifyFollowUp).toMatchObject({ status: 'SESUAI', statusNumber: 1, awaitingVerification: false, overdue: false });
    expect(ok1.data.verifyFollowUp.verifiedAt).not.toBeNull();
    expect(ok1.data.verifyFollowUp.actions.map((a: any) => [a.state, a.verdict])).toEqual([
      ['RETURNED', null],
      ['VERIFIED', 'SESUAI'],
    ]);
    // Closed: no further follow-up.
    before = await snapshot(o.office.id);
    expect(errorCode(await submit(o.tok.op1, recId))).toBe('WRONG_STEP');
    expect(await snapshot(o.office.id)).toEqual(before);
    const trail = await t.db.auditEvent.findMany({ where: { entityId: recId }, orderBy: { id: 'asc' }, select: { action: true, actorId: true } });
    expect(trail).toEqual([
      { action: 'finding.follow_up_sent', actorId: o.users.op1.id },
      { action: 'finding.follow_up_returned', actorId: o.users.apip.id },
      { action: 'finding.follow_up_sent', actorId: o.users.head1.id },
      { action: 'finding.follow_up_verified', actorId: o.users.apip.id },
    ]);
  });

  it('refuses status 4 without a reason and status 3 as a verdict, changing nothing; 4 with a reason keeps it; 2 stays open', async () => {
    const o = await office();
    const r = await createReport(o);
    const f = await addFinding(o, findingInput(r.id, o.bidang[0].id, 'S4', [{ code: 'a', text: 'Kembalikan kelebihan bayar.' }, { code: 'b', text: 'Tertibkan aset.' }]));
    const [a, b] = f.recommendations as { id: string }[];
    const actA = (await submit(o.tok.op1, a!.id)).data.submitFollowUp.actions[0].id;
    const before = await snapshot(o.office.id);
    const noReason = await verify(o.tok.apip, { actionId: actA, status: 'TIDAK_DAPAT_DITINDAKLANJUTI' });
    expect(errorCode(noReason)).toBe('VALIDATION_FAILED');
    expect(fieldsOf(noReason)).toEqual([{ field: 'reason', message: 'Alasan wajib untuk status 4' }]);
    expect(errorCode(await verify(o.tok.apip, { actionId: actA, status: 'TIDAK_DAPAT_DITINDAKLANJUTI', reason: '   ' }))).toBe('VALIDATION_FAILED');
    const three = await verify(o.tok.apip, { actionId: actA, status: 'BELUM_DITINDAKLANJUTI' });
    expect(errorCode(three)).toBe('VALIDATION_FAILED');
    expect(fieldsOf(three).map((x) => x.field)).toEqual(['status']);
    expect(await snapshot(o.office.id)).toEqual(before);

    const four = await verify(o.tok.apip, { actionId: actA, status: 'TIDAK_DAPAT_DITINDAKLANJUTI', reason: 'Pihak ketiga pailit (putusan pengadilan niaga).' });
    expect(four.data.verifyFollowUp).toMatchObject({ status: 'TIDAK_DAPAT_DITINDAKLANJUTI', statusNumber: 4, statusReason: 'Pihak ketiga pailit (putusan pengadilan niaga).' });

    const actB = (await submit(o.tok.op1, b!.id)).data.submitFollowUp.actions[0].id;
    const two = await verify(o.tok.apip, { actionId: actB, status: 'BELUM_SESUAI', reason: 'ignored for 2' });
    expect(two.data.verifyFollowUp).toMatchObject({ status: 'BELUM_SESUAI', statusNumber: 2, statusReason: null, overdue: false });
    // Status 2 is open: the Bidang goes on.
    expect((await submit(o.tok.op1, b!.id)).data.submitFollowUp.awaitingVerification).toBe(true);
  });
});

describe('the register', () => {
  it('filters by Bidang, source, year, status, open and overdue, and counts what it shows', async () => {
    const o = await office();
    // Received long ago: past its deadline (overdue unless verified). Received recently: not yet due.
    const old = await createReport(o, { source: 'BPK', year: 2025, receivedDate: '2025-06-02' });
    const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    const recent = await createReport(o, { source: 'INSPEKTORAT', year: 2026, receivedDate: threeDaysAgo });
    const f1 = await addFinding(o, findingInput(old.id, o.bidang[0].id, 'R1', [{ code: '1', text: 'Rekomendasi satu.' }, { code: '2', text: 'Rekomendasi dua.' }]));
    await addFinding(o, findingInput(old.id, o.bidang[1].id, 'R2'));
    await addFinding(o, findingInput(recent.id, o.bidang[0].id, 'R3'));
    const act = (await submit(o.tok.op1, f1.recommendations[0].id)).data.submitFollowUp.actions[0].id;
    await verify(o.tok.apip, { actionId: act, status: 'SESUAI' });

    const q = `query($f: FindingFilter) { findingRegister(filter: $f) {
      today rows { reportNumber findingCode bidangName recommendation { code status overdue } }
      counts { total open overdue awaitingVerification byStatus { status count } bySourceYear { source year count open } byBidang { bidangName count open overdue } } } }`;
    const all = (await ok<any>(q, {}, o.tok.kasubbag)).findingRegister;
    expect(all.rows.map((x: any) => [x.findingCode, x.recommendation.code, x.recommendation.status, x.recommendation.overdue])).toEqual([
      ['R1', '1', 'SESUAI', false],
      ['R1', '2', 'BELUM_DITINDAKLANJUTI', true],
      ['R2', 'R2.1', 'BELUM_DITINDAKLANJUTI', true],
      ['R3', 'R3.1', 'BELUM_DITINDAKLANJUTI', false],
    ]);
    expect(all.counts).toEqual({
      total: 4,
      open: 3,
      overdue: 2,
      awaitingVerification: 0,
      byStatus: [
        { status: 'SESUAI', count: 1 },
        { status: 'BELUM_SESUAI', count: 0 },
        { status: 'BELUM_DITINDAKLANJUTI', count: 3 },
        { status: 'TIDAK_DAPAT_DITINDAKLANJUTI', count: 0 },
      ],
      bySourceYear: [
        { source: 'INSPEKTORAT', year: 2026, count: 1, open: 1 },
        { source: 'BPK', year: 2025, count: 3, open: 2 },
      ],
      byBidang: [
        { bidangName: o.bidang[1].name, count: 1, open: 1, overdue: 1 },
        { bidangName: o.bidang[0].name, count: 3, open: 2, overdue: 1 },
      ],
    });
    const codes = async (f: Record<string, unknown>) => (await ok<any>(q, { f }, o.tok.sekretaris)).findingRegister.rows.map((x: any) => `${x.findingCode}/${x.recommendation.code}`);
    expect(await codes({ overdue: true })).toEqual(['R1/2', 'R2/R2.1']);
    expect(await codes({ open: true, bidangId: o.bidang[0].id })).toEqual(['R1/2', 'R3/R3.1']);
    expect(await codes({ source: 'INSPEKTORAT' })).toEqual(['R3/R3.1']);
    expect(await codes({ year: 2025, status: 'SESUAI' })).toEqual(['R1/1']);
    expect(await codes({ reportId: recent.id })).toEqual(['R3/R3.1']);
  });
});

describe('evidence documents', () => {
  it('are attached by the action’s Bidang while it waits, read by the APIP, and never removed', async () => {
    const o = await office();
    const r = await createReport(o);
    const f = await addFinding(o, findingInput(r.id, o.bidang[0].id, 'E1'));
    const actionId = (await submit(o.tok.op1, f.recommendations[0].id)).data.submitFollowUp.actions[0].id as string;

    const before = await snapshot(o.office.id);
    expect((await uploadEvidence(o.tok.op2, actionId)).status).toBe(404); // another Bidang
    expect((await uploadEvidence(o.tok.kasubbag, actionId)).status).toBe(404);
    expect((await uploadEvidence(o.tok.op1, actionId, 'FORMAT')).status).toBe(400);
    expect(await snapshot(o.office.id)).toEqual(before);

    const up = await uploadEvidence(o.tok.op1, actionId);
    expect(up.status).toBe(201);
    const doc = await t.db.storedDocument.findUniqueOrThrow({ where: { id: up.body.id } });
    expect(doc).toMatchObject({ followUpActionId: actionId, bidangId: o.bidang[0].id, kind: 'TL_HP' });
    const rec = await ok<any>(`query($id: UUID!) { recommendation(id: $id) { ${REC} } }`, { id: f.recommendations[0].id }, o.tok.apip);
    expect(rec.recommendation.actions[0].documents).toEqual([{ id: up.body.id, kind: 'TL_HP' }]);

    const get = (tok: string) => fetch(`${t.url}/api/documents/${up.body.id}`, { headers: { authorization: `Bearer ${tok}` } }).then((x) => x.status);
    expect(await get(o.tok.apip)).toBe(200);
    expect(await get(o.tok.op1)).toBe(200);
    expect(await get(o.tok.op2)).toBe(403);

    const del = await t.gql('mutation($id: UUID!) { removeDocument(id: $id) }', { id: up.body.id }, o.tok.op1);
    expect(errorCode(del)).toBe('NOT_EDITABLE');
    // The database refuses it too.
    await expect(t.db.storedDocument.delete({ where: { id: up.body.id } })).rejects.toThrow();
    // Once verified, no more evidence on that action.
    await verify(o.tok.apip, { actionId, status: 'BELUM_SESUAI' });
    const late = await uploadEvidence(o.tok.op1, actionId);
    expect([late.status, late.body.error.code]).toEqual([400, 'NOT_EDITABLE']);
  });
});

describe('Excel: the TL monitoring matrix and the import', () => {
  const xlsxOf = async (rows: (string | null)[][], headers: string[] = ['Kode Temuan', 'Judul Temuan', 'Kondisi', 'Kriteria', 'Sebab', 'Akibat', 'Kode Bidang', 'Kode Indikator', 'Kode Rekomendasi', 'Rekomendasi']) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Temuan');
    ws.addRow(['Impor temuan LHP Inspektorat']);
    ws.addRow(headers);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  const importSheet = async (token: string, reportId: string, bytes: Buffer) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), 'temuan.xlsx');
    const res = await fetch(`${t.url}/api/findings/reports/${reportId}/import.xlsx`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    return { status: res.status, body: (await res.json()) as any };
  };

  it('imports findings all or nothing: one bad row refuses the file, naming every problem by row; a good file writes all', async () => {
    const o = await office();
    const r = await createReport(o);
    const [b1, b2] = [o.bidang[0].code, o.bidang[1].code];
    const ind = o.indicators[0].code;
    const good: (string | null)[][] = [
      ['1.01', 'Bukti capaian tidak lengkap', 'Kondisi satu.', 'Kriteria satu.', 'Sebab satu.', 'Akibat satu.', b1, ind, '1.01.1', 'Lengkapi bukti capaian.'],
      ['1.01', null, null, null, null, null, null, null, '1.01.2', 'Tetapkan SOP verifikasi.'],
      ['1.02', 'Aset tidak tercatat', 'Kondisi dua.', 'Kriteria dua.', 'Sebab dua.', 'Akibat dua.', b2, null, '1.02.1', 'Catat aset dalam KIB.'],
    ];
    const before = await snapshot(o.office.id);
    const bad = await importSheet(o.tok.kasubbag, r.id, await xlsxOf([
      ...good,
      ['1.03', 'X', 'Kondisi.', 'Kriteria.', 'Sebab.', 'Akibat.', 'B-TIDAK-ADA', null, '1.03.1', 'Rekomendasi.'],
      ['1.01', 'Judul lain', null, null, null, null, null, null, '1.01.1', 'Ganda.'],
    ]));
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.message).toBe('Berkas tidak dapat diimpor: 4 isian bermasalah. Tidak ada temuan yang disimpan.');
    expect(bad.body.error.fields.map((f: any) => [f.field, f.message])).toEqual([
      ['R6.Judul Temuan', 'Judul temuan wajib diisi (2–500 karakter)'],
      ['R6.Kode Bidang', 'Bidang B-TIDAK-ADA tidak dikenal'],
      ['R7.Judul Temuan', 'Berbeda dengan baris 3 untuk temuan 1.01'],
      ['R7.Kode Rekomendasi', 'Kode rekomendasi 1.01.1 ganda dalam temuan 1.01'],
    ]);
    expect(bad.body.error.fields.every((f: any) => f.messageEn && f.messageEn !== f.message)).toBe(true);
    expect(await snapshot(o.office.id)).toEqual(before);
    // A Bidang may not import.
    expect((await importSheet(o.tok.op1, r.id, await xlsxOf(good))).status).toBe(403);
    expect(await snapshot(o.office.id)).toEqual(before);

    const done = await importSheet(o.tok.penyusun, r.id, await xlsxOf(good));
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ imported: 2, recommendations: 3 });
    const reg = (await ok<any>('query($f: FindingFilter) { findingRegister(filter: $f) { rows { findingCode bidangId recommendation { code deadline } } } }', { f: { reportId: r.id } }, o.tok.kasubbag)).findingRegister.rows;
    expect(reg.map((x: any) => [x.findingCode, x.recommendation.code, x.bidangId === o.bidang[0].id ? 'b1' : 'b2', x.recommendation.deadline])).toEqual([
      ['1.01', '1.01.1', 'b1', '2027-03-16'],
      ['1.01', '1.01.2', 'b1', '2027-03-16'],
      ['1.02', '1.02.1', 'b2', '2027-03-16'],
    ]);
    // The same file again: every finding already exists; nothing is added.
    const again = await importSheet(o.tok.penyusun, r.id, await xlsxOf(good));
    expect(again.body.error.fields.map((f: any) => f.field)).toEqual(['R3.Kode Temuan', 'R5.Kode Temuan']);
    expect(await t.db.finding.count({ where: { reportId: r.id } })).toBe(2);
  });

  it('refuses a sheet without the columns, and a file that is not XLSX', async () => {
    const o = await office();
    const r = await createReport(o);
    const noCols = await importSheet(o.tok.kasubbag, r.id, await xlsxOf([['1', 'x']], ['Kode Temuan', 'Judul']));
    expect(noCols.status).toBe(400);
    expect(noCols.body.error.message).toContain('kolom Judul Temuan, Kondisi, Kriteria, Sebab, Akibat, Kode Bidang, Kode Rekomendasi, Rekomendasi tidak ditemukan');
    const notXlsx = await importSheet(o.tok.kasubbag, r.id, Buffer.from('bukan excel'));
    expect(notXlsx.status).toBeGreaterThanOrEqual(400);
    expect(await t.db.finding.count({ where: { reportId: r.id } })).toBe(0);
  });

  it('exports the register as a TL monitoring matrix, read back with exceljs; a Bidang gets only its own rows', async () => {
    const o = await office();
    const r = await createReport(o, { receivedDate: '2027-01-15' });
    const f1 = await addFinding(o, findingInput(r.id, o.bidang[0].id, 'M1', [{ code: 'M1.a', text: 'Tetapkan SOP.' }]));
    await addFinding(o, findingInput(r.id, o.bidang[1].id, 'M2', [{ code: 'M2.a', text: 'Tertibkan aset.' }]));
    const act = (await submit(o.tok.op1, f1.recommendations[0].id, 'SK SOP ditetapkan.')).data.submitFollowUp.actions[0].id;
    await verify(o.tok.apip, { actionId: act, status: 'TIDAK_DAPAT_DITINDAKLANJUTI', reason: 'Pihak ketiga pailit.' });

    const read = async (token: string, qs = '') => {
      const res = await fetch(`${t.url}/api/findings/register.xlsx${qs}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await res.arrayBuffer());
      const ws = wb.worksheets[0]!;
      const rows: string[][] = [];
      ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
      return rows;
    };
    const rows = await read(o.tok.kasubbag, `?reportId=${r.id}`);
    expect(rows[0]).toEqual(['MATRIKS PEMANTAUAN TINDAK LANJUT HASIL PEMERIKSAAN']);
    const head = rows.findIndex((x) => x[0] === 'No');
    expect(rows[head]).toEqual(['No', 'No. LHP', 'Temuan', 'Rekomendasi', 'Tindak lanjut', 'Status', 'Batas waktu', 'Keterangan']);
    const body = rows.slice(head + 1);
    expect(body).toHaveLength(2);
    expect(body[0]!.slice(0, 4)).toEqual(['1', r.number, 'M1 Temuan M1\nKondisi: Data capaian tidak didukung bukti.', 'M1.a Tetapkan SOP.']);
    expect(body[0]![4]).toMatch(/^\d+ \w+ \d{4}: SK SOP ditetapkan\. \(diverifikasi\)$/);
    expect(body[0]!.slice(5)).toEqual(['4 Tidak dapat ditindaklanjuti', '16 Maret 2027', `${o.bidang[0].name}; Inspektorat; Alasan: Pihak ketiga pailit.`]);
    expect(body[1]!.slice(3, 7)).toEqual(['M2.a Tertibkan aset.', '—', '3 Belum ditindaklanjuti', '16 Maret 2027']);
    // A Bidang's export holds its own rows only, even when it asks for another Bidang.
    const own = await read(o.tok.op2, `?reportId=${r.id}&bidangId=${o.bidang[0].id}`);
    expect(own.slice(own.findIndex((x) => x[0] === 'No') + 1)).toEqual([]);
    const own2 = await read(o.tok.op2, `?reportId=${r.id}`);
    expect(own2.slice(own2.findIndex((x) => x[0] === 'No') + 1).map((x) => x[3])).toEqual(['M2.a Tertibkan aset.']);
    expect(await t.db.auditEvent.count({ where: { officeId: o.office.id, action: 'finding.register_exported' } })).toBe(3);
    const badFilter = await fetch(`${t.url}/api/findings/register.xlsx?source=KPK`, { headers: { authorization: `Bearer ${o.tok.kasubbag}` } });
    expect(badFilter.status).toBe(400);
  });
});

describe('notification texts of findings', () => {
  it.each(['TL_REMINDER', 'TL_ESCALATED', 'TL_FOLLOW_UP_SENT', 'TL_FOLLOW_UP_RETURNED'] as const)('%s reads in Indonesian and English with its facts', (event) => {
    const p = { reportNumber: '700/1/LHP/2027', findingCode: '1.01', recommendationCode: '1.01.1', bidangName: 'Bidang Pemerintahan Desa', deadline: '2027-03-16', note: 'Lampirkan SK.' };
    const id = render(event, p, 'id');
    const en = render(event, p, 'en');
    expect(id.title).toContain('700/1/LHP/2027');
    expect(en.title).toContain('700/1/LHP/2027');
    expect(id.title).not.toBe(en.title);
    expect(`${id.title} ${id.body}`).not.toMatch(/undefined|NaN/);
    expect(`${en.title} ${en.body}`).not.toMatch(/undefined|NaN/);
    if (event !== 'TL_FOLLOW_UP_SENT') {
      expect(id.body).toContain('16 Maret 2027');
      expect(en.body).toContain('16 March 2027');
    }
  });
});
