/**
 * Hand-written SQL for the few read paths that run on every request or return hundreds of rows:
 * the bearer-token check and the Kasubbag's board (submissions with every value, completeness,
 * timeline). Prisma 6.19's WebAssembly query compiler plans each query anew and maps every row
 * in JavaScript; on the board that was over half of a request's CPU (bench/dashboard.mjs).
 * Everything else — all writes, every transaction — stays on Prisma.
 *
 * Each feature keeps its statements in one registry file, `<feature>/<feature>.sql.ts`, and
 * nowhere else. A statement carries a runtime description of its parameters and of the row it
 * returns (column → PostgreSQL type), and the row's TypeScript type (a `Pick<>` of Prisma's model
 * where it mirrors a table) is checked against that description when the file compiles.
 * apps/api/test/sql-contracts.test.ts prepares every registered statement on the migrated
 * database and compares the description with what PostgreSQL reports, so the chain
 * PostgreSQL ↔ description ↔ row type ↔ Prisma model has no unchecked link.
 *
 * Rows come back with the same JS types Prisma gives, so the services' view code is shared:
 * timestamptz → Date (pg's default), date → Date at UTC midnight, numeric and bigint → number,
 * enums → string union, enum arrays must be cast to text[] in the SQL (pg cannot parse an array
 * of an enum: its type oid differs per database).
 * Statements are named (prepared once per connection): their text must be constant.
 */
import pg from 'pg';
import type { ApiScope, DocumentKind, Polarity, RequestStatus, Role, SubmissionStatus, TargetMode, ValueKind } from '../generated/prisma/enums';

const DATE_OID = 1082;
const NUMERIC_OID = 1700;
const INT8_OID = 20;

const parsers: Record<number, (v: string) => unknown> = {
  [DATE_OID]: (v) => new Date(`${v}T00:00:00.000Z`),
  [NUMERIC_OID]: Number,
  [INT8_OID]: Number,
};

const types = {
  getTypeParser: (oid: number, format?: string) =>
    (format === undefined || format === 'text') && parsers[oid]
      ? parsers[oid]
      : (pg.types.getTypeParser as (o: number, f?: string) => unknown)(oid, format),
};

/**
 * The column types a statement may return, by PostgreSQL's type name (`pg_type.typname`, with
 * `[]` for an array), and the JavaScript value pg gives for each with the parsers above.
 */
export interface PgValues {
  uuid: string;
  text: string;
  int4: number;
  /** count(*) and other bigints: parsed to number (counts here stay far below 2^53). */
  int8: number;
  /** Parsed to number, where Prisma gives a Decimal. */
  numeric: number;
  bool: boolean;
  timestamptz: Date;
  /** Midnight UTC of that day, as Prisma gives it. */
  date: Date;
  /** Built in the SQL (json_build_object, json_agg): its shape is the row type's to declare. */
  json: unknown;
  'text[]': string[];
  'uuid[]': string[];
  // Prisma's enums keep their names as PostgreSQL types.
  RequestStatus: RequestStatus;
  SubmissionStatus: SubmissionStatus;
  DocumentKind: DocumentKind;
  Polarity: Polarity;
  Role: Role;
  ValueKind: ValueKind;
  TargetMode: TargetMode;
}

/** Enum arrays: cast to text[] in the SQL (PostgreSQL then reports text[]), typed as the enum. */
interface EnumArrays {
  'Role[]': Role[];
  'DocumentKind[]': DocumentKind[];
  'ApiScope[]': ApiScope[];
}
const ENUM_ARRAYS = new Set<string>(['Role[]', 'DocumentKind[]', 'ApiScope[]'] satisfies (keyof EnumArrays)[]);

type Values = PgValues & EnumArrays;
type BaseType = keyof Values;

/**
 * One column (or parameter) of a statement: its type name, and
 * - `type?`: may be null;
 * - `type!`: never null here although the table's column is nullable (the statement's WHERE or
 *   JOIN guarantees a value) — the contract test refuses a `!` on a NOT NULL column;
 * - `type`: never null; the contract test refuses it for a nullable table column.
 */
export type ColumnType = BaseType | `${BaseType}?` | `${BaseType}!`;

type BaseOf<S> = S extends `${infer B}?` ? B : S extends `${infer B}!` ? B : S;
type ValueOf<S> = S extends `${infer B extends BaseType}?` ? Values[B] | null : Values[BaseOf<S> & BaseType];

/** The row a column description gives (json columns as `unknown`). */
export type RowOf<C extends Record<string, ColumnType>> = { -readonly [K in keyof C]: ValueOf<C[K]> };
type ParamsOf<P extends readonly ColumnType[]> = { -readonly [I in keyof P]: P[I] extends 'timestamptz' | 'timestamptz?' ? ValueOf<P[I]> | string : ValueOf<P[I]> };

