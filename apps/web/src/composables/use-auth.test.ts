import { beforeEach, describe, expect, it } from 'vitest';
import { clearSession, getToken, setSession, TOKEN_KEY, useAuth, type Viewer } from './use-auth';

const viewer: Viewer = {
  mustChangePassword: false,
  roles: ['KASUBBAG'],
  bidangIds: [],
  user: { id: 'u1', name: 'Agus', username: 'kasubbag', nip: null, jabatan: null },
  office: { id: 'o1', name: 'DPMD', regency: 'Nganjuk', utcOffsetMinutes: 420 },
};

describe('use-auth', () => {
  beforeEach(() => clearSession());

  it('keeps the token in localStorage', () => {
    setSession('tok-1', viewer);
    expect(getToken()).toBe('tok-1');
    expect(localStorage.getItem(TOKEN_KEY)).toBe('tok-1');
    const auth = useAuth();
    expect(auth.isLoggedIn.value).toBe(true);
    expect(auth.hasRole('KASUBBAG')).toBe(true);
    expect(auth.hasRole('SEKRETARIS')).toBe(false);
    expect(auth.seesWholeOffice.value).toBe(true);
    expect(auth.isBidang.value).toBe(false);
  });

  it('forgets everything on logout', () => {
    setSession('tok-2', viewer);
    clearSession();
    expect(getToken()).toBeNull();
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
    expect(useAuth().roles.value).toEqual([]);
  });
});
