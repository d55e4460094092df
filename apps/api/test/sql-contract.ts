/**
 * The runtime half of the hand-written SQL contract (src/db/sql.ts): finds every registered
 * statement and compares its description with what PostgreSQL reports for it on a database.
 */
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { expectedPgType, isStatement, type ColumnType, type Statement } from '../src/db/sql';

export const SRC = path.resolve(__dirname, '../src');

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : walk(p);
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [p] : [];
  });
}
export const sourceFiles = () => walk(SRC);

/** Every exported statement of every registry file (`src/<feature>/<feature>.sql.ts`). */
export function registeredStatements(): { file: string; exportName: string; stmt: Statement }[] {
  return sourceFiles()
    .filter((f) => f.endsWith('.sql.ts'))
    .flatMap((file) =>
      Object.entries(require(file) as Record<string, unknown>)
        .filter((entry): entry is [string, Statement] => isStatement(entry[1]))
        .map(([exportName, stmt]) => ({ file: path.relative(SRC, file), exportName, stmt })),
    );
}

const TYPE_NAME = `CASE WHEN t.typcategory = 'A' THEN e.typname || '[]' ELSE t.typname END`;

/**
 * The disagreements between `stmt` and the database `client` is connected to, as sentences
 * (empty when they agree): the statement must prepare; its parameters and its columns (names in
 * order, PostgreSQL types) must be the declared ones; a column read straight from a table must
 * not be declared non-null when the table allows null (and `!` only on nullable columns); and
 * with `whole`, every column of that table must be returned.
 */
export async function checkStatement(client: pg.Client, stmt: Statement): Promise<string[]> {
  const problems: string[] = [];
  const say = (s: string) => problems.push(`${stmt.name}: ${s}`);
  const handle = 'sipedaki_contract_check';
  try {
    await client.query(`PREPARE ${handle} AS ${stmt.text}`);
  } catch (e) {
    say(`does not prepare: ${(e as Error).message}`);
    return problems;
  }
  try {
    const params = (
      await client.query(
        `SELECT ${TYPE_NAME} AS type FROM pg_prepared_statements s, unnest(s.parameter_types::oid[]) WITH ORDINALITY p(oid, n)
           JOIN pg_type t ON t.oid = p.oid LEFT JOIN pg_type e ON e.oid = t.typelem
          WHERE s.name = $1 ORDER BY p.n`,
        [handle],
      )
    ).rows.map((r) => r.type as string);
    const declaredParams = stmt.params.map(expectedPgType);
    if (params.join(',') !== declaredParams.join(',')) say(`parameters are (${params.join(', ')}), declared (${declaredParams.join(', ')})`);

    // Executed with every parameter null: nothing matches, and PostgreSQL still describes the row.
    const result = await client.query(`EXECUTE ${handle}(${params.map(() => 'NULL').join(', ')})`);
    const fields = result.fields;
    const oids = [...new Set(fields.map((f) => f.dataTypeID))];
    const typeNames = new Map(
      (await client.query(`SELECT t.oid, ${TYPE_NAME} AS type FROM pg_type t LEFT JOIN pg_type e ON e.oid = t.typelem WHERE t.oid = ANY($1::oid[])`, [oids])).rows.map(
        (r) => [Number(r.oid), r.type as string],
      ),
    );
    const sources = fields.filter((f) => f.tableID);
    const attributes = new Map(
      (
        await client.query(
          `SELECT a.attrelid, a.attnum, c.relname || '.' || a.attname AS name, a.attnotnull FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
            WHERE (a.attrelid, a.attnum) IN (SELECT * FROM unnest($1::oid[], $2::int2[]))`,
          [sources.map((f) => f.tableID), sources.map((f) => f.columnID)],
        )
      ).rows.map((r) => [`${r.attrelid}/${r.attnum}`, { name: r.name as string, notNull: r.attnotnull as boolean }]),
    );

    const declared = Object.entries(stmt.columns) as [string, ColumnType][];
    const names = fields.map((f) => f.name);
    if (names.join(',') !== declared.map(([k]) => k).join(',')) {
      const missing = declared.map(([k]) => k).filter((k) => !names.includes(k));
      const extra = names.filter((k) => !(k in stmt.columns));
      say(`returns columns (${names.join(', ')}); declared (${declared.map(([k]) => k).join(', ')})` +
        `${missing.length ? `; not returned: ${missing.join(', ')}` : ''}${extra.length ? `; not declared: ${extra.join(', ')}` : ''}`);
    }
    for (const f of fields) {
      const spec = stmt.columns[f.name];
      if (!spec) continue;
      const actual = typeNames.get(f.dataTypeID) ?? `oid ${f.dataTypeID}`;
      if (actual !== expectedPgType(spec)) say(`column ${f.name} is ${actual}, declared ${spec}`);
      const source = f.tableID ? attributes.get(`${f.tableID}/${f.columnID}`) : undefined;
      if (!source) continue;
      if (!source.notNull && !/[?!]$/.test(spec)) say(`column ${f.name} comes from ${source.name}, which may be null: declare it '${spec}?' (or '${spec}!' when the statement guarantees a value)`);
      if (source.notNull && spec.endsWith('!')) say(`column ${f.name} comes from ${source.name}, which is NOT NULL: drop the '!'`);
    }

    if (stmt.whole) {
      const table = await client.query(
        `SELECT a.attnum, a.attname FROM pg_attribute a WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
        [`"${stmt.whole}"`],
      );
      const tableOid = (await client.query(`SELECT to_regclass($1)::oid AS oid`, [`"${stmt.whole}"`])).rows[0]?.oid;
      if (!tableOid) say(`table ${stmt.whole} does not exist`);
      // Returned: read straight from that table, or an expression under the column's own name
      // (an enum array cast to text[] no longer names its source).
      const returned = new Set(fields.filter((f) => f.tableID === Number(tableOid)).map((f) => f.columnID));
      const expressions = new Set(fields.filter((f) => !f.tableID).map((f) => f.name));
      const left = table.rows.filter((r) => !returned.has(r.attnum) && !expressions.has(r.attname)).map((r) => r.attname as string);
      if (left.length) say(`returns the whole ${stmt.whole} row, but not its column(s) ${left.join(', ')}: add them to the SELECT, the columns and the row type`);
    }
  } finally {
    await client.query(`DEALLOCATE ${handle}`);
  }
  return problems;
}
