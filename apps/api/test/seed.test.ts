/** The demo seed is idempotent, and demo users never appear in a production configuration by default. */
import { loadConfig } from '../src/config';
import { createPrisma } from '../src/db/prisma';
import { DEMO_OFFICE_CODE, seedDemo, seedReference } from '../src/db/seed';
import { NATIONAL_HOLIDAYS, parseNip } from '@sipedaki/sop';
import { migrateDeploy } from '../src/db/migrate';
import { freshDatabase, TEST_DATABASE_URL } from './db-url';

const db = createPrisma(TEST_DATABASE_URL, { max: 2 });
afterAll(() => db.$disconnect());

it('seeds the demo office twice without duplicating anything; every demo NIP is valid', async () => {
  await seedReference(db);
  await seedDemo(db, { password: 'demo-password', year: 2026 });
  const count = async () => ({
    users: await db.user.count({ where: { office: { code: DEMO_OFFICE_CODE } } }),
    bidang: await db.bidang.count({ where: { office: { code: DEMO_OFFICE_CODE } } }),
    indicators: await db.indicator.count({ where: { office: { code: DEMO_OFFICE_CODE } } }),
    targets: await db.indicatorTarget.count({ where: { indicator: { office: { code: DEMO_OFFICE_CODE } } } }),
    holidays: await db.holiday.count({ where: { officeId: null } }),
    scales: await db.categoryScale.count(),
    findings: await db.finding.count({ where: { report: { office: { code: DEMO_OFFICE_CODE } } } }),
  });
  const first = await count();
  expect(first).toEqual(expect.objectContaining({ users: 14, bidang: 4, indicators: 8, targets: 120, findings: 2 }));
  expect(first.holidays).toBeGreaterThan(20);
  await seedReference(db);
  const again = await seedDemo(db, { password: 'demo-password', year: 2026 });
  expect(again.created).toBe(false);
  expect(await count()).toEqual(first);
  const nips = (await db.user.findMany({ where: { office: { code: DEMO_OFFICE_CODE } } })).map((u) => u.nip!);
  expect(nips.filter((n) => !parseNip(n).ok)).toEqual([]);
});

const PROD = { NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://sipedaki.example.go.id' };

it.each([
  [PROD, false],
  [{ ...PROD, SEED_DEMO: 'true' }, true],
  [{ NODE_ENV: 'development' }, true],
  [{ NODE_ENV: 'development', SEED_DEMO: 'false' }, false],
])('config %j → seed demo users: %s', (env, expected) => {
  expect(loadConfig(env).seedDemo).toBe(expected);
});

it('production turns introspection off unless asked; a bad variable stops start-up with its name', () => {
  expect(loadConfig(PROD).introspection).toBe(false);
  expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
});

it('seeds the reference data from several processes at once without an error or a duplicate', async () => {
  // Instances of a deployment (and parallel test workers) start at the same moment on one database.
  const database = await freshDatabase('seed_race');
  const clients = Array.from({ length: 4 }, () => createPrisma(database.url, { max: 1 }));
  try {
    await migrateDeploy(database.url);
    await Promise.all(clients.map((c) => seedReference(c)));
    const [c] = clients;
    const nationalHolidays = await c!.holiday.count({ where: { officeId: null } });
    process.stdout.write(`[seed] 4 concurrent seeders: ${nationalHolidays} national holidays, ${await c!.categoryScale.count()} scales\n`);
    expect(nationalHolidays).toBe(NATIONAL_HOLIDAYS.length);
    expect(await c!.categoryScale.count()).toBe(2);
  } finally {
    await Promise.all(clients.map((c) => c.$disconnect()));
    await database.drop();
  }
}, 60_000);