type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** For every key where the declared row type and the column description disagree, why. */
type Disagreements<Row, C> = {
  [K in keyof Row | keyof C as K extends keyof Row
    ? K extends keyof C
      ? BaseOf<C[K]> extends 'json'
        ? Same<null extends Row[K] ? true : false, C[K] extends `${string}?` ? true : false> extends true ? never : K
        : Same<Row[K], ValueOf<C[K]>> extends true ? never : K
      : K
    : K]: K extends keyof C ? (K extends keyof Row ? { declared: C[K]; rowType: Row[K] } : 'not in the row type') : 'not selected by the statement';
};

/** Makes the compiler print the keys of a type in its error message instead of the type's name. */
type Spelled<T> = T extends infer O ? { [K in keyof O]: O[K] } : never;

export interface Statement<Row = unknown, Params extends readonly unknown[] = unknown[]> {
  /** Prepared-statement key: unique across the registries. */
  readonly name: string;
  readonly text: string;
  /** Parameter types, $1 first. */
  readonly params: readonly ColumnType[];
  /** Every column of the row, in SELECT order, with its type. */
  readonly columns: Readonly<Record<string, ColumnType>>;
  /**
   * The table whose every column the statement returns (its row type is the whole Prisma model
   * plus joined extras): the contract test then also fails when that table gains a column.
   */
  readonly whole?: string;
  /** Type-only: the row and parameter types. */
  readonly __types?: { row: Row; params: Params };
}

/**
 * Declares a statement whose rows are `Row`. Curried so that `Row` is given and the description
 * is inferred: `statement<Pick<User, 'id' | 'name'>>()({ name, params, columns, text })`.
 * When `Row` and `columns` disagree the call does not compile, and the error names the key
 * (`rowMismatch: { priority: 'not selected by the statement' }`).
 */
export function statement<Row>() {
  return <const C extends Record<string, ColumnType>, const P extends readonly ColumnType[]>(
    def: { name: string; text: string; params: P; columns: C; whole?: string } & ({} extends Disagreements<Row, C>
      ? unknown
      : { rowMismatch: Spelled<Disagreements<Row, C>> }),
  ): Statement<Row, ParamsOf<P>> => ({ name: def.name, text: def.text, params: def.params, columns: def.columns, whole: def.whole });
}

/** What PostgreSQL must report for a column of this description (the runtime side of the contract). */
export function expectedPgType(column: ColumnType): string {
  const base = column.replace(/[?!]$/, '');
  return ENUM_ARRAYS.has(base) ? 'text[]' : base;
}

export const isStatement = (x: unknown): x is Statement =>
  !!x && typeof x === 'object' && typeof (x as Statement).name === 'string' && typeof (x as Statement).text === 'string' && typeof (x as Statement).columns === 'object';

/**
 * Builds a statement's row objects from pg's arrays: one object literal with the declared columns
 * in SELECT order (the contract test checks names and order against PostgreSQL). pg's own row
 * objects are built by assigning each column by name, a store that every statement of the process
 * shares; on the board's hundreds of rows that was several times the cost of the literal below,
 * and of the garbage it left. The keys come from the statement registries (our source), never from
 * input.
 */
const rowBuilders = new WeakMap<object, (values: unknown[]) => unknown>();
function rowBuilder(stmt: Pick<Statement, 'columns'>): (values: unknown[]) => unknown {
  let build = rowBuilders.get(stmt);
  if (!build) {
    const fields = Object.keys(stmt.columns).map((k, i) => `${JSON.stringify(k)}: v[${i}]`);
    build = new Function('v', `return { ${fields.join(', ')} };`) as (values: unknown[]) => unknown;
    rowBuilders.set(stmt, build);
  }
  return build;
}

export class Sql {
  /**
   * `named: false` for the embedded database (PGlite): it serves every connection from ONE
   * session, so a statement prepared under its name by one connection is still there when the
   * pool opens another (after an idle client was closed, or beside the job runner's pool), and
   * preparing it again fails ("prepared statement … already exists") — every sign-in failed after
   * ten idle seconds. Unnamed, a statement is parsed per execution and nothing outlives it.
   */
  constructor(
    private readonly pool: pg.Pool,
    private readonly named = true,
  ) {}

  async rows<Row, Params extends readonly unknown[]>(stmt: Statement<Row, Params>, values: Params): Promise<Row[]> {
    const result = await this.pool.query<unknown[]>({
      name: this.named ? stmt.name : undefined,
      text: stmt.text,
      values: values as readonly unknown[] as unknown[],
      types: types as never,
      rowMode: 'array',
    });
    const build = rowBuilder(stmt);
    return result.rows.map((r) => build(r) as Row);
  }

  async one<Row, Params extends readonly unknown[]>(stmt: Statement<Row, Params>, values: Params): Promise<Row | null> {
    return (await this.rows(stmt, values))[0] ?? null;
  }
}
