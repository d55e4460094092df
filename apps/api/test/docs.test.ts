/**
 * docs/api.md is a contract for other offices' developers: every error code it must name, the
 * HTTP status of each, and every worked example, run against a live API with the role and at the
 * step the example names (the convention is written at the top of docs/api.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { CAPABILITIES, type CapabilityName } from '@sipedaki/sop';
import { ERROR_CATALOG, HTTP_STATUS, type ErrorCode } from '../src/common/errors';
import { makeUser, PASSWORD } from './factories';
import { getSubmission, requestAt, setupOffice, STAGES, uploadDocument, type FlowOffice, type FlowRequest, type Stage } from './flow';
import { errorCode, startTestApp, type TestApp } from './harness';

const DOC_PATH = path.resolve(__dirname, '../../../docs/api.md');
const doc = fs.readFileSync(DOC_PATH, 'utf8');

it('docs/api.md documents every error code a client can receive', () => {
  expect(Object.keys(ERROR_CATALOG).filter((code) => !doc.includes(`\`${code}\``))).toEqual([]);
});

it('docs/api.md gives each error code the HTTP status the file routes answer with', () => {
  // The error table: | `CODE` | status | meaning |
  const rows = [...doc.matchAll(/^\| `([A-Z_]+)`(?:, `([A-Z_]+)`)? \| (\d{3}) \|/gm)].flatMap((m) => [m[1], m[2]].filter(Boolean).map((code) => [code!, Number(m[3])] as const));
  const documented = Object.fromEntries(rows);
  const expected = Object.fromEntries((Object.keys(ERROR_CATALOG) as ErrorCode[]).map((code) => [code, HTTP_STATUS[code] ?? 400]));
  expect(documented).toEqual(expected);
});

/** A worked example: a ```graphql block, its `# as:` / `# at:` / `# expect:` lines, and the ```json variables after it. */
interface Example {
  line: number;
  query: string;
  variables: Record<string, unknown>;
  as: string;
  at: Stage | null;
  expect: string | null;
}

function workedExamples(markdown: string): Example[] {
  const lines = markdown.split('\n');
  const out: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() !== '```graphql') continue;
    const start = i + 1;
    let end = start;
    while (lines[end]!.trim() !== '```') end++;
    const query = lines.slice(start, end).join('\n');
    let j = end + 1;
    while (j < lines.length && lines[j]!.trim() === '') j++;
    let variables: Record<string, unknown> = {};
    if (lines[j]?.trim() === '```json') {
      let k = j + 1;
      while (lines[k]!.trim() !== '```') k++;
      variables = JSON.parse(lines.slice(j + 1, k).join('\n'));
    }
    const marker = (name: string) => query.match(new RegExp(`^# .*\\b${name}: ([A-Za-z_-]+)`, 'm'))?.[1] ?? null;
    out.push({ line: start, query, variables, as: marker('as') ?? 'anonymous', at: marker('at') as Stage | null, expect: marker('expect') });
    i = end;
  }
  return out;
}

const examples = workedExamples(doc);

/** How docs/api.md names the roles in its tables. */
const ROLE_WORDS: Record<string, string> = {
  administrator: 'ADMIN', 'Kepala Dinas': 'KEPALA_DINAS', Sekretaris: 'SEKRETARIS', Kasubbag: 'KASUBBAG', Penyusun: 'PENYUSUN',
  'Bidang operator': 'BIDANG_OPERATOR', 'Kepala Bidang': 'BIDANG_HEAD',
};

it('docs/api.md lists every document and office row of the capability table with exactly its roles', () => {
  const markdown = fs.readFileSync(DOC_PATH, 'utf8');
  const rows = (Object.keys(CAPABILITIES) as CapabilityName[]).filter((c) => c.startsWith('document.') || c.startsWith('office.'));
  expect(rows.length).toBeGreaterThanOrEqual(8);
  const documented = rows.map((c) => {
    const line = markdown.split('\n').find((l) => l.startsWith(`| \`${c}\` |`));
    const words = line ? line.split(' | ')[1]!.split(/[,;] /).map((w) => w.trim()) : [];
    return [c, words.map((w) => ROLE_WORDS[w] ?? `?${w}`).sort()];
  });
  expect(documented).toEqual(rows.map((c) => [c, [...CAPABILITIES[c].roles].sort()]));
});

it('the worked examples follow the convention (known roles and steps, parseable)', () => {
  expect(examples.length).toBeGreaterThanOrEqual(15);
  for (const e of examples) {
    expect({ line: e.line, as: ['anonymous', 'sekretaris', 'kasubbag', 'penyusun', 'operator', 'kepala', 'admin', 'service', 'apip', 'head', 'pemda_analyst', 'pemda_admin', 'pemda_viewer'].includes(e.as) }).toEqual({ line: e.line, as: true });
    if (e.at) expect(STAGES).toContain(e.at);
    expect(() => parse(e.query)).not.toThrow();
  }
});

