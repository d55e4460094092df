/**
 * The GraphQL server: the schema, the operation limits checked before execution, error
 * formatting (our closed catalogue, internal errors masked with a correlation id) and the plugins.
 */
import crypto from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { refusalAuditPlugin } from '../audit/refusal-audit';
import type { GqlContext } from '../common/context';
import { formatGraphQLError } from '../common/errors';
import { inputGuardPlugin, literalProblems } from '../common/input-guard';
import { logger } from '../common/logger';
import { costLimitRule } from '../common/query-cost';
import type { Config } from '../config';
import { MAX_PAGE_SIZE } from '../data-request/data-request.input';
import type { Db } from '../db/prisma';
import { getSchema } from '../schema/build-schema';
import { jitGateway } from './jit-executor';
import { armorSyntaxErrorPlugin, rateLimitStatusPlugin, serviceTokenReadOnlyPlugin } from './plugins';

export async function createApollo(config: Config, db: Db): Promise<ApolloServer<GqlContext>> {
  const production = config.NODE_ENV === 'production';
  // Operation limits, checked before execution; a refusal is BAD_USER_INPUT (or, for tokens,
  // GRAPHQL_VALIDATION_FAILED), which formatGraphQLError turns into our BAD_REQUEST.
  const armor = new ApolloArmor({
    maxDepth: { n: config.GRAPHQL_MAX_DEPTH },
    maxAliases: { n: config.GRAPHQL_MAX_ALIASES },
    maxTokens: { n: config.GRAPHQL_MAX_TOKENS },
    maxDirectives: { n: config.GRAPHQL_MAX_DIRECTIVES },
    // Our own cost rule (common/query-cost.ts) replaces armor's: see there why.
    costLimit: { enabled: false },
    // In production "Did you mean …" would map the schema for a caller without introspection.
    blockFieldSuggestion: { enabled: production },
  }).protect();
  const schema = await getSchema();
  const guard = { listChoices: !production };
  return new ApolloServer<GqlContext>({
    gateway: jitGateway(schema),
    introspection: config.introspection,
    hideSchemaDetailsFromClientErrors: production,
    validationRules: [...armor.validationRules, costLimitRule({ maxCost: config.GRAPHQL_MAX_COST, maxPageSize: MAX_PAGE_SIZE })],
    // CSRF prevention stays on (Apollo's default): a browser cannot send a "simple" cross-site request.
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // main.ts owns the shutdown order (HTTP, Apollo, database, embedded database).
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) =>
      formatGraphQLError(formatted, error, (cause) => {
        const correlationId = crypto.randomUUID();
        logger.error({ err: cause, correlationId }, 'internal error in GraphQL operation');
        return correlationId;
      }, (original) => literalProblems(schema, original, guard)),
    plugins: [
      armorSyntaxErrorPlugin(),
      ...armor.plugins,
      // Strings without control characters, and every variable coerced field by field, before any
      // resolver runs: a refusal names the field (VALIDATION_FAILED) instead of failing deeper.
      inputGuardPlugin(guard),
      serviceTokenReadOnlyPlugin(),
      rateLimitStatusPlugin(),
      // FORBIDDEN answers to signed-in callers leave an audit row (audit/refusal-audit.ts).
      refusalAuditPlugin(db),
      // No @cacheControl hints are used (every answer depends on the caller), and the default
      // cache-control plugin wraps every field's resolver: ~5% of the board's CPU.
      ApolloServerPluginCacheControlDisabled(),
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
}
