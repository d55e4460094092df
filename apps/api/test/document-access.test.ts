/**
 * Issue 9, documents: who sees which document (item 1), issued documents are permanent (item 4),
 * the verification URL never comes from the request (item 7), machine clients get no NIP, and
 * office-wide downloads and exports are audited. Every attack is tallied per class (attacks.ts)
 * and every refusal proves that nothing changed.
 */
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { attacks } from './attacks';
import { advance, requestAt, setupOffice, snapshot, uploadDocument, type FlowOffice, type FlowRequest } from './flow';
import { errorCode, startTestApp, type TestApp } from './harness';
import { loadConfig } from '../src/config';
import { CAPABILITIES, ROLES, type CapabilityName, type Role } from '@sipedaki/sop';
import { makeUser } from './factories';

jest.setTimeout(120_000);

// The QR code of an issued PDF is an image: its URL is read where it is made.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const qrcode = require('qrcode') as { toBuffer: (text: string, ...rest: unknown[]) => Promise<Buffer> };
const qrUrls: string[] = [];
const realToBuffer = qrcode.toBuffer;
qrcode.toBuffer = (text: string, ...rest: unknown[]) => {
  qrUrls.push(text);
  return realToBuffer.call(qrcode, text, ...rest);
};
afterAll(() => {
  qrcode.toBuffer = realToBuffer;
});

let t: TestApp;
let o: FlowOffice;
let req: FlowRequest;
/** Documents of `req`, issued or attached at the start. */
const docs: Record<'recap' | 'disposition' | 'format1' | 'format2' | 'formatAll' | 'letter' | 'lhp1' | 'lhp2', string> = {} as never;
const codes: Record<string, string> = {};

