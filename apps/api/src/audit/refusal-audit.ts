/**
 * Refusals of signed-in callers are security events: one audit row `auth.refused` per request that
 * answered FORBIDDEN to a person or a service token — a GraphQL request (the Apollo plugin below)
 * or a file route (http/authed.ts). Written outside the refused operation's transaction (which
 * wrote nothing), after it ran. One INSERT per refused request; requests that were not refused
 * cost nothing.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import type { Actor } from '../auth/actor';
import type { GqlContext } from '../common/context';
import { AppError } from '../common/errors';
import { logger } from '../common/logger';
import type { Db } from '../db/prisma';

export interface Refusal {
  /** `Operation` (GraphQL: `query users`) or `Route` (a file route: `GET /api/documents/:id`). */
  entityType: 'Operation' | 'Route';
  entityId: string;
  /** What was refused and why, and the client's address. */
  details: Record<string, unknown>;
  ip?: string;
  requestId: string;
}

/** Writes the `auth.refused` row. A failed write is logged; the refusal itself stands (never a 500). */
export async function auditRefusal(db: Db, actor: Actor, r: Refusal): Promise<void> {
  try {
    await db.auditEvent.create({
      data: {
        // A service token is not a user: its id goes into `after`, not into actorId.
        actorId: actor.kind === 'user' ? actor.userId : null,
        officeId: actor.officeId,
        action: 'auth.refused',
        entityType: r.entityType,
        entityId: r.entityId.slice(0, 200),
        after: { ...r.details, ip: r.ip ?? null, ...(actor.kind === 'service' ? { apiTokenId: actor.userId } : {}) },
      },
    });
  } catch (err) {
    logger.error({ err, requestId: r.requestId }, 'could not audit a refused request');
  }
}

const codeOf = (e: GraphQLError): string | undefined => {
  const cause = e.originalError;
  if (cause instanceof AppError) return cause.code;
  return (e.extensions?.code as string | undefined) ?? undefined;
};

export function refusalAuditPlugin(db: Db): ApolloServerPlugin<GqlContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors, operation, operationName }) {
          const actor = contextValue.actor;
          if (!actor) return;
          const refused = errors.filter((e) => codeOf(e) === 'FORBIDDEN');
          if (!refused.length) return;
          const fields = refused.map((e) => e.path?.join('.')).filter((f): f is string => !!f);
          const kind = operation?.operation ?? 'unknown';
          await auditRefusal(db, actor, {
            entityType: 'Operation',
            entityId: `${kind} ${fields.length ? fields.join(',') : (operationName ?? '-')}`,
            details: { operationName: operationName ?? null, fields, messages: [...new Set(refused.map((e) => e.message))] },
            ip: contextValue.ip,
            requestId: contextValue.requestId,
          });
        },
      };
    },
  };
}
