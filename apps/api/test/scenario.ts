/**
 * A whole office with a request at step 4 (COLLECTING) and every Bidang's submission filled,
 * built through the real services (register → dispositions → sendFormat). Used by the N+1 guard
 * in ops.test.ts and by bench/dashboard.mjs (seeding a fresh database).
 */
import crypto from 'node:crypto';
import type { Db } from '../src/db/prisma';
import type { Services } from '../src/services';
import { actorOf as actorOfUser, makeBidang, makeIndicator, makeOffice, makeUser } from './factories';

// Each action in a session of its own, as separate sign-ins would be.
const actorOf = (u: Parameters<typeof actorOfUser>[0]) => actorOfUser(u, crypto.randomUUID());

export async function makeCollectingRequest(db: Db, services: Services, opts: { bidang: number; indicatorsPerBidang: number; year?: number; triwulan?: number }) {
  const year = opts.year ?? 2026;
  const triwulan = opts.triwulan ?? 3;
  const office = await makeOffice(db, { allDay: true });
  const bidang = [];
  for (let b = 0; b < opts.bidang; b++) {
    const bd = await makeBidang(db, office.id, `Bidang ${b + 1}`);
    bidang.push(bd);
    for (let i = 0; i < opts.indicatorsPerBidang; i++) await makeIndicator(db, office.id, bd.id, { year, target: 80 + (i % 20) });
  }
  const users = {
    sekretaris: await makeUser(db, office.id, ['SEKRETARIS']),
    kasubbag: await makeUser(db, office.id, ['KASUBBAG']),
    penyusun: await makeUser(db, office.id, ['PENYUSUN']),
  };
  const r = await services.requests.register(actorOf(users.sekretaris), {
    year,
    triwulan,
    letterNumber: `050/${crypto.randomBytes(3).toString('hex')}/2026`,
    letterDate: `${year}-10-01`,
    sender: 'Bappeda',
    subject: 'Permintaan data kinerja',
    indicatorIds: [],
    requestedDocuments: ['LHP', 'LHE', 'TL_HP'],
  } as never);
  await services.transitions.transition(actorOf(users.sekretaris), r.id, 'DISPOSE_TO_KASUBBAG', { instruction: 'Segera tindak lanjuti.' });
  await services.transitions.transition(actorOf(users.kasubbag), r.id, 'DISPOSE_TO_STAFF', { instruction: 'Siapkan format.' });
  await services.transitions.transition(actorOf(users.penyusun), r.id, 'SEND_FORMAT', {});
  // Fill every submission (the values a Bidang would save), straight into the table.
  const subs = await db.bidangSubmission.findMany({ where: { requestId: r.id } });
  const indicators = await db.indicator.findMany({ where: { officeId: office.id } });
  await db.submissionValue.createMany({
    data: subs.flatMap((s) =>
      indicators.filter((i) => i.bidangId === s.bidangId).map((i, k) => ({ submissionId: s.id, indicatorId: i.id, realisasi: 60 + (k % 50) })),
    ),
  });
  return { office, bidang, users, requestId: r.id, submissionIds: subs.map((s) => s.id) };
}

/** The Kasubbag's dashboard of one request: progress, every Bidang's values, and the timeline. */
export const DASHBOARD_QUERY = `query Dashboard($id: UUID!) {
  dataRequest(id: $id) {
    id status currentStep version dueAt overdue
    completeness { bidangTotal draft submitted returned accepted onTime late percentAccepted
      perBidang { bidang { id name } status submissionId late overdue returnCount } }
    submissions { id status version bidang { id name } missingDocuments
      values { indicatorId indicatorCode target realisasi capaian category { code label } } }
    timeline { step state startedAt dueAt completedAt elapsedWorkingMinutes overdue }
  }
}`;
