/**
 * Input checks at the edge of the GraphQL API, before any resolver runs (issue 9, item 8):
 *
 * - every string of the operation — in its variables and in literal arguments — is refused when
 *   it holds a C0 control character other than tab, line feed and carriage return (NUL above all:
 *   PostgreSQL cannot store it) or a lone UTF-16 surrogate (not a character at all);
 * - variables are coerced here, field by field, so a value that does not fit its type (not a
 *   UUID, not a date, an Int out of range, an unknown enum value …) is reported with the path of
 *   the field it was meant for, instead of GraphQL's English one-liner;
 * - a literal argument that does not fit is caught by GraphQL's own validation; `literalProblems`
 *   turns that error into the same field list (called from formatGraphQLError).
 *
 * Every refusal is VALIDATION_FAILED (HTTP 400: the request does not fit the schema) with
 * `fields: [{ field, message }]`. A field is named by its path inside the `input` argument
 * (`letterDate`, `values.0.note`), or from the argument for any other argument (`id`, `after`,
 * `filter.year`) — the same names the class-validator checks use.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  BREAK,
  coerceInputValue,
  getNamedType,
  getNullableType,
  GraphQLError,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  parse,
  typeFromAST,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ASTNode,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type ObjectFieldNode,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql';
import { AppError, type Bilingual, type FieldProblem } from './errors';
import { InputValueError } from './scalars';

type Segment = string | number;

/** C0 controls except TAB (09), LF (0A) and CR (0D); a high surrogate without its low half, or a low one alone. */
const FORBIDDEN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const TEXT_REFUSED: Bilingual = {
  id: 'Tidak boleh berisi karakter kontrol (mis. NUL) atau karakter Unicode yang rusak (surrogate tunggal).',
  en: 'Must not contain control characters (such as NUL) or broken Unicode (a lone surrogate).',
};

/** True when the text holds a character the API does not accept in any string. */
export const hasForbiddenText = (s: string): boolean => FORBIDDEN_TEXT.test(s);

/** The name a client sees in `fields[].field`: the path inside `input`, else from the argument. */
export function fieldName(path: readonly Segment[]): string {
  return (path[0] === 'input' && path.length > 1 ? path.slice(1) : path).join('.');
}

const REQUIRED: Bilingual = { id: 'Wajib diisi.', en: 'Required.' };
const UNKNOWN_FIELD: Bilingual = { id: 'Kolom ini tidak dikenal.', en: 'Unknown field.' };

export interface GuardOptions {
  /**
   * Name an enum's values when one is wrong. Off in production, where GraphQL's own suggestions
   * are off too (graphql-armor): a caller without introspection is not handed the schema.
   */
  listChoices: boolean;
}

/** What a value of this type must look like, in both languages. */
function expectation(type: GraphQLInputType | null | undefined, opts: GuardOptions): Bilingual {
  const named = type ? getNamedType(type) : null;
  if (!named) return UNKNOWN_FIELD;
  if (isEnumType(named)) {
    const choices = named.getValues().map((v) => v.name).join(', ');
    return opts.listChoices
      ? { id: `Pilihan tidak dikenal. Yang berlaku: ${choices}.`, en: `Unknown choice. Valid: ${choices}.` }
      : { id: 'Pilihan tidak dikenal.', en: 'Unknown choice.' };
  }
  if (isInputObjectType(named)) return { id: 'Harus berupa objek isian.', en: 'Must be an input object.' };
  switch (named.name) {
    case 'Int':
      return { id: 'Harus berupa bilangan bulat antara -2147483648 dan 2147483647.', en: 'Must be a whole number between -2147483648 and 2147483647.' };
    case 'Float':
      return { id: 'Harus berupa angka.', en: 'Must be a number.' };
    case 'Boolean':
      return { id: 'Harus bernilai true atau false.', en: 'Must be true or false.' };
    case 'String':
    case 'ID':
      return { id: 'Harus berupa teks.', en: 'Must be text.' };
    case 'DateTimeISO':
      return { id: 'Harus berupa tanggal dan jam ISO 8601, mis. 2026-10-01T08:00:00+07:00.', en: 'Must be an ISO 8601 date and time, e.g. 2026-10-01T08:00:00+07:00.' };
    default:
      return { id: 'Nilai tidak valid.', en: 'Invalid value.' };
  }
}

/** A scalar's own refusal (UUID, Date), in both languages. */
const ownRefusal = (error: { originalError?: unknown }): Bilingual | null =>
  error.originalError instanceof InputValueError ? { id: error.originalError.message, en: error.originalError.messageEn } : null;

