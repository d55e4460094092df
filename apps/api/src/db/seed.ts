/**
 * Seeds. Reference data (the national holiday list, the default category scale) is seeded on
 * every start, idempotently. The demo office — Dinas PMD Kabupaten Nganjuk with its Bidang, one
 * user per role, indicators with targets — is seeded only when SEED_DEMO is on (the default
 * outside production). Demo names and NIPs are fictional; the Bidang and indicators are
 * illustrative of a DPMD, not the office's official list.
 */
import { DEFAULT_SCALE, NATIONAL_HOLIDAYS, SIX_BAND_SCALE, type Role } from '@sipedaki/sop';
import { Readable } from 'node:stream';
import { audit } from '../audit/audit.service';
import { hashPassword } from '../auth/password';
import { DocumentStorage } from '../document/storage';
import { demoLogoPng } from './demo-logo';
import type { Db } from './prisma';

export const DEMO_OFFICE_CODE = 'DPMD-NGANJUK';

export const DEFAULT_OFFICE_HOURS = {
  1: { start: '08:00', end: '16:00' },
  2: { start: '08:00', end: '16:00' },
  3: { start: '08:00', end: '16:00' },
  4: { start: '08:00', end: '16:00' },
  5: { start: '08:00', end: '16:00' },
};

/**
 * Reference data every office shares: the category scales and the national holidays. Run at every
 * start, so it must be safe when several processes start at once (instances of a deployment,
 * parallel test workers): one transaction under an advisory lock, so the check-then-insert below
 * never races — an upsert alone races into a unique violation, and national holidays (officeId
 * NULL, which a unique index does not compare) would be inserted twice.
 */
