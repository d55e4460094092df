import { computed, ref } from 'vue';
import { BIDANG_ROLES, seesWholeOffice } from '@sipedaki/sop';
import type { MeQuery, Role } from '@/gql/graphql';

export type Viewer = MeQuery['me'];

export const TOKEN_KEY = 'sipedaki.token';
const VIEWER_KEY = 'sipedaki.viewer';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function readViewer(): Viewer | null {
  const raw = read(VIEWER_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Viewer;
  } catch {
    return null;
  }
}

// One session per tab, shared by every component (module state).
const token = ref<string | null>(read(TOKEN_KEY));
const viewer = ref<Viewer | null>(token.value ? readViewer() : null);


export function getToken(): string | null {
  return token.value;
}

export function setSession(newToken: string, v: Viewer) {
  token.value = newToken;
  viewer.value = v;
  try {
    localStorage.setItem(TOKEN_KEY, newToken);
    localStorage.setItem(VIEWER_KEY, JSON.stringify(v));
  } catch {
    /* storage full or disabled: the session lasts for this tab */
  }
}

export function setViewer(v: Viewer) {
  viewer.value = v;
  try {
    localStorage.setItem(VIEWER_KEY, JSON.stringify(v));
  } catch {
    /* ignore */
  }
}

export function clearSession() {
  token.value = null;
  viewer.value = null;
  try {
    localStorage.removeItem(TOKEN_KEY);
    localStorage.removeItem(VIEWER_KEY);
  } catch {
    /* ignore */
  }
}

export function useAuth() {
  const roles = computed<Role[]>(() => viewer.value?.roles ?? []);
  const hasRole = (...r: Role[]) => r.some((x) => roles.value.includes(x));
  return {
    token,
    viewer,
    roles,
    hasRole,
    isLoggedIn: computed(() => !!token.value),
    // The same rule as the API's (one definition in @sipedaki/sop).
    seesWholeOffice: computed(() => seesWholeOffice(roles.value)),
    isBidang: computed(() => roles.value.some((r) => (BIDANG_ROLES as readonly string[]).includes(r))),
    setSession,
    setViewer,
    clearSession,
  };
}
