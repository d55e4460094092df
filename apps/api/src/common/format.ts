import type { StandardTime } from '@sipedaki/sop';

/** A well-formed uuid: ids are checked before they reach a `::uuid` cast, which would fail loudly. */
export const isUuid = (s: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
export const dateOnly = (d: Date): string => d.toISOString().slice(0, 10);
/** A Prisma Decimal (or null) as a number (or null). */
export function toNumber(d: { toString(): string }): number;
export function toNumber(d: { toString(): string } | null | undefined): number | null;
export function toNumber(d: { toString(): string } | null | undefined): number | null {
  // Numbers from the hand-written SQL come as numbers: no round trip through a string (the board
  // converts thousands of them per request).
  if (typeof d === 'number') return d;
  return d === null || d === undefined ? null : Number(d.toString());
}

export function standardTimeLabel(std: StandardTime): string {
  return 'minutes' in std ? `${std.minutes} menit` : `${std.workingDays} hari kerja`;
}
