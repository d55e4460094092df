/**
 * Hand-written SQL for the few read paths that run on every request or return hundreds of rows:
 * the bearer-token check and the Kasubbag's board (submissions with every value, completeness,
 * timeline). Prisma 6.19's WebAssembly query compiler plans each query anew and maps every row
 * in JavaScript; on the board that was over half of a request's CPU (bench/dashboard.mjs).
 * Everything else — all writes, every transaction — stays on Prisma.
 *
 * Rows come back with the same JS types Prisma gives, so the services' view code is shared:
 * timestamptz → Date (pg's default), date → Date at UTC midnight, numeric and bigint → number,
 * enums → string, enum arrays must be cast to text[] in the SQL.
 * Statements are named (prepared once per connection): their text must be constant.
 */
import pg from 'pg';

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

/** A statement: its name (prepared-statement key) and constant text. */
export interface Statement {
  name: string;
  text: string;
}

export const statement = (name: string, text: string): Statement => ({ name, text });

export class Sql {
  constructor(private readonly pool: pg.Pool) {}

  async rows<T>(stmt: Statement, values: unknown[]): Promise<T[]> {
    const result = await this.pool.query({ name: stmt.name, text: stmt.text, values, types: types as never });
    return result.rows as T[];
  }

  async one<T>(stmt: Statement, values: unknown[]): Promise<T | null> {
    return (await this.rows<T>(stmt, values))[0] ?? null;
  }
}
