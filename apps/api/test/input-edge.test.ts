/**
 * Bad input is refused at the edge (issue 9, item 8): before any resolver runs, with
 * VALIDATION_FAILED naming the field, never a database error behind INTERNAL_ERROR.
 * One attack class per kind of bad input the attack found — control characters and lone
 * surrogates in strings, numbers a column cannot hold, date-times where a date belongs, non-UUIDs
 * in ids and cursors — each with the attack's own reproduction, and sweeps generated from the
 * schema that put such a value into every string, date and id of every operation.
 */
import { getNamedType, isInputObjectType, type GraphQLInputType } from 'graphql';
import { ROLES } from '@sipedaki/sop';
import { ERROR_CATALOG } from '../src/common/errors';
import { TEXT_REFUSED as TEXT_REFUSED_BOTH } from '../src/common/input-guard';

const TEXT_REFUSED = TEXT_REFUSED_BOTH.id;
import { getSchema } from '../src/schema/build-schema';
import { attacks } from './attacks';
import { makeUser, PASSWORD } from './factories';
import { callSaveSubmission, getSubmission, registerInput, requestAt, setupOffice, snapshot, type FlowOffice } from './flow';
import { errorCode, startTestApp, type GqlResult, type TestApp, fieldsOf } from './harness';
import { fieldName, operationLeaves, operations, sampleArgs, withLiterals, withValue, withVariables, type Operation } from './schema-inputs';

let t: TestApp;
let o: FlowOffice;
let ops: Operation[];
beforeAll(async () => {
  t = await startTestApp();
  o = await setupOffice(t);
  ops = operations(await getSchema());
});
afterAll(() => t.close());

const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { token } }';
const REGISTER = 'mutation($i: RegisterDataRequestInput!) { registerDataRequest(input: $i) { id } }';
const UPSERT_INDICATOR = 'mutation($i: UpsertIndicatorInput!) { upsertIndicator(input: $i) { id } }';
const ADD_HOLIDAY = 'mutation($i: AddHolidayInput!) { addHoliday(input: $i) { holiday { date } } }';
const LIST = 'query($after: String) { dataRequests(first: 1, after: $after) { totalCount edges { node { id } } pageInfo { endCursor } } }';

/**
 * VALIDATION_FAILED with the catalog's text, exactly these fields, no data and none of GraphQL's
 * English. HTTP 400 when refused before execution (the default), 200 when a service refused it.
 */
