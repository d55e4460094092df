import type { StandardTime } from '@sipedaki/sop';

export const dateOnly = (d: Date): string => d.toISOString().slice(0, 10);
export const toNumber = (d: { toString(): string } | null | undefined): number | null =>
  d === null || d === undefined ? null : Number(d.toString());

export function standardTimeLabel(std: StandardTime): string {
  return 'minutes' in std ? `${std.minutes} menit` : `${std.workingDays} hari kerja`;
}
