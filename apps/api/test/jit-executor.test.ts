/**
 * graphql/jit-executor.ts: queries run compiled by graphql-jit, but never a document with a string
 * literal — graphql-jit 0.8.9 writes literals into generated code, and a crafted one runs code.
 */
import { GraphQLObjectType, GraphQLSchema, GraphQLString, parse, type DocumentNode } from 'graphql';
import { jitExecutor, jitSafe } from '../src/graphql/jit-executor';

// The marker graphql-jit turns back into `new Date(…)` in its generated code (a public constant).
const MARKER = '__MAGIC_DATE__33a9e76d_02e0_4128_8e92_3530ad3da74d';
const PAYLOAD = `${MARKER}1)}; globalThis.__jitInjected = 1; const zz = {a:(1`;

const calls: string[] = [];
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      echo: { type: GraphQLString, args: { s: { type: GraphQLString } }, resolve: (_r, a: { s: string }) => (calls.push(a.s), a.s) },
    },
  }),
});

type Run = ReturnType<typeof jitExecutor>;
const run = (executor: Run, document: DocumentNode, variables: Record<string, unknown> = {}) =>
  executor({ document, operation: document.definitions[0], operationName: null, context: {}, request: { variables } } as never);

afterEach(() => {
  delete (globalThis as { __jitInjected?: number }).__jitInjected;
  calls.length = 0;
});

it('a string literal carrying graphql-jit’s marker is answered as data, and no code runs (graphql-js executes it)', async () => {
  const executor = jitExecutor(schema);
  const doc = parse(`{ echo(s: ${JSON.stringify(PAYLOAD)}) }`);
  expect(jitSafe(doc)).toBe(false);
  // Twice: the second use is where a document would be compiled.
  for (let i = 0; i < 2; i++) expect(await run(executor, doc)).toEqual({ data: { echo: PAYLOAD } });
  expect((globalThis as { __jitInjected?: number }).__jitInjected).toBeUndefined();
  expect(calls).toEqual([PAYLOAD, PAYLOAD]);
});

it('the same string as a variable is compiled and stays data', async () => {
  const executor = jitExecutor(schema);
  const doc = parse('query($s: String) { echo(s: $s) }');
  expect(jitSafe(doc)).toBe(true);
  for (let i = 0; i < 3; i++) expect(await run(executor, doc, { s: PAYLOAD })).toEqual({ data: { echo: PAYLOAD } });
  expect((globalThis as { __jitInjected?: number }).__jitInjected).toBeUndefined();
});

it('numbers, enums and booleans do not make a document unsafe; a string anywhere does (block strings, defaults)', () => {
  expect(jitSafe(parse('{ a(first: 10, on: true, kind: COUNT, x: null, l: [1, 2]) }'))).toBe(true);
  expect(jitSafe(parse('{ a(o: { b: [1, "x"] }) }'))).toBe(false);
  expect(jitSafe(parse('{ a(s: """block""") }'))).toBe(false);
  expect(jitSafe(parse('query($s: String = "d") { a(s: $s) }'))).toBe(false);
});
