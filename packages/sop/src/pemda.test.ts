import { mayPemda, officeReach, pemdaRoles } from './pemda';

describe('pemda reach and capabilities', () => {
  it.each([
    [['SEKRETARIS'], 'OFFICE'],
    [['ADMIN', 'KEPALA_DINAS'], 'OFFICE'],
    [['APIP'], 'OFFICE'],
    [[], 'OFFICE'],
    [['PEMDA_VIEWER'], 'PEMDA'],
    [['PENYUSUN', 'PEMDA_ANALYST'], 'PEMDA'],
    [['PEMDA_ADMIN'], 'PEMDA'],
  ] as const)('roles %j reach %s', (roles, reach) => {
    expect(officeReach(roles)).toBe(reach);
  });

  it.each([
    [['PEMDA_ANALYST'], 'ISSUE_REQUEST', true],
    [['PEMDA_VIEWER'], 'ISSUE_REQUEST', false],
    [['PEMDA_ADMIN'], 'ISSUE_REQUEST', false],
    [['SEKRETARIS'], 'ISSUE_REQUEST', false],
    [['PEMDA_ADMIN'], 'MANAGE_OFFICES', true],
    [['ADMIN'], 'MANAGE_OFFICES', false],
    [['PEMDA_ANALYST'], 'MANAGE_OFFICES', false],
    [['PEMDA_VIEWER'], 'READ', true],
    [['KEPALA_DINAS'], 'READ', false],
  ] as const)('roles %j may %s: %s', (roles, cap, expected) => {
    expect(mayPemda(roles, cap)).toBe(expected);
  });

  it('hands the role gate a copy (a caller cannot change the table)', () => {
    const roles = pemdaRoles('READ');
    roles.push('ADMIN');
    expect(pemdaRoles('READ')).toEqual(['PEMDA_ADMIN', 'PEMDA_ANALYST', 'PEMDA_VIEWER']);
  });
});
