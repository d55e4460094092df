import { fail } from '../common/errors';
import { isUuid } from '../common/format';

/**
 * An id taken from a file route's URL (its path, or its query string). GraphQL ids are UUID
 * scalars; these are plain strings, so they are checked here, at the route: a malformed one is
 * NOT_FOUND like an unknown one, and never reaches a query's `::uuid` cast (a server fault).
 */
export function uuidOr404(value: string): string {
  if (!isUuid(value)) fail('NOT_FOUND');
  return value;
}

/** An optional query-string value: a non-empty string, or undefined. */
export const queryValue = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** An optional id in the query string: undefined when absent, NOT_FOUND when malformed. */
export function optionalUuid(v: unknown): string | undefined {
  const value = queryValue(v);
  return value === undefined ? undefined : uuidOr404(value);
}
