/**
 * Editing a finding after entry (TL HP, issue 14 §2, session 5) on the real PostgreSQL: what may
 * change before any follow-up, after the Bidang answered, and after the APIP verified (frozen);
 * stale edits (CONFLICT); who may edit (Bidang, APIP, another office: refused). Every refusal is
 * checked to change nothing, scoped to the test's own office.
 */
import { makeOfficeWithStaff, makeUser } from './factories';
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
  const users = { ...o.users, apip };
  const tok = await t.loginAll(users);
  return { ...o, users, tok };
}
type Office = Awaited<ReturnType<typeof office>>;

const FINDING = 'id code title kondisi bidangId indicatorId version editable editBlockedReason recommendations { id code text deadline status actions { id } }';

async function ok<T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const r = await t.gql(query, variables, token);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
}

/** A report received 15 January 2027 (deadline 16 March) with one finding of Bidang Satu and two recommendations. */
async function entered(o: Office) {
  const report = (
    await ok('mutation($i: CreateAuditReportInput!) { createAuditReport(input: $i) { id number } }', { i: { source: 'INSPEKTORAT', number: `700/${process.pid}-${++seq}/EDIT/2027`, title: 'Pemeriksaan reguler', year: 2027, receivedDate: '2027-01-15' } }, o.tok.kasubbag)
  ).createAuditReport;
  const finding = (
    await ok(
      `mutation($i: AddFindingInput!) { addFinding(input: $i) { ${FINDING} } }`,
      {
        i: {
          reportId: report.id, bidangId: o.bidang[0].id, code: '1', title: 'Data capaian tanpa bukti', kondisi: 'Data capaian tidak didukung bukti.', kriteria: 'PermenPAN-RB 53/2014.', sebab: 'Belum ada SOP verifikasi.', akibat: 'Capaian tidak dapat diyakini.',
          recommendations: [{ code: '1.1', text: 'Menyusun SOP verifikasi data.' }, { code: '1.2', text: 'Menegur pejabat terkait.' }],
        },
      },
      o.tok.kasubbag,
    )
  ).addFinding;
  return { report, finding };
}

/** The edit input of a finding as read, with `change` applied. */
function editOf(f: any, change: Record<string, unknown> = {}) {
  return {
    id: f.id, expectedVersion: f.version, code: f.code, title: f.title, kondisi: f.kondisi, kriteria: 'PermenPAN-RB 53/2014.', sebab: 'Belum ada SOP verifikasi.', akibat: 'Capaian tidak dapat diyakini.',
    bidangId: f.bidangId, indicatorId: f.indicatorId,
    recommendations: f.recommendations.map((r: any) => ({ id: r.id, code: r.code, text: r.text })),
    ...change,
  };
}
const update = (token: string, input: Record<string, unknown>) => t.gql(`mutation($i: UpdateFindingInput!) { updateFinding(input: $i) { ${FINDING} } }`, { i: input }, token);
const read = async (o: Office, id: string) => (await ok(`query($id: UUID!) { finding(id: $id) { ${FINDING} } }`, { id }, o.tok.kasubbag)).finding;

/** Everything an edit could touch in one office. */
async function snapshot(officeId: string) {
  return {
    findings: await t.db.finding.findMany({ where: { officeId }, orderBy: { id: 'asc' } }),
    recs: await t.db.recommendation.findMany({ where: { finding: { officeId } }, orderBy: { id: 'asc' } }),
    audits: await t.db.auditEvent.count({ where: { officeId, action: 'finding.updated' } }),
  };
}
const jobKeys = async (recIds: string[]) =>
  (await t.db.$queryRawUnsafe<{ key: string }[]>(`SELECT key FROM "${t.config.JOBS_SCHEMA}"._private_jobs WHERE key = ANY($1::text[]) ORDER BY key`, recIds.flatMap((id) => [`tl:${id}:remind`, `tl:${id}:escalate`]))).map((r) => r.key);

