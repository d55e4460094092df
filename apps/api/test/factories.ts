/**
 * Factories: each test builds the office it needs, with unique codes, so tests are independent
 * of each other and of the demo seed.
 */
import crypto from 'node:crypto';
import type { Role } from '@sipedaki/sop';
import type { Actor } from '../src/auth/actor';
import { hashPassword } from '../src/auth/password';
import type { Db } from '../src/db/prisma';
import { DEFAULT_OFFICE_HOURS } from '../src/db/seed';

export const PASSWORD = 'rahasia-uji-123';
let passwordHash: Promise<string> | undefined;
const uid = () => crypto.randomBytes(4).toString('hex');

/**
 * A user (a row of makeUser or makeOfficeWithStaff) as the actor the services take: signed in as
 * a person, no API-token scopes. For tests that call the services directly.
 */
export function actorOf(u: { id: string; officeId: string; name: string; roles: readonly string[]; bidangId: string | null }, sessionId = 'test'): Actor {
  return { userId: u.id, officeId: u.officeId, name: u.name, roles: [...u.roles] as Role[], bidangIds: u.bidangId ? [u.bidangId] : [], sessionId, kind: 'user', scopes: [] };
}

/**
 * A structurally valid, unique NIP. The test files share one database, so a NIP must not repeat
 * across processes either: each process walks its own stretch of the ~1.4 billion NIPs this can
 * write (birth date, appointment month, sequence), from a random start. (Drawn at random each
 * time from ~12 million, the NIPs of a full run collided now and then: a unique-index failure.)
 */
const NIP_RADIX = [999, 28, 12, 40, 9, 12] as const; // sequence, day, birth month, birth year, years to appointment, appointment month
let nipIndex = crypto.randomInt(0, 2 ** 47) % NIP_RADIX.reduce((a, b) => a * b, 1);
export function makeNip(sex: 1 | 2 = 1): string {
  let rest = nipIndex++;
  const [seq = 0, day = 0, month = 0, year = 0, toAppointment = 0, appointmentMonth = 0] = NIP_RADIX.map((radix) => {
    const digit = rest % radix;
    rest = Math.floor(rest / radix);
    return digit;
  });
  const two = (n: number) => String(n).padStart(2, '0');
  const birthYear = 1960 + year;
  return `${birthYear}${two(month + 1)}${two(day + 1)}${birthYear + 18 + toAppointment}${two(appointmentMonth + 1)}${sex}${String(seq + 1).padStart(3, '0')}`;
}

/** A regional government (issue 15). Each office made without one gets its own pemda, so tests stay isolated. */
export async function makePemda(db: Db, name = 'Kabupaten Uji') {
  return db.pemda.create({ data: { code: `P-${uid()}`, name: `Pemerintah ${name} ${uid()}` } });
}

export async function makeOffice(db: Db, opts: { allDay?: boolean; requireHeadApproval?: boolean; pemdaId?: string } = {}) {
  // allDay: office hours around the clock every day, so working time = wall time in tests that
  // are not about the calendar itself.
  const hours = opts.allDay
    ? Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, { start: '00:00', end: '24:00' }]))
    : DEFAULT_OFFICE_HOURS;
  return db.office.create({
    // The Kepala Bidang's sign-off (issue 11) is off unless a test asks for it: the tests written
    // before it let the operator hand in straight to the secretariat (signoff.test.ts covers it).
    data: {
      code: `T-${uid()}`,
      name: 'Dinas Uji',
      regency: 'Kabupaten Uji',
      officeHours: hours,
      requireHeadApproval: opts.requireHeadApproval ?? false,
      pemdaId: opts.pemdaId ?? (await makePemda(db)).id,
    },
  });
}

export async function makeBidang(db: Db, officeId: string, name = 'Bidang Uji') {
  return db.bidang.create({ data: { officeId, code: `B-${uid()}`, name: `${name} ${uid()}` } });
}

export async function makeUser(db: Db, officeId: string, roles: Role[], bidangId: string | null = null) {
  passwordHash ??= hashPassword(PASSWORD);
  return db.user.create({
    data: {
      officeId,
      username: `u${uid()}`,
      nip: makeNip(),
      name: `Pegawai ${roles.join('/')}`,
      roles,
      bidangId,
      passwordHash: await passwordHash,
    },
  });
}

/** The office's Sasaran of that name (in its Renstra period 2025–2029, made when missing). */
export async function sasaranOf(db: Db, officeId: string, name: string) {
  const period = await db.renstraPeriod.upsert({
    where: { officeId_startYear: { officeId, startYear: 2025 } },
    create: { officeId, name: 'Renstra 2025–2029', startYear: 2025, endYear: 2029 },
    update: {},
  });
  const found = await db.sasaran.findFirst({ where: { renstraPeriodId: period.id, name } });
  return found ?? db.sasaran.create({ data: { officeId, renstraPeriodId: period.id, code: `S-${uid()}`, name } });
}

export async function makeIndicator(
  db: Db,
  officeId: string,
  bidangId: string,
  opts: { polarity?: 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER' | 'RANGE'; year?: number; target?: number; targetUpper?: number; sasaran?: string; satuan?: string } = {},
) {
  const year = opts.year ?? 2026;
  const sasaran = await sasaranOf(db, officeId, opts.sasaran ?? 'Sasaran uji');
  return db.indicator.create({
    data: {
      officeId,
      bidangId,
      code: `IKU-${uid()}`,
      sasaranId: sasaran.id,
      name: 'Indikator uji',
      // A free value kind (INDEX) unless a test asks for a satuan: value-kind rules have their own tests.
      satuan: opts.satuan ?? 'nilai',
      polarity: opts.polarity ?? 'HIGHER_IS_BETTER',
      targets: {
        create: [1, 2, 3, 4].map((triwulan) => ({ year, triwulan, target: opts.target ?? 100, targetUpper: opts.targetUpper ?? null })),
      },
    },
  });
}

/** A whole office: two Bidang with one indicator each, and one user per role. */
export async function makeOfficeWithStaff(db: Db, opts: { allDay?: boolean; requireHeadApproval?: boolean; pemdaId?: string } = { allDay: true }) {
  const office = await makeOffice(db, opts);
  const [b1, b2] = [await makeBidang(db, office.id, 'Bidang Satu'), await makeBidang(db, office.id, 'Bidang Dua')];
  const [i1, i2] = [await makeIndicator(db, office.id, b1!.id, { target: 80 }), await makeIndicator(db, office.id, b2!.id, { polarity: 'LOWER_IS_BETTER', target: 10 })];
  const users = {
    admin: await makeUser(db, office.id, ['ADMIN']),
    kepala: await makeUser(db, office.id, ['KEPALA_DINAS']),
    sekretaris: await makeUser(db, office.id, ['SEKRETARIS']),
    kasubbag: await makeUser(db, office.id, ['KASUBBAG']),
    penyusun: await makeUser(db, office.id, ['PENYUSUN']),
    op1: await makeUser(db, office.id, ['BIDANG_OPERATOR'], b1!.id),
    op2: await makeUser(db, office.id, ['BIDANG_OPERATOR'], b2!.id),
    head1: await makeUser(db, office.id, ['BIDANG_HEAD'], b1!.id),
  };
  return { office, bidang: [b1!, b2!], indicators: [i1!, i2!], users };
}