function expectRefused(r: GqlResult, fields: { field: string; message: string | RegExp }[], status = 400) {
  expect(errorCode(r)).toBe('VALIDATION_FAILED');
  expect(r.status).toBe(status);
  expect(r.errors).toHaveLength(1);
  expect(r.errors![0]!.message).toBe(ERROR_CATALOG.VALIDATION_FAILED.id);
  expect(r.errors![0]!.extensions!.fields).toEqual(
    fields.map((f) => ({ field: f.field, message: typeof f.message === 'string' ? f.message : expect.stringMatching(f.message), messageEn: expect.stringMatching(/\S/) })),
  );
  expect(r.data ?? null).toBeNull();
  expect(JSON.stringify(r.errors)).not.toMatch(/Variable "\$|Expected value|cannot represent|Syntax Error/);
}

const base64url = (s: string) => Buffer.from(s).toString('base64url');
const sessions = (userId: string) => t.db.session.count({ where: { userId } });

describe('strings: a NUL, another control character or a lone surrogate → VALIDATION_FAILED on the field', () => {
  const attack = attacks('masukan: karakter kontrol dan surrogate tunggal');

  it('login with a NUL in the login name (was INTERNAL_ERROR): refused before the account is looked up', () =>
    attack('login NUL', async () => {
      const u = o.users.sekretaris;
      const [before, failed] = [await sessions(u.id), (await t.db.user.findUniqueOrThrow({ where: { id: u.id } })).failedLogins];
      expectRefused(await t.gql(LOGIN, { i: { login: `${u.username}\u0000`, password: PASSWORD } }), [{ field: 'login', message: TEXT_REFUSED }]);
      expect(await sessions(u.id)).toBe(before);
      expect((await t.db.user.findUniqueOrThrow({ where: { id: u.id } })).failedLogins).toBe(failed);
    }));

  it('login with a lone surrogate in the password: refused, not counted as a failed login', () =>
    attack('login lone surrogate', async () => {
      const u = o.users.kasubbag;
      const failed = (await t.db.user.findUniqueOrThrow({ where: { id: u.id } })).failedLogins;
      expectRefused(await t.gql(LOGIN, { i: { login: u.username, password: `${PASSWORD}\uD83D` } }), [{ field: 'password', message: TEXT_REFUSED }]);
      expect((await t.db.user.findUniqueOrThrow({ where: { id: u.id } })).failedLogins).toBe(failed);
    }));

  it('a NUL escaped inside a literal argument of the document (\\u0000): refused, nothing stored', () =>
    attack('literal NUL in registerDataRequest', async () => {
      const before = await t.db.dataRequest.count({ where: { officeId: o.office.id } });
      const i = registerInput();
      const doc = `mutation { registerDataRequest(input: { year: 2026, triwulan: 3, letterNumber: ${JSON.stringify(i.letterNumber)}, letterDate: "2026-10-01",
        sender: "Bappeda", subject: "Permintaan\\u0000data", indicatorIds: [], requestedDocuments: [LHP] }) { id } }`;
      expectRefused(await t.gql(doc, {}, o.tok.sekretaris), [{ field: 'subject', message: TEXT_REFUSED }]);
      expect(await t.db.dataRequest.count({ where: { officeId: o.office.id } })).toBe(before);
    }));

  it('an escape character (U+001B) in a variable used inside a literal object names that field', () =>
    attack('ESC in a nested variable', async () => {
      const doc = 'mutation($s: String!) { registerDataRequest(input: { year: 2026, letterNumber: "L/1", letterDate: "2026-10-01", sender: "B", subject: $s, indicatorIds: [], requestedDocuments: [] }) { id } }';
      expectRefused(await t.gql(doc, { s: 'warna \u001b[31m merah' }, o.tok.sekretaris), [{ field: 'subject', message: TEXT_REFUSED }]);
    }));

  it('a lone low surrogate in one value note of a submission: refused, the submission unchanged', () =>
    attack('saveSubmission lone surrogate', async () => {
      const req = await requestAt(t, o, 'COLLECTING');
      const before = await snapshot(t, req.id);
      const s = await getSubmission(t, o.tok.op1, req.submissions[0]!);
      const r = await callSaveSubmission(t, o.tok.op1, { submissionId: s.id, expectedVersion: s.version, values: [{ indicatorId: o.indicators[0].id, realisasi: 70, note: 'ok\uDC00' }] });
      expectRefused(r, [{ field: 'values.0.note', message: TEXT_REFUSED }]);
      expect(await snapshot(t, req.id)).toEqual(before);
    }));

  it('tab, line feed and carriage return are text, and a surrogate pair (emoji) is one character: accepted', async () => {
    const req = await requestAt(t, o, 'COLLECTING');
    const s = await getSubmission(t, o.tok.op1, req.submissions[0]!);
    const note = 'baris 1\r\nbaris 2\tkolom 👍';
    const r = await callSaveSubmission(t, o.tok.op1, { submissionId: s.id, expectedVersion: s.version, values: [{ indicatorId: o.indicators[0].id, realisasi: 70, note }] });
    expect(r.errors).toBeUndefined();
    expect((await getSubmission(t, o.tok.op1, s.id)).values.find((v: { indicatorId: string }) => v.indicatorId === o.indicators[0].id).note).toBe(note);
  });
});

describe('numbers a column cannot hold → VALIDATION_FAILED on the field', () => {
  const attack = attacks('masukan: angka melebihi kolom');
  const indicatorInput = (target: Record<string, unknown>) => ({
    code: `OVF-${Date.now()}`,
    bidangId: o.bidang[0].id,
    sasaran: 'Sasaran uji',
    name: 'Indikator uji',
    satuan: '%',
    polarity: 'RANGE',
    targets: [{ year: 2026, triwulan: 1, target: 10, ...target }],
  });
  const indicators = () => t.db.indicator.count({ where: { officeId: o.office.id } });

  it('an indicator target ≥ 1e14, the attack’s value (the column is Decimal(18,4); was INTERNAL_ERROR)', () =>
    attack('target 1e14', async () => {
      const before = await indicators();
      expectRefused(await t.gql(UPSERT_INDICATOR, { i: indicatorInput({ target: 1e14 }) }, o.tok.admin), [{ field: 'targets.0.target', message: /^Target di luar rentang/ }], 200);
      expect(await indicators()).toBe(before);
    }));

  it('a target upper bound of −1e15', () =>
    attack('targetUpper -1e15', async () => {
      const before = await indicators();
      const r = await t.gql(UPSERT_INDICATOR, { i: indicatorInput({ targetUpper: -1e15 }) }, o.tok.admin);
      expect(errorCode(r)).toBe('VALIDATION_FAILED');
      expect(fieldsOf(r)).toEqual([{ field: 'targets.0.targetUpper', message: expect.stringMatching(/^Batas atas target di luar rentang/) }]);
      expect(await indicators()).toBe(before);
    }));

  it('a realisasi of 1e14 in a submission', () =>
    attack('realisasi 1e14', async () => {
      const req = await requestAt(t, o, 'COLLECTING');
      const before = await snapshot(t, req.id);
      const s = await getSubmission(t, o.tok.op1, req.submissions[0]!);
      const r = await callSaveSubmission(t, o.tok.op1, { submissionId: s.id, expectedVersion: s.version, values: [{ indicatorId: o.indicators[0].id, realisasi: 1e14 }] });
      expect(errorCode(r)).toBe('VALIDATION_FAILED');
      expect(fieldsOf(r)).toEqual([{ field: 'values.0.realisasi', message: expect.stringMatching(/^Realisasi di luar rentang/) }]);
      expect(await snapshot(t, req.id)).toEqual(before);
    }));

  it('an Int beyond 32 bits (a year of 2^31) is refused by type, naming the field', () =>
    attack('year 2^31', async () => {
      expectRefused(await t.gql(REGISTER, { i: registerInput({ year: 2 ** 31 }) }, o.tok.sekretaris), [{ field: 'year', message: /^Harus berupa bilangan bulat/ }]);
    }));

  it('a literal Float too large for a double (1e400 reads as Infinity) is refused, naming the field', () =>
    attack('target 1e400 literal', async () => {
      const before = await indicators();
      const doc = `mutation { upsertIndicator(input: { code: "X1", bidangId: "${o.bidang[0].id}", sasaran: "Sasaran", name: "Indikator", satuan: "%",
        polarity: HIGHER_IS_BETTER, targets: [{ year: 2026, triwulan: 1, target: 1e400 }] }) { id } }`;
      const r = await t.gql(doc, {}, o.tok.admin);
      expect(errorCode(r)).toBe('VALIDATION_FAILED');
      expect(fieldsOf(r)).toContainEqual({ field: 'targets.0.target', message: 'Target harus berupa angka' });
      expect(await indicators()).toBe(before);
    }));

  it('holidays of the year 2147483647 (the largest Int): VALIDATION_FAILED, not a date error', () =>
    attack('holidays(year: 2^31-1)', async () => {
      const r = await t.gql('query { holidays(year: 2147483647) { date } }', {}, o.tok.admin);
      expect(errorCode(r)).toBe('VALIDATION_FAILED');
      expect(fieldsOf(r)).toEqual([{ field: 'year', message: expect.any(String) }]);
    }));
});

describe('a date-time (or no such day) where a calendar date belongs → VALIDATION_FAILED on the field', () => {
  const attack = attacks('masukan: tanggal');
  const requests = () => t.db.dataRequest.count({ where: { officeId: o.office.id } });
  const holidays = () => t.db.holiday.count({ where: { officeId: o.office.id } });
  const NOT_A_DATE = /^Tanggal harus berformat YYYY-MM-DD, tanpa jam/;

  it.each(['2026-10-01T00:00:00Z', '2026-10-01T00:00:00.000+07:00', '2026-10-01 08:00', '01/10/2026', '2026-10-1', '0000-01-01', ''])('letterDate %j (was INTERNAL_ERROR for a date-time)', (letterDate) =>
    attack(`letterDate ${letterDate}`, async () => {
      const before = await requests();
      expectRefused(await t.gql(REGISTER, { i: registerInput({ letterDate }) }, o.tok.sekretaris), [{ field: 'letterDate', message: NOT_A_DATE }]);
      expect(await requests()).toBe(before);
    }),
  );

  it.each(['2026-02-30', '2026-13-01', '2025-02-29'])('letterDate %j: a day that does not exist', (letterDate) =>
    attack(`letterDate ${letterDate}`, async () => {
      expectRefused(await t.gql(REGISTER, { i: registerInput({ letterDate }) }, o.tok.sekretaris), [{ field: 'letterDate', message: `Tanggal ${letterDate} tidak ada di kalender.` }]);
    }),
  );

  it('a holiday given as a date-time, in a variable and written literally', () =>
    attack('addHoliday date-time', async () => {
      const before = await holidays();
      expectRefused(await t.gql(ADD_HOLIDAY, { i: { date: '2026-12-24T00:00:00+07:00', name: 'Cuti bersama' } }, o.tok.admin), [{ field: 'date', message: NOT_A_DATE }]);
      expectRefused(await t.gql('mutation { addHoliday(input: { date: "2026-12-24T00:00:00Z", name: "Cuti" }) { holiday { date } } }', {}, o.tok.admin), [{ field: 'date', message: NOT_A_DATE }]);
      expect(await holidays()).toBe(before);
    }));

  it('a real date goes through and comes back as the same YYYY-MM-DD', async () => {
    const r = await t.gql(ADD_HOLIDAY, { i: { date: '2028-02-29', name: 'Libur kabisat' } }, o.tok.admin);
    expect(r.errors).toBeUndefined();
    expect(r.data.addHoliday.holiday.date).toBe('2028-02-29');
  });
});

describe('ids and page cursors that are not UUIDs → VALIDATION_FAILED on the field', () => {
  const attack = attacks('masukan: UUID dan kursor');
  const BAD_CURSOR = 'Kursor halaman tidak valid: pakai endCursor dari halaman sebelumnya.';
  const NOT_UUID = /^Harus berupa UUID/;

  it.each([
    ['a non-UUID after the time (the attack’s cursor; was INTERNAL_ERROR)', base64url('2026-01-01T00:00:00.000Z|bukan-uuid')],
    ['SQL after the time', base64url("2026-01-01T00:00:00.000Z|' OR 1=1 --")],
    ['a bad time', base64url('kemarin|00000000-0000-4000-8000-000000000000')],
    ['no time at all', base64url('00000000-0000-4000-8000-000000000000')],
    ['three parts', base64url('2026-01-01T00:00:00.000Z|00000000-0000-4000-8000-000000000000|x')],
    ['not base64url', '!!!'],
  ])('dataRequests(after:) with %s', (_name, after) =>
    attack(`dataRequests cursor ${_name}`, async () => {
      expectRefused(await t.gql(LIST, { after }, o.tok.sekretaris), [{ field: 'after', message: BAD_CURSOR }], 200);
    }),
  );

  it('performanceData(after:) with a non-UUID', () =>
    attack('performanceData cursor', async () => {
      const r = await t.gql('query($a: String) { performanceData(after: $a) { totalCount } }', { a: base64url('1 OR 1=1') }, o.tok.sekretaris);
      expect(errorCode(r)).toBe('VALIDATION_FAILED');
      expect(fieldsOf(r)).toEqual([{ field: 'after', message: BAD_CURSOR }]);
    }));

  it('a cursor the API gave out still pages (and upper-case hex in it is the same id)', async () => {
    await requestAt(t, o, 'REGISTERED');
    await requestAt(t, o, 'REGISTERED');
    const first = await t.gql(LIST, {}, o.tok.sekretaris);
    const cursor: string = first.data.dataRequests.pageInfo.endCursor;
    const second = await t.gql(LIST, { after: cursor }, o.tok.sekretaris);
    expect(second.errors).toBeUndefined();
    expect(second.data.dataRequests.edges[0].node.id).not.toBe(first.data.dataRequests.edges[0].node.id);
    const [time, id] = Buffer.from(cursor, 'base64url').toString().split('|');
    const upper = await t.gql(LIST, { after: base64url(`${time}|${id!.toUpperCase()}`) }, o.tok.sekretaris);
    expect(upper.data.dataRequests.edges[0].node.id).toBe(second.data.dataRequests.edges[0].node.id);
  });

  it('a non-UUID among indicatorIds (was INTERNAL_ERROR): the element is named, nothing stored', () =>
    attack('indicatorIds', async () => {
      const before = await t.db.dataRequest.count({ where: { officeId: o.office.id } });
      expectRefused(await t.gql(REGISTER, { i: registerInput({ indicatorIds: [o.indicators[0].id, 'abc'] }) }, o.tok.sekretaris), [{ field: 'indicatorIds.1', message: NOT_UUID }]);
      expect(await t.db.dataRequest.count({ where: { officeId: o.office.id } })).toBe(before);
    }));

  it.each([
    ['written literally', 'query { dataRequest(id: "1 OR 1=1") { id } }', {}],
    ['a braced UUID in a variable', 'query($id: UUID!) { dataRequest(id: $id) { id } }', { id: '{00000000-0000-4000-8000-000000000000}' }],
    ['a URN in a variable', 'query($id: UUID!) { dataRequest(id: $id) { id } }', { id: 'urn:uuid:00000000-0000-4000-8000-000000000000' }],
    ['a number', 'query($id: UUID!) { dataRequest(id: $id) { id } }', { id: 42 }],
  ])('dataRequest(id:) %s', (_name, doc, vars) =>
    attack(`dataRequest id ${_name}`, async () => {
      expectRefused(await t.gql(doc, vars, o.tok.sekretaris), [{ field: 'id', message: NOT_UUID }]);
    }),
  );

  it('an id in upper-case hex is the same record', async () => {
    const req = await requestAt(t, o, 'REGISTERED');
    const r = await t.gql('query($id: UUID!) { dataRequest(id: $id) { id } }', { id: req.id.toUpperCase() }, o.tok.sekretaris);
    expect(r.errors).toBeUndefined();
    expect(r.data.dataRequest.id).toBe(req.id);
  });

  it('a client still declaring ids as ID! is told to use UUID (BAD_REQUEST), not served', async () => {
    const r = await t.gql('query($id: ID!) { dataRequest(id: $id) { id } }', { id: '00000000-0000-4000-8000-000000000000' }, o.tok.sekretaris);
    expect(errorCode(r)).toBe('BAD_REQUEST');
    expect(r.errors![0]!.extensions!.messageEn).toContain('"UUID!"');
  });
});

describe('other shapes GraphQL refuses are named too', () => {
  it('an unknown enum value in a literal list names the element', async () => {
    const r = await t.gql('{ dataRequests(filter: { status: [DROP_TABLE] }) { totalCount } }', {}, o.tok.sekretaris);
    expectRefused(r, [{ field: 'filter.status.0', message: /^Pilihan tidak dikenal\. Yang berlaku: AT_SEKRETARIS, .*, CANCELLED\.$/ }]);
  });

  it('in production the valid choices are not listed (as GraphQL’s own suggestions are not)', async () => {
    const prod = await startTestApp({ NODE_ENV: 'production', SEED_DEMO: 'false' });
    try {
      const literal = await prod.gql('{ dataRequests(filter: { status: [DROP_TABLE] }) { totalCount } }');
      expectRefused(literal, [{ field: 'filter.status.0', message: 'Pilihan tidak dikenal.' }]);
      const variable = await prod.gql('query($s: [RequestStatus!]) { dataRequests(filter: { status: $s }) { totalCount } }', { s: ['DONE', 'DROP_TABLE'] });
      expectRefused(variable, [{ field: 'filter.status.1', message: 'Pilihan tidak dikenal.' }]);
    } finally {
      await prod.close();
    }
  });

  it('a missing required field and an unknown one, in a variable', async () => {
    const { letterNumber: _omit, ...rest } = registerInput();
    const r = await t.gql(REGISTER, { i: { ...rest, surplus: 1, constructor: 'x' } }, o.tok.sekretaris);
    expect(errorCode(r)).toBe('VALIDATION_FAILED');
    expect(fieldsOf(r)).toEqual(
      expect.arrayContaining([
        { field: 'surplus', message: 'Kolom ini tidak dikenal.' },
        { field: 'constructor', message: 'Kolom ini tidak dikenal.' },
        { field: 'letterNumber', message: 'Wajib diisi.' },
      ]),
    );
  });

  it('a required field missing from a literal object, and null for a required argument', async () => {
    expectRefused(await t.gql('mutation { addHoliday(input: { name: "Libur" }) { holiday { date } } }', {}, o.tok.admin), [{ field: 'date', message: 'Wajib diisi.' }]);
    expectRefused(await t.gql('query { dataRequest(id: null) { id } }', {}, o.tok.admin), [{ field: 'id', message: 'Wajib diisi.' }]);
    expectRefused(await t.gql('query($id: UUID!) { dataRequest(id: $id) { id } }', {}, o.tok.admin), [{ field: 'id', message: 'Wajib diisi.' }]);
  });
});

describe('sweeps over the schema: every string, date and id of every operation', () => {
  const attack = attacks('masukan: sapuan skema (setiap argumen)');
  let allRoles: string;
  beforeAll(async () => {
    // Every role at once, so no role gate could answer first; the edge answers before any gate.
    const u = await makeUser(t.db, o.office.id, [...ROLES], o.bidang[0].id);
    allRoles = await t.login(u.username);
  });

  /** Puts `bad` into every leaf of type `type` in turn, in variables; returns "op field → code" for each miss. */
  async function sweep(type: string, bad: unknown, message: string | RegExp, literal = false) {
    const misses: string[] = [];
    let tried = 0;
    for (const op of ops) {
      const args = sampleArgs(op);
      for (const leaf of operationLeaves(op).filter((l) => l.type === type)) {
        tried++;
        const given = withValue(args, leaf.path, bad);
        const r = literal ? await t.gql(withLiterals(op, given), {}, allRoles) : await t.gql(withVariables(op), given, allRoles);
        const want = fieldName(leaf.path);
        const fields = (r.errors?.[0]?.extensions?.fields ?? []) as { field: string; message: string }[];
        const ok =
          errorCode(r) === 'VALIDATION_FAILED' &&
          r.status === 400 &&
          fields.length === 1 &&
          fields[0]!.field === want &&
          (typeof message === 'string' ? fields[0]!.message === message : message.test(fields[0]!.message));
        await attack(`${op.name} ${want}`, async () => expect(ok).toBe(true)).catch(() => misses.push(`${op.name} ${want} → ${errorCode(r) ?? 'OK'} ${JSON.stringify(fields)}`));
      }
    }
    return { misses, tried };
  }

  it('the samples themselves pass the edge (so each refusal below is the bad value’s alone)', async () => {
    const refused: string[] = [];
    for (const op of ops) {
      if (op.name === 'logout') continue;
      const r = await t.gql(withVariables(op), sampleArgs(op), allRoles);
      if (r.status === 400) refused.push(`${op.name} → ${JSON.stringify(r.errors)}`);
    }
    expect(refused).toEqual([]);
  });

  it.each<[string, string, string | RegExp, boolean]>([
    ['a NUL in every String (variables)', 'a\u0000b', TEXT_REFUSED, false],
    ['a lone high surrogate in every String (variables)', 'a\uD800b', TEXT_REFUSED, false],
    ['a lone low surrogate in every String (variables)', '\uDFFFb', TEXT_REFUSED, false],
    ['a backspace (U+0008) in every String (variables)', 'a\bb', TEXT_REFUSED, false],
    ['a NUL in every String (written literally as \\u0000)', 'a\u0000b', TEXT_REFUSED, true],
  ])('%s → VALIDATION_FAILED naming it', async (_name, bad, message, literal) => {
    const { misses, tried } = await sweep('String', bad, message, literal);
    process.stdout.write(`[input-edge] ${_name}: ${tried} string fields, ${misses.length} misses\n`);
    expect(tried).toBeGreaterThan(40);
    expect(misses).toEqual([]);
  });

  it('a date-time in every Date, and a non-UUID in every UUID → VALIDATION_FAILED naming it', async () => {
    const dates = await sweep('Date', '2026-01-05T00:00:00Z', /^Tanggal harus berformat/);
    const ids = await sweep('UUID', 'not-a-uuid', /^Harus berupa UUID/);
    const idsLiteral = await sweep('UUID', 'x', /^Harus berupa UUID/);
    process.stdout.write(`[input-edge] Date fields: ${dates.tried}; UUID fields: ${ids.tried}\n`);
    expect(dates.tried).toBeGreaterThanOrEqual(2);
    expect(ids.tried).toBeGreaterThan(20);
    expect([...dates.misses, ...ids.misses, ...idsLiteral.misses]).toEqual([]);
  });

  it('every id argument and id input field is a UUID, every date-only field a Date (no ID or String left to hand checks)', async () => {
    const schema = await getSchema();
    const wrong: string[] = [];
    const check = (where: string, name: string, type: GraphQLInputType) => {
      const named = getNamedType(type).name;
      if (/^id$|Id$|Ids$/.test(name) && named !== 'UUID') wrong.push(`${where}.${name}: ${named}`);
      if (/^date$|Date$/.test(name) && named !== 'Date') wrong.push(`${where}.${name}: ${named}`);
      if (named === 'ID') wrong.push(`${where}.${name}: ID`);
    };
    for (const op of ops) for (const a of op.args) check(op.name, a.name, a.type);
    for (const type of Object.values(schema.getTypeMap())) {
      if (isInputObjectType(type)) for (const f of Object.values(type.getFields())) check(type.name, f.name, f.type);
    }
    expect(wrong).toEqual([]);
  });
});
