/**
 * Page cursors, written and read only here. A cursor is opaque to clients: the base64url of the
 * position of a page's last row, `<id>` (ordered by id) or `<createdAt ISO>|<id>` (newest first).
 * Anything that is not a cursor this API could have issued is VALIDATION_FAILED on `after`, so a
 * forged cursor never reaches a query.
 */
import { fail, fieldProblem } from './errors';
import { isUuid } from './format';

export interface CursorPosition {
  id: string;
  createdAt?: Date;
}

export function encodeCursor(p: CursorPosition): string {
  return Buffer.from(p.createdAt ? `${p.createdAt.toISOString()}|${p.id}` : p.id).toString('base64url');
}

function invalid(): never {
  fail('VALIDATION_FAILED', undefined, {
    fields: [fieldProblem('after', { id: 'Kursor halaman tidak valid: pakai endCursor dari halaman sebelumnya.', en: 'Invalid page cursor: use the endCursor of the previous page.' })],
  });
}

/** The position after which the next page starts; `withTime` for lists ordered by creation. */
export function decodeCursor(after: string, withTime: true): Required<CursorPosition>;
export function decodeCursor(after: string, withTime: false): { id: string };
export function decodeCursor(after: string, withTime: boolean): CursorPosition {
  const bytes = Buffer.from(after, 'base64url');
  // Node's decoder skips characters it does not know: only a canonical encoding is ours.
  if (bytes.toString('base64url') !== after) invalid();
  const parts = bytes.toString('utf8').split('|');
  if (parts.length !== (withTime ? 2 : 1)) invalid();
  const [first = '', second = ''] = parts;
  const id = withTime ? second : first;
  if (!isUuid(id)) invalid();
  if (!withTime) return { id: id.toLowerCase() };
  const createdAt = new Date(first);
  if (Number.isNaN(createdAt.getTime()) || createdAt.toISOString() !== first) invalid();
  return { id: id.toLowerCase(), createdAt };
}