/** The type found by following `path` (field names, list indexes) down from `type`. */
function typeAt(type: GraphQLInputType, path: readonly Segment[]): GraphQLInputType | null {
  let t: GraphQLInputType | null = type;
  for (const seg of path) {
    const inner: GraphQLInputType | null = t ? getNullableType(t) : null;
    if (typeof seg === 'number') t = inner && isListType(inner) ? inner.ofType : inner;
    else t = inner && isInputObjectType(inner) ? (inner.getFields()[seg]?.type ?? null) : null;
  }
  return t;
}

/** Collects problems by field; the first message for a field wins. */
class Problems {
  private readonly byField = new Map<string, Bilingual>();
  constructor(readonly opts: GuardOptions) {}
  add(path: readonly Segment[], message: Bilingual) {
    const f = fieldName(path);
    if (!this.byField.has(f)) this.byField.set(f, message);
  }
  get list(): FieldProblem[] {
    return [...this.byField].map(([field, message]) => ({ field, message: message.id, messageEn: message.en }));
  }
}

/** Required fields missing from an object value, and keys the type does not have; how many were found. */
function objectShape(problems: Problems, type: GraphQLInputType, path: readonly Segment[], keys: readonly string[]): number {
  const named = getNamedType(type);
  if (!isInputObjectType(named)) return 0;
  const fields = named.getFields();
  let found = 0;
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(fields, key)) {
      problems.add([...path, key], UNKNOWN_FIELD);
      found++;
    }
  }
  for (const f of Object.values(fields)) {
    if (isNonNullType(f.type) && f.defaultValue === undefined && !keys.includes(f.name)) {
      problems.add([...path, f.name], REQUIRED);
      found++;
    }
  }
  return found;
}

/** Coerces one variable's value as GraphQL will, recording each failure at its field. */
function checkVariable(problems: Problems, type: GraphQLInputType, value: unknown, base: readonly Segment[]) {
  coerceInputValue(value, type, (path, invalid, error) => {
    const at = typeAt(type, path);
    if (invalid === null || invalid === undefined) return problems.add([...base, ...path], REQUIRED);
    if (at && isInputObjectType(getNamedType(at)) && typeof invalid === 'object' && !Array.isArray(invalid)) {
      if (objectShape(problems, at, [...base, ...path], Object.keys(invalid as object)) > 0) return;
    }
    problems.add([...base, ...path], ownRefusal(error) ?? expectation(at, problems.opts));
  });
  scanStrings(problems, value, base);
}

function scanStrings(problems: Problems, value: unknown, path: readonly Segment[]) {
  if (typeof value === 'string') {
    if (hasForbiddenText(value)) problems.add(path, TEXT_REFUSED);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => scanStrings(problems, v, [...path, i]));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (hasForbiddenText(k)) problems.add([...path, k], TEXT_REFUSED);
      scanStrings(problems, v, [...path, k]);
    }
  }
}

type ArgumentPart = ValueNode | ObjectFieldNode;

/** Every value inside an argument (and every object field), with its path from the argument name. */
function forEachArgumentValue(roots: readonly ASTNode[], each: (node: ArgumentPart, path: Segment[]) => void) {
  const walk = (node: ValueNode, path: Segment[]) => {
    each(node, path);
    if (node.kind === Kind.LIST) node.values.forEach((v, i) => walk(v, [...path, i]));
    else if (node.kind === Kind.OBJECT) {
      for (const f of node.fields) {
        const p = [...path, f.name.value];
        each(f, p);
        walk(f.value, p);
      }
    }
  };
  for (const root of roots) {
    visit(root, {
      Argument(arg) {
        walk(arg.value, [arg.name.value]);
        return false;
      },
    });
  }
}

/** The operation and the fragments it reaches. */
function operationParts(document: DocumentNode, operation: OperationDefinitionNode): ASTNode[] {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const parts: ASTNode[] = [operation];
  const seen = new Set<string>();
  for (const part of parts) {
    visit(part, {
      FragmentSpread(s) {
        const f = fragments.get(s.name.value);
        if (f && !seen.has(s.name.value)) {
          seen.add(s.name.value);
          parts.push(f);
        }
      },
    });
  }
  return parts;
}

interface OperationArguments {
  /** Where each variable is used first: its values are named after that argument's fields. */
  usedAt: Map<string, Segment[]>;
  /** The paths of string literals with forbidden text. */
  refusedLiterals: Segment[][];
}

// Apollo hands out the same parsed document for the same query text: its arguments are walked
// once, not on every request (the walk was ~1 % of the board's CPU).
const argumentsByOperation = new WeakMap<OperationDefinitionNode, OperationArguments>();

