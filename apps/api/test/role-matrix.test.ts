/**
 * The role × operation matrix, checked against the schema itself: every Query and Mutation must
 * have a row here (a new operation without a rule fails this test), and for every role the API
 * must refuse exactly the operations the row does not grant. Arguments are generated from the
 * schema; the role gate runs before any argument is looked at, so dummy values are enough.
 */
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputType,
} from 'graphql';
import { CAPABILITIES, ROLES, type CapabilityName, type Role } from '@sipedaki/sop';
import { getSchema } from '../src/schema/build-schema';
import { makeOfficeWithStaff, makeUser } from './factories';
import { startTestApp, type TestApp } from './harness';

const PUBLIC = 'PUBLIC';
const ANY = 'ANY'; // any signed-in user; the service narrows further (own Bidang, own office)
const OFFICE_WIDE: Role[] = ['ADMIN', 'KEPALA_DINAS', 'SEKRETARIS', 'KASUBBAG', 'PENYUSUN'];

export const MATRIX: Record<string, Role[] | typeof PUBLIC | typeof ANY> = {
  // queries
  sopSteps: PUBLIC,
  me: ANY,
  myInbox: ANY,
  dataRequests: ANY,
  dataRequest: ANY,
  submission: ANY,
  submissionVersions: ANY,
  requestHistory: ANY,
  submissionHistory: ANY,
  auditEvents: ['ADMIN', 'SEKRETARIS'],
  auditEntityTypes: ['ADMIN', 'SEKRETARIS'],
  auditActors: ['ADMIN', 'SEKRETARIS'],
  compareSubmissionVersions: ANY,
  bidangList: ANY,
  indicators: ANY,
  renstraPeriods: ANY,
  categoryScale: ANY,
  holidays: ANY,
  office: ANY,
  performanceAnalysis: OFFICE_WIDE,
  users: ['ADMIN'],
  actingAssignments: ['ADMIN'],
  performanceData: ANY,
  apiTokens: ['ADMIN'],
  webhookEndpoints: ['ADMIN'],
  mySessions: ANY,
  notifications: ANY,
  unreadNotificationCount: ANY,
  notificationPreferences: ANY,
  sopMonitoring: ['KASUBBAG', 'SEKRETARIS', 'KEPALA_DINAS'],
  officersForRole: ANY,
  // the kabupaten rollup (issue 15): the pemda roles only
  kabupatenRollup: ['PEMDA_ADMIN', 'PEMDA_ANALYST', 'PEMDA_VIEWER'],
  kabupatenAnalysis: ['PEMDA_ADMIN', 'PEMDA_ANALYST', 'PEMDA_VIEWER'],
  // mutations
  login: PUBLIC,
  verifyDocument: PUBLIC,
  logout: ANY,
  logoutEverywhere: ANY,
  changePassword: ANY,
  revokeSession: ANY,
  markNotificationsRead: ANY,
  markAllNotificationsRead: ANY,
  updateNotificationPreferences: ANY,
  requestPhoneVerification: ANY,
  verifyPhone: ANY,
  registerDataRequest: ['SEKRETARIS'],
  setRequestBidang: ['SEKRETARIS', 'KASUBBAG'],
  addAdHocIndicator: ['SEKRETARIS', 'KASUBBAG'],
  removeAdHocIndicator: ['SEKRETARIS', 'KASUBBAG'],
  setRequesterDeadline: ['SEKRETARIS', 'KASUBBAG'],
  saveSopMonitoring: ['KASUBBAG'],
  signSopMonitoring: ['KASUBBAG'],
  disposeToKasubbag: ['SEKRETARIS'],
  disposeToStaff: ['KASUBBAG'],
  sendFormat: ['PENYUSUN', 'KASUBBAG'],
  forwardCollection: ['PENYUSUN', 'KASUBBAG'],
  compileData: ['KASUBBAG'],
  saveAnalysis: ['KASUBBAG'],
  submitReport: ['KASUBBAG'],
  raiseToKepala: ['SEKRETARIS'],
  returnReport: ['SEKRETARIS'],
  acknowledgeReport: ['KEPALA_DINAS'],
  kepalaReturnReport: ['KEPALA_DINAS'],
  closeCollection: ['KASUBBAG'],
  cancelDataRequest: ['SEKRETARIS'],
  saveSubmission: ['BIDANG_OPERATOR', 'BIDANG_HEAD'],
  submitSubmission: ['BIDANG_OPERATOR', 'BIDANG_HEAD'],
  returnSubmission: ['KASUBBAG', 'PENYUSUN'],
  acceptSubmission: ['KASUBBAG', 'PENYUSUN'],
  approveSubmission: ['BIDANG_HEAD'],
  headReturnSubmission: ['BIDANG_HEAD'],
  setHeadApprovalRequired: ['ADMIN'],
  removeDocument: ANY,
  createUser: ['ADMIN'],
  updateUser: ['ADMIN'],
  resetUserPassword: ['ADMIN'],
  deactivateUser: ['ADMIN'],
  reactivateUser: ['ADMIN'],
  assignActing: ['ADMIN'],
  endActingAssignment: ['ADMIN'],
  addHoliday: ['ADMIN'],
  moveHoliday: ['ADMIN'],
  removeHoliday: ['ADMIN'],
  calendarWarnings: ['ADMIN'],
  setOfficeHours: ['ADMIN'],
  setLetterhead: ['ADMIN'],
  createBidang: ['ADMIN'],
  updateBidang: ['ADMIN'],
  upsertIndicator: ['ADMIN', 'KASUBBAG', 'PENYUSUN'],
  upsertRenstraPeriod: ['ADMIN', 'KASUBBAG', 'PENYUSUN'],
  upsertSasaran: ['ADMIN', 'KASUBBAG', 'PENYUSUN'],
  setScaleCap: ['PEMDA_ADMIN'],
  createApiToken: ['ADMIN'],
  revokeApiToken: ['ADMIN'],
  registerWebhookEndpoint: ['ADMIN'],
  removeWebhookEndpoint: ['ADMIN'],
  // Findings and their follow-up (TL HP, issue 14): written out here as the check of packages/sop FINDING_ROLES.
  findingRegister: [...OFFICE_WIDE, 'APIP', 'BIDANG_OPERATOR', 'BIDANG_HEAD'],
  auditReports: [...OFFICE_WIDE, 'APIP', 'BIDANG_OPERATOR', 'BIDANG_HEAD'],
  findingsOfReport: [...OFFICE_WIDE, 'APIP', 'BIDANG_OPERATOR', 'BIDANG_HEAD'],
  finding: [...OFFICE_WIDE, 'APIP', 'BIDANG_OPERATOR', 'BIDANG_HEAD'],
  recommendation: [...OFFICE_WIDE, 'APIP', 'BIDANG_OPERATOR', 'BIDANG_HEAD'],
  findingDeadlineSettings: [...OFFICE_WIDE, 'APIP'],
  setFindingDeadlineDays: ['KASUBBAG', 'ADMIN'],
  createAuditReport: ['KASUBBAG', 'PENYUSUN', 'ADMIN'],
  addFinding: ['KASUBBAG', 'PENYUSUN', 'ADMIN'],
  updateFinding: ['KASUBBAG', 'PENYUSUN', 'ADMIN'],
  updateAuditReport: ['KASUBBAG', 'PENYUSUN', 'ADMIN'],
  submitFollowUp: ['BIDANG_OPERATOR', 'BIDANG_HEAD'],
  verifyFollowUp: ['APIP'],
  returnFollowUp: ['APIP'],
  // The kabupaten level (issue 15): written out here as the check of packages/sop PEMDA_CAPABILITIES.
  myPemda: ['PEMDA_ADMIN', 'PEMDA_ANALYST', 'PEMDA_VIEWER'],
  pemdaRequests: ['PEMDA_ADMIN', 'PEMDA_ANALYST', 'PEMDA_VIEWER'],
  pemdaRequest: ['PEMDA_ADMIN', 'PEMDA_ANALYST', 'PEMDA_VIEWER'],
  issuePemdaRequest: ['PEMDA_ANALYST'],
  createPemdaOffice: ['PEMDA_ADMIN'],
  setPemdaRoles: ['PEMDA_ADMIN'],
  // LKjIP chapter III draft (issue 14 §3): the check of packages/sop LKJIP_READERS / LKJIP_EDITORS.
  lkjipDraft: ['KASUBBAG', 'PENYUSUN', 'SEKRETARIS', 'KEPALA_DINAS'],
  lkjipPreview: ['KASUBBAG', 'PENYUSUN', 'SEKRETARIS', 'KEPALA_DINAS'],
  generateLkjipDraft: ['KASUBBAG', 'PENYUSUN'],
  saveLkjipDraft: ['KASUBBAG', 'PENYUSUN'],
};

