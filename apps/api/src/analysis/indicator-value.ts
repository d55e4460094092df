/**
 * One indicator of a Bidang with its target for a request's period and the Bidang's value: the
 * one shape every capaian view starts from (the submission form, the board's SQL, the analysis,
 * the XLSX format, performanceData), and the one view of it the API shows.
 *
 * Which target: packages/sop `requestTarget` — the target frozen into the request when its
 * format was sent (step 3), else the master target for the period by `targetForPeriod`. Nothing
 * here or in the SQL restates either rule.
 */
import { effectiveValueKind, periodOf, requestTarget, type CategoryScale, type Period, type TargetMode, type ValueKind } from '@sipedaki/sop';
import { toNumber } from '../common/format';
import type { Indicator, IndicatorTarget } from '../generated/prisma/client';
import { capaianOf } from './compute';

/** The Sasaran's name as the API shows it (`sasaran: String`); an indicator without one. */
export const NO_SASARAN = 'Tanpa Sasaran';
/** What an ad-hoc indicator (asked by one request, outside the Renstra's Sasaran) shows instead. */
export const AD_HOC_SASARAN = 'Indikator khusus (di luar IKU)';
export const sasaranName = (s: { name: string } | null | undefined, adHocRequestId?: string | null): string =>
  s?.name ?? (adHocRequestId ? AD_HOC_SASARAN : NO_SASARAN);

type IndicatorFields = Pick<Indicator, 'id' | 'code' | 'name' | 'satuan' | 'polarity' | 'targetMode' | 'valueKind' | 'allowAbove100' | 'adHocRequestId'>;

export type IndicatorValue = Pick<Indicator, 'id' | 'code' | 'name' | 'satuan' | 'polarity' | 'allowAbove100'> & {
  sasaran: string;
  /** Explicit, or derived from the satuan. */
  valueKind: ValueKind;
  target: number | null;
  targetUpper: number | null;
  /** true once the request's format was sent (step 3): the target no longer follows the master. */
  targetFrozen: boolean;
  realisasi: number | null;
  note: string | null;
};

/** A Prisma Decimal, or a number from the hand-written SQL. */
type Num = { toString(): string } | null;
type TargetLike = Pick<IndicatorTarget, 'year' | 'triwulan'> & { target: Num; targetUpper: Num };
type FrozenLike = { target: Num; targetUpper: Num; targetFrozenAt: Date | string | null };

/** The target of one requested indicator for the request's period: frozen, or the master's in force. */
export function targetOf(
  i: { targetMode: TargetMode; targets: readonly TargetLike[] },
  period: Period | { year: number; triwulan: number | null },
  frozen?: FrozenLike | null,
) {
  const p = periodOf(period.year, period.triwulan);
  return requestTarget(
    frozen ? { target: toNumber(frozen.target), targetUpper: toNumber(frozen.targetUpper), targetFrozenAt: frozen.targetFrozenAt } : null,
    i.targets.map((t) => ({ year: t.year, triwulan: t.triwulan, target: toNumber(t.target), targetUpper: toNumber(t.targetUpper) })),
    p,
    i.targetMode,
  );
}

/** From Prisma rows: the indicator with its targets and Sasaran, the request's period, the value if any, the frozen target if any. */
export function indicatorValue(
  i: IndicatorFields & { targets: readonly TargetLike[]; sasaran: { name: string } | null },
  period: { year: number; triwulan: number | null },
  v: { realisasi: Num; note: string | null } | null | undefined,
  frozen?: FrozenLike | null,
): IndicatorValue {
  const t = targetOf(i, period, frozen);
  return {
    id: i.id,
    code: i.code,
    name: i.name,
    sasaran: sasaranName(i.sasaran, i.adHocRequestId),
    satuan: i.satuan,
    polarity: i.polarity,
    valueKind: effectiveValueKind(i),
    allowAbove100: i.allowAbove100,
    target: t.target,
    targetUpper: t.targetUpper,
    targetFrozen: t.frozen,
    realisasi: toNumber(v?.realisasi),
    note: v?.note ?? null,
  };
}

/** As the API shows it (GraphQL `SubmissionValue`): the value with its capaian and category on `scale`. */
export function indicatorValueView(v: IndicatorValue, scale: CategoryScale) {
  return {
    indicatorId: v.id,
    indicatorCode: v.code,
    indicatorName: v.name,
    sasaran: v.sasaran,
    satuan: v.satuan,
    polarity: v.polarity,
    valueKind: v.valueKind,
    allowAbove100: v.allowAbove100,
    target: v.target,
    targetUpper: v.targetUpper,
    targetFrozen: v.targetFrozen,
    realisasi: v.realisasi,
    note: v.note,
    ...capaianOf(scale, v.polarity, v.target, v.targetUpper, v.realisasi),
  };
}
export type IndicatorValueView = ReturnType<typeof indicatorValueView>;
