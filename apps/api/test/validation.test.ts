/**
 * Input validation through the API: Indonesian field messages for bad registrations, duplicate
 * letter numbers, NIP checks on createUser, and malformed GraphQL without internals in the answer.
 */
import { makeNip } from './factories';
import { registerInput, setupOffice, type FlowOffice } from './flow';
import { errorCode, startTestApp, type TestApp, fieldsOf } from './harness';

let t: TestApp;
let o: FlowOffice;
beforeAll(async () => {
  t = await startTestApp();
  o = await setupOffice(t);
});
afterAll(async () => {
  await t.close();
});

const REGISTER = 'mutation($i: RegisterDataRequestInput!) { registerDataRequest(input: $i) { id letterNumber status } }';
const CREATE_USER = 'mutation($i: CreateUserInput!) { createUser(input: $i) { id username nip roles } }';

const requestCount = () => t.db.dataRequest.count({ where: { officeId: o.office.id } });

describe('registerDataRequest: bad input → VALIDATION_FAILED with Indonesian field messages', () => {
  it.each<[string, Record<string, unknown>, { field: string; message: string; messageEn: string }[]]>([
    ['year 1999', { year: 1999 }, [{ field: 'year', message: 'Tahun harus antara 2000 dan 2100', messageEn: 'The year must be between 2000 and 2100' }]],
    ['year 2101', { year: 2101 }, [{ field: 'year', message: 'Tahun harus antara 2000 dan 2100', messageEn: 'The year must be between 2000 and 2100' }]],
    ['triwulan 5', { triwulan: 5 }, [{ field: 'triwulan', message: 'Triwulan harus 1 sampai 4', messageEn: 'The triwulan (quarter) must be 1 to 4' }]],
    ['triwulan 0', { triwulan: 0 }, [{ field: 'triwulan', message: 'Triwulan harus 1 sampai 4', messageEn: 'The triwulan (quarter) must be 1 to 4' }]],
    ['empty letter number', { letterNumber: '' }, [{ field: 'letterNumber', message: 'Nomor surat wajib diisi (maksimal 100 karakter)', messageEn: 'The letter number is required (at most 100 characters)' }]],
    ['blank letter number', { letterNumber: '   ' }, [{ field: 'letterNumber', message: 'Nomor surat wajib diisi (maksimal 100 karakter)', messageEn: 'The letter number is required (at most 100 characters)' }]],
    ['blank sender', { sender: '  ' }, [{ field: 'sender', message: 'Pengirim surat wajib diisi (maksimal 200 karakter)', messageEn: 'The sender is required (at most 200 characters)' }]],
    ['letterDate 2026-13-45', { letterDate: '2026-13-45' }, [{ field: 'letterDate', message: 'Tanggal 2026-13-45 tidak ada di kalender.', messageEn: 'There is no such day as 2026-13-45.' }]],
    ['letterDate 2026-02-30', { letterDate: '2026-02-30' }, [{ field: 'letterDate', message: 'Tanggal 2026-02-30 tidak ada di kalender.', messageEn: 'There is no such day as 2026-02-30.' }]],
    ['letterDate 01/10/2026', { letterDate: '01/10/2026' }, [{ field: 'letterDate', message: 'Tanggal harus berformat YYYY-MM-DD, tanpa jam (mis. 2026-10-01).', messageEn: 'A date must be YYYY-MM-DD, without a time (e.g. 2026-10-01).' }]],
  ])('%s', async (_name, bad, fields) => {
    const before = await requestCount();
    const r = await t.gql(REGISTER, { i: registerInput(bad) }, o.tok.sekretaris);
    expect(errorCode(r)).toBe('VALIDATION_FAILED');
    expect(r.errors![0]!.message).toBe('Isian tidak valid. Periksa kembali data yang dimasukkan.');
    expect(r.errors![0]!.extensions!.fields).toEqual(fields);
    expect(r.data ?? null).toBeNull();
    expect(await requestCount()).toBe(before);
  });

  it('several bad fields at once are all listed', async () => {
    const r = await t.gql(REGISTER, { i: registerInput({ year: 1999, triwulan: 5, letterNumber: '', subject: '' }) }, o.tok.sekretaris);
    expect(errorCode(r)).toBe('VALIDATION_FAILED');
    const fields = r.errors![0]!.extensions!.fields as { field: string; message: string }[];
    expect(fields.map((f) => f.field).sort()).toEqual(['letterNumber', 'subject', 'triwulan', 'year']);
    for (const f of fields) expect(f.message).toMatch(/Tahun|Triwulan|Nomor surat|Perihal/);
  });

  it('a value that does not fit its type is refused at the edge first (HTTP 400), before the rules above are checked', async () => {
    const r = await t.gql(REGISTER, { i: registerInput({ year: 1999, letterDate: '2026-13-45' }) }, o.tok.sekretaris);
    expect(r.status).toBe(400);
    expect(fieldsOf(r)).toEqual([{ field: 'letterDate', message: 'Tanggal 2026-13-45 tidak ada di kalender.' }]);
  });

  it('an indicator of another office → VALIDATION_FAILED on indicatorIds', async () => {
    const other = await setupOffice(t);
    const before = await requestCount();
    const r = await t.gql(REGISTER, { i: registerInput({ indicatorIds: [other.indicators[0].id] }) }, o.tok.sekretaris);
    expect(errorCode(r)).toBe('VALIDATION_FAILED');
    expect(r.errors![0]!.extensions!.fields).toEqual([{ field: 'indicatorIds', message: 'Indikator tidak dikenal atau tidak aktif', messageEn: 'Unknown or inactive indicator' }]);
    expect(await requestCount()).toBe(before);
  });

  it('a valid registration goes through (the cases above fail only for their bad field)', async () => {
    const r = await t.gql(REGISTER, { i: registerInput() }, o.tok.sekretaris);
    expect(r.errors).toBeUndefined();
    expect(r.data.registerDataRequest.status).toBe('AT_SEKRETARIS');
  });
});