describe('every worked example of docs/api.md runs against a live API', () => {
  let t: TestApp;
  let o: FlowOffice;
  let serviceToken: string;
  let apipToken: string;
  // Issue 15: users of the office holding the pemda roles (a pemda user is a user of one of its offices).
  const pemdaTokens: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp();
    o = await setupOffice(t);
    const created = await t.gql(
      'mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token } }',
      { i: { name: 'Contoh dokumentasi', scopes: ['READ_REQUESTS', 'READ_PERFORMANCE', 'READ_ANALYSES'], expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString() } },
      o.tok.admin,
    );
    serviceToken = created.data.createApiToken.token;
    apipToken = await t.login((await makeUser(t.db, o.office.id, ['APIP'])).username);
    for (const role of ['PEMDA_ANALYST', 'PEMDA_ADMIN', 'PEMDA_VIEWER'] as const) {
      pemdaTokens[role.toLowerCase()] = await t.login((await makeUser(t.db, o.office.id, [role])).username);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const tokenOf = (as: string) =>
    as === 'anonymous' ? undefined : as === 'service' ? serviceToken : as === 'apip' ? apipToken : as in pemdaTokens ? pemdaTokens[as] : o.tok[(as === 'operator' ? 'op1' : as === 'head' ? 'head1' : as) as keyof FlowOffice['tok']];

  let spare: Promise<string> | undefined;
  /** The values a placeholder in an example's variables stands for. */
  async function fill(value: unknown, req: () => Promise<FlowRequest>): Promise<unknown> {
    if (Array.isArray(value)) return Promise.all(value.map((v) => fill(v, req)));
    if (value && typeof value === 'object') {
      return Object.fromEntries(await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await fill(v, req)] as const)));
    }
    switch (value) {
      case '<request>':
        return (await req()).id;
      case '<submission>':
        return (await req()).submissions[0];
      case '<submissionVersion>':
        return (await getSubmission(t, o.tok.op1, (await req()).submissions[0]!)).version;
      case '<frozenAnalysis>':
        // The submitted (frozen) analysis of the request the example's `at:` brought to its step.
        return (await t.db.performanceAnalysis.findFirstOrThrow({ where: { requestId: (await req()).id, status: 'SUBMITTED' }, orderBy: { version: 'desc' } })).id;
      case '<bidang>':
        return o.bidang[0]!.id;
      case '<indicator>':
        return o.indicators[0]!.id;
      case '<document>': {
        const up = await uploadDocument(t, o.tok.op1, { submissionId: (await req()).submissions[0]!, kind: 'LHP' });
        return (up.body as { id: string }).id;
      }
      case '<expiresAt>':
        return new Date(Date.now() + 30 * 86_400_000).toISOString();
      case '<apiToken>': {
        const r = await t.gql('mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { apiToken { id } } }', {
          i: { name: 'Untuk dicabut', scopes: ['READ_PERFORMANCE'], expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
        }, o.tok.admin);
        return r.data.createApiToken.apiToken.id;
      }
      case '<user>':
        // Another user of the office, made for the example: the examples reset, edit and
        // deactivate it, which must not touch the users the flows sign in as.
        return (await makeUser(t.db, o.office.id, ['BIDANG_OPERATOR'], o.bidang[1]!.id)).id;
      case '<actingAssignment>': {
        const r = await t.gql(
          'mutation($i: AssignActingInput!) { assignActing(input: $i) { id } }',
          { i: { userId: o.users.penyusun.id, role: 'KASUBBAG', kind: 'PLH', validFrom: new Date().toISOString(), validUntil: new Date(Date.now() + 7 * 86_400_000).toISOString(), decreeNo: '800/1/2026' } },
          o.tok.admin,
        );
        return r.data.assignActing.id;
      }
      case '<notification>': {
        // One of the Kasubbag's own notifications (the example that marks it is run as the Kasubbag).
        const key = `docs-${Date.now()}-${Math.random()}`;
        await t.services.notifications.fanOut({ event: 'PASSWORD_RESET', officeId: o.office.id, key, params: {}, link: '/profil', requestId: null, targets: [{ userId: o.users.kasubbag.id }], at: new Date().toISOString() });
        return (await t.db.notification.findFirstOrThrow({ where: { userId: o.users.kasubbag.id, eventKey: key } })).id;
      }
      // Findings (TL HP): a report, a recommendation of the first (or second) Bidang, an action waiting for the APIP.
      case '<auditReport>':
        return findingsFixture('report');
      case '<recommendation>':
        return findingsFixture('recommendation', 0);
      case '<otherBidangRecommendation>':
        return findingsFixture('recommendation', 1);
      case '<followUpAction>':
        return findingsFixture('action');
      // LKjIP (issue 14 §3): a year with a frozen annual analysis, and its draft's latest version.
      case '<lkjipYear>':
        return lkjipYear();
      case '<lkjipVersion>':
        await lkjipYear();
        return (await t.db.lkjipDraft.findFirst({ where: { officeId: o.office.id, year: 2026 }, orderBy: { version: 'desc' } }))?.version ?? 0;
      case '<finding>':
        return findingsFixture('finding');
      // The kabupaten level (issue 15): the office itself, and a request its pemda issued to it.
      case '<office>':
        return o.office.id;
      case '<username>':
        return (await makeUser(t.db, o.office.id, ['PENYUSUN'])).username;
      case '<pemdaRequest>': {
        const r = await t.gql('mutation($i: IssuePemdaRequestInput!) { issuePemdaRequest(input: $i) { id } }', {
          i: { letterNumber: `docs-pemda-${process.pid}-${++findingSeq}`, letterDate: '2026-11-02', subject: 'Contoh', year: 2026, triwulan: 3, officeIds: [o.office.id], items: [], requestedDocuments: [], deadline: new Date(Date.now() + 10 * 86_400_000).toISOString() },
        }, pemdaTokens.pemda_analyst);
        if (r.errors) throw new Error(JSON.stringify(r.errors));
        return r.data.issuePemdaRequest.id;
      }
      case 'sipedaki123':
        return PASSWORD;
      default:
        // The demo office's user names stand for the user of that role.
        if (typeof value === 'string' && value in o.users) return o.users[value as keyof FlowOffice['users']].username;
        return value;
    }
  }

  let lkjipReady: Promise<number> | undefined;
  /** 2026 with the annual request's analysis frozen (step 6 finished), made once. */
  function lkjipYear(): Promise<number> {
    return (lkjipReady ??= requestAt(t, o, 'REPORT_AT_SEKRETARIS', { triwulan: null }).then(() => 2026));
  }

  let findingSeq = 0;
  async function findingsFixture(what: 'report' | 'finding' | 'recommendation' | 'action', bidang = 0): Promise<string> {
    const gql = async (q: string, v: Record<string, unknown>, token: string) => {
      const r = await t.gql(q, v, token);
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      return r.data;
    };
    const report = (
      await gql('mutation($i: CreateAuditReportInput!) { createAuditReport(input: $i) { id } }', { i: { source: 'INSPEKTORAT', number: `docs-${process.pid}-${++findingSeq}`, title: 'Contoh', year: 2027, receivedDate: '2027-01-15' } }, o.tok.kasubbag)
    ).createAuditReport.id as string;
    if (what === 'report') return report;
    const f = await gql(
      'mutation($i: AddFindingInput!) { addFinding(input: $i) { id recommendations { id } } }',
      { i: { reportId: report, bidangId: o.bidang[bidang]!.id, code: '1', title: 'Contoh temuan', kondisi: 'Kondisi.', kriteria: 'Kriteria.', sebab: 'Sebab.', akibat: 'Akibat.', recommendations: [{ code: '1.1', text: 'Rekomendasi.' }] } },
      o.tok.kasubbag,
    );
    if (what === 'finding') return f.addFinding.id as string;
    const rec = f.addFinding.recommendations[0].id as string;
    if (what === 'recommendation') return rec;
    const sent = await gql('mutation($i: SubmitFollowUpInput!) { submitFollowUp(input: $i) { actions { id } } }', { i: { recommendationId: rec, text: 'Tindak lanjut contoh.' } }, o.tok.op1);
    return sent.submitFollowUp.actions[0].id as string;
  }

  it.each(examples.map((e) => [`line ${e.line}: ${e.query.split('\n').find((l) => !l.startsWith('#'))!.slice(0, 60)}`, e] as const))('%s', async (_name, e) => {
    let request: Promise<FlowRequest> | null = null;
    const req = () => (request ??= requestAt(t, o, e.at ?? 'REGISTERED'));
    // An earlier example signs the Penyusun out everywhere; the flow that brings a request to
    // its step needs a live session of the Penyusun.
    if (e.at) o.tok.penyusun = await t.login(o.users.penyusun.username);
    if (e.at) await req();
    const variables = (await fill(e.variables, req)) as Record<string, unknown>;
    const r = await t.gql(e.query, variables, tokenOf(e.as));
    // An example may end sessions (logout, logoutEverywhere, ending a Plt/Plh, a reset): the later
    // examples of those roles sign in again rather than inherit a revoked session.
    if (/^\s*mutation\b/m.test(e.query)) {
      for (const key of Object.keys(o.tok) as (keyof FlowOffice['tok'])[]) {
        const me = await t.gql('query { me { id } }', {}, o.tok[key]);
        // (A user whose password an example changed, or who was deactivated, stays signed out.)
        if (me.errors?.length) o.tok[key] = await t.login(o.users[key as keyof FlowOffice['users']].username).catch(() => o.tok[key]);
      }
    }
    if (e.expect) expect({ line: e.line, code: errorCode(r) }).toEqual({ line: e.line, code: e.expect });
    else expect({ line: e.line, errors: r.errors }).toEqual({ line: e.line, errors: undefined });
    // An example that ends the caller's sessions (logoutEverywhere): sign in again, as a client
    // would, so that the examples after it (and the flow that sets up their stage) still run.
    if (/\blogoutEverywhere\b/.test(e.query) && e.as in o.tok) o.tok[e.as as keyof FlowOffice['tok']] = await t.login(o.users[e.as as keyof FlowOffice['users']].username);
  });
});
