/**
 * The demo pemda's kabupaten level (issue 15): the Bappeda of Kabupaten Nganjuk as an office of the
 * demo pemda, with a pemda analyst and the Sekda's read-only viewer, so `pnpm start` shows the
 * "Dasbor Kabupaten" at once (the demo office's replayed past fills its league table). Kept apart
 * from db/seed.ts so that the features seeding the demo do not edit the same lines. Idempotent.
 */
import type { Role } from '@sipedaki/sop';
import { hashPassword } from '../auth/password';
import type { Db } from '../db/prisma';
import { DEMO_OFFICE_CODE } from '../db/seed';

export const DEMO_ROLLUP_OFFICE_CODE = 'BAPPEDA-NGANJUK';
export const DEMO_ROLLUP_USERS: { username: string; nip: string; name: string; jabatan: string; roles: Role[] }[] = [
  { username: 'analis.bappeda', nip: '198804122011012003', name: 'Dewi Lestari, S.T., M.Sc.', jabatan: 'Analis Perencanaan Bappeda', roles: ['PEMDA_ANALYST'] },
  { username: 'sekda', nip: '197005201994031006', name: 'Drs. Bambang Sutrisno, M.Si.', jabatan: 'Sekretaris Daerah', roles: ['PEMDA_VIEWER'] },
];

export async function seedDemoRollup(db: Db, password: string): Promise<void> {
  const demo = await db.office.findUnique({ where: { code: DEMO_OFFICE_CODE } });
  if (!demo) return;
  const office = await db.office.upsert({
    where: { code: DEMO_ROLLUP_OFFICE_CODE },
    create: {
      pemdaId: demo.pemdaId,
      code: DEMO_ROLLUP_OFFICE_CODE,
      name: 'Badan Perencanaan Pembangunan Daerah',
      regency: demo.regency,
      utcOffsetMinutes: demo.utcOffsetMinutes,
      officeHours: demo.officeHours ?? {},
      kopGovernment: 'Pemerintah Kabupaten Nganjuk',
      kopAgency: 'Badan Perencanaan Pembangunan Daerah',
      kopCity: 'Nganjuk',
    },
    update: {},
  });
  const passwordHash = await hashPassword(password);
  for (const u of DEMO_ROLLUP_USERS) {
    if (await db.user.findUnique({ where: { username: u.username } })) continue;
    await db.user.create({ data: { officeId: office.id, username: u.username, nip: u.nip, name: u.name, jabatan: u.jabatan, roles: u.roles, passwordHash } });
  }
}