describe('duplicate letter number', () => {
  it('the same letter number twice in one office → DUPLICATE, one request stored', async () => {
    const input = registerInput();
    const first = await t.gql(REGISTER, { i: input }, o.tok.sekretaris);
    expect(first.errors).toBeUndefined();
    const before = await requestCount();
    const again = await t.gql(REGISTER, { i: { ...input, subject: 'Surat yang sama' } }, o.tok.sekretaris);
    expect(errorCode(again)).toBe('DUPLICATE');
    expect(again.errors![0]!.message).toContain(input.letterNumber);
    const padded = await t.gql(REGISTER, { i: { ...input, letterNumber: `  ${input.letterNumber} ` } }, o.tok.sekretaris);
    expect(errorCode(padded)).toBe('DUPLICATE');
    expect(await requestCount()).toBe(before);
    expect(await t.db.dataRequest.count({ where: { officeId: o.office.id, letterNumber: input.letterNumber } })).toBe(1);
  });

  it('the same letter number in another office is allowed', async () => {
    const input = registerInput();
    const other = await setupOffice(t);
    expect((await t.gql(REGISTER, { i: input }, o.tok.sekretaris)).errors).toBeUndefined();
    const r = await t.gql(REGISTER, { i: input }, other.tok.sekretaris);
    expect(r.errors).toBeUndefined();
    expect(r.data.registerDataRequest.letterNumber).toBe(input.letterNumber);
  });

  it('two simultaneous registrations of one letter → one request and one DUPLICATE (not an internal error)', async () => {
    const input = registerInput();
    const results = await Promise.all([0, 1, 2].map(() => t.gql(REGISTER, { i: input }, o.tok.sekretaris)));
    const codes = results.map((r) => errorCode(r) ?? 'OK').sort();
    expect(codes).toEqual(['DUPLICATE', 'DUPLICATE', 'OK']);
    expect(await t.db.dataRequest.count({ where: { officeId: o.office.id, letterNumber: input.letterNumber } })).toBe(1);
  });
});

