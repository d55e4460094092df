import { BIDANG_ROLES, OFFICE_WIDE_ROLES, RECORD_KIND, ROLE_LABELS, ROLES, SUPERIOR, isRole, seesWholeOffice, type Role } from './roles';

describe('roles', () => {
  it('lists the seven roles in a fixed order', () => {
    expect(ROLES).toEqual([
      'ADMIN',
      'KEPALA_DINAS',
      'SEKRETARIS',
      'KASUBBAG',
      'PENYUSUN',
      'BIDANG_OPERATOR',
      'BIDANG_HEAD',
    ]);
  });

  it.each<[Role, string]>([
    ['KEPALA_DINAS', 'Kepala Dinas'],
    ['SEKRETARIS', 'Sekretaris Dinas'],
    ['KASUBBAG', 'Kasubbag Program dan Evaluasi'],
    ['PENYUSUN', 'Penyusun Bahan Evaluasi, Rencana, Program dan Laporan'],
    ['BIDANG_OPERATOR', 'Operator Bidang'],
    ['BIDANG_HEAD', 'Kepala Bidang'],
    ['ADMIN', 'Administrator'],
  ])('labels %s in Indonesian as %s', (role, label) => {
    expect(ROLE_LABELS[role].id).toBe(label);
    expect(ROLE_LABELS[role].en.length).toBeGreaterThan(0);
  });

  it.each<[Role, Role | null]>([
    ['PENYUSUN', 'KASUBBAG'],
    ['KASUBBAG', 'SEKRETARIS'],
    ['SEKRETARIS', 'KEPALA_DINAS'],
    ['BIDANG_OPERATOR', 'BIDANG_HEAD'],
    ['BIDANG_HEAD', 'SEKRETARIS'],
    ['KEPALA_DINAS', null],
    ['ADMIN', null],
  ])('escalates an overdue %s to %s', (role, superior) => {
    expect(SUPERIOR[role]).toBe(superior);
  });

  it.each(ROLES.map((r) => [r]))('escalation from %s ends without a cycle', (start) => {
    const seen = new Set<Role>();
    let current: Role | null = start;
    while (current) {
      expect(seen.has(current)).toBe(false);
      seen.add(current);
      current = SUPERIOR[current];
    }
    expect(seen.size).toBeLessThanOrEqual(ROLES.length);
  });

  it.each<[Role, 'SIGNATURE' | 'PARAF' | 'NONE']>([
    ['KEPALA_DINAS', 'SIGNATURE'],
    ['SEKRETARIS', 'PARAF'],
    ['KASUBBAG', 'PARAF'],
    ['PENYUSUN', 'PARAF'],
    ['BIDANG_HEAD', 'PARAF'],
    ['BIDANG_OPERATOR', 'NONE'],
    ['ADMIN', 'NONE'],
  ])('%s records with %s', (role, kind) => {
    expect(RECORD_KIND[role]).toBe(kind);
  });

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

  it('every role is either office-wide or a Bidang role, never both', () => {
    for (const r of ROLES) expect(OFFICE_WIDE_ROLES.includes(r) !== BIDANG_ROLES.includes(r)).toBe(true);
  });
});