describe('before any follow-up', () => {
  it('changes texts, Bidang and indicator, edits one recommendation, removes one and adds one, in one audited step', async () => {
    const o = await office();
    const { finding: f } = await entered(o);
    const [r1, r2] = f.recommendations;
    const edited = (
      await ok(`mutation($i: UpdateFindingInput!) { updateFinding(input: $i) { ${FINDING} } }`, {
        i: editOf(f, {
          code: '1A', title: '  Data capaian belum didukung bukti  ', kondisi: 'Sebagian data capaian tidak didukung bukti dukung.', bidangId: o.bidang[1].id, indicatorId: o.indicators[1].id,
          recommendations: [{ id: r1.id, code: '1.1', text: 'Menyusun dan menetapkan SOP verifikasi data.' }, { code: '1.3', text: 'Melatih operator Bidang.' }],
        }),
      }, o.tok.penyusun)
    ).updateFinding;
    expect(edited).toMatchObject({ code: '1A', title: 'Data capaian belum didukung bukti', bidangId: o.bidang[1].id, indicatorId: o.indicators[1].id, version: 2, editable: true, editBlockedReason: null });
    expect(edited.recommendations.map((r: any) => [r.code, r.text, r.deadline, r.status])).toEqual([
      ['1.1', 'Menyusun dan menetapkan SOP verifikasi data.', '2027-03-16', 'BELUM_DITINDAKLANJUTI'],
      ['1.3', 'Melatih operator Bidang.', '2027-03-16', 'BELUM_DITINDAKLANJUTI'],
    ]);
    expect(edited.recommendations[0].id).toBe(r1.id);
    expect(await t.db.recommendation.count({ where: { id: r2.id } })).toBe(0);
    // The removed recommendation's reminder and escalation are gone; the new one has its own.
    const r3 = edited.recommendations[1].id;
    expect(await jobKeys([r2.id])).toEqual([]);
    expect(await jobKeys([r3])).toEqual([`tl:${r3}:escalate`, `tl:${r3}:remind`]);
    const rows = await t.db.auditEvent.findMany({ where: { entityId: f.id, action: 'finding.updated' } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: o.users.penyusun.id,
      before: expect.objectContaining({ code: '1', bidangId: o.bidang[0].id, version: 1, recommendations: [expect.objectContaining({ code: '1.1' }), expect.objectContaining({ code: '1.2' })] }),
      after: expect.objectContaining({ code: '1A', bidangId: o.bidang[1].id, version: 2, recommendations: [expect.objectContaining({ code: '1.1' }), expect.objectContaining({ code: '1.3' })] }),
    });
    // The register follows: Bidang Dua now sees it, Bidang Satu no longer does.
    const seen = async (tok: string) => (await ok('{ findingRegister { rows { findingCode recommendation { code } } } }', {}, tok)).findingRegister.rows.map((r: any) => `${r.findingCode}/${r.recommendation.code}`);
    expect(await seen(o.tok.op2)).toEqual(['1A/1.1', '1A/1.3']);
    expect(await seen(o.tok.op1)).toEqual([]);
  });

  it('swaps two recommendation codes', async () => {
    const o = await office();
    const { finding: f } = await entered(o);
    const [r1, r2] = f.recommendations;
    const edited = (await ok(`mutation($i: UpdateFindingInput!) { updateFinding(input: $i) { ${FINDING} } }`, { i: editOf(f, { recommendations: [{ id: r1.id, code: '1.2', text: r1.text }, { id: r2.id, code: '1.1', text: r2.text }] }) }, o.tok.kasubbag)).updateFinding;
    expect(edited.recommendations.map((r: any) => [r.id, r.code])).toEqual([[r2.id, '1.1'], [r1.id, '1.2']]);
  });

  it('refuses a stale edit (CONFLICT), duplicate codes, an unknown Bidang and another finding’s recommendation, naming the field; nothing changes', async () => {
    const o = await office();
    const { report, finding: f } = await entered(o);
    const other = (
      await ok(`mutation($i: AddFindingInput!) { addFinding(input: $i) { ${FINDING} } }`, { i: { reportId: report.id, bidangId: o.bidang[0].id, code: '2', title: 'Temuan dua', kondisi: 'Kondisi dua.', kriteria: 'Kriteria.', sebab: 'Sebab.', akibat: 'Akibat.', recommendations: [{ code: '2.1', text: 'Rekomendasi dua.' }] } }, o.tok.kasubbag)
    ).addFinding;
    await ok(`mutation($i: UpdateFindingInput!) { updateFinding(input: $i) { id } }`, { i: editOf(f, { title: 'Judul diperbaiki' }) }, o.tok.kasubbag);
    const before = await snapshot(o.office.id);

    const stale = await update(o.tok.kasubbag, editOf(f, { title: 'Dari bacaan lama' }));
    expect(errorCode(stale)).toBe('CONFLICT');
    const now = await read(o, f.id);
    const dupCode = await update(o.tok.kasubbag, editOf(now, { code: '2' }));
    expect(errorCode(dupCode)).toBe('DUPLICATE');
    expect(fieldsOf(dupCode)).toEqual([{ field: 'code', message: 'Kode temuan sudah dipakai' }]);
    const dupRec = await update(o.tok.kasubbag, editOf(now, { recommendations: [...editOf(now).recommendations, { code: '1.1', text: 'Kode ganda.' }] }));
    expect(errorCode(dupRec)).toBe('DUPLICATE');
    const stranger = await makeOfficeWithStaff(t.db);
    const bidang = await update(o.tok.kasubbag, editOf(now, { bidangId: stranger.bidang[0].id }));
    expect(fieldsOf(bidang)).toEqual([{ field: 'bidangId', message: 'Bidang tidak dikenal' }]);
    const foreign = await update(o.tok.kasubbag, editOf(now, { recommendations: [{ id: other.recommendations[0].id, code: '2.1', text: 'Rekomendasi dua.' }] }));
    expect(errorCode(foreign)).toBe('VALIDATION_FAILED');
    expect(fieldsOf(foreign)).toEqual([{ field: 'recommendations.0.id', message: 'Rekomendasi ini bukan milik temuan tersebut.' }]);
    const empty = await update(o.tok.kasubbag, editOf(now, { recommendations: [] }));
    expect(fieldsOf(empty)).toEqual([{ field: 'recommendations', message: 'Minimal satu rekomendasi' }]);
    expect(await snapshot(o.office.id)).toEqual(before);
  });
});

