/**
 * Scalars that validate at the edge, so services never see a malformed id or date:
 * - `UUID`: every id argument and id input field (`@Arg('id', () => UUID)`, `@Field(() => UUID)`).
 *   Only the canonical 8-4-4-4-12 hex form; handed to the resolver in lower case (ids are compared
 *   as strings in places, and PostgreSQL prints them in lower case).
 * - `DateOnly` (GraphQL name `Date`): a calendar day `YYYY-MM-DD`, for letter dates and holidays.
 *   Strict: a date-time (`2026-10-01T00:00:00Z`) or a day that does not exist (`2026-02-30`) is
 *   refused. The resolver gets the string back unchanged.
 * A value that does not fit is refused by GraphQL before any resolver runs; the refusal becomes
 * VALIDATION_FAILED naming the field (common/input-guard.ts, formatGraphQLError).
 */
import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { isUuid } from './format';

/**
 * A scalar's refusal: the Indonesian text shown in `fields[].message`. Thrown by parseValue and
 * parseLiteral; GraphQL keeps it as the original error of its own coercion error.
 */
export class InputValueError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
    this.name = 'InputValueError';
  }
}

const notUuid = () => new InputValueError('Harus berupa UUID (mis. 3f2b8c1e-0a4d-4c7e-9b1a-2d5e6f708192).', 'Must be a UUID (e.g. 3f2b8c1e-0a4d-4c7e-9b1a-2d5e6f708192).');

function parseUuid(value: unknown): string {
  if (typeof value !== 'string' || !isUuid(value)) throw notUuid();
  return value.toLowerCase();
}

export const UUID = new GraphQLScalarType<string, string>({
  name: 'UUID',
  description: 'UUID, mis. "3f2b8c1e-0a4d-4c7e-9b1a-2d5e6f708192" (bentuk heksadesimal 8-4-4-4-12)',
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc9562',
  serialize: (value) => parseUuid(value),
  parseValue: (value) => parseUuid(value),
  parseLiteral: (ast: ValueNode) => {
    if (ast.kind !== Kind.STRING) throw notUuid();
    return parseUuid(ast.value);
  },
});

const DATE_RE = /^([1-9]\d{3})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' of a real calendar day, or null. */
export function calendarDay(value: string): string | null {
  const m = DATE_RE.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d ? value : null;
}

function parseDay(value: unknown): string {
  if (typeof value !== 'string' || !DATE_RE.test(value)) {
    throw new InputValueError('Tanggal harus berformat YYYY-MM-DD, tanpa jam (mis. 2026-10-01).', 'A date must be YYYY-MM-DD, without a time (e.g. 2026-10-01).');
  }
  const day = calendarDay(value);
  if (!day) throw new InputValueError(`Tanggal ${value} tidak ada di kalender.`, `There is no such day as ${value}.`);
  return day;
}

export const DateOnly = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'Tanggal kalender "YYYY-MM-DD" tanpa jam dan zona waktu, mis. "2026-10-01"',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : parseDay(value)),
  parseValue: (value) => parseDay(value),
  parseLiteral: (ast: ValueNode) => parseDay(ast.kind === Kind.STRING ? ast.value : undefined),
});
