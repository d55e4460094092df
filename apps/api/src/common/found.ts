/**
 * "Not found" is the only database outcome that becomes NOT_FOUND. Anything else a query throws
 * (a timeout, a lost connection, a bad include) is a server fault: it goes on as it is, to the
 * correlation-id log and INTERNAL_ERROR, instead of being reported to the client as a missing record.
 * Ids never reach a query malformed: GraphQL arguments are UUID scalars, and the file routes check
 * their path ids with `isUuid` (common/format.ts).
 */
import { Prisma } from '../generated/prisma/client';
import { fail, type Bilingual } from './errors';

/** Prisma's own error with this code (P2025: the record to update/delete/find-or-throw does not exist). */
export const isPrismaError = (e: unknown, code: string): boolean => e instanceof Prisma.PrismaClientKnownRequestError && e.code === code;

/** The record the query found; NOT_FOUND when there is none (a null result or Prisma's P2025). */
export async function findOr404<T>(query: PromiseLike<T | null | undefined>, text?: Bilingual): Promise<T> {
  let found: T | null | undefined;
  try {
    found = await query;
  } catch (e) {
    if (isPrismaError(e, 'P2025')) fail('NOT_FOUND', text);
    throw e;
  }
  if (found === null || found === undefined) fail('NOT_FOUND', text);
  return found;
}
