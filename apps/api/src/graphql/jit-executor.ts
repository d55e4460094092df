/**
 * Executes queries with graphql-jit instead of graphql-js's interpreter.
 *
 * Why: profiling the Kasubbag's board (bench/dashboard.mjs, ~5,000 fields per answer) showed
 * graphql-js's execute and the garbage it makes (a resolve-info object, a path entry and an
 * arguments object per field) as the largest share of the API's CPU after the database reads.
 * graphql-jit compiles a validated document once into a function for that operation; the
 * resolvers are the same (type-graphql's), so authorization, validation and the services run
 * exactly as before. Only the walk over the selection set changes.
 *
 * What is cached is the compiled document, never a result: every request runs its resolvers and
 * its SQL. The cache is keyed by the DocumentNode that Apollo's own (bounded) document store hands
 * out for a query it has parsed and validated before, so it cannot outgrow that store. A document
 * is compiled only when it is seen a second time, so a client sending ever new documents pays the
 * interpreter, not a compilation per request; and only when it holds no string literal (jitSafe).
 *
 * Mutations stay on graphql-js (they are few per page and run their fields in series).
 */
import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { BREAK, execute, GraphQLError, printSchema, visit, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { extend } from '../common/objects';

// Apollo Server's one documented way to hand it an executor is its gateway interface (types
// taken from @apollo/server itself rather than a package of their own).
type Gateway = ApolloServerOptionsWithGateway<never>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;
type ExecutorRequest = Parameters<Executor>[0];

/** Uses before a document is compiled. */
const COMPILE_AFTER = 2;

type Entry = { uses: number; compiled: Map<string, CompiledQuery | null> };

export function jitExecutor(schema: GraphQLSchema): Executor {
  const documents = new WeakMap<DocumentNode, Entry>();

  function compiledFor(document: DocumentNode, operationName: string | null | undefined): CompiledQuery | null {
    let entry = documents.get(document);
    if (!entry) {
      entry = { uses: 0, compiled: new Map() };
      documents.set(document, entry);
    }
    entry.uses++;
    if (entry.uses < COMPILE_AFTER) return null;
    const key = operationName ?? '';
    if (!entry.compiled.has(key) && !jitSafe(document)) entry.compiled.set(key, null);
    if (!entry.compiled.has(key)) {
      const c = compileQuery(schema, document, operationName ?? undefined);
      // A document graphql-jit cannot compile runs on graphql-js (null is remembered as "no").
      entry.compiled.set(key, isCompiledQuery(c) ? c : null);
    }
    return entry.compiled.get(key) ?? null;
  }

  return async (rc: ExecutorRequest) => {
    const { document, operation, operationName, context } = rc;
    const variables = rc.request.variables ?? undefined;
    const compiled = operation?.operation === 'query' ? compiledFor(document, operationName) : null;
    if (compiled) return withGraphQLErrors(await compiled.query(undefined, context, variables));
    return execute({ schema, document, contextValue: context, variableValues: variables, operationName });
  };
}

/**
 * Whether graphql-jit may compile this document: only when it holds no string literal. graphql-jit
 * writes literal argument values into the JavaScript it generates with JSON.stringify and then
 * turns marker strings (public constants of the package, for dates, NaN and ±Infinity) back into
 * code; a string literal that carries such a marker closes the generated object literal and runs
 * whatever follows (verified with graphql-jit 0.8.9 and pinned by test/jit-executor.test.ts).
 * Numbers, booleans, enums and null cannot carry one; the SPA passes strings as variables, which
 * graphql-jit never writes into code. A document with a string literal runs on graphql-js.
 */
export function jitSafe(document: DocumentNode): boolean {
  let safe = true;
  visit(document, {
    StringValue() {
      safe = false;
      return BREAK;
    },
  });
  return safe;
}

/**
 * graphql-jit reports errors with a look-alike of GraphQLError whose `extensions` is undefined when
 * the thrown error has none; Apollo's error formatting reads `extensions.code` and would answer a
 * refusal (FORBIDDEN, NOT_FOUND…) as its own INTERNAL_SERVER_ERROR. Each one is rebuilt as the
 * error graphql-js would have given: same message, path, locations and original error.
 */
function withGraphQLErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.length) return result;
  return extend(result, { errors: result.errors.map(asGraphQLError) });
}

function asGraphQLError(e: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(e.message, { path: e.path, originalError: e.originalError ?? undefined, extensions: e.extensions ?? undefined });
  if (e.locations) Object.assign(rebuilt, { locations: e.locations });
  return rebuilt;
}

/**
 * The schema served as it is, with queries executed by jitExecutor: a "gateway" in Apollo's terms
 * only because that is the interface through which Apollo Server accepts an executor. Everything
 * else (parsing, validation rules, the document store, plugins, error formatting) stays Apollo's.
 */
export function jitGateway(schema: GraphQLSchema): Gateway {
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    async load() {
      return { schema, executor: jitExecutor(schema) };
    },
    async stop() {},
  };
}