describe('the checks the recording and the changing inputs share (finding.input.ts: AuditReportFields, FindingFields)', () => {
  const byField = (r: Parameters<typeof fieldsOf>[0]) => Object.fromEntries(fieldsOf(r).map((f) => [f.field, f.message]));

  it('refuse the same bad report and finding fields whether recorded or changed, naming each field; nothing is written', async () => {
    const o = await office();
    const { report, finding: f } = await entered(o);
    const before = await snapshot(o.office.id);
    const badReport = { source: 'INSPEKTORAT', number: ' ', title: 'X', year: 1999, receivedDate: '2027-01-15', deadlineDays: 0 };
    const reportFields = {
      number: 'Nomor laporan wajib diisi (maksimal 100 karakter)',
      title: 'Judul laporan wajib diisi (2–300 karakter)',
      year: 'Tahun 2000–2100',
      deadlineDays: 'Jumlah hari 1–365',
    };
    const created = await t.gql('mutation($i: CreateAuditReportInput!) { createAuditReport(input: $i) { id } }', { i: badReport }, o.tok.kasubbag);
    expect(errorCode(created)).toBe('VALIDATION_FAILED');
    expect(byField(created)).toEqual(reportFields);
    const changed = await t.gql('mutation($i: UpdateAuditReportInput!) { updateAuditReport(input: $i) { id } }', { i: { ...badReport, id: report.id, expectedVersion: 0, deadlineDays: 366 } }, o.tok.kasubbag);
    expect(errorCode(changed)).toBe('VALIDATION_FAILED');
    expect(byField(changed)).toEqual({ ...reportFields, expectedVersion: 'Versi tidak valid' });

    const badFinding = { code: '', title: 'X', kondisi: ' ', kriteria: 'K', sebab: 'Sebab yang cukup.', akibat: 'Akibat yang cukup.', bidangId: o.bidang[0].id, recommendations: [{ code: '1.1', text: 'R' }] };
    const findingFields = {
      code: 'Kode wajib diisi (1–40 karakter)',
      title: 'Judul temuan wajib diisi (2–500 karakter)',
      kondisi: 'Kondisi wajib diisi (2–5000 karakter)',
      kriteria: 'Kriteria wajib diisi (2–5000 karakter)',
      'recommendations.0.text': 'Isi rekomendasi wajib diisi (2–5000 karakter)',
    };
    const added = await t.gql('mutation($i: AddFindingInput!) { addFinding(input: $i) { id } }', { i: { ...badFinding, reportId: report.id } }, o.tok.kasubbag);
    expect(errorCode(added)).toBe('VALIDATION_FAILED');
    expect(byField(added)).toEqual(findingFields);
    const edited = await update(o.tok.kasubbag, { ...badFinding, id: f.id, expectedVersion: 0, recommendations: [{ id: f.recommendations[0].id, code: '1.1', text: 'R' }] });
    expect(errorCode(edited)).toBe('VALIDATION_FAILED');
    expect(byField(edited)).toEqual({ ...findingFields, expectedVersion: 'Versi tidak valid' });
    const tooMany = await update(o.tok.kasubbag, editOf(f, { recommendations: Array.from({ length: 51 }, (_, i) => ({ code: `9.${i}`, text: 'Rekomendasi.' })) }));
    expect(byField(tooMany)).toEqual({ recommendations: 'Paling banyak 50 rekomendasi' });
    expect(await snapshot(o.office.id)).toEqual(before);
  });
});

