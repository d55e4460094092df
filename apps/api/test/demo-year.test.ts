/**
 * The demo office of `pnpm start` (issue 14, "Done when"): seeded in a database of its own and
 * its history replayed with the clock of 30 November 2026, it holds a year of finished requests
 * and the two last annual ones, so that the SOP monitoring, the TL HP register and the LKjIP draft
 * each show something on first start. The replay runs once (a second start adds nothing).
 */
import fs from 'node:fs';
import type { Actor } from '../src/auth/actor';
import { loadConfig } from '../src/config';
import { migrateDeploy } from '../src/db/migrate';
import { createPrisma, type Db } from '../src/db/prisma';
import { DEMO_OFFICE_CODE, seedDemo, seedReference } from '../src/db/seed';
import { DEMO_ANNUAL_REALISASI, seedDemoHistory } from '../src/monitoring/demo-history';
import { createServices, type Services } from '../src/services';
import { freshDatabase } from './db-url';
import { actorOf } from './factories';

const NOW = new Date('2026-11-30T10:00:00+07:00');

let database: Awaited<ReturnType<typeof freshDatabase>>;
let db: Db;
let services: Services;
let kasubbag: Actor;
let officeId: string;

beforeAll(async () => {
  database = await freshDatabase('demo_year');
  await migrateDeploy(database.url);
  db = createPrisma(database.url, { max: 3 });
  services = createServices(db, loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url, DATA_DIR: fs.mkdtempSync('/tmp/sipedaki-demo-year-'), PUBLIC_BASE_URL: 'https://sipedaki.test.go.id' }));
  await seedReference(db);
  officeId = (await seedDemo(db, { password: 'demo-password', year: 2026 })).officeId;
  kasubbag = actorOf(await db.user.findUniqueOrThrow({ where: { username: 'kasubbag' } }));
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

describe('the demo office’s year of history', () => {
  it('replays one request in each of the last twelve months and the annual requests of 2024 and 2025, once', async () => {
    expect(await seedDemoHistory(db, services, 10, NOW, DEMO_OFFICE_CODE)).toBe(14);
    expect(await seedDemoHistory(db, services, 10, NOW, DEMO_OFFICE_CODE)).toBe(0); // a second start adds nothing
    const requests = await db.dataRequest.findMany({ where: { officeId }, orderBy: { letterDate: 'asc' } });
    expect(requests.map((r) => r.status)).toEqual(Array(14).fill('DONE'));
    expect(requests.filter((r) => r.triwulan === null).map((r) => [r.year, r.letterDate.toISOString().slice(0, 10)])).toEqual([
      [2024, '2025-01-14'],
      [2025, '2026-01-14'],
    ]);
    const months = requests.filter((r) => r.triwulan !== null).map((r) => r.letterDate.toISOString().slice(0, 7));
    expect(months).toEqual(['2025-11', '2025-12', ...['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'].map((m) => `2026-${m}`)]);
    // Every request's analysis is frozen (SUBMITTED) with the Kasubbag's narrative.
    const analyses = await db.performanceAnalysis.findMany({ where: { request: { officeId } } });
    expect(analyses.map((a) => [a.status, !!a.narrative])).toEqual(Array(14).fill(['SUBMITTED', true]));
    // No notification of the past was sent to anyone.
    expect(await db.notification.count({ where: { user: { officeId } } })).toBe(0);
  }, 300_000); // ~4 700 SQL statements through the services: minutes on a machine shared by many

  it('the SOP monitoring has runs in both semesters of 2026, with late steps and returns', async () => {
    const periods = [
      { year: 2025, semester: 1 as const },
      { year: 2025, semester: 2 as const },
      { year: 2026, semester: 1 as const },
      { year: 2026, semester: 2 as const },
    ];
    const facts = await Promise.all(periods.map(async (p) => (await services.monitoring.view(kasubbag, p, NOW)).facts));
    // S1 2025: the annual request of 2024; S2 2025: November and December; S1 2026: six months and
    // the annual request of 2025; S2 2026: July to October.
    expect(facts.map((f) => f.requestCount)).toEqual([1, 2, 7, 4]);
    const sum = (f: (x: (typeof facts)[number]) => number) => facts.reduce((n, x) => n + f(x), 0);
    expect(sum((f) => f.reportReturns)).toBe(1); // request 6 of the year
    expect(sum((f) => f.steps[0]!.late)).toBe(2); // requests 1 and 5: a slow first disposition
    expect(sum((f) => f.steps[3]!.late)).toBe(2); // requests 2 and 7: the last Bidang hands in after the two days
    expect(sum((f) => f.bidang.reduce((n, b) => n + b.late, 0))).toBe(2);
    expect(sum((f) => f.bidang.reduce((n, b) => n + b.returns, 0))).toBe(1); // request 3: a returned hand-in
    // Every step ran at least once per request (a return adds a round): no step below 14 runs.
    const runs = [0, 1, 2, 3, 4, 5, 6].map((step) => [step + 1, sum((f) => f.steps[step]?.runs ?? 0)]);
    expect(runs.filter(([, n]) => n! < 14)).toEqual([]);
  });

  it('the annual analyses hold the year’s realisasi and the narratives per Bidang', async () => {
    for (const [year, back] of [[2024, 2], [2025, 1]] as const) {
      const a = await db.performanceAnalysis.findFirstOrThrow({ where: { request: { officeId, year, triwulan: null } } });
      const results = a.results as { indicators: { indicatorCode: string; realisasi: number | null }[]; bidang: { obstacles: string | null; solutions: string | null }[] };
      const realisasi = Object.fromEntries(results.indicators.map((i) => [i.indicatorCode, i.realisasi]));
      expect(realisasi).toEqual(Object.fromEntries(Object.entries(DEMO_ANNUAL_REALISASI).map(([code, v]) => [code, v[back]])));
      expect(results.bidang).toHaveLength(4);
      expect(results.bidang.every((b) => !!b.obstacles && !!b.solutions)).toBe(true);
    }
  });

  it('the LKjIP of 2025 draws 2025 and 2024 from the annual analyses, inside the Renstra period 2024–2028', async () => {
    const draft = await services.lkjip.generate(kasubbag, { year: 2025, expectedVersion: 0 });
    const c = draft.computed;
    expect([c.renstra.startYear, c.renstra.endYear]).toEqual([2024, 2028]);
    expect(c.sources.map((s) => [s.year, s.triwulan])).toEqual([[2024, null], [2025, null]]);
    expect(c.yearsWithoutSource).toEqual([]);
    const rows = c.sasaran.flatMap((s) => s.indicators);
    expect(rows.map((r) => r.code).sort()).toEqual(Object.keys(DEMO_ANNUAL_REALISASI).sort());
    for (const r of rows) {
      expect([r.code, r.realisasi, r.lastYear?.realisasi]).toEqual([r.code, DEMO_ANNUAL_REALISASI[r.code]![1], DEMO_ANNUAL_REALISASI[r.code]![2]]);
      expect(r.renstraTarget).not.toBeNull();
    }
    // Several categories, not one: the demo shows what the table distinguishes.
    expect(new Set(rows.map((r) => r.category?.label)).size).toBeGreaterThanOrEqual(2);
    // The causes, obstacles and solutions start from the Kasubbag's narratives per Bidang.
    expect(c.sasaran.every((s) => !!s.gathered.obstacles && !!s.gathered.solutions)).toBe(true);
  });
});