/**
 * The capability table of packages/sop (capabilities.ts) and the GraphQL operations each row
 * gates. The rows written out in MATRIX above are checked against the live API; this ties the
 * table to them, so the table, the gates and this matrix cannot drift apart. The document rows
 * gate file routes, not operations: document-access.test.ts checks them role by role.
 */
export const CAPABILITY_OPERATIONS: Partial<Record<CapabilityName, string[]>> = {
  'request.REGISTER': ['registerDataRequest'],
  'request.DISPOSE_TO_KASUBBAG': ['disposeToKasubbag'],
  'request.DISPOSE_TO_STAFF': ['disposeToStaff'],
  'request.SEND_FORMAT': ['sendFormat'],
  'request.FORWARD_COLLECTION': ['forwardCollection'],
  'request.CLOSE_COLLECTION': ['closeCollection'],
  'request.COMPILE': ['compileData'],
  'request.SUBMIT_REPORT': ['submitReport'],
  'request.RAISE_TO_KEPALA': ['raiseToKepala'],
  'request.RETURN_REPORT': ['returnReport'],
  'request.ACKNOWLEDGE': ['acknowledgeReport'],
  'request.KEPALA_RETURN': ['kepalaReturnReport'],
  'request.CANCEL': ['cancelDataRequest'],
  'analysis.SAVE': ['saveAnalysis'],
  'submission.SAVE_DRAFT': ['saveSubmission'],
  'submission.SUBMIT': ['submitSubmission'],
  'submission.HEAD_APPROVE': ['approveSubmission'],
  'submission.HEAD_RETURN': ['headReturnSubmission'],
  'submission.RETURN': ['returnSubmission'],
  'submission.ACCEPT': ['acceptSubmission'],
  'office.SETTINGS': ['setOfficeHours', 'addHoliday', 'moveHoliday', 'removeHoliday', 'calendarWarnings', 'setLetterhead', 'createBidang', 'updateBidang', 'setHeadApprovalRequired'],
  'office.INDICATORS': ['upsertIndicator', 'upsertRenstraPeriod', 'upsertSasaran'],
};