describe('who may edit', () => {
  it('refuses the Bidang (its own finding too), the APIP, the Sekretaris and the Kepala (FORBIDDEN), and another office (NOT_FOUND); nothing changes', async () => {
    const o = await office();
    const { finding: f } = await entered(o);
    const before = await snapshot(o.office.id);
    for (const tok of [o.tok.op1, o.tok.head1, o.tok.op2, o.tok.apip, o.tok.sekretaris, o.tok.kepala]) {
      expect(errorCode(await update(tok, editOf(f, { title: 'Diubah tanpa wewenang' })))).toBe('FORBIDDEN');
    }
    const stranger = await makeOfficeWithStaff(t.db);
    expect(errorCode(await update(await t.login(stranger.users.kasubbag.username), editOf(f, { title: 'Dari Dinas lain' })))).toBe('NOT_FOUND');
    expect(await snapshot(o.office.id)).toEqual(before);
    // A Bidang reading another Bidang's finding: it does not exist for them.
    expect(errorCode(await t.gql('query($id: UUID!) { finding(id: $id) { id } }', { id: f.id }, o.tok.op2))).toBe('NOT_FOUND');
  });
});

describe('after the Bidang answered', () => {
  it('keeps the Bidang and the answered recommendation; the finding’s texts and the other recommendation may still change', async () => {
    const o = await office();
    const { finding: f } = await entered(o);
    const [r1, r2] = f.recommendations;
    await ok('mutation($i: SubmitFollowUpInput!) { submitFollowUp(input: $i) { id } }', { i: { recommendationId: r1.id, text: 'SOP verifikasi sedang disusun.' } }, o.tok.op1);
    const before = await snapshot(o.office.id);
    const moved = await update(o.tok.kasubbag, editOf(f, { bidangId: o.bidang[1].id }));
    expect(errorCode(moved)).toBe('NOT_EDITABLE');
    expect(moved.errors?.[0]?.message).toBe('Bidang penanggung jawab tidak dapat diganti: Bidang sudah mengirim tindak lanjut.');
    expect(fieldsOf(moved)).toEqual([{ field: 'bidangId', message: 'Bidang penanggung jawab tidak dapat diganti: Bidang sudah mengirim tindak lanjut.' }]);
    const reworded = await update(o.tok.kasubbag, editOf(f, { recommendations: [{ id: r1.id, code: '1.1', text: 'Isi lain.' }, { id: r2.id, code: '1.2', text: r2.text }] }));
    expect(errorCode(reworded)).toBe('NOT_EDITABLE');
    expect(fieldsOf(reworded)).toEqual([{ field: 'recommendations.0.text', message: 'Rekomendasi 1.1 sudah ditindaklanjuti Bidang: kode dan isinya tidak dapat diubah.' }]);
    const dropped = await update(o.tok.kasubbag, editOf(f, { recommendations: [{ id: r2.id, code: '1.2', text: r2.text }] }));
    expect(fieldsOf(dropped)).toEqual([{ field: 'recommendations', message: 'Rekomendasi 1.1 sudah ditindaklanjuti Bidang: tidak dapat dihapus.' }]);
    expect(await snapshot(o.office.id)).toEqual(before);

    const edited = (await ok(`mutation($i: UpdateFindingInput!) { updateFinding(input: $i) { ${FINDING} } }`, { i: editOf(f, { kondisi: 'Kondisi diperjelas.', recommendations: [{ id: r1.id, code: '1.1', text: r1.text }] }) }, o.tok.kasubbag)).updateFinding;
    expect(edited).toMatchObject({ kondisi: 'Kondisi diperjelas.', editable: true, version: 2 });
    expect(edited.recommendations.map((r: any) => [r.code, r.actions.length])).toEqual([['1.1', 1]]);
  });
});