export async function seedReference(db: Db): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('sipedaki.seedReference', 0))`;
    for (const scale of [DEFAULT_SCALE, SIX_BAND_SCALE]) {
      await tx.categoryScale.upsert({
        where: { code_version: { code: scale.code, version: scale.version } },
        create: {
          code: scale.code,
          version: scale.version,
          name: scale.name,
          validFrom: new Date(`${scale.validFrom}T00:00:00Z`),
          bands: JSON.parse(JSON.stringify(scale.bands, (_k, v) => (v === -Infinity ? -1e9 : v))),
        },
        update: {},
      });
    }
    const existing = new Set(
      (await tx.holiday.findMany({ where: { officeId: null }, select: { date: true } })).map((h) => h.date.toISOString().slice(0, 10)),
    );
    const missing = NATIONAL_HOLIDAYS.filter((h) => !existing.has(h.date));
    if (missing.length) {
      await tx.holiday.createMany({
        data: missing.map((h) => ({ officeId: null, date: new Date(`${h.date}T00:00:00Z`), name: h.name, kind: h.kind })),
      });
    }
  });
}

const BIDANG = [
  { code: 'PEMDES', name: 'Bidang Pemerintahan Desa' },
  { code: 'KELEMBAGAAN', name: 'Bidang Pemberdayaan Kelembagaan Masyarakat Desa' },
  { code: 'KEUDES', name: 'Bidang Keuangan dan Aset Desa' },
  { code: 'EKONOMI', name: 'Bidang Pemberdayaan Usaha Ekonomi Masyarakat dan TTG' },
];

type Pol = 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER' | 'RANGE';
const S1 = 'Meningkatnya kualitas tata kelola pemerintahan desa';
const S2 = 'Meningkatnya keberdayaan masyarakat desa';
const S3 = 'Meningkatnya kemandirian ekonomi desa';
// [code, bidang, sasaran, name, satuan, polarity, annual target, (range upper)]
const INDICATORS: [string, string, string, string, string, Pol, number, number?][] = [
  ['IKU-01', 'PEMDES', S1, 'Persentase desa yang menetapkan APBDes tepat waktu', '%', 'HIGHER_IS_BETTER', 100],
  ['IKU-02', 'PEMDES', S1, 'Persentase desa dengan data Profil Desa mutakhir', '%', 'HIGHER_IS_BETTER', 90],
  ['IKU-03', 'KELEMBAGAAN', S2, 'Persentase lembaga kemasyarakatan desa yang aktif', '%', 'HIGHER_IS_BETTER', 85],
  ['IKU-04', 'KELEMBAGAAN', S2, 'Jumlah kader pemberdayaan masyarakat desa terlatih', 'orang', 'HIGHER_IS_BETTER', 264],
  ['IKU-05', 'KEUDES', S1, 'Persentase desa yang menyampaikan LPJ Dana Desa tepat waktu', '%', 'HIGHER_IS_BETTER', 95],
  ['IKU-06', 'KEUDES', S1, 'Jumlah temuan pemeriksaan atas pengelolaan keuangan desa', 'temuan', 'LOWER_IS_BETTER', 20],
  ['IKU-07', 'EKONOMI', S3, 'Jumlah BUMDes berkategori berkembang atau maju', 'unit', 'HIGHER_IS_BETTER', 60],
  ['IKU-08', 'EKONOMI', S3, 'Persentase penyerapan Dana Desa untuk pemberdayaan ekonomi', '%', 'RANGE', 20, 30],
];

/**
 * The end-of-Renstra-period (2028) targets, for the LKjIP's "realisasi to date vs the Renstra
 * target"; illustrative like the indicators.
 */
const RENSTRA_TARGETS: Record<string, number> = {
  'IKU-01': 100, 'IKU-02': 100, 'IKU-03': 95, 'IKU-04': 300, 'IKU-05': 100, 'IKU-06': 10, 'IKU-07': 90, 'IKU-08': 25,
};

/** Targets per Triwulan: cumulative quarters for counts and percentages reached over the year. */
function quarterTargets(annual: number, pol: Pol): number[] {
  if (pol !== 'HIGHER_IS_BETTER') return [annual, annual, annual, annual];
  return [0.25, 0.5, 0.75, 1].map((f) => Math.round(annual * f * 100) / 100);
}

// Fictional people with structurally valid NIPs (birth date + TMT + sex + sequence).
const USERS: { username: string; nip: string; name: string; jabatan: string; roles: Role[]; bidang?: string }[] = [
  { username: 'admin', nip: '198501012010011001', name: 'Admin SIPEDAKI', jabatan: 'Pengelola Sistem Informasi', roles: ['ADMIN'] },
  { username: 'kepala', nip: '197203151998031004', name: 'Drs. Bambang Setiawan, M.Si.', jabatan: 'Kepala Dinas', roles: ['KEPALA_DINAS'] },
  { username: 'sekretaris', nip: '197608222002122003', name: 'Sri Wahyuni, S.Sos., M.M.', jabatan: 'Sekretaris Dinas', roles: ['SEKRETARIS'] },
  { username: 'kasubbag', nip: '198004102006041009', name: 'Agus Priyanto, S.E.', jabatan: 'Kasubbag Program dan Evaluasi', roles: ['KASUBBAG'] },
  { username: 'penyusun', nip: '199107072019032012', name: 'Dewi Lestari, S.Kom.', jabatan: 'Penyusun Bahan Evaluasi, Rencana, Program dan Laporan', roles: ['PENYUSUN'] },
  ...BIDANG.flatMap((b, i) => [
    { username: `operator.${b.code.toLowerCase()}`, nip: `19900${i + 1}012015031${String(i + 1).padStart(3, '0')}`, name: `Operator ${b.name.replace('Bidang ', '')}`, jabatan: `Operator ${b.name}`, roles: ['BIDANG_OPERATOR'] satisfies Role[], bidang: b.code },
    { username: `kabid.${b.code.toLowerCase()}`, nip: `19780${i + 1}202003121${String(i + 1).padStart(3, '0')}`, name: `Kepala ${b.name}`, jabatan: `Kepala ${b.name}`, roles: ['BIDANG_HEAD'] satisfies Role[], bidang: b.code },
  ]),
  // Issue 14: the Inspektorat's verifier of audit follow-ups (office-scoped for now).
  { username: 'inspektorat', nip: '198306152009022005', name: 'Rina Kusumawati, S.E., Ak.', jabatan: 'Auditor Inspektorat (Verifikator TL)', roles: ['APIP'] },
];

/**
 * Issue 15: the kabupaten level of the demo. Two more offices of the same pemda — the Bappeda,
 * whose analyst asks the offices for data, and the Sekretariat Daerah with the pemda administrator
 * and the Sekda as the read-only leadership viewer. Illustrative names and valid NIPs.
 */
const PEMDA_OFFICES = [
  { code: 'BAPPEDA-NGANJUK', name: 'Badan Perencanaan Pembangunan Daerah' },
  { code: 'SETDA-NGANJUK', name: 'Sekretariat Daerah' },
] as const;
const PEMDA_USERS: { office: (typeof PEMDA_OFFICES)[number]['code']; username: string; nip: string; name: string; jabatan: string; roles: Role[] }[] = [
  { office: 'BAPPEDA-NGANJUK', username: 'bappeda', nip: '198804122012122003', name: 'Dewi Anggraini, S.T., M.P.W.K.', jabatan: 'Analis Perencanaan Bappeda', roles: ['PEMDA_ANALYST'] },
  { office: 'SETDA-NGANJUK', username: 'sekda', nip: '196905101994031006', name: 'Drs. Mokhamad Yasin, M.Si.', jabatan: 'Sekretaris Daerah', roles: ['PEMDA_VIEWER'] },
  { office: 'SETDA-NGANJUK', username: 'admin.pemda', nip: '198511232010011004', name: 'Arif Setiawan, S.Kom.', jabatan: 'Pranata Komputer Setda (Administrator Pemda)', roles: ['PEMDA_ADMIN'] },
];

export const DEMO_USERNAMES = [...USERS, ...PEMDA_USERS].map((u) => ({ username: u.username, roles: u.roles, jabatan: u.jabatan }));

/** The demo pemda's Bappeda and Setda with their pemda users (idempotent, like seedDemo). */
async function seedDemoPemda(db: Db, pemdaId: string, passwordHash: string): Promise<boolean> {
  let created = false;
  const officeIds = new Map<string, string>();
  for (const o of PEMDA_OFFICES) {
    const row = await db.office.upsert({
      where: { code: o.code },
      create: { pemdaId, code: o.code, name: o.name, regency: 'Kabupaten Nganjuk', utcOffsetMinutes: 420, officeHours: DEFAULT_OFFICE_HOURS },
      update: {},
    });
    officeIds.set(o.code, row.id);
  }
  for (const u of PEMDA_USERS) {
    if (await db.user.findUnique({ where: { username: u.username } })) continue;
    created = true;
    await db.user.create({ data: { officeId: officeIds.get(u.office)!, username: u.username, nip: u.nip, name: u.name, jabatan: u.jabatan, roles: u.roles, passwordHash } });
  }
  return created;
}

/**
 * The demo office's kop surat. Illustrative like the Bidang and indicators above: the address,
 * telephone and addresses are made up in the usual form, and the logo is a placeholder emblem
 * (db/demo-logo.ts), not the Kabupaten's coat of arms.
 */
const DEMO_KOP = {
  kopGovernment: 'Pemerintah Kabupaten Nganjuk',
  kopAgency: 'Dinas Pemberdayaan Masyarakat dan Desa',
  kopAddress: 'Jalan Dermojoyo Nomor 17, Nganjuk, Jawa Timur 64411',
  kopPhone: '(0358) 321417',
  kopEmail: 'dpmd@nganjukkab.go.id',
  kopWebsite: 'dpmd.nganjukkab.go.id',
  kopCity: 'Nganjuk',
};

/**
 * `documentsDir`: where documents are stored (config.documentsDir); the demo logo is stored there.
 * Without it the kop is seeded without a logo.
 */
export async function seedDemo(db: Db, opts: { password: string; year: number; documentsDir?: string }): Promise<{ officeId: string; created: boolean }> {
  const pemda = await upsertPemda(db, 'Kabupaten Nganjuk');
  const office = await db.office.upsert({
    where: { code: DEMO_OFFICE_CODE },
    create: {
      pemdaId: pemda.id,
      code: DEMO_OFFICE_CODE,
      name: 'Dinas Pemberdayaan Masyarakat dan Desa',
      regency: 'Kabupaten Nganjuk',
      utcOffsetMinutes: 420,
      officeHours: DEFAULT_OFFICE_HOURS,
    },
    update: {},
  });
  const bidangIds = new Map<string, string>();
  for (const [i, b] of BIDANG.entries()) {
    const row = await db.bidang.upsert({
      where: { officeId_code: { officeId: office.id, code: b.code } },
      create: { officeId: office.id, code: b.code, name: b.name, sortOrder: i + 1 },
      update: {},
    });
    bidangIds.set(b.code, row.id);
  }
  const bidangIdOf = (code: string) => {
    const id = bidangIds.get(code);
    if (!id) throw new Error(`seed: no Bidang ${code}`);
    return id;
  };
  let created = false;
  const passwordHash = await hashPassword(opts.password);
  for (const u of USERS) {
    const exists = await db.user.findUnique({ where: { username: u.username } });
    if (exists) continue;
    created = true;
    await db.user.create({
      data: {
        officeId: office.id,
        username: u.username,
        nip: u.nip,
        name: u.name,
        jabatan: u.jabatan,
        roles: u.roles,
        passwordHash,
        bidangId: u.bidang ? bidangIdOf(u.bidang) : null,
      },
    });
  }
  if (await seedDemoPemda(db, pemda.id, passwordHash)) created = true;
  // The Renstra period of the demo office and its Sasaran (S1, S2, S3 in the order above). It
  // starts in 2024 so that the LKjIP of last year compares it with the year before inside one
  // period (the demo history replays the annual requests of both). An office that already has a
  // period (seeded earlier with 2025–2029) keeps it.
  const renstra =
    (await db.renstraPeriod.findFirst({ where: { officeId: office.id }, orderBy: { startYear: 'asc' } })) ??
    (await db.renstraPeriod.create({ data: { officeId: office.id, name: 'Renstra 2024–2028', startYear: 2024, endYear: 2028 } }));
  const sasaranIds = new Map<string, string>();
  for (const [n, name] of [S1, S2, S3].entries()) {
    const code = `S${n + 1}`;
    const s = await db.sasaran.upsert({
      where: { renstraPeriodId_code: { renstraPeriodId: renstra.id, code } },
      create: { officeId: office.id, renstraPeriodId: renstra.id, code, name },
      update: {},
    });
    sasaranIds.set(name, s.id);
  }
  for (const [code, bidang, sasaran, name, satuan, polarity, annual, upper] of INDICATORS) {
    const ind = await db.indicator.upsert({
      where: { officeId_code: { officeId: office.id, code } },
      create: { officeId: office.id, bidangId: bidangIdOf(bidang), code, sasaranId: sasaranIds.get(sasaran)!, name, satuan, polarity, renstraTarget: RENSTRA_TARGETS[code] ?? null },
      update: {},
    });
    // An office seeded before the Renstra targets were in the demo gets them, once.
    if (ind.renstraTarget === null && RENSTRA_TARGETS[code] !== undefined) {
      await db.indicator.updateMany({ where: { id: ind.id, renstraTarget: null }, data: { renstraTarget: RENSTRA_TARGETS[code] } });
    }
    // Three years of targets: the demo history (monitoring/demo-history.ts) replays the annual
    // requests of the two last years, which the LKjIP compares. Triwulan 0: the year's Perjanjian
    // Kinerja target; 1–4 cumulative. One statement per
    // indicator (ON CONFLICT DO NOTHING): this runs at every start.
    const q = [annual, ...quarterTargets(annual, polarity)];
    await db.indicatorTarget.createMany({
      data: [opts.year - 2, opts.year - 1, opts.year].flatMap((year) =>
        q.map((target, triwulan) => ({ indicatorId: ind.id, year, triwulan, target, targetUpper: upper ?? null })),
      ),
      skipDuplicates: true,
    });
  }
  await seedDemoKop(db, office.id, opts.documentsDir);
  await seedDemoFindings(db, office.id, opts.year, bidangIdOf);
  return { officeId: office.id, created };
}

/**
 * Issue 14: an Inspektorat LHP of last year with two findings, once (an office that already has
 * a report keeps what it has): one verified as status 1 with its follow-up, one still open and
 * overdue. Written directly, without reminder jobs: both deadlines have passed.
 */
async function seedDemoFindings(db: Db, officeId: string, year: number, bidangIdOf: (code: string) => string) {
  if (await db.auditReport.count({ where: { officeId } })) return;
  const [kasubbag, operator, apip] = await Promise.all(['kasubbag', 'operator.keudes', 'inspektorat'].map((username) => db.user.findUnique({ where: { username } })));
  if (!kasubbag || !operator || !apip) return;
  const received = `${year - 1}-08-03`;
  const deadline = new Date(new Date(`${received}T00:00:00Z`).getTime() + 60 * 86_400_000);
  const report = await db.auditReport.create({
    data: { officeId, source: 'INSPEKTORAT', number: `700/118/411.050/${year - 1}`, title: 'LHP Pemeriksaan Reguler pada Dinas Pemberdayaan Masyarakat dan Desa', year: year - 1, receivedDate: new Date(`${received}T00:00:00Z`), deadlineDays: 60, createdById: kasubbag.id },
  });
  const finding = (bidang: string, code: string, title: string, kondisi: string, rec: string) =>
    db.finding.create({
      data: {
        reportId: report.id, officeId, bidangId: bidangIdOf(bidang), code, title, kondisi,
        kriteria: 'Permendagri Nomor 20 Tahun 2018 tentang Pengelolaan Keuangan Desa.',
        sebab: 'Pembinaan dan pengawasan oleh Bidang belum optimal.',
        akibat: 'Risiko salah saji dan keterlambatan pelaporan.',
        recommendations: { create: [{ code: `${code}.1`, text: rec, deadline }] },
      },
      include: { recommendations: true },
    });
  const verified = await finding('KEUDES', '2.01', 'Laporan realisasi APBDes terlambat disampaikan', 'Sebanyak 12 desa terlambat menyampaikan laporan realisasi APBDes semester I.', 'Memberikan teguran tertulis kepada kepala desa yang terlambat menyampaikan laporan.');
  await finding('KELEMBAGAAN', '2.02', 'Data kelembagaan desa belum mutakhir', 'Data LKD pada 20 desa belum diperbarui sejak dua tahun terakhir.', 'Memutakhirkan data lembaga kemasyarakatan desa dan melaporkannya kepada Kepala Dinas.');
  const rec = verified.recommendations[0];
  if (!rec) return;
  const sent = new Date(deadline.getTime() - 20 * 86_400_000);
  const checked = new Date(sent.getTime() + 5 * 86_400_000);
  await db.followUpAction.create({
    data: { recommendationId: rec.id, text: 'Teguran tertulis telah disampaikan kepada 12 kepala desa (surat 141/205/411.050).', createdById: operator.id, createdAt: sent, state: 'VERIFIED', reviewedById: apip.id, reviewedAt: checked, verdict: 'SESUAI', note: 'Bukti teguran lengkap.' },
  });
  await db.recommendation.update({ where: { id: rec.id }, data: { status: 'SESUAI', verifiedAt: checked, verifiedById: apip.id, version: 3 } });
}

/** The kop and logo, once: an office whose administrator already set a kop keeps it. */
async function seedDemoKop(db: Db, officeId: string, documentsDir: string | undefined) {
  await db.office.updateMany({ where: { id: officeId, kopGovernment: null }, data: DEMO_KOP });
  if (!documentsDir) return;
  const office = await db.office.findUniqueOrThrow({ where: { id: officeId } });
  const admin = await db.user.findUnique({ where: { username: 'admin' } });
  if (office.logoDocumentId || !admin || admin.officeId !== officeId) return;
  const blob = await new DocumentStorage(documentsDir).put(Readable.from([demoLogoPng()]), Number.MAX_SAFE_INTEGER);
  const logo = await db.storedDocument.create({
    data: { officeId, kind: 'OTHER', filename: 'logo-kop.png', mimeType: 'image/png', size: blob.size, sha256: blob.sha256, storageKey: blob.storageKey, uploadedById: admin.id },
  });
  await db.office.updateMany({ where: { id: officeId, logoDocumentId: null }, data: { logoDocumentId: logo.id } });
}

/**
 * The regional government named by a regency ("Kabupaten Nganjuk"); its code is the same slug the
 * pemda migration gave existing offices, so a bootstrap after an upgrade finds the same pemda.
 */
export async function upsertPemda(db: Pick<Db, 'pemda'>, regency: string) {
  const code = regency.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').toUpperCase();
  return db.pemda.upsert({ where: { code }, create: { code, name: `Pemerintah ${regency}` }, update: {} });
}

/** What a start-up bootstrap did: nothing (already done, or not configured), or what it made. */
export type BootstrapOutcome = null | 'CREATED' | 'PEMDA_ADMIN_GRANTED';

/**
 * The first office and its administrator when BOOTSTRAP_ADMIN_* is configured; with
 * `pemdaAdmin` (BOOTSTRAP_PEMDA_ADMIN) the administrator is also the first PEMDA_ADMIN of the
 * office's pemda (the pemda of `regency`), so a kabupaten deployment starts with someone who can
 * create the pemda's other offices. One transaction with its audit rows (no actor: the
 * environment did it; the rows carry the office).
 *
 * Idempotent on every restart: an existing username is not touched — its password, roles and
 * office are the administrators' to change since — except that, with `pemdaAdmin`, an existing
 * bootstrap account is granted PEMDA_ADMIN while its pemda has no active pemda administrator at
 * all (an office-level deployment upgraded to the kabupaten level). Once the pemda has one, a
 * later hand-over of the role (setPemdaRoles) is never undone by a restart.
 */
export async function seedBootstrap(
  db: Db,
  b: { username?: string; password?: string; officeCode: string; officeName: string; regency: string; pemdaAdmin?: boolean },
): Promise<BootstrapOutcome> {
  if (!b.username || !b.password) return null;
  const username = b.username;
  const existing = await db.user.findUnique({ where: { username }, include: { office: true } });
  if (existing) {
    if (!b.pemdaAdmin || existing.roles.includes('PEMDA_ADMIN')) return null;
    const pemdaId = existing.office.pemdaId;
    return db.$transaction(async (tx) => {
      // The same lock as setPemdaRoles: the check below and a role change cannot interleave.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`pemda-admins:${pemdaId}`}, 0))`;
      if (await tx.user.count({ where: { active: true, roles: { has: 'PEMDA_ADMIN' }, office: { pemdaId } } })) return null;
      const after = await tx.user.update({ where: { id: existing.id }, data: { roles: [...existing.roles, 'PEMDA_ADMIN'] } });
      await audit(tx, { userId: null, officeId: existing.officeId }, { action: 'user.pemdaRolesSet', entityType: 'User', entityId: existing.id, before: { roles: existing.roles }, after: { roles: after.roles, by: 'BOOTSTRAP_PEMDA_ADMIN' } });
      return 'PEMDA_ADMIN_GRANTED' as const;
    });
  }
  const passwordHash = await hashPassword(b.password);
  return db.$transaction(async (tx) => {
    // Two replicas starting at once with the same environment: one creates, the other finds it.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`sipedaki.bootstrap:${username}`}, 0))`;
    if (await tx.user.findUnique({ where: { username } })) return null;
    let office = await tx.office.findUnique({ where: { code: b.officeCode } });
    if (!office) {
      const pemda = await upsertPemda(tx, b.regency);
      office = await tx.office.create({ data: { pemdaId: pemda.id, code: b.officeCode, name: b.officeName, regency: b.regency, officeHours: DEFAULT_OFFICE_HOURS } });
      await audit(tx, { userId: null, officeId: office.id }, { action: 'office.created', entityType: 'Office', entityId: office.id, after: { ...office, by: 'BOOTSTRAP_ADMIN' } });
    }
    const roles: Role[] = b.pemdaAdmin ? ['ADMIN', 'PEMDA_ADMIN'] : ['ADMIN'];
    const user = await tx.user.create({
      // The password sits in the deployment's environment: it must be changed at first sign-in.
      data: { officeId: office.id, username, name: 'Administrator', roles, passwordHash, mustChangePassword: true },
    });
    await audit(tx, { userId: null, officeId: office.id }, { action: 'user.created', entityType: 'User', entityId: user.id, after: { username, roles, mustChangePassword: true, by: 'BOOTSTRAP_ADMIN' } });
    return 'CREATED' as const;
  });
}