async function get(p: string, token?: string) {
  const res = await fetch(`${t.url}${p}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

async function issue(p: string, token: string) {
  const { res, bytes } = await get(p, token);
  if (res.status !== 200) throw new Error(`${p}: ${res.status} ${bytes.toString()}`);
  return { id: res.headers.get('x-document-id')!, code: res.headers.get('x-verification-code')!, bytes };
}

const listDocuments = (token: string, requestId = req.id) => t.gql(`query { dataRequest(id: "${requestId}") { documents { id kind } } }`, {}, token);
const removeDocument = (token: string, id: string) => t.gql(`mutation { removeDocument(id: "${id}") }`, {}, token);

function pdfText(bytes: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [path.join(__dirname, 'pdf-text.cjs')], { maxBuffer: 10 * 1024 * 1024 }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
    child.stdin!.end(bytes);
  });
}

beforeAll(async () => {
  t = await startTestApp();
  o = await setupOffice(t);
  // Two Bidang hand in their LHP (kept by the ids below), then the request goes to step 6.
  req = await requestAt(t, o, 'ANALYSED');
  const lhp = async (i: number) => (await t.db.storedDocument.findFirstOrThrow({ where: { submissionId: req.submissions[i], kind: 'LHP' } })).id;
  docs.lhp1 = await lhp(0);
  docs.lhp2 = await lhp(1);
  const recap = await issue(`/api/requests/${req.id}/recap.pdf`, o.tok.kasubbag);
  docs.recap = recap.id;
  codes.recap = recap.code;
  docs.disposition = (await issue(`/api/requests/${req.id}/disposition.pdf`, o.tok.sekretaris)).id;
  docs.format1 = (await issue(`/api/requests/${req.id}/format.pdf?bidangId=${o.bidang[0]!.id}`, o.tok.op1)).id;
  docs.format2 = (await issue(`/api/requests/${req.id}/format.pdf?bidangId=${o.bidang[1]!.id}`, o.tok.op2)).id;
  const up = async (kind: string) => {
    const r = await uploadDocument(t, o.tok.sekretaris, { requestId: req.id, kind });
    if (r.status !== 201) throw new Error(r.text);
    return r.body.id as string;
  };
  docs.formatAll = await up('FORMAT');
  docs.letter = await up('OTHER');
}, 180_000);
afterAll(async () => {
  await t?.close();
});

describe('who sees which document (item 1)', () => {
  const attack = attacks('akses dokumen per peran (daftar, unduh, ekspor)');

  it('a Bidang operator lists only its own format and the format for every Bidang', () =>
    attack('list as operator', async () => {
      const r = await listDocuments(o.tok.op1);
      expect(r.errors).toBeUndefined();
      expect(r.data.dataRequest.documents.map((d: { id: string }) => d.id).sort()).toEqual([docs.format1, docs.formatAll].sort());
      const head = await listDocuments(o.tok.head1);
      expect(head.data.dataRequest.documents.map((d: { kind: string }) => d.kind).sort()).toEqual(['FORMAT', 'FORMAT']);
    }));

  it('office-wide roles list every document of the request', async () => {
    for (const token of [o.tok.kasubbag, o.tok.kepala, o.tok.penyusun]) {
      const r = await listDocuments(token);
      expect(r.data.dataRequest.documents.map((d: { id: string }) => d.id).sort()).toEqual(
        [docs.recap, docs.disposition, docs.format1, docs.format2, docs.formatAll, docs.letter].sort(),
      );
    }
  });

  it.each([
    ['the recap (REPORT), by id', 'recap', 'op1'],
    ['the recap (REPORT), as Kepala Bidang', 'recap', 'head1'],
    ['the disposition sheet', 'disposition', 'op1'],
    ['another Bidang’s format', 'format2', 'op1'],
    ['a paper the secretariat attached to the request', 'letter', 'op1'],
    ['another Bidang’s LHP', 'lhp2', 'op1'],
  ] as const)('a Bidang user cannot download %s → 403, no byte of it', (name, doc, who) =>
    attack(`download ${name}`, async () => {
      const { res, bytes } = await get(`/api/documents/${docs[doc]}`, o.tok[who]);
      expect(res.status).toBe(403);
      expect(JSON.parse(bytes.toString()).error.code).toBe('FORBIDDEN');
      expect(bytes.toString()).not.toContain('%PDF');
      expect(await t.db.auditEvent.count({ where: { entityId: docs[doc], action: 'document.downloaded', actorId: o.users[who].id } })).toBe(0);
    }));

  it.each([
    ['recap.pdf', '/recap.pdf'],
    ['recap.xlsx', '/recap.xlsx'],
    ['disposition.pdf', '/disposition.pdf'],
    ['dataset.xlsx', '/dataset.xlsx'],
    ['format.pdf of another Bidang', `/format.pdf?bidangId=__B2__`],
    ['format.xlsx of another Bidang', `/format.xlsx?bidangId=__B2__`],
  ])('a Bidang operator cannot export %s → 403, nothing issued', (name, suffix) =>
    attack(`export ${name}`, async () => {
      const before = await snapshot(t, req.id);
      const { res, bytes } = await get(`/api/requests/${req.id}${suffix.replace('__B2__', o.bidang[1]!.id)}`, o.tok.op1);
      expect(res.status).toBe(403);
      expect(JSON.parse(bytes.toString()).error.code).toBe('FORBIDDEN');
      expect(await snapshot(t, req.id)).toEqual(before);
    }));

  it('a Bidang user downloads its own LHP and format and the format for every Bidang', async () => {
    for (const id of [docs.lhp1, docs.format1, docs.formatAll]) expect((await get(`/api/documents/${id}`, o.tok.op1)).res.status).toBe(200);
    expect((await get(`/api/documents/${docs.format1}`, o.tok.head1)).res.status).toBe(200);
  });

  it('the Kepala Dinas and the administrator see the recap; the data set stays with the secretariat', async () => {
    for (const token of [o.tok.kepala, o.tok.admin]) {
      expect((await get(`/api/documents/${docs.recap}`, token)).res.status).toBe(200);
      expect((await get(`/api/requests/${req.id}/dataset.xlsx`, token)).res.status).toBe(403);
    }
  });

  it('issued formats belong to their Bidang; attachments carry their submission’s Bidang', async () => {
    const rows = await t.db.storedDocument.findMany({ where: { id: { in: Object.values(docs) } } });
    const bidangOf = (id: string) => rows.find((r) => r.id === id)!.bidangId;
    expect([docs.format1, docs.format2, docs.lhp1, docs.lhp2].map(bidangOf)).toEqual([o.bidang[0]!.id, o.bidang[1]!.id, o.bidang[0]!.id, o.bidang[1]!.id]);
    expect([docs.recap, docs.disposition, docs.formatAll, docs.letter].map(bidangOf)).toEqual([null, null, null, null]);
  });

  it('a Bidang operator cannot remove the recap → FORBIDDEN, nothing changes', () =>
    attack('remove recap as operator', async () => {
      const before = await snapshot(t, req.id);
      expect(errorCode(await removeDocument(o.tok.op1, docs.recap))).toBe('FORBIDDEN');
      expect(await snapshot(t, req.id)).toEqual(before);
    }));
});

describe('audit of office-wide downloads and exports', () => {
  it('a download of the recap or the disposition sheet leaves document.downloaded with who and when', async () => {
    for (const [doc, who] of [['recap', 'kepala'], ['disposition', 'sekretaris']] as const) {
      const where = { entityId: docs[doc], action: 'document.downloaded', actorId: o.users[who].id };
      const before = await t.db.auditEvent.count({ where });
      expect((await get(`/api/documents/${docs[doc]}`, o.tok[who])).res.status).toBe(200);
      const rows = await t.db.auditEvent.findMany({ where, orderBy: { at: 'desc' } });
      expect(rows).toHaveLength(before + 1);
      expect(rows[0]!.entityType).toBe('StoredDocument');
      expect(Date.now() - rows[0]!.at.getTime()).toBeLessThan(10 * 60_000); // "when": recorded now, not some other time
    }
  });

  it('a Bidang’s own attachment is not an office-wide document: no audit row for its download', async () => {
    const before = await t.db.auditEvent.count({ where: { entityId: docs.lhp1, action: 'document.downloaded' } });
    expect((await get(`/api/documents/${docs.lhp1}`, o.tok.kasubbag)).res.status).toBe(200);
    expect(await t.db.auditEvent.count({ where: { entityId: docs.lhp1, action: 'document.downloaded' } })).toBe(before);
  });

  it('exports of the data set and the recap XLSX leave report.exported with the sha256 handed out', async () => {
    for (const [route, who] of [['dataset.xlsx', 'penyusun'], ['recap.xlsx', 'kasubbag']] as const) {
      const { res, bytes } = await get(`/api/requests/${req.id}/${route}`, o.tok[who]);
      expect(res.status).toBe(200);
      const row = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: req.id, action: 'report.exported', actorId: o.users[who].id }, orderBy: { at: 'desc' } });
      expect(row.after).toMatchObject({ export: route, size: bytes.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex') });
    }
  });
});

describe('issued documents are permanent; attachments stay with their step (item 4)', () => {
  const attack = attacks('penghapusan dokumen terbit/arsip');

  it('the recap cannot be removed after DONE and the Kepala’s acknowledgement; /verify still finds it', () =>
    attack('remove recap after DONE', async () => {
      const done = await requestAt(t, o, 'ANALYSED');
      const recap = await issue(`/api/requests/${done.id}/recap.pdf`, o.tok.kasubbag);
      await advance(t, o, done, 'ANALYSED', 'DONE');
      const ack = await t.gql(`mutation { acknowledgeReport(requestId: "${done.id}") { acknowledgedAt } }`, {}, o.tok.kepala);
      expect(ack.data.acknowledgeReport.acknowledgedAt).toBeTruthy();
      const before = await snapshot(t, done.id);
      for (const who of ['penyusun', 'kasubbag', 'sekretaris'] as const) {
        const r = await removeDocument(o.tok[who], recap.id);
        expect(errorCode(r)).toBe('NOT_EDITABLE');
        expect(r.errors![0]!.message).toContain('tidak dapat dihapus');
      }
      expect(await snapshot(t, done.id)).toEqual(before);
      const page = await get(`/verify/${recap.code}`);
      expect(page.res.status).toBe(200);
      expect(page.bytes.toString()).toContain('terdaftar');
    }));

  it.each(['recap', 'disposition', 'format1'] as const)('an issued %s cannot be removed even during its own step', (doc) =>
    attack(`remove issued ${doc} during the step`, async () => {
      const before = await snapshot(t, req.id);
      expect(errorCode(await removeDocument(o.tok.kasubbag, docs[doc]))).toBe('NOT_EDITABLE');
      expect(await snapshot(t, req.id)).toEqual(before);
    }));

  it('a request-level paper is removable during the step it was attached in, and not after that step', () =>
    attack('remove request-level paper after its step', async () => {
      const r = await requestAt(t, o, 'ANALYSED');
      const attach = async () => (await uploadDocument(t, o.tok.sekretaris, { requestId: r.id, kind: 'OTHER' })).body.id as string;
      const early = await attach();
      expect((await removeDocument(o.tok.sekretaris, early)).data.removeDocument).toBe(true);
      const kept = await attach();
      await advance(t, o, r, 'ANALYSED', 'REPORT_AT_SEKRETARIS');
      const before = await snapshot(t, r.id);
      const refused = await removeDocument(o.tok.sekretaris, kept);
      expect(errorCode(refused)).toBe('NOT_EDITABLE');
      expect(refused.errors![0]!.message).toContain('langkah yang sudah selesai');
      expect(await snapshot(t, r.id)).toEqual(before);
    }));

  it('a Bidang’s attachment cannot be removed once the submission is submitted', () =>
    attack('remove LHP after submit', async () => {
      const before = await snapshot(t, req.id);
      expect(errorCode(await removeDocument(o.tok.op1, docs.lhp1))).toBe('NOT_EDITABLE');
      expect(await snapshot(t, req.id)).toEqual(before);
    }));

  it('the database itself refuses to delete or rewrite an issued document (trigger)', () =>
    attack('raw SQL delete/update of an issued document', async () => {
      await expect(t.db.$executeRawUnsafe('DELETE FROM "StoredDocument" WHERE id = $1::uuid', docs.recap)).rejects.toThrow(/permanent/);
      await expect(t.db.$executeRawUnsafe(`UPDATE "StoredDocument" SET sha256 = repeat('0', 64) WHERE id = $1::uuid`, docs.recap)).rejects.toThrow(/permanent/);
      expect(await t.db.storedDocument.count({ where: { id: docs.recap, verificationCode: codes.recap.replace(/-/g, '') } })).toBe(1);
    }));
});

describe('the capability table’s document rows are what the API does (session 6)', () => {
  // One person per role of the system (the Bidang roles in Bidang Satu), each trying every row.
  const tokens = new Map<Role, string>();
  let other: FlowRequest;
  beforeAll(async () => {
    for (const role of ROLES) {
      const u = await makeUser(t.db, o.office.id, [role], role.startsWith('BIDANG') ? o.bidang[0]!.id : null);
      tokens.set(role, await t.login(u.username));
    }
    // Uploads go to a request of their own: the documents of `req` stay as the tests above expect.
    other = await requestAt(t, o, 'ANALYSED');
  }, 180_000);

  // The path's ":bidang" is Bidang Satu, the Bidang of the Bidang roles' person.
  const reads: [CapabilityName, string][] = [
    ['document.READ_FORMAT', 'format.pdf?bidangId=:bidang'],
    ['document.READ_FORMAT', 'format.xlsx?bidangId=:bidang'],
    ['document.READ_OFFICE_PAPERS', 'recap.pdf'],
    ['document.READ_OFFICE_PAPERS', 'recap.xlsx'],
    ['document.READ_OFFICE_PAPERS', 'disposition.pdf'],
    ['document.READ_DATASET', 'dataset.xlsx'],
  ];
  it.each(reads)('%s: GET /api/requests/:id/%s answers exactly its roles', async (cap, file) => {
    const url = `/api/requests/${req.id}/${file.replace(':bidang', o.bidang[0]!.id)}`;
    const wrong: string[] = [];
    for (const role of ROLES) {
      const { res } = await get(url, tokens.get(role));
      const allowed = CAPABILITIES[cap].roles.includes(role);
      if ((res.status === 200) !== allowed) wrong.push(`${role} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('document.ATTACH_TO_REQUEST: a request-level document is attached by exactly its roles', async () => {
    const wrong: string[] = [];
    for (const role of ROLES) {
      const r = await uploadDocument(t, tokens.get(role), { requestId: other.id, kind: 'OTHER' }, { bytes: Buffer.from(`%PDF-1.4\n% ${role}\n%%EOF\n`) });
      const allowed = CAPABILITIES['document.ATTACH_TO_REQUEST'].roles.includes(role);
      if ((r.status === 201) !== allowed) wrong.push(`${role} → ${r.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('document.ATTACH_TO_SUBMISSION: only the Bidang roles attach to their submission (while collecting)', async () => {
    const collecting = await requestAt(t, o, 'COLLECTING');
    const wrong: string[] = [];
    for (const role of ROLES) {
      const r = await uploadDocument(t, tokens.get(role), { submissionId: collecting.submissions[0]!, kind: 'LHP' }, { bytes: Buffer.from(`%PDF-1.4\n% ${role} lhp\n%%EOF\n`) });
      const allowed = CAPABILITIES['document.ATTACH_TO_SUBMISSION'].roles.includes(role);
      if ((r.status === 201) !== allowed) wrong.push(`${role} → ${r.status}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('machine clients get names and roles, not NIPs', () => {
  const attack = attacks('data pribadi (NIP) untuk klien mesin');

  it('dispositions.from, timeline.completedBy and reviews.actor carry no NIP for a service token; people still see it', () =>
    attack('NIP through a service token', async () => {
      const created = await t.gql(
        'mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token } }',
        { i: { name: 'Dasbor Bappeda', scopes: ['READ_REQUESTS'], expiresAt: new Date(Date.now() + 86_400_000).toISOString() } },
        o.tok.admin,
      );
      const token = created.data.createApiToken.token as string;
      const q = `query { dataRequest(id: "${req.id}") {
        dispositions { fromRole from { name nip roles } }
        timeline { completedBy { name nip jabatan } }
        submissions { reviews { actor { name nip } } } } }`;
      const machine = await t.gql(q, {}, token);
      expect(machine.errors).toBeUndefined();
      const people = [
        ...machine.data.dataRequest.dispositions.map((d: any) => d.from),
        ...machine.data.dataRequest.timeline.map((s: any) => s.completedBy).filter(Boolean),
        ...machine.data.dataRequest.submissions.flatMap((s: any) => s.reviews.map((r: any) => r.actor)),
      ];
      expect(people.length).toBeGreaterThan(5);
      for (const p of people) {
        expect(p.nip).toBeNull();
        expect(p.name).toMatch(/\S/);
      }
      const text = JSON.stringify(machine);
      for (const u of Object.values(o.users)) expect(text).not.toContain(u.nip!);
      // A signed-in person of the office still sees the NIP (the SPA shows it).
      const person = await t.gql(q, {}, o.tok.kasubbag);
      expect(person.data.dataRequest.dispositions[0].from.nip).toBe(o.users.sekretaris.nip);
    }));
});

describe('the verification URL in issued PDFs (item 7)', () => {
  const attack = attacks('Host header pada URL verifikasi');

  /** GET over node:http, which sends the Host header it is given (fetch does not). */
  function getWithHeaders(app: TestApp, p: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: Buffer }> {
    const u = new URL(app.url);
    return new Promise((resolve, reject) => {
      const r = http.get({ host: u.hostname, port: u.port, path: p, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, bytes: Buffer.concat(chunks) }));
      });
      r.on('error', reject);
    });
  }
  const FORGED = { host: 'verifikasi-palsu.example', 'x-forwarded-host': 'verifikasi-palsu.example', 'x-forwarded-proto': 'https', forwarded: 'host=verifikasi-palsu.example' };

  async function issueForged(app: TestApp, office: FlowOffice, requestId: string) {
    qrUrls.length = 0;
    const r = await getWithHeaders(app, `/api/requests/${requestId}/disposition.pdf`, { ...FORGED, authorization: `Bearer ${office.tok.sekretaris}` });
    expect(r.status).toBe(200);
    expect(qrUrls).toHaveLength(1);
    return { qr: qrUrls[0]!, text: await pdfText(r.bytes), code: String(r.headers['x-verification-code']) };
  }

  it('configured PUBLIC_BASE_URL: a forged Host (and X-Forwarded-*) reaches neither the QR code nor the text', () =>
    attack('forged Host with PUBLIC_BASE_URL', async () => {
      const app = await startTestApp({ PUBLIC_BASE_URL: 'https://sipedaki.nganjukkab.go.id/' });
      try {
        const office = await setupOffice(app);
        const r = await requestAt(app, office, 'AT_KASUBBAG');
        const { qr, text, code } = await issueForged(app, office, r.id);
        expect(qr).toBe(`https://sipedaki.nganjukkab.go.id/verify/${code}`);
        expect(text).toContain(`https://sipedaki.nganjukkab.go.id/verify/${code}`);
        expect(`${qr}\n${text}`).not.toContain('palsu');
      } finally {
        await app.close();
      }
    }));

  it('development without PUBLIC_BASE_URL: the listening address http://HOST:PORT, never the Host header', () =>
    attack('forged Host without PUBLIC_BASE_URL', async () => {
      const app = await startTestApp({ NODE_ENV: 'development', PUBLIC_BASE_URL: '', HOST: '127.0.0.1', PORT: '4123' });
      try {
        const office = await setupOffice(app);
        const r = await requestAt(app, office, 'AT_KASUBBAG');
        const { qr, text, code } = await issueForged(app, office, r.id);
        expect(qr).toBe(`http://127.0.0.1:4123/verify/${code}`);
        expect(text).toContain(`http://127.0.0.1:4123/verify/${code}`);
        expect(`${qr}\n${text}`).not.toContain('palsu');
      } finally {
        await app.close();
      }
    }));

  it('production refuses to start without PUBLIC_BASE_URL, naming it; migrate/seed tools do not need it', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/PUBLIC_BASE_URL/);
    expect(() => loadConfig({ NODE_ENV: 'production', PUBLIC_BASE_URL: 'ftp://sipedaki.go.id' })).toThrow(/PUBLIC_BASE_URL/);
    expect(() => loadConfig({ NODE_ENV: 'production', PUBLIC_BASE_URL: 'bukan url' })).toThrow(/PUBLIC_BASE_URL/);
    expect(loadConfig({ NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://sipedaki.go.id/' }).publicBaseUrl).toBe('https://sipedaki.go.id');
    expect(loadConfig({ NODE_ENV: 'production' }, { serving: false }).NODE_ENV).toBe('production');
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '8080' }).publicBaseUrl).toBe('http://localhost:8080');
  });
});
