/**
 * Documents over HTTP: upload to one's own submission, download byte for byte with its SHA-256,
 * the size and type limits (nothing stored, nothing left in DATA_DIR/tmp), and who may upload or
 * download what.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { makeOfficeWithStaff } from './factories';
import { requestAt, setupOffice, uploadDocument, type FlowOffice, type FlowRequest } from './flow';
import { startTestApp, type TestApp } from './harness';

let t: TestApp;
let small: TestApp;
let o: FlowOffice;
let req: FlowRequest;
beforeAll(async () => {
  t = await startTestApp();
  small = await startTestApp({ MAX_UPLOAD_BYTES: '2048' });
  o = await setupOffice(t);
  req = await requestAt(t, o, 'COLLECTING');
});
afterAll(async () => {
  await small.close();
  await t.close();
});

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
/** A PDF with unique content, so each test's file is its own blob. */
const pdf = (extraBytes = 0) =>
  Buffer.concat([Buffer.from(`%PDF-1.4\n% ${crypto.randomUUID()}\n`), crypto.randomBytes(extraBytes), Buffer.from('\n%%EOF\n')]);
// Uploads in progress are written inside the documents directory (one filesystem for the rename).
const tmpFiles = (app: TestApp) => fs.readdirSync(path.join(app.dataDir, 'documents', 'tmp'));
const blobPath = (app: TestApp, bytes: Buffer) => {
  const h = sha256(bytes);
  return path.join(app.dataDir, 'documents', h.slice(0, 2), h);
};
const docCount = (app: TestApp, submissionId: string) => app.db.storedDocument.count({ where: { submissionId } });
const download = (app: TestApp, id: string, token?: string) =>
  fetch(`${app.url}/api/documents/${id}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('upload and download', () => {
  it('uploads a PDF to its own submission and downloads the same bytes with their SHA-256', async () => {
    const bytes = pdf(5000);
    const up = await uploadDocument(t, o.tok.op1, { submissionId: req.submissions[0]!, kind: 'LHP' }, { bytes, filename: 'LHP Inspektorat 2026.pdf' });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ kind: 'LHP', filename: 'LHP Inspektorat 2026.pdf', mimeType: 'application/pdf', size: bytes.length, sha256: sha256(bytes) });
    expect(up.body.downloadUrl).toBe(`/api/documents/${up.body.id}`);

    const row = await t.db.storedDocument.findUniqueOrThrow({ where: { id: up.body.id } });
    expect(row).toMatchObject({ submissionId: req.submissions[0], requestId: req.id, officeId: o.office.id, size: bytes.length, sha256: sha256(bytes) });
    // On disk under DATA_DIR/documents, content-addressed.
    expect(path.join(t.services.documents.storage.root, row.storageKey)).toBe(blobPath(t, bytes));
    expect(fs.readFileSync(blobPath(t, bytes)).equals(bytes)).toBe(true);

    // The operator and an office-wide reviewer both get the exact bytes.
    for (const token of [o.tok.op1, o.tok.head1, o.tok.kasubbag]) {
      const res = await download(t, up.body.id, token);
      expect(res.status).toBe(200);
      const got = Buffer.from(await res.arrayBuffer());
      expect(got.equals(bytes)).toBe(true);
      expect(res.headers.get('x-content-sha256')).toBe(sha256(got));
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('LHP Inspektorat 2026.pdf'));
    }

    // It is listed on the submission, and it counts for the required documents.
    const s = await t.gql('query($id: UUID!) { submission(id: $id) { missingDocuments documents { id kind sha256 } } }', { id: req.submissions[0] }, o.tok.op1);
    expect(s.data.submission.documents).toEqual([{ id: up.body.id, kind: 'LHP', sha256: sha256(bytes) }]);
    expect(s.data.submission.missingDocuments).toEqual(['LHE', 'TL_HP']);
  });

  it.each([['NUL', 'LHP\u0000.pdf'], ['BEL', 'LHP\u0007.pdf']])(
    'a %s in the filename is a malformed upload (400 BAD_REQUEST), never an internal error; nothing stored',
    async (_what, filename) => {
      const before = await docCount(t, req.submissions[0]!);
      const up = await uploadDocument(t, o.tok.op1, { submissionId: req.submissions[0]!, kind: 'OTHER' }, { bytes: pdf(), filename });
      expect(up.status).toBe(400);
      expect(up.body.error.code).toBe('BAD_REQUEST');
      expect(await docCount(t, req.submissions[0]!)).toBe(before);
    },
  );

  it('a path in the filename is stripped', async () => {
    const up = await uploadDocument(t, o.tok.op1, { submissionId: req.submissions[0]!, kind: 'OTHER' }, { bytes: pdf(), filename: '../../etc/passwd.pdf' });
    expect(up.status).toBe(201);
    expect(up.body.filename).toBe('passwd.pdf');
  });

  it('an unknown document id → 404 NOT_FOUND', async () => {
    const res = await download(t, crypto.randomUUID(), o.tok.op1);
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).error.code).toBe('NOT_FOUND');
  });
});

describe('limits', () => {
  let so: FlowOffice;
  let sreq: FlowRequest;
  beforeAll(async () => {
    so = await setupOffice(small);
    sreq = await requestAt(small, so, 'COLLECTING');
  });

  it('a file at the limit is accepted', async () => {
    const head = Buffer.from('%PDF-1.4\n');
    const bytes = Buffer.concat([head, Buffer.alloc(2048 - head.length, 0x20)]);
    const up = await uploadDocument(small, so.tok.op1, { submissionId: sreq.submissions[0]!, kind: 'LHE' }, { bytes });
    expect(up.status).toBe(201);
    expect(up.body.size).toBe(2048);
  });

  it.each([
    ['just over the limit (streamed)', 2049],
    ['well over the limit (streamed)', 40_000],
    ['far over the limit (refused by Content-Length)', 200_000],
  ])('%s → 413 FILE_TOO_LARGE, no row, no file left in tmp or documents', async (_name, size) => {
    const id = sreq.submissions[1]!;
    const before = await docCount(small, id);
    const bytes = pdf(size);
    const up = await uploadDocument(small, so.tok.op2, { submissionId: id, kind: 'LHP' }, { bytes });
    expect(up.status).toBe(413);
    expect(up.body.error.code).toBe('FILE_TOO_LARGE');
    expect(await docCount(small, id)).toBe(before);
    expect(tmpFiles(small)).toEqual([]);
    expect(fs.existsSync(blobPath(small, bytes))).toBe(false);
    // The server is still healthy and accepts the next, small upload.
    const next = await uploadDocument(small, so.tok.op2, { submissionId: id, kind: 'LHP' }, { bytes: pdf() });
    expect(next.status).toBe(201);
  });

  it.each([
    ['an .exe', 'setup.exe', Buffer.from('MZ\x90\x00 not really a program')],
    ['a file without extension', 'LHP', pdf()],
    ['a .pdf whose bytes are not a PDF', 'laporan.pdf', Buffer.from('MZ\x90\x00 this is a program, not a PDF')],
    ['a .png whose bytes are a PDF', 'gambar.png', pdf()],
  ])('%s → 415 FILE_TYPE_NOT_ALLOWED, no row, no file kept', async (_name, filename, bytes) => {
    const id = req.submissions[0]!;
    const before = await docCount(t, id);
    const up = await uploadDocument(t, o.tok.op1, { submissionId: id, kind: 'OTHER' }, { bytes, filename, mime: 'application/pdf' });
    expect(up.status).toBe(415);
    expect(up.body.error.code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(await docCount(t, id)).toBe(before);
    expect(tmpFiles(t)).toEqual([]);
    if (!bytes.subarray(0, 4).equals(Buffer.from('%PDF'))) expect(fs.existsSync(blobPath(t, bytes))).toBe(false);
  });

  it('an empty .pdf → VALIDATION_FAILED, nothing stored', async () => {
    const id = req.submissions[0]!;
    const before = await docCount(t, id);
    const up = await uploadDocument(t, o.tok.op1, { submissionId: id, kind: 'OTHER' }, { bytes: Buffer.alloc(0) });
    expect(up.status).toBe(400);
    expect(up.body.error.code).toBe('VALIDATION_FAILED');
    expect(await docCount(t, id)).toBe(before);
  });

  it('an unknown document kind → VALIDATION_FAILED', async () => {
    const id = req.submissions[0]!;
    const before = await docCount(t, id);
    const up = await uploadDocument(t, o.tok.op1, { submissionId: id, kind: 'RAHASIA' });
    expect(up.status).toBe(400);
    expect(up.body.error.code).toBe('VALIDATION_FAILED');
    expect(await docCount(t, id)).toBe(before);
  });
});

describe('who may upload and download', () => {
  it('the operator of another Bidang cannot upload to this submission → 403 FORBIDDEN', async () => {
    const id = req.submissions[0]!;
    const before = await docCount(t, id);
    const bytes = pdf();
    const up = await uploadDocument(t, o.tok.op2, { submissionId: id, kind: 'LHP' }, { bytes });
    expect(up.status).toBe(403);
    expect(up.body.error.code).toBe('FORBIDDEN');
    expect(await docCount(t, id)).toBe(before);
    expect(fs.existsSync(blobPath(t, bytes))).toBe(false);
    expect(tmpFiles(t)).toEqual([]);
  });

  it('a reviewer (Kasubbag) cannot attach to a Bidang’s submission → 403 FORBIDDEN', async () => {
    const id = req.submissions[0]!;
    const before = await docCount(t, id);
    const up = await uploadDocument(t, o.tok.kasubbag, { submissionId: id, kind: 'LHP' });
    expect(up.status).toBe(403);
    expect(await docCount(t, id)).toBe(before);
  });

  it('the operator of another Bidang cannot download from this submission → 403 FORBIDDEN', async () => {
    const up = await uploadDocument(t, o.tok.op1, { submissionId: req.submissions[0]!, kind: 'TL_HP' }, { bytes: pdf() });
    expect(up.status).toBe(201);
    const res = await download(t, up.body.id, o.tok.op2);
    expect(res.status).toBe(403);
    const text = await res.text();
    expect(JSON.parse(text).error.code).toBe('FORBIDDEN');
    expect(text).not.toContain('%PDF');
  });

  it('a user of another office → 404 NOT_FOUND for both upload and download', async () => {
    const up = await uploadDocument(t, o.tok.op1, { submissionId: req.submissions[0]!, kind: 'LHE' }, { bytes: pdf() });
    expect(up.status).toBe(201);
    const other = await makeOfficeWithStaff(t.db);
    const tok = await t.login(other.users.kasubbag.username);
    const res = await download(t, up.body.id, tok);
    expect(res.status).toBe(404);
    const opTok = await t.login(other.users.op1.username);
    const before = await docCount(t, req.submissions[0]!);
    const put = await uploadDocument(t, opTok, { submissionId: req.submissions[0]!, kind: 'LHE' });
    expect(put.status).toBe(404);
    expect(await docCount(t, req.submissions[0]!)).toBe(before);
  });

  it('no token → 401 UNAUTHENTICATED for both upload and download', async () => {
    const id = req.submissions[0]!;
    const before = await docCount(t, id);
    const up = await uploadDocument(t, undefined, { submissionId: id, kind: 'LHP' });
    expect(up.status).toBe(401);
    expect(up.body.error.code).toBe('UNAUTHENTICATED');
    expect(await docCount(t, id)).toBe(before);

    const doc = await t.db.storedDocument.findFirstOrThrow({ where: { submissionId: id } });
    const res = await download(t, doc.id);
    expect(res.status).toBe(401);
    expect(((await res.json()) as any).error.code).toBe('UNAUTHENTICATED');
    const bad = await download(t, doc.id, 'token-palsu');
    expect(bad.status).toBe(401);
  });
});
