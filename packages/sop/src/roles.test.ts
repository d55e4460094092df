import { getStep, SOP_STEPS } from './steps';
import { BIDANG_ROLES, isRole, OFFICE_WIDE_ROLES, PEMDA_ROLES, ROLES, seesWholeOffice, SUPERIOR, VERIFIER_ROLES, type Role } from './roles';

describe('roles', () => {
  it.each([
    ['KASUBBAG', true],
    ['kasubbag', false],
    ['', false],
    [42, false],
    [null, false],
  ])('isRole(%p) is %p', (value, expected) => {
    expect(isRole(value)).toBe(expected);
  });

  it.each([
    [['KASUBBAG'], true],
    [['ADMIN'], true],
    [['BIDANG_OPERATOR'], false],
    [['BIDANG_HEAD', 'PENYUSUN'], true],
    [[], false],
  ])('seesWholeOffice(%p) is %p', (roles, expected) => {
    expect(seesWholeOffice(roles)).toBe(expected);
  });

  it('every role is exactly one of office-wide, a Bidang role, a verifier (APIP) or a pemda role', () => {
    for (const r of ROLES) expect([OFFICE_WIDE_ROLES.includes(r), BIDANG_ROLES.includes(r), VERIFIER_ROLES.includes(r), PEMDA_ROLES.includes(r)].filter(Boolean)).toHaveLength(1);
  });
});

describe('escalation of a late step', () => {
  // Hand-worked from the SOP's line of command: the one who ordered the step is told when it is
  // late (the Sekretaris ordered the Kasubbag, the Kasubbag the staff), and a late Sekretaris
  // goes to the Kepala Dinas.
  it.each<[number, Role]>([
    [1, 'KEPALA_DINAS'], // the Sekretaris's disposition
    [2, 'SEKRETARIS'], // the Kasubbag's disposition
    [3, 'KASUBBAG'], // the Penyusun sends the format
    [4, 'KASUBBAG'], // the Penyusun collects from the Bidang
    [5, 'SEKRETARIS'], // the Kasubbag compiles
    [6, 'SEKRETARIS'], // the Kasubbag analyses
    [7, 'KEPALA_DINAS'], // the Sekretaris raises the report
  ])('a late step %i reaches the %s', (step, superior) => {
    expect(SUPERIOR[getStep(step).actors[0]!]).toBe(superior);
  });

  it('every step has someone to escalate to', () => {
    expect(SOP_STEPS.filter((s) => !SUPERIOR[s.actors[0]!]).map((s) => s.no)).toEqual([]);
  });

  it.each(ROLES.map((r) => [r]))('escalation from %s ends without a cycle', (start) => {
    const seen = new Set<Role>();
    let current: Role | null = start;
    while (current) {
      expect(seen.has(current)).toBe(false);
      seen.add(current);
      current = SUPERIOR[current];
    }
  });
});
