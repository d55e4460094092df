import type { AuthChecker } from 'type-graphql';
import type { Role } from '@sipedaki/sop';
import type { GqlContext } from '../common/context';
import { AppError, fail, type Bilingual } from '../common/errors';
import type { ApiScope } from '../generated/prisma/enums';
import type { Actor } from './actor';
import { actorOf } from './current-actor';

/** Any scope at all: the office's reference data (Bidang, indicators, the office itself). */
export const ANY_SCOPE = 'ANY_SCOPE';

/**
 * The root queries a service actor (machine client) may run, and the scope each needs. Everything
 * else — every mutation, every other query — is refused with FORBIDDEN. Read-only by design.
 */
export const SERVICE_QUERIES: Record<string, ApiScope | typeof ANY_SCOPE> = {
  office: ANY_SCOPE,
  bidangList: ANY_SCOPE,
  indicators: ANY_SCOPE,
  dataRequests: 'READ_REQUESTS',
  dataRequest: 'READ_REQUESTS',
  performanceData: 'READ_PERFORMANCE',
  performanceAnalysis: 'READ_ANALYSES',
};

export const SERVICE_READ_ONLY: Bilingual = {
  id: 'Token layanan hanya dapat membaca data; perubahan tidak diizinkan.',
  en: 'A service token can only read; changes are not allowed.',
};
export const serviceScopeMissing = (scope: string): Bilingual => ({
  id: `Token layanan ini tidak memiliki cakupan ${scope} untuk data ini.`,
  en: `This service token lacks the ${scope} scope for this data.`,
});

/** Refuses a service actor any operation its scopes do not cover. */
export function assertServiceMayQuery(actor: Actor, operation: string, field: string): void {
  if (operation !== 'query') fail('FORBIDDEN', SERVICE_READ_ONLY);
  const need = SERVICE_QUERIES[field];
  if (!need) fail('FORBIDDEN', { id: 'Token layanan tidak dapat memakai operasi ini.', en: 'A service token cannot use this operation.' });
  if (need !== ANY_SCOPE && !actor.scopes.includes(need)) fail('FORBIDDEN', serviceScopeMissing(need));
}

/** A service actor may read this kind of data (nested fields narrow by scope, not by role). */
export const serviceHasScope = (actor: Actor, scope: ApiScope) => actor.kind !== 'service' || actor.scopes.includes(scope);

/**
 * What a session may do while its user must change a temporary password: see who it is, change
 * the password, and leave. Everything else (GraphQL and the file routes) is PASSWORD_CHANGE_REQUIRED.
 */
export const PASSWORD_CHANGE_ALLOWED = new Set(['me', 'changePassword', 'logout']);

/**
 * The coarse role gate of every resolver (`@Authorized(...roles)`): signed in, and holding one of
 * the roles now (own or Plt/Plh). A service actor has no roles: on a root field its scopes decide
 * (SERVICE_QUERIES), on a nested field only role-free gates pass. Object-level checks (this
 * office, this Bidang, this state) are the services' job.
 */
export const authChecker: AuthChecker<GqlContext, Role> = ({ context, info }, roles) => {
  const actor = actorOf(context);
  if (actor.kind === 'service') {
    const root = info.parentType === info.schema.getQueryType() || info.parentType === info.schema.getMutationType();
    if (root) assertServiceMayQuery(actor, info.operation.operation, info.fieldName);
    else if (roles.length) fail('FORBIDDEN');
    return true;
  }
  if (actor.mustChangePassword) {
    const root = info.parentType === info.schema.getQueryType() || info.parentType === info.schema.getMutationType();
    if (root && !PASSWORD_CHANGE_ALLOWED.has(info.fieldName)) fail('PASSWORD_CHANGE_REQUIRED');
  }
  if (roles.length === 0) return true;
  if (!actor.roles.some((r) => roles.includes(r))) fail('FORBIDDEN');
  return true;
};

/** REST routes (files, exports, uploads) are for people: a service token is refused there. */
export function requireUserActor(signedIn: Actor | null, authRefusal: AppError | null = null): Actor {
  const actor = actorOf({ actor: signedIn, authRefusal });
  if (actor.kind === 'service') {
    throw new AppError('FORBIDDEN', { id: 'Token layanan hanya dapat dipakai pada API GraphQL (baca saja).', en: 'A service token can only be used on the GraphQL API (read-only).' });
  }
  if (actor.mustChangePassword) throw new AppError('PASSWORD_CHANGE_REQUIRED');
  return actor;
}
