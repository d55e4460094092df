/**
 * Layers (issue 10): a resolver is the GraphQL shape and the coarse role gate; every read and
 * write goes through a service, and the GraphQL context carries no database client. The source is
 * scanned, so a resolver that reaches for the database again fails here, not in a review.
 */
import fs from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(__dirname, '../src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : sourceFiles(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

/** What a resolver must not contain, and why. The Prisma enums (types only) stay allowed. */
const DATABASE_USE: [RegExp, string][] = [
  [/from '[^']*\/db\/[^']*'/, 'imports from db/ (the Prisma client, hand-written SQL)'],
  [/from '[^']*generated\/prisma(\/(client|models|internal|browser)[^']*)?'/, 'imports the generated Prisma client'],
  [/\b(ctx|context)\s*\.\s*db\b/, 'reads a database client from the context'],
  [/\$(queryRaw|executeRaw|queryRawUnsafe|executeRawUnsafe|transaction)\b/, 'runs SQL or a transaction'],
  [/\b(PrismaClient|sqlOf|Db|Tx)\b/, 'names the database client'],
];

function databaseUse(source: string): string[] {
  return DATABASE_USE.filter(([re]) => re.test(source)).map(([, why]) => why);
}

describe('resolvers call services only', () => {
  const resolvers = sourceFiles(SRC).filter((f) => f.endsWith('.resolver.ts'));

  it('there are resolvers to check', () => {
    expect(resolvers.length).toBeGreaterThanOrEqual(10);
  });

  it('no resolver imports the Prisma client or queries the database', () => {
    const offenders = resolvers
      .map((f) => ({ file: path.relative(SRC, f), uses: databaseUse(fs.readFileSync(f, 'utf8')) }))
      .filter((r) => r.uses.length);
    expect(offenders).toEqual([]);
  });

  it('the check itself sees each kind of database use', () => {
    expect(databaseUse("import { sqlOf, type Db } from '../db/prisma';")).not.toEqual([]);
    expect(databaseUse("import type { User } from '../generated/prisma/client';")).not.toEqual([]);
    expect(databaseUse('const rows = await ctx.db.disposition.findMany({});')).not.toEqual([]);
    expect(databaseUse('await tx.$queryRaw`SELECT 1`;')).not.toEqual([]);
    expect(databaseUse("import { Role } from '../generated/prisma/enums';")).toEqual([]);
    expect(databaseUse('return ctx.services.requests.dispositions(r.id);')).toEqual([]);
  });

  it('the GraphQL context carries no database client', () => {
    const context = fs.readFileSync(path.join(SRC, 'common/context.ts'), 'utf8');
    expect(databaseUse(context)).toEqual([]);
  });
});
