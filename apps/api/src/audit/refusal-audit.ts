/**
 * Refusals of signed-in callers are security events: an Apollo plugin writes one audit row
 * `auth.refused` per GraphQL request that answered FORBIDDEN to a person or a service token —
 * outside the refused operation's transaction (which wrote nothing), after the operation ran.
 * One INSERT per refused request; requests that were not refused cost nothing.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import type { GqlContext } from '../common/context';
import { AppError } from '../common/errors';
import { logger } from '../common/logger';
import type { Db } from '../db/prisma';

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
          try {
            await db.auditEvent.create({
              data: {
                // A service token is not a user: its id goes into `after`, not into actorId.
                actorId: actor.kind === 'user' ? actor.userId : null,
                officeId: actor.officeId,
                action: 'auth.refused',
                entityType: 'Operation',
                entityId: `${kind} ${fields.length ? fields.join(',') : (operationName ?? '-')}`.slice(0, 200),
                after: {
                  operationName: operationName ?? null,
                  fields,
                  messages: [...new Set(refused.map((e) => e.message))],
                  ip: contextValue.ip ?? null,
                  ...(actor.kind === 'service' ? { apiTokenId: actor.userId } : {}),
                },
              },
            });
          } catch (err) {
            // The refusal itself stands; a failed audit write must not turn it into a 500.
            logger.error({ err, requestId: contextValue.requestId }, 'could not audit a refused request');
          }
        },
      };
    },
  };
}