describe('createUser: NIP checks', () => {
  let seq = 0;
  const userInput = (nip: string) => {
    seq += 1;
    return { username: `pegawai.${process.pid}.${Date.now()}.${seq}`, name: 'Pegawai Baru', nip, password: 'kata-sandi-panjang', roles: ['PENYUSUN'] };
  };

  it.each<[string, string, string]>([
    ['17 digits', '19800101200501100', 'NIP harus 18 digit angka: tanggal lahir (8), TMT CPNS (6), jenis kelamin (1/2), nomor urut (3).'],
    ['19 digits', '1980010120050110012', 'NIP harus 18 digit angka: tanggal lahir (8), TMT CPNS (6), jenis kelamin (1/2), nomor urut (3).'],
    ['letters', '19800101A00501100 1', 'NIP harus 18 digit angka: tanggal lahir (8), TMT CPNS (6), jenis kelamin (1/2), nomor urut (3).'],
    ['sex digit 3', '198001012005013001', 'NIP harus 18 digit angka: tanggal lahir (8), TMT CPNS (6), jenis kelamin (1/2), nomor urut (3).'],
    ['birth date 19991340', '199913402020011001', 'Tanggal lahir pada NIP tidak valid.'],
    ['29 February in a non-leap year (2001)', '200102292023011001', 'Tanggal lahir pada NIP tidak valid.'],
    ['29 February 1900 (not a leap year)', '190002292023011001', 'Tanggal lahir pada NIP tidak valid.'],
    ['appointment month 13', '198001012005131001', 'TMT (tahun-bulan pengangkatan) pada NIP tidak valid.'],
    ['appointment month 00', '198001012005001001', 'TMT (tahun-bulan pengangkatan) pada NIP tidak valid.'],
    ['appointment before birth', '198001011979121001', 'TMT pada NIP lebih awal dari tanggal lahir.'],
  ])('%s → INVALID_NIP, no user created', async (_name, nip, message) => {
    const input = userInput(nip);
    const r = await t.gql(CREATE_USER, { i: input }, o.tok.admin);
    expect(errorCode(r)).toBe('INVALID_NIP');
    expect(r.errors![0]!.message).toBe(message);
    const messageEn = r.errors![0]!.extensions!.messageEn as string;
    expect(messageEn).toMatch(/NIP/);
    expect(r.errors![0]!.extensions!.fields).toEqual([{ field: 'nip', message, messageEn }]);
    expect(await t.db.user.count({ where: { username: input.username } })).toBe(0);
  });

  it('29 February in a leap year is a real birth date', async () => {
    const input = userInput('200002292023011002');
    const r = await t.gql(CREATE_USER, { i: input }, o.tok.admin);
    expect(r.errors).toBeUndefined();
    expect(r.data.createUser.nip).toBe('200002292023011002');
  });

  it('a valid NIP (written in groups) succeeds, stored without spaces, and the user can sign in with it', async () => {
    const nip = makeNip(2);
    const grouped = `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;
    const input = userInput(grouped);
    const r = await t.gql(CREATE_USER, { i: input }, o.tok.admin);
    expect(r.errors).toBeUndefined();
    expect(r.data.createUser).toMatchObject({ username: input.username, nip, roles: ['PENYUSUN'] });
    const row = await t.db.user.findUniqueOrThrow({ where: { id: r.data.createUser.id } });
    expect(row.officeId).toBe(o.office.id);
    expect(row.nip).toBe(nip);
    const login = await t.gql('mutation($i: LoginInput!) { login(input: $i) { viewer { user { username } } } }', { i: { login: grouped, password: input.password } });
    expect(login.data.login.viewer.user.username).toBe(input.username);
  });

  it('the same NIP twice → DUPLICATE', async () => {
    const nip = makeNip();
    expect((await t.gql(CREATE_USER, { i: userInput(nip) }, o.tok.admin)).errors).toBeUndefined();
    const again = userInput(nip);
    const r = await t.gql(CREATE_USER, { i: again }, o.tok.admin);
    expect(errorCode(r)).toBe('DUPLICATE');
    expect(await t.db.user.count({ where: { username: again.username } })).toBe(0);
  });

  it('a short password and a bad username → VALIDATION_FAILED with Indonesian messages', async () => {
    const r = await t.gql(CREATE_USER, { i: { ...userInput(makeNip()), username: 'A B', password: 'pendek' } }, o.tok.admin);
    expect(errorCode(r)).toBe('VALIDATION_FAILED');
    expect(r.errors![0]!.extensions!.fields).toEqual(
      expect.arrayContaining([
        { field: 'username', message: 'Nama pengguna 3–40 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung', messageEn: 'A username has 3–40 characters: lowercase letters, digits, dot, underscore or hyphen' },
        { field: 'password', message: 'Kata sandi minimal 10 karakter', messageEn: 'The password needs at least 10 characters' },
      ]),
    );
  });
});

describe('malformed GraphQL → BAD_REQUEST (or, for a value, VALIDATION_FAILED) without internals', () => {
  const INTERNALS = ['prisma', 'stacktrace', 'at /', 'node_modules', '.ts:'];

  async function raw(body: string, token?: string) {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });
    return { status: res.status, text: await res.text() };
  }

  function expectClean(text: string) {
    expect(text).not.toContain('SELECT');
    for (const s of INTERNALS) expect(text.toLowerCase()).not.toContain(s);
  }

  // An Indonesian sentence of our own in `message`; graphql-js's English detail only in messageEn.
  it.each<[string, string, RegExp, RegExp]>([
    ['syntax error', JSON.stringify({ query: '{ dataRequests { edges { node { id } }' }), /^Kueri GraphQL tidak dapat diurai/, /^Syntax Error: Expected Name/],
    ['unknown field', JSON.stringify({ query: '{ dataRequests { edges { node { id passwordHash } } } }' }), /^Kueri GraphQL tidak sesuai dengan skema/, /Cannot query field "passwordHash"/],
    ['wrong variable type', JSON.stringify({ query: 'query($id: ID!) { dataRequest(id: $id) { id } }', variables: { id: { $ne: null } } }), /./, /\$id/],
  ])('%s', async (_name, body, message, messageEn) => {
    const tok = o.tok.sekretaris;
    const r = await raw(body, tok);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    const json = JSON.parse(r.text);
    expect(['BAD_REQUEST', 'VALIDATION_FAILED']).toContain(json.errors[0].extensions.code);
    expect(json.errors[0].message).toMatch(message);
    expect(json.errors[0].message).not.toMatch(/[A-Z][a-z]+ [a-z]+ "|Syntax Error|Cannot query|Variable "/);
    expect(json.errors[0].extensions.messageEn).toMatch(messageEn);
    expectClean(r.text);
  });

  it.each<[string, string, string]>([
    ['an object where an id belongs', JSON.stringify({ query: 'query($id: UUID!) { dataRequest(id: $id) { id } }', variables: { id: { $ne: null } } }), 'id'],
    ['unknown enum value', JSON.stringify({ query: '{ dataRequests(filter: { status: [DROP_TABLE] }) { totalCount } }' }), 'filter.status.0'],
  ])('%s → VALIDATION_FAILED naming the field', async (_name, body, field) => {
    const r = await raw(body, o.tok.sekretaris);
    expect(r.status).toBe(400);
    const json = JSON.parse(r.text);
    expect(json.errors[0].extensions.code).toBe('VALIDATION_FAILED');
    expect(json.errors[0].extensions.fields.map((f: { field: string }) => f.field)).toEqual([field]);
    expectClean(r.text);
  });

  it('a body that is not JSON → BAD_REQUEST', async () => {
    const r = await raw('{"query": "{ me { user { id } } }"', o.tok.sekretaris);
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text).error?.code ?? JSON.parse(r.text).errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expectClean(r.text);
  });

  it('a bad page cursor → VALIDATION_FAILED on after, not a database error', async () => {
    const r = await raw(JSON.stringify({ query: '{ dataRequests(after: "!!!") { totalCount } }' }), o.tok.sekretaris);
    const json = JSON.parse(r.text);
    expect(json.errors[0].extensions.code).toBe('VALIDATION_FAILED');
    expect(json.errors[0].extensions.fields).toEqual([
      { field: 'after', message: expect.stringMatching(/^Kursor halaman tidak valid/), messageEn: expect.stringMatching(/^Invalid page cursor/) },
    ]);
    expectClean(r.text);
  });
});
