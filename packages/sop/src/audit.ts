/**
 * Who reads the office-wide audit trail (issue 11): the administrator and the Sekretaris. Each
 * request's and submission's own history ("Riwayat") is read by whoever may read that record.
 */
import type { Role } from './roles';

export const AUDIT_SEARCH_ROLES: readonly Role[] = ['ADMIN', 'SEKRETARIS'];

export const maySearchAuditTrail = (roles: readonly Role[]): boolean => roles.some((r) => AUDIT_SEARCH_ROLES.includes(r));
