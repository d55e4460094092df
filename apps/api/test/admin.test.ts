/** The administrator's configuration of an office, through the HTTP API. */
import { makeOfficeWithStaff } from './factories';
import { errorCode, startTestApp, type TestApp } from './harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('creates a Bidang and an indicator with targets per Triwulan, and edits them', async () => {
  const o = await makeOfficeWithStaff(t.db);
  const admin = await t.login(o.users.admin.username);
  const b = await t.gql('mutation($i: CreateBidangInput!) { createBidang(input: $i) { id code name active } }', { i: { code: 'SOSBUD', name: 'Bidang Sosial Budaya' } }, admin);
  expect(b.data.createBidang).toEqual(expect.objectContaining({ code: 'SOSBUD', active: true }));
  const dup = await t.gql('mutation($i: CreateBidangInput!) { createBidang(input: $i) { id } }', { i: { code: 'SOSBUD', name: 'Lagi' } }, admin);
  expect(errorCode(dup)).toBe('DUPLICATE');

  const input = {
    code: 'IKU-SB-1', bidangId: b.data.createBidang.id, sasaran: 'Meningkatnya partisipasi masyarakat', name: 'Persentase desa dengan musdes partisipatif', satuan: '%', polarity: 'RANGE',
    targets: [1, 2, 3, 4].map((triwulan) => ({ year: 2026, triwulan, target: 60, targetUpper: 80 })),
  };
  const ind = await t.gql('mutation($i: UpsertIndicatorInput!) { upsertIndicator(input: $i) { id code polarity targets { triwulan target targetUpper } } }', { i: input }, admin);
  expect(ind.errors).toBeUndefined();
  expect(ind.data.upsertIndicator.targets).toHaveLength(4);
  const edited = await t.gql('mutation($i: UpsertIndicatorInput!) { upsertIndicator(input: $i) { targets { triwulan target targetUpper } } }', { i: { ...input, id: ind.data.upsertIndicator.id, targets: [{ year: 2026, triwulan: 2, target: 65, targetUpper: 85 }] } }, admin);
  expect(edited.data.upsertIndicator.targets.find((x: any) => x.triwulan === 2)).toEqual({ triwulan: 2, target: 65, targetUpper: 85 });
  expect(edited.data.upsertIndicator.targets.find((x: any) => x.triwulan === 1)).toEqual({ triwulan: 1, target: 60, targetUpper: 80 });

  // A range indicator without its upper bound is refused, and nothing is written.
  const before = await t.db.indicator.count({ where: { officeId: o.office.id } });
  const bad = await t.gql('mutation($i: UpsertIndicatorInput!) { upsertIndicator(input: $i) { id } }', { i: { ...input, code: 'IKU-SB-2', targets: [{ year: 2026, triwulan: 1, target: 60 }] } }, admin);
  expect(errorCode(bad)).toBe('VALIDATION_FAILED');
  expect(await t.db.indicator.count({ where: { officeId: o.office.id } })).toBe(before);
});

it('sets office hours; invalid hours are refused', async () => {
  const o = await makeOfficeWithStaff(t.db);
  const admin = await t.login(o.users.admin.username);
  const days = [1, 2, 3, 4].map((weekday) => ({ weekday, start: '07:30', end: '16:00' })).concat([{ weekday: 5, start: '07:30', end: '11:00' }]);
  const r = await t.gql('mutation($i: OfficeHoursInput!) { setOfficeHours(input: $i) { office { utcOffsetMinutes hours { weekday start end } } dueTimeChanges { requestId } } }', { i: { utcOffsetMinutes: 480, days } }, admin);
  expect(r.data.setOfficeHours).toEqual({ office: { utcOffsetMinutes: 480, hours: days }, dueTimeChanges: [] });
  const bad = await t.gql('mutation($i: OfficeHoursInput!) { setOfficeHours(input: $i) { office { utcOffsetMinutes } } }', { i: { utcOffsetMinutes: 420, days: [{ weekday: 1, start: '16:00', end: '08:00' }] } }, admin);
  expect(errorCode(bad)).toBe('VALIDATION_FAILED');
  expect((await t.gql('{ office { utcOffsetMinutes } }', {}, admin)).data.office.utcOffsetMinutes).toBe(480);
});

it.each([
  ['createBidang', 'mutation { createBidang(input: { code: "XX", name: "Bidang XX" }) { id } }'],
  ['users', '{ users { id } }'],
  ['setOfficeHours', 'mutation { setOfficeHours(input: { utcOffsetMinutes: 420, days: [{ weekday: 1, start: "08:00", end: "16:00" }] }) { office { id } } }'],
])('only the administrator may call %s', async (_name, query) => {
  const o = await makeOfficeWithStaff(t.db);
  for (const u of [o.users.sekretaris, o.users.kasubbag, o.users.op1]) {
    expect(errorCode(await t.gql(query, {}, await t.login(u.username)))).toBe('FORBIDDEN');
  }
  expect(errorCode(await t.gql(query))).toBe('UNAUTHENTICATED');
});
