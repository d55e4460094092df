/**
 * The Apollo plugins of our own, each one concern. The order they are listed in (graphql/apollo.ts)
 * matters where noted.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { SERVICE_READ_ONLY } from '../auth/auth-checker';
import type { GqlContext } from '../common/context';
import { AppError } from '../common/errors';

/**
 * graphql-armor's token limit parses the document in parsingDidStart, outside Apollo's own parse
 * (which answers 400): its syntax errors would otherwise end as HTTP 500. Listed before armor's
 * plugins so that this rejection is the one Apollo reports.
 */
export const armorSyntaxErrorPlugin = (): ApolloServerPlugin<GqlContext> => ({
  async unexpectedErrorProcessingRequest({ error }) {
    if (error instanceof GraphQLError && error.message.startsWith('Syntax Error')) {
      throw new GraphQLError(error.message, { extensions: { code: 'GRAPHQL_PARSE_FAILED', http: { status: 400 } } });
    }
  },
});

/**
 * A service token (machine client) is read-only: every mutation is refused before it runs, public
 * ones (login, verifyDocument) included. Queries are gated per scope in authChecker.
 */
export const serviceTokenReadOnlyPlugin = (): ApolloServerPlugin<GqlContext> => ({
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operation }) {
        const actor = contextValue.actor;
        if (actor?.kind !== 'service' || operation?.operation === 'query') return;
        const refusal = new AppError('FORBIDDEN', SERVICE_READ_ONLY);
        throw new GraphQLError(refusal.message, { originalError: refusal, extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
      },
    };
  },
});

/** RATE_LIMITED is the one GraphQL error with its own HTTP status (429, with Retry-After). */
export const rateLimitStatusPlugin = (): ApolloServerPlugin<GqlContext> => ({
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const limited = response.body.singleResult.errors?.find((e) => e.extensions?.code === 'RATE_LIMITED');
        if (!limited) return;
        response.http.status = 429;
        response.http.headers.set('retry-after', String(limited.extensions?.retryAfterSeconds ?? 60));
      },
    };
  },
});
