/** PemdaScopeService: the one answer to "which offices may this actor read" (issue 15). */
import type { Role } from '@sipedaki/sop';
import type { Actor } from '../src/auth/actor';
import { makeOffice, makePemda } from './factories';
import { startTestApp, type TestApp } from './harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const actorOf = (officeId: string, roles: Role[], kind: Actor['kind'] = 'user'): Actor => ({
  kind, userId: '00000000-0000-4000-8000-000000000001', officeId, name: 'x', roles, bidangIds: [], sessionId: 's', scopes: [],
});

async function twoPemdas() {
  const [p1, p2] = [await makePemda(t.db), await makePemda(t.db)];
  const bappeda = await makeOffice(t.db, { pemdaId: p1.id });
  const dinasA = await makeOffice(t.db, { pemdaId: p1.id });
  const dinasB = await makeOffice(t.db, { pemdaId: p1.id });
  const elsewhere = await makeOffice(t.db, { pemdaId: p2.id });
  return { p1, p2, bappeda, dinasA, dinasB, elsewhere };
}

it('an office role reads its own office only; a pemda role reads every office of its pemda and none of another', async () => {
  const w = await twoPemdas();
  const scope = t.services.pemdaScope;
  expect(await scope.readableOfficeIds(actorOf(w.dinasA.id, ['SEKRETARIS', 'ADMIN', 'KEPALA_DINAS']))).toEqual([w.dinasA.id]);
  for (const role of ['PEMDA_ADMIN', 'PEMDA_ANALYST', 'PEMDA_VIEWER'] as Role[]) {
    const ids = await scope.readableOfficeIds(actorOf(w.bappeda.id, [role]));
    expect(ids.sort()).toEqual([w.bappeda.id, w.dinasA.id, w.dinasB.id].sort());
    expect(await scope.mayReadOffice(actorOf(w.bappeda.id, [role]), w.dinasB.id)).toBe(true);
    expect(await scope.mayReadOffice(actorOf(w.bappeda.id, [role]), w.elsewhere.id)).toBe(false);
  }
  // The other pemda's analyst sees its own office, never the first pemda's.
  expect(await scope.readableOfficeIds(actorOf(w.elsewhere.id, ['PEMDA_ANALYST']))).toEqual([w.elsewhere.id]);
  // An office's own staff: their office, not a sibling of the same pemda.
  expect(await scope.mayReadOffice(actorOf(w.dinasA.id, ['KEPALA_DINAS']), w.dinasB.id)).toBe(false);
  expect(await scope.mayReadOffice(actorOf(w.dinasA.id, ['KEPALA_DINAS']), w.dinasA.id)).toBe(true);
  // A machine client reads its own office only, whatever the office.
  expect(await scope.readableOfficeIds(actorOf(w.bappeda.id, [], 'service'))).toEqual([w.bappeda.id]);
});

it('refusals: another pemda\'s office is NOT_FOUND; a pemda capability without the role is FORBIDDEN', async () => {
  const w = await twoPemdas();
  const scope = t.services.pemdaScope;
  await expect(scope.assertMayReadOffice(actorOf(w.elsewhere.id, ['PEMDA_VIEWER']), w.dinasA.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  await expect(scope.assertMayReadOffice(actorOf(w.bappeda.id, ['PEMDA_VIEWER']), '00000000-0000-4000-8000-00000000abcd')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  await expect(scope.requirePemda(actorOf(w.bappeda.id, ['PEMDA_VIEWER']), 'ISSUE_REQUEST')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  await expect(scope.requirePemda(actorOf(w.bappeda.id, ['ADMIN']), 'MANAGE_OFFICES')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  expect(await scope.requirePemda(actorOf(w.bappeda.id, ['PEMDA_ANALYST']), 'ISSUE_REQUEST')).toEqual({ id: w.p1.id, code: w.p1.code, name: w.p1.name });
});
