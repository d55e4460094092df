/**
 * Operations and their input generated from the schema itself, for the sweeps of
 * input-edge.test.ts: every argument (optional ones included) filled with a value of the right
 * shape, and every leaf of that value listed with its path, so a test can put a bad value into
 * each leaf of one kind in turn. A new operation or input field is swept without touching a test.
 */
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

export type Segment = string | number;

export interface Operation {
  name: string;
  kind: 'query' | 'mutation';
  args: readonly GraphQLArgument[];
  leaf: boolean;
}

export interface Leaf {
  /** Path from the argument name: ['input', 'values', 0, 'note']. */
  path: Segment[];
  /** The leaf's named type: String, Int, UUID, Date, an enum … */
  type: string;
}

export const SAMPLE_UUID = '00000000-0000-4000-8000-000000000000';
const SAMPLES: Record<string, unknown> = {
  UUID: SAMPLE_UUID,
  String: 'teks',
  Int: 1,
  Float: 1.5,
  Boolean: false,
  Date: '2026-01-05',
  DateTimeISO: '2026-01-05T01:00:00.000Z',
};

export function operations(schema: GraphQLSchema): Operation[] {
  const list = (kind: 'query' | 'mutation') =>
    Object.values((kind === 'query' ? schema.getQueryType() : schema.getMutationType())!.getFields()).map((f) => ({
      name: f.name,
      kind,
      args: f.args,
      leaf: isScalarType(getNamedType(f.type)) || isEnumType(getNamedType(f.type)),
    }));
  return [...list('query'), ...list('mutation')];
}

/** A value of this type with every field present and one element in every list. */
export function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) return Object.fromEntries(Object.values(type.getFields()).map((f) => [f.name, sample(f.type)]));
  if (!(type.name in SAMPLES)) throw new Error(`schema-inputs: no sample for scalar ${type.name}`);
  return SAMPLES[type.name];
}

export function leaves(type: GraphQLInputType, path: Segment[]): Leaf[] {
  if (isNonNullType(type)) return leaves(type.ofType, path);
  if (isListType(type)) return leaves(type.ofType, [...path, 0]);
  if (isInputObjectType(type)) return Object.values(type.getFields()).flatMap((f) => leaves(f.type, [...path, f.name]));
  return [{ path, type: type.name }];
}

/** Every argument of the operation, filled. */
export function sampleArgs(op: Operation): Record<string, unknown> {
  return Object.fromEntries(op.args.map((a) => [a.name, sample(a.type)]));
}

export function operationLeaves(op: Operation): Leaf[] {
  return op.args.flatMap((a) => leaves(a.type, [a.name]));
}

/** A copy of `args` with the value at `path` replaced. */
export function withValue(args: Record<string, unknown>, path: Segment[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(args);
  let at: any = copy;
  for (const seg of path.slice(0, -1)) at = at[seg];
  at[path.at(-1)!] = value;
  return copy;
}

/** The operation with its arguments as variables ($<arg name>). */
export function withVariables(op: Operation): string {
  const decl = op.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const call = op.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `${op.kind}${decl ? `(${decl})` : ''} { ${op.name}${call ? `(${call})` : ''}${op.leaf ? '' : ' { __typename }'} }`;
}

/** A value as a GraphQL literal (strings with JSON's escapes, which GraphQL reads the same way). */
function literal(value: unknown, type: GraphQLInputType): string {
  if (value === null || value === undefined) return 'null';
  if (isNonNullType(type)) return literal(value, type.ofType);
  if (isListType(type)) return `[${(value as unknown[]).map((v) => literal(v, type.ofType)).join(', ')}]`;
  if (isEnumType(type)) return String(value);
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    return `{ ${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${literal(v, fields[k]!.type)}`).join(', ')} }`;
  }
  return JSON.stringify(value);
}

/** The operation with its arguments written literally into the document. */
export function withLiterals(op: Operation, args: Record<string, unknown>): string {
  const call = op.args.map((a) => `${a.name}: ${literal(args[a.name], a.type)}`).join(', ');
  return `${op.kind} { ${op.name}${call ? `(${call})` : ''}${op.leaf ? '' : ' { __typename }'} }`;
}

/** The name the API gives a field in `fields[].field` (the path inside `input`, else from the argument). */
export function fieldName(path: Segment[]): string {
  return (path[0] === 'input' && path.length > 1 ? path.slice(1) : path).join('.');
}