/**
 * The service-actor column (machine clients, `spdk_…` tokens): the queries a token may run and
 * the scope each needs. Every mutation and every query not listed is refused (FORBIDDEN).
 */
const ANY_SCOPE = 'ANY_SCOPE';
export const SERVICE_MATRIX: Record<string, string> = {
  // public queries need no token at all, so a token does not take them away
  sopSteps: ANY_SCOPE,
  verifyDocument: ANY_SCOPE,
  office: ANY_SCOPE,
  bidangList: ANY_SCOPE,
  indicators: ANY_SCOPE,
  dataRequests: 'READ_REQUESTS',
  dataRequest: 'READ_REQUESTS',
  performanceData: 'READ_PERFORMANCE',
  performanceAnalysis: 'READ_ANALYSES',
};
const ALL_SCOPES = ['READ_REQUESTS', 'READ_PERFORMANCE', 'READ_ANALYSES'];

const UUID = '00000000-0000-4000-8000-000000000000';

function dummy(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return dummy(type.ofType);
  if (isListType(type)) return [];
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0]!.value;
  if (isInputObjectType(named)) {
    return Object.fromEntries(Object.values(named.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, dummy(f.type)]));
  }
  if (isScalarType(named)) {
    return { UUID, String: 'x', Int: 1, Float: 1, Boolean: false, DateTimeISO: '2026-01-01T00:00:00.000Z', Date: '2026-01-01' }[named.name] ?? 'x';
  }
  return null;
}

let t: TestApp;
let ops: { name: string; kind: 'query' | 'mutation'; args: readonly GraphQLArgument[]; leaf: boolean }[];
beforeAll(async () => {
  t = await startTestApp();
  const schema = await getSchema();
  const list = (kind: 'query' | 'mutation') =>
    Object.values((kind === 'query' ? schema.getQueryType() : schema.getMutationType())!.getFields()).map((f) => ({
      name: f.name,
      kind,
      args: f.args,
      leaf: isScalarType(getNamedType(f.type)) || isEnumType(getNamedType(f.type)),
    }));
  ops = [...list('query'), ...list('mutation')];
});
afterAll(() => t.close());

function operation(op: (typeof ops)[number]) {
  const required = op.args.filter((a) => isNonNullType(a.type));
  const vars = Object.fromEntries(required.map((a) => [a.name, dummy(a.type)]));
  const decl = required.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const call = required.map((a) => `${a.name}: $${a.name}`).join(', ');
  const query = `${op.kind}${decl ? `(${decl})` : ''} { ${op.name}${call ? `(${call})` : ''}${op.leaf ? '' : ' { __typename }'} }`;
  return { query, vars };
}

it('every operation of the schema has a rule, and every rule names a real operation', () => {
  const names = ops.map((o) => o.name).sort();
  expect(names.filter((n) => !(n in MATRIX))).toEqual([]);
  expect(Object.keys(MATRIX).filter((n) => !names.includes(n))).toEqual([]);
});