describe('after the APIP verified', () => {
  it.each([
    ['status 1 (sesuai)', 'SESUAI'],
    ['status 2 (belum sesuai): verified all the same', 'BELUM_SESUAI'],
  ])('freezes the finding after %s: NOT_EDITABLE with the reason, the reading says so, nothing changes', async (_what, status) => {
    const o = await office();
    const { finding: f } = await entered(o);
    const sent = await ok('mutation($i: SubmitFollowUpInput!) { submitFollowUp(input: $i) { actions { id } } }', { i: { recommendationId: f.recommendations[1].id, text: 'Teguran tertulis telah disampaikan.' } }, o.tok.op1);
    await ok('mutation($i: VerifyFollowUpInput!) { verifyFollowUp(input: $i) { id } }', { i: { actionId: sent.submitFollowUp.actions[0].id, status } }, o.tok.apip);
    const now = await read(o, f.id);
    expect(now).toMatchObject({ editable: false, editBlockedReason: 'Temuan ini tidak dapat diubah lagi: tindak lanjutnya sudah diverifikasi APIP.' });
    const before = await snapshot(o.office.id);
    // Even a change to the finding's own text or to the other, unanswered recommendation.
    for (const change of [{ title: 'Judul lain' }, { recommendations: [...editOf(now).recommendations.slice(0, 1).map((r: any) => ({ ...r, text: 'Lain.' })), editOf(now).recommendations[1]] }, {}]) {
      const r = await update(o.tok.kasubbag, editOf(now, change));
      expect(errorCode(r)).toBe('NOT_EDITABLE');
      expect(r.errors?.[0]?.message).toBe('Temuan ini tidak dapat diubah lagi: tindak lanjutnya sudah diverifikasi APIP.');
    }
    expect(await snapshot(o.office.id)).toEqual(before);
  });
});

