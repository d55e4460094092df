/**
 * The kabupaten (pemda) level, issue 15: who reaches which offices, and what each pemda role may
 * do there. Pure: the API's PemdaScopeService applies it to the offices in the database.
 */
import { PEMDA_ROLES, type Role } from './roles';

/**
 * How far an actor reads: its own office only, or every office of its own pemda. A pemda role
 * (held by a user of one of the pemda's offices) widens the reach to the pemda; nothing ever
 * reaches another pemda.
 */
export type OfficeReach = 'OFFICE' | 'PEMDA';

export function officeReach(roles: readonly string[]): OfficeReach {
  return roles.some((r) => (PEMDA_ROLES as readonly string[]).includes(r)) ? 'PEMDA' : 'OFFICE';
}

/** What the pemda roles may do across the pemda's offices; everything else there is read-only or nothing. */
export const PEMDA_CAPABILITIES = {
  /** See the pemda's offices, the requests it issued and their progress per office. */
  READ: ['PEMDA_ADMIN', 'PEMDA_ANALYST', 'PEMDA_VIEWER'],
  /** Issue one data request to chosen offices of the pemda (Bappeda / Inspektorat). */
  ISSUE_REQUEST: ['PEMDA_ANALYST'],
  /** Create offices of the pemda with their first administrator; grant the pemda roles. */
  MANAGE_OFFICES: ['PEMDA_ADMIN'],
} as const satisfies Record<string, readonly Role[]>;

export type PemdaCapability = keyof typeof PEMDA_CAPABILITIES;

export function pemdaRoles(capability: PemdaCapability): Role[] {
  return [...PEMDA_CAPABILITIES[capability]];
}

export function mayPemda(roles: readonly string[], capability: PemdaCapability): boolean {
  return roles.some((r) => (PEMDA_CAPABILITIES[capability] as readonly string[]).includes(r));
}