it('every row of the capability table that gates operations names them, and grants exactly the roles this matrix does', () => {
  const gating = (Object.keys(CAPABILITIES) as CapabilityName[]).filter((c) => !c.startsWith('document.'));
  expect(gating.filter((c) => !CAPABILITY_OPERATIONS[c])).toEqual([]);
  const disagree = Object.entries(CAPABILITY_OPERATIONS).flatMap(([cap, names]) =>
    names!.filter((n) => JSON.stringify([...(MATRIX[n] as Role[])].sort()) !== JSON.stringify([...CAPABILITIES[cap as CapabilityName].roles].sort())).map((n) => `${cap} ${n}: ${MATRIX[n]}`),
  );
  expect(disagree).toEqual([]);
});

it('each role is refused exactly the operations it is not granted (and nothing else is refused)', async () => {
  const o = await makeOfficeWithStaff(t.db);
  const tokens = new Map<Role, string>();
  for (const role of ROLES) {
    const u = await makeUser(t.db, o.office.id, [role], role.startsWith('BIDANG') ? o.bidang[0].id : null);
    tokens.set(role, await t.login(u.username));
  }
  const mismatches: string[] = [];
  let checked = 0;
  for (const op of ops) {
    // These would end the sessions the loop still needs.
    if (op.name === 'logout' || op.name === 'logoutEverywhere') continue;
    const rule = MATRIX[op.name]!;
    const { query, vars } = operation(op);
    const anon = await t.gql(query, vars);
    const anonCode = anon.errors?.[0]?.extensions?.code;
    if (rule === PUBLIC ? anonCode === 'UNAUTHENTICATED' : anonCode !== 'UNAUTHENTICATED') mismatches.push(`${op.name} anonymous → ${anonCode}`);
    for (const role of ROLES) {
      const r = await t.gql(query, vars, tokens.get(role));
      const code = r.errors?.[0]?.extensions?.code;
      const allowed = rule === PUBLIC || rule === ANY || rule.includes(role);
      const refusedByGate = code === 'FORBIDDEN' && r.errors?.[0]?.message === 'Anda tidak berwenang melakukan tindakan ini.';
      if (allowed === refusedByGate || code === 'UNAUTHENTICATED' || code === 'INTERNAL_ERROR') mismatches.push(`${op.name} as ${role} → ${code}`);
      checked++;
    }
  }
  // Printed so the figure is visible in the test output.
  process.stdout.write(`role matrix: ${ops.length} operations × ${ROLES.length} roles, ${checked} calls checked, ${mismatches.length} mismatches\n`);
  expect(mismatches).toEqual([]);
  // About a thousand calls one after another: over a minute on a loaded 2-core machine. A budget
  // for the work, not a duration asserted.
}, 600_000);

it('a service token may run exactly the queries its scopes cover, and no mutation at all', async () => {
  const o = await makeOfficeWithStaff(t.db);
  const admin = await t.login(o.users.admin.username);
  const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
  const create = async (scopes: string[]) => {
    const r = await t.gql('mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token } }', { i: { name: `mesin ${scopes.join(' ')}`, scopes, expiresAt } }, admin);
    if (!r.data) throw new Error(JSON.stringify(r.errors));
    return r.data.createApiToken.token as string;
  };
  const all = await create(ALL_SCOPES);
  // One token per scope: it must be refused the queries of every other scope.
  const single = new Map<string, string>();
  for (const scope of ALL_SCOPES) single.set(scope, await create([scope]));
  const mismatches: string[] = [];
  let checked = 0;
  for (const op of ops) {
    const { query, vars } = operation(op);
    const need = op.kind === 'query' ? SERVICE_MATRIX[op.name] : undefined;
    const r = await t.gql(query, vars, all);
    const code = r.errors?.[0]?.extensions?.code;
    checked++;
    if (need ? code === 'FORBIDDEN' || code === 'UNAUTHENTICATED' || code === 'INTERNAL_ERROR' : code !== 'FORBIDDEN') mismatches.push(`${op.name} as service(all scopes) → ${code}`);
    for (const [scope, token] of single) {
      const s = await t.gql(query, vars, token);
      const c = s.errors?.[0]?.extensions?.code;
      const allowed = need === ANY_SCOPE || need === scope;
      checked++;
      if (allowed ? c === 'FORBIDDEN' || c === 'UNAUTHENTICATED' || c === 'INTERNAL_ERROR' : c !== 'FORBIDDEN') mismatches.push(`${op.name} as service(${scope}) → ${c}`);
    }
  }
  process.stdout.write(`role matrix, service column: ${ops.length} operations × 4 tokens, ${checked} calls checked, ${mismatches.length} mismatches\n`);
  expect(mismatches).toEqual([]);
  // Some 800 calls one after another: past jest's 60 s on a loaded 2-core machine (session 5). A
  // budget for the work, as above, not a duration asserted.
}, 600_000);