describe('correcting the report', () => {
  const REPORT = 'id number title source year receivedDate deadlineDays deadline version';
  const updateReport = (token: string, input: Record<string, unknown>) => t.gql(`mutation($i: UpdateAuditReportInput!) { updateAuditReport(input: $i) { ${REPORT} } }`, { i: input }, token);
  const reportOf = async (o: Office, id: string) => (await ok(`{ auditReports { ${REPORT} } }`, {}, o.tok.kasubbag)).auditReports.find((r: any) => r.id === id);
  const editReport = (r: any, change: Record<string, unknown> = {}) => ({ id: r.id, expectedVersion: r.version, source: r.source, number: r.number, title: r.title, year: r.year, receivedDate: r.receivedDate, deadlineDays: r.deadlineDays, ...change });
  const escalateAt = async (recId: string) =>
    (await t.db.$queryRawUnsafe<{ run_at: Date }[]>(`SELECT run_at FROM "${t.config.JOBS_SCHEMA}"._private_jobs WHERE key = $1`, `tl:${recId}:escalate`))[0]?.run_at.toISOString();
  const reportSnapshot = async (officeId: string) => ({
    reports: await t.db.auditReport.findMany({ where: { officeId }, orderBy: { id: 'asc' } }),
    recs: await t.db.recommendation.findMany({ where: { finding: { officeId } }, orderBy: { id: 'asc' } }),
    audits: await t.db.auditEvent.count({ where: { officeId, action: 'finding.report_updated' } }),
  });

  it('moves every recommendation’s deadline and its escalation with a corrected receipt date, in one audited step', async () => {
    const o = await office();
    const { report, finding: f } = await entered(o);
    const r = await reportOf(o, report.id);
    const [r1, r2] = f.recommendations;
    // The office is at UTC+7 by default (factories): the escalation is local midnight after the deadline day.
    const before = await escalateAt(r1.id);
    const fixed = (await ok(`mutation($i: UpdateAuditReportInput!) { updateAuditReport(input: $i) { ${REPORT} } }`, { i: editReport(r, { receivedDate: '2027-01-05', deadlineDays: 30, title: 'Pemeriksaan reguler (diperbaiki)' }) }, o.tok.penyusun)).updateAuditReport;
    expect(fixed).toMatchObject({ receivedDate: '2027-01-05', deadlineDays: 30, deadline: '2027-02-04', version: 2, title: 'Pemeriksaan reguler (diperbaiki)' });
    expect((await read(o, f.id)).recommendations.map((x: any) => x.deadline)).toEqual(['2027-02-04', '2027-02-04']);
    const after = await escalateAt(r1.id);
    expect([before === after, new Date(after!).getTime() - new Date(before!).getTime()]).toEqual([false, -40 * 86_400_000]);
    expect(await escalateAt(r2.id)).toBe(after);
    const rows = await t.db.auditEvent.findMany({ where: { entityId: r.id, action: 'finding.report_updated' } });
    expect(rows.map((x) => [(x.before as any).deadlineDays, (x.after as any).deadlineDays, (x.after as any).recommendationsRescheduled])).toEqual([[60, 30, 2]]);
  });

  it('after a verification corrects number and title only; a new date is NOT_EDITABLE naming it; stale, duplicate, wrong roles and another office change nothing', async () => {
    const o = await office();
    const { report, finding: f } = await entered(o);
    const other = (await ok('mutation($i: CreateAuditReportInput!) { createAuditReport(input: $i) { id number } }', { i: { source: 'BPK', number: `BPK/${process.pid}-${++seq}`, title: 'LHP BPK', year: 2027, receivedDate: '2027-02-01' } }, o.tok.kasubbag)).createAuditReport;
    const sent = await ok('mutation($i: SubmitFollowUpInput!) { submitFollowUp(input: $i) { actions { id } } }', { i: { recommendationId: f.recommendations[0].id, text: 'SOP verifikasi telah ditetapkan.' } }, o.tok.op1);
    await ok('mutation($i: VerifyFollowUpInput!) { verifyFollowUp(input: $i) { id } }', { i: { actionId: sent.submitFollowUp.actions[0].id, status: 'SESUAI' } }, o.tok.apip);
    const r = await reportOf(o, report.id);
    const snap = await reportSnapshot(o.office.id);

    const moved = await updateReport(o.tok.kasubbag, editReport(r, { receivedDate: '2027-01-10' }));
    expect(errorCode(moved)).toBe('NOT_EDITABLE');
    expect(fieldsOf(moved)).toEqual([{ field: 'receivedDate', message: 'Sumber, tanggal diterima dan hari batas waktu tidak dapat diubah lagi: ada rekomendasi yang sudah diverifikasi APIP.' }]);
    expect(errorCode(await updateReport(o.tok.kasubbag, editReport(r, { number: other.number })))).toBe('DUPLICATE');
    expect(errorCode(await updateReport(o.tok.kasubbag, editReport(r, { expectedVersion: 7 })))).toBe('CONFLICT');
    for (const tok of [o.tok.op1, o.tok.head1, o.tok.apip, o.tok.sekretaris]) expect(errorCode(await updateReport(tok, editReport(r, { title: 'Tanpa wewenang' })))).toBe('FORBIDDEN');
    const stranger = await makeOfficeWithStaff(t.db);
    expect(errorCode(await updateReport(await t.login(stranger.users.kasubbag.username), editReport(r, { title: 'Dinas lain' })))).toBe('NOT_FOUND');
    expect(await reportSnapshot(o.office.id)).toEqual(snap);

    const fixed = (await ok(`mutation($i: UpdateAuditReportInput!) { updateAuditReport(input: $i) { ${REPORT} } }`, { i: editReport(r, { number: `${r.number}-A`, title: 'Judul benar' }) }, o.tok.kasubbag)).updateAuditReport;
    expect(fixed).toMatchObject({ number: `${r.number}-A`, title: 'Judul benar', deadline: '2027-03-16', version: 2 });
  });
});