function argumentsOf(document: DocumentNode, operation: OperationDefinitionNode): OperationArguments {
  let found = argumentsByOperation.get(operation);
  if (found) return found;
  found = { usedAt: new Map(), refusedLiterals: [] };
  const { usedAt, refusedLiterals } = found;
  forEachArgumentValue(operationParts(document, operation), (node, path) => {
    if (node.kind === Kind.VARIABLE) {
      if (!usedAt.has(node.name.value)) usedAt.set(node.name.value, path);
    } else if (node.kind === Kind.STRING && hasForbiddenText(node.value)) refusedLiterals.push(path);
  });
  argumentsByOperation.set(operation, found);
  return found;
}

/**
 * The problems of one operation's input: its variables (coerced against their declared types) and
 * the strings written literally in its arguments. Empty when everything fits.
 */
export function operationProblems(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  opts: GuardOptions,
): FieldProblem[] {
  const problems = new Problems(opts);
  const { usedAt, refusedLiterals } = argumentsOf(document, operation);
  for (const path of refusedLiterals) problems.add(path, TEXT_REFUSED);
  for (const def of operation.variableDefinitions ?? []) {
    const name = def.variable.name.value;
    const type = typeFromAST(schema, def.type) as GraphQLInputType | undefined;
    if (!type) continue; // an unknown type was already refused by validation
    const base = usedAt.get(name) ?? [name];
    if (variables === undefined || !Object.prototype.hasOwnProperty.call(variables, name)) {
      if (isNonNullType(type) && !def.defaultValue) problems.add(base, REQUIRED);
      continue;
    }
    checkVariable(problems, type, variables[name], base);
  }
  return problems.list;
}

/** The refusal sent for input problems found before execution. */
export function inputRefusal(fields: FieldProblem[]): GraphQLError {
  const refusal = new AppError('VALIDATION_FAILED', undefined, { fields });
  return new GraphQLError(refusal.message, { originalError: refusal, extensions: { code: 'VALIDATION_FAILED', http: { status: 400 } } });
}

/** The Apollo plugin: refuses the operation before execution when its input has problems. */
export function inputGuardPlugin(opts: GuardOptions): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const fields = operationProblems(schema, document, operation, request.variables, opts);
          if (fields.length) throw inputRefusal(fields);
        },
      };
    },
  };
}

const VALUE_KINDS = new Set<string>([Kind.VARIABLE, Kind.INT, Kind.FLOAT, Kind.STRING, Kind.BOOLEAN, Kind.NULL, Kind.ENUM, Kind.LIST, Kind.OBJECT, Kind.OBJECT_FIELD]);

/**
 * For GraphQL's own validation error about a literal argument value ("Expected value of type …",
 * "Field … was not provided", "Field … is not defined by type …"): the fields it concerns, with
 * Indonesian messages. Null for every other error, which keeps its own handling.
 */
export function literalProblems(schema: GraphQLSchema, error: unknown, opts: GuardOptions): FieldProblem[] | null {
  if (!(error instanceof GraphQLError)) return null;
  const target = error.nodes?.[0];
  const loc = target?.loc;
  if (!target || !loc || !VALUE_KINDS.has(target.kind) || target.kind === Kind.VARIABLE) return null;
  const { start, source: { body } } = loc;
  const same = (n: ASTNode) => n.kind === target.kind && n.loc?.start === start;
  // Nodes carry no parent: read the document again (only on this error path) to find where it sits.
  let document: DocumentNode;
  try {
    document = parse(body);
  } catch {
    return null;
  }
  const found: { path?: Segment[] } = {};
  forEachArgumentValue([document], (node, p) => {
    if (!found.path && same(node)) found.path = p;
  });
  const at = found.path;
  if (!at) return null;
  const typeInfo = new TypeInfo(schema);
  let type: GraphQLInputType | null | undefined;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      enter(node) {
        if (!same(node)) return undefined;
        type = typeInfo.getInputType();
        return BREAK;
      },
    }),
  );
  const problems = new Problems(opts);
  if (target.kind === Kind.OBJECT_FIELD && !type) problems.add(at, UNKNOWN_FIELD);
  else if (target.kind === Kind.NULL) problems.add(at, REQUIRED);
  else if (target.kind === Kind.OBJECT && type && isInputObjectType(getNamedType(type)) && objectShape(problems, type, at, target.fields.map((f) => f.name.value)) > 0) {
    // the missing fields are named
  } else problems.add(at, ownRefusal(error as { originalError?: unknown }) ?? expectation(type, opts));
  const list = problems.list;
  return list.length ? list : null;
}
